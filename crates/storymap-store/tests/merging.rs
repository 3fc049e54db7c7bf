//! Changes from elsewhere (sync, `.storymap` files) through the store: one transaction
//! each, the projection kept equal to the document, and foreign bytes refused with
//! nothing lost.

mod common;

use common::*;
use storymap_core::CardEdit;
use storymap_core::{Edit, MapDocument};
use storymap_store::{ReceivedMap, StoreError};

#[test]
fn a_teammates_changes_arrive_as_one_row_with_the_projection_updated() {
    let original = map_doc();
    let (_a, mut ana) = temp_store();
    let (_b, mut ben) = temp_store();
    ana.insert_map(&original).unwrap();
    ben.insert_map(&original).unwrap();
    let mut ana_map = ana.load("m1").unwrap();
    let mut ben_map = ben.load("m1").unwrap();
    ben_map.doc.set_author("ben");
    let before = ben_map.heads();
    edit(&mut ben, &mut ben_map, rename("t1", "Search by name"), "-");
    let add = Edit::from(CardEdit::AddStory {
        step_id: "s1".into(),
        release_id: "r1".into(),
        title: "By barcode".into(),
    });
    edit(&mut ben, &mut ben_map, add, "t2");
    edit(&mut ana, &mut ana_map, rename("t1", "Find by name"), "-");

    let rows_before = ana.pending_changes("m1").unwrap().0;
    let bytes = ben_map.doc.automerge().save_after(&before);
    let merged = ana.merge_changes(&mut ana_map, &bytes).unwrap().unwrap();
    assert_eq!(merged.label, "Merged 2 changes by ben");
    assert_eq!(ana.pending_changes("m1").unwrap().0, rows_before + 1);
    let mut touched: Vec<_> = merged
        .changed
        .stories
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    touched.sort();
    assert_eq!(touched, ["t1", "t2"]);

    // Merging again brings nothing and writes nothing.
    assert!(ana.merge_changes(&mut ana_map, &bytes).unwrap().is_none());
    assert_eq!(ana.pending_changes("m1").unwrap().0, rows_before + 1);

    // The projection agrees with the document, also after reopening.
    let from_doc = ana.load("m1").unwrap().doc.read().unwrap();
    assert_eq!(ana.read_model("m1").unwrap(), from_doc);
    assert_eq!(from_doc.stories.len(), 2);
}

#[test]
fn foreign_or_damaged_bytes_are_refused_and_nothing_is_lost() {
    let (_d, mut store) = temp_store();
    store.insert_map(&map_doc()).unwrap();
    let mut loaded = store.load("m1").unwrap();
    edit(&mut store, &mut loaded, rename("t1", "Kept"), "-");
    let heads = loaded.heads();

    let other = MapDocument::create("other", "Someone else's map", "eve", 1).unwrap();
    let error = store.merge_changes(&mut loaded, &other.save()).unwrap_err();
    assert!(
        matches!(&error, StoreError::Document { .. }) && error.to_string().contains("another map"),
        "{error}"
    );
    // Memory was reloaded from disk: the foreign changes are gone, our edit is there.
    assert_eq!(loaded.heads(), heads);
    assert_eq!(loaded.doc.read_story("t1").unwrap().title, "Kept");
    let error = store
        .merge_changes(&mut loaded, b"\x85\x6f\x4a\x83 garbage")
        .unwrap_err();
    assert!(error.to_string().contains("damaged"), "{error}");
    assert_eq!(store.load("m1").unwrap().heads(), heads);
}

#[test]
fn a_received_map_is_added_when_new_and_merged_when_known() {
    let original = map_doc();
    let (_d, mut store) = temp_store();
    let received = store
        .receive_map(MapDocument::load(&original.save()).unwrap())
        .unwrap();
    assert_eq!(
        received,
        ReceivedMap::Added {
            map_id: "m1".into()
        }
    );
    assert_eq!(store.read_model("m1").unwrap(), original.read().unwrap());

    let mut copy = MapDocument::load(&original.save()).unwrap();
    copy.set_author("ben");
    copy.apply(&rename("t1", "By product name"), &ctx("-"))
        .unwrap();
    match store.receive_map(copy).unwrap() {
        ReceivedMap::Merged {
            merged: Some(m), ..
        } => assert_eq!(m.change_count, 1),
        other => panic!("expected a merge, got {other:?}"),
    }
    assert_eq!(
        store.read_model("m1").unwrap().stories[0].title,
        "By product name"
    );
    assert_eq!(store.list_maps().unwrap().len(), 1);
    // The same file twice merges nothing new.
    let again = store
        .receive_map(MapDocument::load(&original.save()).unwrap())
        .unwrap();
    assert_eq!(
        again,
        ReceivedMap::Merged {
            map_id: "m1".into(),
            merged: None
        }
    );
}

#[test]
fn a_full_disk_refuses_a_merge_and_the_same_changes_merge_once_space_is_freed() {
    let original = map_doc();
    let (_d, mut store) = temp_store();
    store.insert_map(&original).unwrap();
    let mut loaded = store.load("m1").unwrap();
    let heads = loaded.heads();

    // A teammate's long day of stories.
    let mut theirs = MapDocument::load(&original.save()).unwrap();
    theirs.set_author("ben");
    for i in 0..200 {
        let add = Edit::from(CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r1".into(),
            title: format!("{i} {}", "long title ".repeat(40)),
        });
        theirs.apply(&add, &ctx(&format!("b{i}"))).unwrap();
    }
    let bytes = theirs.changes_after(&heads);
    let pages: i64 = store
        .connection()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store
        .connection()
        .pragma_update(None, "max_page_count", pages)
        .unwrap();

    let error = store.merge_changes(&mut loaded, &bytes).unwrap_err();
    assert!(matches!(error, StoreError::DiskFull), "{error:?}");
    // Nothing of it is in memory or on disk; the server still has it for the next sync.
    assert_eq!(loaded.heads(), heads);
    assert_eq!(store.read_model("m1").unwrap().stories.len(), 1);

    store
        .connection()
        .pragma_update(None, "max_page_count", 1_073_741_823i64)
        .unwrap();
    let merged = store.merge_changes(&mut loaded, &bytes).unwrap().unwrap();
    assert_eq!(merged.change_count, 200);
    assert_eq!(store.read_model("m1").unwrap(), loaded.doc.read().unwrap());
}
