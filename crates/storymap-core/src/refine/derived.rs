//! What the answer to an edit needs from the whole map, kept for the open map and
//! refreshed only for the stories the edit touched: who depends on each story, and each
//! story's part in its slice's roll-up (points, ready, done). Building it reads every
//! story once; after that an edit costs its own stories, not the map's.

use std::collections::{BTreeSet, HashMap};

use super::{readiness, Estimate, MapIndex};
use crate::model::{MapModel, ReleaseSlice, RollupTotals, SliceRollup, StoryStatus, StoryTally};

/// One story's part in its slice's roll-up, as last computed.
#[derive(Debug, Clone, PartialEq)]
struct Tally {
    release_id: String,
    status: StoryStatus,
    points: Option<f64>,
    ready: bool,
}

impl Tally {
    fn story_tally(&self) -> StoryTally<'_> {
        StoryTally {
            release_id: &self.release_id,
            status: self.status,
            points: self.points,
            ready: self.ready,
        }
    }
}

/// Reverse dependencies and roll-up tallies of a map, patched story by story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DerivedIndex {
    /// What each story depended on when last refreshed, to undo its reverse edges.
    depends_on: HashMap<String, Vec<String>>,
    dependents: HashMap<String, BTreeSet<String>>,
    tallies: HashMap<String, Tally>,
    /// Each slice's totals, kept as tallies come and go: a roll-up costs the slices,
    /// not the stories.
    totals: HashMap<String, RollupTotals>,
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
            if let Some(old) = self.tallies.remove(id) {
                self.count(&old, -1);
            }
            let Some(story) = index.story(id) else {
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
            self.count(&tally, 1);
            self.tallies.insert(id.to_owned(), tally);
        }
    }

    fn count(&mut self, tally: &Tally, sign: i8) {
        let totals = self.totals.entry(tally.release_id.clone()).or_default();
        totals.count(&tally.story_tally(), sign);
        if *totals == RollupTotals::default() {
            self.totals.remove(&tally.release_id);
        }
    }

    /// Each slice's roll-up, in the order of `releases`.
    pub fn rollups(&self, releases: &[ReleaseSlice]) -> Vec<SliceRollup> {
        releases
            .iter()
            .map(|r| {
                self.totals
                    .get(&r.id)
                    .copied()
                    .unwrap_or_default()
                    .rollup(&r.id)
            })
            .collect()
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

    #[test]
    fn kept_positions_find_the_same_stories_as_a_fresh_index_after_each_kind_of_change() {
        use crate::refine::StoryPositions;
        let mut model = refined_map(200);
        let mut positions = StoryPositions::new(&model);
        let same_as_fresh = |model: &MapModel, positions: &StoryPositions| {
            let kept = MapIndex::with_positions(model, positions);
            let fresh = MapIndex::new(model);
            for story in &model.stories {
                let found = kept.story(&story.id).map(|s| &s.id);
                assert_eq!(found, fresh.story(&story.id).map(|s| &s.id));
            }
            assert!(kept.story("no-such-story").is_none());
        };
        // In place (an estimate): the positions are kept as they are.
        model.stories[10].estimate = Some("8".into());
        positions.refresh(&model, [&model.stories[10]], [], false);
        assert_eq!(positions, StoryPositions::new(&model));
        // A story moves to another slice: the stories between shift.
        let mut moved = model.stories[3].clone();
        moved.release_id = "rel-3".into();
        let moved_id = moved.id.clone();
        model.upsert_story(moved);
        let written = model.stories.iter().filter(|s| s.id == moved_id);
        positions.refresh(&model, written, [], false);
        assert_eq!(positions, StoryPositions::new(&model));
        same_as_fresh(&model, &positions);
        // One leaves; even unrefreshed, a lookup is never the wrong story.
        let gone = model.stories[0].id.clone();
        model.remove_story(&gone);
        same_as_fresh(&model, &positions);
        positions.refresh(&model, [], [gone.as_str()], false);
        assert_eq!(positions, StoryPositions::new(&model));
        // A split: one story out, two in near its place.
        let parent = model.stories[50].clone();
        model.remove_story(&parent.id);
        let children: Vec<String> = (1..=2).map(|n| format!("{}-{n}", parent.id)).collect();
        for id in &children {
            let mut child = parent.clone();
            child.id.clone_from(id);
            model.upsert_story(child);
        }
        let written = model.stories.iter().filter(|s| children.contains(&s.id));
        positions.refresh(&model, written, [parent.id.as_str()], false);
        assert_eq!(positions, StoryPositions::new(&model));
        // A change no one named is caught by the count and rebuilt.
        model.remove_story(&model.stories[7].id.clone());
        positions.refresh(&model, [], [], false);
        assert_eq!(positions, StoryPositions::new(&model));
        same_as_fresh(&model, &positions);
    }
}
