//! The stories a session starts with unless the POPM picks them: the top not-ready ones
//! in backlog order.

use crate::refine::{readiness, MapIndex};
use crate::{MapModel, StoryStatus};

/// How many stories the default pick takes.
pub const DEFAULT_SESSION_STORIES: u32 = 10;

/// Ids of the first `count` stories in backlog rank order that are not ready yet and not
/// already in a sprint or done. Readiness is judged only until `count` are found, so the
/// cost is one sort of the map, not its whole refinement.
pub fn default_session_stories(model: &MapModel, count: usize) -> Vec<String> {
    let index = MapIndex::new(model);
    let mut order: Vec<_> = model.stories.iter().collect();
    order.sort_by(|a, b| index.backlog_key(a).cmp(&index.backlog_key(b)));
    order
        .into_iter()
        .filter(|story| !matches!(story.status, StoryStatus::InSprint | StoryStatus::Done))
        .filter(|story| !readiness(story, &model.settings, &index).ready)
        .take(count)
        .map(|story| story.id.clone())
        .collect()
}
