//! Who reads each story of a session aloud: one story's reader, and skipping someone in
//! the rotation (which deals the stories not read yet again).

use serde::{Deserialize, Serialize};
use storymap_core as core;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ReaderEdit {
    /// `participantId: null`: nobody reads it.
    SetReader {
        session_id: String,
        story_id: String,
        participant_id: Option<String>,
    },
    /// Leaves a participant out of the readers' rotation (`skip: true`) or takes them
    /// back; the stories not read yet are dealt again.
    SkipReader {
        session_id: String,
        participant_id: String,
        skip: bool,
    },
}

impl From<ReaderEdit> for core::ReaderEdit {
    fn from(edit: ReaderEdit) -> Self {
        match edit {
            ReaderEdit::SetReader {
                session_id,
                story_id,
                participant_id,
            } => core::ReaderEdit::SetReader {
                session_id,
                story_id,
                participant_id,
            },
            ReaderEdit::SkipReader {
                session_id,
                participant_id,
                skip,
            } => core::ReaderEdit::SkipReader {
                session_id,
                participant_id,
                skip,
            },
        }
    }
}
