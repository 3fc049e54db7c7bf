//! [`Store`]: one SQLite file holding every map of a data directory.
//!
//! Invariant: a map's Automerge data is its snapshot plus its change rows, and the
//! projection rows agree with it; both are written in one transaction, so a crash or a
//! full disk leaves the previous consistent state.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};
use storymap_core::{Activity, Applied, MapDocument, MapModel, MapSettings, ReleaseSlice, Story};

pub use crate::loaded::LoadedMap;
use crate::loaded::{
    merge_committed, merge_stored, merge_stored_rows, next_model_stamp, patch_model, with_committed,
};
pub use crate::merged::{MergedChanges, ReceivedMap};
use crate::open::{self, Opened};
use crate::projection::{self, MapListing};
use crate::write_scope::WriteScope;
use crate::StoreError;

pub struct Store {
    pub(crate) db: Connection,
    path: PathBuf,
    /// Opened for reading only: every write is refused with [`StoreError::ReadOnly`].
    read_only: bool,
}

/// What a committed edit changed, read back inside its transaction: what the UI patches.
#[derive(Debug, Clone, PartialEq)]
pub struct MapChanged {
    /// The map name, when the edit renamed the map.
    pub name: Option<String>,
    /// The whole backbone, when an activity or step changed.
    pub activities: Option<Vec<Activity>>,
    /// Every slice in order.
    pub releases: Vec<ReleaseSlice>,
    /// The map's refinement settings, when the edit changed them.
    pub settings: Option<MapSettings>,
    pub stories: Vec<Story>,
    pub removed_story_ids: Vec<String>,
}

/// What is merged: encoded changes (sync), or a whole copy already loaded (a file).
enum Incoming<'a> {
    Bytes(&'a [u8]),
    Document(&'a MapDocument),
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl Store {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    /// A file that cannot be written is opened for reading; another application's SQLite
    /// file is refused untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Ok(Store::from_opened(open::open(path)?, path))
    }

    /// Opens an existing database for reading only, as [`Store::open`] does when the file
    /// or its directory cannot be written.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        Ok(Store::from_opened(open::open_read_only(path)?, path))
    }

    fn from_opened(opened: Opened, path: &Path) -> Store {
        Store {
            db: opened.db,
            path: path.to_owned(),
            read_only: opened.read_only,
        }
    }

    /// Whether the file could only be opened for reading.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Refuses a write, naming the file, when it was opened for reading only.
    pub(crate) fn writable(&self) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        Ok(())
    }

    /// The raw connection, for tests that need to provoke failures.
    #[doc(hidden)]
    pub fn connection(&self) -> &Connection {
        &self.db
    }

    pub fn list_maps(&self) -> Result<Vec<MapListing>, StoreError> {
        projection::list_maps(&self.db)
    }

    pub fn map_exists(&self, map_id: &str) -> Result<bool, StoreError> {
        Ok(self
            .db
            .query_row("SELECT 1 FROM maps WHERE id = ?1", [map_id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The map as the projection holds it: drawing a map never waits for Automerge.
    pub fn read_model(&self, map_id: &str) -> Result<MapModel, StoreError> {
        projection::read_model(&self.db, map_id)
    }

    /// Stores a new map (created or imported) with its whole projection.
    pub fn insert_map(&mut self, doc: &MapDocument) -> Result<(), StoreError> {
        self.writable()?;
        let model = doc
            .read()
            .map_err(|e| StoreError::document(&doc.map_id(), e))?;
        let tx = self.db.transaction()?;
        let now = now();
        tx.execute(
            "INSERT INTO maps (id, name, created_at, updated_at, snapshot) VALUES (?1, ?2, ?3, ?3, ?4)",
            params![model.id, model.name, now, doc.save()],
        )?;
        projection::write_all(&tx, &model)?;
        projection::touch_listing(&tx, &model.id, &model.name, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Loads a map's document: its snapshot, then every change row after it.
    pub fn load(&self, map_id: &str) -> Result<LoadedMap, StoreError> {
        let (snapshot, generation): (Vec<u8>, i64) = self
            .db
            .query_row(
                "SELECT snapshot, snapshot_generation FROM maps WHERE id = ?1",
                [map_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::MapNotFound(map_id.to_owned()))?;
        let doc = MapDocument::load(&snapshot).map_err(|e| StoreError::document(map_id, e))?;
        let mut loaded = LoadedMap {
            doc,
            model: MapModel::new(map_id.to_owned(), String::new(), vec![], vec![], vec![]),
            model_stamp: next_model_stamp(),
            map_id: map_id.to_owned(),
            last_seq: 0,
            generation,
        };
        merge_stored_rows(&self.db, &mut loaded)?;
        // After the rows: whatever another process commits meanwhile is in both.
        loaded.model = projection::read_model(&self.db, map_id)?;
        Ok(loaded)
    }

    /// Brings `loaded` up to date with what other processes stored.
    pub fn catch_up(&self, loaded: &mut LoadedMap) -> Result<(), StoreError> {
        merge_stored(&self.db, loaded)
    }

    /// Persists the edit just applied to `loaded.doc`: its change row and the projection
    /// rows it touched, in one transaction. If that fails (disk full, I/O error), the
    /// document is reloaded from disk so memory never holds an edit the disk lacks.
    pub fn commit_edit(
        &mut self,
        loaded: &mut LoadedMap,
        applied: &Applied,
    ) -> Result<MapChanged, StoreError> {
        let result = self.try_commit_edit(loaded, applied);
        if result.is_err() {
            if let Ok(fresh) = self.load(&loaded.map_id) {
                *loaded = fresh;
            }
        }
        result
    }

    fn try_commit_edit(
        &mut self,
        loaded: &mut LoadedMap,
        applied: &Applied,
    ) -> Result<MapChanged, StoreError> {
        // An edit that wrote nothing (a rename to the same title) made no change.
        let change = if applied.writes.is_empty() {
            None
        } else {
            Some(loaded.doc.last_local_change().unwrap_or_default())
        };
        self.persist(loaded, change.as_deref(), applied)
    }

    /// Merges changes made elsewhere (a teammate's, through sync or a `.storymap` file)
    /// into the map: what was new becomes one change row, with the projection rows it
    /// touched, in one transaction. `Ok(None)` when nothing was new.
    ///
    /// Bytes that are not this map's changes are refused and the document is reloaded
    /// from disk, so nothing of them stays in memory or reaches the disk.
    pub fn merge_changes(
        &mut self,
        loaded: &mut LoadedMap,
        bytes: &[u8],
    ) -> Result<Option<MergedChanges>, StoreError> {
        self.merge_incoming(loaded, Incoming::Bytes(bytes))
    }

    fn merge_incoming(
        &mut self,
        loaded: &mut LoadedMap,
        incoming: Incoming,
    ) -> Result<Option<MergedChanges>, StoreError> {
        let result = self.try_merge_changes(loaded, incoming);
        if result.is_err() {
            if let Ok(fresh) = self.load(&loaded.map_id) {
                *loaded = fresh;
            }
        }
        result
    }

    fn try_merge_changes(
        &mut self,
        loaded: &mut LoadedMap,
        incoming: Incoming,
    ) -> Result<Option<MergedChanges>, StoreError> {
        // Rows the CLI stored meanwhile first, so "new" means new to this data directory.
        merge_stored(&self.db, loaded)?;
        let map_id = loaded.map_id.clone();
        let merged = match incoming {
            Incoming::Bytes(bytes) => loaded.doc.merge(bytes),
            Incoming::Document(doc) => loaded.doc.merge_document(doc),
        };
        let Some(merged) = merged.map_err(|e| StoreError::merging(&map_id, e))? else {
            return Ok(None);
        };
        let changed = self.persist(loaded, Some(&merged.new_changes), &merged.applied)?;
        Ok(Some(MergedChanges {
            changed,
            label: merged.applied.label,
            change_count: merged.change_count,
        }))
    }

    /// Adds a map received whole (a `.storymap` file, a map joined through sync), or
    /// merges it into the map with the same id when this data directory has it.
    pub fn receive_map(&mut self, doc: MapDocument) -> Result<ReceivedMap, StoreError> {
        self.writable()?;
        let map_id = doc.map_id();
        if !self.map_exists(&map_id)? {
            self.insert_map(&doc)?;
            return Ok(ReceivedMap::Added { map_id });
        }
        let mut loaded = self.load(&map_id)?;
        let merged = self
            .merge_incoming(&mut loaded, Incoming::Document(&doc))?
            .map(Box::new);
        self.compact_if_due(&mut loaded)?;
        Ok(ReceivedMap::Merged { map_id, merged })
    }

    /// Writes one change (when there is one) and the projection rows `applied` touched,
    /// in one transaction, and reads back what the UI patches.
    fn persist(
        &mut self,
        loaded: &mut LoadedMap,
        change: Option<&[u8]>,
        applied: &Applied,
    ) -> Result<MapChanged, StoreError> {
        self.writable()?;
        let map_id = loaded.map_id.clone();
        let tx = WriteScope::begin(&self.db)?;
        // Another process may have committed after `loaded` caught up, while the edit was
        // made: the rows below are read from the document with its changes merged in, and
        // cover what they touched, or the projection would keep either side's stale rows.
        let committed = merge_committed(&tx, loaded)?;
        let reread = committed.is_some();
        let applied = &*with_committed(applied, committed);
        let now = now();
        let mut seq = None;
        if let Some(change) = change {
            tx.execute(
                "INSERT INTO map_changes (map_id, data, created_at) VALUES (?1, ?2, ?3)",
                params![map_id, change, now],
            )?;
            seq = Some(tx.last_insert_rowid());
        }
        let mut activities = None;
        let releases = if applied.outline_changed {
            let (backbone, releases) = loaded.doc.read_outline();
            projection::write_outline(&tx, &map_id, &backbone, &releases)?;
            activities = Some(backbone);
            releases
        } else {
            projection::read_releases(&tx, &map_id)?
        };
        let (mut stories, mut removed_story_ids) = (Vec::new(), Vec::new());
        let mut added = 0;
        for story_id in &applied.stories {
            match loaded.doc.read_story(story_id) {
                Some(story) => {
                    added += i64::from(!projection::has_story(&tx, &map_id, story_id)?);
                    projection::upsert_story(&tx, &map_id, &story)?;
                    stories.push(story);
                }
                None => {
                    added -= i64::from(projection::delete_story(&tx, &map_id, story_id)?);
                    removed_story_ids.push(story_id.clone());
                }
            }
        }
        let settings = applied.settings_changed.then(|| loaded.doc.read_settings());
        if let Some(settings) = &settings {
            projection::write_settings(&tx, &map_id, settings)?;
        }
        let name = loaded.doc.name();
        if change.is_some() {
            projection::touch_listing_by(&tx, &map_id, &name, &now, added)?;
        }
        // Other processes' rows came in: the model is read again, as on a catch-up.
        let fresh = reread
            .then(|| projection::read_model(&tx, &map_id))
            .transpose()?;
        tx.commit()?;
        // Every row before ours is merged above; ours is already in memory.
        if seq == Some(loaded.last_seq + 1) {
            loaded.last_seq += 1;
        }
        let model = &mut loaded.model;
        match fresh {
            Some(fresh) => (*model, loaded.model_stamp) = (fresh, next_model_stamp()),
            None => patch_model(model, &activities, &releases, &stories, &removed_story_ids),
        }
        if let Some(settings) = &settings {
            model.replace_settings(settings.clone());
        }
        model.name.clone_from(&name);
        Ok(MapChanged {
            name: applied.map_renamed.then_some(name),
            activities,
            releases,
            settings,
            stories,
            removed_story_ids,
        })
    }
}
