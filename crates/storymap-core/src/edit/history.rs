//! Edits that reach into the map's history: keeping one value of a conflict, and restoring
//! a story (or one of its fields) as it was at an earlier point. Each is planned against
//! the whole document (past states, where an op came from), then written as an ordinary
//! recorded edit, so it syncs, persists and undoes like any other.

use std::str::FromStr;

use automerge::transaction::{Transactable, Transaction};
use automerge::{Automerge, ChangeHash, ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT};

use super::tx::Applied;
use crate::field_key::{field_label, FieldKey, PLACE_FIELDS, SCALAR_FIELDS};
use crate::history::{scalar, Entity, Recorder};
use crate::op_origins::{place_at, OpOrigins};
use crate::read::{entries, is_deleted, key_set, map_field, str_field};
use crate::schema::*;
use crate::CoreError;

#[derive(Debug, Clone, PartialEq)]
pub enum HistoryEdit {
    /// Keeps one value of a conflicted field (see [`crate::conflicts`]), so only it
    /// remains; for `position`, the step, slice and rank that choice placed the card at.
    ResolveConflict {
        story_id: String,
        field: String,
        choice: String,
    },
    /// Writes back the story's title, description, status, estimate, refinement text,
    /// labels, WSJF scores, criteria and place as they were at `at` (hex change hashes,
    /// the heads of that point), and undeletes it.
    RestoreStory { story_id: String, at: Vec<String> },
    /// One field ("title", "description", "position", "criterion:<id>:text"…) as it was at `at`.
    RestoreField {
        story_id: String,
        field: String,
        at: Vec<String>,
    },
}

/// Change hashes from their hex form.
pub fn heads_from_hex(hex: &[String]) -> Result<Vec<ChangeHash>, CoreError> {
    hex.iter()
        .map(|h| {
            ChangeHash::from_str(h.trim())
                .map_err(|_| CoreError::InvalidInput(format!("'{h}' is not a change hash")))
        })
        .collect()
}

/// Heads this document holds, or a clear refusal.
pub(crate) fn known_heads(doc: &Automerge, hex: &[String]) -> Result<Vec<ChangeHash>, CoreError> {
    let heads = heads_from_hex(hex)?;
    if heads.is_empty() {
        return Err(CoreError::InvalidInput("no point in history given".into()));
    }
    if let Some(unknown) = heads.iter().find(|h| doc.get_change_by_hash(h).is_none()) {
        return Err(CoreError::InvalidInput(format!(
            "this map has no change {unknown}"
        )));
    }
    Ok(heads)
}

/// The writes a history edit makes, worked out before its transaction.
pub(crate) struct Plan {
    label: String,
    writes: Vec<(Entity, String, Option<ScalarValue>)>,
}

fn story_obj<R: ReadDoc>(doc: &R, story_id: &str) -> Option<ObjId> {
    map_field(doc, &ROOT, STORIES).and_then(|s| map_field(doc, &s, story_id))
}

fn criterion_obj<R: ReadDoc>(doc: &R, story: &ObjId, id: &str) -> Option<ObjId> {
    crate::read_fields::item_in_all(doc, story, ACCEPTANCE_CRITERIA, id)
}

pub(crate) fn plan(doc: &Automerge, edit: &HistoryEdit) -> Result<Plan, CoreError> {
    let story_id = match edit {
        HistoryEdit::ResolveConflict { story_id, .. }
        | HistoryEdit::RestoreStory { story_id, .. }
        | HistoryEdit::RestoreField { story_id, .. } => story_id,
    };
    let obj = story_obj(doc, story_id).ok_or_else(|| CoreError::not_found("story", story_id))?;
    let title = str_field(doc, &obj, TITLE).unwrap_or_default();
    let story = Entity::Story(story_id.clone());
    match edit {
        HistoryEdit::ResolveConflict { field, choice, .. } => {
            let key = FieldKey::parse(field)?;
            let writes = resolve(doc, &obj, &story, &key, choice)
                .ok_or_else(|| stale(field))?
                .into_iter()
                .map(|(entity, key, value)| (entity, key.to_owned(), value))
                .collect();
            Ok(Plan {
                label: format!("Settle the {} of '{title}'", field_label(field)),
                writes,
            })
        }
        HistoryEdit::RestoreStory { at, .. } => {
            let past = doc.fork_at(&known_heads(doc, at)?)?;
            let past_obj = story_obj(&past, story_id).ok_or_else(|| not_yet(story_id))?;
            Ok(Plan {
                label: format!("Restore '{title}' as it was"),
                writes: restore_story(doc, &obj, &past, &past_obj, story_id),
            })
        }
        HistoryEdit::RestoreField { field, at, .. } => {
            let key = FieldKey::parse(field)?;
            let past = doc.fork_at(&known_heads(doc, at)?)?;
            let past_obj = story_obj(&past, story_id).ok_or_else(|| not_yet(story_id))?;
            let writes = match &key {
                FieldKey::Scalar(key) => {
                    vec![(story, key.to_string(), scalar(&past, &past_obj, key))]
                }
                FieldKey::Position => PLACE_FIELDS
                    .iter()
                    .map(|key| {
                        (
                            story.clone(),
                            key.to_string(),
                            scalar(&past, &past_obj, key),
                        )
                    })
                    .filter(|(_, _, value)| value.is_some())
                    .collect(),
                FieldKey::CriterionText(id) => {
                    let past_criterion =
                        criterion_obj(&past, &past_obj, id).ok_or_else(|| not_yet(id))?;
                    let entity = Entity::Criterion(story_id.clone(), id.clone());
                    vec![(
                        entity,
                        TEXT.to_owned(),
                        scalar(&past, &past_criterion, TEXT),
                    )]
                }
            };
            Ok(Plan {
                label: format!("Restore the {} of '{title}'", field_label(field)),
                writes,
            })
        }
    }
}

fn stale(field: &str) -> CoreError {
    CoreError::InvalidInput(format!(
        "that value of the {} is no longer there (someone settled it or changed it since); \
         look at the conflicts again",
        field_label(field)
    ))
}

fn not_yet(id: &str) -> CoreError {
    CoreError::InvalidInput(format!("{id} did not exist at that point"))
}

/// The value `choice` names among a field's concurrent values.
fn chosen(
    doc: &Automerge,
    obj: &ObjId,
    field: &str,
    choice: &str,
) -> Option<(Value<'static>, ObjId)> {
    doc.get_all(obj, field)
        .ok()?
        .into_iter()
        .find(|(_, op)| op.to_string() == choice)
        .map(|(value, op)| (value.into_owned(), op))
}

fn resolve(
    doc: &Automerge,
    obj: &ObjId,
    story: &Entity,
    key: &FieldKey,
    choice: &str,
) -> Option<Vec<(Entity, &'static str, Option<ScalarValue>)>> {
    let as_scalar = |value: Value<'static>| match value {
        Value::Scalar(s) => Some(s.into_owned()),
        Value::Object(_) => None,
    };
    match key {
        FieldKey::Scalar(field) => {
            let (value, _) = chosen(doc, obj, field, choice)?;
            Some(vec![(story.clone(), *field, Some(as_scalar(value)?))])
        }
        FieldKey::CriterionText(id) => {
            let criterion = criterion_obj(doc, obj, id)?;
            let (value, _) = chosen(doc, &criterion, TEXT, choice)?;
            let Entity::Story(story_id) = story else {
                return None;
            };
            let entity = Entity::Criterion(story_id.clone(), id.clone());
            Some(vec![(entity, TEXT, Some(as_scalar(value)?))])
        }
        FieldKey::Position => {
            let op = PLACE_FIELDS
                .iter()
                .find_map(|field| chosen(doc, obj, field, choice))?
                .1;
            let hash = OpOrigins::new(doc).of(&op)?.hash;
            let place = place_at(doc, obj, hash);
            Some(
                PLACE_FIELDS
                    .into_iter()
                    .zip(place)
                    .filter_map(|(field, value)| {
                        value.map(|v| (story.clone(), field, Some(ScalarValue::Str(v.into()))))
                    })
                    .collect(),
            )
        }
    }
}

/// Every field a restore writes back, with its value at the past point.
fn restore_story(
    doc: &Automerge,
    obj: &ObjId,
    past: &Automerge,
    past_obj: &ObjId,
    story_id: &str,
) -> Vec<(Entity, String, Option<ScalarValue>)> {
    let story = Entity::Story(story_id.to_owned());
    let mut writes = Vec::new();
    for key in SCALAR_FIELDS
        .into_iter()
        .chain([DESCRIPTION])
        .chain(PLACE_FIELDS)
    {
        let value = scalar(past, past_obj, key);
        // Place and description always exist; a past without them has nothing to say.
        if value.is_some() || !(PLACE_FIELDS.contains(&key) || key == DESCRIPTION) {
            writes.push((story.clone(), key.to_owned(), value));
        }
    }
    let (before, now) = (key_set(past, past_obj, LABELS), key_set(doc, obj, LABELS));
    for label in now.iter().chain(&before) {
        let on = before.contains(label).then_some(ScalarValue::Boolean(true));
        writes.push((
            Entity::StoryPart(story_id.to_owned(), LABELS),
            label.clone(),
            on,
        ));
    }
    let past_wsjf = crate::read::all_maps(past, past_obj, WSJF);
    for part in [
        WSJF_VALUE,
        WSJF_TIME_CRITICALITY,
        WSJF_RISK_REDUCTION,
        WSJF_JOB_SIZE,
    ] {
        let value = crate::read::holder(past, &past_wsjf, part).and_then(|w| scalar(past, w, part));
        writes.push((
            Entity::StoryPart(story_id.to_owned(), WSJF),
            part.to_owned(),
            value,
        ));
    }
    let past_criteria = entries(past, past_obj, ACCEPTANCE_CRITERIA);
    for (id, criterion) in &past_criteria {
        let entity = Entity::Criterion(story_id.to_owned(), id.clone());
        for key in [TEXT, DONE, GIVEN, WHEN, THEN, RANK, DELETED] {
            writes.push((entity.clone(), key.to_owned(), scalar(past, criterion, key)));
        }
    }
    for (id, criterion) in entries(doc, obj, ACCEPTANCE_CRITERIA) {
        if !past_criteria.iter().any(|(past_id, _)| *past_id == id) && !is_deleted(doc, &criterion)
        {
            let entity = Entity::Criterion(story_id.to_owned(), id);
            writes.push((entity, DELETED.to_owned(), Some(ScalarValue::Boolean(true))));
        }
    }
    writes.push((story, DELETED.to_owned(), None));
    writes
}

/// Writes a plan as one recorded edit. A part map (labels, WSJF) missing now is created
/// when a value goes into it; a write to anything else missing now is skipped.
pub(crate) fn write(tx: &mut Transaction<'_>, plan: &Plan) -> Result<Applied, CoreError> {
    let mut rec = Recorder::new(tx);
    for (entity, field, value) in &plan.writes {
        if entity.locate(&*rec.tx).is_none() {
            match (entity, value) {
                (Entity::StoryPart(story_id, part), Some(_)) => {
                    let story = story_obj(&*rec.tx, story_id)
                        .ok_or_else(|| CoreError::not_found("story", story_id))?;
                    rec.tx.put_object(&story, *part, ObjType::Map)?;
                }
                _ => continue,
            }
        }
        rec.settle(entity, field, value.clone())?;
    }
    Ok(Applied::from_writes(plan.label.clone(), rec.writes))
}
