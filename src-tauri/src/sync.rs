//! Live sync in the app: one task per open, sync-enabled map, off the UI thread. What
//! arrives goes through the workspace's write path and reaches the window as a
//! `remote-change` event; status changes as `sync-status` events.

use std::sync::{Arc, Mutex};

use storymap_api::events::{MAPS_CHANGED, PROGRESS, REMOTE_CHANGE, SYNC_STATUS};
use storymap_api::{
    ApiError, ProgressView, ReceivedMapView, RemoteChange, SyncSettingsInput, SyncStateView,
    SyncStatus, Workspace, WorkspaceAccess, WorkspaceReplica,
};
use storymap_sync::{map_id_of, parse_share_url, SyncClient, SyncError, SyncState};
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

fn client(app: &AppHandle) -> SyncClient {
    SyncClient::new(Arc::new(WorkspaceReplica(AppWorkspace(app.clone()))))
}

/// The running sync of the open map.
struct LiveSync {
    map_id: String,
    local_edits: UnboundedSender<()>,
    task: tauri::async_runtime::JoinHandle<()>,
}

#[derive(Default)]
pub struct SyncRunner {
    live: Mutex<Option<LiveSync>>,
    status: Arc<Mutex<Option<SyncStatus>>>,
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

impl SyncRunner {
    /// Starts syncing `map_id` if sync is on for it, stopping any other map's sync.
    pub fn follow(&self, app: &AppHandle, map_id: &str) -> Result<SyncStatus, ApiError> {
        let state = app.state::<AppState>();
        let (server, synced_at) =
            state.with(|w| Ok((w.sync_server(map_id)?, w.last_synced_at(map_id)?)))?;
        let mut live = self.live.lock().expect("sync lock");
        if let Some(current) = live.take() {
            if current.map_id == map_id && server.is_some() && !current.task.inner().is_finished() {
                *live = Some(current);
                return Ok(self.status(map_id, server, synced_at));
            }
            current.task.abort();
        }
        let status = SyncStatus {
            map_id: map_id.to_owned(),
            state: if server.is_some() {
                SyncStateView::Connecting
            } else {
                SyncStateView::LocalOnly
            },
            server_url: server.clone(),
            last_synced_at: synced_at,
        };
        *self.status.lock().expect("status lock") = Some(status.clone());
        let Some(server) = server else {
            return Ok(status);
        };
        state.with(|w| w.begin_sync(map_id))?;
        let (local_edits, local) = tokio::sync::mpsc::unbounded_channel();
        let (app, id, shared) = (app.clone(), map_id.to_owned(), self.status.clone());
        let task = tauri::async_runtime::spawn(async move {
            let report = {
                let (app, shared, server) = (app.clone(), shared.clone(), server.clone());
                Arc::new(move |state: SyncState| {
                    let mut status = shared.lock().expect("status lock");
                    let Some(status) = status.as_mut() else {
                        return;
                    };
                    status.state = state_view(state);
                    status.server_url = Some(server.clone());
                    if status.state == SyncStateView::UpToDate {
                        status.last_synced_at = app
                            .state::<AppState>()
                            .with(|w| w.last_synced_at(&status.map_id))
                            .ok()
                            .flatten();
                    }
                    let _ = app.emit(SYNC_STATUS.name, status.clone());
                })
            };
            // Errors are reported through `report` as they happen.
            let _ = client(&app).run_live(&id, &server, report, local).await;
        });
        *live = Some(LiveSync {
            map_id: map_id.to_owned(),
            local_edits,
            task,
        });
        Ok(status)
    }

    fn status(
        &self,
        map_id: &str,
        server: Option<String>,
        synced_at: Option<String>,
    ) -> SyncStatus {
        match self.status.lock().expect("status lock").clone() {
            Some(status) if status.map_id == map_id => status,
            _ => SyncStatus {
                map_id: map_id.to_owned(),
                state: SyncStateView::Connecting,
                server_url: server,
                last_synced_at: synced_at,
            },
        }
    }

    /// Where the map's sync stands now.
    pub fn current(&self, app: &AppHandle, map_id: &str) -> Result<SyncStatus, ApiError> {
        let state = app.state::<AppState>();
        let (server, synced_at) =
            state.with(|w| Ok((w.sync_server(map_id)?, w.last_synced_at(map_id)?)))?;
        if server.is_none() {
            return Ok(SyncStatus {
                map_id: map_id.to_owned(),
                state: SyncStateView::LocalOnly,
                server_url: None,
                last_synced_at: synced_at,
            });
        }
        Ok(self.status(map_id, server, synced_at))
    }

    /// Tells the running sync that the map has a new local edit to push.
    pub fn local_edit(&self, map_id: &str) {
        if let Some(live) = self.live.lock().expect("sync lock").as_ref() {
            if live.map_id == map_id {
                let _ = live.local_edits.send(());
            }
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
    let progress = {
        let app = app.clone();
        move |received: usize, finished: bool| {
            let _ = app.emit(PROGRESS.name, ProgressView::joining(received, finished));
        }
    };
    let report = progress.clone();
    let joining = client(app).on_joining(Arc::new(move |received| report(received, false)));
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
    progress(0, true);
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
