//! The Tauri commands, each declared once through `commands!` (its doc comment becomes the
//! TypeScript wrapper's). Each only converts and calls the workspace.

use std::path::PathBuf;

use storymap_api::events::SYNC_STATUS;
use storymap_api::{
    repair_stamp_now, ApiError, BacklogQuery, BacklogView, ChangeEntryView, ChangesSince,
    ChangesView, ConflictView, HealthView, HistoryPointView, ImageFormat, ImageScope,
    JiraImportView, JiraPreviewView, JiraStatusMapping, JiraTarget, MapChange, MapEdit, MapSummary,
    MapView, PresentationFocus, PresentationView, ReceivedMapView, RepairReport, RepairSource,
    SessionListItem, SessionSummaryView, SessionView, SplitPatternView, SyncSettingsInput,
    SyncSettingsView, SyncStatus, ViewPrefs, Workspace,
};
use tauri::{AppHandle, Emitter, Manager, State};

use crate::command_table::commands;
use crate::idle::IdleCompactor;
use crate::state::{prepare_in_background, AppState};
use crate::sync::SyncRunner;

commands! {
    /// Repairs the damaged database found at start: each map rebuilt from its data still
    /// readable (or, with `backupsOnly`, restored from its newest backup), the damaged file
    /// kept beside it; the repaired workspace is used from then on.
    pub async fn repair_database(
        app: AppHandle,
        state: State<'_, AppState>;
        backups_only: bool,
    ) -> Result<RepairReport, ApiError> {
        let source = if backups_only { RepairSource::BackupsOnly } else { RepairSource::MapData };
        state.repair(|| {
            let (mut workspace, report) =
                Workspace::repair(&crate::data_dir()?, &repair_stamp_now(), source)?;
            crate::report_progress(&app, &mut workspace);
            Ok((workspace, report))
        })
    }

    /// Every map in the data directory, latest edited first.
    pub async fn list_maps(
        state: State<'_, AppState>;
    ) -> Result<Vec<MapSummary>, ApiError> {
        state.with(|w| w.list_maps())
    }

    /// The last map opened, or the sample map on the very first run.
    pub async fn open_start_map(
        app: AppHandle,
        state: State<'_, AppState>;
    ) -> Result<MapView, ApiError> {
        let view = state.with(|w| w.open_start_map())?;
        app.state::<crate::backups::BackupRunner>().wake();
        let _ = app.state::<SyncRunner>().follow(&app, &view.map.id);
        prepare_in_background(app, view.map.id.clone());
        Ok(view)
    }

    /// A map, remembered as the last one opened.
    pub async fn open_map(
        app: AppHandle,
        state: State<'_, AppState>;
        map_id: String,
    ) -> Result<MapView, ApiError> {
        let view = state.with(|w| w.open_map(&map_id))?;
        let _ = app.state::<SyncRunner>().follow(&app, &map_id);
        prepare_in_background(app, map_id);
        Ok(view)
    }

    /// A new map with one release slice, MVP.
    pub async fn create_map(
        app: AppHandle,
        state: State<'_, AppState>;
        name: String,
    ) -> Result<MapView, ApiError> {
        let view = state.with(|w| w.create_map(&name))?;
        let _ = app.state::<SyncRunner>().follow(&app, &view.map.id);
        Ok(view)
    }

    /// One edit, saved before the promise resolves; answers what changed.
    pub async fn apply_edit(
        state: State<'_, AppState>,
        sync: State<'_, SyncRunner>,
        idle: State<'_, IdleCompactor>;
        map_id: String,
        edit: MapEdit,
    ) -> Result<MapChange, ApiError> {
        let change = state.with(|w| w.apply_edit(&map_id, edit))?;
        sync.local_edit(&map_id);
        idle.touch();
        Ok(change)
    }

    /// Reverts the local user's last edit on the map, leaving teammates' changes alone.
    pub async fn undo(
        state: State<'_, AppState>,
        sync: State<'_, SyncRunner>,
        idle: State<'_, IdleCompactor>;
        map_id: String,
    ) -> Result<MapChange, ApiError> {
        let change = state.with(|w| w.undo(&map_id))?;
        sync.local_edit(&map_id);
        idle.touch();
        Ok(change)
    }

    /// Applies again the edit the last undo reverted.
    pub async fn redo(
        state: State<'_, AppState>,
        sync: State<'_, SyncRunner>,
        idle: State<'_, IdleCompactor>;
        map_id: String,
    ) -> Result<MapChange, ApiError> {
        let change = state.with(|w| w.redo(&map_id))?;
        sync.local_edit(&map_id);
        idle.touch();
        Ok(change)
    }

    /// The stories as one ranked list, sorted and filtered, with its header counts.
    pub async fn backlog(
        state: State<'_, AppState>;
        map_id: String,
        query: BacklogQuery,
    ) -> Result<BacklogView, ApiError> {
        state.with(|w| w.backlog(&map_id, query))
    }

    /// Ready sprints against the target, what each slice needs, and the trend.
    pub async fn backlog_health(
        state: State<'_, AppState>;
        map_id: String,
    ) -> Result<HealthView, ApiError> {
        state.with(|w| w.backlog_health(&map_id))
    }

    /// Every splitting pattern with the titles it suggests for a story.
    pub async fn split_patterns(
        state: State<'_, AppState>;
        title: String,
    ) -> Result<Vec<SplitPatternView>, ApiError> {
        state.with(|w| Ok(w.split_patterns(&title)))
    }

    /// How this device shows the map (collapsed slices, zoom).
    pub async fn view_prefs(
        state: State<'_, AppState>;
        map_id: String,
    ) -> Result<ViewPrefs, ApiError> {
        state.with(|w| w.view_prefs(&map_id))
    }

    /// Remembers how this device shows the map.
    pub async fn save_view_prefs(
        state: State<'_, AppState>;
        map_id: String,
        prefs: ViewPrefs,
    ) -> Result<(), ApiError> {
        state.with(|w| w.save_view_prefs(&map_id, prefs))
    }

    /// The map's sync settings on this device, its share link and the display name.
    pub async fn sync_settings(
        state: State<'_, AppState>;
        map_id: String,
    ) -> Result<SyncSettingsView, ApiError> {
        state.with(|w| w.sync_settings(&map_id))
    }

    /// Turns sync on or off for the map, sets its server and the display name.
    pub async fn save_sync_settings(
        app: AppHandle,
        state: State<'_, AppState>;
        map_id: String,
        settings: SyncSettingsInput,
    ) -> Result<SyncSettingsView, ApiError> {
        let saved = state.with(|w| w.save_sync_settings(&map_id, settings))?;
        let status = app.state::<SyncRunner>().follow(&app, &map_id)?;
        let _ = app.emit(SYNC_STATUS.name, status);
        Ok(saved)
    }

    /// Where the map's sync stands now; later changes arrive as `sync-status` events.
    pub async fn sync_status(
        app: AppHandle;
        map_id: String,
    ) -> Result<SyncStatus, ApiError> {
        app.state::<SyncRunner>().current(&app, &map_id)
    }

    /// Fetches a shared map by its automerge: link (or a storymap://join?… invitation, which
    /// names its server) and keeps it in sync with that server.
    pub async fn join_map(
        app: AppHandle;
        url: String,
        server_url: String,
    ) -> Result<ReceivedMapView, ApiError> {
        // An invitation link carries its server; a typed server wins.
        let (url, server_url) = storymap_api::join_target(&url, Some(server_url))?;
        crate::sync::join(&app, &url, &server_url).await
    }

    /// Every shared map's sync status, for the map switcher; changes arrive as events.
    pub async fn sync_statuses(
        app: AppHandle;
    ) -> Result<Vec<SyncStatus>, ApiError> {
        Ok(app.state::<SyncRunner>().all())
    }

    /// Stops the join under way (nothing of the map is kept); `false` when none runs.
    pub async fn cancel_join(
        app: AppHandle;
    ) -> Result<bool, ApiError> {
        Ok(app.state::<crate::sync::JoinCancel>().cancel())
    }

    /// Draws the map or one slice as a PNG, SVG or paginated PDF and writes it to the path.
    pub async fn export_image(
        state: State<'_, AppState>;
        map_id: String,
        format: ImageFormat,
        scope: ImageScope,
        path: PathBuf,
    ) -> Result<(), ApiError> {
        // Drawing a large map takes a moment; like every command it runs off the main thread.
        state.with(|w| w.export_image(&map_id, format, scope, &path))
    }

    /// Writes the stakeholder page of the map or one slice: one self-contained, read-only
    /// HTML file (no scripts, nothing loaded from the network) to mail to stakeholders.
    pub async fn export_html(
        state: State<'_, AppState>;
        map_id: String,
        scope: ImageScope,
        path: PathBuf,
    ) -> Result<(), ApiError> {
        state.with(|w| w.export_html(&map_id, scope, &path))
    }

    /// What changed since the last sync, the last opening or a date: per story, who and when.
    pub async fn changes_since(
        state: State<'_, AppState>;
        map_id: String,
        since: ChangesSince,
    ) -> Result<ChangesView, ApiError> {
        state.with(|w| w.changes_since(&map_id, since))
    }

    /// A story's whole history, newest first.
    pub async fn story_timeline(
        state: State<'_, AppState>;
        map_id: String,
        story_id: String,
    ) -> Result<Vec<ChangeEntryView>, ApiError> {
        state.with(|w| w.story_timeline(&map_id, &story_id))
    }

    /// Fields teammates set differently at the same time; settle one with a resolveConflict
    /// edit.
    pub async fn conflicts(
        state: State<'_, AppState>;
        map_id: String,
    ) -> Result<Vec<ConflictView>, ApiError> {
        state.with(|w| w.conflicts(&map_id))
    }

    /// Points in the map's history to view or restore, newest first.
    pub async fn history_points(
        state: State<'_, AppState>;
        map_id: String,
        limit: u32,
    ) -> Result<Vec<HistoryPointView>, ApiError> {
        state.with(|w| w.history_points(&map_id, limit))
    }

    /// The map as it was right after one change (read-only).
    pub async fn map_at(
        state: State<'_, AppState>;
        map_id: String,
        hash: String,
    ) -> Result<MapView, ApiError> {
        state.with(|w| w.map_at(&map_id, &hash))
    }

    /// The map's refinement sessions, past and open, newest first.
    pub async fn sessions(
        state: State<'_, AppState>;
        map_id: String,
    ) -> Result<Vec<SessionListItem>, ApiError> {
        state.with(|w| w.sessions(&map_id))
    }

    /// One session as the room sees it; votes stay hidden until revealed.
    pub async fn session(
        state: State<'_, AppState>;
        map_id: String,
        session_id: String,
    ) -> Result<SessionView, ApiError> {
        state.with(|w| w.session(&map_id, &session_id))
    }

    /// What a session did (the latest when sessionId is null) and the stakeholder update.
    pub async fn session_summary(
        state: State<'_, AppState>;
        map_id: String,
        session_id: Option<String>,
    ) -> Result<SessionSummaryView, ApiError> {
        state.with(|w| w.session_summary(&map_id, session_id.as_deref()))
    }

    /// What the projector shows: a story, slice or activity, never private notes.
    pub async fn presentation(
        state: State<'_, AppState>;
        map_id: String,
        focus: PresentationFocus,
    ) -> Result<PresentationView, ApiError> {
        state.with(|w| w.presentation(&map_id, focus))
    }

    /// What importing a Jira CSV export would create and update, its columns and warnings;
    /// writes nothing.
    pub async fn preview_jira_csv_file(
        state: State<'_, AppState>;
        path: PathBuf,
        target: JiraTarget,
        status_map: Vec<JiraStatusMapping>,
    ) -> Result<JiraPreviewView, ApiError> {
        state.with(|w| w.preview_jira_csv_file(&path, &target, &status_map))
    }

    /// Imports a Jira CSV export as one change (one undo step on an existing map); a file that
    /// is not a table imports nothing.
    pub async fn import_jira_csv_file(
        state: State<'_, AppState>,
        sync: State<'_, SyncRunner>;
        path: PathBuf,
        target: JiraTarget,
        status_map: Vec<JiraStatusMapping>,
    ) -> Result<JiraImportView, ApiError> {
        let imported = state.with(|w| w.import_jira_csv_file(&path, &target, &status_map))?;
        sync.local_edit(&imported.map.id);
        Ok(imported)
    }

    /// Like previewJiraCsvFile, on CSV text (pasted or read by the UI).
    pub async fn preview_jira_csv(
        state: State<'_, AppState>;
        csv_text: String,
        target: JiraTarget,
        status_map: Vec<JiraStatusMapping>,
    ) -> Result<JiraPreviewView, ApiError> {
        state.with(|w| w.preview_jira_csv(&csv_text, &target, &status_map))
    }

    /// Like importJiraCsvFile, on CSV text.
    pub async fn import_jira_csv(
        state: State<'_, AppState>,
        sync: State<'_, SyncRunner>;
        csv_text: String,
        target: JiraTarget,
        status_map: Vec<JiraStatusMapping>,
    ) -> Result<JiraImportView, ApiError> {
        let imported = state.with(|w| w.import_jira_csv(&csv_text, &target, &status_map))?;
        sync.local_edit(&imported.map.id);
        Ok(imported)
    }

    /// Writes the map as a CSV for Jira's External System Import (epics, stories, issue keys
    /// kept).
    pub async fn export_jira_csv_file(
        state: State<'_, AppState>;
        map_id: String,
        path: PathBuf,
    ) -> Result<(), ApiError> {
        state.with(|w| w.export_jira_csv_file(&map_id, &path))
    }

    /// Saves a session's stakeholder update, as edited, to a `.md` or `.txt` file.
    pub async fn save_stakeholder_update(
        ;
        path: PathBuf,
        text: String,
    ) -> Result<(), ApiError> {
        Workspace::save_stakeholder_update(&path, &text)
    }

    /// Writes the map as a Markdown outline: activities, steps, slices, stories.
    pub async fn export_markdown_file(
        state: State<'_, AppState>;
        map_id: String,
        path: PathBuf,
    ) -> Result<(), ApiError> {
        state.with(|w| w.export_markdown_file(&map_id, &path))
    }
}
