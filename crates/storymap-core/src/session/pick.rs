//! The stories a session starts with unless the POPM picks them: the top not-ready ones,
//! those of the top PI objectives first, then in backlog order.

use crate::refine::{readiness, MapIndex};
use std::collections::HashMap;

use crate::{MapModel, Story, StoryStatus};

/// How many stories the default pick takes.
pub const DEFAULT_SESSION_STORIES: u32 = 10;

/// Ids of the first `count` stories that are not ready yet and not already in a sprint or
/// done: those aligned to a PI objective first, in the objectives' order, then the rest;
/// within each, in backlog rank order. Readiness is judged only until `count` are found,
/// so the cost is one sort of the map, not its whole refinement.
pub fn default_session_stories(model: &MapModel, count: usize) -> Vec<String> {
    let index = MapIndex::new(model);
    let objective: HashMap<&str, usize> = (model.settings.objectives.iter().enumerate())
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let objective_of = |story: &Story| {
        let id = story.details.objective_id.as_deref();
        id.and_then(|id| objective.get(id))
            .copied()
            .unwrap_or(usize::MAX)
    };
    let mut order: Vec<_> = model.stories.iter().collect();
    // Each story's key once, not once per comparison: three lookups each on a 10k map.
    order.sort_by_cached_key(|story| (objective_of(story), index.backlog_key(story)));
    order
        .into_iter()
        .filter(|story| !matches!(story.status, StoryStatus::InSprint | StoryStatus::Done))
        .filter(|story| !readiness(story, &model.settings, &index).ready)
        .take(count)
        .map(|story| story.id.clone())
        .collect()
}
