//! The workspace shared by the commands, behind one lock: edits are serialised, and a
//! command waits while a large map's document loads in the background.

use std::sync::Mutex;

use storymap_api::{ApiError, ErrorCode, Workspace};
use tauri::{AppHandle, Manager};

pub struct AppState {
    workspace: Mutex<Result<Workspace, ApiError>>,
}

impl AppState {
    pub fn new(workspace: Result<Workspace, ApiError>) -> AppState {
        AppState {
            workspace: Mutex::new(workspace),
        }
    }

    /// Runs `repair` when the workspace could not be opened because its database is damaged,
    /// and holds the workspace it reopens from then on. Other commands wait meanwhile.
    pub fn repair<T>(
        &self,
        repair: impl FnOnce() -> Result<(Workspace, T), ApiError>,
    ) -> Result<T, ApiError> {
        let mut guard = self.workspace.lock().map_err(|_| {
            ApiError::new(
                ErrorCode::Internal,
                "an earlier command failed unexpectedly; restart Storymap",
            )
        })?;
        if !matches!(guard.as_ref(), Err(e) if e.code == ErrorCode::DatabaseDamaged) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "the database is not damaged: there is nothing to repair",
            ));
        }
        let (workspace, answer) = repair()?;
        *guard = Ok(workspace);
        Ok(answer)
    }

    /// Runs `f` on the workspace, or answers why the workspace could not be opened.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut guard = self.workspace.lock().map_err(|_| {
            ApiError::new(
                ErrorCode::Internal,
                "an earlier command failed unexpectedly; restart Storymap",
            )
        })?;
        match guard.as_mut() {
            Ok(workspace) => f(workspace),
            Err(error) => Err(error.clone()),
        }
    }
}

/// Loads the map's document after its projection is on screen, so the first edit of a
/// large map does not wait for it.
pub(crate) fn prepare_in_background(app: AppHandle, map_id: String) {
    tauri::async_runtime::spawn_blocking(move || {
        // A failure surfaces again, with its message, on the first edit.
        let _ = app.state::<AppState>().with(|w| w.prepare(&map_id));
    });
}
