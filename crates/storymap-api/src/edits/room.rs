//! Refinement-session edits on the wire: starting and ending, the agenda, the room's
//! stories and focus, planning poker. Each family converts to the core's in one total `From`.

use serde::{Deserialize, Serialize};
use storymap_core as core;
use ts_rs::TS;

use crate::session_views::{Deck, SessionNoteKind};

fn note_kind(kind: SessionNoteKind) -> core::session::NoteKind {
    match kind {
        SessionNoteKind::Decision => core::session::NoteKind::Decision,
        SessionNoteKind::Note => core::session::NoteKind::Note,
        SessionNoteKind::NextStep => core::session::NoteKind::NextStep,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum SessionEdit {
    /// Refused while another session is open. `storyIds: null` picks the top
    /// `storyCount` (10) not-ready stories in backlog order; 90 minutes, 5 per story.
    StartSession {
        story_ids: Option<Vec<String>>,
        story_count: Option<u32>,
        length_minutes: Option<u32>,
        timebox_minutes: Option<u32>,
        deck: Option<Deck>,
        /// Who is in the room, in the readers' rotation order; `null`: nobody yet.
        participants: Option<Vec<String>>,
    },
    /// A decision, note or next step, about a story of the session or (`null`) the
    /// session; allowed after the session ended too.
    AddSessionNote {
        session_id: String,
        story_id: Option<String>,
        note_kind: SessionNoteKind,
        text: String,
    },
    EndSession {
        session_id: String,
    },
}

impl From<SessionEdit> for core::SessionEdit {
    fn from(edit: SessionEdit) -> Self {
        match edit {
            SessionEdit::StartSession {
                story_ids,
                story_count,
                length_minutes,
                timebox_minutes,
                deck,
                participants,
            } => core::SessionEdit::Start(core::SessionStart {
                story_ids,
                story_count,
                length_minutes,
                timebox_minutes,
                deck: deck.map(Into::into),
                participants: participants.unwrap_or_default(),
            }),
            SessionEdit::AddSessionNote {
                session_id,
                story_id,
                note_kind: kind,
                text,
            } => core::SessionEdit::AddNote {
                session_id,
                story_id,
                kind: note_kind(kind),
                text,
            },
            SessionEdit::EndSession { session_id } => core::SessionEdit::End {
                session_id,
                health: None,
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
pub enum AgendaEdit {
    AddAgendaItem {
        session_id: String,
        title: String,
        start_minute: u32,
        end_minute: u32,
    },
    RenameAgendaItem {
        session_id: String,
        item_id: String,
        title: String,
    },
    RetimeAgendaItem {
        session_id: String,
        item_id: String,
        start_minute: u32,
        end_minute: u32,
    },
    DeleteAgendaItem {
        session_id: String,
        item_id: String,
    },
    MoveAgendaItem {
        session_id: String,
        item_id: String,
        to_index: u32,
    },
}

impl From<AgendaEdit> for core::AgendaEdit {
    fn from(edit: AgendaEdit) -> Self {
        match edit {
            AgendaEdit::AddAgendaItem {
                session_id,
                title,
                start_minute,
                end_minute,
            } => core::AgendaEdit::AddAgendaItem {
                session_id,
                title,
                start_minute,
                end_minute,
            },
            AgendaEdit::RenameAgendaItem {
                session_id,
                item_id,
                title,
            } => core::AgendaEdit::RenameAgendaItem {
                session_id,
                item_id,
                title,
            },
            AgendaEdit::RetimeAgendaItem {
                session_id,
                item_id,
                start_minute,
                end_minute,
            } => core::AgendaEdit::RetimeAgendaItem {
                session_id,
                item_id,
                start_minute,
                end_minute,
            },
            AgendaEdit::DeleteAgendaItem {
                session_id,
                item_id,
            } => core::AgendaEdit::DeleteAgendaItem {
                session_id,
                item_id,
            },
            AgendaEdit::MoveAgendaItem {
                session_id,
                item_id,
                to_index,
            } => core::AgendaEdit::MoveAgendaItem {
                session_id,
                item_id,
                to_index: to_index as usize,
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
pub enum RoomEdit {
    AddSessionStory {
        session_id: String,
        story_id: String,
    },
    RemoveSessionStory {
        session_id: String,
        story_id: String,
    },
    MoveSessionStory {
        session_id: String,
        story_id: String,
        to_index: u32,
    },
    /// Puts a story on the projector and starts its clock; `null` clears the focus.
    FocusSessionStory {
        session_id: String,
        story_id: Option<String>,
    },
    SetSessionTimebox {
        session_id: String,
        minutes: u32,
    },
    MarkSessionStoryRefined {
        session_id: String,
        story_id: String,
    },
    /// Parks the story with a reason (also on the story's `parkedReason`).
    ParkSessionStory {
        session_id: String,
        story_id: String,
        reason: String,
    },
}

impl From<RoomEdit> for core::RoomEdit {
    fn from(edit: RoomEdit) -> Self {
        match edit {
            RoomEdit::AddSessionStory {
                session_id,
                story_id,
            } => core::RoomEdit::AddStory {
                session_id,
                story_id,
            },
            RoomEdit::RemoveSessionStory {
                session_id,
                story_id,
            } => core::RoomEdit::RemoveStory {
                session_id,
                story_id,
            },
            RoomEdit::MoveSessionStory {
                session_id,
                story_id,
                to_index,
            } => core::RoomEdit::MoveStory {
                session_id,
                story_id,
                to_index: to_index as usize,
            },
            RoomEdit::FocusSessionStory {
                session_id,
                story_id,
            } => core::RoomEdit::Focus {
                session_id,
                story_id,
            },
            RoomEdit::SetSessionTimebox {
                session_id,
                minutes,
            } => core::RoomEdit::SetTimebox {
                session_id,
                minutes,
            },
            RoomEdit::MarkSessionStoryRefined {
                session_id,
                story_id,
            } => core::RoomEdit::MarkRefined {
                session_id,
                story_id,
            },
            RoomEdit::ParkSessionStory {
                session_id,
                story_id,
                reason,
            } => core::RoomEdit::Park {
                session_id,
                story_id,
                reason,
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
pub enum PokerEdit {
    AddParticipant {
        session_id: String,
        name: String,
    },
    RemoveParticipant {
        session_id: String,
        participant_id: String,
    },
    SetSessionDeck {
        session_id: String,
        deck: Deck,
    },
    /// A poker round on a story of the session (the previous one must be revealed).
    NewPokerRound {
        session_id: String,
        story_id: String,
    },
    /// A hidden vote: a card of the session's deck ("coffee" is read as ☕).
    CastVote {
        session_id: String,
        round_id: String,
        participant_id: String,
        value: String,
    },
    RevealVotes {
        session_id: String,
        round_id: String,
    },
    /// Writes the estimate to the story (like `setEstimate`) and records it on the round.
    AcceptEstimate {
        session_id: String,
        round_id: String,
        estimate: String,
    },
}

impl From<PokerEdit> for core::PokerEdit {
    fn from(edit: PokerEdit) -> Self {
        match edit {
            PokerEdit::AddParticipant { session_id, name } => {
                core::PokerEdit::AddParticipant { session_id, name }
            }
            PokerEdit::RemoveParticipant {
                session_id,
                participant_id,
            } => core::PokerEdit::RemoveParticipant {
                session_id,
                participant_id,
            },
            PokerEdit::SetSessionDeck { session_id, deck } => core::PokerEdit::SetDeck {
                session_id,
                deck: deck.into(),
            },
            PokerEdit::NewPokerRound {
                session_id,
                story_id,
            } => core::PokerEdit::NewRound {
                session_id,
                story_id,
            },
            PokerEdit::CastVote {
                session_id,
                round_id,
                participant_id,
                value,
            } => core::PokerEdit::CastVote {
                session_id,
                round_id,
                participant_id,
                value,
            },
            PokerEdit::RevealVotes {
                session_id,
                round_id,
            } => core::PokerEdit::Reveal {
                session_id,
                round_id,
            },
            PokerEdit::AcceptEstimate {
                session_id,
                round_id,
                estimate,
            } => core::PokerEdit::AcceptEstimate {
                session_id,
                round_id,
                estimate,
            },
        }
    }
}
