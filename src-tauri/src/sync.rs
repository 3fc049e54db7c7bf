//! Live sync in the app: one task per sync-enabled map, off the UI thread, whether the map
//! is open or not. What arrives goes through the workspace's write path and reaches the
//! window as a `remote-change` event (the open map) or `maps-changed` (another one, whose
//! projection is updated); status changes as `sync-status` events.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use storymap_api::events::{MAPS_CHANGED, PROGRESS, REMOTE_CHANGE, SYNC_STATUS};
use storymap_api::{
    ApiError, ProgressView, ReceivedMapView, RemoteChange, SyncSettingsInput, SyncStateView,
    SyncStatus, Workspace, WorkspaceAccess, WorkspaceReplica,
};
use storymap_sync::{map_id_of, parse_share_url, OnStatus, SyncClient, SyncError, SyncState};
use tauri::{AppHandle, Emitter, Manager};
use tokio::sync::mpsc::UnboundedSender;

use crate::idle::IdleCompactor;
use crate::state::AppState;

/// The app's workspace for the sync layer: merges are announced to the window.
struct AppWorkspace(AppHandle);

impl WorkspaceAccess for AppWorkspace {
    fn with<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        self.0.state::<AppState>().with(f)
    }

    fn changed(&self, change: Option<RemoteChange>) {
        if let Some(compactor) = self.0.try_state::<IdleCompactor>() {
            compactor.touch();
        }
        let _ = match change {
            Some(change) => self.0.emit(REMOTE_CHANGE.name, change),
            None => self.0.emit(MAPS_CHANGED.name, ()),
        };
    }
}

/// A sync client on the app's workspace; a join's or first share's progress goes to the
/// window's progress panel.
fn client(app: &AppHandle) -> SyncClient {
    let window = app.clone();
    SyncClient::new(Arc::new(WorkspaceReplica(AppWorkspace(app.clone())))).on_transfer(Arc::new(
        move |transfer| {
            let _ = window.emit(PROGRESS.name, ProgressView::sync_transfer(transfer));
        },
    ))
}

/// One map's running sync.
struct LiveSync {
    local_edits: UnboundedSender<()>,
    server: String,
    task: tauri::async_runtime::JoinHandle<()>,
}

/// Every map with sync on syncs in the background, each on its own connection; their
/// statuses are kept for the map switcher and the open map's pill.
#[derive(Default)]
pub struct SyncRunner {
    live: Mutex<HashMap<String, LiveSync>>,
    statuses: Arc<Mutex<HashMap<String, SyncStatus>>>,
}

pub fn state_view(state: SyncState) -> SyncStateView {
    match state {
        SyncState::LocalOnly => SyncStateView::LocalOnly,
        SyncState::Connecting => SyncStateView::Connecting,
        SyncState::Syncing => SyncStateView::Syncing,
        SyncState::UpToDate => SyncStateView::UpToDate,
        SyncState::Offline { reason } => SyncStateView::Offline { reason },
        SyncState::Error { reason } => SyncStateView::Error { reason },
    }
}

/// Tells the window about a status change and keeps it for `current`.
fn status_reporter(
    app: &AppHandle,
    statuses: &Arc<Mutex<HashMap<String, SyncStatus>>>,
    map_id: &str,
    server: &str,
) -> OnStatus {
    let (app, statuses) = (app.clone(), statuses.clone());
    let (map_id, server) = (map_id.to_owned(), server.to_owned());
    Arc::new(move |state: SyncState| {
        let state = state_view(state);
        let last_synced_at = app
            .state::<AppState>()
            .with(|w| w.last_synced_at(&map_id))
            .ok()
            .flatten();
        let status = SyncStatus {
            map_id: map_id.clone(),
            state,
            server_url: Some(server.clone()),
            last_synced_at,
        };
        statuses
            .lock()
            .expect("status lock")
            .insert(map_id.clone(), status.clone());
        let _ = app.emit(SYNC_STATUS.name, status);
    })
}

impl SyncRunner {
    /// Starts the sync of every map with sync on (at launch).
    pub fn follow_all(&self, app: &AppHandle) -> Result<(), ApiError> {
        let maps = app.state::<AppState>().with(|w| w.list_maps())?;
        for map in maps {
            self.follow(app, &map.id)?;
        }
        Ok(())
    }

    /// Starts syncing `map_id` if sync is on for it (or restarts it with a new server),
    /// stops it if sync is off; other maps' syncs go on.
    pub fn follow(&self, app: &AppHandle, map_id: &str) -> Result<SyncStatus, ApiError> {
        let server = app.state::<AppState>().with(|w| w.sync_server(map_id))?;
        let mut live = self.live.lock().expect("sync lock");
        if let Some(current) = live.remove(map_id) {
            let same = server.as_deref() == Some(current.server.as_str());
            if same && !current.task.inner().is_finished() {
                live.insert(map_id.to_owned(), current);
                drop(live);
                return self.current(app, map_id);
            }
            current.task.abort();
        }
        let Some(server) = server else {
            self.statuses.lock().expect("status lock").remove(map_id);
            drop(live);
            return self.current(app, map_id);
        };
        app.state::<AppState>().with(|w| w.begin_sync(map_id))?;
        let report = status_reporter(app, &self.statuses, map_id, &server);
        report(SyncState::Connecting);
        let (local_edits, local) = tokio::sync::mpsc::unbounded_channel();
        let (task_app, id, url) = (app.clone(), map_id.to_owned(), server.clone());
        let task = tauri::async_runtime::spawn(async move {
            // Errors are reported through `report` as they happen.
            let _ = client(&task_app).run_live(&id, &url, report, local).await;
        });
        live.insert(
            map_id.to_owned(),
            LiveSync {
                local_edits,
                server,
                task,
            },
        );
        drop(live);
        self.current(app, map_id)
    }

    /// Where the map's sync stands now.
    pub fn current(&self, app: &AppHandle, map_id: &str) -> Result<SyncStatus, ApiError> {
        let state = app.state::<AppState>();
        let (server, synced_at) =
            state.with(|w| Ok((w.sync_server(map_id)?, w.last_synced_at(map_id)?)))?;
        let known = self
            .statuses
            .lock()
            .expect("status lock")
            .get(map_id)
            .cloned();
        Ok(match (server, known) {
            (Some(_), Some(status)) => status,
            (server, _) => SyncStatus {
                map_id: map_id.to_owned(),
                state: if server.is_some() {
                    SyncStateView::Connecting
                } else {
                    SyncStateView::LocalOnly
                },
                server_url: server,
                last_synced_at: synced_at,
            },
        })
    }

    /// Every syncing map's status, for the map switcher.
    pub fn all(&self) -> Vec<SyncStatus> {
        let mut all: Vec<SyncStatus> = self
            .statuses
            .lock()
            .expect("status lock")
            .values()
            .cloned()
            .collect();
        all.sort_by(|a, b| a.map_id.cmp(&b.map_id));
        all
    }

    /// Tells the map's running sync that it has a new local edit to push.
    pub fn local_edit(&self, map_id: &str) {
        if let Some(live) = self.live.lock().expect("sync lock").get(map_id) {
            let _ = live.local_edits.send(());
        }
    }
}

/// How to stop the join under way, if one is.
#[derive(Default)]
pub struct JoinCancel(Mutex<Option<tokio::sync::oneshot::Sender<()>>>);

impl JoinCancel {
    /// Stops the join under way; `false` when there is none.
    pub fn cancel(&self) -> bool {
        let sender = self.0.lock().expect("join lock").take();
        sender.is_some_and(|sender| sender.send(()).is_ok())
    }
}

/// Fetches a shared map once, then turns sync on for it with that server.
pub async fn join(app: &AppHandle, url: &str, server: &str) -> Result<ReceivedMapView, ApiError> {
    let map_id = map_id_of(&parse_share_url(url)?);
    let joining = client(app);
    let (cancel, cancelled) = tokio::sync::oneshot::channel();
    *app.state::<JoinCancel>().0.lock().expect("join lock") = Some(cancel);
    // Stopping keeps nothing: the map is stored only once it is whole.
    let result = tokio::select! {
        result = joining.sync_once(&map_id, server, JOIN_WAIT) => result.map(|_| ()),
        _ = cancelled => Err(SyncError::Cancelled),
    };
    app.state::<JoinCancel>()
        .0
        .lock()
        .expect("join lock")
        .take();
    // A stopped join never reached its own end: the panel closes here.
    joining.finish_transfer();
    result?;
    let state = app.state::<AppState>();
    let map = state.with(|w| {
        let settings = w.sync_settings(&map_id)?;
        w.save_sync_settings(
            &map_id,
            SyncSettingsInput {
                enabled: true,
                server_url: Some(server.to_owned()),
                make_default: settings.default_server_url.is_none(),
                display_name: settings.display_name,
            },
        )?;
        w.summary(&map_id)
    })?;
    let _ = app.emit(MAPS_CHANGED.name, ());
    Ok(ReceivedMapView {
        summary: format!("Joined '{}'", map.name),
        map,
        merged: false,
        change_count: 0,
    })
}

const JOIN_WAIT: std::time::Duration = std::time::Duration::from_secs(20);
