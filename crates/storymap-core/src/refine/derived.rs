//! What the answer to an edit needs from the whole map, kept for the open map and
//! refreshed only for the stories the edit touched: who depends on each story, and each
//! story's part in its slice's roll-up (points, ready, done). Building it reads every
//! story once; after that an edit costs its own stories, not the map's.

use std::collections::{BTreeSet, HashMap};

use super::{readiness, Estimate, MapIndex};
use crate::model::{slice_rollups, MapModel, ReleaseSlice, SliceRollup, StoryStatus, StoryTally};

/// One story's part in its slice's roll-up, as last computed.
#[derive(Debug, Clone, PartialEq)]
struct Tally {
    release_id: String,
    status: StoryStatus,
    points: Option<f64>,
    ready: bool,
}

/// Reverse dependencies and roll-up tallies of a map, patched story by story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DerivedIndex {
    /// What each story depended on when last refreshed, to undo its reverse edges.
    depends_on: HashMap<String, Vec<String>>,
    dependents: HashMap<String, BTreeSet<String>>,
    tallies: HashMap<String, Tally>,
}

impl DerivedIndex {
    pub fn new(model: &MapModel) -> DerivedIndex {
        let index = MapIndex::new(model);
        let mut derived = DerivedIndex::default();
        derived.refresh(model, &index, model.stories.iter().map(|s| s.id.as_str()));
        derived
    }

    /// The stories that depend on `story_id`, by id.
    pub fn dependents_of(&self, story_id: &str) -> impl Iterator<Item = &str> {
        self.dependents
            .get(story_id)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }

    /// Reads these stories again from `model` (through its `index`); a story no longer
    /// there leaves the index. Refresh the stories an edit wrote first, then their
    /// dependents, whose readiness may follow from them.
    pub fn refresh<'a>(
        &mut self,
        model: &MapModel,
        index: &MapIndex<'_>,
        story_ids: impl IntoIterator<Item = &'a str>,
    ) {
        for id in story_ids {
            for old in self.depends_on.remove(id).unwrap_or_default() {
                if let Some(set) = self.dependents.get_mut(&old) {
                    set.remove(id);
                    if set.is_empty() {
                        self.dependents.remove(&old);
                    }
                }
            }
            let Some(story) = index.story(id) else {
                self.tallies.remove(id);
                continue;
            };
            for dependency in &story.details.depends_on {
                self.dependents
                    .entry(dependency.clone())
                    .or_default()
                    .insert(id.to_owned());
            }
            self.depends_on
                .insert(id.to_owned(), story.details.depends_on.clone());
            let points = Estimate::read(story.estimate.as_deref())
                .and_then(|e| e.points(&model.settings.tshirt_points));
            let tally = Tally {
                release_id: story.release_id.clone(),
                status: story.status,
                points,
                ready: readiness(story, &model.settings, index).ready,
            };
            self.tallies.insert(id.to_owned(), tally);
        }
    }

    /// Each slice's roll-up, in the order of `releases`.
    pub fn rollups(&self, releases: &[ReleaseSlice]) -> Vec<SliceRollup> {
        slice_rollups(
            releases,
            self.tallies.values().map(|t| StoryTally {
                release_id: &t.release_id,
                status: t.status,
                points: t.points,
                ready: t.ready,
            }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::refined_map;

    #[test]
    fn refreshed_story_by_story_it_agrees_with_a_fresh_build() {
        let mut model = refined_map(300);
        let mut derived = DerivedIndex::new(&model);
        assert_eq!(derived.rollups(&model.releases), model.rollups());
        assert_eq!(
            derived.dependents_of("story-00010").collect::<Vec<_>>(),
            ["story-00020"]
        );
        // A story moves slice, is done and gains a dependency; another leaves the map.
        let story = &mut model.stories[5];
        let id = story.id.clone();
        story.release_id = "rel-3".into();
        story.status = StoryStatus::Done;
        story.details.depends_on = vec!["story-00001".into()];
        model.remove_story("story-00020");
        let index = MapIndex::new(&model);
        derived.refresh(&model, &index, [id.as_str(), "story-00020"]);
        assert_eq!(derived, DerivedIndex::new(&model));
        assert_eq!(derived.rollups(&model.releases), model.rollups());
    }
}
