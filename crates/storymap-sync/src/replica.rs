//! The store side of sync: the maps' warm documents, where received changes are merged
//! and what this device keeps between connections. The app and the CLI implement it on
//! their workspace (`storymap_api::WorkspaceReplica`), so merges take the write path.

use automerge::sync::{Message, State as PeerState};
use automerge::{Automerge, ChangeHash};

use crate::session::Documents;
use crate::SyncError;

pub trait Replica: Send + Sync + 'static {
    /// Whether this data directory has the map.
    fn has_map(&self, map_id: &str) -> Result<bool, SyncError>;
    fn heads(&self, map_id: &str) -> Result<Vec<ChangeHash>, SyncError>;
    /// The map's next sync message for a peer, from its one warm document.
    fn generate(&self, map_id: &str, state: &mut PeerState) -> Result<Option<Message>, SyncError>;
    /// Merges a sync message's changes through the store's write path (one transaction,
    /// projection, event), then notes what the peer has.
    fn receive(
        &self,
        map_id: &str,
        state: &mut PeerState,
        message: Message,
    ) -> Result<(), SyncError>;
    /// A map joined by link, received whole and checked before it is stored.
    fn add_joined(&self, map_id: &str, doc: Automerge) -> Result<(), SyncError>;
    /// The sync state kept from the last time the map was in step with server `server`.
    fn saved_state(&self, map_id: &str, server: &str) -> Result<Option<Vec<u8>>, SyncError>;
    /// Records that the map was in step with the server at `heads`, and the sync state to
    /// start from next time (when the server has a storage id to key it by).
    fn in_step(
        &self,
        map_id: &str,
        heads: &[ChangeHash],
        server: Option<&str>,
        state: &[u8],
    ) -> Result<(), SyncError>;
    /// This data directory's storage id, the same on every connection, under which the
    /// server keeps its sync state for us.
    fn storage_id(&self) -> Result<String, SyncError>;
}

/// A [`Replica`] as the session's [`Documents`].
pub(crate) struct ReplicaDocuments<'a>(pub &'a dyn Replica);

impl Documents for ReplicaDocuments<'_> {
    fn has_map(&mut self, map_id: &str) -> Result<bool, SyncError> {
        self.0.has_map(map_id)
    }
    fn heads(&mut self, map_id: &str) -> Result<Vec<ChangeHash>, SyncError> {
        self.0.heads(map_id)
    }
    fn generate(
        &mut self,
        map_id: &str,
        state: &mut PeerState,
    ) -> Result<Option<Message>, SyncError> {
        self.0.generate(map_id, state)
    }
    fn receive(
        &mut self,
        map_id: &str,
        state: &mut PeerState,
        message: Message,
    ) -> Result<(), SyncError> {
        self.0.receive(map_id, state, message)
    }
    fn add_joined(&mut self, map_id: &str, doc: Automerge) -> Result<(), SyncError> {
        self.0.add_joined(map_id, doc)
    }
    fn saved_state(&mut self, map_id: &str, server: &str) -> Result<Option<Vec<u8>>, SyncError> {
        self.0.saved_state(map_id, server)
    }
}
