//! History edits on the wire: settling a conflict, restoring a story or a field. Each family converts to the core's in one total `From`.

use serde::{Deserialize, Serialize};
use storymap_core as core;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum HistoryEdit {
    /// Keeps one value of a conflict (`field` and `choice` from `ConflictView`).
    ResolveConflict {
        story_id: String,
        field: String,
        choice: String,
    },
    /// The story as it was right after the change `at` (a hash from the history),
    /// undeleted: title, description, status, estimate, refinement text, labels, WSJF,
    /// criteria and place.
    RestoreStory { story_id: String, at: String },
    /// One field ("title", "estimate", "position", "criterion:<id>:text"…) as it was
    /// right after the change `at`.
    RestoreField {
        story_id: String,
        field: String,
        at: String,
    },
}

impl From<HistoryEdit> for core::HistoryEdit {
    fn from(edit: HistoryEdit) -> Self {
        match edit {
            HistoryEdit::ResolveConflict {
                story_id,
                field,
                choice,
            } => core::HistoryEdit::ResolveConflict {
                story_id,
                field,
                choice,
            },
            HistoryEdit::RestoreStory { story_id, at } => core::HistoryEdit::RestoreStory {
                story_id,
                at: vec![at],
            },
            HistoryEdit::RestoreField {
                story_id,
                field,
                at,
            } => core::HistoryEdit::RestoreField {
                story_id,
                field,
                at: vec![at],
            },
        }
    }
}
