//! Values that cross the IPC boundary and the JSON export; their TypeScript twins in
//! `ui/src/bindings/` are generated from these types by ts-rs.

use serde::{Deserialize, Serialize};

use crate::convert_refine::default_status_labels;
use crate::session_views::SessionView;

fn private_by_default() -> bool {
    true
}
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
    /// The Jira epic this activity was imported from; absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub jira_key: Option<String>,
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
    /// The optional Given / When / Then form; empty strings when unused.
    #[serde(default)]
    pub given: String,
    #[serde(default)]
    pub when: String,
    #[serde(default)]
    pub then: String,
}

/// The WSJF parts as scored (1, 2, 3, 5, 8, 13, 20); `null` until scored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WsjfInputsView {
    pub value: Option<u8>,
    pub time_criticality: Option<u8>,
    pub risk_reduction: Option<u8>,
    /// `null`: the job size follows the estimate.
    pub job_size: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WsjfScoreView {
    pub cost_of_delay: u32,
    pub job_size: u8,
    pub job_size_from_estimate: bool,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DorCheckView {
    pub item_id: String,
    pub text: String,
    /// Checked by the app; otherwise ticked by hand.
    pub automatic: bool,
    pub passed: bool,
    /// Why an automatic check fails; empty when it passes.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum InvestLetter {
    Independent,
    Negotiable,
    Valuable,
    Estimable,
    Small,
    Testable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    Pass,
    Warn,
    Fail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvestHintView {
    pub letter: InvestLetter,
    pub verdict: Verdict,
    /// What to do about it; empty when it passes.
    pub message: String,
}

/// What the core concludes about a story; derived, ignored on import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RefinementView {
    /// Passes every Definition-of-Ready item.
    pub ready: bool,
    /// The estimate in points (T-shirt sizes mapped); `null` when unknown.
    pub points: Option<f64>,
    pub dor: Vec<DorCheckView>,
    pub invest: Vec<InvestHintView>,
    /// Two or more INVEST letters fail.
    pub too_big_or_vague: bool,
    pub wsjf: Option<WsjfScoreView>,
    /// Dependencies not done yet.
    pub open_dependencies: Vec<String>,
    pub dependency_warnings: Vec<String>,
    /// Stories that depend on this one (the other direction of `dependsOn`).
    pub dependents: Vec<String>,
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
    #[serde(default)]
    pub settings: MapSettingsView,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DorRule {
    WhyClear,
    CriteriaExplicit,
    Estimated,
    DependenciesKnown,
    SmallEnough,
    NoOpenBlocker,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DorItemView {
    pub id: String,
    pub text: String,
    /// What the app checks; `null`: ticked by hand per story.
    pub rule: Option<DorRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum TShirtSize {
    XS,
    S,
    M,
    L,
    XL,
    XXL,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TShirtPointsView {
    pub size: TShirtSize,
    pub points: f64,
}

/// The team's refinement settings for a map (synced with it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapSettingsView {
    pub definition_of_ready: Vec<DorItemView>,
    pub tshirt_points: Vec<TShirtPointsView>,
    /// Above this many points a story is not "small enough for a sprint".
    pub small_limit: f64,
    /// What the team calls each status, in workflow order.
    #[serde(default = "default_status_labels")]
    pub status_labels: Vec<StatusLabelView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusLabelView {
    pub status: StoryStatus,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StoryTextField {
    AsA,
    IWant,
    SoThat,
    Why,
    Notes,
    /// Automerge Text: two people editing different sentences both keep their words.
    Description,
    BlockedReason,
    ParkedReason,
    NeedsInputFrom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum WsjfPart {
    Value,
    TimeCriticality,
    RiskReduction,
    JobSize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SplitChildInput {
    pub title: String,
    pub criterion_ids: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SplitPattern {
    Spike,
    Paths,
    Interfaces,
    Data,
    Rules,
    WorkflowSteps,
    Crud,
    HappyUnhappy,
}

/// A splitting pattern with the titles it suggests for one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SplitPatternView {
    pub pattern: SplitPattern,
    pub name: String,
    pub question: String,
    pub titles: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BacklogSort {
    #[default]
    Rank,
    Wsjf,
    Readiness,
    Estimate,
}

/// Every filter is optional; `null` lets everything through.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BacklogQuery {
    pub sort: BacklogSort,
    pub release_id: Option<String>,
    pub activity_id: Option<String>,
    pub status: Option<StoryStatus>,
    pub label: Option<String>,
    pub ready: Option<bool>,
    pub blocked: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BacklogView {
    /// Story ids in backlog order; the stories themselves are in the map view.
    pub story_ids: Vec<String>,
    pub stories: u32,
    pub ready: u32,
    pub ready_points: f64,
    pub blocked: u32,
    pub needs_input: u32,
    /// e.g. "12 ready (34 pts), 3 blocked, 2 need input".
    pub headline: String,
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
