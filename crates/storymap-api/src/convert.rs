//! Domain model ⇄ DTOs. The export JSON and the IPC payload are the same `MapView`.

use storymap_core::{
    Activity, MapModel, MapSettings, Rank, ReleaseSlice, SliceRollup as CoreRollup, Step, Story,
    StoryStatus as CoreStatus, SCHEMA_VERSION,
};
use storymap_store::MapListing;

use crate::convert_refine::{criterion_from_view, details_from_view, Refiner};
use crate::dto::*;
use crate::refine_views::*;
use crate::{ApiError, ErrorCode, ObjectiveView};

impl From<&MapModel> for MapView {
    /// The map as exported: the same for every reader.
    fn from(model: &MapModel) -> Self {
        MapView::read_by(model, None)
    }
}

impl MapView {
    /// The map for the window of the device named `reader` (comments that mention it).
    pub(crate) fn read_by(model: &MapModel, reader: Option<&str>) -> Self {
        MapView {
            schema_version: SCHEMA_VERSION as u32,
            map: MapRef {
                id: model.id.clone(),
                name: model.name.clone(),
            },
            activities: model.activities.iter().map(ActivityView::from).collect(),
            releases: model
                .releases
                .iter()
                .zip(model.rollups())
                .map(ReleaseView::from)
                .collect(),
            stories: {
                let refiner = Refiner::new(model);
                let refiner = match reader {
                    Some(reader) => refiner.read_by(reader),
                    None => refiner,
                };
                model
                    .stories
                    .iter()
                    .map(|s| refiner.story_view(s))
                    .collect()
            },
            objectives: (model.settings.objectives.iter())
                .map(ObjectiveView::from)
                .collect(),
            personas: (model.settings.personas.iter())
                .map(crate::PersonaView::from)
                .collect(),
            settings: MapSettingsView::from(&model.settings),
        }
    }
}

impl From<&Activity> for ActivityView {
    fn from(a: &Activity) -> Self {
        ActivityView {
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
            jira_key: a.jira_key.clone(),
            persona_id: a.persona_id.clone(),
        }
    }
}

impl<R: std::borrow::Borrow<ReleaseSlice>> From<(R, CoreRollup)> for ReleaseView {
    fn from((release, rollup): (R, CoreRollup)) -> Self {
        let release = release.borrow();
        ReleaseView {
            id: release.id.clone(),
            title: release.title.clone(),
            rank: release.rank.as_string(),
            rollup: SliceRollup {
                stories: rollup.stories,
                points: rollup.points,
                unestimated: rollup.unestimated,
                ready: rollup.ready,
                done: rollup.done,
            },
        }
    }
}

impl From<CoreStatus> for StoryStatus {
    fn from(status: CoreStatus) -> Self {
        match status {
            CoreStatus::Idea => StoryStatus::Idea,
            CoreStatus::Draft => StoryStatus::Draft,
            CoreStatus::Refining => StoryStatus::Refining,
            CoreStatus::Ready => StoryStatus::Ready,
            CoreStatus::InSprint => StoryStatus::InSprint,
            CoreStatus::Done => StoryStatus::Done,
        }
    }
}

impl From<StoryStatus> for CoreStatus {
    fn from(status: StoryStatus) -> Self {
        match status {
            StoryStatus::Idea => CoreStatus::Idea,
            StoryStatus::Draft => CoreStatus::Draft,
            StoryStatus::Refining => CoreStatus::Refining,
            StoryStatus::Ready => CoreStatus::Ready,
            StoryStatus::InSprint => CoreStatus::InSprint,
            StoryStatus::Done => CoreStatus::Done,
        }
    }
}

impl From<storymap_core::StoryFlag> for StoryFlag {
    fn from(flag: storymap_core::StoryFlag) -> Self {
        use storymap_core::StoryFlag as Core;
        match flag {
            Core::Risky => StoryFlag::Risky,
            Core::Unclear => StoryFlag::Unclear,
            Core::ResearchNeeded => StoryFlag::ResearchNeeded,
            Core::DiscussionNeeded => StoryFlag::DiscussionNeeded,
        }
    }
}

impl From<StoryFlag> for storymap_core::StoryFlag {
    fn from(flag: StoryFlag) -> Self {
        use storymap_core::StoryFlag as Core;
        match flag {
            StoryFlag::Risky => Core::Risky,
            StoryFlag::Unclear => Core::Unclear,
            StoryFlag::ResearchNeeded => Core::ResearchNeeded,
            StoryFlag::DiscussionNeeded => Core::DiscussionNeeded,
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
        .map(|s| {
            Ok(Story {
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
                    .map(criterion_from_view)
                    .collect(),
                details: details_from_view(s)?,
            })
        })
        .collect::<Result<_, ApiError>>()?;
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
                jira_key: a.jira_key.clone(),
                persona_id: a.persona_id.clone(),
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
        settings: MapSettings {
            objectives: view.objectives.iter().map(Into::into).collect(),
            personas: crate::persona_views::personas_from_views(&view.personas),
            ..MapSettings::from(&view.settings)
        },
    })
}
