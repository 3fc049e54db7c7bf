//! Values that cross the IPC boundary and the JSON export; their TypeScript twins in
//! `ui/src/bindings/` are generated from these types by ts-rs.

use serde::{Deserialize, Serialize};

use crate::refine_views::{MapSettingsView, RefinementView, WsjfInputsView};
use crate::session_views::SessionView;

fn private_by_default() -> bool {
    true
}
use ts_rs::TS;

use crate::discussion_views::{CommentView, LinkView};

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
    /// Informative in a file: ranks are minted afresh from the order on import, so it may be left out.
    #[serde(default)]
    pub rank: String,
}

/// An activity of the backbone with its steps, both in display order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActivityView {
    pub id: String,
    pub title: String,
    /// Informative in a file: ranks are minted afresh from the order on import, so it may be left out.
    #[serde(default)]
    pub rank: String,
    pub steps: Vec<StepView>,
    /// The Jira epic this activity was imported from; absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub jira_key: Option<String>,
    /// The persona who does this activity; absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub persona_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseView {
    pub id: String,
    pub title: String,
    /// Informative in a file: ranks are minted afresh from the order on import, so it may be left out.
    #[serde(default)]
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
    /// The optional Given / When / Then form; empty strings when unused.
    #[serde(default)]
    pub given: String,
    #[serde(default)]
    pub when: String,
    #[serde(default)]
    pub then: String,
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

/// A marker a POPM puts on a story before a session; the names are the file format's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StoryFlag {
    Risky,
    Unclear,
    ResearchNeeded,
    DiscussionNeeded,
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
    /// Informative in a file: ranks are minted afresh from the order on import, so it may be left out.
    #[serde(default)]
    pub rank: String,
    pub status: StoryStatus,
    /// Story points ("3", "½", "?") or a T-shirt size ("M"); `null` until estimated.
    pub estimate: Option<String>,
    pub acceptance_criteria: Vec<AcceptanceCriterionView>,
    /// The narrative "As a … I want … so that …"; empty parts unused.
    #[serde(default)]
    pub as_a: String,
    #[serde(default)]
    pub i_want: String,
    #[serde(default)]
    pub so_that: String,
    /// Why it matters (value, context).
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub notes: String,
    /// The notes stay off the projector unless shared.
    #[serde(default = "private_by_default")]
    pub notes_private: bool,
    #[serde(default)]
    pub labels: Vec<String>,
    /// Session markers, sorted (optional on import).
    #[serde(default)]
    pub flags: Vec<StoryFlag>,
    /// Set while blocked, with the reason.
    #[serde(default)]
    pub blocked_reason: Option<String>,
    /// Set while parked, with the reason.
    #[serde(default)]
    pub parked_reason: Option<String>,
    /// Whose input it waits for ("UX", "legal"…).
    #[serde(default)]
    pub needs_input_from: Option<String>,
    #[serde(default)]
    pub wsjf: WsjfInputsView,
    /// Ids of the stories it depends on.
    #[serde(default)]
    pub depends_on: Vec<String>,
    /// Definition-of-Ready items ticked by hand.
    #[serde(default)]
    pub ready_checks: Vec<String>,
    /// The story it was split from, and that story's title.
    #[serde(default)]
    pub split_from: Option<String>,
    #[serde(default)]
    pub split_from_title: Option<String>,
    /// The Jira issue key it was imported from ("SHOP-12"); absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub jira_key: Option<String>,
    /// The PI objective it serves; absent when none (or the objective was deleted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub objective_id: Option<String>,
    /// The persona it serves when not its activity's; absent when none (or deleted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub persona_id: Option<String>,
    /// Other teams' items it waits on, in the order added (optional on import).
    #[serde(default)]
    pub external_dependencies: Vec<crate::ExternalDependencyView>,
    /// The comment thread, oldest first, and links to mock-ups and specs (both optional
    /// on import).
    #[serde(default)]
    pub comments: Vec<CommentView>,
    #[serde(default)]
    pub links: Vec<LinkView>,
    #[serde(default)]
    pub refinement: RefinementView,
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
    /// The PI objectives in the team's order (optional on import).
    #[serde(default)]
    pub objectives: Vec<crate::ObjectiveView>,
    /// Who the map's work is for, in order (optional on import).
    #[serde(default)]
    pub personas: Vec<crate::PersonaView>,
    #[serde(default)]
    pub settings: MapSettingsView,
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
    /// Stories added or changed (including moved, and those whose refinement changed
    /// because of this change), as they are now.
    pub stories: Vec<StoryView>,
    /// The map's refinement settings, when they changed (then every story is in `stories`).
    pub settings: Option<MapSettingsView>,
    /// The PI objectives, when they changed (with the settings).
    pub objectives: Option<Vec<crate::ObjectiveView>>,
    /// The personas, when they changed (with the settings).
    pub personas: Option<Vec<crate::PersonaView>>,
    /// Stories deleted (or hidden with a deleted step) by this change.
    pub removed_story_ids: Vec<String>,
    /// The id of what the edit created, if anything.
    pub created_id: Option<String>,
    pub history: HistoryState,
    /// Set when an undo or redo skipped part of its work, with the reason.
    pub notice: Option<String>,
    /// The refinement session this change wrote, as it is now.
    pub session: Option<SessionView>,
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
