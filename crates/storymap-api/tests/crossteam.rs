//! Cross-team dependencies through `Workspace` (issue #16 item 4): the answer with the
//! warnings Rust judged on today's date, a reopened map, the backlog filter, and the JSON
//! export/import round trip with a bad `neededBy` refused.

mod one_story;

use one_story::{one_story, story_of};
use storymap_api::{BacklogQuery, CrossTeamEdit, ErrorCode, ExternalStatus, MapEdit, Workspace};

fn add(story: &str, needed_by: Option<String>, status: ExternalStatus) -> MapEdit {
    CrossTeamEdit::AddCrossTeamDependency {
        story_id: story.into(),
        team: "Payments".into(),
        item: "PAY-88 PSP contract".into(),
        needed_by,
        status,
    }
    .into()
}

#[test]
fn a_dependency_comes_back_with_its_warning_is_kept_and_round_trips_through_json() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, story) = one_story(&mut workspace);
    // Needed in three days and only asked: within one sprint, so the room hears of it.
    let soon = (chrono::Local::now().date_naive() + chrono::Days::new(3)).to_string();
    let change = workspace
        .apply_edit(&map, add(&story, Some(soon.clone()), ExternalStatus::Asked))
        .unwrap();
    let view = &change.stories[0];
    assert_eq!(view.external_dependencies[0].team, "Payments");
    assert_eq!(
        view.external_dependencies[0].needed_by.as_deref(),
        Some(soon.as_str())
    );
    assert_eq!(
        view.refinement.cross_team_warnings,
        [format!(
            "Nothing agreed with Payments on 'PAY-88 PSP contract', needed by {soon}"
        )]
    );
    let id = view.external_dependencies[0].id.clone();
    let agreed = CrossTeamEdit::UpdateCrossTeamDependency {
        story_id: story.clone(),
        dependency_id: id,
        team: "Payments".into(),
        item: "PAY-88 PSP contract".into(),
        needed_by: Some(soon.clone()),
        status: ExternalStatus::Agreed,
    };
    let change = workspace.apply_edit(&map, agreed.into()).unwrap();
    assert!(change.stories[0].refinement.cross_team_warnings.is_empty());
    drop(workspace);

    let mut workspace = Workspace::open(dir.path()).unwrap();
    assert_eq!(
        story_of(&workspace, &map, &story).external_dependencies[0].status,
        ExternalStatus::Agreed
    );
    let waiting = BacklogQuery {
        cross_team: Some(true),
        ..BacklogQuery::default()
    };
    assert_eq!(
        workspace.backlog(&map, waiting).unwrap().story_ids,
        std::slice::from_ref(&story)
    );

    let json = workspace.export_json(&map).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&json).unwrap();
    let listed = &file["stories"][0]["externalDependencies"][0];
    assert_eq!(
        (listed["team"].as_str(), listed["status"].as_str()),
        (Some("Payments"), Some("agreed"))
    );
    let imported = workspace.import_json(&json).unwrap();
    assert_eq!(
        imported.stories[0].external_dependencies[0].item,
        "PAY-88 PSP contract"
    );
    file["stories"][0]["externalDependencies"][0]["neededBy"] = serde_json::json!("next spring");
    let refused = workspace.import_json(&file.to_string()).unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert!(
        refused.message.contains("(got 'next spring')"),
        "{}",
        refused.message
    );
}

#[test]
fn a_needed_by_that_is_neither_a_slice_nor_a_date_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, story) = one_story(&mut workspace);
    let refused = workspace
        .apply_edit(
            &map,
            add(&story, Some("soon".into()), ExternalStatus::Asked),
        )
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert!(story_of(&workspace, &map, &story)
        .external_dependencies
        .is_empty());
}
