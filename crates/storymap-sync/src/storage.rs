//! samod's `Storage` on our SQLite file. Documents are not copied into samod's keys:
//! loading a document answers with the map's snapshot and change rows from `maps` and
//! `map_changes`, and samod's own writes of document chunks are dropped, because every
//! change samod holds reaches the store through [`crate::Replica::merge`]. So one data
//! directory holds one copy of each map. samod's other keys (its storage id) are kept in
//! the `sync_storage` table.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use samod::storage::{Storage, StorageKey};
use storymap_store::Store;

use crate::document_id::map_id_of;
use crate::SyncError;

#[derive(Clone)]
pub struct SqliteStorage {
    store: Arc<Mutex<Store>>,
}

/// What a key names: a document's chunks, or one of samod's own values.
enum Key {
    DocumentChunks { map_id: String },
    Own(String),
}

fn classify(key: &StorageKey) -> Key {
    let parts: Vec<&String> = key.into_iter().collect();
    let document = parts
        .first()
        .and_then(|id| id.parse::<samod::DocumentId>().ok());
    match (document, parts.get(1).map(|s| s.as_str())) {
        (Some(id), Some("snapshot" | "incremental") | None) => Key::DocumentChunks {
            map_id: map_id_of(&id),
        },
        _ => Key::Own(key.to_string()),
    }
}

fn parse_key(text: &str) -> Option<StorageKey> {
    StorageKey::from_parts(text.split('/')).ok()
}

impl SqliteStorage {
    /// A second connection to the data directory's database (WAL lets both work).
    pub fn open(database: &Path) -> Result<SqliteStorage, SyncError> {
        Ok(SqliteStorage {
            store: Arc::new(Mutex::new(Store::open(database)?)),
        })
    }

    fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> T + Send + 'static,
        fallback: T,
    ) -> impl std::future::Future<Output = T> + Send {
        let store = self.store.clone();
        async move {
            tokio::task::spawn_blocking(move || match store.lock() {
                Ok(store) => f(&store),
                Err(_) => fallback,
            })
            .await
            .unwrap_or_else(|_| panic!("sync storage task panicked"))
        }
    }
}

impl Storage for SqliteStorage {
    fn load(&self, key: StorageKey) -> impl std::future::Future<Output = Option<Vec<u8>>> + Send {
        self.with_store(
            move |store| match classify(&key) {
                Key::DocumentChunks { .. } => None,
                Key::Own(key) => store.sync_value(&key).ok().flatten(),
            },
            None,
        )
    }

    fn load_range(
        &self,
        prefix: StorageKey,
    ) -> impl std::future::Future<Output = HashMap<StorageKey, Vec<u8>>> + Send {
        self.with_store(
            move |store| {
                let mut found = HashMap::new();
                match classify(&prefix) {
                    // The whole map under its snapshot prefix; nothing under "incremental".
                    Key::DocumentChunks { map_id } => {
                        let wants_snapshot = (&prefix)
                            .into_iter()
                            .nth(1)
                            .is_some_and(|s| s == "snapshot");
                        if let (true, Ok(Some(bytes))) = (wants_snapshot, store.map_bytes(&map_id))
                        {
                            if let Ok(key) = prefix.with_component("storymap".to_owned()) {
                                found.insert(key, bytes);
                            }
                        }
                    }
                    Key::Own(prefix) => {
                        for (key, data) in store.sync_values_under(&prefix).unwrap_or_default() {
                            if let Some(key) = parse_key(&key) {
                                found.insert(key, data);
                            }
                        }
                    }
                }
                found
            },
            HashMap::new(),
        )
    }

    fn put(&self, key: StorageKey, data: Vec<u8>) -> impl std::future::Future<Output = ()> + Send {
        self.with_store(
            move |store| {
                if let Key::Own(key) = classify(&key) {
                    // samod's Storage cannot report errors; a lost storage id only means
                    // samod makes a new one next time.
                    let _ = store.put_sync_value(&key, &data);
                }
            },
            (),
        )
    }

    fn delete(&self, key: StorageKey) -> impl std::future::Future<Output = ()> + Send {
        self.with_store(
            move |store| {
                if let Key::Own(key) = classify(&key) {
                    let _ = store.delete_sync_value(&key);
                }
            },
            (),
        )
    }
}
