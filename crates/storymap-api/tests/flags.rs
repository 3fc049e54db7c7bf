//! Session flags and label colours through `Workspace`: the answer the UI patches, undo, a
//! reopened map (the projection), and the JSON export/import round trip.

mod one_story;

use one_story::{one_story, story_of};
use storymap_api::{ErrorCode, MapEdit, SettingsEdit, StoryEdit, StoryFlag, Workspace};

fn set_flag(story: &str, flag: StoryFlag, on: bool) -> MapEdit {
    StoryEdit::SetFlag {
        story_id: story.into(),
        flag,
        on,
    }
    .into()
}

#[test]
fn flags_are_answered_undone_kept_on_reopen_and_round_trip_through_json() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, story) = one_story(&mut workspace);
    let flag = |flag| set_flag(&story, flag, true);
    workspace
        .apply_edit(&map, flag(StoryFlag::DiscussionNeeded))
        .unwrap();
    let change = workspace.apply_edit(&map, flag(StoryFlag::Risky)).unwrap();
    let both = [StoryFlag::Risky, StoryFlag::DiscussionNeeded];
    assert_eq!(change.stories[0].flags, both);
    let undone = workspace.undo(&map).unwrap();
    assert_eq!(undone.stories[0].flags, [StoryFlag::DiscussionNeeded]);
    workspace.redo(&map).unwrap();
    drop(workspace);

    let mut workspace = Workspace::open(dir.path()).unwrap();
    assert_eq!(story_of(&workspace, &map, &story).flags, both);
    let json = workspace.export_json(&map).unwrap();
    let file: serde_json::Value = serde_json::from_str(&json).unwrap();
    let story_in_file = file["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == *story);
    let names = serde_json::json!(["risky", "discussionNeeded"]);
    assert_eq!(story_in_file.unwrap()["flags"], names);
    let imported = workspace.import_json(&json).unwrap();
    assert_eq!(imported.stories[0].flags, both);
}

#[test]
fn an_imported_file_with_an_unknown_flag_is_refused_and_old_files_have_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, _) = one_story(&mut workspace);
    let json = workspace.export_json(&map).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&json).unwrap();
    file["stories"][0]["flags"] = serde_json::json!(["urgent"]);
    let refused = workspace.import_json(&file.to_string()).unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert!(refused.message.contains("urgent"), "{}", refused.message);
    file["stories"][0].as_object_mut().unwrap().remove("flags");
    let imported = workspace.import_json(&file.to_string()).unwrap();
    assert!(imported.stories[0].flags.is_empty());
}

#[test]
fn a_projection_written_before_flags_still_reads() {
    let old = r#"{"labels":["pay"],"notes_private":false}"#;
    let details: storymap_core::StoryDetails = serde_json::from_str(old).unwrap();
    assert!(details.flags.is_empty());
    assert_eq!(details.labels, ["pay"]);
}

fn set_color(label: &str, color: Option<&str>) -> MapEdit {
    SettingsEdit::SetLabelColor {
        label: label.into(),
        color: color.map(Into::into),
    }
    .into()
}

#[test]
fn label_colours_come_with_their_text_colour_and_round_trip_through_json() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, _) = one_story(&mut workspace);
    workspace
        .apply_edit(&map, set_color("ux", Some("#FDE68A")))
        .unwrap();
    let change = workspace
        .apply_edit(&map, set_color("payments", Some("#1e3a8a")))
        .unwrap();
    let settings = change.settings.expect("the settings changed");
    assert_eq!(settings.label_colors["ux"], "#fde68a");
    assert_eq!(settings.label_text_colors["ux"], "#111827");
    assert_eq!(settings.label_text_colors["payments"], "#ffffff");

    let json = workspace.export_json(&map).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&json).unwrap();
    let expected = serde_json::json!({ "payments": "#1e3a8a", "ux": "#fde68a" });
    assert_eq!(file["settings"]["labelColors"], expected);
    let imported = workspace.import_json(&json).unwrap();
    assert_eq!(imported.settings.label_colors, settings.label_colors);
    assert_eq!(
        imported.settings.label_text_colors,
        settings.label_text_colors
    );

    file["settings"]["labelColors"]["ux"] = "yellow".into();
    let refused = workspace.import_json(&file.to_string()).unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert_eq!(
        refused.message,
        "the colour of label 'ux' must be #rrggbb (got 'yellow')"
    );
    let refused = workspace
        .apply_edit(&map, set_color("ux", Some("#12")))
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
}
