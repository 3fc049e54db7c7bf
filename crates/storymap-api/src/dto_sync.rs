//! Values of sync and file exchange that cross the IPC boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::{MapChange, MapSummary};

/// Where a map's sync stands; the status pill shows it at all times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum SyncStateView {
    /// Sync is off for this map: nothing leaves this computer.
    LocalOnly,
    Connecting,
    Syncing,
    UpToDate,
    /// The server cannot be reached; retrying. Edits are kept.
    Offline {
        reason: String,
    },
    Error {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub map_id: String,
    pub state: SyncStateView,
    pub server_url: Option<String>,
    /// RFC 3339 time this device was last in step with the server.
    pub last_synced_at: Option<String>,
}

/// A map's sync settings on this device, and the device's display name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncSettingsView {
    pub map_id: String,
    pub enabled: bool,
    /// This map's server, when it has its own.
    pub server_url: Option<String>,
    /// The server used by maps without their own.
    pub default_server_url: Option<String>,
    /// Recorded as the author of every change made on this device.
    pub display_name: String,
    /// The `automerge:` link teammates join with; `None` for maps made before sharing.
    pub share_url: Option<String>,
    /// `storymap://join?…`: the map and its server in one link that opens Storymap on the
    /// join dialog; `None` without a share link or a server.
    pub invitation_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncSettingsInput {
    pub enabled: bool,
    pub server_url: Option<String>,
    /// Also use this server for maps without their own.
    pub make_default: bool,
    pub display_name: String,
}

/// A map received whole: from a `.storymap` file, or joined by link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedMapView {
    pub map: MapSummary,
    /// False when the map was new here; true when it was merged into ours.
    pub merged: bool,
    /// Changes that were new here (0 when we had everything).
    pub change_count: u32,
    /// "Added 'Grocery shop'", "Merged 3 changes by ben", "Nothing new".
    pub summary: String,
}

/// Pushed to the window when changes from teammates were merged into a map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemoteChange {
    /// "Merged 3 changes by ben".
    pub label: String,
    pub change: MapChange,
}

/// One rolling backup of a map: a `.storymap` file in the data directory's `backups/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupView {
    pub map_id: String,
    /// The map's name now (or in the backup, for a map no longer here).
    pub map_name: String,
    /// The day it was taken, `YYYY-MM-DD` (UTC).
    pub date: String,
    pub path: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

/// Where a repaired map came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum RepairedFrom {
    /// Rebuilt from its Automerge data in the damaged database: nothing lost.
    MapData,
    /// Restored from its newest backup, of `date` (`YYYY-MM-DD`).
    Backup { date: String },
    /// Neither its data nor a backup could be read.
    Lost,
}

/// One map in a repair's report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RepairedMap {
    pub map_id: String,
    pub name: String,
    pub from: RepairedFrom,
}

impl RepairedMap {
    pub fn new(map_id: &str, name: String, from: RepairedFrom) -> RepairedMap {
        RepairedMap {
            map_id: map_id.to_owned(),
            name,
            from,
        }
    }

    pub fn lost(map_id: &str, name: String) -> RepairedMap {
        RepairedMap::new(map_id, name, RepairedFrom::Lost)
    }
}

/// What a repair did: where the damaged database is kept, and each map's fate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RepairReport {
    /// The damaged database, moved aside (none when there was no file to keep).
    pub damaged_file: Option<String>,
    pub maps: Vec<RepairedMap>,
}
