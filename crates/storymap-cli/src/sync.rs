//! `storymap share | join | sync` and the `.storymap` file commands: the sync layer
//! driven from the command line, on a tokio runtime of its own.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use storymap_api::{
    ApiError, ErrorCode, ProgressSink, ProgressView, Workspace, WorkspaceAccess, WorkspaceReplica,
};
use storymap_sync::{map_id_of, parse_share_url, SyncClient, SyncState};

/// How long the server may stay silent (to the dial, or mid-sync) before we give up with a
/// clear message.
const WAIT: Duration = Duration::from_secs(15);

fn runtime() -> Result<tokio::runtime::Runtime, ApiError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot start sync: {e}")))
}

/// Syncs `map_id` with `server` until both sides have each other's changes (`once`), or
/// until interrupted. Returns the map's name as stored after the sync.
pub fn sync(
    workspace: Workspace,
    map_id: &str,
    server: &str,
    once: bool,
) -> Result<String, ApiError> {
    let mut workspace = workspace;
    workspace.begin_sync(map_id)?;
    let replica = Arc::new(WorkspaceReplica(Mutex::new(workspace)));
    let sink = crate::progress::stderr_sink();
    let client = SyncClient::new(replica.clone()).on_transfer(transfer_progress(sink));
    let result = runtime()?.block_on(async {
        if once {
            // Stopping a join keeps nothing: the map is stored only once complete.
            tokio::select! {
                result = client.sync_once(map_id, server, WAIT) => result.map(|_| ()),
                _ = tokio::signal::ctrl_c() => Err(storymap_sync::SyncError::Cancelled),
            }
        } else {
            let (_edits, local) = tokio::sync::mpsc::unbounded_channel();
            let status = Arc::new(|state: SyncState| eprintln!("storymap: sync: {state}"));
            tokio::select! {
                result = client.run_live(map_id, server, status, local) => result,
                _ = tokio::signal::ctrl_c() => Ok(()),
            }
        }
    });
    // Ctrl+C stopped the sync's future before it could end its progress line.
    client.finish_transfer();
    result?;
    replica.0.with(|w| Ok(w.summary(map_id)?.name))
}

/// A map joined by link arriving, or shared for the first time: how much has gone, on
/// stderr (Ctrl+C stops a join and nothing of the map is kept).
fn transfer_progress(sink: ProgressSink) -> storymap_sync::OnTransfer {
    Arc::new(move |transfer| sink(&ProgressView::sync_transfer(transfer)))
}

/// The map id a link names.
pub fn map_id_from_link(url: &str) -> Result<String, ApiError> {
    Ok(map_id_of(&parse_share_url(url)?))
}

/// The `automerge:` link teammates join a map with.
pub fn share_link(workspace: &mut Workspace, map: &str) -> Result<String, ApiError> {
    let map_id = workspace.resolve_map(map)?;
    let settings = workspace.sync_settings(&map_id)?;
    settings.share_url.ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("map {map_id} was made before sharing existed and cannot be shared"),
        )
    })
}
