//! [`MapDocument`]: one story map as one Automerge document, and the only way to change it.

use automerge::transaction::{CommitOptions, Transactable};
use automerge::{Author, Automerge, ChangeHash, LoadOptions, ReadDoc, VerificationMode, ROOT};

use crate::edit::shared::clean_title;
use crate::edit::tx::EditTx;
use crate::edit::{self, history as history_edit, Applied, Edit, EditContext};
use crate::history::{self, Entity, Recorder, UndoRecord};
use crate::model::MapModel;
use crate::placement::Placement;
use crate::read::{self, str_field};
use crate::schema::*;
use crate::CoreError;

/// The outcome of [`MapDocument::revert`].
#[derive(Debug)]
pub struct Reverted {
    pub applied: Applied,
    /// Entities not reverted because someone else changed them since.
    pub skipped: usize,
}

pub struct MapDocument {
    doc: Automerge,
    /// Built at the first edit, refreshed from what each edit touched; dropped when
    /// changes arrive from elsewhere (merges, sync) and rebuilt at the next edit.
    placement: Option<Placement>,
}

impl MapDocument {
    /// A new, empty map: the root fields in one change.
    pub fn create(
        map_id: &str,
        name: &str,
        author: &str,
        unix_time: i64,
    ) -> Result<MapDocument, CoreError> {
        let name = clean_title("map", name)?;
        let mut map = MapDocument::from_automerge(Automerge::new());
        map.set_author(author);
        map.doc
            .transact_with(
                |_| commit_options(format!("Create map '{name}'"), unix_time),
                |tx| -> Result<(), CoreError> {
                    tx.put(ROOT, KIND, DOCUMENT_KIND)?;
                    tx.put(ROOT, SCHEMA_VERSION_KEY, SCHEMA_VERSION)?;
                    tx.put(ROOT, MAP_ID, map_id)?;
                    tx.put(ROOT, NAME, name.as_str())?;
                    for key in [ACTIVITIES, STEPS, RELEASES, STORIES] {
                        tx.put_object(ROOT, key, automerge::ObjType::Map)?;
                    }
                    Ok(())
                },
            )
            .map_err(|failure| failure.error)?;
        Ok(map)
    }

    /// Loads a saved document (a snapshot, optionally followed by change chunks), refusing
    /// anything that is not a story map this version can read.
    ///
    /// Head hashes are not re-verified: the bytes come from our own store, whose rows are
    /// written atomically. Bytes from outside (file exchange, sync) should be checked with
    /// `VerificationMode::Check` when those arrive.
    pub fn load(bytes: &[u8]) -> Result<MapDocument, CoreError> {
        let options = LoadOptions::new().verification_mode(VerificationMode::DontCheck);
        let doc = Automerge::load_with_options(bytes, options)?;
        read::check_document(&doc)?;
        Ok(MapDocument::from_automerge(doc))
    }

    /// Merges saved changes (change rows or another copy's snapshot); known ones are skipped.
    pub fn load_incremental(&mut self, bytes: &[u8]) -> Result<(), CoreError> {
        self.placement = None;
        self.doc.load_incremental(bytes)?;
        Ok(())
    }

    /// Every later change of this session is attributed to `author` (the device's user name).
    pub fn set_author(&mut self, author: &str) {
        self.doc
            .set_author(Some(Author::from(author.as_bytes().to_vec())));
    }

    /// Applies one edit as one Automerge change stamped with its time; on error nothing
    /// is changed.
    pub fn apply(&mut self, edit: &Edit, context: &EditContext) -> Result<Applied, CoreError> {
        // A history edit reads past states and op origins first (see `edit::history`).
        let plan = match edit {
            Edit::History(history) => Some(history_edit::plan(&self.doc, history)?),
            _ => None,
        };
        let placement = self
            .placement
            .get_or_insert_with(|| Placement::build(&self.doc));
        let ids = (
            context.new_id.as_str(),
            context.unix_time,
            context.author.as_str(),
        );
        let applied = self
            .doc
            .transact_with(
                |applied: &Applied| commit_options(applied.label.clone(), context.unix_time),
                |tx| match &plan {
                    Some(plan) => history_edit::write(tx, plan),
                    None => {
                        let mut edit_tx = EditTx::new(tx, ids, placement);
                        let label = edit::apply(&mut edit_tx, edit)?;
                        Ok(edit_tx.finish(label))
                    }
                },
            )
            .map(|success| success.result)
            .map_err(|failure| failure.error)?;
        placement.refresh(&self.doc, &applied.stories);
        Ok(self.with_parents_shown(applied))
    }

    /// Applies several edits as ONE Automerge change (an import, say): one undo step, one
    /// change row. Each edit gets its own id for what it creates, so later edits can refer
    /// to it, and sees the cells as the earlier ones left them. On error nothing is
    /// changed. History edits are refused (they plan against the whole document, which a
    /// running transaction cannot see).
    pub fn apply_all(
        &mut self,
        label: &str,
        edits: &[(Edit, String)],
        context: (i64, &str),
    ) -> Result<Applied, CoreError> {
        self.apply_all_reporting(label, edits, context, &mut |_| {})
    }

    /// [`MapDocument::apply_all`], calling `on_applied` with the count of edits applied so
    /// far after each one, for a progress bar.
    pub fn apply_all_reporting(
        &mut self,
        label: &str,
        edits: &[(Edit, String)],
        (unix_time, author): (i64, &str),
        on_applied: &mut dyn FnMut(usize),
    ) -> Result<Applied, CoreError> {
        let placement = self
            .placement
            .get_or_insert_with(|| Placement::build(&self.doc));
        let result = self
            .doc
            .transact_with(
                |_| commit_options(label.to_owned(), unix_time),
                |tx| -> Result<Applied, CoreError> {
                    let mut all = Applied {
                        label: label.to_owned(),
                        ..Applied::default()
                    };
                    for (done, (edit, new_id)) in edits.iter().enumerate() {
                        let mut edit_tx = EditTx::new(tx, (new_id, unix_time, author), placement);
                        let label = edit::apply(&mut edit_tx, edit)?;
                        let applied = edit_tx.finish(label);
                        placement.refresh(&*tx, &applied.stories);
                        all.absorb(applied);
                        on_applied(done + 1);
                    }
                    Ok(all)
                },
            )
            .map(|success| success.result)
            .map_err(|failure| failure.error);
        match result {
            Ok(applied) => Ok(self.with_parents_shown(applied)),
            Err(error) => {
                // The index saw the rolled-back edits.
                self.placement = None;
                Err(error)
            }
        }
    }

    /// A deleted step or slice stays drawn while it holds live stories (see `read`), so a
    /// story deleted or restored there changes the outline too.
    fn with_parents_shown(&self, mut applied: Applied) -> Applied {
        if applied.outline_changed {
            return applied;
        }
        applied.outline_changed = applied
            .writes
            .iter()
            .filter(|w| w.field == DELETED)
            .filter_map(|w| match &w.entity {
                Entity::Story(id) => Some(id),
                _ => None,
            })
            .any(|id| read::story_parent_deleted(&self.doc, id));
        applied
    }

    /// Writes back what `record` changed, as one new change, except on entities someone
    /// else changed since (see `history`). `applied.writes` is the record that redoes it;
    /// `skipped` counts the entities left alone.
    pub fn revert(&mut self, record: &UndoRecord, unix_time: i64) -> Result<Reverted, CoreError> {
        let (applied, skipped) = self
            .doc
            .transact_with(
                |_| commit_options(format!("Undo: {}", record.label), unix_time),
                |tx| -> Result<(Applied, usize), CoreError> {
                    let mut recorder = Recorder::new(tx);
                    let skipped = history::revert(&mut recorder, record)?;
                    let applied = Applied::from_writes(record.label.clone(), recorder.writes);
                    Ok((applied, skipped))
                },
            )
            .map(|success| success.result)
            .map_err(|failure| failure.error)?;
        let mut applied = applied;
        let placement = self
            .placement
            .get_or_insert_with(|| Placement::build(&self.doc));
        // A step moved back to its old activity takes its stories along: the projection
        // stores each story's activity, so they count as written (as in `move_step`).
        let moved_steps: Vec<String> = applied
            .writes
            .iter()
            .filter(|w| w.field == ACTIVITY_ID)
            .filter_map(|w| match &w.entity {
                Entity::Step(id) => Some(id.clone()),
                _ => None,
            })
            .collect();
        if !moved_steps.is_empty() {
            applied.touch_stories(placement.in_steps(&moved_steps));
        }
        placement.refresh(&self.doc, &applied.stories);
        Ok(Reverted {
            applied: self.with_parents_shown(applied),
            skipped,
        })
    }

    /// The encoded change this session made last, to append as a change row.
    pub fn last_local_change(&self) -> Option<Vec<u8>> {
        self.doc
            .get_last_local_change()
            .map(|c| c.raw_bytes().to_vec())
    }

    pub fn save(&self) -> Vec<u8> {
        self.doc.save()
    }

    pub fn heads(&self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    pub fn read(&self) -> Result<MapModel, CoreError> {
        read::read_map(&self.doc)
    }

    /// The map as it was at `heads` (see [`crate::history_points`]): for looking, not editing.
    pub fn read_at(&self, heads: &[ChangeHash]) -> Result<MapModel, CoreError> {
        if let Some(unknown) = heads
            .iter()
            .find(|h| self.doc.get_change_by_hash(h).is_none())
        {
            return Err(CoreError::InvalidInput(format!(
                "this map has no change {unknown}"
            )));
        }
        read::read_map(&self.doc.fork_at(heads)?)
    }

    /// The backbone and the release slices, without the stories.
    pub fn read_outline(&self) -> (Vec<crate::Activity>, Vec<crate::ReleaseSlice>) {
        read::read_outline(&self.doc)
    }

    /// The team's refinement settings (defaults until changed).
    pub fn read_settings(&self) -> crate::MapSettings {
        read::read_settings(&self.doc)
    }

    pub fn read_story(&self, story_id: &str) -> Option<crate::Story> {
        read::read_one_story(&self.doc, story_id)
    }

    /// The map's refinement sessions, newest first.
    pub fn read_sessions(&self) -> Vec<crate::session::Session> {
        crate::session::read_sessions(&self.doc)
    }

    /// The ready backlog kept by the last sessions that ended, oldest first (see
    /// [`crate::session::health_trend`]), read without the rest of the sessions.
    pub fn health_trend(&self) -> Vec<(String, i64, crate::session::SessionHealth)> {
        crate::session::read_health_trend(&self.doc)
    }

    pub fn read_session(&self, session_id: &str) -> Option<crate::session::Session> {
        crate::session::read_one(&self.doc, session_id)
    }

    pub fn map_id(&self) -> String {
        str_field(&self.doc, &ROOT, MAP_ID).unwrap_or_default()
    }

    pub fn name(&self) -> String {
        str_field(&self.doc, &ROOT, NAME).unwrap_or_default()
    }

    pub fn automerge(&self) -> &Automerge {
        &self.doc
    }

    /// The document itself, for the sync layer: Automerge's sync protocol
    /// (`automerge::sync::SyncDoc`) reads and merges through it. Anything else changes the
    /// map through [`MapDocument::apply`], and merged bytes should be checked as in
    /// [`MapDocument::merge`].
    pub fn sync_doc(&mut self) -> &mut Automerge {
        self.automerge_mut()
    }

    /// Automerge's next sync message for a peer (`automerge::sync`).
    pub fn sync_message(
        &self,
        state: &mut automerge::sync::State,
    ) -> Option<automerge::sync::Message> {
        use automerge::sync::SyncDoc;
        self.doc.generate_sync_message(state)
    }

    /// Notes what a peer's sync message says it has (heads, needs, summary). Its changes
    /// are not applied here: they are merged first, checked, through [`MapDocument::merge`].
    pub fn note_sync_message(
        &mut self,
        state: &mut automerge::sync::State,
        mut message: automerge::sync::Message,
    ) -> Result<(), CoreError> {
        use automerge::sync::SyncDoc;
        message.changes = automerge::sync::ChunkList::empty();
        // No change is applied, so the placement index stays valid.
        self.doc.receive_sync_message(state, message)?;
        Ok(())
    }

    pub(crate) fn from_automerge(doc: Automerge) -> MapDocument {
        MapDocument {
            doc,
            placement: None,
        }
    }

    /// Changes arriving this way are not seen by the placement index: it is rebuilt.
    pub(crate) fn automerge_mut(&mut self) -> &mut Automerge {
        self.placement = None;
        &mut self.doc
    }
}

pub(crate) fn commit_options(message: String, unix_time: i64) -> CommitOptions {
    CommitOptions::default()
        .with_message(message)
        .with_time(unix_time)
}

#[cfg(test)]
mod tests;
