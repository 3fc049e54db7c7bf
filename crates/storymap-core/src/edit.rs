//! The edits a POPM makes to a map, each applied as one Automerge transaction.

use automerge::transaction::{Transactable, Transaction};
use automerge::{ObjId, ObjType, ROOT};

use crate::read::{entries, map_field, str_field};
use crate::schema::*;
use crate::{CoreError, Rank};

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
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
    AddStep {
        activity_id: String,
        title: String,
    },
    RenameStep {
        step_id: String,
        title: String,
    },
    AddRelease {
        title: String,
    },
    RenameRelease {
        release_id: String,
        title: String,
    },
    AddStory {
        step_id: String,
        release_id: String,
        title: String,
    },
    RenameStory {
        story_id: String,
        title: String,
    },
}

/// What an edit did: what it created, and which rows of the projection it touched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    pub created_id: Option<String>,
    pub map_renamed: bool,
    /// Activities, steps or release slices changed: the backbone rows are rewritten.
    pub outline_changed: bool,
    pub stories: Vec<String>,
}

impl Edit {
    /// A short human description, stored as the Automerge change message.
    pub fn describe(&self) -> String {
        match self {
            Edit::RenameMap { name } => format!("Rename map to '{name}'"),
            Edit::AddActivity { title } => format!("Add activity '{title}'"),
            Edit::RenameActivity { title, .. } => format!("Rename activity to '{title}'"),
            Edit::AddStep { title, .. } => format!("Add step '{title}'"),
            Edit::RenameStep { title, .. } => format!("Rename step to '{title}'"),
            Edit::AddRelease { title } => format!("Add release slice '{title}'"),
            Edit::RenameRelease { title, .. } => format!("Rename release slice to '{title}'"),
            Edit::AddStory { title, .. } => format!("Add story '{title}'"),
            Edit::RenameStory { title, .. } => format!("Rename story to '{title}'"),
        }
    }
}

/// Titles are trimmed; an empty one is refused so no card or header goes blank.
pub(crate) fn clean_title(what: &str, title: &str) -> Result<String, CoreError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(CoreError::InvalidInput(format!("the {what} needs a name")));
    }
    if title.chars().count() > 500 {
        return Err(CoreError::InvalidInput(format!(
            "the {what} name is longer than 500 characters"
        )));
    }
    Ok(title.to_owned())
}

pub(crate) fn container(tx: &mut Transaction<'_>, key: &str) -> Result<ObjId, CoreError> {
    match map_field(tx, &ROOT, key) {
        Some(obj) => Ok(obj),
        None => Ok(tx.put_object(ROOT, key, ObjType::Map)?),
    }
}

fn existing(
    tx: &Transaction<'_>,
    key: &str,
    kind: &'static str,
    id: &str,
) -> Result<ObjId, CoreError> {
    map_field(tx, &ROOT, key)
        .and_then(|c| map_field(tx, &c, id))
        .ok_or_else(|| CoreError::not_found(kind, id))
}

/// The rank after the last sibling matching `filter`.
fn rank_after_last(tx: &Transaction<'_>, key: &str, filter: impl Fn(&ObjId) -> bool) -> Rank {
    let last = entries(tx, &ROOT, key)
        .into_iter()
        .filter(|(_, obj)| filter(obj))
        .filter_map(|(_, obj)| str_field(tx, &obj, RANK).and_then(|r| Rank::parse(&r).ok()))
        .max();
    Rank::between(last.as_ref(), None)
}

fn rename(
    tx: &mut Transaction<'_>,
    key: &str,
    kind: &'static str,
    id: &str,
    title: &str,
) -> Result<(), CoreError> {
    let obj = existing(tx, key, kind, id)?;
    tx.put(&obj, TITLE, clean_title(kind, title)?)?;
    Ok(())
}

pub(crate) fn put_titled(
    tx: &mut Transaction<'_>,
    key: &str,
    id: &str,
    title: &str,
    rank: &Rank,
) -> Result<ObjId, CoreError> {
    let parent = container(tx, key)?;
    let obj = tx.put_object(&parent, id, ObjType::Map)?;
    tx.put(&obj, TITLE, title)?;
    tx.put(&obj, RANK, rank.as_string())?;
    Ok(obj)
}

pub(crate) fn apply(
    tx: &mut Transaction<'_>,
    edit: &Edit,
    new_id: &str,
    time: i64,
) -> Result<Applied, CoreError> {
    let mut applied = Applied::default();
    match edit {
        Edit::RenameMap { name } => {
            tx.put(ROOT, NAME, clean_title("map", name)?)?;
            applied.map_renamed = true;
        }
        Edit::AddActivity { title } => {
            let title = clean_title("activity", title)?;
            let rank = rank_after_last(tx, ACTIVITIES, |_| true);
            put_titled(tx, ACTIVITIES, new_id, &title, &rank)?;
            applied.created_id = Some(new_id.to_owned());
            applied.outline_changed = true;
        }
        Edit::RenameActivity { activity_id, title } => {
            rename(tx, ACTIVITIES, "activity", activity_id, title)?;
            applied.outline_changed = true;
        }
        Edit::AddStep { activity_id, title } => {
            existing(tx, ACTIVITIES, "activity", activity_id)?;
            let title = clean_title("step", title)?;
            let rank = rank_after_last(tx, STEPS, |obj| {
                str_field(tx, obj, ACTIVITY_ID).as_deref() == Some(activity_id)
            });
            let step = put_titled(tx, STEPS, new_id, &title, &rank)?;
            tx.put(&step, ACTIVITY_ID, activity_id.as_str())?;
            applied.created_id = Some(new_id.to_owned());
            applied.outline_changed = true;
        }
        Edit::RenameStep { step_id, title } => {
            rename(tx, STEPS, "step", step_id, title)?;
            applied.outline_changed = true;
        }
        Edit::AddRelease { title } => {
            let title = clean_title("release slice", title)?;
            let rank = rank_after_last(tx, RELEASES, |_| true);
            put_titled(tx, RELEASES, new_id, &title, &rank)?;
            applied.created_id = Some(new_id.to_owned());
            applied.outline_changed = true;
        }
        Edit::RenameRelease { release_id, title } => {
            rename(tx, RELEASES, "release slice", release_id, title)?;
            applied.outline_changed = true;
        }
        Edit::AddStory {
            step_id,
            release_id,
            title,
        } => {
            existing(tx, STEPS, "step", step_id)?;
            existing(tx, RELEASES, "release slice", release_id)?;
            let title = clean_title("story", title)?;
            let rank = rank_after_last(tx, STORIES, |obj| {
                str_field(tx, obj, STEP_ID).as_deref() == Some(step_id)
                    && str_field(tx, obj, RELEASE_ID).as_deref() == Some(release_id)
            });
            let story = put_titled(tx, STORIES, new_id, &title, &rank)?;
            tx.put(&story, STEP_ID, step_id.as_str())?;
            tx.put(&story, RELEASE_ID, release_id.as_str())?;
            tx.put(&story, STATUS, "todo")?;
            tx.put(
                &story,
                CREATED_AT,
                automerge::ScalarValue::Timestamp(time * 1000),
            )?;
            tx.put_object(&story, DESCRIPTION, ObjType::Text)?;
            tx.put_object(&story, ACCEPTANCE_CRITERIA, ObjType::Map)?;
            applied.created_id = Some(new_id.to_owned());
            applied.stories.push(new_id.to_owned());
        }
        Edit::RenameStory { story_id, title } => {
            rename(tx, STORIES, "story", story_id, title)?;
            applied.stories.push(story_id.clone());
        }
    }
    Ok(applied)
}
