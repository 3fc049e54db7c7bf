//! The store against real SQLite files in a temp dir: round trips, compaction, two
//! processes on one file, a full disk, damaged and newer files.

use proptest::prelude::*;
use storymap_core::{
    BackboneEdit, CardEdit, CriteriaEdit, EstimateEdit, SettingsEdit, SliceEdit, StoryEdit,
};
use storymap_core::{Edit, EditContext, MapDocument, MapModel, StoryField, UndoRecord};
use storymap_store::{MapChanged, Store, StoreError, COMPACT_AFTER_ROWS};

fn ctx(id: &str) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: 1_700_000_000,
        author: "ana".into(),
    }
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("storymap.sqlite3")).unwrap();
    (dir, store)
}

/// A map with one activity, step and release slice, stored.
fn seeded(store: &mut Store) -> storymap_store::LoadedMap {
    let mut doc = MapDocument::create("m1", "Grocery app", "ana", 1_700_000_000).unwrap();
    doc.apply(
        &Edit::from(BackboneEdit::AddActivity {
            title: "Shop".into(),
        }),
        &ctx("a1"),
    )
    .unwrap();
    doc.apply(
        &Edit::from(BackboneEdit::AddStep {
            activity_id: "a1".into(),
            title: "Search".into(),
        }),
        &ctx("s1"),
    )
    .unwrap();
    doc.apply(
        &Edit::from(SliceEdit::AddRelease {
            title: "MVP".into(),
        }),
        &ctx("r1"),
    )
    .unwrap();
    store.insert_map(&doc).unwrap();
    store.load("m1").unwrap()
}

fn edit(
    store: &mut Store,
    loaded: &mut storymap_store::LoadedMap,
    edit: Edit,
    id: &str,
) -> Result<MapChanged, StoreError> {
    store.catch_up(loaded)?;
    let applied = loaded.doc.apply(&edit, &ctx(id)).expect("valid edit");
    store.commit_edit(loaded, &applied)
}

fn add_story(title: &str) -> Edit {
    Edit::from(CardEdit::AddStory {
        step_id: "s1".into(),
        release_id: "r1".into(),
        title: title.into(),
    })
}

fn titles(model: &MapModel) -> Vec<String> {
    model.stories.iter().map(|s| s.title.clone()).collect()
}

#[test]
fn edits_survive_reopening_and_the_projection_agrees_with_the_document() {
    let (dir, mut store) = temp_store();
    let mut loaded = seeded(&mut store);
    edit(&mut store, &mut loaded, add_story("By name"), "t1").unwrap();
    edit(&mut store, &mut loaded, add_story("By barcode"), "t2").unwrap();
    edit(
        &mut store,
        &mut loaded,
        Edit::from(BackboneEdit::RenameStep {
            step_id: "s1".into(),
            title: "Find".into(),
        }),
        "-",
    )
    .unwrap();
    drop(store);

    let store = Store::open(&dir.path().join("storymap.sqlite3")).unwrap();
    let from_doc = store.load("m1").unwrap().doc.read().unwrap();
    let from_projection = store.read_model("m1").unwrap();
    assert_eq!(from_projection, from_doc);
    assert_eq!(titles(&from_doc), ["By name", "By barcode"]);
    assert_eq!(from_doc.activities[0].steps[0].title, "Find");
    let listing = &store.list_maps().unwrap()[0];
    assert_eq!(
        (listing.name.as_str(), listing.story_count),
        ("Grocery app", 2)
    );
}

#[test]
fn a_write_kept_waiting_by_another_process_says_so_and_saves_nothing() {
    let (dir, app) = temp_store();
    let cli = Store::open(&dir.path().join("storymap.sqlite3")).unwrap();
    app.begin_exclusive().unwrap();
    // The real wait is five seconds; none here, the outcome is the same.
    cli.connection()
        .busy_timeout(std::time::Duration::ZERO)
        .unwrap();
    let error = cli.set_setting("displayName", "Ben").unwrap_err();
    assert!(matches!(error, StoreError::Busy), "{error:?}");
    assert!(
        error.to_string().starts_with(
            "another Storymap (a window or the command line) kept the data directory busy"
        ),
        "{error}"
    );
    app.end_exclusive(true).unwrap();
    assert_eq!(cli.setting("displayName").unwrap(), None);
    cli.set_setting("displayName", "Ben").unwrap();
}

#[test]
fn the_listing_counts_stories_as_edits_add_and_delete_them() {
    let (_dir, mut store) = temp_store();
    let mut loaded = seeded(&mut store);
    let count = |store: &Store| store.list_maps().unwrap()[0].story_count;
    for id in ["t1", "t2", "t3"] {
        edit(&mut store, &mut loaded, add_story(id), id).unwrap();
    }
    assert_eq!(count(&store), 3);
    let delete = |id: &str| {
        Edit::from(CardEdit::DeleteStory {
            story_id: id.into(),
        })
    };
    edit(&mut store, &mut loaded, delete("t2"), "-").unwrap();
    assert_eq!(count(&store), 2);
    assert_eq!(store.read_model("m1").unwrap().stories.len(), 2);
}

#[test]
fn change_rows_are_compacted_into_a_snapshot() {
    let (_dir, mut store) = temp_store();
    let mut loaded = seeded(&mut store);
    for i in 0..COMPACT_AFTER_ROWS {
        edit(
            &mut store,
            &mut loaded,
            add_story(&format!("Story {i}")),
            &format!("t{i}"),
        )
        .unwrap();
    }
    assert_eq!(store.pending_changes("m1").unwrap().0, COMPACT_AFTER_ROWS);
    assert!(store.compact_if_due(&mut loaded).unwrap());
    assert_eq!(store.pending_changes("m1").unwrap().0, 0);
    assert!(!store.compact_if_due(&mut loaded).unwrap());
    let reloaded = store.load("m1").unwrap().doc.read().unwrap();
    assert_eq!(reloaded.stories.len(), COMPACT_AFTER_ROWS as usize);
    assert_eq!(reloaded, loaded.doc.read().unwrap());
}

#[test]
fn two_processes_on_one_file_lose_nothing_even_across_compaction() {
    let (dir, mut app) = temp_store();
    let mut in_app = seeded(&mut app);
    let mut cli = Store::open(&dir.path().join("storymap.sqlite3")).unwrap();
    let mut in_cli = cli.load("m1").unwrap();

    edit(&mut cli, &mut in_cli, add_story("From the CLI"), "c1").unwrap();
    edit(&mut app, &mut in_app, add_story("From the app"), "p1").unwrap();
    // The CLI compacts while the app still holds its older copy.
    cli.compact(&mut in_cli).unwrap();
    edit(&mut app, &mut in_app, add_story("From the app again"), "p2").unwrap();
    app.compact(&mut in_app).unwrap();

    let fresh = Store::open(&dir.path().join("storymap.sqlite3")).unwrap();
    let model = fresh.load("m1").unwrap().doc.read().unwrap();
    let mut got = titles(&model);
    got.sort();
    assert_eq!(got, ["From the CLI", "From the app", "From the app again"]);
    assert_eq!(fresh.read_model("m1").unwrap(), model);
}

/// Another process commits between this one catching up and committing (the window is
/// the edit itself): the rows written must come from the document with both changes.
#[test]
fn a_commit_right_after_another_process_writes_rows_of_the_merged_document() {
    let (dir, mut ana) = temp_store();
    let mut ana_map = seeded(&mut ana);
    let mut ben = Store::open(&dir.path().join("storymap.sqlite3")).unwrap();
    let mut ben_map = ben.load("m1").unwrap();
    let pay = Edit::from(BackboneEdit::AddActivity {
        title: "Pay".into(),
    });
    edit(&mut ana, &mut ana_map, pay, "a2").unwrap();
    let move_step = Edit::from(BackboneEdit::MoveStep {
        step_id: "s1".into(),
        activity_id: "a2".into(),
        to_index: 0,
    });
    edit(&mut ana, &mut ana_map, move_step, "x").unwrap();
    // Ben adds a story to the step Ana just moved, without having read her rows.
    let late = ben_map.doc.apply(&add_story("Late"), &ctx("late")).unwrap();
    ben.commit_edit(&mut ben_map, &late).unwrap();
    let merged = ben.load("m1").unwrap().doc.read().unwrap();
    assert_eq!(ben.read_model("m1").unwrap(), merged);
    assert_eq!(ben_map.model(), &merged, "memory agrees with disk");
    assert_eq!(merged.stories[0].activity_id, "a2");
}

#[test]
fn a_full_disk_refuses_the_edit_and_keeps_memory_equal_to_disk() {
    let (dir, mut store) = temp_store();
    let mut loaded = seeded(&mut store);
    edit(
        &mut store,
        &mut loaded,
        add_story("Saved before the disk filled"),
        "t1",
    )
    .unwrap();
    let pages: i64 = store
        .connection()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store
        .connection()
        .pragma_update(None, "max_page_count", pages)
        .unwrap();

    // Keep adding long stories until the "disk" (the page limit) is full.
    let mut saved = vec!["Saved before the disk filled".to_owned()];
    let mut failure = None;
    for i in 0..500 {
        let title = format!("{i} {}", "long title ".repeat(40));
        match edit(&mut store, &mut loaded, add_story(&title), &format!("f{i}")) {
            Ok(_) => saved.push(title.trim().to_owned()),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    let failure = failure.expect("the page limit was never reached");
    assert!(matches!(failure, StoreError::DiskFull), "{failure:?}");
    assert!(failure.to_string().contains("disk is full"));
    // Memory was reset to what the disk holds: the refused story is gone, the saved ones stay.
    assert_eq!(titles(&loaded.doc.read().unwrap()), saved);

    store
        .connection()
        .pragma_update(None, "max_page_count", 1_073_741_823i64)
        .unwrap();
    edit(
        &mut store,
        &mut loaded,
        add_story("After space was freed"),
        "t3",
    )
    .unwrap();
    drop(store);
    let store = Store::open(&dir.path().join("storymap.sqlite3")).unwrap();
    saved.push("After space was freed".to_owned());
    assert_eq!(
        titles(&store.load("m1").unwrap().doc.read().unwrap()),
        saved
    );
    assert_eq!(titles(&store.read_model("m1").unwrap()), saved);
}

#[test]
fn a_damaged_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("storymap.sqlite3");
    let garbage = b"this is not a database, just some bytes someone saved here".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(
        err.to_string().contains("not a readable Storymap database"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("storymap.sqlite3");
    drop(Store::open(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(
        matches!(err, StoreError::NewerDatabase { found: 99, .. }),
        "{err:?}"
    );
}

#[test]
fn a_damaged_snapshot_is_reported_for_that_map_only() {
    let (_dir, mut store) = temp_store();
    seeded(&mut store);
    store
        .connection()
        .execute("UPDATE maps SET snapshot = x'00112233'", [])
        .unwrap();
    let err = store.load("m1").err().unwrap();
    assert!(matches!(err, StoreError::Document { .. }), "{err:?}");
    // The projection still draws the map, so the POPM sees their data.
    assert_eq!(store.read_model("m1").unwrap().name, "Grocery app");
}

#[test]
fn an_interrupted_write_leaves_no_trace() {
    let (dir, mut store) = temp_store();
    seeded(&mut store);
    {
        // A process that dies mid-transaction: the rows never become visible.
        let conn = rusqlite::Connection::open(dir.path().join("storymap.sqlite3")).unwrap();
        conn.execute_batch("BEGIN; INSERT INTO map_changes (map_id, data, created_at) VALUES ('m1', x'dead', 'now');").unwrap();
        drop(conn);
    }
    assert_eq!(store.pending_changes("m1").unwrap().0, 0);
    assert!(store.load("m1").is_ok());
}

#[test]
fn edits_in_an_exclusive_section_are_durable_together_or_not_at_all() {
    let (dir, mut store) = temp_store();
    let mut loaded = seeded(&mut store);
    let add = |loaded: &mut storymap_store::LoadedMap, id: &str| {
        loaded
            .doc
            .apply(
                &Edit::from(CardEdit::AddStory {
                    step_id: "s1".into(),
                    release_id: "r1".into(),
                    title: format!("Story {id}"),
                }),
                &ctx(id),
            )
            .unwrap()
    };
    let path = dir.path().join("storymap.sqlite3");
    let stories_on_disk = || {
        Store::open(&path)
            .unwrap()
            .read_model("m1")
            .unwrap()
            .stories
            .len()
    };

    store.begin_exclusive().unwrap();
    for id in ["x1", "x2"] {
        let applied = add(&mut loaded, id);
        store.commit_edit(&mut loaded, &applied).unwrap();
    }
    // Another connection sees nothing until the section ends.
    assert_eq!(stories_on_disk(), 0);
    store.end_exclusive(false).unwrap();
    assert_eq!(stories_on_disk(), 0);

    let mut loaded = store.load("m1").unwrap();
    store.begin_exclusive().unwrap();
    let applied = add(&mut loaded, "y1");
    store.commit_edit(&mut loaded, &applied).unwrap();
    store.end_exclusive(true).unwrap();
    assert_eq!(stories_on_disk(), 1);
    assert_eq!(
        store.load("m1").unwrap().doc.read().unwrap().stories.len(),
        1
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    /// After any sequence of edits, the projection equals the document, before and after
    /// reopening, whether or not compaction ran.
    #[test]
    fn the_projection_always_matches_the_document(ops in proptest::collection::vec((0u8..16, 0usize..8, "[a-z]{1,6}"), 1..30), compact in any::<bool>()) {
        let (dir, mut store) = temp_store();
        let mut loaded = seeded(&mut store);
        let mut undo: Vec<UndoRecord> = Vec::new();
        let mut n = 0;
        for (kind, pick, title) in ops {
            n += 1;
            let model = loaded.doc.read().unwrap();
            let steps: Vec<String> = model.step_ids().map(str::to_owned).collect();
            let activity = model.activities[pick % model.activities.len()].id.clone();
            let release = model.releases[pick % model.releases.len()].id.clone();
            let story = model.stories.get(pick % model.stories.len().max(1)).map(|s| s.id.clone());
            let e = match (kind, steps.get(pick % steps.len().max(1)).cloned(), story) {
                (0, Some(step), _) => Edit::from(CardEdit::AddStory { step_id: step, release_id: release, title }),
                (1, _, _) => Edit::from(BackboneEdit::AddStep { activity_id: activity, title }),
                (2, _, _) => Edit::from(SliceEdit::AddRelease { title }),
                (3, _, Some(story)) => Edit::from(CardEdit::RenameStory { story_id: story, title }),
                (4 | 5, Some(step), Some(story)) => Edit::from(CardEdit::MoveStory { story_id: story, step_id: step, release_id: release, to_index: pick }),
                (6, _, Some(story)) => Edit::from(CardEdit::DeleteStory { story_id: story }),
                (7, Some(step), _) if steps.len() > 1 => Edit::from(BackboneEdit::DeleteStep { step_id: step }),
                (8, _, _) if model.releases.len() > 1 => Edit::from(SliceEdit::DeleteRelease { release_id: release, move_stories_to: None }),
                (9, Some(step), _) => Edit::from(BackboneEdit::MoveStep { step_id: step, activity_id: activity, to_index: pick }),
                (12, _, Some(story)) => Edit::from(CriteriaEdit::AddCriteria { story_id: story, text: format!("{title}\nand {title}") }),
                (13, _, Some(story)) => Edit::from(EstimateEdit::SetEstimate { story_id: story, estimate: Some(["1", "½", "XL", "?"][pick % 4].into()) }),
                (14, _, Some(story)) => Edit::from(StoryEdit::SetText { story_id: story, field: StoryField::Why, text: title }),
                (15, _, _) => Edit::from(SettingsEdit::AddDorItem { text: title }),
                (10 | 11, _, _) if !undo.is_empty() => {
                    let record = undo.pop().unwrap();
                    let reverted = loaded.doc.revert(&record, 1_700_000_000).unwrap();
                    let changed = store.commit_edit(&mut loaded, &reverted.applied).unwrap();
                    prop_assert_eq!(changed.releases, loaded.doc.read().unwrap().releases);
                    continue;
                }
                _ => Edit::from(BackboneEdit::AddActivity { title }),
            };
            store.catch_up(&mut loaded).unwrap();
            let applied = loaded.doc.apply(&e, &ctx(&format!("id{n}"))).expect("valid edit");
            let changed = store.commit_edit(&mut loaded, &applied).unwrap();
            // The change handed to the UI agrees with the document.
            prop_assert_eq!(changed.releases, loaded.doc.read().unwrap().releases);
            prop_assert_eq!(changed.settings.is_some(), applied.settings_changed);
            undo.push(UndoRecord { label: applied.label, writes: applied.writes });
        }
        if compact { store.compact(&mut loaded).unwrap(); }
        prop_assert_eq!(store.read_model("m1").unwrap(), loaded.doc.read().unwrap());
        drop(store);
        let store = Store::open(&dir.path().join("storymap.sqlite3")).unwrap();
        prop_assert_eq!(store.read_model("m1").unwrap(), store.load("m1").unwrap().doc.read().unwrap());
    }
}
