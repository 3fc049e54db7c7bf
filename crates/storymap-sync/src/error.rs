//! What can go wrong while syncing, in words a POPM can act on.

use std::sync::Arc;

use storymap_store::StoreError;

/// An error of the store side (the store, or the shell's workspace behind `Replica`),
/// kept whole so the caller gets its own code back (see `storymap_api`'s conversions).
pub type ReplicaError = Arc<dyn std::error::Error + Send + Sync>;

#[derive(Debug, Clone, thiserror::Error)]
pub enum SyncError {
    #[error("'{0}' is not a map link: expected automerge:… as copied from Share")]
    InvalidShareUrl(String),
    #[error("'{0}' is not a sync server address: expected ws://host:port or wss://host")]
    InvalidServerUrl(String),
    #[error("{url} is not encrypted, and a map would cross the internet in clear text: use {secure} (ws:// is accepted only on this computer or a private network)")]
    UnencryptedServer { url: String, secure: String },
    #[error("this map ({0}) was made before sharing existed and cannot be shared")]
    NotShareable(String),
    #[error(
        "cannot reach the sync server at {url}: {reason}. Your edits are kept on this computer"
    )]
    ServerUnreachable { url: String, reason: String },
    #[error("the sync server at {url} does not have this map (nobody has shared it there yet)")]
    NotOnServer { url: String },
    #[error("the sync server at {url} stopped answering before the sync finished; your edits are kept and sync resumes when it is back")]
    Interrupted { url: String },
    /// The server sent what is not automerge-repo's protocol, or refused ours.
    #[error("the sync server at {url} sent something this app cannot use ({reason}); nothing was changed, and your edits are kept")]
    Protocol { url: String, reason: String },
    #[error("could not store what was received: {0}")]
    Store(String),
    /// The store side refused or failed; the message is its own.
    #[error("{0}")]
    Replica(ReplicaError),
    #[error("sync stopped")]
    Stopped,
    #[error("the join was cancelled; nothing of the map was kept")]
    Cancelled,
}

impl From<StoreError> for SyncError {
    fn from(error: StoreError) -> Self {
        SyncError::Replica(Arc::new(error))
    }
}
