//! Values that cross the IPC boundary and the JSON export; their TypeScript twins in
//! `ui/src/bindings/` are generated from these types by ts-rs.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One map in the map switcher.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapSummary {
    pub id: String,
    pub name: String,
    pub story_count: u32,
    /// RFC 3339 time of the last local or synced edit.
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    pub id: String,
    pub title: String,
    pub rank: String,
}

/// An activity of the backbone with its steps, both in display order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActivityView {
    pub id: String,
    pub title: String,
    pub rank: String,
    pub steps: Vec<StepView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseView {
    pub id: String,
    pub title: String,
    pub rank: String,
    /// Derived from the slice's stories; ignored on import.
    #[serde(default)]
    pub rollup: SliceRollup,
}

/// What a release slice adds up to, computed by the core.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SliceRollup {
    pub stories: u32,
    /// Sum of the numeric estimates (story points).
    pub points: f64,
    /// Stories without a numeric estimate.
    pub unestimated: u32,
    pub ready: u32,
    pub done: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AcceptanceCriterionView {
    pub id: String,
    pub text: String,
    pub done: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StoryStatus {
    Idea,
    /// Files exported before statuses were refined said "todo".
    #[serde(alias = "todo")]
    Draft,
    Refining,
    Ready,
    #[serde(alias = "inProgress")]
    InSprint,
    Done,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoryView {
    pub id: String,
    pub title: String,
    pub description: String,
    pub activity_id: String,
    pub step_id: String,
    pub release_id: String,
    pub rank: String,
    pub status: StoryStatus,
    /// Story points ("3") or a T-shirt size ("M"); `null` until estimated.
    pub estimate: Option<String>,
    pub acceptance_criteria: Vec<AcceptanceCriterionView>,
}

/// A whole map in display order: the IPC payload and the `export json` format
/// (documented in docs/formats.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapView {
    pub schema_version: u32,
    pub map: MapRef,
    pub activities: Vec<ActivityView>,
    pub releases: Vec<ReleaseView>,
    /// Ordered by activity, step, release slice, then rank: the order cards are drawn in.
    pub stories: Vec<StoryView>,
}

/// One user intent on a map. Each is one Automerge change and one SQLite transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum MapEdit {
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
    AddStep {
        activity_id: String,
        title: String,
    },
    RenameStep {
        step_id: String,
        title: String,
    },
    AddRelease {
        title: String,
    },
    RenameRelease {
        release_id: String,
        title: String,
    },
    AddStory {
        step_id: String,
        release_id: String,
        title: String,
    },
    RenameStory {
        story_id: String,
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

/// What the local user can undo or redo on the open map, as menu labels.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryState {
    /// e.g. "Move story 'Pay by card'"; `null` when there is nothing to undo.
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// What one edit, undo or redo changed on a map: the UI patches its copy with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapChange {
    pub map_id: String,
    /// The new map name, when it changed.
    pub name: Option<String>,
    /// The whole backbone in display order, when any activity or step changed.
    pub activities: Option<Vec<ActivityView>>,
    /// Every release slice in display order with fresh roll-ups (always sent: cheap).
    pub releases: Vec<ReleaseView>,
    /// Stories added or changed (including moved), as they are now.
    pub stories: Vec<StoryView>,
    /// Stories deleted (or hidden with a deleted step) by this change.
    pub removed_story_ids: Vec<String>,
    /// The id of what the edit created, if anything.
    pub created_id: Option<String>,
    pub history: HistoryState,
    /// Set when an undo or redo skipped part of its work, with the reason.
    pub notice: Option<String>,
}

/// How this device shows a map (not synced): collapsed slices and zoom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ViewPrefs {
    pub collapsed_release_ids: Vec<String>,
    /// 1.0 is 100 %.
    pub zoom: f64,
}

impl Default for ViewPrefs {
    fn default() -> Self {
        ViewPrefs {
            collapsed_release_ids: Vec::new(),
            zoom: 1.0,
        }
    }
}
