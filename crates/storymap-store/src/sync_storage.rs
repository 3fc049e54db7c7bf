//! What the sync layer reads and writes in the store: a map's Automerge data as one
//! blob (for samod to load), and samod's own small keys.

use rusqlite::{params, OptionalExtension};

use crate::{Store, StoreError};

impl Store {
    /// The map's snapshot followed by its change rows: loadable as one document.
    pub fn map_bytes(&self, map_id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let Some(mut bytes) = self
            .connection()
            .query_row("SELECT snapshot FROM maps WHERE id = ?1", [map_id], |row| {
                row.get::<_, Vec<u8>>(0)
            })
            .optional()?
        else {
            return Ok(None);
        };
        let mut rows = self
            .connection()
            .prepare_cached("SELECT data FROM map_changes WHERE map_id = ?1 ORDER BY seq")?;
        for change in rows.query_map([map_id], |row| row.get::<_, Vec<u8>>(0))? {
            bytes.extend_from_slice(&change?);
        }
        Ok(Some(bytes))
    }

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

    /// Every key equal to `prefix` or below it (`prefix/…`).
    pub fn sync_values_under(&self, prefix: &str) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let below = format!("{prefix}/");
        let mut query = self.connection().prepare_cached(
            "SELECT key, data FROM sync_storage
             WHERE key = ?1 OR substr(key, 1, length(?2)) = ?2",
        )?;
        let rows = query.query_map(params![prefix, below], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
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

    pub fn delete_sync_value(&self, key: &str) -> Result<(), StoreError> {
        self.writable()?;
        self.connection()
            .execute("DELETE FROM sync_storage WHERE key = ?1", [key])?;
        Ok(())
    }
}
