//! Opening the database file. A new file or one Storymap made is opened (read-only when it
//! cannot be written); any other SQLite file is refused before a byte of it is written.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::on_open;
use crate::migrations::{self, APPLICATION_ID};
use crate::StoreError;

/// What a file at the database path holds, read without writing to it.
enum Found {
    /// Nothing yet (a new or zero-length file): Storymap may make it its own.
    Empty,
    /// A Storymap database at this schema version.
    Ours { version: i64 },
}

/// A connection to the file and whether it can only be read.
pub(crate) struct Opened {
    pub db: Connection,
    pub read_only: bool,
}

/// Opens the file for writing when it can be written, else for reading only.
pub(crate) fn open(path: &Path) -> Result<Opened, StoreError> {
    if path.exists() {
        inspect(path)?;
    }
    match open_writable(path) {
        Ok(db) if !db.is_readonly("main").unwrap_or(false) => {
            return Ok(Opened {
                db,
                read_only: false,
            })
        }
        Ok(_) => {}
        Err(StoreError::Sqlite(e)) if cannot_write(&e) && path.exists() => {}
        Err(StoreError::Sqlite(e)) if cannot_write(&e) => {
            return Err(StoreError::ReadOnly {
                path: path.to_owned(),
            })
        }
        Err(other) => return Err(other),
    }
    open_read_only(path)
}

/// Opens an existing Storymap file for reading only; every write is refused with
/// [`StoreError::ReadOnly`].
pub(crate) fn open_read_only(path: &Path) -> Result<Opened, StoreError> {
    let db = read_connection(path)?;
    match found(&db, path)? {
        Found::Ours { version } if version >= migrations::LAST_SCHEMA_CHANGE => {}
        // An older schema must be migrated before this version can read it.
        _ => {
            return Err(StoreError::ReadOnly {
                path: path.to_owned(),
            })
        }
    }
    db.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(Opened {
        db,
        read_only: true,
    })
}

fn cannot_write(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied)
    )
}

fn open_writable(path: &Path) -> Result<Connection, StoreError> {
    let mut db = Connection::open(path).map_err(|e| on_open(path, e))?;
    // The first statement reads the header: a damaged file fails here.
    db.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .map_err(|e| on_open(path, e))?;
    db.pragma_update(None, "synchronous", "NORMAL")?;
    db.pragma_update(None, "foreign_keys", "ON")?;
    db.busy_timeout(std::time::Duration::from_secs(5))?;
    if !db.is_readonly("main").unwrap_or(false) {
        migrations::migrate(&mut db, path)?;
    }
    Ok(db)
}

/// Refuses, before anything is written, a file that is neither empty nor Storymap's.
fn inspect(path: &Path) -> Result<(), StoreError> {
    let db = read_connection(path)?;
    found(&db, path).map(|_| ())
}

/// A read-only connection. A WAL file in a directory we cannot write has no shared-memory
/// file to read through; it is then read as an immutable file.
fn read_connection(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let db = Connection::open_with_flags(path, flags).map_err(|e| on_open(path, e))?;
    match db.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(())) {
        Ok(()) => Ok(db),
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly)
            ) =>
        {
            let uri = format!("file:{}?immutable=1", uri_path(path));
            Connection::open_with_flags(uri, flags).map_err(|e| on_open(path, e))
        }
        Err(e) => Err(on_open(path, e)),
    }
}

fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' | '?' | '#' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn found(db: &Connection, path: &Path) -> Result<Found, StoreError> {
    let read = |pragma: &str| -> Result<i64, StoreError> {
        db.query_row(&format!("PRAGMA {pragma}"), [], |row| row.get(0))
            .map_err(|e| on_open(path, e))
    };
    let application_id = read("application_id")?;
    let version = read("user_version")?;
    let foreign = |reason: String| StoreError::NotStorymap {
        path: path.to_owned(),
        reason,
    };
    if application_id == i64::from(APPLICATION_ID) {
        return Ok(Found::Ours { version });
    }
    if application_id != 0 {
        return Err(foreign(format!(
            "its application id is {application_id:#x}"
        )));
    }
    let tables = tables(db).map_err(|e| on_open(path, e))?;
    if tables.is_empty() && version == 0 {
        return Ok(Found::Empty);
    }
    // Storymap databases made before the application id was set: known by their tables.
    let expected = migrations::tables_at(version);
    if expected.is_empty() || tables != expected {
        let strange: Vec<&str> = tables
            .iter()
            .filter(|t| !expected.contains(t))
            .map(String::as_str)
            .collect();
        return Err(foreign(if strange.is_empty() {
            format!("schema version {version} without Storymap's tables")
        } else {
            format!(
                "it has tables Storymap did not make: {}",
                strange.join(", ")
            )
        }));
    }
    Ok(Found::Ours { version })
}

/// The file's own tables, sorted (SQLite's internal ones left out).
fn tables(db: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement = db.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let names = statement.query_map([], |row| row.get(0))?;
    names.collect()
}
