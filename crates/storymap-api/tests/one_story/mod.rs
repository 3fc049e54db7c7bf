//! A map with one story, the smallest map most API tests need.
#![allow(dead_code)] // each test file uses some of these

use storymap_api::{BackboneEdit, CardEdit, MapEdit, SliceEdit, StoryView, Workspace};

/// A map with one story; its id and the story's.
pub fn one_story(workspace: &mut Workspace) -> (String, String) {
    let map = workspace.create_map("Checkout").unwrap().map.id;
    let mut created = |edit: MapEdit| {
        let change = workspace.apply_edit(&map, edit).unwrap();
        change.created_id.unwrap()
    };
    let activity = created(
        BackboneEdit::AddActivity {
            title: "Pay".into(),
        }
        .into(),
    );
    let step = created(
        BackboneEdit::AddStep {
            activity_id: activity,
            title: "Card".into(),
        }
        .into(),
    );
    let release = created(
        SliceEdit::AddRelease {
            title: "Later".into(),
        }
        .into(),
    );
    let story = created(
        CardEdit::AddStory {
            step_id: step,
            release_id: release,
            title: "Pay by card".into(),
        }
        .into(),
    );
    (map, story)
}

pub fn story_of(workspace: &Workspace, map: &str, story: &str) -> StoryView {
    let view = workspace.view(map).unwrap();
    view.stories.into_iter().find(|s| s.id == story).unwrap()
}
