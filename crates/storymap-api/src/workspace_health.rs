//! Capacity and backlog health on the open map: the health line, the slices and the trend
//! the backlog header shows, and the ready backlog a session keeps when it ends.

use storymap_core::refine::health;
use storymap_core::session::SessionHealth;
use storymap_core::{Edit, MapModel, SessionEdit};

use crate::health_views::{health_view, HealthView};
use crate::{ApiError, Workspace};

impl Workspace {
    /// The map's backlog health (one pass over the open map's stories) with the ready
    /// backlog kept by the last sessions that ended.
    pub fn backlog_health(&mut self, map_id: &str) -> Result<HealthView, ApiError> {
        let loaded = self.loaded_map(map_id)?;
        let model = loaded.model();
        let trend = loaded.doc.health_trend();
        Ok(health_view(model, &health(model), trend))
    }
}

/// Ending a session keeps the ready backlog at that moment, from the open map's model, so
/// the edit never reads the map and the trend never replays history.
pub(crate) fn with_session_health(edit: Edit, model: &MapModel) -> Edit {
    match edit {
        Edit::Session(SessionEdit::End {
            session_id,
            health: None,
        }) => {
            let now = health(model);
            Edit::Session(SessionEdit::End {
                session_id,
                health: Some(SessionHealth {
                    ready_points: now.ready_points,
                    ready_sprints: now.ready_sprints,
                }),
            })
        }
        edit => edit,
    }
}
