//! The stakeholder page: the map (or one slice) as one self-contained, read-only HTML file
//! drawn by `storymap-render`, with the last refinement session's stakeholder update and
//! the time it was exported, written whole or not at all.

use std::path::Path;

use storymap_core::session::{session_report, stakeholder_update, Format};
use storymap_core::{changes_since, Since};
use storymap_render::{HtmlPage, Scope, SessionSummary};

use crate::dto_image::ImageScope;
use crate::files::{operation, write_atomically};
use crate::progress::Progress;
use crate::{ApiError, Workspace};

/// A Unix time as readers of the page see it, in this device's time zone.
fn local(unix_time: i64, format: &str) -> String {
    chrono::DateTime::from_timestamp(unix_time, 0)
        .unwrap_or_default()
        .with_timezone(&chrono::Local)
        .format(format)
        .to_string()
}

impl Workspace {
    /// Writes the stakeholder page of the map (or of one slice) to `path`, replacing the
    /// file only once the whole page is written.
    pub fn export_html(
        &mut self,
        map_id: &str,
        scope: ImageScope,
        path: &Path,
    ) -> Result<(), ApiError> {
        let mut progress = Progress::new(self.progress.as_ref(), operation("Exporting", path));
        progress.report("Reading the map", 0, 0);
        let scope = match scope {
            ImageScope::WholeMap => Scope::WholeMap,
            ImageScope::Slice { release_id } => Scope::Slice(release_id),
        };
        let page = HtmlPage {
            exported_at: local(chrono::Utc::now().timestamp(), "%-d %B %Y, %H:%M"),
            session: self.last_session_summary(map_id)?,
        };
        let loaded = self.loaded_map(map_id)?;
        progress.report("Writing the page", 0, 0);
        let html = storymap_render::render_html(loaded.model(), &scope, &page)?;
        progress.report("Writing the file", 0, 0);
        write_atomically(path, html.as_bytes())
    }

    /// The latest session's stakeholder update in plain text, as `session summary` words it.
    fn last_session_summary(&mut self, map_id: &str) -> Result<Option<SessionSummary>, ApiError> {
        let loaded = self.loaded_map(map_id)?;
        let Some(session) = loaded.doc.read_sessions().into_iter().next() else {
            return Ok(None);
        };
        let changes = changes_since(&loaded.doc, &Since::Time(session.started_at));
        let report = session_report(loaded.model(), &session, &changes.stories);
        Ok(Some(SessionSummary {
            held: local(session.started_at, "%-d %B %Y"),
            update: stakeholder_update(&report, Format::Text),
        }))
    }
}
