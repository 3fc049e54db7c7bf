//! Where an op came from: the change (hash, author, time) that made it, and a story's
//! place as it was right after a change. Used to show and settle conflicts.

use std::collections::HashMap;

use automerge::{ActorId, Automerge, ChangeHash, ObjId, ReadDoc, Value};

use crate::authors::author_of;
use crate::field_key::PLACE_FIELDS;

/// The change an op belongs to.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    pub hash: ChangeHash,
    pub author: String,
    pub unix_time: i64,
}

/// Every change's op range, by actor, to find where an op came from.
pub(crate) struct OpOrigins {
    by_actor: HashMap<ActorId, Vec<(u64, u64, Origin)>>,
}

impl OpOrigins {
    pub(crate) fn new(doc: &Automerge) -> OpOrigins {
        let mut by_actor: HashMap<ActorId, Vec<(u64, u64, Origin)>> = HashMap::new();
        for meta in doc.get_changes_meta(&[]) {
            let origin = Origin {
                hash: meta.hash,
                author: author_of(doc, &meta.actor),
                unix_time: meta.timestamp,
            };
            by_actor.entry(meta.actor.into_owned()).or_default().push((
                meta.start_op,
                meta.max_op,
                origin,
            ));
        }
        OpOrigins { by_actor }
    }

    pub(crate) fn of(&self, op: &ObjId) -> Option<&Origin> {
        let ObjId::Id(counter, actor, _) = op else {
            return None;
        };
        self.by_actor
            .get(actor)?
            .iter()
            .find(|(start, max, _)| (start..=max).contains(&counter))
            .map(|(_, _, origin)| origin)
    }
}

/// A field's place values (step, slice, rank) as they were right after `hash`.
pub(crate) fn place_at(doc: &Automerge, story: &ObjId, hash: ChangeHash) -> [Option<String>; 3] {
    PLACE_FIELDS.map(|key| match doc.get_at(story, key, &[hash]) {
        Ok(Some((Value::Scalar(s), _))) => s.as_str().map(str::to_owned),
        _ => None,
    })
}
