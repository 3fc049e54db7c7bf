//! Rolling backups on a real data directory: written when a map changed, rotated, and
//! restored as the map itself or beside it.

use chrono::NaiveDate;
use storymap_api::{ErrorCode, Workspace, DATABASE_FILE};
use storymap_store::Store;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn shop(ws: &mut Workspace, stories: &[&str]) -> String {
    let map = ws.create_map("Shop").unwrap().map.id;
    for title in stories {
        ws.add_story_at(&map, "Buy", "Pay", "MVP", title).unwrap();
    }
    map
}

fn titles(ws: &Workspace, map_id: &str) -> Vec<String> {
    ws.view(map_id)
        .unwrap()
        .stories
        .into_iter()
        .map(|s| s.title)
        .collect()
}

#[test]
fn a_backup_is_written_once_a_day_per_changed_map_and_rotated() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let map = shop(&mut ws, &["Pay by card"]);
    let written = ws.back_up_maps(day("2026-11-01")).unwrap();
    assert_eq!(written.len(), 1);
    let first = &written[0];
    assert_eq!(
        (first.map_name.as_str(), first.date.as_str()),
        ("Shop", "2026-11-01")
    );
    assert!(
        first
            .path
            .ends_with(&format!("backups/{map}/2026-11-01.storymap")),
        "{}",
        first.path
    );
    assert!(!std::path::Path::new(&format!("{}.partial", first.path)).exists());
    // Nothing changed: nothing written, even on another day.
    assert!(ws.back_up_maps(day("2026-11-02")).unwrap().is_empty());
    // Two months of daily edits and backups: the rotation keeps a week of days and a
    // month of weeks.
    let mut date = day("2026-11-02");
    for n in 0..60 {
        ws.add_story_at(&map, "Buy", "Pay", "MVP", &format!("Story {n}"))
            .unwrap();
        assert_eq!(ws.back_up_maps(date).unwrap().len(), 1);
        date = date.succ_opt().unwrap();
    }
    let kept: Vec<String> = ws
        .backups(Some(&map))
        .unwrap()
        .into_iter()
        .map(|b| b.date)
        .collect();
    assert_eq!(kept.len(), 11, "{kept:?}");
    assert_eq!(kept[0], "2026-12-31");
    assert_eq!(kept[7], "2026-12-20");
}

#[test]
fn a_change_from_another_process_is_backed_up_and_a_compaction_alone_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let map = shop(&mut ws, &["Pay by card"]);
    assert_eq!(ws.back_up_maps(day("2026-11-01")).unwrap().len(), 1);
    // The CLI adds a story while the app runs: the app's next pass backs it up.
    let mut cli = Workspace::open(dir.path()).unwrap();
    cli.add_story_at(&map, "Buy", "Pay", "MVP", "Pay by invoice")
        .unwrap();
    let written = ws.back_up_maps(day("2026-11-02")).unwrap();
    assert_eq!(written.len(), 1);
    // Compacting rewrites the rows but not the map: no new backup, then or later.
    let mut store = Store::open(&dir.path().join(DATABASE_FILE)).unwrap();
    let mut loaded = store.load(&map).unwrap();
    store.compact(&mut loaded).unwrap();
    assert!(ws.back_up_maps(day("2026-11-03")).unwrap().is_empty());
    assert!(ws.back_up_maps(day("2026-11-04")).unwrap().is_empty());
    let restored = Workspace::open(dir.path()).unwrap();
    let backups = restored.backups(Some(&map)).unwrap();
    assert_eq!(backups[0].date, "2026-11-02");
}

#[test]
fn a_backup_comes_back_beside_the_map_or_as_the_map_when_it_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let map = shop(&mut ws, &["Pay by card", "Refunds"]);
    let backup = ws.back_up_maps(day("2026-12-01")).unwrap().remove(0);
    ws.add_story_at(&map, "Buy", "Pay", "MVP", "Gift cards")
        .unwrap();

    let copy = ws.restore_backup(backup.path.as_ref()).unwrap();
    assert_ne!(copy.id, map);
    assert_eq!(copy.name, "Shop (backup of 2026-12-01)");
    assert_eq!(titles(&ws, &copy.id), ["Pay by card", "Refunds"]);
    assert_eq!(titles(&ws, &map), ["Pay by card", "Refunds", "Gift cards"]);

    // On a laptop whose database lost the map (a new one, or rebuilt): it returns as
    // itself, its id (and so its sync link) kept.
    let elsewhere = tempfile::tempdir().unwrap();
    let mut fresh = Workspace::open(elsewhere.path()).unwrap();
    let back = fresh.restore_backup(backup.path.as_ref()).unwrap();
    assert_eq!(
        (back.id.as_str(), back.name.as_str()),
        (map.as_str(), "Shop")
    );
    assert_eq!(titles(&fresh, &map), ["Pay by card", "Refunds"]);
    // Listed for every map; the restored copy has none yet.
    let all = ws.backups(None).unwrap();
    assert_eq!(all.len(), 1);
}

#[test]
fn a_damaged_backup_is_refused_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    shop(&mut ws, &["Pay by card"]);
    let path = dir.path().join("2026-12-01.storymap");
    std::fs::write(&path, b"not an automerge document").unwrap();
    let error = ws.restore_backup(&path).unwrap_err();
    assert_eq!(error.code, ErrorCode::CorruptData, "{error:?}");
    assert!(
        error.message.contains("is not a Storymap backup"),
        "{}",
        error.message
    );
    assert_eq!(ws.list_maps().unwrap().len(), 1);
}
