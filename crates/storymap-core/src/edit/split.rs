//! Splitting a story: new stories take its slot in its cell and share out its criteria;
//! the original leaves the map, linked both ways.

use std::collections::HashMap;

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ScalarValue};

use super::ranks::{siblings_in, slot_ranks};
use super::shared::{clean_title, ensure_map, new_story, story, title_of};
use super::tx::EditTx;
use crate::history::Entity;
use crate::read::{bool_field, key_set, map_field, str_field};
use crate::schema::*;
use crate::{CoreError, StoryStatus};

/// At least this many stories come out of one split (one would be a rename)…
pub const MIN_SPLIT: usize = 2;
/// …and at most this many.
pub const MAX_SPLIT: usize = 10;

/// One new story of a split: its title and the original's criteria it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitChild {
    pub title: String,
    pub criterion_ids: Vec<String>,
}

/// Replaces a story by new ones in its place. Criteria not assigned go to the first
/// child, so none is lost.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitEdit {
    pub story_id: String,
    pub children: Vec<SplitChild>,
}

/// Which child takes each of the original's criteria (0 when unassigned).
fn assignments<'a>(
    children: &'a [SplitChild],
    own_criteria: &[String],
) -> Result<HashMap<&'a str, usize>, CoreError> {
    let mut assigned: HashMap<&str, usize> = HashMap::new();
    for (child, spec) in children.iter().enumerate() {
        for id in &spec.criterion_ids {
            if !own_criteria.contains(id) {
                return Err(CoreError::not_found("acceptance criterion", id));
            }
            if assigned.insert(id.as_str(), child).is_some() {
                return Err(CoreError::InvalidInput(format!(
                    "acceptance criterion {id} is given to two stories"
                )));
            }
        }
    }
    Ok(assigned)
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &SplitEdit) -> Result<String, CoreError> {
    let SplitEdit { story_id, children } = edit;
    let original = story(rec, story_id)?;
    if !(MIN_SPLIT..=MAX_SPLIT).contains(&children.len()) {
        return Err(CoreError::InvalidInput(format!(
            "a split makes {MIN_SPLIT} to {MAX_SPLIT} stories (got {})",
            children.len()
        )));
    }
    let titles = children
        .iter()
        .map(|c| clean_title("story", &c.title))
        .collect::<Result<Vec<_>, _>>()?;
    let own_criteria: Vec<String> = siblings_in(rec.tx, &original, ACCEPTANCE_CRITERIA, |_| true)
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    let assigned = assignments(children, &own_criteria)?;
    let tx = &*rec.tx;
    let step = str_field(tx, &original, STEP_ID).unwrap_or_default();
    let release = str_field(tx, &original, RELEASE_ID).unwrap_or_default();
    let title = title_of(tx, &original);
    // The children take the original's slot in its cell.
    let cell = rec.placement.cell(&step, &release);
    let at = cell
        .iter()
        .position(|(_, id)| id == story_id)
        .unwrap_or(cell.len());
    let without_original: Vec<_> = cell.into_iter().filter(|(_, id)| id != story_id).collect();
    let ranks = slot_ranks(rec, &without_original, at, titles.len(), Entity::Story)?;
    let new_id = rec.new_id.to_owned();
    let mut child_ids = Vec::new();
    for (i, (child_title, rank)) in titles.iter().zip(ranks).enumerate() {
        let child_id = format!("{new_id}-{i}");
        let time = rec.time;
        let child = new_story(rec, &child_id, child_title, &rank, (&step, &release), time)?;
        let taken: Vec<&String> = own_criteria
            .iter()
            .filter(|id| assigned.get(id.as_str()).copied().unwrap_or(0) == i)
            .collect();
        copy_into_child(rec, (story_id, &original), &child, &taken)?;
        child_ids.push(child_id);
    }
    ensure_map(rec, &original, SPLIT_INTO)?;
    for child in &child_ids {
        rec.set(
            &Entity::StoryPart(story_id.clone(), SPLIT_INTO),
            child,
            Some(ScalarValue::Boolean(true)),
        )?;
    }
    rec.created_id = child_ids.first().cloned();
    Ok(format!("Split '{title}' into {}", child_ids.len()))
}

/// What a child inherits: the narrative, status (back to refining), labels,
/// dependencies, the link to its original, and its share of the criteria.
fn copy_into_child(
    rec: &mut EditTx<'_, '_>,
    (story_id, original): (&str, &ObjId),
    child: &ObjId,
    criteria: &[&String],
) -> Result<(), CoreError> {
    let tx = &mut *rec.tx;
    let title = title_of(tx, original);
    for key in [STATUS, AS_A, I_WANT, SO_THAT, WHY] {
        if let Some(value) = str_field(tx, original, key) {
            tx.put(child, key, value)?;
        }
    }
    // A child needs estimating again, so it is back in refinement.
    tx.put(child, STATUS, StoryStatus::Refining.as_str())?;
    tx.put(child, SPLIT_FROM, story_id)?;
    tx.put(child, SPLIT_FROM_TITLE, title.as_str())?;
    for key in [LABELS, DEPENDS_ON] {
        let members = key_set(tx, original, key);
        let set = tx.put_object(child, key, ObjType::Map)?;
        for member in members {
            tx.put(&set, member.as_str(), true)?;
        }
    }
    let Some(source) = map_field(tx, original, ACCEPTANCE_CRITERIA) else {
        return Ok(());
    };
    let target = map_field(tx, child, ACCEPTANCE_CRITERIA).expect("new stories have criteria");
    for id in criteria {
        let from = map_field(tx, &source, id).expect("listed above");
        let to = tx.put_object(&target, id.as_str(), ObjType::Map)?;
        for key in [TEXT, RANK, GIVEN, WHEN, THEN] {
            if let Some(value) = str_field(tx, &from, key) {
                tx.put(&to, key, value)?;
            }
        }
        let done = bool_field(tx, &from, DONE);
        tx.put(&to, DONE, done)?;
    }
    Ok(())
}
