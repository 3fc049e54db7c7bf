//! The read model: a whole map in display order, as the projection and the UI see it.

use std::collections::HashMap;

use crate::Rank;

#[derive(Debug, Clone, PartialEq)]
pub struct MapModel {
    pub id: String,
    pub name: String,
    pub activities: Vec<Activity>,
    pub releases: Vec<ReleaseSlice>,
    /// Ordered by activity, step, release slice, then rank (ties by id).
    pub stories: Vec<Story>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: String,
    pub title: String,
    pub rank: Rank,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub rank: Rank,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseSlice {
    pub id: String,
    pub title: String,
    pub rank: Rank,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub id: String,
    pub title: String,
    pub description: String,
    pub activity_id: String,
    pub step_id: String,
    pub release_id: String,
    pub rank: Rank,
    pub status: StoryStatus,
    pub estimate: Option<String>,
    pub acceptance_criteria: Vec<AcceptanceCriterion>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AcceptanceCriterion {
    pub id: String,
    pub text: String,
    pub done: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryStatus {
    Todo,
    InProgress,
    Done,
}

impl StoryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            StoryStatus::Todo => "todo",
            StoryStatus::InProgress => "inProgress",
            StoryStatus::Done => "done",
        }
    }

    /// Unknown values (written by a newer version) read as `Todo` rather than failing.
    pub fn parse(text: &str) -> StoryStatus {
        match text {
            "inProgress" => StoryStatus::InProgress,
            "done" => StoryStatus::Done,
            _ => StoryStatus::Todo,
        }
    }
}

impl MapModel {
    /// Assembles a map and puts its stories in display order: the step's column, then the
    /// slice's band, then rank, then id (two peers may mint the same rank).
    pub fn new(
        id: String,
        name: String,
        activities: Vec<Activity>,
        releases: Vec<ReleaseSlice>,
        mut stories: Vec<Story>,
    ) -> MapModel {
        let step_position: HashMap<&str, usize> = activities
            .iter()
            .flat_map(|a| a.steps.iter())
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let release_position: HashMap<&str, usize> = releases
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        stories.sort_by(|a, b| {
            let key = |s: &Story| {
                (
                    step_position
                        .get(s.step_id.as_str())
                        .copied()
                        .unwrap_or(usize::MAX),
                    release_position
                        .get(s.release_id.as_str())
                        .copied()
                        .unwrap_or(usize::MAX),
                )
            };
            key(a)
                .cmp(&key(b))
                .then_with(|| a.rank.cmp(&b.rank))
                .then_with(|| a.id.cmp(&b.id))
        });
        MapModel {
            id,
            name,
            activities,
            releases,
            stories,
        }
    }

    pub fn step_ids(&self) -> impl Iterator<Item = &str> {
        self.activities
            .iter()
            .flat_map(|a| a.steps.iter().map(|s| s.id.as_str()))
    }
}
