//! The stories a session starts with unless the POPM picks them: the top not-ready ones
//! in backlog order.

use crate::refine::{backlog, BacklogFilter, BacklogSort};
use crate::{MapModel, StoryStatus};

/// Ids of the first `count` stories in backlog rank order that are not ready yet and not
/// already in a sprint or done.
pub fn default_session_stories(model: &MapModel, count: usize) -> Vec<String> {
    backlog(model, BacklogSort::Rank, &BacklogFilter::default())
        .rows
        .into_iter()
        .filter(|(story, _)| !matches!(story.status, StoryStatus::InSprint | StoryStatus::Done))
        .filter(|(_, refinement)| !refinement.readiness.ready)
        .take(count)
        .map(|(story, _)| story.id.clone())
        .collect()
}
