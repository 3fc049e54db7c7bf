//! [`WriteScope`]: one write transaction, or a part of the caller's when one is open.
//!
//! A write usually takes the database's write lock itself (`BEGIN IMMEDIATE`, so a busy
//! database waits for the busy timeout rather than failing on upgrade). Inside
//! [`crate::Store::begin_exclusive`] the lock is already held: the write becomes a
//! savepoint, and is durable when the exclusive section commits.

use rusqlite::Connection;

use crate::{Store, StoreError};

pub(crate) struct WriteScope<'c> {
    db: &'c Connection,
    nested: bool,
    done: bool,
}

impl<'c> WriteScope<'c> {
    pub(crate) fn begin(db: &'c Connection) -> Result<WriteScope<'c>, StoreError> {
        let nested = !db.is_autocommit();
        db.execute_batch(if nested {
            "SAVEPOINT write_scope"
        } else {
            "BEGIN IMMEDIATE"
        })?;
        Ok(WriteScope {
            db,
            nested,
            done: false,
        })
    }

    pub(crate) fn commit(mut self) -> Result<(), StoreError> {
        self.done = true;
        self.db.execute_batch(if self.nested {
            "RELEASE write_scope"
        } else {
            "COMMIT"
        })?;
        Ok(())
    }
}

impl std::ops::Deref for WriteScope<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.db
    }
}

impl Drop for WriteScope<'_> {
    fn drop(&mut self) {
        if !self.done {
            // Nothing of a failed write stays; the error that stopped it is the one reported.
            let _ = self.db.execute_batch(if self.nested {
                "ROLLBACK TO write_scope; RELEASE write_scope"
            } else {
                "ROLLBACK"
            });
        }
    }
}

impl Store {
    /// Takes the database's write lock until [`Store::end_exclusive`]: what is read and
    /// written meanwhile is one step for every process (a lookup by name and the creation
    /// it decides on cannot interleave with another writer's). Edits committed inside are
    /// durable together when the section ends with `commit`; otherwise none is.
    pub fn begin_exclusive(&self) -> Result<(), StoreError> {
        self.writable()?;
        self.db.execute_batch("BEGIN IMMEDIATE")?;
        Ok(())
    }

    pub fn end_exclusive(&self, commit: bool) -> Result<(), StoreError> {
        if self.db.is_autocommit() {
            return Ok(());
        }
        self.db
            .execute_batch(if commit { "COMMIT" } else { "ROLLBACK" })?;
        Ok(())
    }
}
