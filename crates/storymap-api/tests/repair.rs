//! Repairing a data directory whose database is damaged, on real files: maps rebuilt from
//! the Automerge data still readable, else restored from backups; a failed repair leaves
//! the damaged file as it was and can be run again.

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use chrono::NaiveDate;
use storymap_api::{ErrorCode, RepairReport, RepairSource, RepairedFrom, Workspace, DATABASE_FILE};

const STAMP: &str = "20261204T140000Z";

fn shop(ws: &mut Workspace, name: &str, stories: usize) -> String {
    let map = ws.create_map(name).unwrap().map.id;
    for i in 0..stories {
        let title = format!("{name} story {i} with a title long enough to fill pages");
        ws.add_story_at(&map, "Buy", "Pay", "MVP", &title).unwrap();
    }
    map
}

fn titles(ws: &Workspace, map_id: &str) -> Vec<String> {
    let mut titles: Vec<String> = ws
        .view(map_id)
        .unwrap()
        .stories
        .into_iter()
        .map(|s| s.title)
        .collect();
    titles.sort();
    titles
}

/// Overwrites `len` bytes at `offset` of the file with garbage.
fn scribble(path: &Path, offset: u64, len: usize) {
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(offset)).unwrap();
    file.write_all(&vec![0xA5; len]).unwrap();
}

/// The page number where the table `name` starts, and the file's page size.
fn root_page(path: &Path, name: &str) -> (u64, u64) {
    let db = rusqlite::Connection::open(path).unwrap();
    let root: i64 = db
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .unwrap();
    let size: i64 = db.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    (root as u64, size as u64)
}

fn from_of(report: &RepairReport, map_id: &str) -> RepairedFrom {
    let map = report.maps.iter().find(|m| m.map_id == map_id).unwrap();
    map.from.clone()
}

#[test]
fn damaged_projection_pages_are_rebuilt_from_the_map_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let shop_id = shop(&mut ws, "Shop", 120);
    let cafe_id = shop(&mut ws, "Cafe", 40);
    let before = (titles(&ws, &shop_id), titles(&ws, &cafe_id));
    drop(ws);
    let database = dir.path().join(DATABASE_FILE);
    let (root, size) = root_page(&database, "stories");
    scribble(&database, (root - 1) * size, size as usize);
    let damaged = std::fs::read(&database).unwrap();
    let broken = Workspace::open(dir.path()).and_then(|mut ws| ws.open_map(&shop_id).map(|_| ()));
    assert!(broken.is_err(), "the damage must show before the repair");

    let (ws, report) = Workspace::repair(dir.path(), STAMP, RepairSource::MapData).unwrap();

    assert_eq!(from_of(&report, &shop_id), RepairedFrom::MapData);
    assert_eq!(from_of(&report, &cafe_id), RepairedFrom::MapData);
    assert_eq!((titles(&ws, &shop_id), titles(&ws, &cafe_id)), before);
    let kept = dir.path().join(format!("{DATABASE_FILE}.damaged-{STAMP}"));
    assert_eq!(report.damaged_file, Some(kept.display().to_string()));
    assert_eq!(std::fs::read(&kept).unwrap(), damaged);
}

#[test]
fn a_garbage_header_is_repaired_from_the_backups() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let shop_id = shop(&mut ws, "Shop", 3);
    let backed_up = titles(&ws, &shop_id);
    ws.back_up_maps(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap())
        .unwrap();
    drop(ws);
    let database = dir.path().join(DATABASE_FILE);
    scribble(&database, 0, 100);
    let error = Workspace::open(dir.path()).err().unwrap();
    assert_eq!(error.code, ErrorCode::DatabaseDamaged, "{error:?}");

    let (ws, report) = Workspace::repair(dir.path(), STAMP, RepairSource::MapData).unwrap();

    assert_eq!(
        from_of(&report, &shop_id),
        RepairedFrom::Backup {
            date: "2026-12-03".into()
        }
    );
    assert_eq!(titles(&ws, &shop_id), backed_up);
}

#[test]
fn restoring_from_backups_only_ignores_the_damaged_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let shop_id = shop(&mut ws, "Shop", 2);
    ws.back_up_maps(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
        .unwrap();
    shop(&mut ws, "Never backed up", 1);
    drop(ws);

    let (ws, report) = Workspace::repair(dir.path(), STAMP, RepairSource::BackupsOnly).unwrap();

    assert_eq!(report.maps.len(), 1, "{report:?}");
    assert_eq!(
        from_of(&report, &shop_id),
        RepairedFrom::Backup {
            date: "2026-12-01".into()
        }
    );
    assert_eq!(ws.list_maps().unwrap().len(), 1);
}

#[test]
fn a_failed_repair_leaves_the_damaged_file_and_a_second_one_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let shop_id = shop(&mut ws, "Shop", 3);
    let before = titles(&ws, &shop_id);
    drop(ws);
    let database = dir.path().join(DATABASE_FILE);
    let (root, size) = root_page(&database, "stories");
    scribble(&database, (root - 1) * size, size as usize);
    let damaged = std::fs::read(&database).unwrap();
    // Something in the way of the fresh database: the first repair cannot build it.
    let fresh = dir.path().join(format!("{DATABASE_FILE}.repairing"));
    std::fs::create_dir(&fresh).unwrap();
    std::fs::write(fresh.join("in the way"), b"x").unwrap();

    assert!(Workspace::repair(dir.path(), STAMP, RepairSource::MapData).is_err());
    assert_eq!(std::fs::read(&database).unwrap(), damaged);

    std::fs::remove_dir_all(&fresh).unwrap();
    let (ws, report) = Workspace::repair(dir.path(), STAMP, RepairSource::MapData).unwrap();
    assert_eq!(from_of(&report, &shop_id), RepairedFrom::MapData);
    assert_eq!(titles(&ws, &shop_id), before);
}
