//! Backlog health: how many sprints of ready work the team has against the band it aims
//! for, and what each release slice still needs. One pass over the stories; done stories
//! count nowhere (their work is behind the team).

use super::{readiness, Estimate, MapIndex};
use crate::capacity::SprintBand;
use crate::{MapModel, StoryStatus};

/// Where the ready sprints sit against the team's target band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HealthBand {
    Below,
    Inside,
    Above,
}

/// A story still to do that has no points (no estimate, or "?").
#[derive(Debug, Clone, PartialEq)]
pub struct Unestimated {
    pub story_id: String,
    pub title: String,
}

/// What one release slice still needs.
#[derive(Debug, Clone, PartialEq)]
pub struct SliceHealth {
    pub release_id: String,
    /// Points of the slice's stories that are not done.
    pub points: f64,
    /// Its stories not done and not estimated, in map order.
    pub unestimated: Vec<Unestimated>,
    /// `points ÷ velocity`; `None` without a velocity.
    pub sprints: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BacklogHealth {
    /// Points of the stories that pass the Definition of Ready and are not done.
    pub ready_points: f64,
    pub velocity: Option<f64>,
    /// `ready_points ÷ velocity`; `None` without a velocity.
    pub ready_sprints: Option<f64>,
    /// The ready sprints in working days (× the sprint length); `None` without a velocity.
    pub ready_days: Option<f64>,
    pub target: SprintBand,
    /// `None` without a velocity.
    pub band: Option<HealthBand>,
    /// Every release slice, top to bottom.
    pub slices: Vec<SliceHealth>,
}

/// The map's health in one pass over its stories.
pub fn health(model: &MapModel) -> BacklogHealth {
    let index = MapIndex::new(model);
    let settings = &model.settings;
    let velocity = settings.capacity.velocity;
    let mut slices: Vec<SliceHealth> = model
        .releases
        .iter()
        .map(|r| SliceHealth {
            release_id: r.id.clone(),
            points: 0.0,
            unestimated: Vec::new(),
            sprints: None,
        })
        .collect();
    // Thousandths, as the slice roll-ups count them, so sums do not drift.
    let mut ready_milli = 0_i64;
    let mut slice_milli = vec![0_i64; slices.len()];
    let mut slice = 0;
    for story in model
        .stories
        .iter()
        .filter(|s| s.status != StoryStatus::Done)
    {
        // Stories come grouped by step, then slice: look the slice up only when it changes.
        if slices
            .get(slice)
            .is_none_or(|s| s.release_id != story.release_id)
        {
            match slices.iter().position(|s| s.release_id == story.release_id) {
                Some(found) => slice = found,
                None => continue,
            }
        }
        let points = Estimate::read(story.estimate.as_deref())
            .and_then(|e| e.points(&settings.tshirt_points));
        let Some(points) = points else {
            slices[slice].unestimated.push(Unestimated {
                story_id: story.id.clone(),
                title: story.title.clone(),
            });
            continue;
        };
        let milli = (points * 1000.0).round() as i64;
        slice_milli[slice] += milli;
        if readiness(story, settings, &index).ready {
            ready_milli += milli;
        }
    }
    let sprints = |points: f64| velocity.map(|v| points / v);
    for (slice, milli) in slices.iter_mut().zip(slice_milli) {
        slice.points = milli as f64 / 1000.0;
        slice.sprints = sprints(slice.points);
    }
    let ready_points = ready_milli as f64 / 1000.0;
    let ready_sprints = sprints(ready_points);
    let target = settings.capacity.ready_target;
    let days = f64::from(settings.capacity.sprint_length_days);
    BacklogHealth {
        ready_points,
        velocity,
        ready_sprints,
        ready_days: ready_sprints.map(|s| s * days),
        target,
        band: ready_sprints.map(|s| band(s, target)),
        slices,
    }
}

/// Compared as shown (to a tenth), so "2 sprints (target 1–2)" never reads as above.
fn band(sprints: f64, target: SprintBand) -> HealthBand {
    let shown = tenths(sprints);
    if shown < target.min {
        HealthBand::Below
    } else if shown > target.max {
        HealthBand::Above
    } else {
        HealthBand::Inside
    }
}

fn tenths(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// `2.3`, `2`, `0.5`: a tenth at most, no trailing `.0`.
fn number(value: f64) -> String {
    let shown = tenths(value);
    if shown.fract() == 0.0 {
        format!("{shown:.0}")
    } else {
        format!("{shown:.1}")
    }
}

fn plural(n: f64, word: &str) -> String {
    let s = if number(n) == "1" { "" } else { "s" };
    format!("{} {word}{s}", number(n))
}

impl BacklogHealth {
    /// "Ready backlog: 2.3 sprints (target 1–2)", or "Ready backlog: 12 pts" while no
    /// velocity is set.
    pub fn line(&self) -> String {
        ready_line(self.ready_points, self.ready_sprints, self.target)
    }

    /// "≈ 23 working days" of ready work, at the team's sprint length.
    pub fn horizon(&self) -> Option<String> {
        let days = self.ready_days?.round();
        Some(format!(
            "≈ {days} working day{}",
            if days == 1.0 { "" } else { "s" }
        ))
    }
}

/// The health line for ready points (and sprints, given a velocity) against `target`.
pub fn ready_line(ready_points: f64, ready_sprints: Option<f64>, target: SprintBand) -> String {
    match ready_sprints {
        Some(sprints) => format!(
            "Ready backlog: {} (target {}–{})",
            plural(sprints, "sprint"),
            number(target.min),
            number(target.max)
        ),
        None => format!("Ready backlog: {}", plural(ready_points, "pt")),
    }
}

impl SliceHealth {
    /// "needs ≈ 3 sprints · 2 unestimated", "12 pts · 1 unestimated", "nothing left to do".
    pub fn line(&self) -> String {
        let mut parts = Vec::new();
        match self.sprints {
            Some(sprints) if self.points > 0.0 => {
                parts.push(format!("needs ≈ {}", plural(sprints, "sprint")));
            }
            None if self.points > 0.0 => parts.push(plural(self.points, "pt")),
            _ => {}
        }
        if !self.unestimated.is_empty() {
            parts.push(format!("{} unestimated", self.unestimated.len()));
        }
        if parts.is_empty() {
            return "nothing left to do".to_owned();
        }
        parts.join(" · ")
    }
}
