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
    Todo,
    InProgress,
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
}

/// The map after an edit, and the id of what the edit created, if anything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EditOutcome {
    pub view: MapView,
    pub created_id: Option<String>,
}
