//! Sync with teammates through a standard automerge-repo sync server. The protocol runs
//! in a sans-IO [`Session`] (events in, effects out) against each map's one warm
//! document, reached through the [`Replica`]; the runtime in `client.rs` carries its
//! effects out over a WebSocket. Everything received takes the store's write path.

mod client;
mod document_id;
mod error;
mod replica;
mod server;
mod session;
mod session_io;
mod socket;
mod status;
mod wire;

pub use automerge::sync::{Message as SyncMessage, State as PeerState};
pub use automerge::{Automerge, ChangeHash};
pub use client::{OnStatus, OnTransfer, SyncClient, SyncReport, Transfer};
pub use document_id::{document_id, map_id_of, parse_share_url, share_url};
pub use error::SyncError;
pub use replica::Replica;
pub use server::{check_server_url, diagnose};
pub use session::{retry_delay, Documents, Effect, Input, Session};
pub use status::SyncState;
pub use wire::{Wire, WireError};
