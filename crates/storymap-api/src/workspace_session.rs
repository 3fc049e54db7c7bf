//! The "in the room" handlers of [`Workspace`]: the sessions of a map, one session, its
//! summary with the stakeholder update, and the projector's view. Sessions live in the
//! map's document; running one is `MapEdit`s through `apply_edit`.

use std::path::Path;
use storymap_core::session::{
    default_session_stories, session_report, Session, DEFAULT_SESSION_STORIES,
};

use storymap_core::limits::thousands;
use storymap_core::MapModel;
use storymap_core::{
    changes_since, presentation_activity, presentation_slice, presentation_story, Since,
};
use storymap_store::LoadedMap;

use crate::convert_presentation::columns;
use crate::convert_session::{list_item, session_view, summary_view};
use crate::files::write_atomically;
use crate::session_views::{
    PresentationFocus, PresentationView, SessionListItem, SessionSummaryView, SessionView,
};
use crate::workspace::unix_now;
use crate::{ApiError, ErrorCode, MapEdit, SessionEdit, Workspace};

/// Far more than any update a team sends; the window's text box holds less.
pub const MAX_UPDATE_CHARS: usize = 100_000;

fn no_session(session_id: &str) -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        format!("no session with id {session_id} in this map"),
    )
}

impl Workspace {
    /// The map's sessions, past and open, newest first.
    pub fn sessions(&mut self, map_id: &str) -> Result<Vec<SessionListItem>, ApiError> {
        let doc = &self.loaded_map(map_id)?.doc;
        Ok(doc.read_sessions().iter().map(list_item).collect())
    }

    fn read_session(
        &mut self,
        map_id: &str,
        session_id: Option<&str>,
    ) -> Result<Session, ApiError> {
        let doc = &self.loaded_map(map_id)?.doc;
        match session_id {
            Some(id) => doc.read_session(id).ok_or_else(|| no_session(id)),
            None => doc.read_sessions().into_iter().next().ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    "this map has no refinement sessions yet",
                )
            }),
        }
    }

    /// One session as the room sees it now: votes stay hidden until revealed.
    pub fn session(&mut self, map_id: &str, session_id: &str) -> Result<SessionView, ApiError> {
        let session = self.read_session(map_id, Some(session_id))?;
        let model = self.loaded_map(map_id)?.model();
        let index = storymap_core::refine::MapIndex::new(model);
        Ok(session_view(model, &index, &session, unix_now()))
    }

    /// What a session did (the latest one when `session_id` is `None`), with the
    /// stakeholder update in Markdown and plain text.
    pub fn session_summary(
        &mut self,
        map_id: &str,
        session_id: Option<&str>,
    ) -> Result<SessionSummaryView, ApiError> {
        let session = self.read_session(map_id, session_id)?;
        let loaded = self.loaded_map(map_id)?;
        let changes = changes_since(&loaded.doc, &Since::Time(session.started_at));
        let report = session_report(loaded.model(), &session, &changes.stories);
        Ok(summary_view(&session.id, &report))
    }

    /// Saves a stakeholder update (as the POPM edited it) to a Markdown or text file,
    /// whole or not at all.
    pub fn save_stakeholder_update(path: &Path, text: &str) -> Result<(), ApiError> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !["md", "markdown", "txt"].contains(&extension.to_ascii_lowercase().as_str()) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "{}: an update is saved as Markdown (.md) or text (.txt)",
                    path.display()
                ),
            ));
        }
        if text.chars().count() > MAX_UPDATE_CHARS {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "the update is longer than {} characters",
                    thousands(MAX_UPDATE_CHARS)
                ),
            ));
        }
        write_atomically(path, text.as_bytes())
    }

    /// What the projector shows: a story, a slice or an activity, without private notes.
    pub fn presentation(
        &self,
        map_id: &str,
        focus: PresentationFocus,
    ) -> Result<PresentationView, ApiError> {
        let model = self.store.read_model(map_id)?;
        let missing = |kind: &str, id: &str| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("no {kind} with id {id} in this map"),
            )
        };
        Ok(match focus {
            PresentationFocus::Story { story_id } => {
                let story = presentation_story(&model, &story_id)
                    .ok_or_else(|| missing("story", &story_id))?;
                PresentationView {
                    title: story.title.clone(),
                    story: Some(story.into()),
                    columns: Vec::new(),
                }
            }
            PresentationFocus::Slice { release_id } => {
                let slice = presentation_slice(&model, &release_id)
                    .ok_or_else(|| missing("release slice", &release_id))?;
                PresentationView {
                    title: slice.title,
                    story: None,
                    columns: columns(slice.columns),
                }
            }
            PresentationFocus::Activity { activity_id } => {
                let activity = presentation_activity(&model, &activity_id)
                    .ok_or_else(|| missing("activity", &activity_id))?;
                PresentationView {
                    title: activity.title,
                    story: None,
                    columns: columns(activity.columns),
                }
            }
        })
    }
}

/// The session changed by an edit, for its `MapChange`; `None` when the edit removed it
/// (undoing a start).
pub(crate) fn changed_session(
    loaded: &LoadedMap,
    index: &storymap_core::refine::MapIndex<'_>,
    session_ids: &[String],
) -> Option<SessionView> {
    let session = loaded.doc.read_session(session_ids.first()?)?;
    Some(session_view(loaded.model(), index, &session, unix_now()))
}

/// A session started without a list of stories gets the default pick (the top not-ready
/// stories in backlog order) from the open map's model, so the edit never reads the map.
pub(crate) fn with_default_stories(edit: MapEdit, model: &MapModel) -> MapEdit {
    match edit {
        MapEdit::SessionEdit(SessionEdit::StartSession {
            story_ids: None,
            story_count,
            length_minutes,
            timebox_minutes,
            deck,
            participants,
        }) => MapEdit::from(SessionEdit::StartSession {
            story_ids: Some(default_session_stories(
                model,
                story_count.unwrap_or(DEFAULT_SESSION_STORIES) as usize,
            )),
            story_count,
            length_minutes,
            timebox_minutes,
            deck,
            participants,
        }),
        edit => edit,
    }
}
