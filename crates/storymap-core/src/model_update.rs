//! Keeping a [`MapModel`] in memory up to date with what an edit touched, instead of
//! reading the whole map again: the open map in the API holds one, patched after every
//! committed edit. Stories stay in the order [`MapModel::new`] gives them.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::model::{Activity, MapModel, MapSettings, ReleaseSlice, Story};

/// Where stories sort: step column, then slice band, then rank, then id.
struct Positions<'a> {
    step: HashMap<&'a str, usize>,
    release: HashMap<&'a str, usize>,
}

impl<'a> Positions<'a> {
    fn of(activities: &'a [Activity], releases: &'a [ReleaseSlice]) -> Positions<'a> {
        Positions {
            step: activities
                .iter()
                .flat_map(|a| a.steps.iter())
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), i))
                .collect(),
            release: releases
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id.as_str(), i))
                .collect(),
        }
    }

    fn cmp(&self, a: &Story, b: &Story) -> Ordering {
        let key = |s: &Story| {
            (
                self.step
                    .get(s.step_id.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
                self.release
                    .get(s.release_id.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.rank.cmp(&b.rank))
            .then_with(|| a.id.cmp(&b.id))
    }
}

impl MapModel {
    /// Where `story` (as the model holds it) sits: a binary search in map order.
    pub fn position_of(&self, story: &Story) -> Option<usize> {
        let positions = Positions::of(&self.activities, &self.releases);
        let at = self
            .stories
            .partition_point(|s| positions.cmp(s, story) == Ordering::Less);
        self.stories
            .get(at)
            .is_some_and(|s| s.id == story.id)
            .then_some(at)
    }

    /// Puts a story written by an edit in place: replaced where it was, or (when it moved
    /// or is new) taken out and put back where it now sorts. Costs a binary search and a
    /// shift, not a sort.
    pub fn upsert_story(&mut self, story: Story) {
        let positions = Positions::of(&self.activities, &self.releases);
        let at = self.stories.iter().position(|s| s.id == story.id);
        if let Some(at) = at {
            let stays = (at == 0 || positions.cmp(&self.stories[at - 1], &story) == Ordering::Less)
                && self
                    .stories
                    .get(at + 1)
                    .is_none_or(|next| positions.cmp(&story, next) == Ordering::Less);
            if stays {
                self.stories[at] = story;
                return;
            }
            self.stories.remove(at);
        }
        let to = self
            .stories
            .partition_point(|s| positions.cmp(s, &story) == Ordering::Less);
        self.stories.insert(to, story);
    }

    /// Takes out a story an edit removed (deleted, split); `false` when it was not there.
    pub fn remove_story(&mut self, story_id: &str) -> bool {
        match self.stories.iter().position(|s| s.id == story_id) {
            Some(at) => {
                self.stories.remove(at);
                true
            }
            None => false,
        }
    }

    /// The backbone and slices after an edit that changed them; the stories sort again,
    /// as their columns and bands may have moved.
    pub fn replace_outline(&mut self, activities: Vec<Activity>, releases: Vec<ReleaseSlice>) {
        self.activities = activities;
        self.releases = releases;
        let positions = Positions::of(&self.activities, &self.releases);
        self.stories.sort_by(|a, b| positions.cmp(a, b));
    }

    pub fn replace_settings(&mut self, settings: MapSettings) {
        self.settings = settings;
    }
}

#[cfg(test)]
mod tests {
    use crate::generate::large_map;
    use crate::{MapModel, Rank};

    /// What reading the map afresh gives: the same stories, sorted by `MapModel::new`.
    fn sorted(model: &MapModel) -> MapModel {
        MapModel::new(
            model.id.clone(),
            model.name.clone(),
            model.activities.clone(),
            model.releases.clone(),
            model.stories.clone(),
        )
    }

    fn ids(model: &MapModel) -> Vec<&str> {
        model.stories.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn a_moved_story_lands_where_a_fresh_read_puts_it() {
        let mut model = large_map(200, 0);
        let mut story = model.stories[3].clone();
        story.step_id = "step-9-4".into();
        story.release_id = "rel-1".into();
        story.rank = Rank::first();
        model.upsert_story(story);
        assert_eq!(ids(&model), ids(&sorted(&model)));
        assert_eq!(model.stories.len(), 200);
    }

    #[test]
    fn a_story_edited_in_place_keeps_its_position_and_a_new_one_is_inserted() {
        let mut model = large_map(50, 0);
        let mut story = model.stories[10].clone();
        story.title = "Renamed".into();
        model.upsert_story(story);
        assert_eq!(model.stories[10].title, "Renamed");
        let mut new = model.stories[20].clone();
        new.id = "story-new".into();
        new.rank = Rank::after(&new.rank);
        model.upsert_story(new);
        assert_eq!(model.stories.len(), 51);
        assert_eq!(ids(&model), ids(&sorted(&model)));
    }

    #[test]
    fn removing_and_reordering_the_outline_keep_the_fresh_read_order() {
        let mut model = large_map(120, 0);
        assert!(model.remove_story("story-00007"));
        assert!(!model.remove_story("story-00007"));
        let (mut activities, mut releases) = (model.activities.clone(), model.releases.clone());
        activities.reverse();
        releases.reverse();
        model.replace_outline(activities, releases);
        assert_eq!(model.stories.len(), 119);
        assert_eq!(ids(&model), ids(&sorted(&model)));
    }
}
