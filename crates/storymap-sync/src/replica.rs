//! The store side of sync: where received changes go and where local ones come from.
//! The app implements it on its workspace (so merges reach the window as events), the
//! CLI on its own.

use automerge::ChangeHash;

use crate::SyncError;

/// Encoded changes and the heads they lead to.
pub type Changes = (Vec<u8>, Vec<ChangeHash>);

pub trait Replica: Send + Sync + 'static {
    /// The map's encoded changes after `heads` (everything when empty) and its heads now;
    /// `None` when this data directory does not have the map.
    fn changes_after(
        &self,
        map_id: &str,
        heads: &[ChangeHash],
    ) -> Result<Option<Changes>, SyncError>;

    /// Merges changes received from the server through the store's write path; a map not
    /// stored yet (joined by link) arrives whole and is added.
    fn merge(&self, map_id: &str, bytes: &[u8]) -> Result<(), SyncError>;

    /// Records that the map was in step with the server at `heads`.
    fn synced(&self, map_id: &str, heads: &[ChangeHash]) -> Result<(), SyncError>;
}
