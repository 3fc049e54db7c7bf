//! [`LoadedMap`]: one map open in memory (its document, how far it has read the map's
//! change rows, its projection as a model), and how it catches up with what other
//! processes stored and with what a commit wrote.

use rusqlite::{params, Connection};
use storymap_core::{Activity, MapDocument, MapModel, ReleaseSlice, Story};

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
    let mut foreign = false;
    let map_id = loaded.map_id.clone();
    let broken = |e| StoreError::document(&map_id, e);
    let generation: i64 = db.query_row(
        "SELECT snapshot_generation FROM maps WHERE id = ?1",
        [&loaded.map_id],
        |row| row.get(0),
    )?;
    if generation != loaded.generation {
        let snapshot: Vec<u8> = db.query_row(
            "SELECT snapshot FROM maps WHERE id = ?1",
            [&loaded.map_id],
            |row| row.get(0),
        )?;
        loaded.doc.load_incremental(&snapshot).map_err(broken)?;
        loaded.generation = generation;
        foreign = true;
    }
    let mut query = db.prepare_cached(
        "SELECT seq, data FROM map_changes WHERE map_id = ?1 AND seq > ?2 ORDER BY seq",
    )?;
    let mut rows = query.query(params![loaded.map_id, loaded.last_seq])?;
    // All rows in one call: Automerge applies a batch in one pass over the document, so
    // a call per row made opening a map cost one whole-document pass per row since the
    // last compaction (seconds at a few hundred rows).
    let mut batch = Vec::new();
    let mut last_seq = loaded.last_seq;
    while let Some(row) = rows.next()? {
        let data: Vec<u8> = row.get(1)?;
        batch.extend_from_slice(&data);
        last_seq = row.get(0)?;
    }
    if !batch.is_empty() {
        loaded.doc.load_incremental(&batch).map_err(broken)?;
        loaded.last_seq = last_seq;
        foreign = true;
    }
    Ok(foreign)
}
