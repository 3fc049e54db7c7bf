//! A story's acceptance criteria: adding (one per pasted line), editing as text or
//! Given/When/Then, ticking, reordering, deleting.

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ScalarValue};

use super::ranks::{place, siblings_in};
use super::shared::{bounded, ensure_map, story, title_of};
use super::tx::EditTx;
use crate::history::{Entity, Recorder};
use crate::limits::*;
use crate::read::is_deleted;
use crate::schema::*;
use crate::{CoreError, Rank};

#[derive(Debug, Clone, PartialEq)]
pub enum CriteriaEdit {
    /// One criterion per non-empty line (pasting a list creates several).
    AddCriteria { story_id: String, text: String },
    UpdateCriterion {
        story_id: String,
        criterion_id: String,
        text: String,
        given: String,
        when: String,
        then: String,
    },
    SetCriterionDone {
        story_id: String,
        criterion_id: String,
        done: bool,
    },
    MoveCriterion {
        story_id: String,
        criterion_id: String,
        to_index: usize,
    },
    DeleteCriterion {
        story_id: String,
        criterion_id: String,
    },
}

/// Lines of pasted text as criteria: list markers ("- ", "* ", "1. ", "[ ] ") stripped.
pub fn criteria_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let line = line.trim();
            let line = line
                .strip_prefix("- [ ] ")
                .or_else(|| line.strip_prefix("[ ] "))
                .or_else(|| line.strip_prefix("- "))
                .or_else(|| line.strip_prefix("* "))
                .or_else(|| line.strip_prefix("• "))
                .unwrap_or(line);
            let numbered = line
                .split_once(". ")
                .or_else(|| line.split_once(") "))
                .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            numbered.map_or(line, |(_, rest)| rest).trim().to_owned()
        })
        .filter(|line| !line.is_empty())
        .collect()
}

/// Live criteria of a story in order: (rank, id).
pub(crate) fn criteria(rec: &Recorder<'_, '_>, story: &ObjId) -> Vec<(Rank, String)> {
    siblings_in(rec.tx, story, ACCEPTANCE_CRITERIA, |_| true)
}

fn live_criterion(
    rec: &Recorder<'_, '_>,
    story: &ObjId,
    story_id: &str,
    id: &str,
) -> Result<Entity, CoreError> {
    crate::read_fields::item_in_all(rec.tx, story, ACCEPTANCE_CRITERIA, id)
        .filter(|c| !is_deleted(rec.tx, c))
        .map(|_| Entity::Criterion(story_id.to_owned(), id.to_owned()))
        .ok_or_else(|| CoreError::NotFound {
            kind: "acceptance criterion",
            id: format!("{id} (story {story_id})"),
        })
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &CriteriaEdit) -> Result<String, CoreError> {
    let (CriteriaEdit::AddCriteria { story_id, .. }
    | CriteriaEdit::UpdateCriterion { story_id, .. }
    | CriteriaEdit::SetCriterionDone { story_id, .. }
    | CriteriaEdit::MoveCriterion { story_id, .. }
    | CriteriaEdit::DeleteCriterion { story_id, .. }) = edit;
    let obj = story(rec, story_id)?;
    let title = title_of(rec.tx, &obj);
    match edit {
        CriteriaEdit::AddCriteria { text, .. } => add_criteria(rec, (story_id, &obj), text),
        CriteriaEdit::UpdateCriterion {
            criterion_id,
            text,
            given,
            when,
            then,
            ..
        } => {
            let entity = live_criterion(rec, &obj, story_id, criterion_id)?;
            for (key, value) in [(TEXT, text), (GIVEN, given), (WHEN, when), (THEN, then)] {
                let value = bounded("acceptance criterion", value, MAX_CRITERION_CHARS)?;
                let value =
                    (!value.is_empty() || key == TEXT).then(|| ScalarValue::Str(value.into()));
                rec.set(&entity, key, value)?;
            }
            Ok(format!("Edit a criterion of '{title}'"))
        }
        CriteriaEdit::SetCriterionDone {
            criterion_id, done, ..
        } => {
            let entity = live_criterion(rec, &obj, story_id, criterion_id)?;
            rec.set(&entity, DONE, Some(ScalarValue::Boolean(*done)))?;
            Ok(format!("Tick a criterion of '{title}'"))
        }
        CriteriaEdit::MoveCriterion {
            criterion_id,
            to_index,
            ..
        } => {
            let entity = live_criterion(rec, &obj, story_id, criterion_id)?;
            let others: Vec<_> = criteria(rec, &obj)
                .into_iter()
                .filter(|(_, id)| id != criterion_id)
                .collect();
            let of_story = |id| Entity::Criterion(story_id.clone(), id);
            place(rec, &others, *to_index, entity, of_story)?;
            Ok(format!("Reorder the criteria of '{title}'"))
        }
        CriteriaEdit::DeleteCriterion { criterion_id, .. } => {
            let entity = live_criterion(rec, &obj, story_id, criterion_id)?;
            rec.delete(&entity)?;
            Ok(format!("Delete a criterion of '{title}'"))
        }
    }
}

fn add_criteria(
    rec: &mut EditTx<'_, '_>,
    (story_id, obj): (&str, &ObjId),
    text: &str,
) -> Result<String, CoreError> {
    let lines = criteria_lines(text);
    if lines.is_empty() {
        return Err(CoreError::InvalidInput(
            "the acceptance criterion is empty".into(),
        ));
    }
    let existing = criteria(rec, obj);
    if existing.len() + lines.len() > MAX_CRITERIA_PER_STORY {
        return Err(CoreError::InvalidInput(format!(
            "a story holds at most {MAX_CRITERIA_PER_STORY} acceptance criteria; this one has {} and {} more would pass that: split the story",
            existing.len(),
            lines.len()
        )));
    }
    let container = ensure_map(rec, obj, ACCEPTANCE_CRITERIA)?;
    let last = existing.last().map(|(r, _)| r.clone());
    let ranks = Rank::sequence(last.as_ref(), lines.len());
    let new_id = rec.new_id;
    for (i, (line, rank)) in lines.iter().zip(ranks).enumerate() {
        let id = format!("{new_id}-{i}");
        let line = bounded("acceptance criterion", line, MAX_CRITERION_CHARS)?;
        let criterion = rec.tx.put_object(&container, &id, ObjType::Map)?;
        rec.tx.put(&criterion, TEXT, line.as_str())?;
        rec.tx.put(&criterion, DONE, false)?;
        rec.tx.put(&criterion, RANK, rank.as_string())?;
        rec.created(Entity::Criterion(story_id.to_owned(), id));
    }
    rec.created_id = Some(format!("{new_id}-0"));
    let title = title_of(rec.tx, obj);
    Ok(match lines.len() {
        1 => format!("Add a criterion to '{title}'"),
        n => format!("Add {n} criteria to '{title}'"),
    })
}

#[cfg(test)]
mod tests {
    use super::criteria_lines;

    #[test]
    fn pasted_lists_become_one_criterion_per_line() {
        let pasted = "Given a basket\n\n- Shows the total\n* Includes fees\n1. Updates live\n2) In euros\n- [ ] Rounds to cents\n   \n";
        assert_eq!(
            criteria_lines(pasted),
            [
                "Given a basket",
                "Shows the total",
                "Includes fees",
                "Updates live",
                "In euros",
                "Rounds to cents"
            ]
        );
    }
}
