//! The data directory's own settings (display name, default sync server, last map opened):
//! a key-value table beside the maps.

use rusqlite::{params, OptionalExtension};

use crate::{Store, StoreError};

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .connection()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writable()?;
        self.connection().execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    pub fn delete_setting(&self, key: &str) -> Result<(), StoreError> {
        self.writable()?;
        self.connection()
            .execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }
}

impl Store {
    /// Changes whenever anything is written to the map (a change row appended or a
    /// compaction), without reading its document: `seq` only grows and compaction bumps
    /// the snapshot generation. `None` when there is no such map.
    pub fn write_marker(&self, map_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .connection()
            .query_row(
                "SELECT snapshot_generation,
                        (SELECT coalesce(max(seq), 0) FROM map_changes WHERE map_id = ?1)
                 FROM maps WHERE id = ?1",
                [map_id],
                |row| {
                    Ok(format!(
                        "g{}:s{}",
                        row.get::<_, i64>(0)?,
                        row.get::<_, i64>(1)?
                    ))
                },
            )
            .optional()?)
    }
}
