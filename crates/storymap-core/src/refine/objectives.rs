//! What each PI objective adds up to: its stories, the points still to do, how many of
//! those are ready, and what blocks it. One pass over the stories.

use std::collections::HashMap;

use super::{readiness, Estimate, MapIndex};
use crate::objectives::Objective;
use crate::{MapModel, Story, StoryStatus};

/// A story of the objective that is blocked, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveBlocker {
    pub story_id: String,
    pub title: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveRollup {
    pub objective_id: String,
    /// Every story aligned to it, done ones included.
    pub stories: u32,
    pub done: u32,
    /// Points of its stories not done yet.
    pub points: f64,
    /// Points of its stories that pass the Definition of Ready and are not done.
    pub ready_points: f64,
    /// Its stories not done that have no points.
    pub unestimated: u32,
    /// Its blocked stories not done, in map order.
    pub blocked: Vec<ObjectiveBlocker>,
}

impl MapModel {
    /// The live objective `story` aligns to, if any (one deleted since reads as none).
    pub fn objective_of(&self, story: &Story) -> Option<&Objective> {
        let id = story.details.objective_id.as_deref()?;
        self.settings.objectives.iter().find(|o| o.id == id)
    }
}

/// Each objective's roll-up, in the objectives' order.
pub fn objective_rollups(model: &MapModel) -> Vec<ObjectiveRollup> {
    let objectives = &model.settings.objectives;
    if objectives.is_empty() {
        return Vec::new();
    }
    let index = MapIndex::new(model);
    let position: HashMap<&str, usize> = objectives
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let mut rollups: Vec<ObjectiveRollup> = objectives
        .iter()
        .map(|o| ObjectiveRollup {
            objective_id: o.id.clone(),
            stories: 0,
            done: 0,
            points: 0.0,
            ready_points: 0.0,
            unestimated: 0,
            blocked: Vec::new(),
        })
        .collect();
    // Thousandths, as the other roll-ups count them, so sums do not drift.
    let mut milli = vec![(0_i64, 0_i64); rollups.len()];
    for story in &model.stories {
        let Some(&at) = story
            .details
            .objective_id
            .as_deref()
            .and_then(|id| position.get(id))
        else {
            continue;
        };
        let rollup = &mut rollups[at];
        rollup.stories += 1;
        if story.status == StoryStatus::Done {
            rollup.done += 1;
            continue;
        }
        if let Some(reason) = &story.details.blocked_reason {
            rollup.blocked.push(ObjectiveBlocker {
                story_id: story.id.clone(),
                title: story.title.clone(),
                reason: reason.clone(),
            });
        }
        let points = Estimate::read(story.estimate.as_deref())
            .and_then(|e| e.points(&model.settings.tshirt_points));
        let Some(points) = points else {
            rollup.unestimated += 1;
            continue;
        };
        let points = (points * 1000.0).round() as i64;
        milli[at].0 += points;
        if readiness(story, &model.settings, &index).ready {
            milli[at].1 += points;
        }
    }
    for (rollup, (points, ready)) in rollups.iter_mut().zip(milli) {
        rollup.points = points as f64 / 1000.0;
        rollup.ready_points = ready as f64 / 1000.0;
    }
    rollups
}

/// "Faster checkout" as the room says it: "Faster checkout (committed, value 8)".
pub fn objective_label(objective: &Objective) -> String {
    let kind = if objective.committed {
        "committed"
    } else {
        "stretch"
    };
    format!(
        "{} ({kind}, value {})",
        objective.title, objective.business_value
    )
}
