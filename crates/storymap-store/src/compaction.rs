//! Folding a map's change rows into its snapshot: a whole-document save, so it runs when
//! the user pauses (the shells decide when), and inside an edit only when long overdue.

use rusqlite::params;

use crate::loaded::merge_stored;
use crate::write_scope::WriteScope;
use crate::{LoadedMap, Store, StoreError};

/// Compact a map's change rows into a new snapshot past this many rows…
pub const COMPACT_AFTER_ROWS: i64 = 200;
/// …or this many bytes of changes (measured: opening cost grows with rows, not bytes),
/// when the user pauses or the map is closed ([`Store::compact_if_due`]).
pub const COMPACT_AFTER_BYTES: i64 = 256 * 1024;
/// An edit or a merge compacts only past these (a whole-document save, ~1 s at 10k
/// stories, is not a cost one keystroke should pay), for a device that never pauses.
pub const COMPACT_OVERDUE_ROWS: i64 = 2_000;
pub const COMPACT_OVERDUE_BYTES: i64 = 4 << 20;

impl Store {
    /// Rows and bytes of changes stored after the map's snapshot.
    pub fn pending_changes(&self, map_id: &str) -> Result<(i64, i64), StoreError> {
        Ok(self.db.query_row(
            "SELECT count(*), coalesce(sum(length(data)), 0) FROM map_changes WHERE map_id = ?1",
            [map_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?)
    }

    /// Compacts when the change rows pass [`COMPACT_AFTER_ROWS`] or [`COMPACT_AFTER_BYTES`]:
    /// when the user pauses, a map closes, a command-line command ends.
    pub fn compact_if_due(&mut self, loaded: &mut LoadedMap) -> Result<bool, StoreError> {
        self.compact_past(loaded, COMPACT_AFTER_ROWS, COMPACT_AFTER_BYTES)
    }

    /// Compacts past [`COMPACT_OVERDUE_ROWS`] or [`COMPACT_OVERDUE_BYTES`]: on the edit and
    /// merge paths, which otherwise leave it to [`Store::compact_if_due`].
    pub fn compact_if_overdue(&mut self, loaded: &mut LoadedMap) -> Result<bool, StoreError> {
        self.compact_past(loaded, COMPACT_OVERDUE_ROWS, COMPACT_OVERDUE_BYTES)
    }

    fn compact_past(
        &mut self,
        loaded: &mut LoadedMap,
        rows_limit: i64,
        bytes_limit: i64,
    ) -> Result<bool, StoreError> {
        let (rows, bytes) = self.pending_changes(&loaded.map_id)?;
        if rows < rows_limit && bytes < bytes_limit {
            return Ok(false);
        }
        self.compact(loaded)?;
        Ok(true)
    }

    /// Replaces the snapshot with one holding every stored change and deletes those rows,
    /// in one transaction that first merges rows other processes added.
    pub fn compact(&mut self, loaded: &mut LoadedMap) -> Result<(), StoreError> {
        self.writable()?;
        let tx = WriteScope::begin(&self.db)?;
        // Inside the write lock, so no row can slip in between merge and delete.
        merge_stored(&tx, loaded)?;
        tx.execute(
            "UPDATE maps SET snapshot = ?2, snapshot_generation = snapshot_generation + 1 WHERE id = ?1",
            params![loaded.map_id, loaded.doc.save()],
        )?;
        tx.execute(
            "DELETE FROM map_changes WHERE map_id = ?1 AND seq <= ?2",
            params![loaded.map_id, loaded.last_seq],
        )?;
        let generation: i64 = tx.query_row(
            "SELECT snapshot_generation FROM maps WHERE id = ?1",
            [&loaded.map_id],
            |row| row.get(0),
        )?;
        tx.commit()?;
        loaded.generation = generation;
        Ok(())
    }
}
