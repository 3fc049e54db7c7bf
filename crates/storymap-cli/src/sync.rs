//! `storymap share | join | sync` and the `.storymap` file commands: the sync layer
//! driven from the command line, on a tokio runtime of its own.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use storymap_api::{ApiError, ErrorCode, Workspace, DATABASE_FILE};
use storymap_sync::{
    map_id_of, parse_share_url, ChangeHash, Changes, Replica, SyncClient, SyncError, SyncState,
};

/// How long the server may stay silent (to the dial, or mid-sync) before we give up with a
/// clear message.
const WAIT: Duration = Duration::from_secs(15);

/// The CLI's workspace as the sync layer's store side.
struct CliReplica(Mutex<Workspace>);

impl CliReplica {
    fn with<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, ApiError>,
    ) -> Result<T, SyncError> {
        let mut workspace = self.0.lock().map_err(|_| SyncError::Stopped)?;
        Ok(f(&mut workspace)?)
    }
}

impl Replica for CliReplica {
    fn changes_after(
        &self,
        map_id: &str,
        heads: &[ChangeHash],
    ) -> Result<Option<Changes>, SyncError> {
        self.with(|w| w.changes_after(map_id, heads))
    }

    fn merge(&self, map_id: &str, bytes: &[u8]) -> Result<(), SyncError> {
        self.with(|w| w.merge_remote(map_id, bytes).map(|_| ()))
    }

    fn synced(&self, map_id: &str, heads: &[ChangeHash]) -> Result<(), SyncError> {
        self.with(|w| w.mark_synced(map_id, heads))
    }
}

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
    data_dir: &Path,
    map_id: &str,
    server: &str,
    once: bool,
) -> Result<String, ApiError> {
    let mut workspace = workspace;
    workspace.begin_sync(map_id)?;
    let replica = Arc::new(CliReplica(Mutex::new(workspace)));
    let database = data_dir.join(DATABASE_FILE);
    let rt = runtime()?;
    rt.block_on(async {
        let client = SyncClient::start(&database).await?;
        let result = if once {
            client
                .sync_once(map_id, server, replica.clone(), WAIT)
                .await
                .map(|_| ())
        } else {
            let (_edits, local) = tokio::sync::mpsc::unbounded_channel();
            let status = Arc::new(|state: SyncState| eprintln!("storymap: sync: {state}"));
            tokio::select! {
                result = client.run_live(map_id, server, replica.clone(), status, local) => result,
                _ = tokio::signal::ctrl_c() => Ok(()),
            }
        };
        client.stop().await;
        result
    })?;
    let workspace = replica
        .0
        .lock()
        .map_err(|_| ApiError::new(ErrorCode::Internal, "sync failed"))?;
    Ok(workspace.summary(map_id)?.name)
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
