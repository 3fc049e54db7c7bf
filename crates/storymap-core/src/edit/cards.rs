//! Story cards on the map: adding one to a cell, renaming, moving, duplicating, deleting,
//! and linking a card (or an activity) to its Jira issue.

use automerge::transaction::Transactable;
use automerge::{ObjType, ScalarValue};

use super::ranks::{end_rank, place, slot_ranks, without};
use super::shared::{live, new_story, object_field, rename, title_of, STORY};
use super::tx::EditTx;
use crate::history::Entity;
use crate::read::{bool_field, entries, str_field};
use crate::schema::*;
use crate::{CoreError, Rank};

#[derive(Debug, Clone, PartialEq)]
pub enum CardEdit {
    AddStory {
        step_id: String,
        release_id: String,
        title: String,
    },
    RenameStory {
        story_id: String,
        title: String,
    },
    /// `to_index` counts positions in the cell without the moved card.
    MoveStory {
        story_id: String,
        step_id: String,
        release_id: String,
        to_index: usize,
    },
    DuplicateStory {
        story_id: String,
    },
    DeleteStory {
        story_id: String,
    },
    /// Links an activity (an epic) or a story to its Jira issue; `None` unlinks.
    SetJiraKey {
        item: JiraItem,
        key: Option<String>,
    },
}

/// What a Jira issue key is kept on.
#[derive(Debug, Clone, PartialEq)]
pub enum JiraItem {
    Activity(String),
    Story(String),
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &CardEdit) -> Result<String, CoreError> {
    match edit {
        CardEdit::AddStory {
            step_id,
            release_id,
            title,
        } => {
            live(rec.tx, STEPS, "step", step_id)?;
            live(rec.tx, RELEASES, "release slice", release_id)?;
            let title = super::shared::clean_title("story", title)?;
            let rank = end_rank(&rec.placement.cell(step_id, release_id));
            let (id, time) = (rec.create(), rec.time);
            new_story(rec, &id, &title, &rank, (step_id, release_id), time)?;
            Ok(format!("Add story '{title}'"))
        }
        CardEdit::RenameStory { story_id, title } => rename(
            rec,
            &STORY,
            Entity::Story(story_id.clone()),
            story_id,
            title,
        ),
        CardEdit::MoveStory {
            story_id,
            step_id,
            release_id,
            to_index,
        } => move_story(rec, story_id, (step_id, release_id), *to_index),
        CardEdit::DuplicateStory { story_id } => duplicate_story(rec, story_id),
        CardEdit::DeleteStory { story_id } => {
            let obj = live(rec.tx, STORIES, "story", story_id)?;
            let title = title_of(rec.tx, &obj);
            rec.delete(&Entity::Story(story_id.clone()))?;
            Ok(format!("Delete story '{title}'"))
        }
        CardEdit::SetJiraKey { item, key } => set_jira_key(rec, item, key.as_deref()),
    }
}

fn move_story(
    rec: &mut EditTx<'_, '_>,
    story_id: &str,
    (step_id, release_id): (&str, &str),
    to_index: usize,
) -> Result<String, CoreError> {
    let obj = live(rec.tx, STORIES, "story", story_id)?;
    live(rec.tx, STEPS, "step", step_id)?;
    live(rec.tx, RELEASES, "release slice", release_id)?;
    let title = title_of(rec.tx, &obj);
    let others = without(rec.placement.cell(step_id, release_id), story_id);
    let entity = Entity::Story(story_id.to_owned());
    let rank = slot_ranks(rec, &others, to_index, 1, Entity::Story)?.remove(0);
    // The whole place, always and in this order: concurrent moves then conflict on all
    // three fields alike and the card shows in one of the places chosen, never in a mix.
    for (field, value) in [(STEP_ID, step_id), (RELEASE_ID, release_id)] {
        rec.put_always(&entity, field, Some(ScalarValue::Str(value.into())))?;
    }
    rec.put_always(
        &entity,
        RANK,
        Some(ScalarValue::Str(rank.as_string().into())),
    )?;
    Ok(format!("Move story '{title}'"))
}

/// A copy of a story right below it: title, status, estimate, description and criteria.
fn duplicate_story(rec: &mut EditTx<'_, '_>, story_id: &str) -> Result<String, CoreError> {
    let source = live(rec.tx, STORIES, "story", story_id)?;
    let tx = &*rec.tx;
    let title = title_of(tx, &source);
    let step = str_field(tx, &source, STEP_ID).unwrap_or_default();
    let release = str_field(tx, &source, RELEASE_ID).unwrap_or_default();
    let copied: Vec<(&str, String)> = [STATUS, ESTIMATE]
        .into_iter()
        .filter_map(|key| str_field(tx, &source, key).map(|v| (key, v)))
        .collect();
    let description = str_field(tx, &source, DESCRIPTION).unwrap_or_default();
    let criteria: Vec<(String, String, bool, Option<String>)> =
        entries(tx, &source, ACCEPTANCE_CRITERIA)
            .into_iter()
            .map(|(id, c)| {
                let text = str_field(tx, &c, TEXT).unwrap_or_default();
                (id, text, bool_field(tx, &c, DONE), str_field(tx, &c, RANK))
            })
            .collect();
    let cell = rec.placement.cell(&step, &release);
    let below = cell
        .iter()
        .position(|(_, id)| id == story_id)
        .map_or(cell.len(), |i| i + 1);
    let (new_id, time) = (rec.create(), rec.time);
    let story = new_story(
        rec,
        &new_id,
        &title,
        &Rank::first(),
        (&step, &release),
        time,
    )?;
    place(rec, &cell, below, Entity::Story(new_id), Entity::Story)?;
    let tx = &mut *rec.tx;
    for (key, value) in copied {
        tx.put(&story, key, value)?;
    }
    if !description.is_empty() {
        let text = object_field(tx, &story, DESCRIPTION)?;
        tx.splice_text(&text, 0, 0, &description)?;
    }
    // Criterion ids are keys inside their story, so the copy keeps them.
    let criteria_obj = object_field(tx, &story, ACCEPTANCE_CRITERIA)?;
    for (id, text, done, rank) in criteria {
        let criterion = tx.put_object(&criteria_obj, &id, ObjType::Map)?;
        tx.put(&criterion, TEXT, text)?;
        tx.put(&criterion, DONE, done)?;
        if let Some(rank) = rank {
            tx.put(&criterion, RANK, rank)?;
        }
    }
    Ok(format!("Duplicate story '{title}'"))
}

fn set_jira_key(
    rec: &mut EditTx<'_, '_>,
    item: &JiraItem,
    key: Option<&str>,
) -> Result<String, CoreError> {
    let (entity, obj) = match item {
        JiraItem::Activity(id) => (
            Entity::Activity(id.clone()),
            live(rec.tx, ACTIVITIES, "activity", id)?,
        ),
        JiraItem::Story(id) => (
            Entity::Story(id.clone()),
            live(rec.tx, STORIES, "story", id)?,
        ),
    };
    let title = title_of(rec.tx, &obj);
    match key.map(str::trim).filter(|k| !k.is_empty()) {
        Some(key) => {
            if key.chars().count() > 100 || key.contains(char::is_whitespace) {
                return Err(CoreError::InvalidInput(format!(
                    "'{key}' is not a Jira issue key"
                )));
            }
            rec.set_str(&entity, JIRA_KEY, key)?;
            Ok(format!("Link '{title}' to Jira {key}"))
        }
        None => {
            rec.set(&entity, JIRA_KEY, None)?;
            Ok(format!("Unlink '{title}' from Jira"))
        }
    }
}
