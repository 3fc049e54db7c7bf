//! A refinement session's life: starting one (its default agenda and stories), the
//! decisions log, and ending it.

use automerge::transaction::Transactable;
use automerge::{ObjType, ReadDoc, ScalarValue, ROOT};

use super::session_parts::{in_range, int, invalid, item, new_item, session, stop_clock};
use super::session_readers::deal_again;
use super::shared::clean_title;
use super::shared::{ensure_map, live, required};
use super::tx::EditTx;
use crate::history::Entity;
use crate::read::{entries, is_deleted};
use crate::schema::*;
use crate::session::{
    default_agenda, default_session_stories, Deck, NoteKind, SessionHealth, SessionStoryState,
    DEFAULT_SESSION_STORIES,
};
use crate::{CoreError, Rank};

/// What starting a session takes; `None` picks the default. The facilitator is the
/// edit's author.
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
    pub deck: Option<Deck>,
    /// Who is in the room, in the readers' rotation order (names); each story gets a
    /// reader in turn.
    pub participants: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SessionEdit {
    /// Refused while another session is open.
    Start(SessionStart),
    /// Allowed after the session ended too (follow-ups). The author is the edit's.
    AddNote {
        session_id: String,
        story_id: Option<String>,
        kind: NoteKind,
        text: String,
    },
    /// `health`: the ready backlog at this moment, kept for the trend (the caller
    /// computes it from its read model, so the edit never reads the map).
    End {
        session_id: String,
        health: Option<SessionHealth>,
    },
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &SessionEdit) -> Result<String, CoreError> {
    match edit {
        SessionEdit::Start(spec) => start(rec, spec),
        SessionEdit::AddNote {
            session_id,
            story_id,
            kind,
            text,
        } => add_note(rec, session_id, story_id.as_deref(), (*kind, text)),
        SessionEdit::End { session_id, health } => {
            let obj = session(rec, session_id, true)?;
            let time = rec.time;
            stop_clock(rec, (session_id, &obj), time)?;
            let entity = Entity::Session(session_id.clone());
            rec.set(&entity, FOCUS, None)?;
            rec.set(&entity, ENDED_AT, int(time))?;
            if let Some(h) = health {
                rec.set(
                    &entity,
                    READY_POINTS,
                    Some(ScalarValue::F64(h.ready_points)),
                )?;
                rec.set(
                    &entity,
                    READY_SPRINTS,
                    h.ready_sprints.map(ScalarValue::F64),
                )?;
            }
            Ok("End the refinement session".to_owned())
        }
    }
}

fn add_note(
    rec: &mut EditTx<'_, '_>,
    session_id: &str,
    story_id: Option<&str>,
    (kind, note): (NoteKind, &str),
) -> Result<String, CoreError> {
    let obj = session(rec, session_id, false)?;
    if let Some(story_id) = story_id {
        item(rec, &obj, SESSION_STORIES, "story", story_id)?;
    }
    let note = required("note", note, 2_000)?;
    let (id, time, author) = (rec.create(), rec.time, rec.author.trim().to_owned());
    let entry = new_item(rec, (session_id, &obj), SESSION_NOTES, &id)?;
    let tx = &mut *rec.tx;
    if let Some(story_id) = story_id {
        tx.put(&entry, STORY_ID, story_id)?;
    }
    tx.put(&entry, KIND_KEY, kind.as_str())?;
    tx.put(&entry, TEXT, note.as_str())?;
    tx.put(&entry, AT, time)?;
    tx.put(&entry, AUTHOR, author.as_str())?;
    let what = match kind {
        NoteKind::Decision => "a decision",
        NoteKind::Note => "a note",
        NoteKind::NextStep => "a next step",
    };
    Ok(format!("Log {what}"))
}

/// The stories a session starts with: those asked for (each once), or the default pick.
fn session_stories(rec: &EditTx<'_, '_>, spec: &SessionStart) -> Result<Vec<String>, CoreError> {
    match &spec.story_ids {
        Some(ids) => {
            let mut unique: Vec<String> = Vec::new();
            for id in ids {
                live(rec.tx, STORIES, "story", id)?;
                if !unique.contains(id) {
                    unique.push(id.clone());
                }
            }
            Ok(unique)
        }
        None => {
            let model = crate::read::read_map(rec.tx)?;
            let count = spec.story_count.unwrap_or(DEFAULT_SESSION_STORIES) as usize;
            Ok(default_session_stories(&model, count))
        }
    }
}

/// The names of who is in the room, cleaned, each once (any case).
fn participant_names(names: &[String]) -> Result<Vec<String>, CoreError> {
    let mut unique: Vec<String> = Vec::new();
    for name in names {
        let name = clean_title("participant", name)?;
        if !unique.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            unique.push(name);
        }
    }
    Ok(unique)
}

fn start(rec: &mut EditTx<'_, '_>, spec: &SessionStart) -> Result<String, CoreError> {
    let tx = &*rec.tx;
    if let Some((open, _)) = entries(tx, &ROOT, SESSIONS)
        .into_iter()
        .find(|(_, s)| !is_deleted(tx, s) && tx.get(s, ENDED_AT).ok().flatten().is_none())
    {
        return Err(invalid(format!(
            "session {open} is still open: end it before starting another"
        )));
    }
    let length = in_range("session length", spec.length_minutes.unwrap_or(90), 480)?;
    let timebox = in_range("timebox", spec.timebox_minutes.unwrap_or(5), 120)?;
    let facilitator = required("facilitator's name", rec.author, 200)?;
    let story_ids = session_stories(rec, spec)?;
    let names = participant_names(&spec.participants)?;
    let sessions = ensure_map(rec, &ROOT, SESSIONS)?;
    let (new_id, time) = (rec.create(), rec.time);
    let tx = &mut *rec.tx;
    let obj = tx.put_object(&sessions, &new_id, ObjType::Map)?;
    tx.put(&obj, STARTED_AT, time)?;
    tx.put(&obj, LENGTH_MINUTES, u64::from(length))?;
    tx.put(&obj, TIMEBOX_MINUTES, u64::from(timebox))?;
    tx.put(&obj, FACILITATOR, facilitator.as_str())?;
    tx.put(&obj, DECK, spec.deck.unwrap_or_default().as_str())?;
    for key in [PARTICIPANTS, ROUNDS, SESSION_NOTES] {
        tx.put_object(&obj, key, ObjType::Map)?;
    }
    let agenda = tx.put_object(&obj, AGENDA, ObjType::Map)?;
    let items = default_agenda(length);
    for (i, ((title, start, end), rank)) in items
        .iter()
        .zip(Rank::sequence(None, items.len()))
        .enumerate()
    {
        let entry = tx.put_object(&agenda, format!("{new_id}-agenda-{i}"), ObjType::Map)?;
        tx.put(&entry, TITLE, title.as_str())?;
        tx.put(&entry, START_MINUTE, u64::from(*start))?;
        tx.put(&entry, END_MINUTE, u64::from(*end))?;
        tx.put(&entry, RANK, rank.as_string())?;
    }
    let stories = tx.put_object(&obj, SESSION_STORIES, ObjType::Map)?;
    for (id, rank) in story_ids.iter().zip(Rank::sequence(None, story_ids.len())) {
        let entry = tx.put_object(&stories, id.as_str(), ObjType::Map)?;
        tx.put(&entry, RANK, rank.as_string())?;
        tx.put(&entry, STATE, SessionStoryState::Pending.as_str())?;
        tx.put(&entry, SPENT_SECONDS, 0_u64)?;
    }
    let people = tx
        .get(&obj, PARTICIPANTS)?
        .map(|(_, id)| id)
        .expect("made above");
    for (i, (name, rank)) in names
        .iter()
        .zip(Rank::sequence(None, names.len()))
        .enumerate()
    {
        let entry = tx.put_object(&people, format!("{new_id}-p-{i}"), ObjType::Map)?;
        tx.put(&entry, NAME, name.as_str())?;
        tx.put(&entry, RANK, rank.as_string())?;
    }
    rec.created(Entity::Session(new_id.clone()));
    deal_again(rec, (&new_id, &obj))?;
    Ok(match story_ids.len() {
        1 => "Start a refinement session on 1 story".to_owned(),
        n => format!("Start a refinement session on {n} stories"),
    })
}
