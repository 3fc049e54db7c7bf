//! Reading what can still be read from a database that no longer opens: each map's
//! Automerge data (its snapshot, then its change rows), one map at a time, so one bad map
//! does not sink the rest. The file is opened read-only and never written.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use storymap_core::MapDocument;

/// One map found in a damaged file, and its document when it could be read.
pub struct Salvaged {
    pub map_id: String,
    /// The map's name as its listing row gives it (empty when that row cannot be read).
    pub name: String,
    pub document: Result<MapDocument, String>,
}

/// Every map whose id can still be read in the file at `path`, each with its document or
/// why it could not be read. A file whose map list cannot be read gives none.
pub fn salvage_maps(path: &Path) -> Vec<Salvaged> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let Ok(db) = Connection::open_with_flags(path, flags) else {
        return Vec::new();
    };
    let ids = map_ids(&db).unwrap_or_default();
    ids.into_iter()
        .map(|(map_id, name)| {
            let document = read_document(&db, &map_id).map_err(|e| e.to_string());
            Salvaged {
                map_id,
                name,
                document,
            }
        })
        .collect()
}

fn map_ids(db: &Connection) -> rusqlite::Result<Vec<(String, String)>> {
    let mut statement = db.prepare("SELECT id, coalesce(name, '') FROM maps ORDER BY id")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    rows.collect()
}

#[derive(Debug, thiserror::Error)]
enum SalvageError {
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Core(#[from] storymap_core::CoreError),
    #[error("the stored document belongs to map {0}")]
    OtherMap(String),
}

/// The map's snapshot with every change row after it; any unreadable part fails the map.
fn read_document(db: &Connection, map_id: &str) -> Result<MapDocument, SalvageError> {
    let snapshot: Vec<u8> =
        db.query_row("SELECT snapshot FROM maps WHERE id = ?1", [map_id], |row| {
            row.get(0)
        })?;
    let mut doc = MapDocument::load(&snapshot)?;
    let mut statement =
        db.prepare("SELECT data FROM map_changes WHERE map_id = ?1 ORDER BY seq")?;
    let rows = statement.query_map([map_id], |row| row.get::<_, Vec<u8>>(0))?;
    for row in rows {
        doc.load_incremental(&row?)?;
    }
    if doc.map_id() != map_id {
        return Err(SalvageError::OtherMap(doc.map_id()));
    }
    Ok(doc)
}

/// Where a damaged database is kept: beside it, named with the time it was moved aside.
pub fn damaged_path(database: &Path, stamp: &str) -> PathBuf {
    let name = database.file_name().map_or_else(
        || "storymap.db".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    database.with_file_name(format!("{name}.damaged-{stamp}"))
}

/// Moves the database and its `-wal`/`-shm` files to [`damaged_path`] (renamed, never
/// copied or deleted). Returns where the database now is.
pub fn move_aside(database: &Path, stamp: &str) -> std::io::Result<PathBuf> {
    let target = damaged_path(database, stamp);
    for suffix in ["-wal", "-shm"] {
        let from = with_suffix(database, suffix);
        if from.exists() {
            std::fs::rename(&from, with_suffix(&target, suffix))?;
        }
    }
    std::fs::rename(database, &target)?;
    Ok(target)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut text = path.as_os_str().to_owned();
    text.push(suffix);
    PathBuf::from(text)
}
