//! The DTOs of "after a sync": what changed since a point and who changed it, a story's
//! timeline, conflicts to settle, and points in history to view or restore; with their
//! conversion from the core's views.

use serde::{Deserialize, Serialize};
use storymap_core::comments::mentions_reader;
use storymap_core::{
    ChangeEntry, ChangeKind, Conflict, ConflictValue, HistoryPoint, MapChanges, StoryChanges,
};
use ts_rs::TS;

/// Where "what changed" starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ChangesSince {
    /// After the last completed sync of this map.
    LastSync,
    /// After the previous time this map was opened on this device.
    LastOpened,
    /// After the start of the map's latest refinement session.
    LastSession,
    /// From the start of a day, `YYYY-MM-DD` (UTC).
    Date { date: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ChangeKindView {
    Added,
    Removed,
    Restored,
    Moved,
    Edited,
    CriterionAdded,
    CriterionEdited,
    CriterionRemoved,
    CommentAdded,
    CommentEdited,
    CommentRemoved,
    /// A link added, edited or removed.
    Link,
    Backbone,
    Settings,
}

/// One thing one change did, told as a sentence to show as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangeEntryView {
    /// The change's hash (hex): a point to view or restore.
    pub hash: String,
    pub author: String,
    /// RFC 3339, UTC.
    pub at: String,
    pub kind: ChangeKindView,
    /// "estimate", "position", "criterion:<id>", "step:<id>"…
    pub field: Option<String>,
    /// e.g. "ben changed the estimate from 3 to 5".
    pub summary: String,
    /// A comment a teammate wrote or edited that `@mentions` this device's display name.
    #[serde(default)]
    pub mentions_you: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoryChangesView {
    pub story_id: String,
    /// Its title now, or the last one if it was removed.
    pub title: String,
    pub removed: bool,
    /// Newest first.
    pub entries: Vec<ChangeEntryView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangesView {
    /// e.g. "Since your last sync".
    pub since_label: String,
    pub change_count: u32,
    pub authors: Vec<String>,
    /// The most recently changed story first.
    pub stories: Vec<StoryChangesView>,
    /// Backbone, slices, settings and the map itself; newest first.
    pub map_entries: Vec<ChangeEntryView>,
    /// How many of the entries are comments that mention you.
    pub mention_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConflictValueView {
    /// Opaque: send it back in a `resolveConflict` edit to keep this value.
    pub choice: String,
    pub display: String,
    pub author: String,
    pub at: String,
}

/// A field two people set differently at the same time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConflictView {
    pub story_id: String,
    pub story_title: String,
    /// A stable key: "title", "estimate", "position", "criterion:<id>:text".
    pub field: String,
    pub field_label: String,
    pub values: Vec<ConflictValueView>,
    /// The choice shown now.
    pub winner: String,
}

/// The map right after one change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPointView {
    pub hash: String,
    pub at: String,
    pub author: String,
    /// e.g. "Move story 'Pay by card'".
    pub label: String,
}

/// Unix seconds as RFC 3339 in UTC.
pub(crate) fn rfc3339(unix_time: i64) -> String {
    chrono::DateTime::from_timestamp(unix_time, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl From<ChangeKind> for ChangeKindView {
    fn from(kind: ChangeKind) -> Self {
        match kind {
            ChangeKind::Added => ChangeKindView::Added,
            ChangeKind::Removed => ChangeKindView::Removed,
            ChangeKind::Restored => ChangeKindView::Restored,
            ChangeKind::Moved => ChangeKindView::Moved,
            ChangeKind::Edited => ChangeKindView::Edited,
            ChangeKind::CriterionAdded => ChangeKindView::CriterionAdded,
            ChangeKind::CriterionEdited => ChangeKindView::CriterionEdited,
            ChangeKind::CriterionRemoved => ChangeKindView::CriterionRemoved,
            ChangeKind::CommentAdded => ChangeKindView::CommentAdded,
            ChangeKind::CommentEdited => ChangeKindView::CommentEdited,
            ChangeKind::CommentRemoved => ChangeKindView::CommentRemoved,
            ChangeKind::Link => ChangeKindView::Link,
            ChangeKind::Backbone => ChangeKindView::Backbone,
            ChangeKind::Settings => ChangeKindView::Settings,
        }
    }
}

impl From<ChangeEntry> for ChangeEntryView {
    /// An entry as anyone reads it: nothing in it mentions the reader.
    fn from(e: ChangeEntry) -> Self {
        ChangeEntryView::read_by(e, "")
    }
}

impl ChangeEntryView {
    /// An entry as the device named `reader` reads it.
    fn read_by(e: ChangeEntry, reader: &str) -> Self {
        ChangeEntryView {
            mentions_you: mentions_reader(&e.mentions, &e.author, reader),
            hash: e.hash,
            author: e.author,
            at: rfc3339(e.unix_time),
            kind: e.kind.into(),
            field: e.field,
            summary: e.summary,
        }
    }
}

impl StoryChangesView {
    fn read_by(s: StoryChanges, reader: &str) -> Self {
        StoryChangesView {
            story_id: s.story_id,
            title: s.title,
            removed: s.removed,
            entries: (s.entries.into_iter())
                .map(|e| ChangeEntryView::read_by(e, reader))
                .collect(),
        }
    }
}

impl ChangesView {
    /// What changed, as the device named `reader` reads it (the comments mentioning it).
    pub(crate) fn new(since_label: String, changes: MapChanges, reader: &str) -> ChangesView {
        let stories: Vec<StoryChangesView> = (changes.stories.into_iter())
            .map(|s| StoryChangesView::read_by(s, reader))
            .collect();
        let mention_count = (stories.iter().flat_map(|s| &s.entries))
            .filter(|e| e.mentions_you)
            .count() as u32;
        ChangesView {
            since_label,
            change_count: changes.change_count as u32,
            authors: changes.authors,
            stories,
            map_entries: changes.map_entries.into_iter().map(Into::into).collect(),
            mention_count,
        }
    }
}

impl From<ConflictValue> for ConflictValueView {
    fn from(v: ConflictValue) -> Self {
        ConflictValueView {
            choice: v.choice,
            display: v.display,
            author: v.author,
            at: rfc3339(v.unix_time),
        }
    }
}

impl From<Conflict> for ConflictView {
    fn from(c: Conflict) -> Self {
        ConflictView {
            story_id: c.story_id,
            story_title: c.story_title,
            field: c.field,
            field_label: c.field_label,
            values: c.values.into_iter().map(Into::into).collect(),
            winner: c.winner,
        }
    }
}

impl From<HistoryPoint> for HistoryPointView {
    fn from(p: HistoryPoint) -> Self {
        HistoryPointView {
            hash: p.hash,
            at: rfc3339(p.unix_time),
            author: p.author,
            label: p.label,
        }
    }
}
