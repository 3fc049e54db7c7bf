//! The commands of the app on the desktop: `.storymap` files it exports, imports and is handed
//! (a double-click, a second launch), its backups, and About. Declared like `commands`.

use std::path::PathBuf;

use storymap_api::{
    AboutView, ApiError, BackupView, LaunchRequest, MapFilePreview, MapSummary, ReceivedMapView,
};
use tauri::State;

use crate::command_table::commands;
use crate::launch::PendingLaunch;
use crate::state::AppState;

commands! {
    /// Writes the map with its whole history as a .storymap file.
    pub async fn export_map_file(
        state: State<'_, AppState>;
        map_id: String,
        path: PathBuf,
    ) -> Result<(), ApiError> {
        state.with(|w| w.export_map_file(&map_id, &path))
    }

    /// Reads a .storymap file: merged into the same map when we have it, else added.
    pub async fn import_map_file(
        state: State<'_, AppState>;
        path: PathBuf,
    ) -> Result<ReceivedMapView, ApiError> {
        state.with(|w| w.import_map_file(&path))
    }

    /// What a .storymap file holds (map, stories, newest change), before it is imported.
    pub async fn preview_map_file(
        state: State<'_, AppState>;
        path: PathBuf,
    ) -> Result<MapFilePreview, ApiError> {
        state.with(|w| w.preview_map_file(&path))
    }

    /// A .storymap file dropped on the window, by name and bytes: kept in the data
    /// directory and previewed; import it with importMapFile(preview.path).
    pub async fn receive_dropped_file(
        state: State<'_, AppState>;
        file_name: String,
        bytes: Vec<u8>,
    ) -> Result<MapFilePreview, ApiError> {
        state.with(|w| w.receive_dropped_file(&file_name, &bytes))
    }

    /// The app's version, its data directory and the licences of what it ships.
    pub async fn about(
        state: State<'_, AppState>;
    ) -> Result<AboutView, ApiError> {
        state.with(|w| Ok(w.about(env!("CARGO_PKG_VERSION"))))
    }

    /// What Storymap was started (or started again) to do — open a .storymap file, join
    /// an invitation's map — once; null when nothing is waiting.
    pub async fn take_launch_request(
        pending: State<'_, PendingLaunch>;
    ) -> Result<Option<LaunchRequest>, ApiError> {
        pending.take().map(|launch| launch.request()).transpose()
    }

    /// The rolling backups of one map (or of every map), newest first.
    pub async fn backups(
        state: State<'_, AppState>;
        map_id: Option<String>,
    ) -> Result<Vec<BackupView>, ApiError> {
        state.with(|w| w.backups(map_id.as_deref()))
    }

    /// Brings a backup back: as the map itself when it is gone, else beside it as a copy.
    pub async fn restore_backup(
        state: State<'_, AppState>;
        path: PathBuf,
    ) -> Result<MapSummary, ApiError> {
        state.with(|w| w.restore_backup(&path))
    }
}
