//! What the Jira import dialog and the exports exchange with the UI: where an import goes,
//! how Jira statuses map, and the preview (what will be created or updated, how each
//! column is read, warnings by row and column).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::{MapSummary, StoryStatus};

/// Where a Jira import goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum JiraTarget {
    /// A new map with this name.
    #[serde(rename_all = "camelCase")]
    NewMap { name: String },
    /// An existing map: rows with a known issue key update their story.
    #[serde(rename_all = "camelCase")]
    ExistingMap { map_id: String },
}

/// One override of the default status mapping ("In Review" → refining).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JiraStatusMapping {
    pub jira_status: String,
    pub status: StoryStatus,
}

/// How many of each thing an import creates or updates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JiraCountsView {
    pub activities: u32,
    pub steps: u32,
    pub slices: u32,
    pub stories: u32,
    /// Acceptance criteria created (from sub-tasks, the description or the custom
    /// field), or ticked/unticked on update.
    pub criteria: u32,
}

/// How the import reads one column of the file (repeated columns listed once).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JiraColumnView {
    pub column: String,
    /// How many columns of the file have this header (Labels, Sprint… repeat).
    pub count: u32,
    /// What it becomes; `null` when ignored.
    pub used_as: Option<String>,
}

/// Something the import skipped or read differently, at a row (the header is row 1, as
/// in a spreadsheet) and column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JiraWarningView {
    pub row: u32,
    pub column: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum JiraStoryAction {
    Create,
    Update,
    Unchanged,
}

/// One story of the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JiraStoryPreview {
    pub row: u32,
    pub jira_key: Option<String>,
    pub title: String,
    pub action: JiraStoryAction,
    /// Where a new story goes; a story already on the map keeps its place (then the
    /// step and slice are `null`).
    pub activity: String,
    pub step: Option<String>,
    pub slice: Option<String>,
    pub status: Option<StoryStatus>,
    pub estimate: Option<String>,
    pub criteria: u32,
}

/// What an import would do; nothing is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JiraPreviewView {
    /// The map's name (the new one, or the existing map's).
    pub map_name: String,
    pub creates: JiraCountsView,
    pub updates: JiraCountsView,
    /// Stories already on the map as the file has them.
    pub unchanged: u32,
    pub skipped_rows: u32,
    pub columns: Vec<JiraColumnView>,
    pub warnings: Vec<JiraWarningView>,
    /// The first stories in file order (at most 20).
    pub sample_stories: Vec<JiraStoryPreview>,
    /// Stories in the file (created, updated or unchanged).
    pub story_count: u32,
}

/// What an import did: the map (to open) and the same counts as its preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JiraImportView {
    pub map: MapSummary,
    pub creates: JiraCountsView,
    pub updates: JiraCountsView,
    pub unchanged: u32,
    pub skipped_rows: u32,
    pub warnings: Vec<JiraWarningView>,
    /// "Import 12 stories from Jira" — also the Undo label on an existing map.
    pub label: String,
}
