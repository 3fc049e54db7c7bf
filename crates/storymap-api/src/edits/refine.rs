//! Refinement edits on the wire: a story's text and flags, criteria, estimate and WSJF,
//! dependencies, splitting, and the team's refinement settings. Each family converts to the core's in one total `From`.

use serde::{Deserialize, Serialize};
use storymap_core as core;
use ts_rs::TS;

use crate::dto::*;
use crate::refine_views::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum StoryEdit {
    /// A free-text field; empty text clears it (and lifts a block or parking).
    SetStoryText {
        story_id: String,
        field: StoryTextField,
        text: String,
    },
    /// Whether the story's notes stay off the projector (private by default).
    SetNotesPrivate { story_id: String, private: bool },
    // Refinement sessions (see session_views.rs); the facilitator and note authors are
    // this device's display name.,
    SetStatus {
        story_id: String,
        status: StoryStatus,
    },
    SetLabel {
        story_id: String,
        label: String,
        on: bool,
    },
    /// Puts a session marker (risky, unclear…) on the story, or takes it off.
    SetFlag {
        story_id: String,
        flag: StoryFlag,
        on: bool,
    },
    /// Ticks a hand-checked Definition-of-Ready item for the story.
    SetReadyCheck {
        story_id: String,
        item_id: String,
        on: bool,
    },
}

impl From<StoryEdit> for core::StoryEdit {
    fn from(edit: StoryEdit) -> Self {
        match edit {
            StoryEdit::SetStoryText {
                story_id,
                field,
                text,
            } => core::StoryEdit::SetText {
                story_id,
                field: field.into(),
                text,
            },
            StoryEdit::SetNotesPrivate { story_id, private } => {
                core::StoryEdit::SetNotesPrivate { story_id, private }
            }
            StoryEdit::SetStatus { story_id, status } => core::StoryEdit::SetStatus {
                story_id,
                status: status.into(),
            },
            StoryEdit::SetLabel {
                story_id,
                label,
                on,
            } => core::StoryEdit::SetLabel {
                story_id,
                label,
                on,
            },
            StoryEdit::SetFlag { story_id, flag, on } => core::StoryEdit::SetFlag {
                story_id,
                flag: flag.into(),
                on,
            },
            StoryEdit::SetReadyCheck {
                story_id,
                item_id,
                on,
            } => core::StoryEdit::SetReadyCheck {
                story_id,
                item_id,
                on,
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
pub enum CriteriaEdit {
    /// One criterion per non-empty line; list markers are stripped.
    AddCriteria { story_id: String, text: String },
    UpdateCriterion {
        story_id: String,
        criterion_id: String,
        text: String,
        given: String,
        when: String,
        then: String,
    },
    SetCriterionDone {
        story_id: String,
        criterion_id: String,
        done: bool,
    },
    MoveCriterion {
        story_id: String,
        criterion_id: String,
        to_index: u32,
    },
    DeleteCriterion {
        story_id: String,
        criterion_id: String,
    },
}

impl From<CriteriaEdit> for core::CriteriaEdit {
    fn from(edit: CriteriaEdit) -> Self {
        match edit {
            CriteriaEdit::AddCriteria { story_id, text } => {
                core::CriteriaEdit::AddCriteria { story_id, text }
            }
            CriteriaEdit::UpdateCriterion {
                story_id,
                criterion_id,
                text,
                given,
                when,
                then,
            } => core::CriteriaEdit::UpdateCriterion {
                story_id,
                criterion_id,
                text,
                given,
                when,
                then,
            },
            CriteriaEdit::SetCriterionDone {
                story_id,
                criterion_id,
                done,
            } => core::CriteriaEdit::SetCriterionDone {
                story_id,
                criterion_id,
                done,
            },
            CriteriaEdit::MoveCriterion {
                story_id,
                criterion_id,
                to_index,
            } => core::CriteriaEdit::MoveCriterion {
                story_id,
                criterion_id,
                to_index: to_index as usize,
            },
            CriteriaEdit::DeleteCriterion {
                story_id,
                criterion_id,
            } => core::CriteriaEdit::DeleteCriterion {
                story_id,
                criterion_id,
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
pub enum EstimateEdit {
    /// Points on the scale (0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100), "?", or XS–XXL; `null` clears.
    SetEstimate {
        story_id: String,
        estimate: Option<String>,
    },
    SetWsjf {
        story_id: String,
        part: WsjfPart,
        value: Option<u8>,
    },
}

impl From<EstimateEdit> for core::EstimateEdit {
    fn from(edit: EstimateEdit) -> Self {
        match edit {
            EstimateEdit::SetEstimate { story_id, estimate } => {
                core::EstimateEdit::SetEstimate { story_id, estimate }
            }
            EstimateEdit::SetWsjf {
                story_id,
                part,
                value,
            } => core::EstimateEdit::SetWsjf {
                story_id,
                part: part.into(),
                value,
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
pub enum DependencyEdit {
    /// Refused with a message naming the cycle it would close.
    SetDependency {
        story_id: String,
        depends_on: String,
        on: bool,
    },
}

impl From<DependencyEdit> for core::DependencyEdit {
    fn from(edit: DependencyEdit) -> Self {
        match edit {
            DependencyEdit::SetDependency {
                story_id,
                depends_on,
                on,
            } => core::DependencyEdit::SetDependency {
                story_id,
                depends_on,
                on,
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
pub enum SplitEdit {
    /// New stories in the original's place; the original leaves the map. Criteria not
    /// listed go to the first child.
    SplitStory {
        story_id: String,
        children: Vec<SplitChildInput>,
    },
}

impl From<SplitEdit> for core::SplitEdit {
    fn from(edit: SplitEdit) -> Self {
        match edit {
            SplitEdit::SplitStory { story_id, children } => core::SplitEdit {
                story_id,
                children: children
                    .into_iter()
                    .map(|c| core::SplitChild {
                        title: c.title,
                        criterion_ids: c.criterion_ids,
                    })
                    .collect(),
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
pub enum SettingsEdit {
    AddDorItem {
        text: String,
    },
    RenameDorItem {
        item_id: String,
        text: String,
    },
    DeleteDorItem {
        item_id: String,
    },
    SetSmallLimit {
        points: f64,
    },
    SetTShirtPoints {
        size: TShirtSize,
        points: f64,
    },
    /// Renames a status for this map; an empty label restores the default name.
    SetStatusLabel {
        status: StoryStatus,
        label: String,
    },
    /// Draws a label in a colour (`#rrggbb`) on this map; `null` takes the colour off.
    SetLabelColor {
        label: String,
        color: Option<String>,
    },
    /// Points the team finishes per sprint (more than 0, at most 1000); `null` clears it.
    SetVelocity {
        points: Option<f64>,
    },
    /// 1 to 60 days.
    SetSprintLength {
        days: u32,
    },
    /// The sprints of ready work to aim for, `min` ≤ `max`, both 0 to 20.
    SetReadyTarget {
        min: f64,
        max: f64,
    },
}

impl From<SettingsEdit> for core::SettingsEdit {
    fn from(edit: SettingsEdit) -> Self {
        match edit {
            SettingsEdit::AddDorItem { text } => core::SettingsEdit::AddDorItem { text },
            SettingsEdit::RenameDorItem { item_id, text } => {
                core::SettingsEdit::RenameDorItem { item_id, text }
            }
            SettingsEdit::DeleteDorItem { item_id } => {
                core::SettingsEdit::DeleteDorItem { item_id }
            }
            SettingsEdit::SetSmallLimit { points } => core::SettingsEdit::SetSmallLimit { points },
            SettingsEdit::SetTShirtPoints { size, points } => core::SettingsEdit::SetTShirtPoints {
                size: size.into(),
                points,
            },
            SettingsEdit::SetStatusLabel { status, label } => core::SettingsEdit::SetStatusLabel {
                status: status.into(),
                label,
            },
            SettingsEdit::SetLabelColor { label, color } => {
                core::SettingsEdit::SetLabelColor { label, color }
            }
            SettingsEdit::SetVelocity { points } => core::SettingsEdit::SetVelocity { points },
            SettingsEdit::SetSprintLength { days } => core::SettingsEdit::SetSprintLength { days },
            SettingsEdit::SetReadyTarget { min, max } => core::SettingsEdit::SetReadyTarget {
                band: storymap_core::capacity::SprintBand { min, max },
            },
        }
    }
}
