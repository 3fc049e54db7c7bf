//! What the refinement side of the UI reads and sends: readiness (DoR, INVEST), WSJF, the
//! team's settings, splitting, and the backlog list. Generated into `ui/src/bindings/` by ts-rs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::convert_settings::{default_sprint_length, default_status_labels};
use crate::dto::{StoryFlag, StoryStatus};
use crate::health_views::SprintBandView;

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
    /// The map overlay's heat level, 1 (a score under 1) to 5 (8 or more); the key's
    /// ranges are `WSJF_HEAT_KEY` in `rules.ts`.
    #[serde(default)]
    pub heat: u8,
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
    /// What to hear about its cross-team dependencies ("Planned in MVP but Payments
    /// delivers 'PSP' with Release 2 (agreed)"), judged on today's date.
    #[serde(default)]
    pub cross_team_warnings: Vec<String>,
    /// Who it is for: its own persona, or else its activity's; `null` when neither.
    #[serde(default)]
    pub serves_persona_id: Option<String>,
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
    /// The coloured labels, by label (the file format's `{ "label": "#rrggbb" }`).
    #[serde(default)]
    pub label_colors: BTreeMap<String, String>,
    /// The text colour that reads on each label colour, worked out in Rust (not imported).
    #[serde(default, skip_deserializing)]
    pub label_text_colors: BTreeMap<String, String>,
    /// Points the team finishes per sprint; `null`: not set.
    #[serde(default)]
    pub velocity: Option<f64>,
    #[serde(default = "default_sprint_length")]
    pub sprint_length_days: u32,
    /// How many sprints of ready work the team aims to keep (default 1–2).
    #[serde(default)]
    pub ready_target_sprints: SprintBandView,
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
    /// Grouped by PI objective, in the objectives' order; stories of none last.
    Objective,
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
    /// Only stories carrying this session flag.
    pub flag: Option<StoryFlag>,
    /// Only the stories of one PI objective, or of none.
    #[serde(default)]
    pub objective: Option<crate::ObjectiveQuery>,
    /// Only stories waiting on another team's item not done yet (`true`), or none such.
    #[serde(default)]
    pub cross_team: Option<bool>,
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
