//! The Tauri shell: finds the data directory, opens the workspace and registers the
//! commands. Adapters only; every rule lives in the crates under `crates/`.

mod backups;
#[cfg(test)]
mod bindings_check;
mod command_table;
mod commands;
#[cfg(test)]
mod security_check;
mod state;
mod sync;

use std::path::PathBuf;
use std::sync::Arc;

use storymap_api::events::PROGRESS;
use storymap_api::{resolve_data_dir, ApiError, ErrorCode, ProgressView, Workspace, QUIET_FOR};
use tauri::{Emitter, Manager};

use crate::state::AppState;

/// `--data-dir DIR` or `--data-dir=DIR` from the command line, if given.
fn data_dir_flag(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(value));
        }
    }
    None
}

/// The data directory this run uses.
pub(crate) fn data_dir() -> Result<PathBuf, ApiError> {
    resolve_data_dir(data_dir_flag(std::env::args())).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Storage,
            "no data directory: start Storymap with --data-dir DIR",
        )
    })
}

/// The workspace, or the reason it cannot open, which the window then shows.
fn open_workspace() -> Result<Workspace, ApiError> {
    Workspace::open(&data_dir()?)
}

/// Long work reports to the window's progress bar.
pub(crate) fn report_progress(app: &tauri::AppHandle, workspace: &mut Workspace) {
    let handle = app.clone();
    workspace.set_progress_sink(
        Arc::new(move |progress: &ProgressView| {
            let _ = handle.emit(PROGRESS.name, progress);
        }),
        QUIET_FOR,
    );
}

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::new(open_workspace()))
        .manage(sync::SyncRunner::default())
        .invoke_handler(commands::handler())
        .setup(|app| {
            let _ = app.state::<AppState>().with(|w| {
                report_progress(app.handle(), w);
                Ok(())
            });
            app.manage(backups::BackupRunner::start(app.handle().clone()));
            Ok(())
        })
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while running Storymap");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(args: &[&str]) -> Option<PathBuf> {
        data_dir_flag(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn reads_the_data_dir_flag_in_both_spellings() {
        assert_eq!(
            flag(&["app", "--data-dir", "/tmp/a"]),
            Some("/tmp/a".into())
        );
        assert_eq!(flag(&["app", "--data-dir=/tmp/b"]), Some("/tmp/b".into()));
        assert_eq!(flag(&["app", "--other"]), None);
    }
}
