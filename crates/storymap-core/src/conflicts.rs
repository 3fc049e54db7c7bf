//! Where two people disagreed: a field of a live story that concurrent edits left with
//! several values (Automerge keeps them all and shows one), and cards moved to two places
//! at once. Each value names who wrote it and when, found from its op id: the change of
//! that actor whose op range holds its counter.

use automerge::{Automerge, ObjId, ReadDoc, Value, ROOT};

use crate::field_key::{field_label, quoted, PLACE_FIELDS, POSITION, SCALAR_FIELDS};
use crate::op_origins::{place_at, OpOrigins, Origin};
use crate::rank::Rank;
use crate::read::{entries, is_deleted, key_set, map_field, str_field};
use crate::schema::*;
use crate::{MapDocument, StoryStatus};

/// One of the values a conflicted field holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictValue {
    /// Opaque: names this value to [`crate::HistoryEdit::ResolveConflict`].
    pub choice: String,
    /// The value as people read it ("5", "Checkout / MVP").
    pub display: String,
    pub author: String,
    pub unix_time: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub story_id: String,
    pub story_title: String,
    /// A stable key: "title", "estimate", "position", "criterion:<id>:text".
    pub field: String,
    /// "estimate", "position", "criterion 'Shows the total'".
    pub field_label: String,
    pub values: Vec<ConflictValue>,
    /// The choice Automerge shows now.
    pub winner: String,
}

/// A scalar as people read it; a status by its name.
fn display(field: &str, value: &Value<'_>) -> String {
    let text = match value {
        Value::Scalar(s) => s
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| s.to_string()),
        Value::Object(_) => "(an object)".to_owned(),
    };
    match field {
        STATUS => StoryStatus::parse(&text).default_label().to_owned(),
        _ => text,
    }
}

fn title_of(doc: &Automerge, collection: &str, id: &str) -> String {
    map_field(doc, &ROOT, collection)
        .and_then(|c| map_field(doc, &c, id))
        .and_then(|obj| str_field(doc, &obj, TITLE))
        .unwrap_or_else(|| "a removed place".to_owned())
}

/// Conflicts on the live stories, by story title then field.
pub fn conflicts(map: &MapDocument) -> Vec<Conflict> {
    let doc = map.automerge();
    let mut origins: Option<OpOrigins> = None;
    let mut found = Vec::new();
    for (story_id, obj) in entries(doc, &ROOT, STORIES) {
        if is_deleted(doc, &obj) || !key_set(doc, &obj, SPLIT_INTO).is_empty() {
            continue;
        }
        let story_title = str_field(doc, &obj, TITLE).unwrap_or_default();
        let mut add = |field: String, field_label: String, values, winner| {
            found.push(Conflict {
                story_id: story_id.clone(),
                story_title: story_title.clone(),
                field,
                field_label,
                values,
                winner,
            })
        };
        for field in SCALAR_FIELDS {
            if let Some((values, winner)) = scalar_conflict(doc, &obj, field, &mut origins) {
                add(field.to_owned(), field_label(field), values, winner);
            }
        }
        if let Some((values, winner)) = position_conflict(doc, &obj, &story_id, &mut origins) {
            add(POSITION.to_owned(), field_label(POSITION), values, winner);
        }
        for (criterion_id, criterion) in entries(doc, &obj, ACCEPTANCE_CRITERIA) {
            if is_deleted(doc, &criterion) {
                continue;
            }
            if let Some((values, winner)) = scalar_conflict(doc, &criterion, TEXT, &mut origins) {
                let text = str_field(doc, &criterion, TEXT).unwrap_or_default();
                let label = format!("criterion {}", quoted(&text));
                add(
                    format!("criterion:{criterion_id}:text"),
                    label,
                    values,
                    winner,
                );
            }
        }
    }
    found.sort_by(|a, b| {
        (&a.story_title, &a.story_id, &a.field).cmp(&(&b.story_title, &b.story_id, &b.field))
    });
    found
}

fn origins_of<'a>(doc: &Automerge, origins: &'a mut Option<OpOrigins>) -> &'a OpOrigins {
    origins.get_or_insert_with(|| OpOrigins::new(doc))
}

/// The values of a field written concurrently, unless they all read the same.
fn scalar_conflict(
    doc: &Automerge,
    obj: &ObjId,
    field: &str,
    origins: &mut Option<OpOrigins>,
) -> Option<(Vec<ConflictValue>, String)> {
    let all = doc.get_all(obj, field).ok()?;
    if all.len() < 2 {
        return None;
    }
    let origins = origins_of(doc, origins);
    let values: Vec<ConflictValue> = all
        .iter()
        .map(|(value, op)| {
            let origin = origins.of(op);
            ConflictValue {
                choice: op.to_string(),
                display: display(field, value),
                author: origin.map_or_else(|| "someone".to_owned(), |o| o.author.clone()),
                unix_time: origin.map_or(0, |o| o.unix_time),
            }
        })
        .collect();
    if values.iter().all(|v| v.display == values[0].display) {
        return None;
    }
    let winner = doc.get(obj, field).ok()??.1.to_string();
    Some((values, winner))
}

/// A card moved to two places at once: one value per change that placed it, each read as
/// the place that change left it in.
fn position_conflict(
    doc: &Automerge,
    story: &ObjId,
    story_id: &str,
    origins: &mut Option<OpOrigins>,
) -> Option<(Vec<ConflictValue>, String)> {
    let conflicting: Vec<&str> = PLACE_FIELDS
        .into_iter()
        .filter(|f| doc.get_all(story, *f).map(|v| v.len() > 1).unwrap_or(false))
        .collect();
    let first = conflicting.first()?;
    let origins = origins_of(doc, origins);
    let mut choices: Vec<(String, Origin)> = Vec::new();
    for field in &conflicting {
        for (_, op) in doc.get_all(story, *field).ok()? {
            if let Some(origin) = origins.of(&op) {
                if !choices.iter().any(|(_, o)| o.hash == origin.hash) {
                    choices.push((op.to_string(), origin.clone()));
                }
            }
        }
    }
    let places: Vec<[Option<String>; 3]> = choices
        .iter()
        .map(|(_, o)| place_at(doc, story, o.hash))
        .collect();
    if places.iter().all(|p| p == &places[0]) {
        return None;
    }
    let winning_op = doc.get(story, *first).ok()??.1;
    let winning_hash = origins.of(&winning_op)?.hash;
    let winner = choices
        .iter()
        .find(|(_, o)| o.hash == winning_hash)
        .map(|(choice, _)| choice.clone())?;
    let values = choices
        .iter()
        .zip(&places)
        .map(|((choice, origin), place)| {
            let [step, release, rank] = place;
            let (step, release) = (
                step.as_deref().unwrap_or(""),
                release.as_deref().unwrap_or(""),
            );
            let mut display = format!(
                "{} / {}",
                title_of(doc, STEPS, step),
                title_of(doc, RELEASES, release)
            );
            let same_cell = places
                .iter()
                .filter(|p| p[0].as_deref() == Some(step) && p[1].as_deref() == Some(release))
                .count();
            if same_cell > 1 {
                let position = 1 + cell_rank_position(doc, story_id, step, release, rank);
                display += &format!(", position {position}");
            }
            ConflictValue {
                choice: choice.clone(),
                display,
                author: origin.author.clone(),
                unix_time: origin.unix_time,
            }
        })
        .collect();
    Some((values, winner))
}

/// How many other live cards of the cell sort before `rank`.
fn cell_rank_position(
    doc: &Automerge,
    story_id: &str,
    step: &str,
    release: &str,
    rank: &Option<String>,
) -> usize {
    let Some(rank) = rank.as_deref().and_then(|r| Rank::parse(r).ok()) else {
        return 0;
    };
    entries(doc, &ROOT, STORIES)
        .into_iter()
        .filter(|(id, obj)| {
            id != story_id
                && !is_deleted(doc, obj)
                && str_field(doc, obj, STEP_ID).as_deref() == Some(step)
                && str_field(doc, obj, RELEASE_ID).as_deref() == Some(release)
        })
        .filter_map(|(_, obj)| str_field(doc, &obj, RANK).and_then(|r| Rank::parse(&r).ok()))
        .filter(|other| *other < rank)
        .count()
}
