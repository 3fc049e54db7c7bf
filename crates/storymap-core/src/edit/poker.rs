//! Planning poker in a session: participants, the deck, rounds of hidden votes, the
//! reveal, and accepting an estimate (written to the story as an estimate edit would).

use automerge::transaction::Transactable;
use automerge::ObjId;

use super::session_parts::{invalid, item, new_item, rank_at_end, session, text};
use super::session_readers::deal_again;
use super::shared::{clean_title, ensure_map, story_title, write_estimate};
use super::tx::EditTx;
use crate::history::{Entity, Recorder};
use crate::read::{bool_field, entries, int_field, is_deleted, str_field};
use crate::schema::*;
use crate::session::{Deck, COFFEE_CARD};
use crate::CoreError;

#[derive(Debug, Clone, PartialEq)]
pub enum PokerEdit {
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
}
fn deck_of(rec: &Recorder<'_, '_>, session: &ObjId) -> Deck {
    str_field(rec.tx, session, DECK)
        .and_then(|d| Deck::parse(&d))
        .unwrap_or_default()
}

/// A round with its story and number.
fn round(
    rec: &Recorder<'_, '_>,
    session: &ObjId,
    round_id: &str,
) -> Result<(ObjId, String, i64), CoreError> {
    let obj = item(rec, session, ROUNDS, "poker round", round_id)?;
    let story = str_field(rec.tx, &obj, STORY_ID).unwrap_or_default();
    let number = int_field(rec.tx, &obj, NUMBER).unwrap_or(1);
    Ok((obj, story, number))
}

fn round_entity(session_id: &str, round_id: &str) -> Entity {
    Entity::SessionItem(session_id.to_owned(), ROUNDS, round_id.to_owned())
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &PokerEdit) -> Result<String, CoreError> {
    match edit {
        PokerEdit::AddParticipant { session_id, name } => add_participant(rec, session_id, name),
        PokerEdit::RemoveParticipant {
            session_id,
            participant_id,
        } => remove_participant(rec, session_id, participant_id),
        PokerEdit::SetDeck { session_id, deck } => set_deck(rec, session_id, *deck),
        PokerEdit::NewRound {
            session_id,
            story_id,
        } => new_round(rec, session_id, story_id),
        PokerEdit::CastVote {
            session_id,
            round_id,
            participant_id,
            value,
        } => cast_vote(rec, session_id, round_id, participant_id, value),
        PokerEdit::Reveal {
            session_id,
            round_id,
        } => reveal(rec, session_id, round_id),
        PokerEdit::AcceptEstimate {
            session_id,
            round_id,
            estimate,
        } => accept_estimate(rec, session_id, round_id, estimate),
    }
}

fn add_participant(
    rec: &mut EditTx<'_, '_>,
    session_id: &str,
    name: &str,
) -> Result<String, CoreError> {
    let new_id = rec.new_id.to_owned();
    let obj = session(rec, session_id, true)?;
    let name = clean_title("participant", name)?;
    let tx = &*rec.tx;
    let taken = entries(tx, &obj, PARTICIPANTS)
        .iter()
        .filter(|(_, p)| !is_deleted(tx, p))
        .any(|(_, p)| str_field(tx, p, NAME).is_some_and(|n| n.eq_ignore_ascii_case(&name)));
    if taken {
        return Err(invalid(format!("{name} is already taking part")));
    }
    let rank = rank_at_end(rec, &obj, PARTICIPANTS).as_string();
    let entry = new_item(rec, (session_id, &obj), PARTICIPANTS, &new_id)?;
    rec.tx.put(&entry, NAME, name.as_str())?;
    rec.tx.put(&entry, RANK, rank)?;
    rec.created_id = Some(new_id);
    deal_again(rec, (session_id, &obj))?;
    Ok(format!("Add {name} to the session"))
}

fn remove_participant(
    rec: &mut EditTx<'_, '_>,
    session_id: &str,
    participant_id: &str,
) -> Result<String, CoreError> {
    let obj = session(rec, session_id, true)?;
    let entry = item(rec, &obj, PARTICIPANTS, "participant", participant_id)?;
    let name = str_field(rec.tx, &entry, NAME).unwrap_or_default();
    let entity = Entity::SessionItem(
        session_id.to_owned(),
        PARTICIPANTS,
        participant_id.to_owned(),
    );
    rec.delete(&entity)?;
    deal_again(rec, (session_id, &obj))?;
    Ok(format!("Remove {name} from the session"))
}

fn set_deck(rec: &mut EditTx<'_, '_>, session_id: &str, deck: Deck) -> Result<String, CoreError> {
    session(rec, session_id, true)?;
    rec.set(
        &Entity::Session(session_id.to_owned()),
        DECK,
        text(deck.as_str()),
    )?;
    Ok(match deck {
        Deck::Fibonacci => "Vote with the Fibonacci deck".to_owned(),
        Deck::TShirt => "Vote with T-shirt sizes".to_owned(),
    })
}

fn new_round(
    rec: &mut EditTx<'_, '_>,
    session_id: &str,
    story_id: &str,
) -> Result<String, CoreError> {
    let new_id = rec.new_id.to_owned();
    let obj = session(rec, session_id, true)?;
    item(rec, &obj, SESSION_STORIES, "story", story_id)?;
    let tx = &*rec.tx;
    let previous = entries(tx, &obj, ROUNDS)
        .into_iter()
        .filter(|(_, r)| !is_deleted(tx, r))
        .filter(|(_, r)| str_field(tx, r, STORY_ID).as_deref() == Some(story_id))
        .map(|(_, r)| {
            (
                int_field(tx, &r, NUMBER).unwrap_or(1),
                bool_field(tx, &r, REVEALED),
            )
        })
        .max();
    if let Some((number, false)) = previous {
        return Err(invalid(format!(
            "round {number} on this story is still open: reveal it before voting again"
        )));
    }
    let number = previous.map_or(1, |(n, _)| n + 1);
    let entry = new_item(rec, (session_id, &obj), ROUNDS, &new_id)?;
    let tx = &mut *rec.tx;
    tx.put(&entry, STORY_ID, story_id)?;
    tx.put(&entry, NUMBER, number.max(1) as u64)?;
    tx.put(&entry, REVEALED, false)?;
    ensure_map(rec, &entry, VOTES)?;
    let title = story_title(rec.tx, story_id);
    rec.created_id = Some(new_id);
    Ok(format!("Start poker round {number} on '{title}'"))
}

fn cast_vote(
    rec: &mut EditTx<'_, '_>,
    session_id: &str,
    round_id: &str,
    participant_id: &str,
    value: &str,
) -> Result<String, CoreError> {
    let obj = session(rec, session_id, true)?;
    let (round_obj, _, number) = round(rec, &obj, round_id)?;
    if bool_field(rec.tx, &round_obj, REVEALED) {
        return Err(invalid(format!(
            "round {number} is revealed: start a new round to vote again"
        )));
    }
    item(rec, &obj, PARTICIPANTS, "participant", participant_id)?;
    let card = deck_of(rec, &obj).card(value)?;
    ensure_map(rec, &round_obj, VOTES)?;
    let votes = Entity::RoundVotes(session_id.to_owned(), round_id.to_owned());
    rec.set(&votes, participant_id, text(card))?;
    // The label is in the change's history: it never shows the card.
    Ok(format!("Vote in round {number}"))
}

fn reveal(rec: &mut EditTx<'_, '_>, session_id: &str, round_id: &str) -> Result<String, CoreError> {
    let obj = session(rec, session_id, true)?;
    let (round_obj, _, number) = round(rec, &obj, round_id)?;
    if bool_field(rec.tx, &round_obj, REVEALED) {
        return Err(invalid(format!("round {number} is already revealed")));
    }
    let voted = crate::read::key_count(rec.tx, &round_obj, VOTES) > 0;
    if !voted {
        return Err(invalid("nobody has voted in this round yet"));
    }
    let entity = round_entity(session_id, round_id);
    rec.set(
        &entity,
        REVEALED,
        Some(automerge::ScalarValue::Boolean(true)),
    )?;
    Ok(format!("Reveal the votes of round {number}"))
}

fn accept_estimate(
    rec: &mut EditTx<'_, '_>,
    session_id: &str,
    round_id: &str,
    estimate: &str,
) -> Result<String, CoreError> {
    let obj = session(rec, session_id, true)?;
    let (round_obj, story_id, number) = round(rec, &obj, round_id)?;
    if !bool_field(rec.tx, &round_obj, REVEALED) {
        return Err(invalid(format!(
            "reveal the votes of round {number} before accepting an estimate"
        )));
    }
    let card = deck_of(rec, &obj).card(estimate)?;
    if card == COFFEE_CARD {
        return Err(invalid("the coffee card is a break, not an estimate"));
    }
    super::shared::story(rec, &story_id)?;
    write_estimate(rec, &story_id, Some(card))?;
    rec.set(
        &round_entity(session_id, round_id),
        ACCEPTED_ESTIMATE,
        text(card),
    )?;
    Ok(format!(
        "Estimate '{}' at {card}",
        story_title(rec.tx, &story_id)
    ))
}
