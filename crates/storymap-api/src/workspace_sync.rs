//! The workspace's side of sync and file exchange: sync settings per map, the changes
//! the sync layer pushes and merges (through the store's one write path), and
//! `.storymap` files.

use std::path::Path;

use storymap_core::MapDocument;
use storymap_store::ReceivedMap;
use storymap_sync::{share_url, ChangeHash};

use crate::dto::{HistoryState, MapSummary};
use crate::dto_sync::{ReceivedMapView, RemoteChange, SyncSettingsInput, SyncSettingsView};
use crate::files::{operation, write_atomically};
use crate::progress::Progress;
use crate::workspace::AUTHOR_SETTING;
use crate::workspace_edit::{derived, map_change, Outcome};
use crate::{ApiError, ErrorCode, Workspace};

const DEFAULT_SERVER_SETTING: &str = "syncServerDefault";

fn enabled_key(map_id: &str) -> String {
    format!("syncEnabled:{map_id}")
}
fn server_key(map_id: &str) -> String {
    format!("syncServer:{map_id}")
}
fn synced_at_key(map_id: &str) -> String {
    format!("syncedAt:{map_id}")
}
/// The heads this device and the server last agreed on (after every completed exchange).
fn synced_heads_key(map_id: &str) -> String {
    format!("syncedHeads:{map_id}")
}
/// Where "changes since my last sync" starts: the heads agreed when the previous sync
/// session ended, set as a new session begins, so it shows the offline edits and
/// everything that arrived since.
pub(crate) fn sync_baseline_key(map_id: &str) -> String {
    format!("syncBaseline:{map_id}")
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

/// A sync server address the user typed, checked before it is saved (the sync layer's
/// rule: ws:// or wss://, and wss:// beyond a private network).
fn checked_server(url: &str) -> Result<String, ApiError> {
    storymap_sync::check_server_url(url)?;
    Ok(url.trim().to_owned())
}

impl Workspace {
    pub fn sync_settings(&self, map_id: &str) -> Result<SyncSettingsView, ApiError> {
        if !self.store.map_exists(map_id)? {
            return Err(ApiError::from(storymap_store::StoreError::MapNotFound(
                map_id.to_owned(),
            )));
        }
        let server_url = self.store.setting(&server_key(map_id))?;
        let default_server_url = self.store.setting(DEFAULT_SERVER_SETTING)?;
        let share_url = share_url(map_id).ok();
        let invitation_url = match (
            &share_url,
            server_url.as_ref().or(default_server_url.as_ref()),
        ) {
            (Some(map), Some(server)) => Some(crate::invitation_link(map, server)),
            _ => None,
        };
        Ok(SyncSettingsView {
            map_id: map_id.to_owned(),
            enabled: self.store.setting(&enabled_key(map_id))?.as_deref() == Some("true"),
            server_url,
            default_server_url,
            display_name: self.author.clone(),
            share_url,
            invitation_url,
        })
    }

    /// Saves a map's sync settings; turning sync on needs a server (this map's or the
    /// default) and a shareable map.
    pub fn save_sync_settings(
        &mut self,
        map_id: &str,
        input: SyncSettingsInput,
    ) -> Result<SyncSettingsView, ApiError> {
        let current = self.sync_settings(map_id)?;
        let name = input.display_name.trim();
        if name.is_empty() {
            return Err(invalid(
                "the display name cannot be empty: teammates see it on your changes",
            ));
        }
        let server = match input.server_url.as_deref().map(str::trim) {
            Some("") | None => None,
            Some(url) => Some(checked_server(url)?),
        };
        if input.enabled {
            if current.share_url.is_none() {
                return Err(invalid(
                    "this map was made before sharing existed and cannot be synced; export it as JSON and import it to get a shareable copy",
                ));
            }
            if server.is_none() && current.default_server_url.is_none() {
                return Err(invalid("enter the sync server address to turn sync on"));
            }
        }
        match &server {
            Some(url) => self.store.set_setting(&server_key(map_id), url)?,
            None => self.store.delete_setting(&server_key(map_id))?,
        }
        if let (true, Some(url)) = (input.make_default, &server) {
            self.store.set_setting(DEFAULT_SERVER_SETTING, url)?;
        }
        let enabled = if input.enabled { "true" } else { "false" };
        self.store.set_setting(&enabled_key(map_id), enabled)?;
        self.set_display_name(name)?;
        self.sync_settings(map_id)
    }

    /// Renames this device's user for every later change.
    pub fn set_display_name(&mut self, name: &str) -> Result<(), ApiError> {
        if name.trim().is_empty() {
            return Err(invalid(
                "the display name cannot be empty: teammates see it on your changes",
            ));
        }
        self.store.set_setting(AUTHOR_SETTING, name)?;
        self.author = name.to_owned();
        if let Some(loaded) = &mut self.loaded {
            loaded.doc.set_author(name);
        }
        Ok(())
    }

    /// The server a map syncs with, when sync is on for it.
    pub fn sync_server(&self, map_id: &str) -> Result<Option<String>, ApiError> {
        let settings = self.sync_settings(map_id)?;
        Ok(settings
            .enabled
            .then(|| settings.server_url.or(settings.default_server_url))
            .flatten())
    }

    pub fn last_synced_at(&self, map_id: &str) -> Result<Option<String>, ApiError> {
        Ok(self.store.setting(&synced_at_key(map_id))?)
    }

    /// Merges changes received from the server, like an edit: persisted with the
    /// projection in one transaction, answered as the change for the window. A map not
    /// here yet arrives whole and is added (`None`: there is nothing to patch).
    pub fn merge_remote(
        &mut self,
        map_id: &str,
        bytes: &[u8],
    ) -> Result<Option<RemoteChange>, ApiError> {
        if !self.store.map_exists(map_id)? {
            self.store_joined(map_id, MapDocument::load_verified(bytes)?)?;
            return Ok(None);
        }
        self.loaded_map(map_id)?;
        let loaded = self.loaded.as_mut().expect("loaded above");
        let Some(merged) = self.store.merge_changes(loaded, bytes)? else {
            return Ok(None);
        };
        // The merge is saved; a failed compaction is retried next time.
        let _ = self.store.compact_if_overdue(loaded);
        let history: HistoryState = self.history.for_map(map_id).state();
        let outcome = Outcome {
            created_id: None,
            linked: merged
                .changed
                .stories
                .iter()
                .map(|s| s.id.clone())
                .collect(),
            history,
            // Teammates' session changes are not named by the merge; the UI re-reads the
            // open session on a remote change.
            session: None,
            notice: None,
        };
        Ok(Some(RemoteChange {
            label: merged.label,
            change: map_change(
                loaded.model(),
                derived(&mut self.derived, loaded),
                merged.changed,
                outcome,
                &self.author,
            ),
        }))
    }

    /// A sync session of the map begins: what it agreed with the server last time becomes
    /// the start of "changes since my last sync".
    pub fn begin_sync(&mut self, map_id: &str) -> Result<(), ApiError> {
        if let Some(heads) = self.store.setting(&synced_heads_key(map_id))? {
            self.store.set_setting(&sync_baseline_key(map_id), &heads)?;
        }
        Ok(())
    }

    /// Records that the map was in step with the server at `heads`, now.
    pub fn mark_synced(&mut self, map_id: &str, heads: &[ChangeHash]) -> Result<(), ApiError> {
        let hex: Vec<String> = heads.iter().map(|h| h.to_string()).collect();
        let json = serde_json::to_string(&hex).expect("strings serialise");
        self.store.set_setting(&synced_heads_key(map_id), &json)?;
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        self.store.set_setting(&synced_at_key(map_id), &now)?;
        Ok(())
    }

    /// Writes the map as a `.storymap` file (its Automerge document, every change kept),
    /// replacing `path` only once the whole file is written.
    pub fn export_map_file(&mut self, map_id: &str, path: &Path) -> Result<(), ApiError> {
        let mut progress = Progress::new(self.progress.as_ref(), operation("Exporting", path));
        progress.report("Reading the map", 0, 0);
        let doc = &self.loaded_map(map_id)?.doc;
        progress.report("Writing the file", 0, 0);
        write_atomically(path, &doc.save())
    }

    /// Reads a `.storymap` file: a map we have is merged (nothing is lost on either
    /// side), a new one is added.
    pub fn import_map_file(&mut self, path: &Path) -> Result<ReceivedMapView, ApiError> {
        let mut progress = Progress::new(self.progress.as_ref(), operation("Importing", path));
        progress.report("Reading the file", 0, 0);
        let doc = crate::workspace_file_preview::load_map_file(path)?;
        // A map we have is merged and saved in one transaction; a new one is only saved.
        let merging = self.store.map_exists(&doc.map_id())?;
        progress.report(if merging { "Merging" } else { "Saving" }, 0, 0);
        let received = self.store.receive_map(doc)?;
        let map = self.summary(received.map_id())?;
        let (merged, change_count, summary) = match received {
            ReceivedMap::Added { .. } => (false, 0, format!("Added '{}'", map.name)),
            ReceivedMap::Merged { merged: None, .. } => (
                true,
                0,
                format!("Nothing new: '{}' already had every change", map.name),
            ),
            ReceivedMap::Merged {
                merged: Some(m), ..
            } => (true, m.change_count as u32, m.label.clone()),
        };
        Ok(ReceivedMapView {
            map,
            merged,
            change_count,
            summary,
        })
    }

    pub fn summary(&self, map_id: &str) -> Result<MapSummary, ApiError> {
        self.list_maps()?
            .into_iter()
            .find(|m| m.id == map_id)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("no map with id {map_id}")))
    }
}
