//! Reading one field of an Automerge map, tolerant of a missing or mistyped value: the
//! primitives `read` and the discussion (`comments`) read the document with.

use automerge::{ObjId, ObjType, ReadDoc, Value};

use crate::rank::Rank;
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

/// The `(id, object)` entries of a map-of-maps such as `stories`, in every copy of it
/// (see [`all_maps`]); an id found in two copies reads from the first.
pub(crate) fn entries<R: ReadDoc>(doc: &R, parent: &ObjId, key: &str) -> Vec<(String, ObjId)> {
    let containers = all_maps(doc, parent, key);
    if let [container] = containers.as_slice() {
        // One pass over the map; a get per key would double the cost on large maps.
        return maps_in(doc, container).collect();
    }
    let mut seen = std::collections::HashSet::new();
    containers
        .iter()
        .flat_map(|container| maps_in(doc, container).collect::<Vec<_>>())
        .filter(|(id, _)| seen.insert(id.clone()))
        .collect()
}

/// The `(id, object)` entries of one map-of-maps object.
pub(crate) fn entries_of<R: ReadDoc>(doc: &R, container: &ObjId) -> Vec<(String, ObjId)> {
    maps_in(doc, container).collect()
}

fn maps_in<'a, R: ReadDoc>(
    doc: &'a R,
    container: &ObjId,
) -> impl Iterator<Item = (String, ObjId)> + 'a {
    doc.map_range(container, ..)
        .filter(|item| matches!(item.value, automerge::ValueRef::Object(ObjType::Map)))
        .map(|item| (item.key.to_string(), item.id()))
}

/// Every map a key holds, the winner first, then the ones it conflicts with: two peers that
/// each created a story's first label (or the map's first session) made two maps under one
/// key, and a reader must see both, or one person's work would be hidden.
pub(crate) fn all_maps<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Vec<ObjId> {
    let mut maps: Vec<ObjId> = doc
        .get_all(obj, key)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(value, id)| matches!(value, Value::Object(ObjType::Map)).then_some(id))
        .collect();
    if maps.len() > 1 {
        if let Some(winner) = map_field(doc, obj, key) {
            maps.retain(|m| *m != winner);
            maps.insert(0, winner);
        }
    }
    maps
}

/// Every copy of `key` in every copy of its parent, in precedence order (see [`all_maps`]).
pub(crate) fn children<R: ReadDoc>(doc: &R, parents: &[ObjId], key: &str) -> Vec<ObjId> {
    parents
        .iter()
        .flat_map(|parent| all_maps(doc, parent, key))
        .collect()
}

/// The copy that decides a field: the first one holding it.
pub(crate) fn holder<'a, R: ReadDoc>(doc: &R, copies: &'a [ObjId], key: &str) -> Option<&'a ObjId> {
    copies
        .iter()
        .find(|obj| matches!(doc.get(*obj, key), Ok(Some(_))))
}

/// The keys of all copies of a map, each once, sorted.
pub(crate) fn keys_in_all<R: ReadDoc>(doc: &R, copies: &[ObjId]) -> Vec<String> {
    let mut keys: Vec<String> = copies.iter().flat_map(|obj| doc.keys(obj)).collect();
    keys.sort();
    keys.dedup();
    keys
}

/// An item of a keyed map held by `key`, looked up in each of its concurrent maps.
pub(crate) fn item_in_all<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str, id: &str) -> Option<ObjId> {
    all_maps(doc, obj, key)
        .into_iter()
        .find_map(|container| map_field(doc, &container, id))
}

/// One object's fields, read in one pass over it: a reader that wants most of a story's
/// ~40 fields pays one range scan instead of a seek per field (`get` was most of reading
/// a 10k map); a lookup is then a binary search.
pub(crate) struct Fields {
    items: Vec<(String, Value<'static>, ObjId, bool)>,
}

impl Fields {
    pub(crate) fn of<R: ReadDoc>(doc: &R, obj: &ObjId) -> Fields {
        let mut items: Vec<_> = doc
            .map_range(obj, ..)
            .map(|item| {
                let id = item.id();
                let conflict = item.conflict;
                (item.key.into_owned(), item.value.into_value(), id, conflict)
            })
            .collect();
        // Already in key order from Automerge; linear then, and safe if that ever changes.
        items.sort_by(|a, b| a.0.cmp(&b.0));
        Fields { items }
    }

    fn get(&self, key: &str) -> Option<&(String, Value<'static>, ObjId, bool)> {
        let at = self
            .items
            .binary_search_by(|(k, ..)| k.as_str().cmp(key))
            .ok()?;
        self.items.get(at)
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// A string, or a Text object's text.
    pub(crate) fn str<R: ReadDoc>(&self, doc: &R, key: &str) -> Option<String> {
        match self.get(key)? {
            (_, Value::Scalar(s), ..) => s.as_str().map(str::to_owned),
            (_, Value::Object(ObjType::Text), id, _) => doc.text(id).ok(),
            _ => None,
        }
    }

    pub(crate) fn bool(&self, key: &str) -> bool {
        matches!(self.get(key), Some((_, Value::Scalar(s), ..)) if s.as_bool() == Some(true))
    }

    /// Whether the field holds exactly `false` (absent is not false).
    pub(crate) fn is_false(&self, key: &str) -> bool {
        matches!(self.get(key), Some((_, Value::Scalar(s), ..)) if s.as_bool() == Some(false))
    }

    /// Every copy of the map at `key` (see [`all_maps`]); the extra lookup only when the key
    /// holds concurrent values.
    pub(crate) fn maps<R: ReadDoc>(&self, doc: &R, obj: &ObjId, key: &str) -> Vec<ObjId> {
        match self.get(key) {
            Some((_, _, _, true)) => all_maps(doc, obj, key),
            Some((_, Value::Object(ObjType::Map), id, false)) => vec![id.clone()],
            _ => Vec::new(),
        }
    }
}

pub(crate) fn f64_field<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Option<f64> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(s), _) => s.as_f64(),
        _ => None,
    }
}

pub(crate) fn non_empty(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

/// A rank that fails to parse sorts last rather than hiding the item.
pub(crate) fn parse_rank(text: Option<String>) -> Rank {
    text.and_then(|text| Rank::parse(&text).ok())
        .unwrap_or_else(Rank::last_resort)
}

/// Items by rank, ties by id.
pub(crate) fn sorted<T>(mut items: Vec<(Rank, String, T)>) -> Vec<T> {
    items.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    items.into_iter().map(|(_, _, t)| t).collect()
}
