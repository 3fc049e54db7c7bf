//! Ranks for edits: siblings in display order, and minting the rank of a slot among them.
//! Stories' cells come from the placement index; the backbone and the small per-story
//! collections (criteria, DoR items, a session's agenda) are read directly.

use automerge::transaction::Transaction;
use automerge::{ObjId, ROOT};

use crate::history::{Entity, Recorder};
use crate::read::{entries, is_deleted, str_field};
use crate::schema::*;
use crate::{CoreError, Rank};

pub(crate) fn rank_of(tx: &Transaction<'_>, obj: &ObjId) -> Rank {
    str_field(tx, obj, RANK)
        .and_then(|r| Rank::parse(&r).ok())
        .unwrap_or_else(Rank::last_resort)
}

/// Live members of a root collection matching `filter`, in display order (rank, then id).
pub(crate) fn siblings(
    tx: &Transaction<'_>,
    key: &str,
    filter: impl Fn(&ObjId) -> bool,
) -> Vec<(Rank, String)> {
    siblings_in(tx, &ROOT, key, filter)
}

/// Live members of the map `key` inside `parent` (a story's criteria, say), in order.
pub(crate) fn siblings_in(
    tx: &Transaction<'_>,
    parent: &ObjId,
    key: &str,
    filter: impl Fn(&ObjId) -> bool,
) -> Vec<(Rank, String)> {
    let mut list: Vec<(Rank, String)> = entries(tx, parent, key)
        .into_iter()
        .filter(|(_, obj)| filter(obj) && !is_deleted(tx, obj))
        .map(|(id, obj)| (rank_of(tx, &obj), id))
        .collect();
    list.sort();
    list
}

/// The steps of an activity, in order.
pub(crate) fn steps_of(tx: &Transaction<'_>, activity_id: &str) -> Vec<(Rank, String)> {
    siblings(tx, STEPS, |obj| {
        str_field(tx, obj, ACTIVITY_ID).as_deref() == Some(activity_id)
    })
}

pub(crate) fn without(list: Vec<(Rank, String)>, id: &str) -> Vec<(Rank, String)> {
    list.into_iter().filter(|(_, other)| other != id).collect()
}

pub(crate) fn end_rank(list: &[(Rank, String)]) -> Rank {
    Rank::between(list.last().map(|(r, _)| r), None)
}

/// Gives `moved` the rank of position `index` among `siblings` (which exclude it).
pub(crate) fn place(
    rec: &mut Recorder<'_, '_>,
    siblings: &[(Rank, String)],
    index: usize,
    moved: Entity,
    entity_of: impl Fn(String) -> Entity,
) -> Result<(), CoreError> {
    let rank = slot_ranks(rec, siblings, index, 1, entity_of)?.remove(0);
    rec.set_str(&moved, RANK, &rank.as_string())
}

/// Ranks for `count` new items at position `at` among `others`, in order. Two peers can
/// mint equal ranks; a slot between equals has no rank, so the others are renumbered
/// around the new items (`entity_of` names them for the undo record).
pub(crate) fn slot_ranks(
    rec: &mut Recorder<'_, '_>,
    others: &[(Rank, String)],
    at: usize,
    count: usize,
    entity_of: impl Fn(String) -> Entity,
) -> Result<Vec<Rank>, CoreError> {
    let at = at.min(others.len());
    let lower = at.checked_sub(1).map(|i| &others[i].0);
    let upper = others.get(at).map(|s| &s.0);
    if lower.zip(upper).is_none_or(|(l, u)| l < u) {
        let mut ranks = Vec::with_capacity(count);
        let mut last = lower.cloned();
        for _ in 0..count {
            let rank = Rank::between(last.as_ref(), upper);
            last = Some(rank.clone());
            ranks.push(rank);
        }
        return Ok(ranks);
    }
    let all = Rank::sequence(None, others.len() + count);
    for (i, (_, id)) in others.iter().enumerate() {
        let position = if i < at { i } else { i + count };
        rec.set_str(&entity_of(id.clone()), RANK, &all[position].as_string())?;
    }
    Ok(all[at..at + count].to_vec())
}
