//! A story's cross-team dependencies on the wire: add one, change it, take it off.
//! Converts to the core's family in one total `From`.

use serde::{Deserialize, Serialize};
use storymap_core as core;
use ts_rs::TS;

use crate::crossteam_views::ExternalStatus;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum CrossTeamEdit {
    /// `neededBy`: a release slice id of the map or a date `YYYY-MM-DD`, or `null`.
    AddCrossTeamDependency {
        story_id: String,
        team: String,
        item: String,
        needed_by: Option<String>,
        status: ExternalStatus,
    },
    UpdateCrossTeamDependency {
        story_id: String,
        dependency_id: String,
        team: String,
        item: String,
        needed_by: Option<String>,
        status: ExternalStatus,
    },
    DeleteCrossTeamDependency {
        story_id: String,
        dependency_id: String,
    },
}

impl From<CrossTeamEdit> for core::CrossTeamEdit {
    fn from(edit: CrossTeamEdit) -> Self {
        let parts = |team, item, needed_by, status: ExternalStatus| core::ExternalParts {
            team,
            item,
            needed_by,
            status: status.into(),
        };
        match edit {
            CrossTeamEdit::AddCrossTeamDependency {
                story_id,
                team,
                item,
                needed_by,
                status,
            } => core::CrossTeamEdit::Add {
                story_id,
                parts: parts(team, item, needed_by, status),
            },
            CrossTeamEdit::UpdateCrossTeamDependency {
                story_id,
                dependency_id,
                team,
                item,
                needed_by,
                status,
            } => core::CrossTeamEdit::Update {
                story_id,
                dependency_id,
                parts: parts(team, item, needed_by, status),
            },
            CrossTeamEdit::DeleteCrossTeamDependency {
                story_id,
                dependency_id,
            } => core::CrossTeamEdit::Delete {
                story_id,
                dependency_id,
            },
        }
    }
}
