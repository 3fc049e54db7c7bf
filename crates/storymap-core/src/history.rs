//! Local undo: every edit records the scalar fields it wrote (before and after), and undo
//! writes the "before" values back as a new change. A field a teammate changed since (its
//! value is no longer our "after") is left alone, with every other field of that entity,
//! so undo never reverts someone else's synced work.
//!
//! Creating an entity is recorded as its `deleted` flag going from `true` to absent, so
//! undoing a creation deletes it and redoing restores it; deletes are flags too.

use automerge::transaction::{Transactable, Transaction};
use automerge::{ObjId, ReadDoc, ScalarValue, Value, ROOT};

use crate::read::map_field;
use crate::schema::*;
use crate::CoreError;

/// The object a field belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Entity {
    Map,
    Activity(String),
    Step(String),
    Release(String),
    Story(String),
}

impl Entity {
    fn locate<R: ReadDoc>(&self, doc: &R) -> Option<ObjId> {
        let (collection, id) = match self {
            Entity::Map => return Some(ROOT),
            Entity::Activity(id) => (ACTIVITIES, id),
            Entity::Step(id) => (STEPS, id),
            Entity::Release(id) => (RELEASES, id),
            Entity::Story(id) => (STORIES, id),
        };
        map_field(doc, &ROOT, collection).and_then(|c| map_field(doc, &c, id))
    }
}

/// One scalar field written by an edit; `None` means the field was (or is) absent.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldWrite {
    pub entity: Entity,
    pub field: &'static str,
    pub before: Option<ScalarValue>,
    pub after: Option<ScalarValue>,
}

/// What one local edit wrote, labelled for the Undo/Redo menu.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoRecord {
    pub label: String,
    pub writes: Vec<FieldWrite>,
}

fn scalar<R: ReadDoc>(doc: &R, obj: &ObjId, field: &str) -> Option<ScalarValue> {
    match doc.get(obj, field).ok()?? {
        (Value::Scalar(s), _) => Some(s.into_owned()),
        _ => None,
    }
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
    pub fn set(
        &mut self,
        entity: &Entity,
        field: &'static str,
        value: Option<ScalarValue>,
    ) -> Result<(), CoreError> {
        let obj = entity
            .locate(&*self.tx)
            .ok_or_else(|| CoreError::Malformed(format!("{entity:?} vanished mid-edit")))?;
        let before = scalar(&*self.tx, &obj, field);
        if before == value {
            return Ok(());
        }
        match &value {
            Some(v) => self.tx.put(&obj, field, v.clone())?,
            None => self.tx.delete(&obj, field)?,
        }
        self.writes.push(FieldWrite {
            entity: entity.clone(),
            field,
            before,
            after: value,
        });
        Ok(())
    }

    pub fn set_str(
        &mut self,
        entity: &Entity,
        field: &'static str,
        value: &str,
    ) -> Result<(), CoreError> {
        self.set(entity, field, Some(ScalarValue::Str(value.into())))
    }

    /// Records that `entity` was just created: undo marks it deleted again.
    pub fn created(&mut self, entity: Entity) {
        self.writes.push(FieldWrite {
            entity,
            field: DELETED,
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
        if changed_since.contains(&&write.entity) || checked.contains(&(&write.entity, write.field))
        {
            continue;
        }
        checked.push((&write.entity, write.field));
        let current = write
            .entity
            .locate(&*recorder.tx)
            .and_then(|obj| scalar(&*recorder.tx, &obj, write.field));
        if current != write.after {
            changed_since.push(&write.entity);
        }
    }
    for write in record.writes.iter().rev() {
        if !changed_since.contains(&&write.entity) {
            recorder.set(&write.entity, write.field, write.before.clone())?;
        }
    }
    Ok(changed_since.len())
}
