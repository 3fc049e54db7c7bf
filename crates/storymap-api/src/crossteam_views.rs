//! Cross-team dependencies on the wire: a story's list (also the JSON export's
//! `externalDependencies`) and where each ask stands. The warnings come from Rust
//! (`crossteam::crossteam_warnings`, in the story's refinement); the UI only shows them.

use serde::{Deserialize, Serialize};
use storymap_core::crossteam::{self, ExternalDependency};
use ts_rs::TS;

/// Where the ask to the other team stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExternalStatus {
    Asked,
    Agreed,
    Done,
}

impl From<crossteam::ExternalStatus> for ExternalStatus {
    fn from(s: crossteam::ExternalStatus) -> Self {
        match s {
            crossteam::ExternalStatus::Asked => ExternalStatus::Asked,
            crossteam::ExternalStatus::Agreed => ExternalStatus::Agreed,
            crossteam::ExternalStatus::Done => ExternalStatus::Done,
        }
    }
}

impl From<ExternalStatus> for crossteam::ExternalStatus {
    fn from(s: ExternalStatus) -> Self {
        match s {
            ExternalStatus::Asked => crossteam::ExternalStatus::Asked,
            ExternalStatus::Agreed => crossteam::ExternalStatus::Agreed,
            ExternalStatus::Done => crossteam::ExternalStatus::Done,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExternalDependencyView {
    pub id: String,
    pub team: String,
    /// Their item: a key ("PAY-88") or a title.
    pub item: String,
    /// A release slice id of the map or a date `YYYY-MM-DD`; `null` when not known.
    #[serde(default)]
    pub needed_by: Option<String>,
    pub status: ExternalStatus,
}

impl From<&ExternalDependency> for ExternalDependencyView {
    fn from(d: &ExternalDependency) -> Self {
        ExternalDependencyView {
            id: d.id.clone(),
            team: d.team.clone(),
            item: d.item.clone(),
            needed_by: d.needed_by.clone(),
            status: d.status.into(),
        }
    }
}

impl From<&ExternalDependencyView> for ExternalDependency {
    fn from(v: &ExternalDependencyView) -> Self {
        ExternalDependency {
            id: v.id.clone(),
            team: v.team.trim().to_owned(),
            item: v.item.trim().to_owned(),
            needed_by: v.needed_by.clone().filter(|n| !n.trim().is_empty()),
            status: v.status.into(),
        }
    }
}
