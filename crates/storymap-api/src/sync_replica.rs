//! The workspace as the sync session's store side: Automerge's sync protocol runs on
//! the open map's one warm document, and what a teammate sent is merged through
//! `merge_remote` (checked, one transaction with the projection, a `RemoteChange` for
//! the window). The app and the CLI share [`WorkspaceReplica`]; only how they reach the
//! workspace and what they do with a change differs ([`WorkspaceAccess`]).

use std::sync::Mutex;

use storymap_core::MapDocument;
use storymap_store::LoadedMap;
use storymap_sync::{Automerge, ChangeHash, PeerState, Replica, SyncError, SyncMessage};

use crate::dto_sync::RemoteChange;
use crate::{ApiError, ErrorCode, Workspace};

/// samod's key for this data directory's storage id, kept so a server that knew us by it
/// still has our sync state.
const STORAGE_ID_KEY: &str = "storage-adapter-id";

/// How many shared maps besides the open one stay warm for their background sync.
pub(crate) const BACKGROUND_MAPS: usize = 3;

/// What a received sync message did to the maps.
pub enum SyncReceived {
    Nothing,
    /// The open map changed: the window patches it.
    Open(Box<RemoteChange>),
    /// A map synced in the background changed (its projection is written): the list.
    Background,
}

fn sync_state_key(map_id: &str, server: &str) -> String {
    format!("syncState/{map_id}/{server}")
}

impl Workspace {
    fn is_open(&self, map_id: &str) -> bool {
        self.loaded.as_ref().is_some_and(|l| l.map_id() == map_id)
    }

    /// A map put away (another was opened, or the background has too many): compacted if
    /// due, and kept warm when it syncs.
    pub(crate) fn put_away(&mut self, mut map: LoadedMap) {
        let _ = self.store.compact_if_due(&mut map);
        if matches!(self.sync_server(map.map_id()), Ok(Some(_))) {
            self.keep_warm(map);
        }
    }

    /// Keeps `map` warm as the newest background map, putting the oldest away (compacted
    /// if due) past [`BACKGROUND_MAPS`].
    fn keep_warm(&mut self, map: LoadedMap) {
        self.background.push(map);
        if self.background.len() > BACKGROUND_MAPS {
            let mut oldest = self.background.remove(0);
            let _ = self.store.compact_if_due(&mut oldest);
        }
    }

    /// The warm background copy of `map_id`, taken out and caught up, if there is one.
    pub(crate) fn take_background(&mut self, map_id: &str) -> Result<Option<LoadedMap>, ApiError> {
        let Some(at) = self.background.iter().position(|m| m.map_id() == map_id) else {
            return Ok(None);
        };
        let mut map = self.background.remove(at);
        self.store.catch_up(&mut map)?;
        Ok(Some(map))
    }

    /// The map's one warm document for sync: the open map's, or a background copy.
    fn sync_map(&mut self, map_id: &str) -> Result<&mut LoadedMap, ApiError> {
        if self.is_open(map_id) {
            return self.loaded_map(map_id);
        }
        let map = match self.take_background(map_id)? {
            Some(warm) => warm,
            None => self.store.load(map_id)?,
        };
        self.keep_warm(map);
        Ok(self.background.last_mut().expect("kept newest"))
    }

    pub fn sync_has_map(&self, map_id: &str) -> Result<bool, ApiError> {
        Ok(self.store.map_exists(map_id)?)
    }

    pub fn sync_heads(&mut self, map_id: &str) -> Result<Vec<ChangeHash>, ApiError> {
        Ok(self.sync_map(map_id)?.doc.heads())
    }

    /// The map's next sync message for a peer, from the loaded document.
    pub fn sync_generate(
        &mut self,
        map_id: &str,
        state: &mut PeerState,
    ) -> Result<Option<SyncMessage>, ApiError> {
        Ok(self.sync_map(map_id)?.doc.sync_message(state))
    }

    /// Merges a sync message's changes like an edit (`merge_remote`) — or, for a map synced
    /// in the background, into its projection — then notes what the peer has. A refused
    /// merge leaves the state as it was, so nothing is acknowledged.
    pub fn sync_receive(
        &mut self,
        map_id: &str,
        state: &mut PeerState,
        message: SyncMessage,
    ) -> Result<SyncReceived, ApiError> {
        let bytes: Vec<u8> = message.changes.iter().flatten().copied().collect();
        let received = if bytes.is_empty() {
            SyncReceived::Nothing
        } else if self.is_open(map_id) {
            match self.merge_remote(map_id, &bytes)? {
                Some(change) => SyncReceived::Open(Box::new(change)),
                None => SyncReceived::Nothing,
            }
        } else {
            self.merge_background(map_id, &bytes)?
        };
        self.sync_map(map_id)?
            .doc
            .note_sync_message(state, message)
            .map_err(|e| ApiError::new(ErrorCode::Network, e.to_string()))?;
        Ok(received)
    }

    fn merge_background(&mut self, map_id: &str, bytes: &[u8]) -> Result<SyncReceived, ApiError> {
        // Split borrows: the store writes the background copy's rows.
        self.sync_map(map_id)?;
        let map = self.background.last_mut().expect("sync_map keeps it last");
        let merged = self.store.merge_changes(map, bytes)?;
        let _ = self.store.compact_if_overdue(map);
        Ok(match merged {
            Some(_) => SyncReceived::Background,
            None => SyncReceived::Nothing,
        })
    }

    /// A map joined by link, received whole: checked as a file would be, then stored.
    pub fn sync_add_joined(&mut self, map_id: &str, doc: Automerge) -> Result<(), ApiError> {
        self.store_joined(map_id, MapDocument::verified(doc)?)
    }

    /// Stores a map received whole from the server, refused if it is not the one asked for.
    pub(crate) fn store_joined(&mut self, map_id: &str, doc: MapDocument) -> Result<(), ApiError> {
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

    /// A teammate's change was merged into the open map, or (`None`) into another one or
    /// a joined map was added: the list of maps changed.
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
        match self.0.with(|w| w.sync_receive(map_id, state, message))? {
            SyncReceived::Nothing => {}
            SyncReceived::Open(change) => self.0.changed(Some(*change)),
            SyncReceived::Background => self.0.changed(None),
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
