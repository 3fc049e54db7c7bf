//! The edits a POPM makes to a map, each applied as one Automerge transaction that
//! records the fields it wrote, so the local user can undo it (see `history`).

use automerge::transaction::{Transactable, Transaction};
use automerge::{ObjId, ObjType, ReadDoc, ScalarValue, ROOT};

use crate::edit_refine::RefineEdit;
use crate::history::{Entity, FieldWrite, Recorder};
use crate::history_edit::HistoryEdit;
use crate::read::{bool_field, entries, is_deleted, map_field, str_field};
use crate::schema::*;
use crate::session::SessionEdit;
use crate::{CoreError, Rank};

/// The slice stories go to when theirs is deleted and no other is chosen.
pub const UNPLANNED: &str = "Unplanned";

/// `to_index` in the moves counts positions among the siblings without the moved item.
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
    MoveActivity {
        activity_id: String,
        to_index: usize,
    },
    /// With its steps and their stories.
    DeleteActivity {
        activity_id: String,
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
    MoveRelease {
        release_id: String,
        to_index: usize,
    },
    /// Its stories move to the end of `move_stories_to`'s cells, or of the "Unplanned"
    /// slice (created when missing).
    DeleteRelease {
        release_id: String,
        move_stories_to: Option<String>,
    },
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
    /// Refining a story or the map's refinement settings (see `edit_refine`).
    Refine(RefineEdit),
    /// Settling a conflict or restoring the past (see `history_edit`).
    History(HistoryEdit),
    /// Running a refinement session (see `session`).
    Session(SessionEdit),
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

/// What an edit did: what it created, the fields it wrote (for undo), and which rows of
/// the projection it touched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    /// For the change message and the Undo menu, e.g. "Move story 'Pay by card'".
    pub label: String,
    pub created_id: Option<String>,
    pub map_renamed: bool,
    /// Activities, steps or release slices changed: the backbone rows are rewritten.
    pub outline_changed: bool,
    /// The Definition of Ready, size table or point limit changed: every story's
    /// readiness may have changed.
    pub settings_changed: bool,
    pub stories: Vec<String>,
    /// Refinement sessions written (they are not in the projection: read from the document).
    pub sessions: Vec<String>,
    pub writes: Vec<FieldWrite>,
}

impl Applied {
    /// What a set of field writes touched.
    pub(crate) fn from_writes(label: String, writes: Vec<FieldWrite>) -> Applied {
        let mut applied = Applied {
            label,
            ..Applied::default()
        };
        for write in &writes {
            match &write.entity {
                Entity::Map => applied.map_renamed = true,
                Entity::Activity(_) | Entity::Step(_) | Entity::Release(_) => {
                    applied.outline_changed = true
                }
                Entity::Settings | Entity::SettingsPart(_) | Entity::DorItem(_) => {
                    applied.settings_changed = true
                }
                session @ (Entity::Session(_)
                | Entity::SessionItem(..)
                | Entity::RoundVotes(..)) => {
                    let id = session.session_id().expect("a part of a session");
                    if !applied.sessions.iter().any(|s| s == id) {
                        applied.sessions.push(id.to_owned());
                    }
                }
                story => {
                    let id = story
                        .story_id()
                        .expect("the other entities are parts of a story");
                    if !applied.stories.iter().any(|s| s == id) {
                        applied.stories.push(id.to_owned());
                    }
                }
            }
        }
        applied.writes = writes;
        applied
    }

    /// Stories a dependency link written by this edit points at.
    pub fn linked_stories(&self) -> Vec<String> {
        self.writes
            .iter()
            .filter(|w| matches!(&w.entity, Entity::StoryPart(_, part) if *part == DEPENDS_ON))
            .map(|w| w.field.clone())
            .collect()
    }

    pub(crate) fn touch_stories(&mut self, stories: Vec<String>) {
        for story in stories {
            if !self.stories.contains(&story) {
                self.stories.push(story);
            }
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

/// An entity that exists and is not deleted; edits refuse anything else.
pub(crate) fn live(
    tx: &Transaction<'_>,
    key: &str,
    kind: &'static str,
    id: &str,
) -> Result<ObjId, CoreError> {
    map_field(tx, &ROOT, key)
        .and_then(|c| map_field(tx, &c, id))
        .filter(|obj| !is_deleted(tx, obj))
        .ok_or_else(|| CoreError::not_found(kind, id))
}

pub(crate) fn title_of(tx: &Transaction<'_>, obj: &ObjId) -> String {
    str_field(tx, obj, TITLE).unwrap_or_default()
}

fn rank_of(tx: &Transaction<'_>, obj: &ObjId) -> Rank {
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
        // The caller's filter first: on a large map it rules out nearly every entry.
        .filter(|(_, obj)| filter(obj) && !is_deleted(tx, obj))
        .map(|(id, obj)| (rank_of(tx, &obj), id))
        .collect();
    list.sort();
    list
}

fn cell_siblings(tx: &Transaction<'_>, step_id: &str, release_id: &str) -> Vec<(Rank, String)> {
    siblings(tx, STORIES, |obj| {
        str_field(tx, obj, STEP_ID).as_deref() == Some(step_id)
            && str_field(tx, obj, RELEASE_ID).as_deref() == Some(release_id)
    })
}

fn steps_of(tx: &Transaction<'_>, activity_id: &str) -> Vec<(Rank, String)> {
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

fn rename(
    rec: &mut Recorder<'_, '_>,
    (key, kind): (&str, &'static str),
    entity: Entity,
    id: &str,
    title: &str,
) -> Result<String, CoreError> {
    live(rec.tx, key, kind, id)?;
    let title = clean_title(kind, title)?;
    rec.set_str(&entity, TITLE, &title)?;
    Ok(format!("Rename {kind} to '{title}'"))
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

fn new_titled(
    rec: &mut Recorder<'_, '_>,
    key: &str,
    entity: Entity,
    title: &str,
    rank: &Rank,
) -> Result<ObjId, CoreError> {
    let id = match &entity {
        Entity::Activity(id) | Entity::Step(id) | Entity::Release(id) | Entity::Story(id) => {
            id.clone()
        }
        other => unreachable!("{other:?} is not created with a title"),
    };
    let obj = put_titled(rec.tx, key, &id, title, rank)?;
    rec.created(entity);
    Ok(obj)
}

/// Live stories whose step is one of `step_ids`.
fn stories_in_steps(tx: &Transaction<'_>, step_ids: &[String]) -> Vec<String> {
    entries(tx, &ROOT, STORIES)
        .into_iter()
        .filter(|(_, obj)| !is_deleted(tx, obj))
        .filter(|(_, obj)| str_field(tx, obj, STEP_ID).is_some_and(|s| step_ids.contains(&s)))
        .map(|(id, _)| id)
        .collect()
}

fn delete_steps_with_stories(
    rec: &mut Recorder<'_, '_>,
    step_ids: &[String],
) -> Result<usize, CoreError> {
    let stories = stories_in_steps(rec.tx, step_ids);
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

/// A new story in a cell, as a new idea.
pub(crate) fn new_story(
    rec: &mut Recorder<'_, '_>,
    id: &str,
    title: &str,
    rank: &Rank,
    (step_id, release_id): (&str, &str),
    time: i64,
) -> Result<ObjId, CoreError> {
    let story = new_titled(rec, STORIES, Entity::Story(id.to_owned()), title, rank)?;
    let tx = &mut *rec.tx;
    tx.put(&story, STEP_ID, step_id)?;
    tx.put(&story, RELEASE_ID, release_id)?;
    tx.put(&story, STATUS, "idea")?;
    tx.put(&story, CREATED_AT, ScalarValue::Timestamp(time * 1000))?;
    tx.put_object(&story, DESCRIPTION, ObjType::Text)?;
    tx.put_object(&story, ACCEPTANCE_CRITERIA, ObjType::Map)?;
    Ok(story)
}

fn object_field(tx: &Transaction<'_>, obj: &ObjId, key: &str) -> Result<ObjId, CoreError> {
    match tx.get(obj, key)? {
        Some((automerge::Value::Object(_), id)) => Ok(id),
        _ => Err(CoreError::Malformed(format!(
            "the new story has no '{key}'"
        ))),
    }
}

/// A copy of a story right below it: title, status, estimate, description and criteria.
fn duplicate_story(
    rec: &mut Recorder<'_, '_>,
    story_id: &str,
    new_id: &str,
    time: i64,
) -> Result<String, CoreError> {
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
    let cell = cell_siblings(tx, &step, &release);
    let below = cell
        .iter()
        .position(|(_, id)| id == story_id)
        .map_or(cell.len(), |i| i + 1);
    let story = new_story(rec, new_id, &title, &Rank::first(), (&step, &release), time)?;
    place(
        rec,
        &cell,
        below,
        Entity::Story(new_id.to_owned()),
        Entity::Story,
    )?;
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

/// The live slice named "Unplanned", other than `except`.
fn unplanned_slice(tx: &Transaction<'_>, except: &str) -> Option<String> {
    entries(tx, &ROOT, RELEASES)
        .into_iter()
        .filter(|(id, obj)| id != except && !is_deleted(tx, obj))
        .find(|(_, obj)| title_of(tx, obj) == UNPLANNED)
        .map(|(id, _)| id)
}

/// Deletes a slice after moving its stories; returns the label and the slice created for
/// them, if any.
fn delete_release(
    rec: &mut Recorder<'_, '_>,
    release_id: &str,
    move_stories_to: Option<&str>,
    new_id: &str,
) -> Result<(String, Option<String>), CoreError> {
    let release = live(rec.tx, RELEASES, "release slice", release_id)?;
    let title = title_of(rec.tx, &release);
    let tx = &*rec.tx;
    let mut stories: Vec<(String, Rank, String)> = entries(tx, &ROOT, STORIES)
        .into_iter()
        .filter(|(_, obj)| !is_deleted(tx, obj))
        .filter(|(_, obj)| str_field(tx, obj, RELEASE_ID).as_deref() == Some(release_id))
        .map(|(id, obj)| {
            let step = str_field(tx, &obj, STEP_ID).unwrap_or_default();
            (step, rank_of(tx, &obj), id)
        })
        .collect();
    stories.sort();
    let mut created = None;
    if !stories.is_empty() {
        let target = match move_stories_to {
            Some(target) if target == release_id => {
                return Err(CoreError::InvalidInput(
                    "the stories of a deleted slice must go to another slice".into(),
                ))
            }
            Some(target) => {
                live(tx, RELEASES, "release slice", target)?;
                target.to_owned()
            }
            None => match unplanned_slice(tx, release_id) {
                Some(existing) => existing,
                None => {
                    let rank = end_rank(&siblings(tx, RELEASES, |_| true));
                    let entity = Entity::Release(new_id.to_owned());
                    new_titled(rec, RELEASES, entity, UNPLANNED, &rank)?;
                    created = Some(new_id.to_owned());
                    new_id.to_owned()
                }
            },
        };
        for (step, _, story) in &stories {
            let cell = cell_siblings(rec.tx, step, &target);
            let entity = Entity::Story(story.clone());
            rec.set_str(&entity, RELEASE_ID, &target)?;
            rec.set_str(&entity, RANK, &end_rank(&cell).as_string())?;
        }
    }
    rec.delete(&Entity::Release(release_id.to_owned()))?;
    Ok((format!("Delete release slice '{title}'"), created))
}

fn move_story(
    rec: &mut Recorder<'_, '_>,
    story_id: &str,
    (step_id, release_id): (&str, &str),
    to_index: usize,
) -> Result<String, CoreError> {
    let obj = live(rec.tx, STORIES, "story", story_id)?;
    live(rec.tx, STEPS, "step", step_id)?;
    live(rec.tx, RELEASES, "release slice", release_id)?;
    let title = title_of(rec.tx, &obj);
    let others = without(cell_siblings(rec.tx, step_id, release_id), story_id);
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

fn set_jira_key(
    rec: &mut Recorder<'_, '_>,
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

pub(crate) fn apply(
    tx: &mut Transaction<'_>,
    edit: &Edit,
    new_id: &str,
    time: i64,
) -> Result<Applied, CoreError> {
    let mut rec = Recorder::new(tx);
    let mut created_id = None;
    let mut touched_stories = Vec::new();
    let label = match edit {
        Edit::RenameMap { name } => {
            let name = clean_title("map", name)?;
            rec.set_str(&Entity::Map, NAME, &name)?;
            format!("Rename map to '{name}'")
        }
        Edit::AddActivity { title } => {
            let title = clean_title("activity", title)?;
            let rank = end_rank(&siblings(rec.tx, ACTIVITIES, |_| true));
            new_titled(
                &mut rec,
                ACTIVITIES,
                Entity::Activity(new_id.into()),
                &title,
                &rank,
            )?;
            created_id = Some(new_id.to_owned());
            format!("Add activity '{title}'")
        }
        Edit::RenameActivity { activity_id, title } => rename(
            &mut rec,
            (ACTIVITIES, "activity"),
            Entity::Activity(activity_id.clone()),
            activity_id,
            title,
        )?,
        Edit::AddStep { activity_id, title } => {
            live(rec.tx, ACTIVITIES, "activity", activity_id)?;
            let title = clean_title("step", title)?;
            let rank = end_rank(&steps_of(rec.tx, activity_id));
            let step = new_titled(&mut rec, STEPS, Entity::Step(new_id.into()), &title, &rank)?;
            rec.tx.put(&step, ACTIVITY_ID, activity_id.as_str())?;
            created_id = Some(new_id.to_owned());
            format!("Add step '{title}'")
        }
        Edit::RenameStep { step_id, title } => rename(
            &mut rec,
            (STEPS, "step"),
            Entity::Step(step_id.clone()),
            step_id,
            title,
        )?,
        Edit::AddRelease { title } => {
            let title = clean_title("release slice", title)?;
            let rank = end_rank(&siblings(rec.tx, RELEASES, |_| true));
            new_titled(
                &mut rec,
                RELEASES,
                Entity::Release(new_id.into()),
                &title,
                &rank,
            )?;
            created_id = Some(new_id.to_owned());
            format!("Add release slice '{title}'")
        }
        Edit::RenameRelease { release_id, title } => rename(
            &mut rec,
            (RELEASES, "release slice"),
            Entity::Release(release_id.clone()),
            release_id,
            title,
        )?,
        Edit::AddStory {
            step_id,
            release_id,
            title,
        } => {
            live(rec.tx, STEPS, "step", step_id)?;
            live(rec.tx, RELEASES, "release slice", release_id)?;
            let title = clean_title("story", title)?;
            let rank = end_rank(&cell_siblings(rec.tx, step_id, release_id));
            new_story(&mut rec, new_id, &title, &rank, (step_id, release_id), time)?;
            created_id = Some(new_id.to_owned());
            format!("Add story '{title}'")
        }
        Edit::RenameStory { story_id, title } => rename(
            &mut rec,
            (STORIES, "story"),
            Entity::Story(story_id.clone()),
            story_id,
            title,
        )?,
        Edit::MoveActivity {
            activity_id,
            to_index,
        } => {
            let obj = live(rec.tx, ACTIVITIES, "activity", activity_id)?;
            let title = title_of(rec.tx, &obj);
            let others = without(siblings(rec.tx, ACTIVITIES, |_| true), activity_id);
            let entity = Entity::Activity(activity_id.clone());
            place(&mut rec, &others, *to_index, entity, Entity::Activity)?;
            format!("Move activity '{title}'")
        }
        Edit::DeleteActivity { activity_id } => {
            let obj = live(rec.tx, ACTIVITIES, "activity", activity_id)?;
            let title = title_of(rec.tx, &obj);
            let steps: Vec<String> = steps_of(rec.tx, activity_id)
                .into_iter()
                .map(|(_, id)| id)
                .collect();
            let count = delete_steps_with_stories(&mut rec, &steps)?;
            rec.delete(&Entity::Activity(activity_id.clone()))?;
            with_stories(format!("Delete activity '{title}'"), count)
        }
        Edit::MoveStep {
            step_id,
            activity_id,
            to_index,
        } => {
            let obj = live(rec.tx, STEPS, "step", step_id)?;
            live(rec.tx, ACTIVITIES, "activity", activity_id)?;
            let title = title_of(rec.tx, &obj);
            let others = without(steps_of(rec.tx, activity_id), step_id);
            let entity = Entity::Step(step_id.clone());
            rec.set_str(&entity, ACTIVITY_ID, activity_id)?;
            place(&mut rec, &others, *to_index, entity, Entity::Step)?;
            // The projection stores each story's activity.
            touched_stories = stories_in_steps(rec.tx, std::slice::from_ref(step_id));
            format!("Move step '{title}'")
        }
        Edit::DeleteStep { step_id } => {
            let obj = live(rec.tx, STEPS, "step", step_id)?;
            let title = title_of(rec.tx, &obj);
            let count = delete_steps_with_stories(&mut rec, std::slice::from_ref(step_id))?;
            with_stories(format!("Delete step '{title}'"), count)
        }
        Edit::MoveRelease {
            release_id,
            to_index,
        } => {
            let obj = live(rec.tx, RELEASES, "release slice", release_id)?;
            let title = title_of(rec.tx, &obj);
            let others = without(siblings(rec.tx, RELEASES, |_| true), release_id);
            let entity = Entity::Release(release_id.clone());
            place(&mut rec, &others, *to_index, entity, Entity::Release)?;
            format!("Move release slice '{title}'")
        }
        Edit::DeleteRelease {
            release_id,
            move_stories_to,
        } => {
            let (label, created) =
                delete_release(&mut rec, release_id, move_stories_to.as_deref(), new_id)?;
            created_id = created;
            label
        }
        Edit::MoveStory {
            story_id,
            step_id,
            release_id,
            to_index,
        } => move_story(&mut rec, story_id, (step_id, release_id), *to_index)?,
        Edit::DuplicateStory { story_id } => {
            created_id = Some(new_id.to_owned());
            duplicate_story(&mut rec, story_id, new_id, time)?
        }
        Edit::DeleteStory { story_id } => {
            let obj = live(rec.tx, STORIES, "story", story_id)?;
            let title = title_of(rec.tx, &obj);
            rec.delete(&Entity::Story(story_id.clone()))?;
            format!("Delete story '{title}'")
        }
        Edit::SetJiraKey { item, key } => set_jira_key(&mut rec, item, key.as_deref())?,
        Edit::Refine(refine) => {
            let (label, created) = crate::edit_refine::apply(&mut rec, refine, new_id, time)?;
            created_id = created;
            label
        }
        Edit::Session(session) => {
            let (label, created) = crate::session::apply(&mut rec, session, new_id, time)?;
            created_id = created;
            label
        }
        // Planned against the whole document, which a transaction cannot see.
        Edit::History(_) => {
            return Err(CoreError::InvalidInput(
                "a history edit goes through MapDocument::apply".into(),
            ))
        }
    };
    let mut applied = Applied::from_writes(label, rec.writes);
    applied.created_id = created_id;
    applied.touch_stories(touched_stories);
    Ok(applied)
}
