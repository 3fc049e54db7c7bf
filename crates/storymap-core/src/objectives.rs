//! PI objectives: what the map's work is for this planning interval, each with a business
//! value (1–10), committed or stretch, in the team's order. A story aligns to at most one.
//!
//! In the document they live in the settings (`settings.objectives`, keyed by id, ranked),
//! so they are read, projected and sent to the window with the other map-level choices.

use std::collections::HashSet;

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ReadDoc, ScalarValue};

use crate::edit::shared::clean_title;

use crate::read_fields::{holder, int_field, sorted};
use crate::schema::*;
use crate::settings_items::live_items;
use crate::{CoreError, MapModel, Rank};

/// A planning interval rarely has more than ten; this bounds a hostile file.
pub const MAX_OBJECTIVES: usize = 50;
pub const MIN_BUSINESS_VALUE: u8 = 1;
pub const MAX_BUSINESS_VALUE: u8 = 10;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Objective {
    pub id: String,
    pub title: String,
    /// 1–10, as the business owners score it at PI planning.
    pub business_value: u8,
    /// Committed, or stretch (planned but not promised).
    pub committed: bool,
}

/// The business value as stored: 1–10, or a clear error.
pub fn check_business_value(value: i64) -> Result<u8, CoreError> {
    match u8::try_from(value) {
        Ok(v) if (MIN_BUSINESS_VALUE..=MAX_BUSINESS_VALUE).contains(&v) => Ok(v),
        _ => Err(CoreError::InvalidInput(format!(
            "an objective's business value is {MIN_BUSINESS_VALUE} to {MAX_BUSINESS_VALUE} (got {value})"
        ))),
    }
}

/// The objectives in order, from every copy of the settings (`settings`), leaving out
/// deleted ones; a value a peer wrote out of range reads as the nearest allowed one.
pub(crate) fn read<R: ReadDoc>(doc: &R, settings: &[ObjId]) -> Vec<Objective> {
    sorted(ranked(doc, settings))
}

fn ranked<R: ReadDoc>(doc: &R, settings: &[ObjId]) -> Vec<(Rank, String, Objective)> {
    live_items(doc, settings, OBJECTIVES)
        .into_iter()
        .map(|item| {
            let copies = &item.copies;
            let value = holder(doc, copies, BUSINESS_VALUE)
                .and_then(|o| int_field(doc, o, BUSINESS_VALUE))
                .unwrap_or(i64::from(MIN_BUSINESS_VALUE))
                .clamp(i64::from(MIN_BUSINESS_VALUE), i64::from(MAX_BUSINESS_VALUE));
            let committed = holder(doc, copies, COMMITTED)
                .is_some_and(|o| crate::read_fields::bool_field(doc, o, COMMITTED));
            let objective = Objective {
                title: item.text(doc, TITLE).unwrap_or_default(),
                business_value: value as u8,
                committed,
                id: item.id.clone(),
            };
            (item.rank, item.id, objective)
        })
        .collect()
}

/// Writes a file's objectives into a new map's settings, ranked in file order.
pub(crate) fn put(
    tx: &mut automerge::transaction::Transaction<'_>,
    settings: &ObjId,
    objectives: &[Objective],
) -> Result<(), CoreError> {
    if objectives.is_empty() {
        return Ok(());
    }
    let container = tx.put_object(settings, OBJECTIVES, ObjType::Map)?;
    for (objective, rank) in objectives
        .iter()
        .zip(Rank::sequence(None, objectives.len()))
    {
        let item = tx.put_object(&container, objective.id.as_str(), ObjType::Map)?;
        tx.put(&item, TITLE, objective.title.as_str())?;
        let value = ScalarValue::Uint(objective.business_value.into());
        tx.put(&item, BUSINESS_VALUE, value)?;
        tx.put(&item, COMMITTED, objective.committed)?;
        tx.put(&item, RANK, rank.as_string())?;
    }
    Ok(())
}

/// A file's objectives are few, each titled, valued 1–10 and under its own id, and every
/// story aligns to one of them (or none).
pub(crate) fn check(model: &MapModel) -> Result<(), CoreError> {
    let objectives = &model.settings.objectives;
    if objectives.len() > MAX_OBJECTIVES {
        return Err(CoreError::InvalidInput(format!(
            "the map has {} objectives; a map holds at most {MAX_OBJECTIVES}",
            objectives.len()
        )));
    }
    let mut ids = HashSet::new();
    for objective in objectives {
        if objective.id.trim().is_empty() || !ids.insert(objective.id.as_str()) {
            return Err(CoreError::InvalidInput(format!(
                "objective '{}' has an empty id or one used twice",
                objective.title
            )));
        }
        clean_title("objective", &objective.title)?;
        check_business_value(i64::from(objective.business_value)).map_err(|e| {
            CoreError::InvalidInput(format!("objective '{}': {e}", objective.title))
        })?;
    }
    for story in &model.stories {
        if let Some(id) = story.details.objective_id.as_deref() {
            if !ids.contains(id) {
                return Err(CoreError::InvalidInput(format!(
                    "story '{}' aligns to objective '{id}', which the map does not have",
                    story.title
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_value_is_one_to_ten() {
        assert_eq!(check_business_value(1).unwrap(), 1);
        assert_eq!(check_business_value(10).unwrap(), 10);
        for bad in [0, 11, -3, 300] {
            let err = check_business_value(bad).unwrap_err().to_string();
            assert!(err.contains("1 to 10"), "{err}");
        }
    }
}
