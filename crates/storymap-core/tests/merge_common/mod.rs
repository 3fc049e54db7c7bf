//! What the merge tests share: a small real map and a teammate's copy of it.
#![allow(dead_code)] // each test file uses some of these

use storymap_core::{BackboneEdit, CardEdit, SliceEdit};
use storymap_core::{Edit, EditContext, MapDocument};

pub const TIME: i64 = 1_700_000_000;

pub fn ctx(id: &str) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: TIME,
        author: "ana".into(),
    }
}

/// One activity (a1) with one step (s1), one slice (r1) and stories c0, c1.
pub fn small_map() -> MapDocument {
    let mut map = MapDocument::create("m", "Shop", "ana", TIME).unwrap();
    let edits = [
        (
            Edit::from(BackboneEdit::AddActivity {
                title: "Find".into(),
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
    ];
    for (edit, id) in edits {
        map.apply(&edit, &ctx(id)).unwrap();
    }
    for id in ["c0", "c1"] {
        let add = Edit::from(CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r1".into(),
            title: format!("Story {id}"),
        });
        map.apply(&add, &ctx(id)).unwrap();
    }
    map
}

pub fn copy_for(map: &MapDocument, author: &str) -> MapDocument {
    let mut copy = MapDocument::load(&map.save()).unwrap();
    copy.set_author(author);
    copy
}

/// Three offline copies of the small map: ana's, ben's and the one they came from.
pub fn three_copies() -> [MapDocument; 3] {
    let original = small_map();
    [
        copy_for(&original, "ana"),
        copy_for(&original, "ben"),
        original,
    ]
}

/// Every copy merges every other's changes: after this they have all seen everything.
pub fn sync_all(maps: &mut [MapDocument]) {
    for i in 0..maps.len() {
        for j in 0..maps.len() {
            let other = maps[j].save();
            maps[i].merge(&other).unwrap();
        }
    }
}

/// What should be left of the items peers added, once some were deleted: each added one
/// once, unless deleted, sorted.
pub fn survivors(mut added: Vec<String>, deleted: &[String]) -> Vec<String> {
    added.retain(|id| !deleted.contains(id));
    added.sort();
    added
}
