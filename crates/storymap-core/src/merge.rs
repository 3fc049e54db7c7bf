//! Merging changes made elsewhere (a teammate through sync, a `.storymap` file) into a
//! map: what they touched, from Automerge's own diff, so the store rewrites only those
//! projection rows and the UI patches only those cards.

use automerge::{ChangeHash, Prop, ReadDoc, ROOT};

use crate::authors::author_of;
use crate::edit::Applied;
use crate::merge_check::{check_touched, Touched};
use crate::read;
use crate::schema::*;
use crate::{CoreError, MapDocument};

/// The outcome of [`MapDocument::merge`] when it brought something new.
#[derive(Debug)]
pub struct Merged {
    /// What the new changes touched; `writes` is empty (they are not the local user's to undo).
    pub applied: Applied,
    /// The changes that were new here, encoded, to append as one change row.
    pub new_changes: Vec<u8>,
    /// How many changes were new.
    pub change_count: usize,
}

impl MapDocument {
    /// Merges encoded changes or a whole saved document of the same map; changes already
    /// here are skipped. `Ok(None)` when nothing was new.
    ///
    /// Bytes of another map, or of something that is not a story map, are refused. The
    /// document is then left holding them, so the caller must reload it from its store
    /// (as `Store::merge_changes` does) — Automerge cannot take changes back out.
    pub fn merge(&mut self, bytes: &[u8]) -> Result<Option<Merged>, CoreError> {
        let map_id = self.map_id();
        let before = self.heads();
        // Patches logged while the changes apply cost what the changes touch; a diff
        // between the heads walks the whole document (~0.5 s at 10k stories with Text).
        let mut log = automerge::PatchLog::active();
        self.automerge_mut()
            .load_incremental_log_patches(bytes, &mut log)?;
        if before == self.heads() {
            check_readable(bytes)?;
            return Ok(None);
        }
        check_same_map(self, &map_id)?;
        let patches = self.automerge().make_patches(&mut log);
        self.merged_since(&before, patches).map(Some)
    }

    /// Merges another copy of the same map, already loaded (and verified): only the
    /// changes it has and this one lacks are applied, without encoding anything.
    pub fn merge_document(&mut self, other: &MapDocument) -> Result<Option<Merged>, CoreError> {
        if other.map_id() != self.map_id() {
            return Err(CoreError::ForeignDocument(format!(
                "the changes belong to another map ({})",
                other.map_id()
            )));
        }
        let before = self.heads();
        let missing = self.automerge().get_changes_added(other.automerge());
        let mut log = automerge::PatchLog::active();
        self.automerge_mut()
            .apply_changes_log_patches(missing, &mut log)?;
        if before == self.heads() {
            return Ok(None);
        }
        check_same_map(self, &other.map_id())?;
        let patches = self.automerge().make_patches(&mut log);
        self.merged_since(&before, patches).map(Some)
    }

    /// What the new changes touched, after the schema check of those parts
    /// (`merge_check.rs`): the patches logged while they applied serve both.
    fn merged_since(
        &self,
        before: &[ChangeHash],
        patches: Vec<automerge::Patch>,
    ) -> Result<Merged, CoreError> {
        let doc = self.automerge();
        let change_count = doc.get_changes(before).len();
        let authors = merge_authors(doc, before).join(", ");
        check_touched(doc, before, &Touched::from_patches(&patches), &authors)?;
        let mut applied = touched(doc, &patches);
        let hidden = crate::merge_hidden::hidden_writes(doc, before, &patches);
        applied.settings_changed |= hidden.settings;
        applied.touch_stories(hidden.stories);
        let plural = if change_count == 1 { "" } else { "s" };
        applied.label = format!("Merged {change_count} change{plural} by {authors}");
        Ok(Merged {
            applied,
            new_changes: doc.save_after(before),
            change_count,
        })
    }

    /// The encoded changes after `heads`, for a peer that has `heads`; heads this copy
    /// does not know are ignored (it then sends a little more than needed, never less).
    pub fn changes_after(&self, heads: &[ChangeHash]) -> Vec<u8> {
        let doc = self.automerge();
        let known: Vec<ChangeHash> = heads
            .iter()
            .filter(|h| doc.get_change_by_hash(h).is_some())
            .copied()
            .collect();
        doc.save_after(&known)
    }

    /// Loads bytes from outside (a file, a download) with every hash verified.
    pub fn load_verified(bytes: &[u8]) -> Result<MapDocument, CoreError> {
        MapDocument::verified(automerge::Automerge::load(bytes)?)
    }

    /// A document received whole (joined through sync), checked like [`Self::load_verified`]
    /// without being saved and loaded again.
    pub fn verified(doc: automerge::Automerge) -> Result<MapDocument, CoreError> {
        read::check_document(&doc)?;
        let map = MapDocument::from_automerge(doc);
        if map.map_id().is_empty() {
            return Err(CoreError::ForeignDocument("it has no mapId".into()));
        }
        Ok(map)
    }
}

/// Automerge skips chunks it cannot parse when merging; when nothing was new, tell
/// "already had all of it" from "could not read it".
fn check_readable(bytes: &[u8]) -> Result<(), CoreError> {
    if bytes.is_empty() {
        return Ok(());
    }
    let options = automerge::LoadOptions::new()
        .on_partial_load(automerge::OnPartialLoad::Error)
        .verification_mode(automerge::VerificationMode::DontCheck);
    match automerge::Automerge::load_with_options(bytes, options) {
        // Changes that build on ones not in `bytes`: parsed fine.
        Ok(_) | Err(automerge::AutomergeError::MissingDeps) => Ok(()),
        Err(error) => Err(error.into()),
    }
}

/// After a merge the document must still be one story map, the same one: two `mapId`
/// values or a changed `kind` means someone merged a foreign document into it.
fn check_same_map(map: &MapDocument, map_id: &str) -> Result<(), CoreError> {
    let doc = map.automerge();
    read::check_document(doc)?;
    let ids: Vec<String> = doc
        .get_all(ROOT, MAP_ID)?
        .into_iter()
        .filter_map(|(value, _)| value.into_string().ok())
        .collect();
    if ids.len() != 1 || ids[0] != map_id {
        return Err(CoreError::ForeignDocument(format!(
            "the changes belong to another map ({})",
            ids.join(", ")
        )));
    }
    Ok(())
}

/// Which stories, outline parts and settings changed between two sets of heads.
fn touched(doc: &automerge::Automerge, patches: &[automerge::Patch]) -> Applied {
    let mut applied = Applied::default();
    let mut stories: Vec<String> = Vec::new();
    let mut moved_steps: Vec<String> = Vec::new();
    for patch in patches {
        let root_key = |i: usize| match patch.path.get(i) {
            Some((_, Prop::Map(key))) => Some(key.clone()),
            _ => None,
        };
        // A patch on the root names its key in the action; deeper ones in the path.
        let (top, second) = if patch.path.is_empty() {
            (patch_key(&patch.action), None)
        } else {
            (
                root_key(0),
                root_key(1).or_else(|| patch_key(&patch.action)),
            )
        };
        match top.as_deref() {
            Some(NAME) => applied.map_renamed = true,
            Some(STEPS) => {
                applied.outline_changed = true;
                let moved = patch.path.len() == 2
                    && patch_key(&patch.action).as_deref() == Some(ACTIVITY_ID);
                if let (true, Some(step)) = (moved, second) {
                    moved_steps.push(step);
                }
            }
            Some(ACTIVITIES | RELEASES) => applied.outline_changed = true,
            Some(SETTINGS) => applied.settings_changed = true,
            Some(STORIES) => {
                stories.extend(second);
            }
            _ => {}
        }
    }
    // A step moved to another activity takes its stories: the projection stores each
    // story's activity.
    if !moved_steps.is_empty() {
        stories.extend(crate::placement::Placement::build(doc).in_steps(&moved_steps));
    }
    applied.touch_stories(stories);
    // A story deleted or restored under a deleted step changes which steps are drawn.
    if !applied.outline_changed {
        applied.outline_changed = applied
            .stories
            .iter()
            .any(|id| read::story_parent_deleted(doc, id));
    }
    applied
}

fn patch_key(action: &automerge::PatchAction) -> Option<String> {
    use automerge::PatchAction::*;
    match action {
        PutMap { key, .. } | DeleteMap { key } => Some(key.clone()),
        // A concurrent copy arrived beside the value shown (a second settings map).
        Conflict {
            prop: Prop::Map(key),
        } => Some(key.clone()),
        _ => None,
    }
}

/// The authors of the changes after `before` ("Merged 3 changes by ana, ben"), as the
/// devices recorded them.
fn merge_authors(doc: &automerge::Automerge, before: &[ChangeHash]) -> Vec<String> {
    let mut authors: Vec<String> = Vec::new();
    for change in doc.get_changes(before) {
        let name = author_of(doc, change.actor_id());
        if !authors.contains(&name) {
            authors.push(name);
        }
    }
    authors
}
