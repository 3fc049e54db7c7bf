//! PI objectives on the wire: the map's objectives (top-level `objectives` of the map view
//! and the JSON export, with the export's derived roll-ups), what each adds up to for the
//! backlog, and the backlog's objective filter (the edits: `edits/objectives.rs`). Computed in Rust
//! (`refine::objective_rollups`); the UI displays it.

use serde::{Deserialize, Serialize};
use storymap_core as core;
use storymap_core::objectives::Objective;
use storymap_core::refine::{self, ObjectiveRollup};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveView {
    pub id: String,
    pub title: String,
    /// 1–10.
    pub business_value: u8,
    /// Committed, or stretch.
    pub committed: bool,
    /// The JSON export's derived `{ stories, points, readyPoints, blocked }`: never in the
    /// window's map, ignored on import.
    #[serde(flatten, skip_deserializing, skip_serializing_if = "Option::is_none")]
    #[ts(skip)]
    pub derived: Option<ObjectiveExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveExport {
    pub stories: u32,
    pub points: f64,
    pub ready_points: f64,
    /// How many of its stories not done are blocked.
    pub blocked: u32,
}

impl From<&Objective> for ObjectiveView {
    fn from(o: &Objective) -> Self {
        ObjectiveView {
            id: o.id.clone(),
            title: o.title.clone(),
            business_value: o.business_value,
            committed: o.committed,
            derived: None,
        }
    }
}

impl From<&ObjectiveView> for Objective {
    fn from(v: &ObjectiveView) -> Self {
        Objective {
            id: v.id.clone(),
            title: v.title.clone(),
            business_value: v.business_value,
            committed: v.committed,
        }
    }
}

/// The export's objectives, each with what it adds up to.
pub(crate) fn objectives_export(model: &core::MapModel) -> Vec<ObjectiveView> {
    let objectives = model.settings.objectives.iter();
    objectives
        .zip(refine::objective_rollups(model))
        .map(|(objective, r)| ObjectiveView {
            derived: Some(ObjectiveExport {
                stories: r.stories,
                points: r.points,
                ready_points: r.ready_points,
                blocked: r.blocked.len() as u32,
            }),
            ..ObjectiveView::from(objective)
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveBlockerView {
    pub story_id: String,
    pub title: String,
    pub reason: String,
}

/// What one objective adds up to, for the backlog's objective panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveRollupView {
    pub objective_id: String,
    /// "Faster checkout (committed, value 8)".
    pub label: String,
    /// Every story aligned to it, done ones included.
    pub stories: u32,
    pub done: u32,
    /// Points of its stories not done.
    pub points: f64,
    pub ready_points: f64,
    pub unestimated: u32,
    /// Its blocked stories not done, in map order.
    pub blocked: Vec<ObjectiveBlockerView>,
}

pub(crate) fn rollup_views(model: &core::MapModel) -> Vec<ObjectiveRollupView> {
    let objectives = model.settings.objectives.iter();
    objectives
        .zip(refine::objective_rollups(model))
        .map(
            |(objective, r): (&Objective, ObjectiveRollup)| ObjectiveRollupView {
                objective_id: r.objective_id,
                label: refine::objective_label(objective),
                stories: r.stories,
                done: r.done,
                points: r.points,
                ready_points: r.ready_points,
                unestimated: r.unestimated,
                blocked: (r.blocked.into_iter())
                    .map(|b| ObjectiveBlockerView {
                        story_id: b.story_id,
                        title: b.title,
                        reason: b.reason,
                    })
                    .collect(),
            },
        )
        .collect()
}

/// The backlog's objective filter: the stories of one objective, or of none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ObjectiveQuery {
    Aligned(String),
    Unaligned,
}

impl From<ObjectiveQuery> for refine::ObjectiveFilter {
    fn from(q: ObjectiveQuery) -> Self {
        match q {
            ObjectiveQuery::Aligned(id) => refine::ObjectiveFilter::Aligned(id),
            ObjectiveQuery::Unaligned => refine::ObjectiveFilter::Unaligned,
        }
    }
}
