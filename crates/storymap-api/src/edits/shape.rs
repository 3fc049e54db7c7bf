//! The map's shape on the wire: its name, activities, steps, release slices and story cards. Each family converts to the core's in one total `From`.

use serde::{Deserialize, Serialize};
use storymap_core as core;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum BackboneEdit {
    RenameMap {
        name: String,
    },
    AddActivity {
        title: String,
    },
    RenameActivity {
        activity_id: String,
        title: String,
    },
    /// `to_index` counts positions among the siblings without the moved item.
    MoveActivity {
        activity_id: String,
        to_index: u32,
    },
    /// Deletes the activity with its steps and their stories (undoable).
    DeleteActivity {
        activity_id: String,
    },
    AddStep {
        activity_id: String,
        title: String,
    },
    RenameStep {
        step_id: String,
        title: String,
    },
    /// Moves a step within its activity or to another one.
    MoveStep {
        step_id: String,
        activity_id: String,
        to_index: u32,
    },
    /// Deletes the step with its stories (undoable).
    DeleteStep {
        step_id: String,
    },
    /// Folds a duplicate activity into another: its steps (and stories) move there, a
    /// step named like one there joins it; the duplicate goes (undoable).
    MergeActivity {
        activity_id: String,
        into_id: String,
    },
}

impl From<BackboneEdit> for core::BackboneEdit {
    fn from(edit: BackboneEdit) -> Self {
        match edit {
            BackboneEdit::RenameMap { name } => core::BackboneEdit::RenameMap { name },
            BackboneEdit::AddActivity { title } => core::BackboneEdit::AddActivity { title },
            BackboneEdit::RenameActivity { activity_id, title } => {
                core::BackboneEdit::RenameActivity { activity_id, title }
            }
            BackboneEdit::MoveActivity {
                activity_id,
                to_index,
            } => core::BackboneEdit::MoveActivity {
                activity_id,
                to_index: to_index as usize,
            },
            BackboneEdit::DeleteActivity { activity_id } => {
                core::BackboneEdit::DeleteActivity { activity_id }
            }
            BackboneEdit::AddStep { activity_id, title } => {
                core::BackboneEdit::AddStep { activity_id, title }
            }
            BackboneEdit::RenameStep { step_id, title } => {
                core::BackboneEdit::RenameStep { step_id, title }
            }
            BackboneEdit::MoveStep {
                step_id,
                activity_id,
                to_index,
            } => core::BackboneEdit::MoveStep {
                step_id,
                activity_id,
                to_index: to_index as usize,
            },
            BackboneEdit::DeleteStep { step_id } => core::BackboneEdit::DeleteStep { step_id },
            BackboneEdit::MergeActivity {
                activity_id,
                into_id,
            } => core::BackboneEdit::MergeActivity {
                activity_id,
                into_id,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum SliceEdit {
    AddRelease {
        title: String,
    },
    RenameRelease {
        release_id: String,
        title: String,
    },
    MoveRelease {
        release_id: String,
        to_index: u32,
    },
    /// Deletes the slice; its stories move to the end of `move_stories_to`, or to the
    /// "Unplanned" slice (created when missing) when that is `null`.
    DeleteRelease {
        release_id: String,
        move_stories_to: Option<String>,
    },
    /// Orders each cell of the slice by WSJF score, highest first; unscored stories stay
    /// below the scored ones, in their order.
    SortByWsjf {
        release_id: String,
    },
}

impl From<SliceEdit> for core::SliceEdit {
    fn from(edit: SliceEdit) -> Self {
        match edit {
            SliceEdit::AddRelease { title } => core::SliceEdit::AddRelease { title },
            SliceEdit::RenameRelease { release_id, title } => {
                core::SliceEdit::RenameRelease { release_id, title }
            }
            SliceEdit::MoveRelease {
                release_id,
                to_index,
            } => core::SliceEdit::MoveRelease {
                release_id,
                to_index: to_index as usize,
            },
            SliceEdit::DeleteRelease {
                release_id,
                move_stories_to,
            } => core::SliceEdit::DeleteRelease {
                release_id,
                move_stories_to,
            },
            SliceEdit::SortByWsjf { release_id } => core::SliceEdit::SortByWsjf { release_id },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum CardEdit {
    AddStory {
        step_id: String,
        release_id: String,
        title: String,
    },
    RenameStory {
        story_id: String,
        title: String,
    },
    /// Moves a card to a position in a cell (step × release slice).
    MoveStory {
        story_id: String,
        step_id: String,
        release_id: String,
        to_index: u32,
    },
    /// A copy of the card (title, status, estimate, description, criteria) right below it.
    DuplicateStory {
        story_id: String,
    },
    DeleteStory {
        story_id: String,
    },
}

impl From<CardEdit> for core::CardEdit {
    fn from(edit: CardEdit) -> Self {
        match edit {
            CardEdit::AddStory {
                step_id,
                release_id,
                title,
            } => core::CardEdit::AddStory {
                step_id,
                release_id,
                title,
            },
            CardEdit::RenameStory { story_id, title } => {
                core::CardEdit::RenameStory { story_id, title }
            }
            CardEdit::MoveStory {
                story_id,
                step_id,
                release_id,
                to_index,
            } => core::CardEdit::MoveStory {
                story_id,
                step_id,
                release_id,
                to_index: to_index as usize,
            },
            CardEdit::DuplicateStory { story_id } => core::CardEdit::DuplicateStory { story_id },
            CardEdit::DeleteStory { story_id } => core::CardEdit::DeleteStory { story_id },
        }
    }
}
