//! The write path of [`Workspace`]: an edit, an undo or a redo on the open map, and the
//! [`MapChange`] the UI patches itself with. Every step works on the open map
//! ([`LoadedMap`]: the document and its projection in memory) and the rows the edit
//! touched; none reads the whole map.

use std::collections::{BTreeSet, HashMap, HashSet};

use storymap_core::refine::{DerivedIndex, MapIndex, StoryPositions};
use storymap_core::{Activity, Applied, MapModel, UndoRecord};
use storymap_store::{LoadedMap, MapChanged, Store};

use crate::convert_refine::Refiner;
use crate::dto::{ActivityView, HistoryState, MapChange, ReleaseView, StoryView};
use crate::history::LocalHistory;
use crate::refine_views::MapSettingsView;
use crate::workspace::unix_now;
use crate::workspace_health::with_session_health;
use crate::workspace_session::{changed_session, with_default_stories};
use crate::{ApiError, ErrorCode, MapEdit, ObjectiveView, Workspace};

/// Which way [`Workspace::step_history`] goes.
#[derive(Clone, Copy)]
enum HistoryStep {
    Undo,
    Redo,
}

impl Workspace {
    /// One edit: one Automerge change, persisted with its projection in one transaction;
    /// answers what changed and records it for undo.
    pub fn apply_edit(&mut self, map_id: &str, edit: MapEdit) -> Result<MapChange, ApiError> {
        let context = self.edit_context();
        self.loaded_map(map_id)?;
        let loaded = self.loaded.as_mut().expect("loaded above");
        let edit = storymap_core::Edit::from(with_default_stories(edit, loaded.model()));
        let edit = with_session_health(edit, loaded.model());
        let applied = loaded.doc.apply(&edit, &context)?;
        let changed = commit(&mut self.store, loaded, &applied)?;
        let (created_id, linked) = (applied.created_id.clone(), applied.linked_stories());
        let open = derived(&mut self.derived, loaded);
        open.refresh_positions(loaded.model(), &changed);
        let session = changed_session(loaded, &open.index(loaded.model()), &applied.sessions);
        let history = self.history.for_map(map_id);
        history.record(UndoRecord {
            label: applied.label,
            writes: applied.writes,
        });
        let outcome = Outcome {
            created_id,
            linked,
            history: history.state(),
            notice: None,
            session,
        };
        Ok(map_change(
            loaded.model(),
            open,
            changed,
            outcome,
            &self.author,
        ))
    }

    /// Reverts the local user's last edit (see [`LocalHistory`]).
    pub fn undo(&mut self, map_id: &str) -> Result<MapChange, ApiError> {
        self.step_history(map_id, HistoryStep::Undo)
    }

    /// Applies again what the last undo reverted.
    pub fn redo(&mut self, map_id: &str) -> Result<MapChange, ApiError> {
        self.step_history(map_id, HistoryStep::Redo)
    }

    fn step_history(&mut self, map_id: &str, step: HistoryStep) -> Result<MapChange, ApiError> {
        self.loaded_map(map_id)?;
        let loaded = self.loaded.as_mut().expect("loaded above");
        let history = self.history.for_map(map_id);
        let (record, verb) = match step {
            HistoryStep::Undo => (history.take_undo(), "undo"),
            HistoryStep::Redo => (history.take_redo(), "redo"),
        };
        let record = record.ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvalidInput,
                format!("there is nothing to {verb}"),
            )
        })?;
        let put_back = |history: &mut LocalHistory, record: UndoRecord| match step {
            HistoryStep::Undo => history.push_undo(record),
            HistoryStep::Redo => history.push_redo(record),
        };
        let reverted = match loaded.doc.revert(&record, unix_now()) {
            Ok(reverted) => reverted,
            Err(error) => {
                put_back(history, record);
                return Err(error.into());
            }
        };
        let changed = match commit(&mut self.store, loaded, &reverted.applied) {
            Ok(changed) => changed,
            Err(error) => {
                put_back(history, record);
                return Err(error);
            }
        };
        let notice = (reverted.skipped > 0).then(|| {
            format!(
                "Part of '{}' was not {verb}ne: someone else changed it since.",
                record.label
            )
        });
        let linked = reverted.applied.linked_stories();
        let open = derived(&mut self.derived, loaded);
        open.refresh_positions(loaded.model(), &changed);
        let session = changed_session(
            loaded,
            &open.index(loaded.model()),
            &reverted.applied.sessions,
        );
        let opposite = UndoRecord {
            label: record.label,
            writes: reverted.applied.writes,
        };
        match step {
            HistoryStep::Undo => history.push_redo(opposite),
            HistoryStep::Redo => history.push_undo(opposite),
        }
        let outcome = Outcome {
            created_id: None,
            linked,
            history: history.state(),
            notice,
            session,
        };
        Ok(map_change(
            loaded.model(),
            open,
            changed,
            outcome,
            &self.author,
        ))
    }
}

impl Workspace {
    /// Compacts the open map's change rows into its snapshot when they are due: the app
    /// calls it once the user has paused, so no edit pays for a whole-document save.
    /// `true` when it compacted.
    pub fn compact_idle(&mut self) -> Result<bool, ApiError> {
        match self.loaded.as_mut() {
            Some(loaded) => Ok(self.store.compact_if_due(loaded)?),
            None => Ok(false),
        }
    }
}

/// Closing the workspace (the command line's command ends, the app quits) compacts the
/// open map and those synced in the background if due; failing is harmless, the rows are simply kept.
impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = self.compact_idle();
        for map in &mut self.background {
            let _ = self.store.compact_if_due(map);
        }
    }
}

/// Persists an applied edit (or undo); compacts only when long overdue (the shells
/// compact when the user pauses: `Workspace::compact_idle`).
pub(crate) fn commit(
    store: &mut Store,
    loaded: &mut LoadedMap,
    applied: &Applied,
) -> Result<MapChanged, ApiError> {
    let changed = store.commit_edit(loaded, applied)?;
    // The edit is saved; a compaction that fails (say, a full disk) is retried next time.
    let _ = store.compact_if_overdue(loaded);
    Ok(changed)
}

/// What an edit, undo or redo adds to the change the store read back.
pub(crate) struct Outcome {
    pub(crate) created_id: Option<String>,
    /// Stories whose dependency links the edit wrote: their "dependents" changed.
    pub(crate) linked: Vec<String>,
    pub(crate) history: HistoryState,
    pub(crate) notice: Option<String>,
    /// The session the change wrote, when it wrote one.
    pub(crate) session: Option<crate::session_views::SessionView>,
}

/// What the answer to an edit needs from the whole open map, kept between edits and
/// patched with what each one touched; built again when the model was read afresh.
pub(crate) struct OpenIndex {
    /// The [`LoadedMap::model_stamp`] it was built from.
    stamp: u64,
    derived: DerivedIndex,
    positions: StoryPositions,
    /// Each activity's persona, to tell which changed: its stories without their own
    /// persona serve the new one, so their views go out again.
    activity_personas: HashMap<String, Option<String>>,
}

impl OpenIndex {
    /// Keeps the story positions true after `changed` (see [`StoryPositions::refresh`]).
    pub(crate) fn refresh_positions(&mut self, model: &MapModel, changed: &MapChanged) {
        self.positions.refresh(
            model,
            &changed.stories,
            changed.removed_story_ids.iter().map(String::as_str),
            changed.activities.is_some(),
        );
    }

    /// The activities whose persona `activities` changed, remembering the new ones.
    fn persona_changes(&mut self, activities: &[Activity]) -> HashSet<String> {
        let now = activity_personas(activities);
        let changed = (now.iter())
            .filter(|(id, persona)| self.activity_personas.get(*id) != Some(persona))
            .map(|(id, _)| id.clone())
            .collect();
        self.activity_personas = now;
        changed
    }

    /// The rules' index of the open map, through the kept positions.
    pub(crate) fn index<'m>(&'m self, model: &'m MapModel) -> MapIndex<'m> {
        MapIndex::with_positions(model, &self.positions)
    }
}

fn activity_personas(activities: &[Activity]) -> HashMap<String, Option<String>> {
    (activities.iter())
        .map(|a| (a.id.clone(), a.persona_id.clone()))
        .collect()
}

/// The open map's [`OpenIndex`], rebuilt when the model was read afresh.
pub(crate) fn derived<'d>(
    slot: &'d mut Option<OpenIndex>,
    loaded: &LoadedMap,
) -> &'d mut OpenIndex {
    match slot {
        Some(open) if open.stamp == loaded.model_stamp() => {}
        _ => {
            *slot = Some(OpenIndex {
                stamp: loaded.model_stamp(),
                derived: DerivedIndex::new(loaded.model()),
                positions: StoryPositions::new(loaded.model()),
                activity_personas: activity_personas(&loaded.model().activities),
            });
        }
    }
    slot.as_mut().expect("set just above")
}

/// The change for the UI: the stories the edit touched, and every story whose refinement
/// may follow from them (dependents, linked stories; all of them when settings changed),
/// with fresh roll-ups. From the open map's model and derived index, which are refreshed
/// for those stories only.
pub(crate) fn map_change(
    model: &MapModel,
    open: &mut OpenIndex,
    changed: MapChanged,
    outcome: Outcome,
    reader: &str,
) -> MapChange {
    open.refresh_positions(model, &changed);
    let persona_changes = match &changed.activities {
        Some(activities) => open.persona_changes(activities),
        None => HashSet::new(),
    };
    let OpenIndex {
        derived, positions, ..
    } = open;
    let index = MapIndex::with_positions(model, positions);
    let mut ids: BTreeSet<&str> = changed
        .stories
        .iter()
        .map(|s| s.id.as_str())
        .chain(changed.removed_story_ids.iter().map(String::as_str))
        .chain(outcome.linked.iter().map(String::as_str))
        .collect();
    if changed.settings.is_some() {
        *derived = DerivedIndex::new(model);
        ids = model.stories.iter().map(|s| s.id.as_str()).collect();
    } else {
        derived.refresh(model, &index, ids.iter().copied());
        // Ids borrowed from the model, not from `derived`, which is refreshed next.
        let dependents: BTreeSet<&str> = ids
            .iter()
            .flat_map(|id| derived.dependents_of(id))
            .filter_map(|id| index.story(id))
            .map(|s| s.id.as_str())
            .filter(|id| !ids.contains(id))
            .collect();
        derived.refresh(model, &index, dependents.iter().copied());
        ids.extend(dependents);
        if !persona_changes.is_empty() {
            let served = (model.stories.iter())
                .filter(|s| persona_changes.contains(&s.activity_id))
                .map(|s| s.id.as_str());
            ids.extend(served);
        }
    }
    let releases = model
        .releases
        .iter()
        .zip(derived.rollups(&model.releases))
        .map(ReleaseView::from)
        .collect();
    let refiner = Refiner::with_derived(model, index, derived).read_by(reader);
    let stories: Vec<StoryView> = ids
        .iter()
        .filter_map(|id| refiner.story(id))
        .map(|s| refiner.story_view(s))
        .collect();
    MapChange {
        map_id: model.id.clone(),
        name: changed.name,
        activities: changed
            .activities
            .map(|activities| activities.iter().map(ActivityView::from).collect()),
        releases,
        stories,
        removed_story_ids: changed.removed_story_ids,
        created_id: outcome.created_id,
        history: outcome.history,
        notice: outcome.notice,
        session: outcome.session,
        settings: changed.settings.as_ref().map(MapSettingsView::from),
        objectives: (changed.settings.as_ref())
            .map(|s| s.objectives.iter().map(ObjectiveView::from).collect()),
        personas: (changed.settings.as_ref())
            .map(|s| s.personas.iter().map(crate::PersonaView::from).collect()),
    }
}
