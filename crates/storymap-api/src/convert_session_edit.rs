//! The session `MapEdit`s into the core's `SessionEdit`.

use storymap_core::session::{self as core, SessionEdit, SessionStart};

use crate::dto::MapEdit;
use crate::session_views::SessionNoteKind;

fn note_kind(kind: SessionNoteKind) -> core::NoteKind {
    match kind {
        SessionNoteKind::Decision => core::NoteKind::Decision,
        SessionNoteKind::Note => core::NoteKind::Note,
        SessionNoteKind::NextStep => core::NoteKind::NextStep,
    }
}

/// The session edits; the others come back as they are. `author` is the facilitator of a
/// new session and the author of a note.
pub(crate) fn session_edit(edit: MapEdit, author: &str) -> Result<SessionEdit, Box<MapEdit>> {
    use SessionEdit as S;
    let index = |i: u32| i as usize;
    Ok(match edit {
        MapEdit::StartSession {
            story_ids,
            story_count,
            length_minutes,
            timebox_minutes,
            deck,
        } => S::Start(SessionStart {
            story_ids,
            story_count,
            length_minutes,
            timebox_minutes,
            facilitator: author.to_owned(),
            deck: deck.map(Into::into),
        }),
        MapEdit::AddAgendaItem {
            session_id,
            title,
            start_minute,
            end_minute,
        } => S::AddAgendaItem {
            session_id,
            title,
            start_minute,
            end_minute,
        },
        MapEdit::RenameAgendaItem {
            session_id,
            item_id,
            title,
        } => S::RenameAgendaItem {
            session_id,
            item_id,
            title,
        },
        MapEdit::RetimeAgendaItem {
            session_id,
            item_id,
            start_minute,
            end_minute,
        } => S::RetimeAgendaItem {
            session_id,
            item_id,
            start_minute,
            end_minute,
        },
        MapEdit::DeleteAgendaItem {
            session_id,
            item_id,
        } => S::DeleteAgendaItem {
            session_id,
            item_id,
        },
        MapEdit::MoveAgendaItem {
            session_id,
            item_id,
            to_index,
        } => S::MoveAgendaItem {
            session_id,
            item_id,
            to_index: index(to_index),
        },
        MapEdit::AddSessionStory {
            session_id,
            story_id,
        } => S::AddStory {
            session_id,
            story_id,
        },
        MapEdit::RemoveSessionStory {
            session_id,
            story_id,
        } => S::RemoveStory {
            session_id,
            story_id,
        },
        MapEdit::MoveSessionStory {
            session_id,
            story_id,
            to_index,
        } => S::MoveStory {
            session_id,
            story_id,
            to_index: index(to_index),
        },
        MapEdit::FocusSessionStory {
            session_id,
            story_id,
        } => S::Focus {
            session_id,
            story_id,
        },
        MapEdit::SetSessionTimebox {
            session_id,
            minutes,
        } => S::SetTimebox {
            session_id,
            minutes,
        },
        MapEdit::MarkSessionStoryRefined {
            session_id,
            story_id,
        } => S::MarkRefined {
            session_id,
            story_id,
        },
        MapEdit::ParkSessionStory {
            session_id,
            story_id,
            reason,
        } => S::Park {
            session_id,
            story_id,
            reason,
        },
        MapEdit::AddSessionNote {
            session_id,
            story_id,
            note_kind: kind,
            text,
        } => S::AddNote {
            session_id,
            story_id,
            kind: note_kind(kind),
            text,
            author: author.to_owned(),
        },
        MapEdit::AddParticipant { session_id, name } => S::AddParticipant { session_id, name },
        MapEdit::RemoveParticipant {
            session_id,
            participant_id,
        } => S::RemoveParticipant {
            session_id,
            participant_id,
        },
        MapEdit::SetSessionDeck { session_id, deck } => S::SetDeck {
            session_id,
            deck: deck.into(),
        },
        MapEdit::NewPokerRound {
            session_id,
            story_id,
        } => S::NewRound {
            session_id,
            story_id,
        },
        MapEdit::CastVote {
            session_id,
            round_id,
            participant_id,
            value,
        } => S::CastVote {
            session_id,
            round_id,
            participant_id,
            value,
        },
        MapEdit::RevealVotes {
            session_id,
            round_id,
        } => S::Reveal {
            session_id,
            round_id,
        },
        MapEdit::AcceptEstimate {
            session_id,
            round_id,
            estimate,
        } => S::AcceptEstimate {
            session_id,
            round_id,
            estimate,
        },
        MapEdit::EndSession { session_id } => S::End { session_id },
        other => return Err(Box::new(other)),
    })
}
