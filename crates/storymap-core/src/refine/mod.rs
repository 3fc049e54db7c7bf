//! Refinement rules: estimates, WSJF, the Definition of Ready, INVEST hints, dependency
//! checks and split suggestions. Pure functions of the read model; the UI shows their
//! verdicts and never re-implements them.

mod backlog;
mod dependencies;
mod derived;
mod estimate;
mod invest;
mod readiness;
mod split;
mod wsjf;

use std::collections::HashMap;

pub use backlog::{backlog, Backlog, BacklogFilter, BacklogSort, BacklogSummary};
pub use dependencies::{find_cycle, order_warnings};
pub use derived::DerivedIndex;
pub use estimate::{Estimate, TShirt, TShirtPoints, POINT_SCALE};
pub use invest::{invest, Invest, InvestHint, InvestLetter, Verdict};
pub use readiness::{
    default_definition_of_ready, readiness, DorCheck, DorItem, DorRule, Readiness,
};
pub use split::{suggest_titles, SplitPattern};
pub use wsjf::{check_part, job_size_for_points, wsjf, Wsjf, WsjfInputs, WSJF_SCALE};

use crate::{MapModel, MapSettings, Story, StoryStatus};

/// The other stories of a map, as the rules need them: by id, and in backlog order
/// (slice, then step, then rank).
pub struct MapIndex<'a> {
    stories: HashMap<&'a str, &'a Story>,
    release_position: HashMap<&'a str, usize>,
    step_position: HashMap<&'a str, usize>,
    release_titles: HashMap<&'a str, &'a str>,
}

impl<'a> MapIndex<'a> {
    pub fn new(model: &'a MapModel) -> MapIndex<'a> {
        MapIndex {
            stories: model.stories.iter().map(|s| (s.id.as_str(), s)).collect(),
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
        self.stories.get(id).copied()
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
