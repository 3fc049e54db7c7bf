//! What merging changes made elsewhere did: the answers of [`Store::merge_changes`] and
//! [`Store::receive_map`].

use crate::MapChanged;
#[cfg(doc)]
use crate::Store;

/// What [`Store::merge_changes`] brought in.
#[derive(Debug, Clone, PartialEq)]
pub struct MergedChanges {
    pub changed: MapChanged,
    /// "Merged 3 changes by ben".
    pub label: String,
    pub change_count: usize,
}

/// What [`Store::receive_map`] did with a map received whole.
#[derive(Debug, Clone, PartialEq)]
pub enum ReceivedMap {
    /// The map was new here.
    Added { map_id: String },
    /// We had it: its new changes, or `None` when we had them all already.
    Merged {
        map_id: String,
        merged: Option<Box<MergedChanges>>,
    },
}

impl ReceivedMap {
    pub fn map_id(&self) -> &str {
        match self {
            ReceivedMap::Added { map_id } | ReceivedMap::Merged { map_id, .. } => map_id,
        }
    }
}
