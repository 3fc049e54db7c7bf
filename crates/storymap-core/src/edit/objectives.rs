//! PI objectives (`objectives.rs`): add, change, reorder and delete them, and align a story
//! to one. A deleted objective is a flag, so undo brings it back with its stories still
//! aligned; readers treat a story aligned to a deleted objective as not aligned.

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ScalarValue};

use super::shared::{clean_title, settings_part, story, title_of};
use super::tx::EditTx;
use crate::history::Entity;
use crate::objectives::{check_business_value, MAX_OBJECTIVES};
use crate::read_fields::is_deleted;
use crate::schema::*;
use crate::settings_items::ranks;
use crate::{CoreError, Rank};

#[derive(Debug, Clone, PartialEq)]
pub enum ObjectiveEdit {
    /// Added last.
    Add {
        title: String,
        business_value: u8,
        committed: bool,
    },
    /// Writes only what differs, so a teammate's concurrent change of another part stays.
    Update {
        objective_id: String,
        title: String,
        business_value: u8,
        committed: bool,
    },
    /// Puts the objective at `to` (0 = top) among the others.
    Move {
        objective_id: String,
        to: usize,
    },
    Delete {
        objective_id: String,
    },
    /// Aligns a story to an objective, or to none.
    Align {
        story_id: String,
        objective_id: Option<String>,
    },
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &ObjectiveEdit) -> Result<String, CoreError> {
    match edit {
        ObjectiveEdit::Add {
            title,
            business_value,
            committed,
        } => add(rec, title, *business_value, *committed),
        ObjectiveEdit::Update {
            objective_id,
            title,
            business_value,
            committed,
        } => {
            live_objective(rec, objective_id)?;
            let title = clean_title("objective", title)?;
            let value = check_business_value(i64::from(*business_value))?;
            let entity = Entity::Objective(objective_id.clone());
            rec.set_str(&entity, TITLE, &title)?;
            rec.set(
                &entity,
                BUSINESS_VALUE,
                Some(ScalarValue::Uint(value.into())),
            )?;
            rec.set(&entity, COMMITTED, Some(ScalarValue::Boolean(*committed)))?;
            Ok(format!("Change objective '{title}'"))
        }
        ObjectiveEdit::Move { objective_id, to } => {
            let obj = live_objective(rec, objective_id)?;
            let others: Vec<Rank> = ranks(&*rec.tx, OBJECTIVES)
                .into_iter()
                .filter(|(_, id)| id != objective_id)
                .map(|(rank, _)| rank)
                .collect();
            let to = (*to).min(others.len());
            let rank = Rank::between(to.checked_sub(1).map(|i| &others[i]), others.get(to));
            let entity = Entity::Objective(objective_id.clone());
            rec.set_str(&entity, RANK, &rank.as_string())?;
            Ok(format!("Move objective '{}'", title_of(rec.tx, &obj)))
        }
        ObjectiveEdit::Delete { objective_id } => {
            let obj = live_objective(rec, objective_id)?;
            rec.delete(&Entity::Objective(objective_id.clone()))?;
            Ok(format!("Delete objective '{}'", title_of(rec.tx, &obj)))
        }
        ObjectiveEdit::Align {
            story_id,
            objective_id,
        } => align(rec, story_id, objective_id.as_deref()),
    }
}

fn add(
    rec: &mut EditTx<'_, '_>,
    title: &str,
    business_value: u8,
    committed: bool,
) -> Result<String, CoreError> {
    let title = clean_title("objective", title)?;
    let value = check_business_value(i64::from(business_value))?;
    let existing = ranks(&*rec.tx, OBJECTIVES);
    if existing.len() >= MAX_OBJECTIVES {
        return Err(CoreError::InvalidInput(format!(
            "a map holds at most {MAX_OBJECTIVES} objectives; delete one first"
        )));
    }
    let rank = Rank::between(existing.last().map(|(rank, _)| rank), None);
    let container = settings_part(rec, OBJECTIVES)?;
    let id = rec.create();
    let item = rec.tx.put_object(&container, &id, ObjType::Map)?;
    rec.tx.put(&item, TITLE, title.as_str())?;
    rec.tx
        .put(&item, BUSINESS_VALUE, ScalarValue::Uint(value.into()))?;
    rec.tx.put(&item, COMMITTED, committed)?;
    rec.tx.put(&item, RANK, rank.as_string())?;
    rec.created(Entity::Objective(id));
    Ok(format!("Add objective '{title}'"))
}

fn align(
    rec: &mut EditTx<'_, '_>,
    story_id: &str,
    objective_id: Option<&str>,
) -> Result<String, CoreError> {
    let card = story(rec, story_id)?;
    let entity = Entity::Story(story_id.to_owned());
    let card_title = title_of(rec.tx, &card);
    match objective_id {
        Some(id) => {
            let objective = live_objective(rec, id)?;
            rec.set_str(&entity, OBJECTIVE_ID, id)?;
            let title = title_of(rec.tx, &objective);
            Ok(format!("Align '{card_title}' to objective '{title}'"))
        }
        None => {
            rec.set(&entity, OBJECTIVE_ID, None)?;
            Ok(format!("Take '{card_title}' off its objective"))
        }
    }
}

fn live_objective(rec: &EditTx<'_, '_>, id: &str) -> Result<ObjId, CoreError> {
    Entity::Objective(id.to_owned())
        .locate(&*rec.tx)
        .filter(|obj| !is_deleted(rec.tx, obj))
        .ok_or_else(|| CoreError::not_found("objective", id))
}
