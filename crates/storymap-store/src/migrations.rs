//! Versioned, forward-only schema migrations, tracked in `PRAGMA user_version`.

use std::path::Path;

use rusqlite::Connection;

use crate::StoreError;

/// `PRAGMA application_id` of a Storymap database ("SMAP"): what tells our file from
/// another application's SQLite file at the same path.
pub(crate) const APPLICATION_ID: i32 = 0x534d_4150;

/// The last version that changed tables or columns; later ones only mark the file, so a
/// file at this version can be read as it is when it cannot be written.
pub(crate) const LAST_SCHEMA_CHANGE: i64 = 5;

/// Each entry moves the schema from version `index` to `index + 1`. Never edit a
/// released entry; append a new one.
const MIGRATIONS: &[&str] = &[
    r#"
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    -- One row per map: its latest compacted Automerge snapshot and listing columns.
    CREATE TABLE maps (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        story_count INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        snapshot    BLOB NOT NULL,
        -- Bumped at each compaction, so another process knows to merge the new snapshot.
        snapshot_generation INTEGER NOT NULL DEFAULT 1
    );
    -- Automerge changes made since the snapshot, one row per edit.
    CREATE TABLE map_changes (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        map_id     TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
        data       BLOB NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX map_changes_by_map ON map_changes(map_id, seq);
    -- Projection: the backbone and release slices, in display order.
    CREATE TABLE outline (
        map_id    TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
        id        TEXT NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN ('activity', 'step', 'release')),
        parent_id TEXT,
        title     TEXT NOT NULL,
        rank      TEXT NOT NULL,
        position  INTEGER NOT NULL,
        PRIMARY KEY (map_id, id)
    );
    -- Projection: stories, for drawing, listing and search.
    CREATE TABLE stories (
        map_id      TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
        id          TEXT NOT NULL,
        title       TEXT NOT NULL,
        description TEXT NOT NULL,
        activity_id TEXT NOT NULL,
        step_id     TEXT NOT NULL,
        release_id  TEXT NOT NULL,
        rank        TEXT NOT NULL,
        status      TEXT NOT NULL,
        estimate    TEXT,
        PRIMARY KEY (map_id, id)
    );
    CREATE TABLE acceptance_criteria (
        map_id   TEXT NOT NULL,
        story_id TEXT NOT NULL,
        id       TEXT NOT NULL,
        text     TEXT NOT NULL,
        done     INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (map_id, story_id, id),
        FOREIGN KEY (map_id, story_id) REFERENCES stories(map_id, id) ON DELETE CASCADE
    );
"#,
    r#"
    -- Refinement (issue #4). Maps stored before it have none of these fields, so the
    -- defaults below are exactly what their documents say.
    ALTER TABLE stories ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE acceptance_criteria ADD COLUMN given TEXT NOT NULL DEFAULT '';
    ALTER TABLE acceptance_criteria ADD COLUMN "when" TEXT NOT NULL DEFAULT '';
    ALTER TABLE acceptance_criteria ADD COLUMN "then" TEXT NOT NULL DEFAULT '';
    ALTER TABLE maps ADD COLUMN settings TEXT;
"#,
    r#"
    -- Sync (issue #5): samod's own keys (its storage id and the like), one row per key,
    -- the parts of its hierarchical key joined with '/'. Documents are not stored here:
    -- samod reads them from `maps` and `map_changes` (see storymap-sync's storage).
    CREATE TABLE sync_storage (
        key  TEXT PRIMARY KEY,
        data BLOB NOT NULL
    );
"#,
    r#"
    -- Jira exchange (issue #7): the epic an activity came from. A story's key is in
    -- `stories.details`; maps stored before have no keys, so NULL is what they say.
    ALTER TABLE outline ADD COLUMN jira_key TEXT;
"#,
    r#"
    -- Issue #14: mark the file as Storymap's, so another application's file is refused.
    PRAGMA application_id = 1397571920;
"#,
    r#"
    -- Issue #16: the persona who does an activity; NULL: none named.
    ALTER TABLE outline ADD COLUMN persona_id TEXT;
"#,
];

/// The tables a Storymap database has at `version`, sorted; none for a version we never
/// made. Recognises files made before [`APPLICATION_ID`] was set.
pub(crate) fn tables_at(version: i64) -> Vec<String> {
    const FIRST: [&str; 6] = [
        "acceptance_criteria",
        "map_changes",
        "maps",
        "outline",
        "settings",
        "stories",
    ];
    let mut tables: Vec<&str> = match version {
        1..=2 => FIRST.to_vec(),
        // Migration 3 added samod's storage.
        3.. if version <= MIGRATIONS.len() as i64 => [&FIRST[..], &["sync_storage"]].concat(),
        _ => vec![],
    };
    tables.sort_unstable();
    tables.into_iter().map(String::from).collect()
}

pub(crate) fn migrate(connection: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let found: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| crate::error::on_open(path, e))?;
    let supported = MIGRATIONS.len() as i64;
    if found > supported {
        return Err(StoreError::NewerDatabase {
            path: path.to_owned(),
            found,
            supported,
        });
    }
    for (version, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = connection.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_migration_sets_the_application_id() {
        let marker = format!("application_id = {APPLICATION_ID};");
        assert!(MIGRATIONS.iter().any(|m| m.contains(&marker)));
    }
}
