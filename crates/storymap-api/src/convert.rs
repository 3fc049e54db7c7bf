//! Domain model ⇄ DTOs. The export JSON and the IPC payload are the same `MapView`.

use storymap_core::{
    AcceptanceCriterion, Activity, MapModel, Rank, ReleaseSlice, Step, Story,
    StoryStatus as CoreStatus, SCHEMA_VERSION,
};
use storymap_store::MapListing;

use crate::dto::*;
use crate::{ApiError, ErrorCode};

impl From<&MapModel> for MapView {
    fn from(model: &MapModel) -> Self {
        MapView {
            schema_version: SCHEMA_VERSION as u32,
            map: MapRef {
                id: model.id.clone(),
                name: model.name.clone(),
            },
            activities: model
                .activities
                .iter()
                .map(|a| ActivityView {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    rank: a.rank.as_string(),
                    steps: a
                        .steps
                        .iter()
                        .map(|s| StepView {
                            id: s.id.clone(),
                            title: s.title.clone(),
                            rank: s.rank.as_string(),
                        })
                        .collect(),
                })
                .collect(),
            releases: model
                .releases
                .iter()
                .map(|r| ReleaseView {
                    id: r.id.clone(),
                    title: r.title.clone(),
                    rank: r.rank.as_string(),
                })
                .collect(),
            stories: model.stories.iter().map(StoryView::from).collect(),
        }
    }
}

impl From<&Story> for StoryView {
    fn from(s: &Story) -> Self {
        StoryView {
            id: s.id.clone(),
            title: s.title.clone(),
            description: s.description.clone(),
            activity_id: s.activity_id.clone(),
            step_id: s.step_id.clone(),
            release_id: s.release_id.clone(),
            rank: s.rank.as_string(),
            status: s.status.into(),
            estimate: s.estimate.clone(),
            acceptance_criteria: s
                .acceptance_criteria
                .iter()
                .map(|c| AcceptanceCriterionView {
                    id: c.id.clone(),
                    text: c.text.clone(),
                    done: c.done,
                })
                .collect(),
        }
    }
}

impl From<CoreStatus> for StoryStatus {
    fn from(status: CoreStatus) -> Self {
        match status {
            CoreStatus::Todo => StoryStatus::Todo,
            CoreStatus::InProgress => StoryStatus::InProgress,
            CoreStatus::Done => StoryStatus::Done,
        }
    }
}

impl From<StoryStatus> for CoreStatus {
    fn from(status: StoryStatus) -> Self {
        match status {
            StoryStatus::Todo => CoreStatus::Todo,
            StoryStatus::InProgress => CoreStatus::InProgress,
            StoryStatus::Done => CoreStatus::Done,
        }
    }
}

impl From<MapListing> for MapSummary {
    fn from(listing: MapListing) -> Self {
        MapSummary {
            id: listing.id,
            name: listing.name,
            story_count: listing.story_count,
            updated_at: listing.updated_at,
        }
    }
}

/// Parses an exported map (the sample, a teammate's file). Order in the file is display
/// order; ranks in the file are ignored and minted afresh on import.
pub(crate) fn parse_map_json(json: &str) -> Result<MapModel, ApiError> {
    let view: MapView = serde_json::from_str(json).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("not a Storymap JSON export: {e}"),
        )
    })?;
    if view.schema_version as u64 > SCHEMA_VERSION {
        return Err(ApiError::new(
            ErrorCode::ForeignDocument,
            format!(
                "this file was exported by a newer Storymap (schema {})",
                view.schema_version
            ),
        ));
    }
    let stories = view
        .stories
        .iter()
        .map(|s| Story {
            id: s.id.clone(),
            title: s.title.clone(),
            description: s.description.clone(),
            // Informative only: the import places a story by its step.
            activity_id: s.activity_id.clone(),
            step_id: s.step_id.clone(),
            release_id: s.release_id.clone(),
            rank: Rank::first(),
            status: s.status.into(),
            estimate: s.estimate.clone(),
            acceptance_criteria: s
                .acceptance_criteria
                .iter()
                .map(|c| AcceptanceCriterion {
                    id: c.id.clone(),
                    text: c.text.clone(),
                    done: c.done,
                })
                .collect(),
        })
        .collect();
    Ok(MapModel {
        id: view.map.id.clone(),
        name: view.map.name.clone(),
        activities: view
            .activities
            .iter()
            .map(|a| Activity {
                id: a.id.clone(),
                title: a.title.clone(),
                rank: Rank::first(),
                steps: a
                    .steps
                    .iter()
                    .map(|s| Step {
                        id: s.id.clone(),
                        title: s.title.clone(),
                        rank: Rank::first(),
                    })
                    .collect(),
            })
            .collect(),
        releases: view
            .releases
            .iter()
            .map(|r| ReleaseSlice {
                id: r.id.clone(),
                title: r.title.clone(),
                rank: Rank::first(),
            })
            .collect(),
        stories,
    })
}

impl From<MapEdit> for storymap_core::Edit {
    fn from(edit: MapEdit) -> Self {
        use storymap_core::Edit as E;
        match edit {
            MapEdit::RenameMap { name } => E::RenameMap { name },
            MapEdit::AddActivity { title } => E::AddActivity { title },
            MapEdit::RenameActivity { activity_id, title } => {
                E::RenameActivity { activity_id, title }
            }
            MapEdit::AddStep { activity_id, title } => E::AddStep { activity_id, title },
            MapEdit::RenameStep { step_id, title } => E::RenameStep { step_id, title },
            MapEdit::AddRelease { title } => E::AddRelease { title },
            MapEdit::RenameRelease { release_id, title } => E::RenameRelease { release_id, title },
            MapEdit::AddStory {
                step_id,
                release_id,
                title,
            } => E::AddStory {
                step_id,
                release_id,
                title,
            },
            MapEdit::RenameStory { story_id, title } => E::RenameStory { story_id, title },
        }
    }
}
