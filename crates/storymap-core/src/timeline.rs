//! What changed in a map, by whom and when: each Automerge change's own effect (see
//! `change_effect`) told as plain sentences the UI shows as they are, per story and for
//! the backbone and settings. Also the points in history a map can be viewed or restored at.
//!
//! Cost: every change read is diffed against its dependencies, so each view reads at most
//! [`MAX_CHANGES`] changes (the newest); `change_count` still counts them all.

use std::collections::{BTreeSet, HashMap};

use automerge::{Automerge, ChangeHash, ChangeMetadata, ObjId, ReadDoc, ROOT};

use crate::change_effect::{effect_of, Effect, ItemTouch, StoryTouch};
use crate::change_summary::{map_level_entries, story_entries, Change, ChangeEntry};
use crate::read::{is_deleted, key_set, map_field, str_field};
use crate::read_fields::item_in_all;
use crate::schema::*;
use crate::MapDocument;

/// At most this many changes (the newest) are read by one view.
pub const MAX_CHANGES: usize = 2_000;

/// Where "what changed" starts: after these heads (the last sync, the last opening), or
/// at this Unix time in seconds.
#[derive(Debug, Clone, PartialEq)]
pub enum Since {
    Heads(Vec<ChangeHash>),
    Time(i64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoryChanges {
    pub story_id: String,
    /// The current title, or the last one it had if it was removed.
    pub title: String,
    /// Deleted or split since.
    pub removed: bool,
    /// Newest first.
    pub entries: Vec<ChangeEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapChanges {
    pub change_count: usize,
    /// Everyone who made one of the changes, sorted.
    pub authors: Vec<String>,
    /// The stories changed, the most recently changed first.
    pub stories: Vec<StoryChanges>,
    /// Backbone, slices, settings and the map itself; newest first.
    pub map_entries: Vec<ChangeEntry>,
}

/// A point in the map's history: the state right after one change.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryPoint {
    pub hash: String,
    pub unix_time: i64,
    pub author: String,
    /// The change's message, e.g. "Move story 'Pay by card'".
    pub label: String,
}

/// The newest [`MAX_CHANGES`] of `changes` (which are in causal order), with their count.
fn newest(doc: &Automerge, changes: Vec<ChangeMetadata<'_>>) -> (usize, Vec<Change>) {
    let count = changes.len();
    let skip = count.saturating_sub(MAX_CHANGES);
    (
        count,
        changes
            .into_iter()
            .skip(skip)
            .map(|meta| Change::from_meta(doc, meta))
            .collect(),
    )
}

/// Where a change sorts: its time, then its place in causal order.
type Order = (i64, usize);

/// Newest first: by time, then by causal order (clocks of two devices disagree).
fn newest_first<T>(items: &mut [(Order, T)]) {
    items.sort_by_key(|item| std::cmp::Reverse(item.0));
}

/// Everything that changed after `since`, grouped by story.
pub fn changes_since(map: &MapDocument, since: &Since) -> MapChanges {
    let doc = map.automerge();
    let metas = match since {
        Since::Heads(heads) => {
            let known: Vec<ChangeHash> = heads
                .iter()
                .filter(|h| doc.get_change_by_hash(h).is_some())
                .copied()
                .collect();
            doc.get_changes_meta(&known)
        }
        Since::Time(time) => doc
            .get_changes_meta(&[])
            .into_iter()
            .filter(|c| c.timestamp >= *time)
            .collect(),
    };
    let (change_count, changes) = newest(doc, metas);
    let mut authors = BTreeSet::new();
    let mut by_story: HashMap<String, Vec<(Order, ChangeEntry)>> = HashMap::new();
    let mut map_entries = Vec::new();
    for (index, change) in changes.iter().enumerate() {
        authors.insert(change.author.clone());
        let effect = effect_of(&doc.diff(&change.deps, &[change.hash]));
        let order = (change.unix_time, index);
        for (story_id, touch) in &effect.stories {
            let entries = by_story.entry(story_id.clone()).or_default();
            entries.extend(story_entries(doc, change, touch).map(|e| (order, e)));
        }
        map_entries.extend(map_level_entries(doc, change, &effect).map(|e| (order, e)));
    }
    let mut stories: Vec<(Order, StoryChanges)> = by_story
        .into_iter()
        .filter(|(_, entries)| !entries.is_empty())
        .map(|(story_id, mut entries)| {
            newest_first(&mut entries);
            let latest = entries[0].0;
            let (title, removed) = story_state(doc, &story_id);
            let story = StoryChanges {
                story_id,
                title,
                removed,
                entries: entries.into_iter().map(|(_, e)| e).collect(),
            };
            (latest, story)
        })
        .collect();
    stories.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.story_id.cmp(&b.1.story_id)));
    newest_first(&mut map_entries);
    MapChanges {
        change_count,
        authors: authors.into_iter().collect(),
        stories: stories.into_iter().map(|(_, s)| s).collect(),
        map_entries: map_entries.into_iter().map(|(_, e)| e).collect(),
    }
}

/// One story's whole history (its newest [`MAX_CHANGES`] changes of the map), newest first.
pub fn story_timeline(map: &MapDocument, story_id: &str) -> Vec<ChangeEntry> {
    let doc = map.automerge();
    let Some(story) = map_field(doc, &ROOT, STORIES).and_then(|s| map_field(doc, &s, story_id))
    else {
        return Vec::new();
    };
    let (_, changes) = newest(doc, doc.get_changes_meta(&[]));
    let mut entries = Vec::new();
    for (index, change) in changes.iter().enumerate() {
        // Only the story's own object is diffed; the change that made it is found by its op.
        let created = match &story {
            ObjId::Id(counter, actor, _) => {
                *actor == change.actor && (change.ops.0..=change.ops.1).contains(counter)
            }
            ObjId::Root => false,
        };
        let mut effect: Effect = if created {
            Effect::default()
        } else {
            effect_of(
                &doc.diff_obj(&story, &change.deps, &[change.hash], true)
                    .unwrap_or_default(),
            )
        };
        let touch = effect
            .stories
            .iter_mut()
            .find(|(id, _)| id == story_id)
            .map(|(_, t)| std::mem::take(t));
        let touch = match (created, touch) {
            (true, _) => StoryTouch {
                item: ItemTouch {
                    created: true,
                    ..ItemTouch::default()
                },
                ..StoryTouch::default()
            },
            (false, Some(touch)) => touch,
            (false, None) => continue,
        };
        let order = (change.unix_time, index);
        entries.extend(story_entries(doc, change, &touch).map(|e| (order, e)));
    }
    newest_first(&mut entries);
    entries.into_iter().map(|(_, e)| e).collect()
}

/// The map's changes as points to view or restore, newest first, at most `limit`.
pub fn history_points(map: &MapDocument, limit: usize) -> Vec<HistoryPoint> {
    let doc = map.automerge();
    let (_, changes) = newest(doc, doc.get_changes_meta(&[]));
    let mut points: Vec<(Order, HistoryPoint)> = changes
        .into_iter()
        .enumerate()
        .map(|(index, c)| {
            let point = HistoryPoint {
                hash: c.hash.to_string(),
                unix_time: c.unix_time,
                author: c.author,
                label: if c.message.is_empty() {
                    "A change".to_owned()
                } else {
                    c.message
                },
            };
            ((c.unix_time, index), point)
        })
        .collect();
    newest_first(&mut points);
    points.truncate(limit);
    points.into_iter().map(|(_, p)| p).collect()
}

/// The story's title now (kept when it is deleted) and whether it left the map.
fn story_state(doc: &Automerge, story_id: &str) -> (String, bool) {
    match map_field(doc, &ROOT, STORIES).and_then(|s| map_field(doc, &s, story_id)) {
        Some(obj) => (
            str_field(doc, &obj, TITLE).unwrap_or_default(),
            is_deleted(doc, &obj) || !key_set(doc, &obj, SPLIT_INTO).is_empty(),
        ),
        None => (String::new(), true),
    }
}

/// "Since the last refinement session": after the change that started the map's latest
/// session (what teammates did concurrently included), with that session's start time.
/// `None` when the map has had no session.
pub fn since_last_session(map: &MapDocument) -> Option<(i64, Since)> {
    let doc = map.automerge();
    // Latest by start time, then by the Lamport counter of the op that made it: two
    // sessions started in the same second are told apart by which came after which.
    let (started_at, obj) = map
        .read_sessions()
        .into_iter()
        .filter_map(|s| Some((s.started_at, item_in_all(doc, &ROOT, SESSIONS, &s.id)?)))
        .max_by_key(|(started_at, obj)| match obj {
            ObjId::Id(counter, _, _) => (*started_at, *counter),
            ObjId::Root => (*started_at, 0),
        })?;
    let start = crate::op_origins::OpOrigins::new(doc).of(&obj)?.hash;
    Some((started_at, Since::Heads(vec![start])))
}
