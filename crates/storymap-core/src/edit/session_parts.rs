//! Helpers the session families (room, agenda, poker, the session itself) share: finding
//! a live session and its items, new items, the focus clock.

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ReadDoc, ScalarValue, ROOT};

use super::ranks::{end_rank, siblings_in};
use super::shared::{ensure_map, live, story_title};
use crate::history::{Entity, Recorder};
use crate::read::{int_field, is_deleted, map_field, str_field};
use crate::read_fields::item_in_all;
use crate::schema::*;
use crate::session::SessionStoryState;
use crate::{CoreError, Rank};

pub(crate) fn invalid(message: impl Into<String>) -> CoreError {
    CoreError::InvalidInput(message.into())
}

/// A live session; `open` also refuses an ended one.
pub(crate) fn session(
    rec: &Recorder<'_, '_>,
    session_id: &str,
    open: bool,
) -> Result<ObjId, CoreError> {
    let obj = item_in_all(rec.tx, &ROOT, SESSIONS, session_id)
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

pub(crate) fn in_range(what: &str, value: u32, max: u32) -> Result<u32, CoreError> {
    if value == 0 || value > max {
        return Err(invalid(format!(
            "the {what} must be 1 to {max} minutes (got {value})"
        )));
    }
    Ok(value)
}

pub(crate) fn story_entity(session_id: &str, story_id: &str) -> Entity {
    Entity::SessionItem(session_id.to_owned(), SESSION_STORIES, story_id.to_owned())
}

/// Ends the focused story's turn: its time is added up and its clock stopped.
pub(crate) fn stop_clock(
    rec: &mut Recorder<'_, '_>,
    (session_id, obj): (&str, &ObjId),
    time: i64,
) -> Result<(), CoreError> {
    let Some(focus) = str_field(rec.tx, obj, FOCUS) else {
        return Ok(());
    };
    let Ok(entry) = item(rec, obj, SESSION_STORIES, "story", &focus) else {
        return Ok(());
    };
    if let Some(started) = int_field(rec.tx, &entry, STARTED_AT) {
        let spent = int_field(rec.tx, &entry, SPENT_SECONDS).unwrap_or(0).max(0) as u64;
        let turn = u64::try_from(time - started).unwrap_or(0);
        let entity = story_entity(session_id, &focus);
        rec.set(&entity, SPENT_SECONDS, uint(spent + turn))?;
        rec.set(&entity, STARTED_AT, None)?;
    }
    Ok(())
}

/// Stops the clock and clears the focus when `story_id` is the story in focus.
pub(crate) fn leave_focus(
    rec: &mut Recorder<'_, '_>,
    at: (&str, &ObjId),
    story_id: &str,
    time: i64,
) -> Result<(), CoreError> {
    if str_field(rec.tx, at.1, FOCUS).as_deref() == Some(story_id) {
        stop_clock(rec, at, time)?;
        rec.set(&Entity::Session(at.0.to_owned()), FOCUS, None)?;
    }
    Ok(())
}

pub(crate) fn add_story(
    rec: &mut Recorder<'_, '_>,
    (session_id, obj): (&str, &ObjId),
    story_id: &str,
) -> Result<(), CoreError> {
    live(rec.tx, STORIES, "story", story_id)?;
    if item(rec, obj, SESSION_STORIES, "story", story_id).is_ok() {
        return Err(invalid(format!(
            "'{}' is already in the session",
            story_title(rec.tx, story_id)
        )));
    }
    let rank = rank_at_end(rec, obj, SESSION_STORIES).as_string();
    let entity = story_entity(session_id, story_id);
    let removed =
        map_field(rec.tx, obj, SESSION_STORIES).and_then(|c| map_field(rec.tx, &c, story_id));
    if removed.is_some() {
        // Brought back: the earlier turn's time and state stay with it.
        rec.set(&entity, DELETED, None)?;
        rec.set(&entity, RANK, text(&rank))?;
        return Ok(());
    }
    let entry = new_item(rec, (session_id, obj), SESSION_STORIES, story_id)?;
    rec.tx.put(&entry, RANK, rank)?;
    rec.tx
        .put(&entry, STATE, SessionStoryState::Pending.as_str())?;
    rec.tx.put(&entry, SPENT_SECONDS, 0_u64)?;
    Ok(())
}
