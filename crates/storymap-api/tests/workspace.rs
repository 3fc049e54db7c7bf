//! The handlers the shells call, on a real data directory.

use storymap_api::{BackboneEdit, CardEdit};
use storymap_api::{ErrorCode, MapEdit, MapView, ViewPrefs, Workspace, SAMPLE_MAP_JSON};

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
            MapEdit::from(BackboneEdit::AddActivity {
                title: "Pay".into(),
            }),
        )
        .unwrap()
        .created_id
        .unwrap();
    let step = workspace
        .apply_edit(
            &id,
            MapEdit::from(BackboneEdit::AddStep {
                activity_id: activity,
                title: "Card".into(),
            }),
        )
        .unwrap()
        .created_id
        .unwrap();
    let outcome = workspace
        .apply_edit(
            &id,
            MapEdit::from(CardEdit::AddStory {
                step_id: step,
                release_id: map.releases[0].id.clone(),
                title: "3-D Secure".into(),
            }),
        )
        .unwrap();
    let story = outcome.created_id.unwrap();
    // The answer carries only what changed: the new story and fresh roll-ups.
    assert_eq!(outcome.stories.len(), 1);
    assert_eq!(outcome.stories[0].title, "3-D Secure");
    assert_eq!(outcome.activities, None);
    assert_eq!(outcome.releases[0].rollup.stories, 1);
    assert_eq!(
        outcome.history.undo.as_deref(),
        Some("Add story '3-D Secure'")
    );
    workspace
        .apply_edit(
            &id,
            MapEdit::from(CardEdit::RenameStory {
                story_id: story,
                title: "Pay with 3-D Secure".into(),
            }),
        )
        .unwrap();
    workspace
        .apply_edit(
            &id,
            MapEdit::from(BackboneEdit::RenameMap {
                name: "Checkout v2".into(),
            }),
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
            MapEdit::from(CardEdit::AddStory {
                step_id: "ghost".into(),
                release_id: map.releases[0].id.clone(),
                title: "x".into(),
            }),
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(err.message.contains("step"), "{}", err.message);
    let err = workspace
        .apply_edit(
            &map.map.id,
            MapEdit::from(BackboneEdit::AddActivity { title: "  ".into() }),
        )
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
            MapEdit::from(BackboneEdit::RenameMap {
                name: "Grocery".into(),
            }),
        )
        .unwrap();
    assert_eq!(outcome.name.as_deref(), Some("Grocery"));
    assert!(titles(&app.view(&view.map.id).unwrap()).contains(&"Search by barcode"));
    assert_eq!(cli.view(&view.map.id).unwrap().map.name, "Grocery");
}

/// The sample map's first cell and the story in it.
fn first_card(view: &MapView) -> (String, String, String) {
    let story = &view.stories[0];
    (
        story.id.clone(),
        story.step_id.clone(),
        story.release_id.clone(),
    )
}

#[test]
fn undo_and_redo_walk_the_local_history_and_survive_in_the_stored_map() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let view = workspace.open_start_map().unwrap();
    let map_id = view.map.id.clone();
    let (story, _, release) = first_card(&view);
    let target_step = view.activities[1].steps[0].id.clone();

    let nothing = workspace.undo(&map_id).unwrap_err();
    assert_eq!(nothing.code, ErrorCode::InvalidInput);
    assert_eq!(nothing.message, "there is nothing to undo");

    let moved = workspace
        .apply_edit(
            &map_id,
            MapEdit::from(CardEdit::MoveStory {
                story_id: story.clone(),
                step_id: target_step.clone(),
                release_id: release.clone(),
                to_index: 0,
            }),
        )
        .unwrap();
    assert_eq!(moved.stories.len(), 1);
    assert_eq!(moved.stories[0].step_id, target_step);
    let deleted = workspace
        .apply_edit(
            &map_id,
            MapEdit::from(CardEdit::DeleteStory {
                story_id: story.clone(),
            }),
        )
        .unwrap();
    assert_eq!(deleted.removed_story_ids, std::slice::from_ref(&story));
    assert_eq!(
        deleted.releases[0].rollup.stories,
        view.releases[0].rollup.stories - 1
    );

    let undone = workspace.undo(&map_id).unwrap();
    assert_eq!(undone.stories[0].id, story);
    assert_eq!(
        undone.history.redo.as_deref(),
        Some(deleted.history.undo.as_deref().unwrap())
    );
    let undone = workspace.undo(&map_id).unwrap();
    assert_eq!(undone.stories[0].step_id, view.stories[0].step_id);
    assert_eq!(undone.history.undo, None);
    assert_eq!(
        workspace.view(&map_id).unwrap(),
        view,
        "two undos restore the map"
    );

    let redone = workspace.redo(&map_id).unwrap();
    assert_eq!(redone.stories[0].step_id, target_step);
    drop(workspace);

    // What undo and redo wrote is stored like any edit.
    let workspace = Workspace::open(dir.path()).unwrap();
    let stored = workspace.view(&map_id).unwrap();
    let card = stored.stories.iter().find(|s| s.id == story).unwrap();
    assert_eq!(card.step_id, target_step);
}

#[test]
fn a_new_edit_clears_redo_and_opening_a_map_starts_a_fresh_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let view = workspace.open_start_map().unwrap();
    let map_id = view.map.id.clone();
    let rename = |name: &str| MapEdit::from(BackboneEdit::RenameMap { name: name.into() });
    workspace.apply_edit(&map_id, rename("One")).unwrap();
    workspace.undo(&map_id).unwrap();
    let change = workspace.apply_edit(&map_id, rename("Two")).unwrap();
    assert_eq!(change.history.redo, None);
    assert_eq!(change.history.undo.as_deref(), Some("Rename map to 'Two'"));

    // Renaming to the same name changes nothing and is not an undo step.
    let same = workspace.apply_edit(&map_id, rename("Two")).unwrap();
    assert_eq!(same.history.undo.as_deref(), Some("Rename map to 'Two'"));
    workspace.undo(&map_id).unwrap();
    assert_eq!(workspace.view(&map_id).unwrap().map.name, view.map.name);

    workspace.apply_edit(&map_id, rename("Three")).unwrap();
    workspace.open_map(&map_id).unwrap();
    assert_eq!(
        workspace.undo(&map_id).unwrap_err().code,
        ErrorCode::InvalidInput
    );
}

#[test]
fn view_prefs_are_kept_per_map_and_zoom_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let view = workspace.open_start_map().unwrap();
    let map_id = view.map.id.clone();
    assert_eq!(workspace.view_prefs(&map_id).unwrap(), ViewPrefs::default());
    workspace
        .save_view_prefs(
            &map_id,
            ViewPrefs {
                collapsed_release_ids: vec![view.releases[1].id.clone()],
                zoom: 9.0,
            },
        )
        .unwrap();
    drop(workspace);
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let prefs = workspace.view_prefs(&map_id).unwrap();
    assert_eq!(prefs.collapsed_release_ids, [view.releases[1].id.clone()]);
    assert_eq!(prefs.zoom, 2.0);
    let other = workspace.create_map("Other").unwrap();
    assert_eq!(
        workspace.view_prefs(&other.map.id).unwrap(),
        ViewPrefs::default()
    );
    let missing = workspace
        .save_view_prefs("no-such-map", ViewPrefs::default())
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
}
