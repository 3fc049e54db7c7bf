//! The workspace as the sync session's store side: Automerge's sync protocol runs on
//! the open map's one warm document, and what a teammate sent is merged through
//! `merge_remote` (checked, one transaction with the projection, a `RemoteChange` for
//! the window). The app and the CLI share [`WorkspaceReplica`]; only how they reach the
//! workspace and what they do with a change differs ([`WorkspaceAccess`]).

use std::sync::Mutex;

use storymap_core::MapDocument;
use storymap_sync::{Automerge, ChangeHash, PeerState, Replica, SyncError, SyncMessage};

use crate::dto_sync::RemoteChange;
use crate::{ApiError, ErrorCode, Workspace};

/// samod's key for this data directory's storage id, kept so a server that knew us by it
/// still has our sync state.
const STORAGE_ID_KEY: &str = "storage-adapter-id";

fn sync_state_key(map_id: &str, server: &str) -> String {
    format!("syncState/{map_id}/{server}")
}

impl Workspace {
    pub fn sync_has_map(&self, map_id: &str) -> Result<bool, ApiError> {
        Ok(self.store.map_exists(map_id)?)
    }

    pub fn sync_heads(&mut self, map_id: &str) -> Result<Vec<ChangeHash>, ApiError> {
        Ok(self.loaded_map(map_id)?.doc.heads())
    }

    /// The map's next sync message for a peer, from the loaded document.
    pub fn sync_generate(
        &mut self,
        map_id: &str,
        state: &mut PeerState,
    ) -> Result<Option<SyncMessage>, ApiError> {
        Ok(self.loaded_map(map_id)?.doc.sync_message(state))
    }

    /// Merges a sync message's changes like an edit (`merge_remote`), then notes what the
    /// peer has. A refused merge leaves the state as it was, so nothing is acknowledged.
    pub fn sync_receive(
        &mut self,
        map_id: &str,
        state: &mut PeerState,
        message: SyncMessage,
    ) -> Result<Option<RemoteChange>, ApiError> {
        let bytes: Vec<u8> = message.changes.iter().flatten().copied().collect();
        let change = if bytes.is_empty() {
            None
        } else {
            self.merge_remote(map_id, &bytes)?
        };
        self.loaded_map(map_id)?
            .doc
            .note_sync_message(state, message)
            .map_err(|e| ApiError::new(ErrorCode::Network, e.to_string()))?;
        Ok(change)
    }

    /// A map joined by link, received whole: checked as a file would be, then stored.
    pub fn sync_add_joined(&mut self, map_id: &str, doc: Automerge) -> Result<(), ApiError> {
        let doc = MapDocument::verified(doc)?;
        if doc.map_id() != map_id {
            return Err(ApiError::new(
                ErrorCode::ForeignDocument,
                format!(
                    "the server sent map {} when asked for {map_id}",
                    doc.map_id()
                ),
            ));
        }
        self.store.receive_map(doc)?;
        Ok(())
    }

    pub fn sync_saved_state(
        &self,
        map_id: &str,
        server: &str,
    ) -> Result<Option<Vec<u8>>, ApiError> {
        Ok(self.store.sync_value(&sync_state_key(map_id, server))?)
    }

    /// In step with the server at `heads`: recorded for "changes since my last sync" and
    /// the status, with the sync state the next connection starts from.
    pub fn sync_in_step(
        &mut self,
        map_id: &str,
        heads: &[ChangeHash],
        server: Option<&str>,
        state: &[u8],
    ) -> Result<(), ApiError> {
        if let Some(server) = server {
            self.store
                .put_sync_value(&sync_state_key(map_id, server), state)?;
        }
        self.mark_synced(map_id, heads)
    }

    /// This data directory's storage id, made once.
    pub fn sync_storage_id(&self) -> Result<String, ApiError> {
        if let Some(bytes) = self.store.sync_value(STORAGE_ID_KEY)? {
            if let Ok(id) = String::from_utf8(bytes) {
                return Ok(id);
            }
        }
        let id = uuid::Uuid::new_v4().to_string();
        self.store.put_sync_value(STORAGE_ID_KEY, id.as_bytes())?;
        Ok(id)
    }
}

/// How a shell reaches its workspace, and what it does with a teammate's change.
pub trait WorkspaceAccess: Send + Sync + 'static {
    fn with<T>(&self, f: impl FnOnce(&mut Workspace) -> Result<T, ApiError>)
        -> Result<T, ApiError>;

    /// A teammate's change was merged (`None`: a map was added by a join).
    fn changed(&self, _change: Option<RemoteChange>) {}
}

impl WorkspaceAccess for Mutex<Workspace> {
    fn with<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut workspace = self
            .lock()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "the workspace lock was poisoned"))?;
        f(&mut workspace)
    }
}

/// The workspace behind a [`WorkspaceAccess`] as the sync layer's [`Replica`].
pub struct WorkspaceReplica<A>(pub A);

impl<A: WorkspaceAccess> Replica for WorkspaceReplica<A> {
    fn has_map(&self, map_id: &str) -> Result<bool, SyncError> {
        Ok(self.0.with(|w| w.sync_has_map(map_id))?)
    }

    fn heads(&self, map_id: &str) -> Result<Vec<ChangeHash>, SyncError> {
        Ok(self.0.with(|w| w.sync_heads(map_id))?)
    }

    fn generate(
        &self,
        map_id: &str,
        state: &mut PeerState,
    ) -> Result<Option<SyncMessage>, SyncError> {
        Ok(self.0.with(|w| w.sync_generate(map_id, state))?)
    }

    fn receive(
        &self,
        map_id: &str,
        state: &mut PeerState,
        message: SyncMessage,
    ) -> Result<(), SyncError> {
        let had_changes = !message.changes.is_empty();
        let change = self.0.with(|w| w.sync_receive(map_id, state, message))?;
        if had_changes && change.is_some() {
            self.0.changed(change);
        }
        Ok(())
    }

    fn add_joined(&self, map_id: &str, doc: Automerge) -> Result<(), SyncError> {
        self.0.with(|w| w.sync_add_joined(map_id, doc))?;
        self.0.changed(None);
        Ok(())
    }

    fn saved_state(&self, map_id: &str, server: &str) -> Result<Option<Vec<u8>>, SyncError> {
        Ok(self.0.with(|w| w.sync_saved_state(map_id, server))?)
    }

    fn in_step(
        &self,
        map_id: &str,
        heads: &[ChangeHash],
        server: Option<&str>,
        state: &[u8],
    ) -> Result<(), SyncError> {
        Ok(self
            .0
            .with(|w| w.sync_in_step(map_id, heads, server, state))?)
    }

    fn storage_id(&self) -> Result<String, SyncError> {
        Ok(self.0.with(|w| w.sync_storage_id())?)
    }
}
