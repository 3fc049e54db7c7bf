//! Reading sessions from the map document, tolerant like the rest of `read`: a missing
//! or mistyped field reads as a default, deleted items are left out.

use automerge::{ObjId, ReadDoc, ROOT};

use super::deck::Deck;
use super::model::{
    AgendaItem, NoteKind, Participant, PokerRound, Session, SessionHealth, SessionNote,
    SessionStory, SessionStoryState, HEALTH_TREND_SESSIONS,
};
use crate::read::{bool_field, entries, int_field, is_deleted, str_field};
use crate::read_fields::{all_maps, holder, item_in_all, keys_in_all};
use crate::schema::*;
use crate::Rank;

/// Items of a session's keyed map, live, in rank order (ties by id).
fn ranked<R: ReadDoc>(doc: &R, session: &ObjId, key: &str) -> Vec<(String, ObjId)> {
    let mut items: Vec<(Rank, String, ObjId)> = entries(doc, session, key)
        .into_iter()
        .filter(|(_, obj)| !is_deleted(doc, obj))
        .map(|(id, obj)| {
            let rank = str_field(doc, &obj, RANK)
                .and_then(|r| Rank::parse(&r).ok())
                .unwrap_or_else(Rank::last_resort);
            (rank, id, obj)
        })
        .collect();
    items.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    items.into_iter().map(|(_, id, obj)| (id, obj)).collect()
}

fn live<R: ReadDoc>(doc: &R, session: &ObjId, key: &str) -> Vec<(String, ObjId)> {
    entries(doc, session, key)
        .into_iter()
        .filter(|(_, obj)| !is_deleted(doc, obj))
        .collect()
}

fn uint<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Option<u64> {
    int_field(doc, obj, key).and_then(|v| u64::try_from(v).ok())
}

fn minutes<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str, default: u32) -> u32 {
    uint(doc, obj, key)
        .and_then(|v| u32::try_from(v).ok())
        .unwrap_or(default)
}

fn text<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Option<String> {
    str_field(doc, obj, key).filter(|t| !t.trim().is_empty())
}

/// The poker rounds, in the order of their stories in the session, then by number.
fn read_rounds<R: ReadDoc>(
    doc: &R,
    obj: &ObjId,
    story_position: &dyn Fn(&str) -> usize,
) -> Vec<PokerRound> {
    let mut rounds: Vec<PokerRound> = live(doc, obj, ROUNDS)
        .into_iter()
        .map(|(id, round)| {
            // Two devices that took the round's first votes made two vote maps.
            let copies = all_maps(doc, &round, VOTES);
            let mut votes: Vec<(String, String)> = keys_in_all(doc, &copies)
                .into_iter()
                .filter_map(|p| text(doc, holder(doc, &copies, &p)?, &p).map(|v| (p, v)))
                .collect();
            votes.sort();
            PokerRound {
                story_id: str_field(doc, &round, STORY_ID).unwrap_or_default(),
                number: minutes(doc, &round, NUMBER, 1),
                votes,
                revealed: bool_field(doc, &round, REVEALED),
                accepted_estimate: text(doc, &round, ACCEPTED_ESTIMATE),
                id,
            }
        })
        .collect();
    rounds.sort_by(|a, b| {
        (story_position(&a.story_id), a.number, &a.id).cmp(&(
            story_position(&b.story_id),
            b.number,
            &b.id,
        ))
    });
    rounds
}

pub(crate) fn read_session<R: ReadDoc>(doc: &R, id: &str, obj: &ObjId) -> Session {
    let agenda = ranked(doc, obj, AGENDA)
        .into_iter()
        .map(|(id, item)| AgendaItem {
            title: str_field(doc, &item, TITLE).unwrap_or_default(),
            start_minute: minutes(doc, &item, START_MINUTE, 0),
            end_minute: minutes(doc, &item, END_MINUTE, 0),
            id,
        })
        .collect();
    let mut stories: Vec<SessionStory> = ranked(doc, obj, SESSION_STORIES)
        .into_iter()
        .map(|(story_id, item)| SessionStory {
            state: SessionStoryState::parse(&str_field(doc, &item, STATE).unwrap_or_default()),
            started_at: int_field(doc, &item, STARTED_AT),
            spent_seconds: uint(doc, &item, SPENT_SECONDS).unwrap_or(0),
            parked_reason: text(doc, &item, PARKED_REASON),
            reader: text(doc, &item, READER),
            story_id,
        })
        .collect();
    let participants: Vec<Participant> = ranked(doc, obj, PARTICIPANTS)
        .into_iter()
        .map(|(id, p)| Participant {
            name: str_field(doc, &p, NAME).unwrap_or_default(),
            skips_reading: bool_field(doc, &p, SKIPS_READING),
            id,
        })
        .collect();
    // A reader who left the session (or a teammate removed concurrently) reads nothing.
    for story in &mut stories {
        if story
            .reader
            .as_ref()
            .is_some_and(|r| !participants.iter().any(|p| &p.id == r))
        {
            story.reader = None;
        }
    }
    let story_position = |story_id: &str| {
        stories
            .iter()
            .position(|s| s.story_id == story_id)
            .unwrap_or(usize::MAX)
    };
    let rounds = read_rounds(doc, obj, &story_position);
    let mut notes: Vec<SessionNote> = live(doc, obj, SESSION_NOTES)
        .into_iter()
        .map(|(id, note)| SessionNote {
            story_id: text(doc, &note, STORY_ID),
            kind: NoteKind::parse(&str_field(doc, &note, KIND_KEY).unwrap_or_default()),
            text: str_field(doc, &note, TEXT).unwrap_or_default(),
            at: int_field(doc, &note, AT).unwrap_or(0),
            author: str_field(doc, &note, AUTHOR).unwrap_or_default(),
            id,
        })
        .collect();
    notes.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    Session {
        id: id.to_owned(),
        started_at: int_field(doc, obj, STARTED_AT).unwrap_or(0),
        ended_at: int_field(doc, obj, ENDED_AT),
        length_minutes: minutes(doc, obj, LENGTH_MINUTES, 90),
        timebox_minutes: minutes(doc, obj, TIMEBOX_MINUTES, 5),
        facilitator: str_field(doc, obj, FACILITATOR).unwrap_or_default(),
        agenda,
        focus: text(doc, obj, FOCUS).filter(|f| story_position(f) != usize::MAX),
        stories,
        participants,
        deck: str_field(doc, obj, DECK)
            .and_then(|d| Deck::parse(&d))
            .unwrap_or_default(),
        rounds,
        notes,
        health: read_health(doc, obj),
    }
}

fn read_health<R: ReadDoc>(doc: &R, obj: &ObjId) -> Option<SessionHealth> {
    let number = |key| match doc.get(obj, key).ok()?? {
        (automerge::Value::Scalar(s), _) => s.as_f64().filter(|v| v.is_finite() && *v >= 0.0),
        _ => None,
    };
    Some(SessionHealth {
        ready_points: number(READY_POINTS)?,
        ready_sprints: number(READY_SPRINTS),
    })
}

/// Every session of the map, newest first (by start, then id); a map from before
/// sessions has none.
pub(crate) fn read_sessions<R: ReadDoc>(doc: &R) -> Vec<Session> {
    let mut sessions: Vec<Session> = live(doc, &ROOT, SESSIONS)
        .into_iter()
        .map(|(id, obj)| read_session(doc, &id, &obj))
        .collect();
    sessions.sort_by(|a, b| (b.started_at, &b.id).cmp(&(a.started_at, &a.id)));
    sessions
}

/// One live session.
pub(crate) fn read_one<R: ReadDoc>(doc: &R, id: &str) -> Option<Session> {
    let obj = item_in_all(doc, &ROOT, SESSIONS, id)?;
    (!is_deleted(doc, &obj)).then(|| read_session(doc, id, &obj))
}

/// The health trend (as [`super::health_trend`] gives it) read from the sessions' own start,
/// end and kept ready backlog only, never their agendas, stories, rounds or notes: the
/// backlog asks for it after every edit.
pub(crate) fn read_health_trend<R: ReadDoc>(doc: &R) -> Vec<(String, i64, SessionHealth)> {
    let mut ended: Vec<(i64, String, i64, SessionHealth)> = live(doc, &ROOT, SESSIONS)
        .into_iter()
        .filter_map(|(id, obj)| {
            let started = int_field(doc, &obj, STARTED_AT).unwrap_or(0);
            let ended = int_field(doc, &obj, ENDED_AT)?;
            Some((started, id, ended, read_health(doc, &obj)?))
        })
        .collect();
    // Newest first, as `read_sessions`; then the last few, oldest first.
    ended.sort_by(|a, b| (b.0, &b.1).cmp(&(a.0, &a.1)));
    ended.truncate(HEALTH_TREND_SESSIONS);
    ended.reverse();
    ended
        .into_iter()
        .map(|(_, id, at, h)| (id, at, h))
        .collect()
}
