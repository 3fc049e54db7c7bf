//! A teammate's changes that break the schema (merge_check.rs in the core) are refused
//! through the store with nothing changed on disk or in memory; a later valid change
//! from the same peer still merges unless it builds on the refused one.

mod common;

use common::*;
use storymap_core::CardEdit;
use storymap_core::{CoreError, Edit, MapDocument};
use storymap_store::{Store, StoreError};

/// Everything the store holds for maps: the map rows, change rows and projection.
fn dump(store: &Store) -> Vec<String> {
    let tables = [
        "maps",
        "map_changes",
        "outline",
        "stories",
        "acceptance_criteria",
    ];
    let mut rows = Vec::new();
    for table in tables {
        let db = store.connection();
        let mut statement = db
            .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
            .unwrap();
        let columns = statement.column_count();
        let mut query = statement.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let values: Vec<rusqlite::types::Value> =
                (0..columns).map(|i| row.get(i).unwrap()).collect();
            rows.push(format!("{table}: {values:?}"));
        }
    }
    rows
}

/// Ben's copy of the map, with the raw Automerge edit a hostile peer could make.
fn bens_copy(original: &MapDocument) -> MapDocument {
    let mut ben = MapDocument::load(&original.save()).unwrap();
    ben.set_author("ben");
    ben
}

fn make_stories_a_number(ben: &mut MapDocument) {
    use automerge::transaction::Transactable;
    let mut tx = ben.sync_doc().transaction();
    tx.put(automerge::ROOT, "stories", 3).unwrap();
    tx.commit();
}

#[test]
fn a_refused_merge_changes_nothing_and_a_later_valid_one_still_merges() {
    let original = map_doc();
    let (_d, mut store) = temp_store();
    store.insert_map(&original).unwrap();
    let mut loaded = store.load("m1").unwrap();
    edit(&mut store, &mut loaded, rename("t1", "Kept"), "-");
    let (heads, model, rows) = (loaded.heads(), loaded.doc.read().unwrap(), dump(&store));

    let mut ben = bens_copy(&original);
    make_stories_a_number(&mut ben);
    let error = store.merge_changes(&mut loaded, &ben.save()).unwrap_err();
    let StoreError::Refused { source } = &error else {
        panic!("{error:?}");
    };
    assert!(
        matches!(**source, CoreError::RefusedChanges(_)),
        "{source:?}"
    );
    // The stored map is fine; only the changes are named.
    assert!(
        error.to_string().starts_with("the changes from ben"),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("the changes from ben make the map's stories a number; nothing was merged"),
        "{error}"
    );
    // Memory reloaded from disk, disk untouched.
    assert_eq!(loaded.heads(), heads);
    assert_eq!(loaded.doc.read().unwrap(), model);
    assert_eq!(dump(&store), rows);
    assert_eq!(store.read_model("m1").unwrap(), model);

    // Building on the refused change: refused too (it carries the hostile change).
    {
        use automerge::transaction::Transactable;
        let mut tx = ben.sync_doc().transaction();
        tx.put(automerge::ROOT, "name", "Ben's shop").unwrap();
        tx.commit();
    }
    assert!(store.merge_changes(&mut loaded, &ben.save()).is_err());
    assert_eq!(dump(&store), rows);

    // A change of Ben's made without the hostile one merges as usual.
    let mut fresh = bens_copy(&original);
    let base = fresh.heads();
    let add = Edit::from(CardEdit::AddStory {
        step_id: "s1".into(),
        release_id: "r1".into(),
        title: "By barcode".into(),
    });
    fresh.apply(&add, &ctx("t2")).unwrap();
    let merged = store
        .merge_changes(&mut loaded, &fresh.changes_after(&base))
        .unwrap()
        .expect("new changes");
    assert_eq!(merged.label, "Merged 1 change by ben");
    let stories = store.read_model("m1").unwrap().stories;
    let titles: Vec<&str> = stories.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Kept", "By barcode"]);
}
