//! The read model: a whole map in display order, as the projection and the UI see it.

use std::collections::{BTreeMap, HashMap};

use crate::capacity::Capacity;
use crate::comments::{Comment, StoryLink};
use crate::crossteam::ExternalDependency;
use crate::objectives::Objective;
use crate::personas::Persona;
use crate::refine::{
    default_definition_of_ready, readiness, DorItem, Estimate, MapIndex, TShirtPoints, WsjfInputs,
};
pub use crate::story_status::StoryStatus;
use crate::{Rank, StoryFlag};

#[derive(Debug, Clone, PartialEq)]
pub struct MapModel {
    pub id: String,
    pub name: String,
    pub activities: Vec<Activity>,
    pub releases: Vec<ReleaseSlice>,
    /// Ordered by activity, step, release slice, then rank (ties by id).
    pub stories: Vec<Story>,
    pub settings: MapSettings,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: String,
    pub title: String,
    pub rank: Rank,
    pub steps: Vec<Step>,
    /// The Jira epic this activity was imported from (or exports to).
    pub jira_key: Option<String>,
    /// The persona who does this activity (`personas.rs`); a deleted one reads as none.
    pub persona_id: Option<String>,
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
    pub details: StoryDetails,
}

/// What refinement adds to a card: its why, narrative, flags, WSJF parts, links.
/// (Serde: the store keeps it as JSON in its projection; not an exchange format.)
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct StoryDetails {
    /// The narrative "As a … I want … so that …"; each part optional.
    pub as_a: String,
    pub i_want: String,
    pub so_that: String,
    /// Why it matters: value or context ("part of the Q3 conversion goal").
    pub why: String,
    pub notes: String,
    /// The notes stay off the projector unless shared (a POPM's notes are private).
    pub notes_private: bool,
    /// Sorted, without duplicates.
    pub labels: Vec<String>,
    /// Markers for the session (risky, unclear…), sorted, without duplicates.
    pub flags: Vec<StoryFlag>,
    /// Set while the story is blocked, with the reason.
    pub blocked_reason: Option<String>,
    /// Set while the story is parked, with the reason.
    pub parked_reason: Option<String>,
    /// Whose input it waits for ("UX", "architecture", "legal"…).
    pub needs_input_from: Option<String>,
    pub wsjf: WsjfInputs,
    /// Ids of the stories this one depends on, sorted.
    pub depends_on: Vec<String>,
    /// Definition-of-Ready items ticked by hand, sorted.
    pub ready_checks: Vec<String>,
    /// The story this one was split from, and its title then (the original leaves the map).
    pub split_from: Option<String>,
    pub split_from_title: Option<String>,
    /// The stories this one was split into (it then leaves the map).
    pub split_into: Vec<String>,
    /// The Jira issue key the story was imported from, kept for the round trip.
    pub jira_key: Option<String>,
    /// The PI objective it serves; one that was deleted reads as none (`MapModel::objective_of`).
    pub objective_id: Option<String>,
    /// The persona it serves, when not its activity's (`personas::PersonaIndex`).
    pub persona_id: Option<String>,
    /// Other teams' items it waits on, in the order added (`crossteam.rs`).
    pub external_dependencies: Vec<ExternalDependency>,
    /// The thread, oldest first, and the links to mock-ups and specs.
    pub comments: Vec<Comment>,
    pub links: Vec<StoryLink>,
}

impl Default for StoryDetails {
    fn default() -> Self {
        StoryDetails {
            as_a: String::new(),
            i_want: String::new(),
            so_that: String::new(),
            why: String::new(),
            notes: String::new(),
            notes_private: true,
            labels: Vec::new(),
            flags: Vec::new(),
            blocked_reason: None,
            parked_reason: None,
            needs_input_from: None,
            wsjf: WsjfInputs::default(),
            depends_on: Vec::new(),
            ready_checks: Vec::new(),
            split_from: None,
            split_from_title: None,
            split_into: Vec::new(),
            jira_key: None,
            objective_id: None,
            persona_id: None,
            external_dependencies: Vec::new(),
            comments: Vec::new(),
            links: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AcceptanceCriterion {
    pub id: String,
    pub text: String,
    pub done: bool,
    /// The optional Given / When / Then form; empty parts are unused.
    pub given: String,
    pub when: String,
    pub then: String,
}

/// Per-map choices of the team, kept in the map document so they sync.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct MapSettings {
    pub definition_of_ready: Vec<DorItem>,
    pub tshirt_points: TShirtPoints,
    /// A story above this many points fails "small enough for a sprint".
    pub small_limit: f64,
    /// What the team calls each status, in workflow order.
    pub status_labels: Vec<(StoryStatus, String)>,
    /// The colour each coloured label is drawn in (`#rrggbb`, see `label_colors`).
    pub label_colors: BTreeMap<String, String>,
    /// Velocity, sprint length and the ready target (`capacity.rs`).
    pub capacity: Capacity,
    /// The PI objectives, in the team's order (`objectives.rs`).
    pub objectives: Vec<Objective>,
    /// Who the map's work is for, in the team's order (`personas.rs`).
    pub personas: Vec<Persona>,
}

impl Default for MapSettings {
    fn default() -> Self {
        MapSettings {
            definition_of_ready: default_definition_of_ready(),
            tshirt_points: TShirtPoints::default(),
            small_limit: 8.0,
            status_labels: StoryStatus::ALL
                .map(|s| (s, s.default_label().to_owned()))
                .to_vec(),
            label_colors: BTreeMap::new(),
            capacity: Capacity::default(),
            objectives: Vec::new(),
            personas: Vec::new(),
        }
    }
}

/// What one release slice adds up to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SliceRollup {
    pub release_id: String,
    pub stories: u32,
    pub points: f64,
    pub unestimated: u32,
    pub ready: u32,
    pub done: u32,
}

/// What a roll-up counts of one story.
pub struct StoryTally<'a> {
    pub release_id: &'a str,
    pub status: StoryStatus,
    pub points: Option<f64>,
    pub ready: bool,
}

/// A slice's running totals. Points are kept in thousandths, as integers, so taking a
/// story out gives back exactly what adding it gave, whatever order stories come in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RollupTotals {
    stories: u32,
    milli_points: i64,
    unestimated: u32,
    ready: u32,
    done: u32,
}

impl RollupTotals {
    /// Counts `story` in (`sign` 1) or takes it out again (`sign` -1).
    pub fn count(&mut self, story: &StoryTally<'_>, sign: i8) {
        let step = |n: &mut u32, yes: bool| {
            if yes {
                *n = n.saturating_add_signed(i32::from(sign));
            }
        };
        step(&mut self.stories, true);
        match story.points {
            // Rounded to thousandths: estimates are on a scale, not measured.
            Some(p) => self.milli_points += i64::from(sign) * (p * 1000.0).round() as i64,
            None => step(&mut self.unestimated, true),
        }
        step(&mut self.ready, story.ready);
        step(&mut self.done, story.status == StoryStatus::Done);
    }

    pub fn rollup(&self, release_id: &str) -> SliceRollup {
        let points = self.milli_points as f64 / 1000.0;
        SliceRollup {
            release_id: release_id.to_owned(),
            stories: self.stories,
            points,
            unestimated: self.unestimated,
            ready: self.ready,
            done: self.done,
        }
    }
}

/// Roll-ups for `releases` in their order.
pub fn slice_rollups<'a>(
    releases: &[ReleaseSlice],
    stories: impl IntoIterator<Item = StoryTally<'a>>,
) -> Vec<SliceRollup> {
    let mut totals = vec![RollupTotals::default(); releases.len()];
    let position: HashMap<&str, usize> = releases
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    for story in stories {
        if let Some(&i) = position.get(story.release_id) {
            totals[i].count(&story, 1);
        }
    }
    releases
        .iter()
        .zip(&totals)
        .map(|(r, t)| t.rollup(&r.id))
        .collect()
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
            settings: MapSettings::default(),
        }
    }

    pub fn with_settings(mut self, settings: MapSettings) -> MapModel {
        self.settings = settings;
        self
    }

    /// Each slice's roll-up; "ready" means passing the Definition of Ready.
    pub fn rollups(&self) -> Vec<SliceRollup> {
        let index = MapIndex::new(self);
        // Only readiness and points count here, not the whole refinement.
        slice_rollups(
            &self.releases,
            self.stories.iter().map(|s| StoryTally {
                release_id: &s.release_id,
                status: s.status,
                points: Estimate::read(s.estimate.as_deref())
                    .and_then(|e| e.points(&self.settings.tshirt_points)),
                ready: readiness(s, &self.settings, &index).ready,
            }),
        )
    }

    pub fn step_ids(&self) -> impl Iterator<Item = &str> {
        self.activities
            .iter()
            .flat_map(|a| a.steps.iter().map(|s| s.id.as_str()))
    }
}

#[cfg(test)]
mod tests;
