//! Rolling backups: each map as a `.storymap` file under `backups/<map id>/<day>.storymap`
//! in the data directory, one per day for a week and one per week for a month. A backup
//! holds the whole Automerge document, so restoring one loses nothing that was in it.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use storymap_core::{MapDocument, MapImport};
use storymap_store::ReceivedMap;

use crate::files::{read_import_file, write_atomically};
use crate::workspace::{new_id, unix_now};
use crate::{ApiError, BackupView, ErrorCode, MapSummary, Workspace};

const DAILY_FOR_DAYS: i64 = 7;
const WEEKLY_FOR_DAYS: i64 = 35;

/// Which of the days a map has backups for to keep on `today`: every one of the last
/// week, then the newest of each ISO week up to five weeks back; none older.
pub fn backups_to_keep(days: &[NaiveDate], today: NaiveDate) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = days.to_vec();
    days.sort_unstable_by(|a, b| b.cmp(a));
    let mut kept: Vec<NaiveDate> = Vec::new();
    for day in days {
        let age = (today - day).num_days();
        let same_week = |k: &NaiveDate| k.iso_week() == day.iso_week();
        let keep = age < DAILY_FOR_DAYS || (age < WEEKLY_FOR_DAYS && !kept.iter().any(same_week));
        if keep {
            kept.push(day);
        }
    }
    kept
}

fn backup_key(map_id: &str) -> String {
    format!("backupHeads:{map_id}")
}

fn day_of(path: &Path) -> Option<NaiveDate> {
    let stem = path.file_stem()?.to_str()?;
    NaiveDate::parse_from_str(stem, "%Y-%m-%d").ok()
}

impl Workspace {
    pub fn backup_dir(&self) -> PathBuf {
        let data_dir = self.database_path().parent().unwrap_or(Path::new("."));
        data_dir.join("backups")
    }

    /// [`Workspace::back_up_maps`] for today (UTC).
    pub fn back_up_today(&mut self) -> Result<Vec<BackupView>, ApiError> {
        self.back_up_maps(chrono::Utc::now().date_naive())
    }

    /// Writes today's backup of every map changed since its last one (atomically), then
    /// drops the backups the rotation no longer keeps. Returns the backups written.
    pub fn back_up_maps(&mut self, today: NaiveDate) -> Result<Vec<BackupView>, ApiError> {
        let mut written = Vec::new();
        for map in self.list_maps()? {
            if let Some(backup) = self.back_up_map(&map, today)? {
                written.push(backup);
            }
            self.rotate_backups(&map.id, today)?;
        }
        Ok(written)
    }

    fn back_up_map(
        &mut self,
        map: &MapSummary,
        today: NaiveDate,
    ) -> Result<Option<BackupView>, ApiError> {
        // Most maps did not change since their last backup: tell from a marker the store
        // keeps, without loading the document (a second for a 10k-story map).
        let marker = self.store.write_marker(&map.id)?;
        let marker_key = format!("backupMarker:{}", map.id);
        if marker.is_some() && self.store.setting(&marker_key)? == marker {
            return Ok(None);
        }
        let doc = self.store.load(&map.id)?.doc;
        let heads: Vec<String> = doc.heads().iter().map(ToString::to_string).collect();
        let heads = heads.join(",");
        let remember = |store: &storymap_store::Store| -> Result<(), ApiError> {
            store.set_setting(&backup_key(&map.id), &heads)?;
            if let Some(marker) = &marker {
                store.set_setting(&marker_key, marker)?;
            }
            Ok(())
        };
        // Written to but not changed (a compaction): remember the marker, no new backup.
        if self.store.setting(&backup_key(&map.id))?.as_deref() == Some(heads.as_str()) {
            remember(&self.store)?;
            return Ok(None);
        }
        let dir = self.backup_dir().join(&map.id);
        std::fs::create_dir_all(&dir).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!("cannot make the backup folder {}: {e}", dir.display()),
            )
        })?;
        let path = dir.join(format!("{today}.storymap"));
        let bytes = doc.save();
        write_atomically(&path, &bytes)?;
        remember(&self.store)?;
        Ok(Some(BackupView {
            map_id: map.id.clone(),
            map_name: map.name.clone(),
            date: today.to_string(),
            path: path.display().to_string(),
            size_bytes: bytes.len() as u64,
        }))
    }

    fn rotate_backups(&self, map_id: &str, today: NaiveDate) -> Result<(), ApiError> {
        let files = self.backup_files(map_id);
        let days: Vec<NaiveDate> = files.iter().filter_map(|p| day_of(p)).collect();
        let keep = backups_to_keep(&days, today);
        for path in files {
            if day_of(&path).is_some_and(|d| !keep.contains(&d)) {
                // A backup that cannot be removed now is removed at the next rotation.
                let _ = std::fs::remove_file(&path);
            }
        }
        Ok(())
    }

    fn backup_files(&self, map_id: &str) -> Vec<PathBuf> {
        let dir = self.backup_dir().join(map_id);
        let entries = std::fs::read_dir(dir).into_iter().flatten().flatten();
        entries
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "storymap") && day_of(p).is_some())
            .collect()
    }

    /// The backups of one map, or of every map (including maps no longer here), newest first.
    pub fn backups(&self, map_id: Option<&str>) -> Result<Vec<BackupView>, ApiError> {
        let maps = self.list_maps()?;
        let ids: Vec<String> = match map_id {
            Some(id) => vec![id.to_owned()],
            None => std::fs::read_dir(self.backup_dir())
                .into_iter()
                .flatten()
                .flatten()
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .collect(),
        };
        let mut backups = Vec::new();
        for id in ids {
            for path in self.backup_files(&id) {
                let name = match maps.iter().find(|m| m.id == id) {
                    Some(map) => map.name.clone(),
                    None => backed_up_name(&path),
                };
                backups.push(BackupView {
                    map_id: id.clone(),
                    map_name: name,
                    date: day_of(&path).map(|d| d.to_string()).unwrap_or_default(),
                    size_bytes: std::fs::metadata(&path).map_or(0, |m| m.len()),
                    path: path.display().to_string(),
                });
            }
        }
        backups.sort_by(|a, b| b.date.cmp(&a.date).then(a.map_name.cmp(&b.map_name)));
        Ok(backups)
    }

    /// Brings a backup back. A map no longer here returns as itself (its history and
    /// sync link kept); a map still here returns beside it as a copy named
    /// "NAME (backup of DAY)", so nothing done since is lost either way.
    pub fn restore_backup(&mut self, path: &Path) -> Result<MapSummary, ApiError> {
        let bytes = read_import_file(path)?;
        let doc = MapDocument::load_verified(&bytes).map_err(|e| {
            let error = ApiError::from(e);
            let message = format!(
                "{} is not a Storymap backup: {}",
                path.display(),
                error.message
            );
            ApiError::new(error.code, message)
        })?;
        let map_id = doc.map_id();
        if !self.store.map_exists(&map_id)? {
            let received = self.store.receive_map(doc)?;
            debug_assert!(matches!(received, ReceivedMap::Added { .. }));
            return self.summary(&map_id);
        }
        let mut model = doc.read()?;
        let day = day_of(path).map_or_else(|| "an earlier day".to_owned(), |d| d.to_string());
        let suffix = format!(" (backup of {day})");
        let room = storymap_core::limits::MAX_TITLE_CHARS - suffix.chars().count();
        model.name = model.name.chars().take(room).collect::<String>() + &suffix;
        let copy = MapImport::build(&model, &new_id(), &self.author, unix_now())?;
        self.store.insert_map(&copy)?;
        self.summary(&copy.map_id())
    }
}

/// The map's name as the backup holds it, for a map no longer in the database.
fn backed_up_name(path: &Path) -> String {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| MapDocument::load(&bytes).ok())
        .map_or_else(|| "(unreadable backup)".to_owned(), |doc| doc.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_week_of_days_then_one_per_week_for_a_month() {
        let today = day("2026-12-04");
        let all: Vec<NaiveDate> = (0..60).map(|n| today - chrono::Days::new(n)).collect();
        let kept: Vec<String> = backups_to_keep(&all, today)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            kept,
            [
                // The last seven days…
                "2026-12-04",
                "2026-12-03",
                "2026-12-02",
                "2026-12-01",
                "2026-11-30",
                "2026-11-29",
                "2026-11-28",
                // …then the newest day of each earlier week (the week of the 28th
                // already has one), up to five weeks back.
                "2026-11-22",
                "2026-11-15",
                "2026-11-08",
                "2026-11-01",
            ]
        );
    }
}
