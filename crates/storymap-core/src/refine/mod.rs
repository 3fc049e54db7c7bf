//! Refinement rules: estimates, WSJF, the Definition of Ready, INVEST hints, dependency
//! checks and split suggestions. Pure functions of the read model; the UI shows their
//! verdicts and never re-implements them.

mod backlog;
mod dependencies;
mod derived;
mod estimate;
mod health;
mod invest;
mod objectives;
mod readiness;
mod split;
mod wsjf;

use std::collections::HashMap;

pub use backlog::{backlog, Backlog, BacklogFilter, BacklogSort, BacklogSummary, ObjectiveFilter};
pub use dependencies::{find_cycle, order_warnings};
pub use derived::DerivedIndex;
pub use estimate::{Estimate, TShirt, TShirtPoints, POINT_SCALE};
pub use health::{health, ready_line, BacklogHealth, HealthBand, SliceHealth, Unestimated};
pub use invest::{invest, Invest, InvestHint, InvestLetter, Verdict};
pub use objectives::{objective_label, objective_rollups, ObjectiveBlocker, ObjectiveRollup};
pub use readiness::{
    default_definition_of_ready, readiness, DorCheck, DorItem, DorRule, Readiness,
};
pub use split::{suggest_titles, SplitPattern};
pub use wsjf::{
    check_part, job_size_for_points, wsjf, wsjf_heat, wsjf_order, Wsjf, WsjfInputs,
    WSJF_HEAT_FLOORS, WSJF_SCALE,
};

use crate::{MapModel, MapSettings, Story, StoryStatus};

/// Where each story sits in `MapModel::stories`, kept for the open map so an edit's
/// answer does not hash every story's id again (see [`MapIndex::with_positions`]).
///
/// Keyed by a fast 64-bit hash of the id rather than the id itself, so building it
/// allocates nothing per story; every lookup checks the story it lands on (a collision or
/// a stale position costs a scan, never a wrong story).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryPositions {
    by_id: HashMap<u64, usize, rustc_hash::FxBuildHasher>,
}

impl StoryPositions {
    pub fn new(model: &MapModel) -> StoryPositions {
        let by_id = HashMap::with_capacity_and_hasher(model.stories.len(), Default::default());
        let mut positions = StoryPositions { by_id };
        positions.rebuild(model);
        positions
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(&key(id)).copied()
    }

    /// Keeps the positions true after a change that wrote the `written` stories (as the
    /// model now holds them) and took out the `removed` ones. Stories that stayed in place
    /// cost nothing (a rename, an estimate). Otherwise only the stories that shifted are
    /// keyed again: those between the written stories' old and new places, and to the end
    /// when stories came or went (a split, a delete). When `reordered` (the backbone or
    /// slices changed, which sorts every story again), all of them.
    pub fn refresh<'a>(
        &mut self,
        model: &MapModel,
        written: impl IntoIterator<Item = &'a Story>,
        removed: impl IntoIterator<Item = &'a str>,
        reordered: bool,
    ) {
        let stories = &model.stories;
        let count_changed = self.by_id.len() != stories.len();
        if reordered {
            return self.rebuild(model);
        }
        let (mut first, mut last) = (usize::MAX, 0);
        let mut shifted = |at: usize| (first, last) = (first.min(at), last.max(at));
        for story in written {
            let was = self.position(&story.id);
            if was.is_some_and(|i| stories.get(i).is_some_and(|s| s.id == story.id)) {
                continue;
            }
            let now = model
                .position_of(story)
                .or_else(|| stories.iter().position(|s| s.id == story.id));
            was.into_iter().chain(now).for_each(&mut shifted);
        }
        for id in removed {
            if let Some(was) = self.by_id.remove(&key(id)) {
                shifted(was);
            }
        }
        let end = if count_changed {
            stories.len()
        } else {
            (last + 1).min(stories.len())
        };
        for (i, story) in stories.iter().enumerate().take(end).skip(first) {
            self.by_id.insert(key(&story.id), i);
        }
        // A change this was not told of (a story no one named) shows as a count off.
        if self.by_id.len() != stories.len() {
            self.rebuild(model);
        }
    }

    /// Keys every story again, reusing the table.
    fn rebuild(&mut self, model: &MapModel) {
        self.by_id.clear();
        for (i, story) in model.stories.iter().enumerate() {
            self.by_id.insert(key(&story.id), i);
        }
    }
}

fn key(id: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(id)
}

/// How a [`MapIndex`] finds a story by id.
enum ById<'a> {
    Built(HashMap<&'a str, &'a Story>),
    Kept(&'a StoryPositions, &'a [Story]),
}

/// The other stories of a map, as the rules need them: by id, and in backlog order
/// (slice, then step, then rank).
pub struct MapIndex<'a> {
    stories: ById<'a>,
    /// Every story in map order.
    all: &'a [Story],
    release_position: HashMap<&'a str, usize>,
    step_position: HashMap<&'a str, usize>,
    release_titles: HashMap<&'a str, &'a str>,
}

impl<'a> MapIndex<'a> {
    pub fn new(model: &'a MapModel) -> MapIndex<'a> {
        let stories = model.stories.iter().map(|s| (s.id.as_str(), s)).collect();
        MapIndex::with_stories(model, ById::Built(stories))
    }

    /// An index that finds stories through `positions`, refreshed for `model`'s last
    /// change: costs the map's backbone and slices, not its stories.
    pub fn with_positions(model: &'a MapModel, positions: &'a StoryPositions) -> MapIndex<'a> {
        MapIndex::with_stories(model, ById::Kept(positions, &model.stories))
    }

    fn with_stories(model: &'a MapModel, stories: ById<'a>) -> MapIndex<'a> {
        MapIndex {
            stories,
            all: &model.stories,
            release_position: model
                .releases
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id.as_str(), i))
                .collect(),
            step_position: model
                .step_ids()
                .enumerate()
                .map(|(i, id)| (id, i))
                .collect(),
            release_titles: model
                .releases
                .iter()
                .map(|r| (r.id.as_str(), r.title.as_str()))
                .collect(),
        }
    }

    pub fn story(&self, id: &str) -> Option<&'a Story> {
        match &self.stories {
            ById::Built(stories) => stories.get(id).copied(),
            ById::Kept(positions, stories) => {
                let at = positions.position(id)?;
                match stories.get(at) {
                    Some(story) if story.id == id => Some(story),
                    // Stale positions cost a scan, never a wrong story.
                    _ => stories.iter().find(|s| s.id == id),
                }
            }
        }
    }

    /// Where a story sits in the map's order (`MapModel::stories`).
    pub fn position(&self, id: &str) -> Option<usize> {
        let in_order = |stories: &[Story]| stories.iter().position(|s| s.id == id);
        match &self.stories {
            ById::Built(_) => in_order(self.all),
            ById::Kept(positions, stories) => positions
                .position(id)
                .filter(|&at| stories.get(at).is_some_and(|s| s.id == id))
                .or_else(|| in_order(stories)),
        }
    }

    /// Where a story sits in the backlog: slice, step, rank, id.
    pub(crate) fn backlog_key<'s>(
        &self,
        story: &'s Story,
    ) -> (usize, usize, &'s crate::Rank, &'s str) {
        (
            self.release_position
                .get(story.release_id.as_str())
                .copied()
                .unwrap_or(usize::MAX),
            self.step_position
                .get(story.step_id.as_str())
                .copied()
                .unwrap_or(usize::MAX),
            &story.rank,
            &story.id,
        )
    }

    fn release_title(&self, release_id: &str) -> &str {
        self.release_titles.get(release_id).copied().unwrap_or("?")
    }
}

/// Everything refinement says about one story.
#[derive(Debug, Clone, PartialEq)]
pub struct Refinement {
    pub readiness: Readiness,
    pub invest: Invest,
    pub wsjf: Option<Wsjf>,
    pub points: Option<f64>,
    /// Dependencies not done yet, by id.
    pub open_dependencies: Vec<String>,
    /// e.g. "Depends on 'Pay by card', planned in a later slice (Release 2)".
    pub dependency_warnings: Vec<String>,
}

pub fn refine(story: &Story, settings: &MapSettings, index: &MapIndex<'_>) -> Refinement {
    let points =
        Estimate::read(story.estimate.as_deref()).and_then(|e| e.points(&settings.tshirt_points));
    let open_dependencies = story
        .details
        .depends_on
        .iter()
        .filter(|id| {
            index
                .story(id)
                .is_none_or(|d| d.status != StoryStatus::Done)
        })
        .cloned()
        .collect();
    Refinement {
        readiness: readiness(story, settings, index),
        invest: invest(story, settings, index),
        wsjf: wsjf(&story.details.wsjf, points),
        points,
        open_dependencies,
        dependency_warnings: order_warnings(story, index),
    }
}

/// Quotes a title for a message, shortened so a long one does not swamp it.
pub(crate) fn quoted(title: &str) -> String {
    let mut short: String = title.chars().take(60).collect();
    if short.len() < title.len() {
        short.push('…');
    }
    format!("'{short}'")
}
