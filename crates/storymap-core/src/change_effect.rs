//! What one Automerge change did to the map, read from its own diff (its patches against
//! its dependencies): the stories it added, removed, moved or edited and which of their
//! criteria, the backbone items it touched, and whether it created, renamed or re-set the map.

use automerge::{ObjId, Patch, PatchAction, Prop, ScalarValue, Value};

use crate::schema::*;

/// What a change did to one item (a story, a criterion, an activity, step or slice).
#[derive(Debug, Default)]
pub(crate) struct ItemTouch {
    /// The item's object, when a patch named it.
    pub obj: Option<ObjId>,
    pub created: bool,
    /// `Some(true)`: it was deleted; `Some(false)`: it was restored.
    pub deleted: Option<bool>,
    /// The fields it wrote (other than `deleted`), in order of first write.
    pub fields: Vec<String>,
}

impl ItemTouch {
    fn field(&mut self, key: &str) {
        if !self.fields.iter().any(|f| f == key) {
            self.fields.push(key.to_owned());
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct StoryTouch {
    pub item: ItemTouch,
    /// By criterion id.
    pub criteria: Vec<(String, ItemTouch)>,
    /// Comments and links, by (collection key, id).
    pub discussion: Vec<((&'static str, String), ItemTouch)>,
}

/// A backbone item: its collection key (`activities`, `steps`, `releases`) and id.
#[derive(Debug)]
pub(crate) struct OutlineTouch {
    pub collection: String,
    pub id: String,
    pub item: ItemTouch,
}

#[derive(Debug, Default)]
pub(crate) struct Effect {
    pub created_map: bool,
    pub renamed_map: bool,
    pub settings: bool,
    pub outline: Vec<OutlineTouch>,
    /// By story id, in order of first patch.
    pub stories: Vec<(String, StoryTouch)>,
}

/// How a patch changed the value at its key path.
enum Write {
    /// A new object (with its id) or a scalar put.
    Object(ObjId),
    Scalar(ScalarValue),
    Removed,
    /// A splice or other edit inside a sequence (the description's text).
    Inside,
}

fn entry<'a, T: Default>(list: &'a mut Vec<(String, T)>, id: &str) -> &'a mut T {
    match list.iter().position(|(k, _)| k == id) {
        Some(i) => &mut list[i].1,
        None => {
            list.push((id.to_owned(), T::default()));
            &mut list.last_mut().expect("just pushed").1
        }
    }
}

fn discussion_entry<'a>(
    list: &'a mut Vec<((&'static str, String), ItemTouch)>,
    collection: &'static str,
    id: &str,
) -> &'a mut ItemTouch {
    match list
        .iter()
        .position(|((c, k), _)| *c == collection && k == id)
    {
        Some(i) => &mut list[i].1,
        None => {
            list.push(((collection, id.to_owned()), ItemTouch::default()));
            &mut list.last_mut().expect("just pushed").1
        }
    }
}

/// The object at `depth` along the patch's path: each path element names the object that
/// holds the next key, and the patch's own object is the deepest.
fn obj_at(patch: &Patch, depth: usize) -> Option<ObjId> {
    match patch.path.len() {
        len if len > depth => Some(patch.path[depth].0.clone()),
        len if len == depth => Some(patch.obj.clone()),
        _ => None,
    }
}

fn deleted_flag(write: &Write) -> Option<bool> {
    match write {
        Write::Scalar(ScalarValue::Boolean(on)) => Some(*on),
        Write::Removed => Some(false),
        _ => None,
    }
}

/// Records one write on an item whose fields sit at `keys[at..]`.
fn touch_item(item: &mut ItemTouch, patch: &Patch, depth: usize, keys: &[String], write: &Write) {
    match (keys.get(depth), write) {
        (None, Write::Object(obj)) => {
            item.created = true;
            item.obj = Some(obj.clone());
        }
        (None, _) => {}
        (Some(field), _) => {
            if item.obj.is_none() {
                item.obj = obj_at(patch, depth);
            }
            if field == DELETED && keys.len() == depth + 1 {
                if let Some(flag) = deleted_flag(write) {
                    item.deleted = Some(flag);
                }
            } else {
                item.field(field);
            }
        }
    }
}

/// The effect of one change, from its patches (`doc.diff(deps, [hash])`, or a diff of one
/// story object: the paths start at the root either way).
pub(crate) fn effect_of(patches: &[Patch]) -> Effect {
    let mut effect = Effect::default();
    for patch in patches {
        let mut keys: Vec<String> = patch
            .path
            .iter()
            .filter_map(|(_, prop)| match prop {
                Prop::Map(key) => Some(key.clone()),
                Prop::Seq(_) => None,
            })
            .collect();
        let write = match &patch.action {
            PatchAction::PutMap { key, value, .. } => {
                keys.push(key.clone());
                match value {
                    (Value::Object(_), id) => Write::Object(id.clone()),
                    (Value::Scalar(s), _) => Write::Scalar(s.clone().into_owned()),
                }
            }
            PatchAction::DeleteMap { key } => {
                keys.push(key.clone());
                Write::Removed
            }
            PatchAction::Conflict { .. } | PatchAction::Increment { .. } => continue,
            _ => Write::Inside,
        };
        apply(&mut effect, patch, &keys, &write);
    }
    effect
}

fn apply(effect: &mut Effect, patch: &Patch, keys: &[String], write: &Write) {
    let Some(top) = keys.first() else { return };
    match top.as_str() {
        KIND => effect.created_map = true,
        NAME => effect.renamed_map = true,
        SETTINGS => effect.settings = true,
        ACTIVITIES | STEPS | RELEASES => {
            let Some(id) = keys.get(1) else { return };
            let index = effect
                .outline
                .iter()
                .position(|o| &o.collection == top && &o.id == id)
                .unwrap_or_else(|| {
                    effect.outline.push(OutlineTouch {
                        collection: top.clone(),
                        id: id.clone(),
                        item: ItemTouch::default(),
                    });
                    effect.outline.len() - 1
                });
            touch_item(&mut effect.outline[index].item, patch, 2, keys, write);
        }
        STORIES => {
            let Some(id) = keys.get(1) else { return };
            let story = entry(&mut effect.stories, id);
            match (keys.get(2).map(String::as_str), keys.get(3)) {
                // The criteria map itself is made with the story.
                (Some(ACCEPTANCE_CRITERIA), None) => {}
                (Some(ACCEPTANCE_CRITERIA), Some(criterion)) => {
                    let touch = entry(&mut story.criteria, criterion);
                    touch_item(touch, patch, 4, keys, write);
                }
                // A comment or link; its container is made with the first one.
                (Some(key @ (COMMENTS | LINKS)), Some(item)) => {
                    let collection = if key == COMMENTS { COMMENTS } else { LINKS };
                    let touch = discussion_entry(&mut story.discussion, collection, item);
                    touch_item(touch, patch, 4, keys, write);
                }
                (Some(COMMENTS | LINKS), None) => {}
                _ => touch_item(&mut story.item, patch, 2, keys, write),
            }
        }
        _ => {}
    }
}
