//! Capacity and backlog health on the wire: the settings' target band, the health the
//! backlog header and the slices show (with the trend over past sessions), and the derived
//! `health` of the JSON export. Computed in Rust (`refine::health`); the UI displays it.

use serde::{Deserialize, Serialize};
use storymap_core::capacity::SprintBand;
use storymap_core::refine::{self, BacklogHealth};
use storymap_core::session::SessionHealth;
use ts_rs::TS;

use crate::history_views::rfc3339;

/// How many sprints of ready work the team aims to keep, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SprintBandView {
    pub min: f64,
    pub max: f64,
}

impl Default for SprintBandView {
    fn default() -> Self {
        storymap_core::capacity::Capacity::default()
            .ready_target
            .into()
    }
}

impl From<SprintBand> for SprintBandView {
    fn from(b: SprintBand) -> Self {
        SprintBandView {
            min: b.min,
            max: b.max,
        }
    }
}

impl From<SprintBandView> for SprintBand {
    fn from(b: SprintBandView) -> Self {
        SprintBand {
            min: b.min,
            max: b.max,
        }
    }
}

/// Where the ready sprints sit against the target band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum HealthBand {
    Below,
    Inside,
    Above,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnestimatedView {
    pub story_id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SliceHealthView {
    pub release_id: String,
    pub title: String,
    /// Points of its stories not done.
    pub points: f64,
    /// Its stories not done and not estimated, in map order.
    pub unestimated: Vec<UnestimatedView>,
    /// `points ÷ velocity`; `null` without a velocity.
    pub sprints: Option<f64>,
    /// "needs ≈ 3 sprints · 2 unestimated".
    pub line: String,
}

/// The ready backlog at the end of a past session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HealthTrendPointView {
    pub session_id: String,
    /// RFC 3339.
    pub ended_at: String,
    pub ready_points: f64,
    pub ready_sprints: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HealthView {
    /// Points of the stories that pass the Definition of Ready and are not done.
    pub ready_points: f64,
    pub velocity: Option<f64>,
    /// `readyPoints ÷ velocity`; `null` without a velocity.
    pub ready_sprints: Option<f64>,
    /// The ready sprints in working days, at the sprint length; `null` without a velocity.
    pub ready_days: Option<f64>,
    /// "≈ 23 working days"; `null` without a velocity.
    pub horizon: Option<String>,
    pub target: SprintBandView,
    /// `null` without a velocity.
    pub band: Option<HealthBand>,
    /// "Ready backlog: 2.3 sprints (target 1–2)".
    pub line: String,
    /// Every release slice, top to bottom.
    pub slices: Vec<SliceHealthView>,
    /// The last sessions' ready backlog when they ended, oldest first.
    pub trend: Vec<HealthTrendPointView>,
    /// What each PI objective adds up to, in the objectives' order.
    pub objectives: Vec<crate::ObjectiveRollupView>,
}

fn band(b: refine::HealthBand) -> HealthBand {
    match b {
        refine::HealthBand::Below => HealthBand::Below,
        refine::HealthBand::Inside => HealthBand::Inside,
        refine::HealthBand::Above => HealthBand::Above,
    }
}

/// The health view of `health` on `model` (for slice titles), with `trend` from the sessions.
pub(crate) fn health_view(
    model: &storymap_core::MapModel,
    health: &BacklogHealth,
    trend: Vec<(String, i64, SessionHealth)>,
) -> HealthView {
    let title = |id: &str| {
        let slice = model.releases.iter().find(|r| r.id == id);
        slice.map(|r| r.title.clone()).unwrap_or_default()
    };
    HealthView {
        ready_points: health.ready_points,
        velocity: health.velocity,
        ready_sprints: health.ready_sprints,
        ready_days: health.ready_days,
        horizon: health.horizon(),
        target: health.target.into(),
        band: health.band.map(band),
        line: health.line(),
        slices: health
            .slices
            .iter()
            .map(|s| SliceHealthView {
                release_id: s.release_id.clone(),
                title: title(&s.release_id),
                points: s.points,
                unestimated: s
                    .unestimated
                    .iter()
                    .map(|u| UnestimatedView {
                        story_id: u.story_id.clone(),
                        title: u.title.clone(),
                    })
                    .collect(),
                sprints: s.sprints,
                line: s.line(),
            })
            .collect(),
        objectives: crate::objective_views::rollup_views(model),
        trend: trend
            .into_iter()
            .map(|(session_id, ended_at, h)| HealthTrendPointView {
                session_id,
                ended_at: rfc3339(ended_at),
                ready_points: h.ready_points,
                ready_sprints: h.ready_sprints,
            })
            .collect(),
    }
}

/// The JSON export's derived `health` (ignored on import).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HealthExport {
    pub ready_points: f64,
    pub velocity: Option<f64>,
    pub ready_sprints: Option<f64>,
    pub slices: Vec<SliceHealthExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SliceHealthExport {
    pub release_id: String,
    pub points: f64,
    /// How many of its stories (not done) are not estimated.
    pub unestimated: u32,
    pub sprints: Option<f64>,
}

impl From<&BacklogHealth> for HealthExport {
    fn from(h: &BacklogHealth) -> Self {
        HealthExport {
            ready_points: h.ready_points,
            velocity: h.velocity,
            ready_sprints: h.ready_sprints,
            slices: h
                .slices
                .iter()
                .map(|s| SliceHealthExport {
                    release_id: s.release_id.clone(),
                    points: s.points,
                    unestimated: s.unestimated.len() as u32,
                    sprints: s.sprints,
                })
                .collect(),
        }
    }
}
