//! Files at the database path that Storymap must not change: another application's SQLite
//! file is refused byte for byte untouched; a file that cannot be written opens for reading.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use storymap_core::MapDocument;
use storymap_store::{Store, StoreError};

const STORYMAP_APPLICATION_ID: i64 = 0x534d_4150;

fn database_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("storymap.sqlite3")
}

/// A file another application made with `sql`.
fn foreign_file(path: &Path, sql: &str) -> Vec<u8> {
    Connection::open(path).unwrap().execute_batch(sql).unwrap();
    std::fs::read(path).unwrap()
}

fn refused(path: &Path, sql: &str) -> StoreError {
    let before = foreign_file(path, sql);
    let error = Store::open(path).err().expect("a foreign file is refused");
    assert!(matches!(error, StoreError::NotStorymap { .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("not a Storymap database"), "{message}");
    assert_eq!(std::fs::read(path).unwrap(), before, "the file was changed");
    assert!(!path.with_extension("sqlite3-wal").exists());
    error
}

fn stored_map(path: &Path) {
    let mut store = Store::open(path).unwrap();
    let doc = MapDocument::create("m1", "Grocery app", "ana", 1_700_000_000).unwrap();
    store.insert_map(&doc).unwrap();
}

fn pragma(path: &Path, name: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))
        .unwrap()
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let error = refused(
        &database_in(&dir),
        "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('ana');",
    );
    assert!(error.to_string().contains("contacts"), "{error}");
}

#[test]
fn a_clashing_maps_table_is_refused_in_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let error = refused(
        &database_in(&dir),
        "CREATE TABLE maps (id INTEGER, lat REAL, lon REAL); INSERT INTO maps VALUES (1, 2, 3);",
    );
    let message = error.to_string();
    assert!(!message.contains("CREATE"), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
}

#[test]
fn another_application_id_is_refused_even_without_tables() {
    let dir = tempfile::tempdir().unwrap();
    let error = refused(&database_in(&dir), "PRAGMA application_id = 42;");
    assert!(error.to_string().contains("0x2a"), "{error}");
}

#[test]
fn a_file_with_our_tables_and_foreign_ones_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_in(&dir);
    stored_map(&path);
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA application_id = 0; CREATE TABLE invoices (n INTEGER);")
        .unwrap();
    drop(conn);
    let error = Store::open(&path).err().unwrap();
    assert!(error.to_string().contains("invoices"), "{error}");
}

#[test]
fn an_empty_file_becomes_a_marked_storymap_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_in(&dir);
    std::fs::write(&path, b"").unwrap();
    stored_map(&path);
    assert_eq!(pragma(&path, "application_id"), STORYMAP_APPLICATION_ID);
}

#[test]
fn a_storymap_database_made_before_the_marker_still_opens_and_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_in(&dir);
    stored_map(&path);
    // As every release before issue #14 left it: schema version 4, no application id,
    // no persona column (issue #16).
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "ALTER TABLE outline DROP COLUMN persona_id;
             PRAGMA application_id = 0; PRAGMA user_version = 4;",
        )
        .unwrap();
    // Read-only, an older schema cannot be read as it is: refused, the file untouched.
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::ReadOnly { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.list_maps().unwrap()[0].name, "Grocery app");
    // The outline is read with the new column.
    assert_eq!(store.read_model("m1").unwrap().name, "Grocery app");
    drop(store);
    assert_eq!(pragma(&path, "application_id"), STORYMAP_APPLICATION_ID);
    let read_only = Store::open_read_only(&path).unwrap();
    assert_eq!(read_only.list_maps().unwrap()[0].name, "Grocery app");
}

#[test]
fn a_read_only_store_reads_and_refuses_writes_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_in(&dir);
    stored_map(&path);
    let before = std::fs::read(&path).unwrap();
    let mut store = Store::open_read_only(&path).unwrap();
    assert!(store.is_read_only());
    assert_eq!(store.read_model("m1").unwrap().name, "Grocery app");
    assert!(store.load("m1").is_ok());
    let error = store.set_setting("author", "ben").err().unwrap();
    assert!(matches!(error, StoreError::ReadOnly { .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("read-only"), "{message}");
    let doc = MapDocument::create("m2", "Other", "ana", 1_700_000_000).unwrap();
    assert!(matches!(
        store.insert_map(&doc),
        Err(StoreError::ReadOnly { .. })
    ));
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// Whether this process can write to a directory whose permissions say it cannot
/// (root can): then a permission test proves nothing.
fn writes_despite_permissions(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let wrote = std::fs::write(&probe, b"x").is_ok();
    let _ = std::fs::remove_file(&probe);
    wrote
}

#[cfg(unix)]
#[test]
fn a_read_only_data_directory_opens_for_reading() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = database_in(&dir);
    stored_map(&path);
    let set_mode = |p: &Path, mode| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    set_mode(&path, 0o444);
    set_mode(dir.path(), 0o555);
    let privileged = writes_despite_permissions(dir.path());
    let opened = Store::open(&path);
    set_mode(dir.path(), 0o755);
    set_mode(&path, 0o644);
    let store = opened.unwrap();
    assert_eq!(store.list_maps().unwrap()[0].name, "Grocery app");
    if privileged {
        eprintln!("running with root's rights: permissions do not stop writes, so only reading is checked here (a_read_only_store_reads_and_refuses_writes_naming_the_file covers the refusals)");
        return;
    }
    assert!(store.is_read_only());
    let error = store.set_setting("author", "ben").err().unwrap();
    assert!(matches!(error, StoreError::ReadOnly { .. }), "{error:?}");
}
