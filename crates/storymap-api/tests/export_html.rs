//! `Workspace::export_html` on the sample map: the page written whole, the last session's
//! update on it once there is one, and a missing slice refused with the file left as it was.

use storymap_api::{ErrorCode, ImageScope, MapEdit, SessionEdit, Workspace, SAMPLE_MAP_JSON};

fn sample() -> (tempfile::TempDir, Workspace, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(&dir.path().join("data")).unwrap();
    let map_id = workspace.import_json(SAMPLE_MAP_JSON).unwrap().map.id;
    (dir, workspace, map_id)
}

#[test]
fn the_page_is_written_whole_with_the_last_sessions_update() {
    let (dir, mut workspace, map_id) = sample();
    let path = dir.path().join("shop.html");
    workspace
        .export_html(&map_id, ImageScope::WholeMap, &path)
        .unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert!(html.contains("<h1>Online grocery shop</h1>") && html.contains(">Later</div>"));
    assert!(!html.contains("Last refinement session"));

    let start = SessionEdit::StartSession {
        story_ids: None,
        story_count: Some(3),
        length_minutes: Some(45),
        timebox_minutes: None,
        deck: None,
        participants: None,
    };
    workspace.apply_edit(&map_id, MapEdit::from(start)).unwrap();
    workspace
        .export_html(&map_id, ImageScope::WholeMap, &path)
        .unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    let update = workspace.session_summary(&map_id, None).unwrap().text;
    let lead = update.lines().next().unwrap();
    assert!(html.contains("Last refinement session"));
    assert!(html.contains(&lead.replace('\'', "&#39;")), "no '{lead}'");
    // The update carries the health line (the sample map has no velocity: ready points).
    let health = update
        .lines()
        .find(|l| l.starts_with("Ready backlog: "))
        .unwrap();
    assert!(html.contains(health), "no '{health}'");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(left.is_empty(), "partial files left: {left:?}");
}

#[test]
fn a_missing_slice_is_not_found_and_the_old_file_stays() {
    let (dir, mut workspace, map_id) = sample();
    let path = dir.path().join("shop.html");
    std::fs::write(&path, "the page from last week").unwrap();
    let scope = ImageScope::Slice {
        release_id: "no-such-slice".into(),
    };
    let error = workspace.export_html(&map_id, scope, &path).unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the page from last week"
    );
}
