//! The backlog: the map's stories as one ranked list with sorts, filters and the header
//! counts a POPM reads out ("12 ready (34 pts), 3 blocked, 2 need input").

use std::cmp::Ordering;
use std::collections::HashMap;

use super::{refine, MapIndex, Refinement};
use crate::{MapModel, Story, StoryFlag, StoryStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BacklogSort {
    /// Map order: slice by slice, left to right, top to bottom in each cell.
    #[default]
    Rank,
    /// Highest WSJF first; unscored last.
    Wsjf,
    /// Ready first, then by how many Definition-of-Ready checks fail.
    Readiness,
    /// Smallest estimate first; unestimated last.
    Estimate,
    /// Grouped by PI objective in the objectives' order, stories of none last; map order
    /// within each group.
    Objective,
}

/// Stories of one PI objective, or of none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ObjectiveFilter {
    Aligned(String),
    Unaligned,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BacklogFilter {
    pub release_id: Option<String>,
    pub activity_id: Option<String>,
    pub status: Option<StoryStatus>,
    pub label: Option<String>,
    /// Only stories carrying this session flag.
    pub flag: Option<StoryFlag>,
    pub objective: Option<ObjectiveFilter>,
    /// Stories that wait on another team's item not done yet (or those that do not).
    pub cross_team: Option<bool>,
    pub ready: Option<bool>,
    pub blocked: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BacklogSummary {
    pub stories: usize,
    pub ready: usize,
    pub ready_points: f64,
    pub blocked: usize,
    pub needs_input: usize,
}

pub struct Backlog<'m> {
    /// The stories shown, in order, each with its refinement.
    pub rows: Vec<(&'m Story, Refinement)>,
    /// Counts over the rows shown.
    pub summary: BacklogSummary,
}

/// Every filter but readiness, which needs the story's refinement: checked first, so only
/// the stories that pass are refined. `objective`: the position of the live objective the
/// story aligns to.
fn matches((story, objective): (&Story, Option<usize>), filter: &BacklogFilter) -> bool {
    let blocked = story.details.blocked_reason.is_some() || story.details.parked_reason.is_some();
    filter
        .release_id
        .as_ref()
        .is_none_or(|r| *r == story.release_id)
        && filter
            .activity_id
            .as_ref()
            .is_none_or(|a| *a == story.activity_id)
        && filter.status.is_none_or(|s| s == story.status)
        && filter
            .label
            .as_ref()
            .is_none_or(|l| story.details.labels.contains(l))
        && filter.flag.is_none_or(|f| story.details.flags.contains(&f))
        && filter.objective.as_ref().is_none_or(|o| match o {
            ObjectiveFilter::Aligned(id) => {
                objective.is_some() && story.details.objective_id.as_ref() == Some(id)
            }
            ObjectiveFilter::Unaligned => objective.is_none(),
        })
        && filter.cross_team.is_none_or(|open| {
            open == (story.details.external_dependencies.iter()).any(|d| d.is_open())
        })
        && filter.blocked.is_none_or(|b| b == blocked)
}

fn failing(refinement: &Refinement) -> usize {
    refinement
        .readiness
        .checks
        .iter()
        .filter(|c| !c.passed)
        .count()
}

/// Descending by a score where absent sorts last.
fn high_first(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

pub fn backlog<'m>(model: &'m MapModel, sort: BacklogSort, filter: &BacklogFilter) -> Backlog<'m> {
    let index = MapIndex::new(model);
    let objectives: HashMap<&str, usize> = (model.settings.objectives.iter().enumerate())
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let objective_of = |story: &Story| {
        let id = story.details.objective_id.as_deref()?;
        objectives.get(id).copied()
    };
    let mut rows: Vec<(&Story, Refinement)> = model
        .stories
        .iter()
        .filter(|s| matches((s, objective_of(s)), filter))
        .map(|s| (s, refine(s, &model.settings, &index)))
        .filter(|(_, r)| filter.ready.is_none_or(|ready| ready == r.readiness.ready))
        .collect();
    // Map order first; the other sorts are stable on it.
    rows.sort_by_cached_key(|(s, _)| index.backlog_key(s));
    match sort {
        BacklogSort::Rank => {}
        // `None` (no objective) sorts after every `Some`.
        BacklogSort::Objective => {
            rows.sort_by_cached_key(|(s, _)| objective_of(s).map_or(usize::MAX, |at| at))
        }
        BacklogSort::Wsjf => rows
            .sort_by(|(_, a), (_, b)| high_first(a.wsjf.map(|w| w.score), b.wsjf.map(|w| w.score))),
        BacklogSort::Readiness => rows.sort_by(|(_, a), (_, b)| {
            b.readiness
                .ready
                .cmp(&a.readiness.ready)
                .then(failing(a).cmp(&failing(b)))
        }),
        BacklogSort::Estimate => rows.sort_by(|(_, a), (_, b)| match (a.points, b.points) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }),
    }
    let summary = BacklogSummary {
        stories: rows.len(),
        ready: rows.iter().filter(|(_, r)| r.readiness.ready).count(),
        ready_points: rows
            .iter()
            .filter(|(_, r)| r.readiness.ready)
            .filter_map(|(_, r)| r.points)
            .fold(0.0, |total, p| total + p),
        blocked: rows
            .iter()
            .filter(|(s, _)| {
                s.details.blocked_reason.is_some() || s.details.parked_reason.is_some()
            })
            .count(),
        needs_input: rows
            .iter()
            .filter(|(s, _)| s.details.needs_input_from.is_some())
            .count(),
    };
    Backlog { rows, summary }
}

impl BacklogSummary {
    /// The header line, e.g. "12 ready (34 pts), 3 blocked, 2 need input".
    pub fn headline(&self) -> String {
        let points = if self.ready_points.fract() == 0.0 {
            format!("{}", self.ready_points)
        } else {
            format!("{:.1}", self.ready_points)
        };
        let mut parts = vec![format!("{} ready ({points} pts)", self.ready)];
        if self.blocked > 0 {
            parts.push(format!("{} blocked", self.blocked));
        }
        if self.needs_input > 0 {
            let verb = if self.needs_input == 1 {
                "needs"
            } else {
                "need"
            };
            parts.push(format!("{} {verb} input", self.needs_input));
        }
        parts.join(", ")
    }
}
