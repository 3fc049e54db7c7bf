//! PI objectives on the wire: add, change, reorder and delete them, and align a story to
//! one. Converts to the core's family in one total `From`.

use serde::{Deserialize, Serialize};
use storymap_core as core;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ObjectiveEdit {
    /// Added last; business value 1–10.
    AddObjective {
        title: String,
        business_value: u8,
        committed: bool,
    },
    UpdateObjective {
        objective_id: String,
        title: String,
        business_value: u8,
        committed: bool,
    },
    /// Puts the objective at `to` (0 = top) among the others.
    MoveObjective {
        objective_id: String,
        to: u32,
    },
    DeleteObjective {
        objective_id: String,
    },
    /// Aligns a story to an objective, or (`null`) to none.
    AlignStory {
        story_id: String,
        objective_id: Option<String>,
    },
}

impl From<ObjectiveEdit> for core::ObjectiveEdit {
    fn from(edit: ObjectiveEdit) -> Self {
        use core::ObjectiveEdit as Core;
        match edit {
            ObjectiveEdit::AddObjective {
                title,
                business_value,
                committed,
            } => Core::Add {
                title,
                business_value,
                committed,
            },
            ObjectiveEdit::UpdateObjective {
                objective_id,
                title,
                business_value,
                committed,
            } => Core::Update {
                objective_id,
                title,
                business_value,
                committed,
            },
            ObjectiveEdit::MoveObjective { objective_id, to } => Core::Move {
                objective_id,
                to: to as usize,
            },
            ObjectiveEdit::DeleteObjective { objective_id } => Core::Delete { objective_id },
            ObjectiveEdit::AlignStory {
                story_id,
                objective_id,
            } => Core::Align {
                story_id,
                objective_id,
            },
        }
    }
}
