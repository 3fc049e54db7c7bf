//! Two laptops that each gave a story its first label offline (and each changed a setting
//! for the first time) exchange `.storymap` files: both labels and both settings are in
//! each copy, in the view, the backlog filter and the stored projection after a reopen.

mod one_story;

use one_story::{one_story, story_of};
use storymap_api::{BacklogQuery, MapEdit, SettingsEdit, StoryEdit, Workspace};

fn label(story: &str, label: &str) -> MapEdit {
    StoryEdit::SetLabel {
        story_id: story.into(),
        label: label.into(),
        on: true,
    }
    .into()
}

fn colour(label: &str, color: &str) -> MapEdit {
    SettingsEdit::SetLabelColor {
        label: label.into(),
        color: Some(color.into()),
    }
    .into()
}

#[test]
fn first_labels_and_settings_made_on_two_laptops_survive_a_file_exchange() {
    let (ana_dir, ben_dir, files) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let mut ana = Workspace::open(ana_dir.path()).unwrap();
    let mut ben = Workspace::open(ben_dir.path()).unwrap();
    let (map, story) = one_story(&mut ana);
    let file = files.path().join("checkout.storymap");
    ana.export_map_file(&map, &file).unwrap();
    ben.import_map_file(&file).unwrap();

    ana.apply_edit(&map, label(&story, "checkout")).unwrap();
    ana.apply_edit(&map, colour("checkout", "#1d4ed8")).unwrap();
    ben.apply_edit(&map, label(&story, "mobile")).unwrap();
    ben.apply_edit(&map, colour("mobile", "#b91c1c")).unwrap();
    ben.export_map_file(&map, &file).unwrap();
    ana.import_map_file(&file).unwrap();
    ana.export_map_file(&map, &file).unwrap();
    ben.import_map_file(&file).unwrap();

    for laptop in [&ana, &ben] {
        assert_eq!(
            story_of(laptop, &map, &story).labels,
            ["checkout", "mobile"]
        );
        let query = BacklogQuery {
            label: Some("mobile".into()),
            ..BacklogQuery::default()
        };
        assert_eq!(
            laptop.backlog(&map, query).unwrap().story_ids,
            std::slice::from_ref(&story)
        );
        let colours = laptop.view(&map).unwrap().settings.label_colors;
        assert_eq!(colours.len(), 2, "{colours:?}");
    }
    drop(ana);
    let ana = Workspace::open(ana_dir.path()).unwrap();
    assert_eq!(story_of(&ana, &map, &story).labels, ["checkout", "mobile"]);
}

#[test]
fn a_json_file_without_ranks_imports_in_its_own_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(storymap_api::SAMPLE_MAP_JSON).unwrap();
    for activity in file["activities"].as_array_mut().unwrap() {
        activity.as_object_mut().unwrap().remove("rank");
        for step in activity["steps"].as_array_mut().unwrap() {
            step.as_object_mut().unwrap().remove("rank");
        }
    }
    for key in ["releases", "stories"] {
        for item in file[key].as_array_mut().unwrap() {
            item.as_object_mut().unwrap().remove("rank");
        }
    }
    let titles = |value: &serde_json::Value| -> Vec<String> {
        value["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["title"].as_str().unwrap().to_owned())
            .collect()
    };
    let imported = workspace.import_json(&file.to_string()).unwrap();
    let view: serde_json::Value = serde_json::to_value(&imported).unwrap();
    assert_eq!(titles(&view), titles(&file));
    assert!(
        imported.stories.iter().all(|s| !s.rank.is_empty()),
        "ranks minted"
    );
}
