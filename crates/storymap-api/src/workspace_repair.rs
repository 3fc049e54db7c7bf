//! Repairing a data directory whose database cannot be opened. A fresh database is built
//! beside the damaged one (`storymap.sqlite3.repairing`): each map is rebuilt from the Automerge
//! data still readable in the damaged file, else restored from its newest backup; maps
//! found only in backups come back too. Only when the fresh database is whole is the
//! damaged one moved aside (renamed, never modified or deleted) and the fresh one put in
//! its place, so a repair that fails midway leaves everything as it was and can be retried.

use std::path::{Path, PathBuf};

use storymap_core::MapDocument;
use storymap_store::{salvage_maps, Store};

use crate::files::read_import_file;
use crate::{
    ApiError, ErrorCode, RepairReport, RepairedFrom, RepairedMap, Workspace, DATABASE_FILE,
};

/// How the maps come back: from the damaged file's data where it reads, or only from backups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepairSource {
    MapData,
    BackupsOnly,
}

/// The time that names a damaged file moved aside now: `YYYYMMDDTHHMMSSZ` (UTC).
pub fn repair_stamp_now() -> String {
    chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string()
}

fn storage(message: String) -> ApiError {
    ApiError::new(ErrorCode::Storage, message)
}

impl Workspace {
    /// Repairs the database in `data_dir` (see the module), keeping the damaged file as
    /// `storymap.sqlite3.damaged-<stamp>`, and opens the repaired workspace.
    pub fn repair(
        data_dir: &Path,
        stamp: &str,
        source: RepairSource,
    ) -> Result<(Workspace, RepairReport), ApiError> {
        let database = data_dir.join(DATABASE_FILE);
        let fresh = data_dir.join(format!("{DATABASE_FILE}.repairing"));
        remove_database(&fresh)?;
        let mut store = Store::open(&fresh)?;
        let mut maps = Vec::new();
        if source == RepairSource::MapData && database.exists() {
            for salvaged in salvage_maps(&database) {
                let entry = match salvaged.document {
                    Ok(doc) => {
                        store.receive_map(doc)?;
                        RepairedMap::new(&salvaged.map_id, salvaged.name, RepairedFrom::MapData)
                    }
                    Err(_) => restore_newest(&mut store, data_dir, &salvaged.map_id)?
                        .unwrap_or_else(|| RepairedMap::lost(&salvaged.map_id, salvaged.name)),
                };
                maps.push(entry);
            }
        }
        for map_id in backed_up_maps(data_dir) {
            if maps.iter().any(|m| m.map_id == map_id) {
                continue;
            }
            if let Some(entry) = restore_newest(&mut store, data_dir, &map_id)? {
                maps.push(entry);
            }
        }
        drop(store);
        let damaged = if database.exists() {
            let kept = storymap_store::move_aside(&database, stamp)
                .map_err(|e| storage(format!("cannot move {} aside: {e}", database.display())))?;
            Some(kept.display().to_string())
        } else {
            None
        };
        std::fs::rename(&fresh, &database)
            .map_err(|e| storage(format!("cannot put the repaired database in place: {e}")))?;
        maps.sort_by(|a, b| a.name.cmp(&b.name));
        let workspace = Workspace::open(data_dir)?;
        Ok((
            workspace,
            RepairReport {
                damaged_file: damaged,
                maps,
            },
        ))
    }
}

/// Removes an unfinished fresh database left by an earlier attempt (and its WAL files).
fn remove_database(path: &Path) -> Result<(), ApiError> {
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        if file.exists() {
            std::fs::remove_file(&file)
                .map_err(|e| storage(format!("cannot remove {}: {e}", file.display())))?;
        }
    }
    Ok(())
}

/// The ids of the maps with a folder under `backups/`.
fn backed_up_maps(data_dir: &Path) -> Vec<String> {
    let entries = std::fs::read_dir(data_dir.join("backups"))
        .into_iter()
        .flatten();
    let mut ids: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect();
    ids.sort();
    ids
}

/// Restores the newest readable backup of `map_id`, if it has one.
fn restore_newest(
    store: &mut Store,
    data_dir: &Path,
    map_id: &str,
) -> Result<Option<RepairedMap>, ApiError> {
    let dir = data_dir.join("backups").join(map_id);
    let mut days: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "storymap"))
        .filter_map(|p| Some((p.file_stem()?.to_str()?.to_owned(), p)))
        .collect();
    days.sort_by(|a, b| b.0.cmp(&a.0));
    for (day, path) in days {
        let Ok(bytes) = read_import_file(&path) else {
            continue;
        };
        let Ok(doc) = MapDocument::load_verified(&bytes) else {
            continue;
        };
        if doc.map_id() != map_id {
            continue;
        }
        let name = doc.name();
        store.receive_map(doc)?;
        return Ok(Some(RepairedMap::new(
            map_id,
            name,
            RepairedFrom::Backup { date: day },
        )));
    }
    Ok(None)
}
