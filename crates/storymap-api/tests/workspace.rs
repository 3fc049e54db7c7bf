//! The handlers the shells call, on a real data directory.

use storymap_api::{ErrorCode, MapEdit, MapView, Workspace, SAMPLE_MAP_JSON};

fn sample() -> MapView {
    serde_json::from_str(SAMPLE_MAP_JSON).unwrap()
}

fn titles(view: &MapView) -> Vec<&str> {
    view.stories.iter().map(|s| s.title.as_str()).collect()
}

#[test]
fn the_first_start_opens_the_sample_map_and_later_starts_the_last_map() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(&dir.path().join("new/data")).unwrap();
    let first = workspace.open_start_map().unwrap();
    assert_eq!(first.map.name, sample().map.name);
    assert_eq!(
        titles(&first),
        titles(&sample()),
        "the sample's display order is kept"
    );
    let steps = |v: &MapView| {
        v.activities
            .iter()
            .flat_map(|a| a.steps.iter().map(|s| s.title.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(steps(&first), steps(&sample()));

    let other = workspace.create_map("Release planning").unwrap();
    assert_eq!(other.releases.len(), 1);
    assert_eq!(other.releases[0].title, "MVP");
    drop(workspace);

    let mut workspace = Workspace::open(&dir.path().join("new/data")).unwrap();
    assert_eq!(
        workspace.open_start_map().unwrap().map.id,
        other.map.id,
        "reopens the last map"
    );
    assert_eq!(
        workspace.list_maps().unwrap().len(),
        2,
        "the sample is imported once"
    );
}

#[test]
fn edits_return_the_new_view_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let map = workspace.create_map("Checkout").unwrap();
    let id = map.map.id.clone();
    let activity = workspace
        .apply_edit(
            &id,
            MapEdit::AddActivity {
                title: "Pay".into(),
            },
        )
        .unwrap()
        .created_id
        .unwrap();
    let step = workspace
        .apply_edit(
            &id,
            MapEdit::AddStep {
                activity_id: activity,
                title: "Card".into(),
            },
        )
        .unwrap()
        .created_id
        .unwrap();
    let outcome = workspace
        .apply_edit(
            &id,
            MapEdit::AddStory {
                step_id: step,
                release_id: map.releases[0].id.clone(),
                title: "3-D Secure".into(),
            },
        )
        .unwrap();
    let story = outcome.created_id.unwrap();
    assert_eq!(titles(&outcome.view), ["3-D Secure"]);
    workspace
        .apply_edit(
            &id,
            MapEdit::RenameStory {
                story_id: story,
                title: "Pay with 3-D Secure".into(),
            },
        )
        .unwrap();
    workspace
        .apply_edit(
            &id,
            MapEdit::RenameMap {
                name: "Checkout v2".into(),
            },
        )
        .unwrap();
    drop(workspace);

    let mut workspace = Workspace::open(dir.path()).unwrap();
    let view = workspace.open_start_map().unwrap();
    assert_eq!(view.map.name, "Checkout v2");
    assert_eq!(titles(&view), ["Pay with 3-D Secure"]);
}

#[test]
fn errors_carry_a_code_the_ui_can_branch_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let map = workspace.create_map("Errors").unwrap();
    let err = workspace.open_map("no-such-map").unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let err = workspace
        .apply_edit(
            &map.map.id,
            MapEdit::AddStory {
                step_id: "ghost".into(),
                release_id: map.releases[0].id.clone(),
                title: "x".into(),
            },
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(err.message.contains("step"), "{}", err.message);
    let err = workspace
        .apply_edit(&map.map.id, MapEdit::AddActivity { title: "  ".into() })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let err = workspace.import_json("{\"schemaVersion\": 99, \"map\": {\"id\": \"x\", \"name\": \"x\"}, \"activities\": [], \"releases\": [], \"stories\": []}").unwrap_err();
    assert_eq!(err.code, ErrorCode::ForeignDocument);
    let json = serde_json::to_string(&err).unwrap();
    assert!(
        json.starts_with("{\"code\":\"foreignDocument\",\"message\":"),
        "{json}"
    );
}

#[test]
fn the_cli_and_the_app_share_a_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = Workspace::open(dir.path()).unwrap();
    let view = app.open_start_map().unwrap();
    app.prepare(&view.map.id).unwrap();
    let mut cli = Workspace::open(dir.path()).unwrap();
    cli.add_story_at(
        &view.map.id,
        "Discover products",
        "Search",
        "MVP",
        "Search by barcode",
    )
    .unwrap();
    // The app, holding its document in memory, merges the CLI's change before its own edit.
    let outcome = app
        .apply_edit(
            &view.map.id,
            MapEdit::RenameMap {
                name: "Grocery".into(),
            },
        )
        .unwrap();
    assert!(titles(&outcome.view).contains(&"Search by barcode"));
    assert_eq!(cli.view(&view.map.id).unwrap().map.name, "Grocery");
}
