//! The schema check of a merge: the changes a peer sent must leave every collection and
//! every entity they touched readable, or the merge is refused, naming what and whose.
//! It visits only what Automerge's diff names (top-level keys and entity ids), never the
//! whole map, so its cost follows the merge, not the map.

use std::collections::BTreeSet;

use automerge::{ChangeHash, ObjId, ObjType, Patch, Prop, ReadDoc, ScalarValue, Value, ROOT};

use crate::read::{all_maps, map_field, str_field};
use crate::schema::*;
use crate::CoreError;

/// The collections under the root that must stay maps.
const COLLECTIONS: [&str; 5] = [ACTIVITIES, STEPS, RELEASES, STORIES, SETTINGS];

/// What the diff of a merge touched: collections and the ids of their entities.
#[derive(Default)]
pub(crate) struct Touched {
    top: BTreeSet<String>,
    entities: Vec<(&'static str, String)>,
}

impl Touched {
    pub(crate) fn from_patches(patches: &[Patch]) -> Touched {
        let mut touched = Touched::default();
        let mut seen = BTreeSet::new();
        for patch in patches {
            let key_at = |i: usize| match patch.path.get(i) {
                Some((_, Prop::Map(key))) => Some(key.clone()),
                _ => None,
            };
            let action_key = || match &patch.action {
                automerge::PatchAction::PutMap { key, .. }
                | automerge::PatchAction::DeleteMap { key } => Some(key.clone()),
                _ => None,
            };
            let (top, second) = if patch.path.is_empty() {
                (action_key(), None)
            } else {
                (key_at(0), key_at(1).or_else(action_key))
            };
            let Some(collection) = top.and_then(|t| COLLECTIONS.into_iter().find(|c| *c == t))
            else {
                continue;
            };
            touched.top.insert(collection.to_owned());
            if let (Some(id), true) = (second, collection != SETTINGS) {
                if seen.insert((collection, id.clone())) {
                    touched.entities.push((collection, id));
                }
            }
        }
        touched
    }
}

/// Refuses the merge when the touched parts no longer read as a story map.
pub(crate) fn check_touched<R: ReadDoc>(
    doc: &R,
    before: &[ChangeHash],
    touched: &Touched,
    authors: &str,
) -> Result<(), CoreError> {
    let refuse = |what: String| {
        CoreError::RefusedChanges(format!(
            "the changes from {authors} {what}; nothing was merged"
        ))
    };
    for key in &touched.top {
        match doc.get(&ROOT, key.as_str())? {
            Some((Value::Object(ObjType::Map), _)) => {
                if overwritten(doc, key, before)? {
                    return Err(refuse(format!("replace the map's {key} with a new map")));
                }
            }
            Some((value, _)) => {
                return Err(refuse(format!("make the map's {key} {}", kind(&value))))
            }
            None => return Err(refuse(format!("remove the map's {key}"))),
        }
    }
    for (collection, id) in &touched.entities {
        if let Some(problem) = entity_problem(doc, before, collection, id)? {
            return Err(refuse(problem));
        }
    }
    Ok(())
}

fn singular(collection: &str) -> &'static str {
    match collection {
        STORIES => "story",
        STEPS => "step",
        ACTIVITIES => "activity",
        _ => "release",
    }
}

/// What is wrong with one touched entity, if anything.
fn entity_problem<R: ReadDoc>(
    doc: &R,
    before: &[ChangeHash],
    collection: &'static str,
    id: &str,
) -> Result<Option<String>, CoreError> {
    let Some(container) = map_field(doc, &ROOT, collection) else {
        return Ok(None); // Refused above as a collection that is not a map.
    };
    let noun = singular(collection);
    let obj = match doc.get(&container, id)? {
        Some((Value::Object(ObjType::Map), obj)) => obj,
        Some((value, _)) => return Ok(Some(format!("make {noun} {id} {}", kind(&value)))),
        None => return Ok(Some(format!("remove {noun} {id} (deletes are flags)"))),
    };
    if replaced(doc, &container, id, &obj, before)? {
        return Ok(Some(format!("replace {noun} {id} with a new one")));
    }
    let name = match str_field(doc, &obj, TITLE).or_else(|| title_before(doc, &obj, before)) {
        Some(title) if !title.trim().is_empty() => format!("{noun} '{title}'"),
        _ => format!("{noun} {id}"),
    };
    let strings: &[&str] = match collection {
        STORIES => &[
            TITLE,
            RANK,
            STEP_ID,
            RELEASE_ID,
            DESCRIPTION,
            STATUS,
            ESTIMATE,
        ],
        STEPS => &[TITLE, RANK, ACTIVITY_ID],
        _ => &[TITLE, RANK],
    };
    for key in strings {
        if let Some(value) = wrong_type(doc, &obj, key)? {
            let article = if key.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            return Ok(Some(format!("give {name} {article} {key} that is {value}")));
        }
    }
    let parents: &[(&str, &str, &str)] = match collection {
        STORIES => &[(STEP_ID, STEPS, "step"), (RELEASE_ID, RELEASES, "release")],
        STEPS => &[(ACTIVITY_ID, ACTIVITIES, "activity")],
        _ => &[],
    };
    for (key, parents, parent) in parents {
        if let Some(problem) = missing_parent(doc, &obj, key, parents, parent) {
            return Ok(Some(format!("put {name} {problem}")));
        }
    }
    Ok(None)
}

/// Whether `key` held another map object before the merge: the old one and everything
/// in it would no longer be read.
fn replaced<R: ReadDoc>(
    doc: &R,
    parent: &ObjId,
    key: &str,
    now: &ObjId,
    before: &[ChangeHash],
) -> Result<bool, CoreError> {
    Ok(match doc.get_at(parent, key, before) {
        Ok(Some((Value::Object(ObjType::Map), old))) => &old != now,
        // The parent itself is new (or was not a map): nothing was there to replace.
        _ => false,
    })
}

/// Whether a collection's map from before the merge is gone from its key. A concurrent
/// second map beside it is no loss (readers read every copy: `read_fields::all_maps`);
/// a later map put over it is.
fn overwritten<R: ReadDoc>(doc: &R, key: &str, before: &[ChangeHash]) -> Result<bool, CoreError> {
    let Ok(Some((Value::Object(ObjType::Map), old))) = doc.get_at(&ROOT, key, before) else {
        return Ok(false);
    };
    Ok(!all_maps(doc, &ROOT, key).contains(&old))
}

/// The title as it read before the merge, to name an entity whose title the merge broke.
fn title_before<R: ReadDoc>(doc: &R, obj: &ObjId, before: &[ChangeHash]) -> Option<String> {
    match doc.get_at(obj, TITLE, before).ok()?? {
        (Value::Scalar(s), _) => s.as_str().map(str::to_owned),
        (Value::Object(ObjType::Text), text) => doc.text_at(&text, before).ok(),
        _ => None,
    }
}

/// A field that is present but neither a string nor a text, described.
fn wrong_type<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Result<Option<String>, CoreError> {
    Ok(match doc.get(obj, key)? {
        None | Some((Value::Object(ObjType::Text), _)) => None,
        Some((Value::Scalar(s), _)) if matches!(s.as_ref(), ScalarValue::Str(_)) => None,
        Some((value, _)) => Some(kind(&value).to_owned()),
    })
}

/// A parent reference that names nothing that exists or ever existed (a deleted parent
/// still exists: deletes are flags). An empty release id is the unplanned slice.
fn missing_parent<R: ReadDoc>(
    doc: &R,
    obj: &ObjId,
    key: &str,
    collection: &str,
    parent: &str,
) -> Option<String> {
    let Some(target) = str_field(doc, obj, key) else {
        let required = key != RELEASE_ID;
        return required.then(|| format!("without a {parent}"));
    };
    if key == RELEASE_ID && target.is_empty() {
        return None;
    }
    let exists = map_field(doc, &ROOT, collection)
        .and_then(|c| map_field(doc, &c, &target))
        .is_some();
    (!exists).then(|| format!("under a {parent} that does not exist ('{target}')"))
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Object(ObjType::Map) => "a map",
        Value::Object(ObjType::Table) => "a table",
        Value::Object(ObjType::List) => "a list",
        Value::Object(ObjType::Text) => "a text",
        Value::Scalar(s) => match s.as_ref() {
            ScalarValue::Str(_) => "a string",
            ScalarValue::Int(_) | ScalarValue::Uint(_) | ScalarValue::F64(_) => "a number",
            ScalarValue::Counter(_) => "a counter",
            ScalarValue::Timestamp(_) => "a timestamp",
            ScalarValue::Boolean(_) => "true or false",
            ScalarValue::Null => "null",
            ScalarValue::Bytes(_) => "bytes",
            _ => "an unknown value",
        },
    }
}
