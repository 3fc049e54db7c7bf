//! SQLite persistence for story maps: each map's Automerge data (a snapshot plus change
//! rows appended in the same transaction as the edit) and a relational projection that
//! draws a map and lists maps without loading Automerge.

mod compaction;
mod error;
mod loaded;
mod merged;
mod migrations;
mod open;
mod projection;
mod salvage;
mod settings;
mod store;
mod sync_storage;
mod write_scope;

pub use compaction::{
    COMPACT_AFTER_BYTES, COMPACT_AFTER_ROWS, COMPACT_OVERDUE_BYTES, COMPACT_OVERDUE_ROWS,
};
pub use error::StoreError;
pub use projection::MapListing;
pub use salvage::{damaged_path, move_aside, salvage_maps, Salvaged};
pub use store::{LoadedMap, MapChanged, MergedChanges, ReceivedMap, Store};
