//! Refinement sessions "in the room": the agenda, the stories with their timeboxes,
//! planning poker, the decisions log, and the summary and stakeholder update made from a
//! session and the map's history. Stored in the map document (root `sessions`), so a
//! session syncs and can be reviewed later.

mod agenda;
mod deck;
mod model;
mod pick;
mod poker;
mod read;
mod readers;
mod report;
mod update;

pub use agenda::default_agenda;
pub use deck::{Deck, COFFEE_CARD, UNKNOWN_CARD};
pub use model::{
    health_trend, AgendaItem, NoteKind, Participant, PokerRound, Session, SessionHealth,
    SessionNote, SessionStory, SessionStoryState, HEALTH_TREND_SESSIONS,
};
pub use pick::{default_session_stories, DEFAULT_SESSION_STORIES};
pub use poker::{poker_stats, PokerStats};
pub use readers::deal_readers;
pub use report::{
    session_report, CriteriaAdded, EstimateChange, Outcome, ReportNote, ReportStory, SessionReport,
    Split,
};
pub use update::{stakeholder_update, Format};

pub(crate) use read::{read_health_trend, read_one, read_session, read_sessions};
