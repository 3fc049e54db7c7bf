//! After a sync, through the Workspace on real data directories: ana's and ben's copies of
//! one map exchange changes; what changed, conflicts, settling, restoring, the past map.

// A journey reads top to bottom as the user lives it; splitting it would hide the story.
#![allow(clippy::too_many_lines)]

use std::path::Path;

use storymap_api::{CardEdit, EstimateEdit, HistoryEdit, SessionEdit};
use storymap_api::{ChangesSince, ErrorCode, MapEdit, Workspace, DATABASE_FILE};
use storymap_core::MapDocument;
use storymap_store::Store;

fn store(dir: &Path) -> Store {
    std::fs::create_dir_all(dir).unwrap();
    Store::open(&dir.join(DATABASE_FILE)).unwrap()
}

/// A workspace whose changes are signed `author`.
fn workspace(dir: &Path, author: &str) -> Workspace {
    store(dir).set_setting("author", author).unwrap();
    Workspace::open(dir).unwrap()
}

/// What the sync layer does with what arrives: `from`'s copy of the map merged into `to`'s
/// store through `Store::merge_changes` (one change row and the projection rows).
fn deliver(from: &Path, to: &Path, map_id: &str) {
    let bytes = store(from).load(map_id).unwrap().doc.save();
    let mut target = store(to);
    let mut loaded = target.load(map_id).unwrap();
    target.merge_changes(&mut loaded, &bytes).unwrap();
}

fn heads_json(dir: &Path, map_id: &str) -> String {
    let heads: Vec<String> = store(dir)
        .load(map_id)
        .unwrap()
        .doc
        .heads()
        .iter()
        .map(|h| h.to_string())
        .collect();
    serde_json::to_string(&heads).unwrap()
}

struct Team {
    _dirs: tempfile::TempDir,
    ana_dir: std::path::PathBuf,
    ben_dir: std::path::PathBuf,
    ana: Workspace,
    ben: Workspace,
    map_id: String,
    card: String,
    total: String,
}

/// Ana's map with "Pay by card" and "Show the total" in Shop › Checkout / MVP, copied to ben.
fn team() -> Team {
    let dirs = tempfile::tempdir().unwrap();
    let (ana_dir, ben_dir) = (dirs.path().join("ana"), dirs.path().join("ben"));
    let mut ana = workspace(&ana_dir, "ana");
    let map_id = ana.create_map("Shop").unwrap().map.id;
    let card = ana
        .add_story_at(&map_id, "Shop", "Checkout", "MVP", "Pay by card")
        .unwrap();
    let total = ana
        .add_story_at(&map_id, "Shop", "Checkout", "MVP", "Show the total")
        .unwrap();
    let bytes = store(&ana_dir).load(&map_id).unwrap().doc.save();
    store(&ben_dir)
        .insert_map(&MapDocument::load(&bytes).unwrap())
        .unwrap();
    let ben = workspace(&ben_dir, "ben");
    Team {
        _dirs: dirs,
        ana_dir,
        ben_dir,
        ana,
        ben,
        map_id,
        card,
        total,
    }
}

fn title_in(ws: &Workspace, map_id: &str, story_id: &str) -> String {
    let view = ws.view(map_id).unwrap();
    view.stories
        .iter()
        .find(|s| s.id == story_id)
        .map(|s| s.title.clone())
        .unwrap_or_default()
}

#[test]
fn after_a_sync_ana_sees_bens_changes_settles_the_conflict_and_ben_gets_it() {
    let mut t = team();
    let map = t.map_id.clone();
    t.ana
        .apply_edit(
            &map,
            MapEdit::from(CardEdit::RenameStory {
                story_id: t.card.clone(),
                title: "Pay with a card".into(),
            }),
        )
        .unwrap();
    let synced = heads_json(&t.ana_dir, &map);
    t.ben
        .apply_edit(
            &map,
            MapEdit::from(CardEdit::RenameStory {
                story_id: t.card.clone(),
                title: "Card payment".into(),
            }),
        )
        .unwrap();
    t.ben
        .apply_edit(
            &map,
            MapEdit::from(EstimateEdit::SetEstimate {
                story_id: t.total.clone(),
                estimate: Some("5".into()),
            }),
        )
        .unwrap();
    // Never synced: everything since the map was created is new to the team.
    let never = t.ana.changes_since(&map, ChangesSince::LastSync).unwrap();
    assert_eq!(
        never.since_label,
        "Not synced yet: everything since this map was created"
    );
    assert!(never.change_count > 1, "{never:?}");
    // The previous session ended in step at `synced`; this one begins, then delivers.
    store(&t.ana_dir)
        .set_setting(&format!("syncedHeads:{map}"), &synced)
        .unwrap();
    t.ana.begin_sync(&map).unwrap();
    deliver(&t.ben_dir, &t.ana_dir, &map);
    deliver(&t.ana_dir, &t.ben_dir, &map);

    let changes = t.ana.changes_since(&map, ChangesSince::LastSync).unwrap();
    assert_eq!(changes.since_label, "Since your last sync");
    assert_eq!(
        (changes.change_count, changes.authors.clone()),
        (2, vec!["ben".to_owned()])
    );
    let summaries: Vec<(String, Vec<String>)> = changes
        .stories
        .iter()
        .map(|s| {
            (
                s.story_id.clone(),
                s.entries.iter().map(|e| e.summary.clone()).collect(),
            )
        })
        .collect();
    assert!(summaries.contains(&(t.total.clone(), vec!["ben estimated it at 5".to_owned()])));
    assert!(summaries.contains(&(
        t.card.clone(),
        vec!["ben changed the title from 'Pay by card' to 'Card payment'".to_owned()]
    )));
    assert!(changes.stories[0].entries[0].at.ends_with('Z'));

    let conflicts = t.ana.conflicts(&map).unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(t.ben.conflicts(&map).unwrap(), conflicts);
    let conflict = &conflicts[0];
    assert_eq!(
        (conflict.field.as_str(), conflict.story_id.as_str()),
        ("title", t.card.as_str())
    );
    let mut by: Vec<(String, String)> = conflict
        .values
        .iter()
        .map(|v| (v.author.clone(), v.display.clone()))
        .collect();
    by.sort();
    assert_eq!(
        by,
        [
            ("ana".into(), "Pay with a card".into()),
            ("ben".into(), "Card payment".into())
        ]
    );
    let shown = title_in(&t.ana, &map, &t.card);
    // Ana keeps the value not shown now, so that settling changes the card.
    let other = conflict
        .values
        .iter()
        .find(|v| v.choice != conflict.winner)
        .unwrap();
    assert_ne!(other.display, shown);

    let change = t
        .ana
        .apply_edit(
            &map,
            MapEdit::from(HistoryEdit::ResolveConflict {
                story_id: t.card.clone(),
                field: "title".into(),
                choice: other.choice.clone(),
            }),
        )
        .unwrap();
    assert_eq!(change.stories[0].title, other.display);
    assert_eq!(
        change.history.undo.as_deref(),
        Some(format!("Settle the title of '{shown}'").as_str())
    );
    assert!(t.ana.conflicts(&map).unwrap().is_empty());
    assert_eq!(title_in(&t.ana, &map, &t.card), other.display);

    deliver(&t.ana_dir, &t.ben_dir, &map);
    assert!(t.ben.conflicts(&map).unwrap().is_empty());
    assert_eq!(title_in(&t.ben, &map, &t.card), other.display);

    // Settling joins ana's undo history like any edit.
    let undone = t.ana.undo(&map).unwrap();
    assert_eq!(undone.stories[0].title, shown);
}

#[test]
fn a_deleted_story_is_restored_from_the_history_and_the_past_map_can_be_viewed() {
    let mut t = team();
    let map = t.map_id.clone();
    let points = t.ana.history_points(&map, 100).unwrap();
    let before = points
        .iter()
        .find(|p| p.label == "Add story 'Show the total'")
        .expect("a point per change")
        .hash
        .clone();
    assert_eq!(points[0].hash, before, "newest first");
    assert_eq!(t.ana.history_points(&map, 2).unwrap().len(), 2);

    t.ben
        .apply_edit(
            &map,
            MapEdit::from(EstimateEdit::SetEstimate {
                story_id: t.card.clone(),
                estimate: Some("8".into()),
            }),
        )
        .unwrap();
    t.ben
        .apply_edit(
            &map,
            MapEdit::from(CardEdit::DeleteStory {
                story_id: t.card.clone(),
            }),
        )
        .unwrap();
    deliver(&t.ben_dir, &t.ana_dir, &map);
    assert_eq!(title_in(&t.ana, &map, &t.card), "", "ben's delete arrived");
    let timeline = t.ana.story_timeline(&map, &t.card).unwrap();
    let summaries: Vec<&str> = timeline.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(
        summaries,
        [
            "ben removed the story",
            "ben estimated it at 8",
            "ana added the story"
        ]
    );

    let change = t
        .ana
        .apply_edit(
            &map,
            MapEdit::from(HistoryEdit::RestoreStory {
                story_id: t.card.clone(),
                at: before.clone(),
            }),
        )
        .unwrap();
    let restored = change.stories.iter().find(|s| s.id == t.card).unwrap();
    assert_eq!(
        (restored.title.as_str(), restored.estimate.as_deref()),
        ("Pay by card", None)
    );
    assert_eq!(title_in(&t.ana, &map, &t.card), "Pay by card", "persisted");

    let first = points
        .iter()
        .find(|p| p.label == "Add story 'Pay by card'")
        .unwrap();
    let past = t.ana.map_at(&map, &first.hash).unwrap();
    assert_eq!(past.stories.len(), 1);
    let error = t.ana.map_at(&map, "not-a-hash").unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);

    let error = t
        .ana
        .apply_edit(
            &map,
            MapEdit::from(HistoryEdit::RestoreField {
                story_id: t.card.clone(),
                field: "colour".into(),
                at: before,
            }),
        )
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
}

#[test]
fn since_the_last_session_starts_at_the_latest_sessions_start() {
    let mut t = team();
    let map = t.map_id.clone();
    let none = t
        .ana
        .changes_since(&map, ChangesSince::LastSession)
        .unwrap();
    assert_eq!(
        none.since_label,
        "No refinement session yet: everything since this map was created"
    );
    assert!(none.change_count >= 5, "{}", none.change_count);
    let rename = |story_id: &str, title: &str| {
        MapEdit::from(CardEdit::RenameStory {
            story_id: story_id.into(),
            title: title.into(),
        })
    };
    let start = || {
        MapEdit::from(SessionEdit::StartSession {
            story_ids: None,
            story_count: Some(2),
            length_minutes: None,
            timebox_minutes: None,
            deck: None,
            participants: None,
        })
    };
    // An older session, a change between, then the latest session and a change in it.
    let first = t.ana.apply_edit(&map, start()).unwrap().created_id.unwrap();
    let end = MapEdit::from(SessionEdit::EndSession { session_id: first });
    t.ana.apply_edit(&map, end).unwrap();
    t.ana
        .apply_edit(&map, rename(&t.card, "Before the session"))
        .unwrap();
    t.ana.apply_edit(&map, start()).unwrap();
    t.ana
        .apply_edit(&map, rename(&t.total, "In the session"))
        .unwrap();
    let since = t
        .ana
        .changes_since(&map, ChangesSince::LastSession)
        .unwrap();
    assert!(
        since
            .since_label
            .starts_with("Since the last refinement session, started 20"),
        "{}",
        since.since_label
    );
    let stories: Vec<&str> = since.stories.iter().map(|s| s.story_id.as_str()).collect();
    assert_eq!(stories, [t.total.as_str()], "{:#?}", since.stories);
}

#[test]
fn since_i_last_opened_starts_at_the_previous_opening() {
    let mut t = team();
    let map = t.map_id.clone();
    t.ana.prepare(&map).unwrap();
    let first = t.ana.changes_since(&map, ChangesSince::LastOpened).unwrap();
    assert_eq!(first.since_label, "Since this map was created");
    assert!(
        first.change_count >= 5,
        "every change: {}",
        first.change_count
    );

    t.ana
        .apply_edit(
            &map,
            MapEdit::from(CardEdit::RenameStory {
                story_id: t.total.clone(),
                title: "Show the basket total".into(),
            }),
        )
        .unwrap();
    t.ana.prepare(&map).unwrap();
    let since = t.ana.changes_since(&map, ChangesSince::LastOpened).unwrap();
    assert_eq!(since.since_label, "Since you last opened this map");
    assert_eq!(since.change_count, 1);
    assert_eq!(since.stories[0].story_id, t.total);

    let all = t
        .ana
        .changes_since(
            &map,
            ChangesSince::Date {
                date: "2020-01-01".into(),
            },
        )
        .unwrap();
    assert_eq!(all.change_count, first.change_count + 1);
    assert_eq!(all.since_label, "Since 2020-01-01");
    let error = t
        .ana
        .changes_since(
            &map,
            ChangesSince::Date {
                date: "yesterday".into(),
            },
        )
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
}
