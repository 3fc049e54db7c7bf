//! The "after a sync" handlers of [`Workspace`]: what changed since a point, a story's
//! timeline, conflicts, history points and the map as it was. They read the map's
//! document; settling and restoring are `MapEdit`s through `apply_edit`.

use storymap_core::{heads_from_hex, ChangeHash, Since};

use crate::history_views::{
    ChangeEntryView, ChangesSince, ChangesView, ConflictView, HistoryPointView,
};
use crate::workspace_sync::sync_baseline_key;
use crate::{ApiError, ErrorCode, MapView, Workspace};

/// "Since my last sync" on a map that never synced.
const NEVER_SYNCED_LABEL: &str = "Not synced yet: everything since this map was created";

/// The heads when the map was last opened on this device, and the time before that.
fn opened_heads_key(map_id: &str) -> String {
    format!("openedHeads:{map_id}")
}

fn previous_open_heads_key(map_id: &str) -> String {
    format!("previousOpenHeads:{map_id}")
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

fn heads_json(heads: &[ChangeHash]) -> String {
    let hex: Vec<String> = heads.iter().map(|h| h.to_string()).collect();
    serde_json::to_string(&hex).expect("strings serialize")
}

fn parse_heads(json: &str) -> Result<Vec<ChangeHash>, ApiError> {
    let hex: Vec<String> = serde_json::from_str(json)
        .map_err(|e| ApiError::new(ErrorCode::CorruptData, format!("stored heads: {e}")))?;
    Ok(heads_from_hex(&hex)?)
}

/// Midnight UTC of a `YYYY-MM-DD` date, in Unix seconds.
fn start_of_day(date: &str) -> Result<i64, ApiError> {
    let day = chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| invalid(format!("'{date}' is not a date (YYYY-MM-DD)")))?;
    Ok(day
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp())
}

impl Workspace {
    /// Remembers that the map was opened now: the previous opening becomes the point
    /// "since I last opened it" starts from. Called when `prepare` loads the document.
    pub(crate) fn remember_opened(&mut self, map_id: &str) -> Result<(), ApiError> {
        let heads = self.loaded_map(map_id)?.doc.heads();
        if let Some(previous) = self.store.setting(&opened_heads_key(map_id))? {
            self.store
                .set_setting(&previous_open_heads_key(map_id), &previous)?;
        }
        self.store
            .set_setting(&opened_heads_key(map_id), &heads_json(&heads))?;
        Ok(())
    }

    /// Everything that changed after the last sync, the previous opening or a date, per story.
    pub fn changes_since(
        &mut self,
        map_id: &str,
        since: ChangesSince,
    ) -> Result<ChangesView, ApiError> {
        let (label, since) = match since {
            // Never synced: everything is new to the team, so show it all.
            ChangesSince::LastSync => match self.store.setting(&sync_baseline_key(map_id))? {
                Some(json) => (
                    "Since your last sync".to_owned(),
                    Since::Heads(parse_heads(&json)?),
                ),
                None => (NEVER_SYNCED_LABEL.to_owned(), Since::Heads(Vec::new())),
            },
            ChangesSince::LastOpened => {
                match self.store.setting(&previous_open_heads_key(map_id))? {
                    Some(json) => (
                        "Since you last opened this map".to_owned(),
                        Since::Heads(parse_heads(&json)?),
                    ),
                    None => (
                        "Since this map was created".to_owned(),
                        Since::Heads(Vec::new()),
                    ),
                }
            }
            ChangesSince::LastSession => {
                let doc = &self.loaded_map(map_id)?.doc;
                match storymap_core::since_last_session(doc) {
                    Some((started_at, since)) => (session_label(started_at), since),
                    None => (
                        "No refinement session yet: everything since this map was created"
                            .to_owned(),
                        Since::Heads(Vec::new()),
                    ),
                }
            }
            ChangesSince::Date { date } => (
                format!("Since {}", date.trim()),
                Since::Time(start_of_day(&date)?),
            ),
        };
        let reader = self.author.clone();
        let doc = &self.loaded_map(map_id)?.doc;
        Ok(ChangesView::new(
            label,
            storymap_core::changes_since(doc, &since),
            &reader,
        ))
    }

    /// One story's whole history, newest first (empty for a story the map never had).
    pub fn story_timeline(
        &mut self,
        map_id: &str,
        story_id: &str,
    ) -> Result<Vec<ChangeEntryView>, ApiError> {
        let doc = &self.loaded_map(map_id)?.doc;
        Ok(storymap_core::story_timeline(doc, story_id)
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Fields of live stories that teammates set differently at the same time.
    pub fn conflicts(&mut self, map_id: &str) -> Result<Vec<ConflictView>, ApiError> {
        let doc = &self.loaded_map(map_id)?.doc;
        Ok(storymap_core::conflicts(doc)
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Points to view or restore, newest first.
    pub fn history_points(
        &mut self,
        map_id: &str,
        limit: u32,
    ) -> Result<Vec<HistoryPointView>, ApiError> {
        let doc = &self.loaded_map(map_id)?.doc;
        Ok(storymap_core::history_points(doc, limit as usize)
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The map as it was right after the change `hash`; read-only.
    pub fn map_at(&mut self, map_id: &str, hash: &str) -> Result<MapView, ApiError> {
        let heads = heads_from_hex(&[hash.to_owned()])?;
        let doc = &self.loaded_map(map_id)?.doc;
        Ok(MapView::from(&doc.read_at(&heads)?))
    }
}

/// "Since the last refinement session, started 2026-12-04 14:05 UTC".
fn session_label(started_at: i64) -> String {
    let started = chrono::DateTime::from_timestamp(started_at, 0)
        .map(|t| format!(", started {}", t.format("%Y-%m-%d %H:%M UTC")))
        .unwrap_or_default();
    format!("Since the last refinement session{started}")
}
