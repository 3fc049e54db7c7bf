//! Reading one field of an Automerge map, tolerant of a missing or mistyped value: the
//! primitives `read` and the discussion (`comments`) read the document with.

use automerge::{ObjId, ObjType, ReadDoc, Value};

use crate::schema::DELETED;

pub(crate) fn str_field<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Option<String> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(s), _) => s.as_str().map(str::to_owned),
        (Value::Object(ObjType::Text), id) => doc.text(&id).ok(),
        _ => None,
    }
}

pub(crate) fn int_field<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Option<i64> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(s), _) => s.as_i64().or_else(|| s.as_u64().map(|v| v as i64)),
        _ => None,
    }
}

pub(crate) fn bool_field<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> bool {
    matches!(doc.get(obj, key), Ok(Some((Value::Scalar(s), _))) if s.as_bool() == Some(true))
}

pub(crate) fn map_field<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Option<ObjId> {
    match doc.get(obj, key).ok()?? {
        (Value::Object(ObjType::Map), id) => Some(id),
        _ => None,
    }
}

pub(crate) fn is_deleted<R: ReadDoc>(doc: &R, obj: &ObjId) -> bool {
    bool_field(doc, obj, DELETED)
}

/// The `(id, object)` entries of a map-of-maps such as `stories`.
pub(crate) fn entries<R: ReadDoc>(doc: &R, parent: &ObjId, key: &str) -> Vec<(String, ObjId)> {
    let Some(container) = map_field(doc, parent, key) else {
        return Vec::new();
    };
    // One pass over the map; a get per key would double the cost on large maps.
    doc.map_range(&container, ..)
        .filter(|item| matches!(item.value, automerge::ValueRef::Object(ObjType::Map)))
        .map(|item| (item.id(), item.key.into_owned()))
        .map(|(obj, key)| (key, obj))
        .collect()
}

/// Every map a key holds, the winner and the ones it conflicts with: two peers that each
/// created a story's first comment made two `comments` maps, and both are read.
pub(crate) fn all_maps<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Vec<ObjId> {
    doc.get_all(obj, key)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(value, id)| matches!(value, Value::Object(ObjType::Map)).then_some(id))
        .collect()
}

/// An item of a keyed map held by `key`, looked up in each of its concurrent maps.
pub(crate) fn item_in_all<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str, id: &str) -> Option<ObjId> {
    all_maps(doc, obj, key)
        .into_iter()
        .find_map(|container| map_field(doc, &container, id))
}

/// The `(id, object)` entries of every concurrent map held by `key` (see [`all_maps`]).
pub(crate) fn entries_in_all<R: ReadDoc>(
    doc: &R,
    parent: &ObjId,
    key: &str,
) -> Vec<(String, ObjId)> {
    let mut found: Vec<(String, ObjId)> = Vec::new();
    for container in all_maps(doc, parent, key) {
        for item in doc.map_range(&container, ..) {
            if matches!(item.value, automerge::ValueRef::Object(ObjType::Map))
                && !found.iter().any(|(k, _)| k == item.key.as_ref())
            {
                found.push((item.key.to_string(), item.id()));
            }
        }
    }
    found
}
