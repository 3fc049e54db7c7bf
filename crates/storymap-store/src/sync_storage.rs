//! What the sync layer keeps in the store besides the maps: this data directory's storage
//! id and, per map and server, the Automerge sync state from the last time they agreed.
//! Small values by key; never documents (the maps are in `maps` and `map_changes`).

use rusqlite::{params, OptionalExtension};

use crate::{Store, StoreError};

impl Store {
    pub fn sync_value(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .connection()
            .query_row(
                "SELECT data FROM sync_storage WHERE key = ?1",
                [key],
                |row| row.get(0),
            )
            .optional()?)
    }

    pub fn put_sync_value(&self, key: &str, data: &[u8]) -> Result<(), StoreError> {
        self.writable()?;
        self.connection().execute(
            "INSERT INTO sync_storage (key, data) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET data = excluded.data",
            params![key, data],
        )?;
        Ok(())
    }
}
