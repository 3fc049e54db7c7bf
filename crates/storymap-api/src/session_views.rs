//! The DTOs of refinement sessions "in the room": the session list, one session with its
//! agenda, stories, timeboxes and poker rounds (votes hidden until revealed), its summary
//! and stakeholder update, and the projector's presentation views.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::{StoryFlag, StoryStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Deck {
    /// 0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100, ?, ☕
    Fibonacci,
    /// XS, S, M, L, XL, XXL, ?, ☕
    Tshirt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SessionStoryState {
    Pending,
    Discussing,
    Refined,
    Parked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SessionNoteKind {
    Decision,
    Note,
    NextStep,
}

/// One session in the list of past and open sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionListItem {
    pub id: String,
    /// RFC 3339.
    pub started_at: String,
    pub ended_at: Option<String>,
    pub open: bool,
    pub facilitator: String,
    pub length_minutes: u32,
    pub stories: u32,
    pub refined: u32,
    pub parked: u32,
    pub decisions: u32,
    /// Who took part, in the readers' rotation order (the next session's default room).
    pub participants: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItemView {
    pub id: String,
    pub title: String,
    pub start_minute: u32,
    pub end_minute: u32,
    /// The session's clock is within this item (open sessions only).
    pub current: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionStoryView {
    pub story_id: String,
    /// Empty when the story left the map (split or deleted).
    pub title: String,
    pub estimate: Option<String>,
    pub points: Option<f64>,
    /// `null` when the story left the map.
    pub status: Option<StoryStatus>,
    /// Passes the Definition of Ready.
    pub ready: bool,
    pub needs_input_from: Option<String>,
    pub state: SessionStoryState,
    /// Time spent on it so far, the running turn included.
    pub spent_seconds: u32,
    pub timebox_seconds: u32,
    pub overrun: bool,
    pub parked_reason: Option<String>,
    /// The participant who reads it aloud; `null`: nobody.
    pub reader: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantView {
    pub id: String,
    pub name: String,
    /// Left out of the readers' rotation.
    pub skips_reading: bool,
}

/// Who read which stories aloud in a session (those worked on), first reader first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReaderCreditView {
    pub name: String,
    /// Story titles, in session order.
    pub stories: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteView {
    pub participant_id: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PokerStatsView {
    pub votes: u32,
    /// The card nearest the median of the sizing votes.
    pub median: Option<String>,
    pub min: Option<String>,
    pub max: Option<String>,
    /// Cards between the lowest and highest vote.
    pub spread: u32,
    /// Participant ids two or more cards from the median: they explain first.
    pub outliers: Vec<String>,
    pub unknown: u32,
    pub coffee: u32,
    pub consensus: bool,
}

/// A poker round. Before the reveal only who has voted is told, never a card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PokerRoundView {
    pub id: String,
    pub story_id: String,
    pub number: u32,
    pub revealed: bool,
    pub voted_participant_ids: Vec<String>,
    /// Empty until revealed.
    pub votes: Vec<VoteView>,
    /// `null` until revealed.
    pub stats: Option<PokerStatsView>,
    pub accepted_estimate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionNoteView {
    pub id: String,
    pub story_id: Option<String>,
    pub kind: SessionNoteKind,
    pub text: String,
    /// RFC 3339.
    pub at: String,
    pub author: String,
}

/// One session as the room sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub id: String,
    pub started_at: String,
    pub ended_at: Option<String>,
    pub open: bool,
    pub facilitator: String,
    pub length_minutes: u32,
    pub timebox_minutes: u32,
    /// Since the start (until the end for an ended session).
    pub elapsed_seconds: u32,
    pub agenda: Vec<AgendaItemView>,
    /// In session order.
    pub stories: Vec<SessionStoryView>,
    pub focus: Option<String>,
    pub participants: Vec<ParticipantView>,
    pub deck: Deck,
    /// The deck's cards in order, "?" and "☕" last.
    pub cards: Vec<String>,
    /// The latest round on the story in focus.
    pub current_round: Option<PokerRoundView>,
    /// Every round, by story then number.
    pub rounds: Vec<PokerRoundView>,
    /// Oldest first.
    pub notes: Vec<SessionNoteView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NeedsInputView {
    pub who: String,
    pub stories: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SummaryNoteView {
    /// The story's title, when about one.
    pub story: Option<String>,
    pub text: String,
    pub author: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SplitView {
    pub story_id: String,
    pub title: String,
    pub into: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EstimateChangeView {
    pub story_id: String,
    pub title: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CriteriaAddedView {
    pub story_id: String,
    pub title: String,
    pub count: u32,
}

/// What a session did, and the stakeholder update made from it (editable before copying).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionSummaryView {
    pub session_id: String,
    /// "We've refined 8 items — 6 ready (29 pts), 1 parked, 1 needs UX input".
    pub headline: String,
    /// "The top 10 backlog items are ready for the next sprint; one needs UX input…".
    pub stakeholder_sentence: String,
    pub stories: u32,
    pub refined: u32,
    pub ready: u32,
    pub ready_points: f64,
    pub parked: u32,
    pub split: u32,
    pub not_ready: u32,
    pub not_discussed: u32,
    pub needs_input: Vec<NeedsInputView>,
    pub decisions: Vec<SummaryNoteView>,
    pub splits: Vec<SplitView>,
    pub estimate_changes: Vec<EstimateChangeView>,
    pub criteria_added: Vec<CriteriaAddedView>,
    pub open_blockers: Vec<String>,
    pub next_steps: Vec<SummaryNoteView>,
    pub readers: Vec<ReaderCreditView>,
    /// "Ready backlog: 2.3 sprints (target 1–2)": kept when the session ended, or now.
    pub health: String,
    /// The PI objectives the stories made ready serve, in order.
    pub objectives: Vec<String>,
    /// The session's stories' open cross-team dependencies.
    pub cross_team: Vec<String>,
    pub markdown: String,
    pub text: String,
}

/// What the projector shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum PresentationFocus {
    Story { story_id: String },
    Slice { release_id: String },
    Activity { activity_id: String },
}

/// One story in large type; never its private notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PresentedStoryView {
    pub id: String,
    pub title: String,
    pub narrative: Option<String>,
    pub why: String,
    pub description: String,
    pub acceptance_criteria: Vec<String>,
    pub estimate: Option<String>,
    pub status: String,
    pub labels: Vec<String>,
    pub flags: Vec<StoryFlag>,
    pub needs_input_from: Option<String>,
    /// Only when the POPM shared them.
    pub notes: Option<String>,
    /// "Activity › Step · Slice".
    pub place: String,
    /// The titles of its links, never the URLs.
    pub links: Vec<String>,
    /// The PI objective it serves: "Faster checkout (committed, value 8)".
    pub objective: Option<String>,
    /// Who it is for: its own persona or its activity's.
    pub persona: Option<crate::PersonaView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PresentedCardView {
    pub id: String,
    pub title: String,
    pub estimate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PresentedColumnView {
    pub activity: String,
    pub step: String,
    pub cards: Vec<PresentedCardView>,
}

/// `story` for a story focus; `columns` for a slice or an activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PresentationView {
    pub title: String,
    pub story: Option<PresentedStoryView>,
    pub columns: Vec<PresentedColumnView>,
}
