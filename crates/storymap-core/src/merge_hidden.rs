//! Writes a merge made into a hidden copy of a map. Two peers that each made a story's first
//! label map made two maps under one key; readers read both (`read_fields::all_maps`), but
//! Automerge's diff shows only the visible one. A teammate who keeps adding labels to the
//! copy that lost would change the map with no patch at all, and the projection row and the
//! window would miss it. So the merge also looks at the objects the new ops wrote to.

use std::collections::{HashMap, HashSet};

use automerge::legacy::{ObjectId, OpId};
use automerge::{ActorId, Automerge, ChangeHash, Patch, Prop, ReadDoc};

use crate::schema::{SETTINGS, STORIES};

/// What writes into hidden copies touched: story ids, and whether the settings changed.
#[derive(Debug, Default)]
pub(crate) struct HiddenWrites {
    pub stories: Vec<String>,
    pub settings: bool,
}

/// The hidden objects written by the changes after `before`. Objects the diff's `patches`
/// are in are visible, and skipped; so are objects the new changes created: a new copy
/// that loses shows in the diff as a conflict on its key.
pub(crate) fn hidden_writes(
    doc: &Automerge,
    before: &[ChangeHash],
    patches: &[Patch],
) -> HiddenWrites {
    let changes = doc.get_changes(before);
    let mut created: HashMap<ActorId, Vec<(u64, u64)>> = HashMap::new();
    for change in &changes {
        let range = (change.start_op().get(), change.max_op());
        created
            .entry(change.actor_id().clone())
            .or_default()
            .push(range);
    }
    let made_here = |OpId(counter, actor): &OpId| {
        created
            .get(actor)
            .is_some_and(|ranges| ranges.iter().any(|(s, m)| (s..=m).contains(&counter)))
    };
    // "counter@actor", the form both `ExId` and the change's ops print.
    let visible: HashSet<String> = patches.iter().map(|p| p.obj.to_string()).collect();
    let mut objects: HashSet<String> = HashSet::new();
    for change in &changes {
        for op in change.decode().operations {
            if let ObjectId::Id(id) = &op.obj {
                let name = op.obj.to_string();
                if !made_here(id) && !visible.contains(&name) {
                    objects.insert(name);
                }
            }
        }
    }
    let mut found = HiddenWrites::default();
    for object in objects {
        if let Some(path) = hidden_path(doc, &object) {
            match path.as_slice() {
                [Prop::Map(top), Prop::Map(id), ..]
                    if top == STORIES && !found.stories.contains(id) =>
                {
                    found.stories.push(id.clone());
                }
                [Prop::Map(top), ..] if top == SETTINGS => found.settings = true,
                _ => {}
            }
        }
    }
    found
}

/// The keys from the root to `object` when some step on the way is a hidden copy.
fn hidden_path(doc: &Automerge, object: &str) -> Option<Vec<Prop>> {
    // `import_obj` reads the "counter@actor" form the change's op carries.
    let id = doc.import_obj(object).ok()?;
    let parents: Vec<automerge::Parent> = doc.parents(&id).ok()?.collect();
    if parents.iter().all(|parent| parent.visible) {
        return None; // The diff's patches already name it.
    }
    Some(
        parents
            .into_iter()
            .rev()
            .map(|parent| parent.prop)
            .collect(),
    )
}
