//! [`LoadedMap`]: one map open in memory (its document, how far it has read the map's
//! change rows, its projection as a model), and how it catches up with what other
//! processes stored and with what a commit wrote.

use std::borrow::Cow;
use std::collections::HashSet;

use rusqlite::{params, Connection};
use storymap_core::{Activity, Applied, MapDocument, MapModel, ReleaseSlice, Story};

use crate::projection;
use crate::StoreError;

/// A map's document in memory, with how far it has read the map's change rows, and its
/// projection as a [`MapModel`]: read at load, then patched by every commit with what the
/// edit touched, so that no edit reads the whole map (read again only after another
/// process changed the map).
pub struct LoadedMap {
    pub doc: MapDocument,
    pub(crate) model: MapModel,
    /// New whenever `model` is read afresh rather than patched (see [`LoadedMap::model_stamp`]).
    pub(crate) model_stamp: u64,
    pub(crate) map_id: String,
    pub(crate) last_seq: i64,
    pub(crate) generation: i64,
}

impl LoadedMap {
    pub fn map_id(&self) -> &str {
        &self.map_id
    }

    /// The map as its projection has it, kept in step with `doc`.
    pub fn model(&self) -> &MapModel {
        &self.model
    }

    /// Changes whenever the model is read afresh instead of patched by a commit (a load,
    /// another process's rows): whatever was derived from the model must be rebuilt.
    pub fn model_stamp(&self) -> u64 {
        self.model_stamp
    }

    /// Heads of the document as loaded (for "what is new since").
    pub fn heads(&self) -> Vec<automerge::ChangeHash> {
        self.doc.heads()
    }
}

/// A stamp no model read in this process had before.
pub(crate) fn next_model_stamp() -> u64 {
    static STAMPS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    STAMPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// What a commit wrote, into the map's model in memory.
pub(crate) fn patch_model(
    model: &mut MapModel,
    activities: &Option<Vec<Activity>>,
    releases: &[ReleaseSlice],
    stories: &[Story],
    removed_story_ids: &[String],
) {
    if let Some(activities) = activities {
        model.replace_outline(activities.clone(), releases.to_vec());
    }
    for story in stories {
        model.upsert_story(story.clone());
    }
    for id in removed_story_ids {
        model.remove_story(id);
    }
}

/// Merges what another process (the CLI beside the app) stored since `loaded` last read:
/// a newer snapshot, then change rows past `last_seq`. What they changed is in the
/// projection, not in the model in memory, which is read again when anything came in.
pub(crate) fn merge_stored(db: &Connection, loaded: &mut LoadedMap) -> Result<(), StoreError> {
    if merge_stored_rows(db, loaded)? {
        loaded.model = projection::read_model(db, &loaded.map_id)?;
        loaded.model_stamp = next_model_stamp();
    }
    Ok(())
}

/// [`merge_stored`] on the document only; `true` when anything came in.
pub(crate) fn merge_stored_rows(
    db: &Connection,
    loaded: &mut LoadedMap,
) -> Result<bool, StoreError> {
    let committed = committed_since(db, loaded)?;
    let map_id = loaded.map_id.clone();
    let broken = |e| StoreError::document(&map_id, e);
    let foreign = committed.snapshot.is_some() || !committed.changes.is_empty();
    if let Some(snapshot) = &committed.snapshot {
        loaded.doc.load_incremental(snapshot).map_err(broken)?;
    }
    if !committed.changes.is_empty() {
        loaded
            .doc
            .load_incremental(&committed.changes)
            .map_err(broken)?;
    }
    (loaded.generation, loaded.last_seq) = (committed.generation, committed.last_seq);
    Ok(foreign)
}

/// What was stored for a map after `loaded` last read it.
struct Committed {
    generation: i64,
    /// The map's snapshot, when another process compacted since.
    snapshot: Option<Vec<u8>>,
    /// The change rows past `last_seq`, encoded one after the other.
    changes: Vec<u8>,
    last_seq: i64,
}

fn committed_since(db: &Connection, loaded: &LoadedMap) -> Result<Committed, StoreError> {
    let (snapshot, generation): (Option<Vec<u8>>, i64) = db.query_row(
        "SELECT CASE WHEN snapshot_generation = ?2 THEN NULL ELSE snapshot END, \
         snapshot_generation FROM maps WHERE id = ?1",
        params![loaded.map_id, loaded.generation],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let mut query = db.prepare_cached(
        "SELECT seq, data FROM map_changes WHERE map_id = ?1 AND seq > ?2 ORDER BY seq",
    )?;
    let mut rows = query.query(params![loaded.map_id, loaded.last_seq])?;
    // All rows in one call: Automerge applies a batch in one pass over the document, so
    // a call per row made opening a map cost one whole-document pass per row since the
    // last compaction (seconds at a few hundred rows).
    let mut changes = Vec::new();
    let mut last_seq = loaded.last_seq;
    while let Some(row) = rows.next()? {
        let data: Vec<u8> = row.get(1)?;
        changes.extend_from_slice(&data);
        last_seq = row.get(0)?;
    }
    Ok(Committed {
        generation,
        snapshot,
        changes,
        last_seq,
    })
}

/// Merges what other processes committed since `loaded` last read the rows through
/// Automerge's diff, so the caller learns what their changes touched once merged with
/// its own (`None` when nothing came in). Called inside a commit's write lock: the rows
/// it then writes are read from a document holding everything committed.
pub(crate) fn merge_committed(
    db: &Connection,
    loaded: &mut LoadedMap,
) -> Result<Option<Applied>, StoreError> {
    let committed = committed_since(db, loaded)?;
    let mut bytes = committed.snapshot.unwrap_or_default();
    bytes.extend_from_slice(&committed.changes);
    if bytes.is_empty() {
        return Ok(None);
    }
    let merged = loaded
        .doc
        .merge(&bytes)
        .map_err(|e| StoreError::document(&loaded.map_id, e))?;
    (loaded.generation, loaded.last_seq) = (committed.generation, committed.last_seq);
    Ok(merged.map(|m| m.applied))
}

/// `applied` joined with what another process's changes touched, when there are any.
pub(crate) fn with_committed(applied: &Applied, committed: Option<Applied>) -> Cow<'_, Applied> {
    let Some(committed) = committed else {
        return Cow::Borrowed(applied);
    };
    let mut both = applied.clone();
    both.map_renamed |= committed.map_renamed;
    both.outline_changed |= committed.outline_changed;
    both.settings_changed |= committed.settings_changed;
    let known: HashSet<String> = both.stories.iter().cloned().collect();
    let new = committed.stories.into_iter().filter(|s| !known.contains(s));
    both.stories.extend(new);
    Cow::Owned(both)
}
