//! The typed Tauri commands; their TypeScript wrappers are generated from
//! `storymap_api::bindings::COMMANDS`, which lists the same names. Each only converts.
//! They are async so that they run off the main thread.

use storymap_api::{
    ApiError, BacklogQuery, BacklogView, MapChange, MapEdit, MapSummary, MapView, SplitPatternView,
    ViewPrefs,
};
use tauri::{AppHandle, Manager, State};

use crate::state::AppState;

/// Loads the map's document after its projection is on screen, so the first edit of a
/// large map does not wait for it.
fn prepare_in_background(app: AppHandle, map_id: String) {
    tauri::async_runtime::spawn_blocking(move || {
        // A failure surfaces again, with its message, on the first edit.
        let _ = app.state::<AppState>().with(|w| w.prepare(&map_id));
    });
}

#[tauri::command]
pub async fn list_maps(state: State<'_, AppState>) -> Result<Vec<MapSummary>, ApiError> {
    state.with(|w| w.list_maps())
}

#[tauri::command]
pub async fn open_start_map(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<MapView, ApiError> {
    let view = state.with(|w| w.open_start_map())?;
    prepare_in_background(app, view.map.id.clone());
    Ok(view)
}

#[tauri::command]
pub async fn open_map(
    app: AppHandle,
    state: State<'_, AppState>,
    map_id: String,
) -> Result<MapView, ApiError> {
    let view = state.with(|w| w.open_map(&map_id))?;
    prepare_in_background(app, map_id);
    Ok(view)
}

#[tauri::command]
pub async fn create_map(state: State<'_, AppState>, name: String) -> Result<MapView, ApiError> {
    state.with(|w| w.create_map(&name))
}

#[tauri::command]
pub async fn apply_edit(
    state: State<'_, AppState>,
    map_id: String,
    edit: MapEdit,
) -> Result<MapChange, ApiError> {
    state.with(|w| w.apply_edit(&map_id, edit))
}

#[tauri::command]
pub async fn undo(state: State<'_, AppState>, map_id: String) -> Result<MapChange, ApiError> {
    state.with(|w| w.undo(&map_id))
}

#[tauri::command]
pub async fn redo(state: State<'_, AppState>, map_id: String) -> Result<MapChange, ApiError> {
    state.with(|w| w.redo(&map_id))
}

#[tauri::command]
pub async fn backlog(
    state: State<'_, AppState>,
    map_id: String,
    query: BacklogQuery,
) -> Result<BacklogView, ApiError> {
    state.with(|w| w.backlog(&map_id, query))
}

#[tauri::command]
pub async fn split_patterns(
    state: State<'_, AppState>,
    title: String,
) -> Result<Vec<SplitPatternView>, ApiError> {
    state.with(|w| Ok(w.split_patterns(&title)))
}

#[tauri::command]
pub async fn view_prefs(state: State<'_, AppState>, map_id: String) -> Result<ViewPrefs, ApiError> {
    state.with(|w| w.view_prefs(&map_id))
}

#[tauri::command]
pub async fn save_view_prefs(
    state: State<'_, AppState>,
    map_id: String,
    prefs: ViewPrefs,
) -> Result<(), ApiError> {
    state.with(|w| w.save_view_prefs(&map_id, prefs))
}
