//! Starting a session: refused while another is open; the stories given or the default
//! pick, and the seed's agenda scaled to the session's length.

use automerge::transaction::Transactable;
use automerge::{ObjType, ReadDoc, ROOT};

use super::edit::{ensure_map, invalid, required, SessionStart};
use super::edit_room::in_range;
use super::model::SessionStoryState;
use crate::edit::live;
use crate::history::{Entity, Recorder};
use crate::read::{entries, is_deleted};
use crate::schema::*;
use crate::{CoreError, Rank};

/// The seed's 90-minute agenda: (title, start, end).
const DEFAULT_AGENDA: [(&str, u32, u32); 4] = [
    ("Recap objectives and priorities", 0, 10),
    ("Story walkthrough and estimation", 10, 60),
    ("Prioritise and adjust dependencies", 60, 80),
    ("Summarise decisions and next steps", 80, 90),
];

/// The default agenda for a session of `length` minutes: the seed's, scaled.
pub fn default_agenda(length: u32) -> Vec<(String, u32, u32)> {
    let scale = |minute: u32| (minute * length + 45) / 90;
    DEFAULT_AGENDA
        .iter()
        .map(|(title, start, end)| ((*title).to_owned(), scale(*start), scale(*end)))
        .collect()
}

pub(crate) fn start(
    rec: &mut Recorder<'_, '_>,
    spec: &SessionStart,
    new_id: &str,
    time: i64,
) -> Result<(String, Option<String>), CoreError> {
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
    let facilitator = required("facilitator's name", &spec.facilitator, 200)?;
    let story_ids = match &spec.story_ids {
        Some(ids) => {
            let mut unique: Vec<String> = Vec::new();
            for id in ids {
                live(tx, STORIES, "story", id)?;
                if !unique.contains(id) {
                    unique.push(id.clone());
                }
            }
            unique
        }
        None => {
            let model = crate::read::read_map(tx)?;
            let count = spec.story_count.unwrap_or(10) as usize;
            super::pick::default_session_stories(&model, count)
        }
    };
    let sessions = ensure_map(rec, &ROOT, SESSIONS)?;
    let tx = &mut *rec.tx;
    let obj = tx.put_object(&sessions, new_id, ObjType::Map)?;
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
    rec.created(Entity::Session(new_id.to_owned()));
    let label = match story_ids.len() {
        1 => "Start a refinement session on 1 story".to_owned(),
        n => format!("Start a refinement session on {n} stories"),
    };
    Ok((label, Some(new_id.to_owned())))
}
