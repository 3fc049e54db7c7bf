//! What can go wrong with the database file, told apart so the UI can say what to do.

use std::path::PathBuf;

use rusqlite::ErrorCode;
use storymap_core::CoreError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no map with id {0}")]
    MapNotFound(String),
    #[error("the disk is full: the last edit was not saved (free some space and try again)")]
    DiskFull,
    #[error("another Storymap (a window or the command line) kept the data directory busy writing for more than 5 seconds, so this was not saved; try again in a moment")]
    Busy,
    #[error("{path} is not a readable Storymap database ({detail}); it was left untouched")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path} is not a Storymap database ({reason}): it belongs to another application, so it was not opened and was left untouched; choose another data directory or move the file away")]
    NotStorymap { path: PathBuf, reason: String },
    #[error("{path} is read-only (the file or its folder cannot be written): nothing can be saved to it; reading still works, make it writable to save changes")]
    ReadOnly { path: PathBuf },
    #[error("{path} was written by a newer Storymap (database version {found}, this version knows up to {supported})")]
    NewerDatabase {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// Changes received (sync, a file) that cannot be merged: the stored map is fine.
    #[error("{source}")]
    Refused { source: Box<CoreError> },
    #[error("the stored map {map_id} cannot be read: {source}")]
    Document {
        map_id: String,
        source: Box<CoreError>,
    },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(error),
        }
    }
}

impl StoreError {
    /// A merge that failed: changes refused for breaking the schema blame the changes, not
    /// the stored map.
    pub(crate) fn merging(map_id: &str, source: CoreError) -> StoreError {
        match source {
            CoreError::RefusedChanges(_) => StoreError::Refused {
                source: Box::new(source),
            },
            source => StoreError::document(map_id, source),
        }
    }

    pub(crate) fn document(map_id: &str, source: CoreError) -> StoreError {
        StoreError::Document {
            map_id: map_id.to_owned(),
            source: Box::new(source),
        }
    }
}

/// Classifies an error from opening or first reading a file.
pub(crate) fn on_open(path: &std::path::Path, error: rusqlite::Error) -> StoreError {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_owned(),
            detail: error.to_string(),
        },
        _ => StoreError::from(error),
    }
}
