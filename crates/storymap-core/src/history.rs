//! Local undo: every edit records the scalar fields it wrote (before and after), and undo
//! writes the "before" values back as a new change. A field a teammate changed since (its
//! value is no longer our "after") is left alone, with every other field of that entity,
//! so undo never reverts someone else's synced work.
//!
//! Creating an entity is recorded as its `deleted` flag going from `true` to absent, so
//! undoing a creation deletes it and redoing restores it; deletes are flags too.

use automerge::transaction::{Transactable, Transaction};
use automerge::{ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT};

use crate::read_fields::{children, map_field};
use crate::schema::*;
use crate::CoreError;

/// Keys whose map is created when first written, so two peers may each have made one.
const MADE_ON_FIRST_USE: [&str; 19] = [
    SETTINGS,
    SESSIONS,
    LABELS,
    DEPENDS_ON,
    READY_CHECKS,
    SPLIT_INTO,
    WSJF,
    ACCEPTANCE_CRITERIA,
    COMMENTS,
    LINKS,
    TSHIRT_POINTS,
    STATUS_LABELS,
    LABEL_COLORS,
    READY_TARGET_SPRINTS,
    DEFINITION_OF_READY,
    VOTES,
    OBJECTIVES,
    EXTERNAL_DEPENDENCIES,
    PERSONAS,
];

/// The object a field belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Entity {
    Map,
    Activity(String),
    Step(String),
    Release(String),
    Story(String),
    /// A map inside a story: a set (`labels`, `dependsOn`, `readyChecks`, `splitInto`,
    /// keyed by member) or a record (`wsjf`).
    StoryPart(String, &'static str),
    /// An acceptance criterion: story id, criterion id.
    Criterion(String, String),
    /// A comment, link or cross-team dependency of a story: story id, collection
    /// (`comments`, `links`, `externalDependencies`), item id.
    StoryItem(String, &'static str, String),
    Settings,
    /// A map inside the settings (`tshirtPoints`).
    SettingsPart(&'static str),
    DorItem(String),
    /// A PI objective (`objectives.rs`).
    Objective(String),
    /// A persona (`personas.rs`).
    Persona(String),
    /// A refinement session (see `session`).
    Session(String),
    /// An item of a session's keyed map (`agenda`, `stories`, `participants`, `rounds`,
    /// `notes`): session id, map key, item id.
    SessionItem(String, &'static str, String),
    /// The votes of a poker round, keyed by participant: session id, round id.
    RoundVotes(String, String),
}

impl Entity {
    /// The entity's object (the winning copy; see [`Entity::locate_all`]).
    pub(crate) fn locate<R: ReadDoc>(&self, doc: &R) -> Option<ObjId> {
        self.locate_all(doc).into_iter().next()
    }

    /// Every copy of the entity's object, the one Automerge shows first: a map two peers
    /// each created (a story's first label, the first setting, the first session) exists
    /// twice, and what either wrote into it is read from both.
    pub(crate) fn locate_all<R: ReadDoc>(&self, doc: &R) -> Vec<ObjId> {
        let mut objects = vec![ROOT];
        for key in self.path() {
            objects = if MADE_ON_FIRST_USE.contains(&key) {
                children(doc, &objects, key)
            } else {
                // Collections made with the map, and entities under their unique ids.
                objects
                    .iter()
                    .filter_map(|obj| map_field(doc, obj, key))
                    .collect()
            };
            if objects.is_empty() {
                break;
            }
        }
        objects
    }

    /// The keys from the document's root to the entity's object.
    fn path(&self) -> Vec<&str> {
        match self {
            Entity::Map => vec![],
            Entity::Activity(id) => vec![ACTIVITIES, id],
            Entity::Step(id) => vec![STEPS, id],
            Entity::Release(id) => vec![RELEASES, id],
            Entity::Story(id) => vec![STORIES, id],
            Entity::StoryPart(id, part) => vec![STORIES, id, part],
            Entity::Criterion(story, id) => vec![STORIES, story, ACCEPTANCE_CRITERIA, id],
            Entity::StoryItem(story, key, id) => vec![STORIES, story, key, id],
            Entity::Settings => vec![SETTINGS],
            Entity::SettingsPart(part) => vec![SETTINGS, part],
            Entity::DorItem(id) => vec![SETTINGS, DEFINITION_OF_READY, id],
            Entity::Objective(id) => vec![SETTINGS, OBJECTIVES, id],
            Entity::Persona(id) => vec![SETTINGS, PERSONAS, id],
            Entity::Session(id) => vec![SESSIONS, id],
            Entity::SessionItem(session, key, id) => vec![SESSIONS, session, key, id],
            Entity::RoundVotes(session, round) => vec![SESSIONS, session, ROUNDS, round, VOTES],
        }
    }

    /// The story whose projection row this entity is part of.
    /// The session this entity is part of.
    pub(crate) fn session_id(&self) -> Option<&str> {
        match self {
            Entity::Session(id) | Entity::SessionItem(id, _, _) | Entity::RoundVotes(id, _) => {
                Some(id)
            }
            _ => None,
        }
    }

    pub(crate) fn story_id(&self) -> Option<&str> {
        match self {
            Entity::Story(id)
            | Entity::StoryPart(id, _)
            | Entity::Criterion(id, _)
            | Entity::StoryItem(id, _, _) => Some(id),
            _ => None,
        }
    }
}

/// One scalar field written by an edit; `None` means the field was (or is) absent. A Text
/// field (the description) is recorded with its whole text as a string and written back
/// as the smallest splice.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldWrite {
    pub entity: Entity,
    /// A field name, or a member of a set.
    pub field: String,
    pub before: Option<ScalarValue>,
    pub after: Option<ScalarValue>,
}

/// What one local edit wrote, labelled for the Undo/Redo menu.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoRecord {
    pub label: String,
    pub writes: Vec<FieldWrite>,
}

pub(crate) fn scalar<R: ReadDoc>(doc: &R, obj: &ObjId, field: &str) -> Option<ScalarValue> {
    match doc.get(obj, field).ok()?? {
        (Value::Scalar(s), _) => Some(s.into_owned()),
        (Value::Object(ObjType::Text), text) => {
            doc.text(&text).ok().map(|t| ScalarValue::Str(t.into()))
        }
        _ => None,
    }
}

/// A field's value as readers see it: from the first copy of the entity holding it.
pub(crate) fn field_value<R: ReadDoc>(
    doc: &R,
    entity: &Entity,
    field: &str,
) -> Option<ScalarValue> {
    let copies = entity.locate_all(doc);
    let holder = crate::read_fields::holder(doc, &copies, field)?;
    scalar(doc, holder, field)
}

/// A transaction that remembers every scalar it writes.
pub(crate) struct Recorder<'a, 'b> {
    pub tx: &'a mut Transaction<'b>,
    pub writes: Vec<FieldWrite>,
}

impl<'a, 'b> Recorder<'a, 'b> {
    pub fn new(tx: &'a mut Transaction<'b>) -> Self {
        Recorder {
            tx,
            writes: Vec::new(),
        }
    }

    /// Writes `value` (or removes the field for `None`); unchanged values are not recorded.
    /// A Text field is changed by the smallest splice, so concurrent edits elsewhere in the
    /// text survive.
    pub fn set(
        &mut self,
        entity: &Entity,
        field: &str,
        value: Option<ScalarValue>,
    ) -> Result<(), CoreError> {
        let copies = entity.locate_all(&*self.tx);
        let obj = copies
            .first()
            .ok_or_else(|| CoreError::Malformed(format!("{entity:?} vanished mid-edit")))?;
        let holding: Vec<ObjId> = match copies.as_slice() {
            [_] => Vec::new(), // The usual case: one copy, nothing else to write.
            _ => copies
                .iter()
                .filter(|o| matches!(self.tx.get(*o, field), Ok(Some(_))))
                .cloned()
                .collect(),
        };
        let before = match copies.as_slice() {
            [only] => scalar(&*self.tx, only, field),
            _ => holding.first().and_then(|o| scalar(&*self.tx, o, field)),
        };
        if before == value {
            return Ok(());
        }
        match (self.tx.get(obj, field)?, &value) {
            (Some((Value::Object(ObjType::Text), text)), Some(ScalarValue::Str(new))) => {
                let old = self.tx.text(&text)?;
                splice_difference(self.tx, &text, &old, new)?;
            }
            (_, Some(v)) => self.tx.put(obj, field, v.clone())?,
            (Some(_), None) => self.tx.delete(obj, field)?,
            (None, None) => {}
        }
        // The other copies holding the field get the same value, so no copy contradicts it.
        for other in holding.iter().filter(|o| *o != obj) {
            match &value {
                Some(v) => self.tx.put(other, field, v.clone())?,
                None => self.tx.delete(other, field)?,
            }
        }
        self.writes.push(FieldWrite {
            entity: entity.clone(),
            field: field.to_owned(),
            before,
            after: value,
        });
        Ok(())
    }

    /// Like [`Recorder::set`], but a field holding concurrent values is written even when
    /// the value shown is already `value`, so that only this one remains.
    pub fn settle(
        &mut self,
        entity: &Entity,
        field: &str,
        value: Option<ScalarValue>,
    ) -> Result<(), CoreError> {
        let obj = entity
            .locate(&*self.tx)
            .ok_or_else(|| CoreError::Malformed(format!("{entity:?} vanished mid-edit")))?;
        if self.tx.get_all(&obj, field)?.len() < 2 {
            return self.set(entity, field, value);
        }
        self.put_always(entity, field, value)
    }

    /// Writes `value` even when the field already holds it. A move writes all of a card's
    /// place this way, so two concurrent moves conflict on every place field and the
    /// value Automerge shows is one whole place, never a mix of the two.
    pub fn put_always(
        &mut self,
        entity: &Entity,
        field: &str,
        value: Option<ScalarValue>,
    ) -> Result<(), CoreError> {
        let obj = entity
            .locate(&*self.tx)
            .ok_or_else(|| CoreError::Malformed(format!("{entity:?} vanished mid-edit")))?;
        let before = scalar(&*self.tx, &obj, field);
        // Automerge skips a put of the value a field already holds, so the old value is
        // removed first: the put is then always a new op, one op after the removal, and
        // every field written this way takes the same two ops. Concurrent writers of the
        // same fields thus win or lose all of them together (ops compare by counter).
        if !self.tx.get_all(&obj, field)?.is_empty() {
            self.tx.delete(&obj, field)?;
        }
        if let Some(v) = &value {
            self.tx.put(&obj, field, v.clone())?;
        }
        self.writes.push(FieldWrite {
            entity: entity.clone(),
            field: field.to_owned(),
            before,
            after: value,
        });
        Ok(())
    }

    pub fn set_str(&mut self, entity: &Entity, field: &str, value: &str) -> Result<(), CoreError> {
        self.set(entity, field, Some(ScalarValue::Str(value.into())))
    }

    /// Records that `entity` was just created: undo marks it deleted again.
    pub fn created(&mut self, entity: Entity) {
        self.writes.push(FieldWrite {
            entity,
            field: DELETED.to_owned(),
            before: Some(ScalarValue::Boolean(true)),
            after: None,
        });
    }

    pub fn delete(&mut self, entity: &Entity) -> Result<(), CoreError> {
        self.set(entity, DELETED, Some(ScalarValue::Boolean(true)))
    }
}

/// Writes back the `before` values of `record`, newest first, skipping every entity a
/// teammate changed since. Returns the writes made (a record that redoes this) and how many
/// entities were skipped.
pub(crate) fn revert(
    recorder: &mut Recorder<'_, '_>,
    record: &UndoRecord,
) -> Result<usize, CoreError> {
    let mut changed_since: Vec<&Entity> = Vec::new();
    let mut checked: Vec<(&Entity, &str)> = Vec::new();
    // Only a field's last write in the record says what the edit left behind.
    for write in record.writes.iter().rev() {
        let key = (&write.entity, write.field.as_str());
        if changed_since.contains(&&write.entity) || checked.contains(&key) {
            continue;
        }
        checked.push(key);
        let current = field_value(&*recorder.tx, &write.entity, &write.field);
        if current != write.after {
            changed_since.push(&write.entity);
        }
    }
    for write in record.writes.iter().rev() {
        if !changed_since.contains(&&write.entity) {
            recorder.set(&write.entity, &write.field, write.before.clone())?;
        }
    }
    Ok(changed_since.len())
}

/// Turns the text `old` into `new` with one splice over the part that differs (by
/// characters), leaving the common start and end untouched.
fn splice_difference(
    tx: &mut Transaction<'_>,
    text: &ObjId,
    old: &str,
    new: &str,
) -> Result<(), CoreError> {
    let old: Vec<char> = old.chars().collect();
    let new: Vec<char> = new.chars().collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let deleted = old.len() - prefix - suffix;
    let inserted: String = new[prefix..new.len() - suffix].iter().collect();
    tx.splice_text(text, prefix, deleted as isize, &inserted)?;
    Ok(())
}
