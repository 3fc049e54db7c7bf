//! `storymap backup list | now | restore`: the rolling backups the app keeps.

use std::path::PathBuf;

use clap::Subcommand;
use storymap_api::{ApiError, BackupView, Workspace};

#[derive(Subcommand)]
pub enum BackupCommand {
    /// The backups kept, newest first (one per day for a week, one per week for a month).
    List {
        /// Only this map (name or id).
        #[arg(long)]
        map: Option<String>,
    },
    /// Back up every map changed since its last backup, as the app does each day.
    Now,
    /// Bring a backup back: a map no longer here returns as itself; a map still here
    /// returns beside it as "NAME (backup of DAY)".
    Restore {
        /// A file from `storymap backup list`.
        file: PathBuf,
    },
}

fn line(backup: &BackupView) -> String {
    let kb = backup.size_bytes.div_ceil(1024);
    format!(
        "{}  {:>7} KB  {}  {}",
        backup.date, kb, backup.map_name, backup.path
    )
}

pub fn run(workspace: &mut Workspace, command: BackupCommand) -> Result<String, ApiError> {
    match command {
        BackupCommand::List { map } => {
            let map_id = map.map(|m| workspace.resolve_map(&m)).transpose()?;
            let backups = workspace.backups(map_id.as_deref())?;
            if backups.is_empty() {
                return Ok(format!(
                    "No backups yet in {} (the app writes one a day; `storymap backup now` writes one now)",
                    workspace.backup_dir().display()
                ));
            }
            Ok(backups.iter().map(line).collect::<Vec<_>>().join("\n"))
        }
        BackupCommand::Now => {
            let written = workspace.back_up_today()?;
            if written.is_empty() {
                return Ok("Every map's latest backup is up to date".to_owned());
            }
            Ok(written.iter().map(line).collect::<Vec<_>>().join("\n"))
        }
        BackupCommand::Restore { file } => {
            let map = workspace.restore_backup(&file)?;
            let plural = if map.story_count == 1 {
                "story"
            } else {
                "stories"
            };
            Ok(format!(
                "Restored '{}' ({} {plural}): {}",
                map.name, map.story_count, map.id
            ))
        }
    }
}
