//! `storymap repair` on a real data directory whose database header is garbage.

mod common;

use std::io::{Seek, SeekFrom, Write};

use common::{stderr, stdout, storymap};

#[test]
fn a_damaged_database_is_repaired_from_its_backups_and_the_report_printed() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&storymap(dir.path(), &["map", "create", "Shop"]));
    stdout(&storymap(dir.path(), &["backup", "now"]));
    let database = dir.path().join("storymap.sqlite3");
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(&database)
        .unwrap();
    file.seek(SeekFrom::Start(0)).unwrap();
    file.write_all(&[0xA5; 100]).unwrap();
    drop(file);
    let refused = storymap(dir.path(), &["map", "list"]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("not a readable Storymap database"));

    let report = stdout(&storymap(dir.path(), &["repair"]));

    assert!(
        report.starts_with("Repaired. The damaged database is kept at "),
        "{report}"
    );
    assert!(report.contains("storymap.sqlite3.damaged-"), "{report}");
    assert!(
        report.contains("  Shop  restored from the backup of "),
        "{report}"
    );
    let listed = stdout(&storymap(dir.path(), &["map", "list"]));
    assert!(listed.contains("Shop"), "{listed}");
}
