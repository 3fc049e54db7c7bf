//! The Tauri shell: finds the data directory, opens the workspace and registers the
//! commands. Adapters only; every rule lives in the crates under `crates/`.

mod backups;
#[cfg(test)]
mod bindings_check;
mod command_table;
mod commands;
mod desktop_commands;
mod idle;
mod launch;
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

/// Held for the app's lifetime: see [`lock_data_dir`].
struct DataDirLock(#[allow(dead_code)] Option<std::fs::File>);

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

/// The workspace, or the reason it cannot open, which the window then shows; with the
/// lock that keeps a second app off the same data directory while this one runs.
fn open_workspace() -> (Result<Workspace, ApiError>, Option<std::fs::File>) {
    let opened = data_dir().and_then(|dir| {
        let lock = lock_data_dir(&dir)?;
        Ok((Workspace::open(&dir)?, lock))
    });
    match opened {
        Ok((workspace, lock)) => (Ok(workspace), Some(lock)),
        Err(error) => (Err(error), None),
    }
}

/// An exclusive lock on `DIR/storymap-app.lock`, held while the app runs (the OS lets go
/// when it exits, even by a crash). The command line does not take it: its writes merge.
fn lock_data_dir(dir: &std::path::Path) -> Result<std::fs::File, ApiError> {
    let storage = |e: std::io::Error| ApiError::new(ErrorCode::Storage, e.to_string());
    std::fs::create_dir_all(dir).map_err(storage)?;
    let file = std::fs::File::create(dir.join("storymap-app.lock")).map_err(storage)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(ApiError::new(
            ErrorCode::Storage,
            format!(
                "Storymap is already open on {}: use that window (two apps writing one data directory could lose work)",
                dir.display()
            ),
        )),
        Err(std::fs::TryLockError::Error(e)) => Err(storage(e)),
    }
}

/// Window size, position and maximised state, kept per data directory; never full screen,
/// so Storymap does not come back in presentation mode.
fn window_state_plugin() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    use tauri_plugin_window_state::{Builder, StateFlags};
    let mut builder = Builder::new().with_state_flags(StateFlags::all() - StateFlags::FULLSCREEN);
    if let Ok(dir) = data_dir() {
        // An absolute name replaces the plugin's config directory.
        builder = builder.with_filename(dir.join("window-state.json").display().to_string());
    }
    builder.build()
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
    let (workspace, data_dir_lock) = open_workspace();
    let launch = std::env::current_dir()
        .ok()
        .and_then(|cwd| launch::launch_argument(std::env::args(), &cwd));
    tauri::Builder::default()
        // First, so a second launch hands over its file before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            launch::second_launch(app, args, cwd)
        }))
        .plugin(window_state_plugin())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::new(workspace))
        .manage(DataDirLock(data_dir_lock))
        .manage(launch::PendingLaunch::new(launch))
        .manage(sync::SyncRunner::default())
        .manage(sync::JoinCancel::default())
        .invoke_handler(command_table::handler())
        .setup(|app| {
            let _ = app.state::<AppState>().with(|w| {
                report_progress(app.handle(), w);
                Ok(())
            });
            app.manage(backups::BackupRunner::start(app.handle().clone()));
            app.manage(idle::IdleCompactor::start(app.handle().clone()));
            // Every shared map syncs, open or not; a damaged database syncs nothing.
            let _ = app.state::<sync::SyncRunner>().follow_all(app.handle());
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
    fn a_second_app_on_the_same_data_directory_is_refused_until_the_first_lets_go() {
        let dir = tempfile_dir();
        let first = lock_data_dir(&dir).unwrap();
        let refused = lock_data_dir(&dir).unwrap_err();
        assert_eq!(refused.code, ErrorCode::Storage);
        assert!(
            refused.message.starts_with("Storymap is already open on"),
            "{}",
            refused.message
        );
        drop(first);
        assert!(
            lock_data_dir(&dir).is_ok(),
            "free again once the first app is gone"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn tempfile_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("storymap-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
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
