//! What goes in and out of the sans-IO [`crate::Session`]: the inputs the runtime feeds it,
//! the effects it answers, and the maps' documents it works on.

use std::time::Duration;

use automerge::sync::{Message, State as PeerState};
use automerge::{Automerge, ChangeHash};

use crate::{SyncError, SyncState};

/// The side of sync that holds the maps.
pub trait Documents {
    /// Whether the map is here (if not, it is being joined and arrives whole).
    fn has_map(&mut self, map_id: &str) -> Result<bool, SyncError>;
    fn heads(&mut self, map_id: &str) -> Result<Vec<ChangeHash>, SyncError>;
    /// Automerge's next sync message for the peer whose state is `state`.
    fn generate(
        &mut self,
        map_id: &str,
        state: &mut PeerState,
    ) -> Result<Option<Message>, SyncError>;
    /// Merges the message's changes through the write path, then notes what the peer has.
    fn receive(
        &mut self,
        map_id: &str,
        state: &mut PeerState,
        message: Message,
    ) -> Result<(), SyncError>;
    /// A joined map, whole, once it is in step with the server.
    fn add_joined(&mut self, map_id: &str, doc: Automerge) -> Result<(), SyncError>;
    /// The sync state saved when this map was last in step with the server `server`.
    fn saved_state(&mut self, map_id: &str, server: &str) -> Result<Option<Vec<u8>>, SyncError>;
}

/// What the runtime does for the session.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Send(Vec<u8>),
    Status {
        map_id: String,
        state: SyncState,
    },
    /// Both sides have each other's changes: the runtime records the heads and keeps the
    /// sync state for the next connection to this server (`server`, its storage id).
    InStep {
        map_id: String,
        heads: Vec<ChangeHash>,
        server: Option<String>,
        saved_state: Vec<u8>,
    },
    /// Bytes received so far for a map being joined.
    Joining {
        map_id: String,
        received: usize,
    },
    /// Bytes sent so far of a map the server had nothing of (a first share).
    Sharing {
        map_id: String,
        sent: usize,
    },
    /// Dial again after this long.
    RetryIn(Duration),
}

pub enum Input<'a> {
    Connected,
    Received(&'a [u8]),
    LocalChange(&'a str),
    Disconnected(String),
}

/// Reconnection delays: 0.5 s doubling to 30 s. No jitter: the core draws no random numbers.
pub fn retry_delay(failures: u32) -> Duration {
    let millis = 500u64.saturating_mul(1 << failures.saturating_sub(1).min(6));
    Duration::from_millis(millis.min(30_000))
}
