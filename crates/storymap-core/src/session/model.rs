//! A refinement session as read from the map document: agenda, stories with their
//! timeboxes, participants, planning-poker rounds and the decisions log.

use super::deck::Deck;

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: String,
    /// Unix seconds.
    pub started_at: i64,
    pub ended_at: Option<i64>,
    pub length_minutes: u32,
    /// Minutes each story may take before it overruns.
    pub timebox_minutes: u32,
    pub facilitator: String,
    /// In order (rank, then id).
    pub agenda: Vec<AgendaItem>,
    /// In order (rank, then id); removed ones left out.
    pub stories: Vec<SessionStory>,
    /// The story on the projector now.
    pub focus: Option<String>,
    pub participants: Vec<Participant>,
    pub deck: Deck,
    /// By story (in session order), then round number.
    pub rounds: Vec<PokerRound>,
    /// Oldest first.
    pub notes: Vec<SessionNote>,
    /// The ready backlog when the session ended (sessions ended before this was kept,
    /// and open ones, have none).
    pub health: Option<SessionHealth>,
}

/// The ready backlog at the end of a session: a point of the health trend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SessionHealth {
    pub ready_points: f64,
    /// `None` when the map had no velocity then.
    pub ready_sprints: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub id: String,
    pub title: String,
    pub start_minute: u32,
    pub end_minute: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStoryState {
    Pending,
    Discussing,
    Refined,
    Parked,
}

impl SessionStoryState {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStoryState::Pending => "pending",
            SessionStoryState::Discussing => "discussing",
            SessionStoryState::Refined => "refined",
            SessionStoryState::Parked => "parked",
        }
    }

    /// Unknown values (a newer version's) read as pending.
    pub fn parse(text: &str) -> SessionStoryState {
        match text {
            "discussing" => SessionStoryState::Discussing,
            "refined" => SessionStoryState::Refined,
            "parked" => SessionStoryState::Parked,
            _ => SessionStoryState::Pending,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionStory {
    pub story_id: String,
    pub state: SessionStoryState,
    /// When its current turn on the projector began (Unix seconds), while focused.
    pub started_at: Option<i64>,
    /// Time spent in earlier turns.
    pub spent_seconds: u64,
    pub parked_reason: Option<String>,
    /// The participant who reads it aloud (see [`super::deal_readers`]); `None` when
    /// nobody is, or that participant left.
    pub reader: Option<String>,
}

impl SessionStory {
    /// Seconds spent on it by `now`, the running turn included.
    pub fn spent_at(&self, now: i64) -> u64 {
        let running = self
            .started_at
            .map_or(0, |start| u64::try_from(now - start).unwrap_or(0));
        self.spent_seconds + running
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub id: String,
    pub name: String,
    /// Left out of the readers' rotation (still votes and takes part).
    pub skips_reading: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PokerRound {
    pub id: String,
    pub story_id: String,
    /// 1 for the first round on a story, 2 for the re-vote…
    pub number: u32,
    /// (participant id, card), by participant id.
    pub votes: Vec<(String, String)>,
    pub revealed: bool,
    pub accepted_estimate: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Decision,
    Note,
    NextStep,
}

impl NoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Decision => "decision",
            NoteKind::Note => "note",
            NoteKind::NextStep => "nextStep",
        }
    }

    pub fn parse(text: &str) -> NoteKind {
        match text {
            "decision" => NoteKind::Decision,
            "nextStep" => NoteKind::NextStep,
            _ => NoteKind::Note,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionNote {
    pub id: String,
    /// `None`: about the session as a whole.
    pub story_id: Option<String>,
    pub kind: NoteKind,
    pub text: String,
    pub at: i64,
    pub author: String,
}

impl Session {
    pub fn is_open(&self) -> bool {
        self.ended_at.is_none()
    }

    pub fn story(&self, story_id: &str) -> Option<&SessionStory> {
        self.stories.iter().find(|s| s.story_id == story_id)
    }

    /// The latest round on a story.
    pub fn current_round(&self, story_id: &str) -> Option<&PokerRound> {
        self.rounds
            .iter()
            .filter(|r| r.story_id == story_id)
            .max_by(|a, b| a.number.cmp(&b.number).then_with(|| a.id.cmp(&b.id)))
    }

    /// Votes of participants still in the session.
    pub fn live_votes<'a>(&'a self, round: &'a PokerRound) -> Vec<(String, String)> {
        round
            .votes
            .iter()
            .filter(|(p, _)| self.participants.iter().any(|x| &x.id == p))
            .cloned()
            .collect()
    }
}

/// How many ended sessions the health trend shows.
pub const HEALTH_TREND_SESSIONS: usize = 5;

/// The ready backlog at the end of the last few sessions that kept it, oldest first, as
/// `(session id, ended at, health)`. `sessions` newest first, as `read_sessions` gives them.
pub fn health_trend(sessions: &[Session]) -> Vec<(String, i64, SessionHealth)> {
    let mut trend: Vec<_> = sessions
        .iter()
        .filter_map(|s| Some((s.id.clone(), s.ended_at?, s.health?)))
        .take(HEALTH_TREND_SESSIONS)
        .collect();
    trend.reverse();
    trend
}
