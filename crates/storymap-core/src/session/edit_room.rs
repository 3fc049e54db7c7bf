//! The room's bookkeeping: starting and ending a session, its agenda, its stories with
//! their timeboxes (focus, refined, parked) and the decisions log.

use automerge::transaction::Transactable;
use automerge::ObjId;

use super::edit::{
    int, invalid, item, new_item, rank_at_end, required, session, story_title, text, uint,
    SessionEdit,
};
use super::model::SessionStoryState;
use crate::edit::{clean_title, live, place, siblings_in, without};
use crate::history::{Entity, Recorder};
use crate::read::{int_field, str_field};
use crate::schema::*;
use crate::CoreError;

fn check_minutes(start: u32, end: u32) -> Result<(), CoreError> {
    if start >= end || end > 24 * 60 {
        return Err(invalid(format!(
            "an agenda item runs from its start minute to a later end minute within a day (got {start}–{end})"
        )));
    }
    Ok(())
}

pub(crate) fn in_range(what: &str, value: u32, max: u32) -> Result<u32, CoreError> {
    if value == 0 || value > max {
        return Err(invalid(format!(
            "the {what} must be 1 to {max} minutes (got {value})"
        )));
    }
    Ok(value)
}

fn story_entity(session_id: &str, story_id: &str) -> Entity {
    Entity::SessionItem(session_id.to_owned(), SESSION_STORIES, story_id.to_owned())
}

/// Ends the focused story's turn: its time is added up and its clock stopped.
fn stop_clock(
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
fn leave_focus(
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

fn add_story(
    rec: &mut Recorder<'_, '_>,
    (session_id, obj): (&str, &ObjId),
    story_id: &str,
) -> Result<(), CoreError> {
    live(rec.tx, STORIES, "story", story_id)?;
    if item(rec, obj, SESSION_STORIES, "story", story_id).is_ok() {
        return Err(invalid(format!(
            "'{}' is already in the session",
            story_title(rec, story_id)
        )));
    }
    let rank = rank_at_end(rec, obj, SESSION_STORIES).as_string();
    let entity = story_entity(session_id, story_id);
    let removed = crate::read::map_field(rec.tx, obj, SESSION_STORIES)
        .and_then(|c| crate::read::map_field(rec.tx, &c, story_id));
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

pub(crate) fn apply(
    rec: &mut Recorder<'_, '_>,
    edit: &SessionEdit,
    new_id: &str,
    time: i64,
) -> Result<(String, Option<String>), CoreError> {
    use SessionEdit as S;
    let agenda_entity =
        |s: &str, id: &str| Entity::SessionItem(s.to_owned(), AGENDA, id.to_owned());
    let label = match edit {
        S::Start(spec) => return super::start::start(rec, spec, new_id, time),
        S::AddAgendaItem {
            session_id,
            title,
            start_minute,
            end_minute,
        } => {
            let obj = session(rec, session_id, true)?;
            let title = clean_title("agenda item", title)?;
            check_minutes(*start_minute, *end_minute)?;
            let rank = rank_at_end(rec, &obj, AGENDA).as_string();
            let entry = new_item(rec, (session_id, &obj), AGENDA, new_id)?;
            let tx = &mut *rec.tx;
            tx.put(&entry, TITLE, title.as_str())?;
            tx.put(&entry, START_MINUTE, u64::from(*start_minute))?;
            tx.put(&entry, END_MINUTE, u64::from(*end_minute))?;
            tx.put(&entry, RANK, rank)?;
            return Ok((
                format!("Add '{title}' to the agenda"),
                Some(new_id.to_owned()),
            ));
        }
        S::RenameAgendaItem {
            session_id,
            item_id,
            title,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, AGENDA, "agenda item", item_id)?;
            let title = clean_title("agenda item", title)?;
            rec.set(&agenda_entity(session_id, item_id), TITLE, text(&title))?;
            format!("Rename an agenda item to '{title}'")
        }
        S::RetimeAgendaItem {
            session_id,
            item_id,
            start_minute,
            end_minute,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, AGENDA, "agenda item", item_id)?;
            check_minutes(*start_minute, *end_minute)?;
            let entity = agenda_entity(session_id, item_id);
            rec.set(&entity, START_MINUTE, uint(u64::from(*start_minute)))?;
            rec.set(&entity, END_MINUTE, uint(u64::from(*end_minute)))?;
            format!("Retime an agenda item to {start_minute}–{end_minute} min")
        }
        S::DeleteAgendaItem {
            session_id,
            item_id,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, AGENDA, "agenda item", item_id)?;
            rec.delete(&agenda_entity(session_id, item_id))?;
            "Remove an agenda item".to_owned()
        }
        S::MoveAgendaItem {
            session_id,
            item_id,
            to_index,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, AGENDA, "agenda item", item_id)?;
            let others = without(siblings_in(rec.tx, &obj, AGENDA, |_| true), item_id);
            let of = |id: String| Entity::SessionItem(session_id.clone(), AGENDA, id);
            place(
                rec,
                &others,
                *to_index,
                agenda_entity(session_id, item_id),
                of,
            )?;
            "Reorder the agenda".to_owned()
        }
        S::AddStory {
            session_id,
            story_id,
        } => {
            let obj = session(rec, session_id, true)?;
            add_story(rec, (session_id, &obj), story_id)?;
            format!("Add '{}' to the session", story_title(rec, story_id))
        }
        S::RemoveStory {
            session_id,
            story_id,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, SESSION_STORIES, "story", story_id)?;
            leave_focus(rec, (session_id, &obj), story_id, time)?;
            rec.delete(&story_entity(session_id, story_id))?;
            format!("Take '{}' out of the session", story_title(rec, story_id))
        }
        S::MoveStory {
            session_id,
            story_id,
            to_index,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, SESSION_STORIES, "story", story_id)?;
            let others = without(
                siblings_in(rec.tx, &obj, SESSION_STORIES, |_| true),
                story_id,
            );
            let of = |id: String| Entity::SessionItem(session_id.clone(), SESSION_STORIES, id);
            place(
                rec,
                &others,
                *to_index,
                story_entity(session_id, story_id),
                of,
            )?;
            "Reorder the session's stories".to_owned()
        }
        S::Focus {
            session_id,
            story_id,
        } => {
            let obj = session(rec, session_id, true)?;
            let entry = match story_id {
                Some(id) => Some(item(rec, &obj, SESSION_STORIES, "story", id)?),
                None => None,
            };
            stop_clock(rec, (session_id, &obj), time)?;
            let session_entity = Entity::Session(session_id.clone());
            match (story_id, entry) {
                (Some(id), Some(entry)) => {
                    rec.set(&session_entity, FOCUS, text(id))?;
                    let entity = story_entity(session_id, id);
                    rec.set(&entity, STARTED_AT, int(time))?;
                    let state = str_field(rec.tx, &entry, STATE).unwrap_or_default();
                    if SessionStoryState::parse(&state) == SessionStoryState::Pending {
                        rec.set(&entity, STATE, text(SessionStoryState::Discussing.as_str()))?;
                    }
                    format!("Focus on '{}'", story_title(rec, id))
                }
                _ => {
                    rec.set(&session_entity, FOCUS, None)?;
                    "Clear the focus".to_owned()
                }
            }
        }
        S::SetTimebox {
            session_id,
            minutes,
        } => {
            session(rec, session_id, true)?;
            let minutes = in_range("timebox", *minutes, 120)?;
            let entity = Entity::Session(session_id.clone());
            rec.set(&entity, TIMEBOX_MINUTES, uint(u64::from(minutes)))?;
            format!("Timebox each story to {minutes} min")
        }
        S::MarkRefined {
            session_id,
            story_id,
        } => {
            let obj = session(rec, session_id, true)?;
            let entry = item(rec, &obj, SESSION_STORIES, "story", story_id)?;
            let was =
                SessionStoryState::parse(&str_field(rec.tx, &entry, STATE).unwrap_or_default());
            leave_focus(rec, (session_id, &obj), story_id, time)?;
            let entity = story_entity(session_id, story_id);
            rec.set(&entity, STATE, text(SessionStoryState::Refined.as_str()))?;
            if was == SessionStoryState::Parked {
                rec.set(&entity, PARKED_REASON, None)?;
                if live(rec.tx, STORIES, "story", story_id).is_ok() {
                    rec.set(&Entity::Story(story_id.clone()), PARKED_REASON, None)?;
                }
            }
            format!("Mark '{}' refined", story_title(rec, story_id))
        }
        S::Park {
            session_id,
            story_id,
            reason,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, SESSION_STORIES, "story", story_id)?;
            live(rec.tx, STORIES, "story", story_id)?;
            let reason = required("parking reason", reason, 2_000)?;
            leave_focus(rec, (session_id, &obj), story_id, time)?;
            let entity = story_entity(session_id, story_id);
            rec.set(&entity, STATE, text(SessionStoryState::Parked.as_str()))?;
            rec.set(&entity, PARKED_REASON, text(&reason))?;
            rec.set(
                &Entity::Story(story_id.clone()),
                PARKED_REASON,
                text(&reason),
            )?;
            format!("Park '{}'", story_title(rec, story_id))
        }
        S::AddNote {
            session_id,
            story_id,
            kind,
            text: note,
            author,
        } => {
            let obj = session(rec, session_id, false)?;
            if let Some(story_id) = story_id {
                item(rec, &obj, SESSION_STORIES, "story", story_id)?;
            }
            let note = required("note", note, 2_000)?;
            let entry = new_item(rec, (session_id, &obj), SESSION_NOTES, new_id)?;
            let tx = &mut *rec.tx;
            if let Some(story_id) = story_id {
                tx.put(&entry, STORY_ID, story_id.as_str())?;
            }
            tx.put(&entry, KIND_KEY, kind.as_str())?;
            tx.put(&entry, TEXT, note.as_str())?;
            tx.put(&entry, AT, time)?;
            tx.put(&entry, AUTHOR, author.trim())?;
            let what = match kind {
                super::NoteKind::Decision => "a decision",
                super::NoteKind::Note => "a note",
                super::NoteKind::NextStep => "a next step",
            };
            return Ok((format!("Log {what}"), Some(new_id.to_owned())));
        }
        S::End { session_id } => {
            let obj = session(rec, session_id, true)?;
            stop_clock(rec, (session_id, &obj), time)?;
            let entity = Entity::Session(session_id.clone());
            rec.set(&entity, FOCUS, None)?;
            rec.set(&entity, ENDED_AT, int(time))?;
            "End the refinement session".to_owned()
        }
        poker => unreachable!("edit_poker applies {poker:?}"),
    };
    Ok((label, None))
}
