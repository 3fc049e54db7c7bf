//! The room's stories in a session: adding and ordering them, the focus and its clock,
//! the timebox, marking refined and parking.

use super::ranks::{place, siblings_in, without};
use super::session_parts::{
    add_story, in_range, int, item, leave_focus, session, stop_clock, story_entity, text, uint,
};
use super::session_readers::deal_again;
use super::shared::{live, required, story_title};
use super::tx::EditTx;
use crate::history::Entity;
use crate::read::str_field;
use crate::schema::*;
use crate::session::SessionStoryState;
use crate::CoreError;

#[derive(Debug, Clone, PartialEq)]
pub enum RoomEdit {
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
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &RoomEdit) -> Result<String, CoreError> {
    let time = rec.time;
    let label = match edit {
        RoomEdit::AddStory {
            session_id,
            story_id,
        } => {
            let obj = session(rec, session_id, true)?;
            add_story(rec, (session_id, &obj), story_id)?;
            deal_again(rec, (session_id, &obj))?;
            format!("Add '{}' to the session", story_title(rec.tx, story_id))
        }
        RoomEdit::RemoveStory {
            session_id,
            story_id,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, SESSION_STORIES, "story", story_id)?;
            leave_focus(rec, (session_id, &obj), story_id, time)?;
            rec.delete(&story_entity(session_id, story_id))?;
            deal_again(rec, (session_id, &obj))?;
            format!(
                "Take '{}' out of the session",
                story_title(rec.tx, story_id)
            )
        }
        RoomEdit::MoveStory {
            session_id,
            story_id,
            to_index,
        } => move_story(rec, session_id, story_id, *to_index)?,
        RoomEdit::Focus {
            session_id,
            story_id,
        } => focus(rec, session_id, story_id.as_deref(), time)?,
        RoomEdit::SetTimebox {
            session_id,
            minutes,
        } => {
            session(rec, session_id, true)?;
            let minutes = in_range("timebox", *minutes, 120)?;
            let entity = Entity::Session(session_id.clone());
            rec.set(&entity, TIMEBOX_MINUTES, uint(u64::from(minutes)))?;
            format!("Timebox each story to {minutes} min")
        }
        RoomEdit::MarkRefined {
            session_id,
            story_id,
        } => mark_refined(rec, session_id, story_id, time)?,
        RoomEdit::Park {
            session_id,
            story_id,
            reason,
        } => park(rec, session_id, story_id, reason, time)?,
    };
    Ok(label)
}

fn move_story(
    rec: &mut EditTx<'_, '_>,
    session_id: &str,
    story_id: &str,
    to_index: usize,
) -> Result<String, CoreError> {
    let obj = session(rec, session_id, true)?;
    item(rec, &obj, SESSION_STORIES, "story", story_id)?;
    let others = without(
        siblings_in(rec.tx, &obj, SESSION_STORIES, |_| true),
        story_id,
    );
    let of = |id: String| Entity::SessionItem(session_id.to_owned(), SESSION_STORIES, id);
    place(
        rec,
        &others,
        to_index,
        story_entity(session_id, story_id),
        of,
    )?;
    Ok("Reorder the session's stories".to_owned())
}

/// Moves the room's focus to a story (starting its clock; a pending story is now discussed),
/// or clears it; the clock of the story that had it stops.
fn focus(
    rec: &mut EditTx<'_, '_>,
    session_id: &str,
    story_id: Option<&str>,
    time: i64,
) -> Result<String, CoreError> {
    let obj = session(rec, session_id, true)?;
    let entry = match story_id {
        Some(id) => Some(item(rec, &obj, SESSION_STORIES, "story", id)?),
        None => None,
    };
    stop_clock(rec, (session_id, &obj), time)?;
    let session_entity = Entity::Session(session_id.to_owned());
    let (Some(id), Some(entry)) = (story_id, entry) else {
        rec.set(&session_entity, FOCUS, None)?;
        return Ok("Clear the focus".to_owned());
    };
    rec.set(&session_entity, FOCUS, text(id))?;
    let entity = story_entity(session_id, id);
    rec.set(&entity, STARTED_AT, int(time))?;
    let state = str_field(rec.tx, &entry, STATE).unwrap_or_default();
    if SessionStoryState::parse(&state) == SessionStoryState::Pending {
        rec.set(&entity, STATE, text(SessionStoryState::Discussing.as_str()))?;
    }
    Ok(format!("Focus on '{}'", story_title(rec.tx, id)))
}

/// Marks a session story refined; a parked one loses its parking reason, here and on the story.
fn mark_refined(
    rec: &mut EditTx<'_, '_>,
    session_id: &str,
    story_id: &str,
    time: i64,
) -> Result<String, CoreError> {
    let obj = session(rec, session_id, true)?;
    let entry = item(rec, &obj, SESSION_STORIES, "story", story_id)?;
    let was = SessionStoryState::parse(&str_field(rec.tx, &entry, STATE).unwrap_or_default());
    leave_focus(rec, (session_id, &obj), story_id, time)?;
    let entity = story_entity(session_id, story_id);
    rec.set(&entity, STATE, text(SessionStoryState::Refined.as_str()))?;
    if was == SessionStoryState::Parked {
        rec.set(&entity, PARKED_REASON, None)?;
        if live(rec.tx, STORIES, "story", story_id).is_ok() {
            rec.set(&Entity::Story(story_id.to_owned()), PARKED_REASON, None)?;
        }
    }
    Ok(format!("Mark '{}' refined", story_title(rec.tx, story_id)))
}

fn park(
    rec: &mut EditTx<'_, '_>,
    session_id: &str,
    story_id: &str,
    reason: &str,
    time: i64,
) -> Result<String, CoreError> {
    let obj = session(rec, session_id, true)?;
    item(rec, &obj, SESSION_STORIES, "story", story_id)?;
    live(rec.tx, STORIES, "story", story_id)?;
    let reason = required("parking reason", reason, 2_000)?;
    leave_focus(rec, (session_id, &obj), story_id, time)?;
    let entity = story_entity(session_id, story_id);
    rec.set(&entity, STATE, text(SessionStoryState::Parked.as_str()))?;
    rec.set(&entity, PARKED_REASON, text(&reason))?;
    rec.set(
        &Entity::Story(story_id.to_owned()),
        PARKED_REASON,
        text(&reason),
    )?;
    Ok(format!("Park '{}'", story_title(rec.tx, story_id)))
}
