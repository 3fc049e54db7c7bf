//! The session `MapEdit`s into the core's `SessionEdit`.

use storymap_core::session as core;
use storymap_core::{AgendaEdit, Edit, PokerEdit, RoomEdit, SessionEdit, SessionStart};

use crate::dto::MapEdit;
use crate::session_views::SessionNoteKind;

fn note_kind(kind: SessionNoteKind) -> core::NoteKind {
    match kind {
        SessionNoteKind::Decision => core::NoteKind::Decision,
        SessionNoteKind::Note => core::NoteKind::Note,
        SessionNoteKind::NextStep => core::NoteKind::NextStep,
    }
}

/// The session edits; the others come back as they are.
pub(crate) fn session_edit(edit: MapEdit) -> Result<Edit, Box<MapEdit>> {
    let index = |i: u32| i as usize;
    Ok(match edit {
        MapEdit::StartSession {
            story_ids,
            story_count,
            length_minutes,
            timebox_minutes,
            deck,
        } => SessionEdit::Start(SessionStart {
            story_ids,
            story_count,
            length_minutes,
            timebox_minutes,
            deck: deck.map(Into::into),
        })
        .into(),
        MapEdit::AddAgendaItem {
            session_id,
            title,
            start_minute,
            end_minute,
        } => AgendaEdit::AddAgendaItem {
            session_id,
            title,
            start_minute,
            end_minute,
        }
        .into(),
        MapEdit::RenameAgendaItem {
            session_id,
            item_id,
            title,
        } => AgendaEdit::RenameAgendaItem {
            session_id,
            item_id,
            title,
        }
        .into(),
        MapEdit::RetimeAgendaItem {
            session_id,
            item_id,
            start_minute,
            end_minute,
        } => AgendaEdit::RetimeAgendaItem {
            session_id,
            item_id,
            start_minute,
            end_minute,
        }
        .into(),
        MapEdit::DeleteAgendaItem {
            session_id,
            item_id,
        } => AgendaEdit::DeleteAgendaItem {
            session_id,
            item_id,
        }
        .into(),
        MapEdit::MoveAgendaItem {
            session_id,
            item_id,
            to_index,
        } => AgendaEdit::MoveAgendaItem {
            session_id,
            item_id,
            to_index: index(to_index),
        }
        .into(),
        MapEdit::AddSessionStory {
            session_id,
            story_id,
        } => RoomEdit::AddStory {
            session_id,
            story_id,
        }
        .into(),
        MapEdit::RemoveSessionStory {
            session_id,
            story_id,
        } => RoomEdit::RemoveStory {
            session_id,
            story_id,
        }
        .into(),
        MapEdit::MoveSessionStory {
            session_id,
            story_id,
            to_index,
        } => RoomEdit::MoveStory {
            session_id,
            story_id,
            to_index: index(to_index),
        }
        .into(),
        MapEdit::FocusSessionStory {
            session_id,
            story_id,
        } => RoomEdit::Focus {
            session_id,
            story_id,
        }
        .into(),
        MapEdit::SetSessionTimebox {
            session_id,
            minutes,
        } => RoomEdit::SetTimebox {
            session_id,
            minutes,
        }
        .into(),
        MapEdit::MarkSessionStoryRefined {
            session_id,
            story_id,
        } => RoomEdit::MarkRefined {
            session_id,
            story_id,
        }
        .into(),
        MapEdit::ParkSessionStory {
            session_id,
            story_id,
            reason,
        } => RoomEdit::Park {
            session_id,
            story_id,
            reason,
        }
        .into(),
        MapEdit::AddSessionNote {
            session_id,
            story_id,
            note_kind: kind,
            text,
        } => SessionEdit::AddNote {
            session_id,
            story_id,
            kind: note_kind(kind),
            text,
        }
        .into(),
        MapEdit::AddParticipant { session_id, name } => {
            PokerEdit::AddParticipant { session_id, name }.into()
        }
        MapEdit::RemoveParticipant {
            session_id,
            participant_id,
        } => PokerEdit::RemoveParticipant {
            session_id,
            participant_id,
        }
        .into(),
        MapEdit::SetSessionDeck { session_id, deck } => PokerEdit::SetDeck {
            session_id,
            deck: deck.into(),
        }
        .into(),
        MapEdit::NewPokerRound {
            session_id,
            story_id,
        } => PokerEdit::NewRound {
            session_id,
            story_id,
        }
        .into(),
        MapEdit::CastVote {
            session_id,
            round_id,
            participant_id,
            value,
        } => PokerEdit::CastVote {
            session_id,
            round_id,
            participant_id,
            value,
        }
        .into(),
        MapEdit::RevealVotes {
            session_id,
            round_id,
        } => PokerEdit::Reveal {
            session_id,
            round_id,
        }
        .into(),
        MapEdit::AcceptEstimate {
            session_id,
            round_id,
            estimate,
        } => PokerEdit::AcceptEstimate {
            session_id,
            round_id,
            estimate,
        }
        .into(),
        MapEdit::EndSession { session_id } => SessionEdit::End { session_id }.into(),
        other => return Err(Box::new(other)),
    })
}
