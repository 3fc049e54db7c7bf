//! What the store's merge tests share: a small real map, edits committed through the store.
#![allow(dead_code)] // each test file uses some of these

use storymap_core::{BackboneEdit, CardEdit, SliceEdit};
use storymap_core::{Edit, EditContext, MapDocument};
use storymap_store::{LoadedMap, Store};

pub fn ctx(id: &str) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: 1_700_000_000,
        author: "ana".into(),
    }
}

pub fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("storymap.sqlite3")).unwrap();
    (dir, store)
}

pub fn map_doc() -> MapDocument {
    let mut doc = MapDocument::create("m1", "Grocery app", "ana", 1_700_000_000).unwrap();
    let edits = [
        (
            Edit::from(BackboneEdit::AddActivity {
                title: "Shop".into(),
            }),
            "a1",
        ),
        (
            Edit::from(BackboneEdit::AddStep {
                activity_id: "a1".into(),
                title: "Search".into(),
            }),
            "s1",
        ),
        (
            Edit::from(SliceEdit::AddRelease {
                title: "MVP".into(),
            }),
            "r1",
        ),
        (
            Edit::from(CardEdit::AddStory {
                step_id: "s1".into(),
                release_id: "r1".into(),
                title: "By name".into(),
            }),
            "t1",
        ),
    ];
    for (edit, id) in edits {
        doc.apply(&edit, &ctx(id)).unwrap();
    }
    doc
}

pub fn edit(store: &mut Store, loaded: &mut LoadedMap, edit: Edit, id: &str) {
    let applied = loaded.doc.apply(&edit, &ctx(id)).unwrap();
    store.commit_edit(loaded, &applied).unwrap();
}

pub fn rename(story: &str, title: &str) -> Edit {
    Edit::from(CardEdit::RenameStory {
        story_id: story.into(),
        title: title.into(),
    })
}
