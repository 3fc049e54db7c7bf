//! The edits of a refinement session, each one recorded transaction like any other edit,
//! so it persists, syncs and undoes. The room's bookkeeping is in `edit_room`, planning
//! poker in `edit_poker`; shared helpers live here.

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ReadDoc, ScalarValue, ROOT};

use super::deck::Deck;
use super::model::NoteKind;
use crate::edit::{end_rank, siblings_in};
use crate::history::{Entity, Recorder};
use crate::read::{is_deleted, map_field, str_field};
use crate::schema::*;
use crate::{CoreError, Rank};

/// What starting a session takes; `None` picks the default.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionStart {
    /// The stories to refine, in order; `None`: the top not-ready stories in backlog order.
    pub story_ids: Option<Vec<String>>,
    /// How many stories the default pick takes (10).
    pub story_count: Option<u32>,
    /// 90 by default.
    pub length_minutes: Option<u32>,
    /// Minutes per story, 5 by default.
    pub timebox_minutes: Option<u32>,
    pub facilitator: String,
    pub deck: Option<Deck>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SessionEdit {
    /// Refused while another session is open.
    Start(SessionStart),
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
        to_index: usize,
    },
    AddStory {
        session_id: String,
        story_id: String,
    },
    RemoveStory {
        session_id: String,
        story_id: String,
    },
    MoveStory {
        session_id: String,
        story_id: String,
        to_index: usize,
    },
    /// Puts a story on the projector and starts its clock; the previous one's turn is
    /// added to its time. `None` stops the clock with nothing in focus.
    Focus {
        session_id: String,
        story_id: Option<String>,
    },
    SetTimebox {
        session_id: String,
        minutes: u32,
    },
    MarkRefined {
        session_id: String,
        story_id: String,
    },
    /// Parks the story with a reason, in the session and on the story itself.
    Park {
        session_id: String,
        story_id: String,
        reason: String,
    },
    /// Allowed after the session ended too (follow-ups).
    AddNote {
        session_id: String,
        story_id: Option<String>,
        kind: NoteKind,
        text: String,
        author: String,
    },
    AddParticipant {
        session_id: String,
        name: String,
    },
    RemoveParticipant {
        session_id: String,
        participant_id: String,
    },
    SetDeck {
        session_id: String,
        deck: Deck,
    },
    /// A poker round on a story of the session; the previous one must be revealed.
    NewRound {
        session_id: String,
        story_id: String,
    },
    /// A hidden vote; refused after the reveal and for a card off the deck.
    CastVote {
        session_id: String,
        round_id: String,
        participant_id: String,
        value: String,
    },
    Reveal {
        session_id: String,
        round_id: String,
    },
    /// Writes the estimate to the story (as `SetEstimate` does) and records it on the round.
    AcceptEstimate {
        session_id: String,
        round_id: String,
        estimate: String,
    },
    End {
        session_id: String,
    },
}

pub(crate) fn invalid(message: impl Into<String>) -> CoreError {
    CoreError::InvalidInput(message.into())
}

/// A live session; `open` also refuses an ended one.
pub(crate) fn session(
    rec: &Recorder<'_, '_>,
    session_id: &str,
    open: bool,
) -> Result<ObjId, CoreError> {
    let obj = map_field(rec.tx, &ROOT, SESSIONS)
        .and_then(|s| map_field(rec.tx, &s, session_id))
        .filter(|obj| !is_deleted(rec.tx, obj))
        .ok_or_else(|| CoreError::not_found("session", session_id))?;
    if open && rec.tx.get(&obj, ENDED_AT)?.is_some() {
        return Err(invalid("the session has ended"));
    }
    Ok(obj)
}

/// A live item of a session's map (`agenda`, `stories`…).
pub(crate) fn item(
    rec: &Recorder<'_, '_>,
    session: &ObjId,
    key: &str,
    kind: &'static str,
    id: &str,
) -> Result<ObjId, CoreError> {
    map_field(rec.tx, session, key)
        .and_then(|c| map_field(rec.tx, &c, id))
        .filter(|obj| !is_deleted(rec.tx, obj))
        .ok_or_else(|| match kind {
            "story" => invalid(format!("story {id} is not in this session")),
            "participant" => invalid(format!("no participant {id} in this session")),
            _ => CoreError::not_found(kind, id),
        })
}

/// A map inside `parent`, created when missing (an empty map needs no undo).
pub(crate) fn ensure_map(
    rec: &mut Recorder<'_, '_>,
    parent: &ObjId,
    key: &str,
) -> Result<ObjId, CoreError> {
    match map_field(rec.tx, parent, key) {
        Some(obj) => Ok(obj),
        None => Ok(rec.tx.put_object(parent, key, ObjType::Map)?),
    }
}

/// A new item of a session's map, recorded as created (undo flags it deleted).
pub(crate) fn new_item(
    rec: &mut Recorder<'_, '_>,
    (session_id, session): (&str, &ObjId),
    key: &'static str,
    id: &str,
) -> Result<ObjId, CoreError> {
    let container = ensure_map(rec, session, key)?;
    let obj = rec.tx.put_object(&container, id, ObjType::Map)?;
    rec.created(Entity::SessionItem(
        session_id.to_owned(),
        key,
        id.to_owned(),
    ));
    Ok(obj)
}

/// The rank after the last live item of a session's map.
pub(crate) fn rank_at_end(rec: &Recorder<'_, '_>, session: &ObjId, key: &str) -> Rank {
    end_rank(&siblings_in(rec.tx, session, key, |_| true))
}

pub(crate) fn int(value: i64) -> Option<ScalarValue> {
    Some(ScalarValue::Int(value))
}

pub(crate) fn uint(value: u64) -> Option<ScalarValue> {
    Some(ScalarValue::Uint(value))
}

pub(crate) fn text(value: &str) -> Option<ScalarValue> {
    Some(ScalarValue::Str(value.into()))
}

pub(crate) fn story_title(rec: &Recorder<'_, '_>, story_id: &str) -> String {
    map_field(rec.tx, &ROOT, STORIES)
        .and_then(|s| map_field(rec.tx, &s, story_id))
        .and_then(|s| str_field(rec.tx, &s, TITLE))
        .unwrap_or_else(|| story_id.to_owned())
}

/// Text a person typed: trimmed, not empty, not overlong.
pub(crate) fn required(what: &str, value: &str, max: usize) -> Result<String, CoreError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(invalid(format!("the {what} is empty")));
    }
    if value.chars().count() > max {
        return Err(invalid(format!(
            "the {what} is longer than {max} characters"
        )));
    }
    Ok(value.to_owned())
}

/// Applies a session edit; returns its label and the id of what it created.
pub(crate) fn apply(
    rec: &mut Recorder<'_, '_>,
    edit: &SessionEdit,
    new_id: &str,
    time: i64,
) -> Result<(String, Option<String>), CoreError> {
    use SessionEdit as S;
    match edit {
        S::NewRound { .. }
        | S::CastVote { .. }
        | S::Reveal { .. }
        | S::AcceptEstimate { .. }
        | S::AddParticipant { .. }
        | S::RemoveParticipant { .. }
        | S::SetDeck { .. } => super::edit_poker::apply(rec, edit, new_id, time),
        _ => super::edit_room::apply(rec, edit, new_id, time),
    }
}
