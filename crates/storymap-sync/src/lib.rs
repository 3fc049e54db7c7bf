//! Sync with teammates through a standard automerge-repo sync server, using samod (the
//! Rust automerge-repo). Each map's Automerge document is mirrored between samod and
//! the store: samod loads it from our SQLite file, and everything samod receives goes
//! through the store's one write path ([`Replica::merge`]), like a local edit.

mod client;
mod document_id;
mod error;
mod replica;
mod server;
mod status;
mod storage;

pub use automerge::ChangeHash;
pub use client::{SyncClient, SyncReport};
pub use document_id::{document_id, map_id_of, parse_share_url, share_url};
pub use error::SyncError;
pub use replica::{Changes, Replica};
pub use server::{check_server_url, diagnose};
pub use status::SyncState;
pub use storage::SqliteStorage;
