//! The map's name, its activities and their steps: adding, renaming, moving, deleting.

use automerge::transaction::Transactable;

use super::ranks::{end_rank, place, siblings, steps_of, without};
use super::shared::{clean_title, live, new_titled, rename, title_of, ACTIVITY, STEP};
use super::tx::EditTx;
use crate::history::Entity;
use crate::schema::*;
use crate::CoreError;

/// `to_index` in the moves counts positions among the siblings without the moved item.
#[derive(Debug, Clone, PartialEq)]
pub enum BackboneEdit {
    RenameMap {
        name: String,
    },
    AddActivity {
        title: String,
    },
    RenameActivity {
        activity_id: String,
        title: String,
    },
    MoveActivity {
        activity_id: String,
        to_index: usize,
    },
    /// With its steps and their stories.
    DeleteActivity {
        activity_id: String,
    },
    AddStep {
        activity_id: String,
        title: String,
    },
    RenameStep {
        step_id: String,
        title: String,
    },
    MoveStep {
        step_id: String,
        activity_id: String,
        to_index: usize,
    },
    /// With its stories.
    DeleteStep {
        step_id: String,
    },
    /// Folds a duplicate activity (two laptops both added "Checkout" offline) into
    /// another: its steps move there — a step named like one already there gives that one
    /// its stories — and it goes. Nothing else is lost; one undo brings it back.
    MergeActivity {
        activity_id: String,
        into_id: String,
    },
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &BackboneEdit) -> Result<String, CoreError> {
    match edit {
        BackboneEdit::RenameMap { name } => {
            let name = clean_title("map", name)?;
            rec.set_str(&Entity::Map, NAME, &name)?;
            Ok(format!("Rename map to '{name}'"))
        }
        BackboneEdit::AddActivity { title } => {
            let title = clean_title("activity", title)?;
            let rank = end_rank(&siblings(rec.tx, ACTIVITIES, |_| true));
            let id = rec.create();
            new_titled(rec, ACTIVITIES, Entity::Activity(id), &title, &rank)?;
            Ok(format!("Add activity '{title}'"))
        }
        BackboneEdit::RenameActivity { activity_id, title } => rename(
            rec,
            &ACTIVITY,
            Entity::Activity(activity_id.clone()),
            activity_id,
            title,
        ),
        BackboneEdit::MoveActivity {
            activity_id,
            to_index,
        } => {
            let obj = live(rec.tx, ACTIVITIES, "activity", activity_id)?;
            let title = title_of(rec.tx, &obj);
            let others = without(siblings(rec.tx, ACTIVITIES, |_| true), activity_id);
            let entity = Entity::Activity(activity_id.clone());
            place(rec, &others, *to_index, entity, Entity::Activity)?;
            Ok(format!("Move activity '{title}'"))
        }
        BackboneEdit::DeleteActivity { activity_id } => {
            let obj = live(rec.tx, ACTIVITIES, "activity", activity_id)?;
            let title = title_of(rec.tx, &obj);
            let steps: Vec<String> = steps_of(rec.tx, activity_id)
                .into_iter()
                .map(|(_, id)| id)
                .collect();
            let count = delete_steps_with_stories(rec, &steps)?;
            rec.delete(&Entity::Activity(activity_id.clone()))?;
            Ok(with_stories(format!("Delete activity '{title}'"), count))
        }
        BackboneEdit::AddStep { activity_id, title } => {
            live(rec.tx, ACTIVITIES, "activity", activity_id)?;
            let title = clean_title("step", title)?;
            let rank = end_rank(&steps_of(rec.tx, activity_id));
            let id = rec.create();
            let step = new_titled(rec, STEPS, Entity::Step(id), &title, &rank)?;
            rec.tx.put(&step, ACTIVITY_ID, activity_id.as_str())?;
            Ok(format!("Add step '{title}'"))
        }
        BackboneEdit::RenameStep { step_id, title } => {
            rename(rec, &STEP, Entity::Step(step_id.clone()), step_id, title)
        }
        BackboneEdit::MoveStep {
            step_id,
            activity_id,
            to_index,
        } => move_step(rec, step_id, activity_id, *to_index),
        BackboneEdit::MergeActivity {
            activity_id,
            into_id,
        } => merge_activity(rec, activity_id, into_id),
        BackboneEdit::DeleteStep { step_id } => {
            let obj = live(rec.tx, STEPS, "step", step_id)?;
            let title = title_of(rec.tx, &obj);
            let count = delete_steps_with_stories(rec, std::slice::from_ref(step_id))?;
            Ok(with_stories(format!("Delete step '{title}'"), count))
        }
    }
}

fn move_step(
    rec: &mut EditTx<'_, '_>,
    step_id: &str,
    activity_id: &str,
    to_index: usize,
) -> Result<String, CoreError> {
    let obj = live(rec.tx, STEPS, "step", step_id)?;
    live(rec.tx, ACTIVITIES, "activity", activity_id)?;
    let title = title_of(rec.tx, &obj);
    let others = without(steps_of(rec.tx, activity_id), step_id);
    let entity = Entity::Step(step_id.to_owned());
    rec.set_str(&entity, ACTIVITY_ID, activity_id)?;
    place(rec, &others, to_index, entity, Entity::Step)?;
    // The projection stores each story's activity.
    rec.touched = rec.placement.in_steps(&[step_id.to_owned()]);
    Ok(format!("Move step '{title}'"))
}

fn merge_activity(rec: &mut EditTx<'_, '_>, from: &str, into: &str) -> Result<String, CoreError> {
    if from == into {
        return Err(CoreError::InvalidInput(
            "an activity cannot be merged into itself".into(),
        ));
    }
    let title = title_of(rec.tx, &live(rec.tx, ACTIVITIES, "activity", from)?);
    let into_title = title_of(rec.tx, &live(rec.tx, ACTIVITIES, "activity", into)?);
    let mut targets = steps_of(rec.tx, into);
    let target_titles: Vec<(String, String)> = targets
        .iter()
        .filter_map(|(_, id)| {
            let obj = live(rec.tx, STEPS, "step", id).ok()?;
            Some((title_of(rec.tx, &obj), id.clone()))
        })
        .collect();
    let mut stories = Vec::new();
    for (_, step) in steps_of(rec.tx, from) {
        let step_title = title_of(rec.tx, &live(rec.tx, STEPS, "step", &step)?);
        let in_step = rec.placement.in_steps(std::slice::from_ref(&step));
        let same_name = target_titles.iter().find(|(t, _)| *t == step_title);
        if let Some((_, target)) = same_name {
            // Their ranks stay: cards of both interleave in the cell, ties by id.
            for story in &in_step {
                rec.set_str(&Entity::Story(story.clone()), STEP_ID, target)?;
            }
            rec.delete(&Entity::Step(step))?;
        } else {
            let rank = end_rank(&targets);
            let entity = Entity::Step(step.clone());
            rec.set_str(&entity, ACTIVITY_ID, into)?;
            rec.set_str(&entity, RANK, &rank.as_string())?;
            targets.push((rank, step));
        }
        stories.extend(in_step);
    }
    rec.delete(&Entity::Activity(from.to_owned()))?;
    // The projection stores each story's activity.
    rec.touched = stories;
    Ok(format!("Merge activity '{title}' into '{into_title}'"))
}

fn delete_steps_with_stories(
    rec: &mut EditTx<'_, '_>,
    step_ids: &[String],
) -> Result<usize, CoreError> {
    let stories = rec.placement.in_steps(step_ids);
    for story in &stories {
        rec.delete(&Entity::Story(story.clone()))?;
    }
    for step in step_ids {
        rec.delete(&Entity::Step(step.clone()))?;
    }
    Ok(stories.len())
}

fn with_stories(label: String, count: usize) -> String {
    match count {
        0 => label,
        1 => format!("{label} and its story"),
        n => format!("{label} and its {n} stories"),
    }
}
