//! Helpers every edit family uses: finding live entities, checking typed text, and
//! writing new titled entities and stories. Families depend on these, never on each other.

use automerge::transaction::{Transactable, Transaction};
use automerge::{ObjId, ObjType, ReadDoc, ScalarValue, ROOT};

use crate::history::{Entity, Recorder};
use crate::limits::*;
use crate::read::{is_deleted, map_field, str_field};
use crate::read_fields::item_in_all;
use crate::schema::*;
use crate::{CoreError, Rank};

/// Titles are trimmed; an empty one is refused so no card or header goes blank.
pub(crate) fn clean_title(what: &str, title: &str) -> Result<String, CoreError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(CoreError::InvalidInput(format!("the {what} needs a name")));
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(CoreError::InvalidInput(format!(
            "the {what} name is longer than {MAX_TITLE_CHARS} characters"
        )));
    }
    if let Some(c) = control_character(title) {
        return Err(CoreError::InvalidInput(format!(
            "the {what} name contains the control character U+{:04X}; remove it",
            u32::from(c)
        )));
    }
    Ok(title.to_owned())
}

/// The first control character of `text` other than tab and newline: a terminal escape or
/// a NUL in a title would garble every view and export, so titles refuse them.
pub(crate) fn control_character(text: &str) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() && !matches!(c, '\t' | '\n'))
}

/// Optional text: trimmed, refused when overlong.
pub(crate) fn bounded(what: &str, text: &str, max: usize) -> Result<String, CoreError> {
    if text.chars().count() > max {
        return Err(CoreError::InvalidInput(format!(
            "the {what} is longer than {max} characters"
        )));
    }
    Ok(text.trim().to_owned())
}

/// Text a person typed: trimmed, not empty, not overlong.
pub(crate) fn required(what: &str, value: &str, max: usize) -> Result<String, CoreError> {
    let value = bounded(what, value, max)?;
    if value.is_empty() {
        return Err(CoreError::InvalidInput(format!("the {what} is empty")));
    }
    Ok(value)
}

pub(crate) fn container(tx: &mut Transaction<'_>, key: &str) -> Result<ObjId, CoreError> {
    match map_field(tx, &ROOT, key) {
        Some(obj) => Ok(obj),
        None => Ok(tx.put_object(ROOT, key, ObjType::Map)?),
    }
}

/// A map inside `parent`, created when missing (creating an empty map changes nothing a
/// reader sees, so it needs no undo).
pub(crate) fn ensure_map(
    rec: &mut Recorder<'_, '_>,
    parent: &ObjId,
    key: &str,
) -> Result<ObjId, CoreError> {
    match map_field(rec.tx, parent, key) {
        Some(obj) => Ok(obj),
        None => Ok(rec.tx.put_object(parent, key, ObjType::Map)?),
    }
}

/// An entity that exists and is not deleted; edits refuse anything else.
pub(crate) fn live(
    tx: &Transaction<'_>,
    key: &str,
    kind: &'static str,
    id: &str,
) -> Result<ObjId, CoreError> {
    item_in_all(tx, &ROOT, key, id)
        .filter(|obj| !is_deleted(tx, obj))
        .ok_or_else(|| CoreError::not_found(kind, id))
}

/// A live story.
pub(crate) fn story(rec: &Recorder<'_, '_>, id: &str) -> Result<ObjId, CoreError> {
    live(rec.tx, STORIES, "story", id)
}

pub(crate) fn title_of(tx: &Transaction<'_>, obj: &ObjId) -> String {
    str_field(tx, obj, TITLE).unwrap_or_default()
}

/// A story's title for a label, or its id when it is gone.
pub(crate) fn story_title(tx: &Transaction<'_>, story_id: &str) -> String {
    map_field(tx, &ROOT, STORIES)
        .and_then(|s| map_field(tx, &s, story_id))
        .and_then(|s| str_field(tx, &s, TITLE))
        .unwrap_or_else(|| story_id.to_owned())
}

pub(crate) fn object_field(
    tx: &Transaction<'_>,
    obj: &ObjId,
    key: &str,
) -> Result<ObjId, CoreError> {
    match tx.get(obj, key)? {
        Some((automerge::Value::Object(_), id)) => Ok(id),
        _ => Err(CoreError::Malformed(format!(
            "the new story has no '{key}'"
        ))),
    }
}

/// Adds or removes `key` in the set `set` of a story (labels, dependencies, DoR ticks).
pub(crate) fn set_member(
    rec: &mut Recorder<'_, '_>,
    (story_id, story): (&str, &ObjId),
    set: &'static str,
    key: &str,
    on: bool,
) -> Result<(), CoreError> {
    ensure_map(rec, story, set)?;
    let value = on.then_some(ScalarValue::Boolean(true));
    rec.set(&Entity::StoryPart(story_id.to_owned(), set), key, value)
}

/// What a titled entity is called, and where it lives.
pub(crate) struct Titled {
    pub key: &'static str,
    pub kind: &'static str,
}

pub(crate) const ACTIVITY: Titled = Titled {
    key: ACTIVITIES,
    kind: "activity",
};
pub(crate) const STEP: Titled = Titled {
    key: STEPS,
    kind: "step",
};
pub(crate) const RELEASE: Titled = Titled {
    key: RELEASES,
    kind: "release slice",
};
pub(crate) const STORY: Titled = Titled {
    key: STORIES,
    kind: "story",
};

pub(crate) fn rename(
    rec: &mut Recorder<'_, '_>,
    titled: &Titled,
    entity: Entity,
    id: &str,
    title: &str,
) -> Result<String, CoreError> {
    live(rec.tx, titled.key, titled.kind, id)?;
    let title = clean_title(titled.kind, title)?;
    rec.set_str(&entity, TITLE, &title)?;
    Ok(format!("Rename {} to '{title}'", titled.kind))
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

pub(crate) fn new_titled(
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

pub(crate) fn settings(rec: &mut Recorder<'_, '_>) -> Result<ObjId, CoreError> {
    ensure_map(rec, &ROOT, SETTINGS)
}

/// A collection made in the settings on first use (`objectives`, `personas`): whichever
/// settings copy holds it, or a new one.
pub(crate) fn settings_part(
    rec: &mut Recorder<'_, '_>,
    key: &'static str,
) -> Result<ObjId, CoreError> {
    let settings = settings(rec)?;
    if let Some(obj) = Entity::SettingsPart(key).locate(&*rec.tx) {
        return Ok(obj);
    }
    Ok(rec.tx.put_object(&settings, key, ObjType::Map)?)
}

/// The Definition-of-Ready map, written out with the defaults the first time it is edited
/// (fixed ids, so two people doing that concurrently write the same thing).
pub(crate) fn dor_items(rec: &mut Recorder<'_, '_>) -> Result<ObjId, CoreError> {
    let settings = settings(rec)?;
    // Any copy of the settings may hold it (see `read_fields::all_maps`).
    if let Some(obj) = Entity::SettingsPart(DEFINITION_OF_READY).locate(&*rec.tx) {
        return Ok(obj);
    }
    let obj = rec
        .tx
        .put_object(&settings, DEFINITION_OF_READY, ObjType::Map)?;
    let items = crate::refine::default_definition_of_ready();
    for (item, rank) in items.iter().zip(Rank::sequence(None, items.len())) {
        let entry = rec.tx.put_object(&obj, &item.id, ObjType::Map)?;
        rec.tx.put(&entry, TEXT, item.text.as_str())?;
        rec.tx.put(&entry, RANK, rank.as_string())?;
        if let Some(rule) = item.rule {
            rec.tx.put(&entry, RULE, rule.as_str())?;
        }
    }
    Ok(obj)
}

pub(crate) fn live_dor_item(rec: &mut Recorder<'_, '_>, item_id: &str) -> Result<(), CoreError> {
    dor_items(rec)?;
    Entity::DorItem(item_id.to_owned())
        .locate(&*rec.tx)
        .filter(|item| !is_deleted(rec.tx, item))
        .map(|_| ())
        .ok_or_else(|| CoreError::not_found("Definition of Ready item", item_id))
}

/// Sets a story's estimate, checked against the scale; `None` or blank clears it.
pub(crate) fn write_estimate(
    rec: &mut Recorder<'_, '_>,
    story_id: &str,
    estimate: Option<&str>,
) -> Result<(), CoreError> {
    let entity = Entity::Story(story_id.to_owned());
    match estimate.map(str::trim).filter(|e| !e.is_empty()) {
        Some(text) => {
            let estimate = crate::refine::Estimate::parse(text)?;
            rec.set_str(&entity, ESTIMATE, &estimate.to_string())
        }
        None => rec.set(&entity, ESTIMATE, None),
    }
}
