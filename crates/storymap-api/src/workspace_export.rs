//! The map written out as text — Jira CSV, Markdown, the JSON export — to a string, or to a
//! file with its progress reported (a large map takes a while to read and write).

use std::path::Path;

use storymap_core::{markdown, MapModel};

use crate::dto::MapView;
use crate::files::{operation, write_atomically};
use crate::health_views::HealthExport;
use crate::progress::Progress;
use crate::{ApiError, Workspace};

/// The JSON export: the map view with the derived `health` (ignored on import).
#[derive(serde::Serialize)]
struct JsonExport {
    #[serde(flatten)]
    view: MapView,
    health: HealthExport,
}

fn json(model: &MapModel) -> String {
    let mut view = MapView::from(model);
    view.objectives = crate::objective_views::objectives_export(model);
    let export = JsonExport {
        view,
        health: HealthExport::from(&storymap_core::refine::health(model)),
    };
    serde_json::to_string_pretty(&export).expect("DTOs serialise") + "\n"
}

impl Workspace {
    /// The map as a CSV for Jira's External System Import (docs/formats.md).
    pub fn export_jira_csv(&self, map_id: &str) -> Result<String, ApiError> {
        Ok(storymap_core::jira::export_csv(
            &self.store.read_model(map_id)?,
        ))
    }

    /// The map as a Markdown outline (docs/formats.md).
    pub fn export_markdown(&self, map_id: &str) -> Result<String, ApiError> {
        Ok(markdown(&self.store.read_model(map_id)?))
    }

    /// The map in the JSON export format (`MapView`, docs/formats.md), pretty-printed.
    pub fn export_json(&self, map_id: &str) -> Result<String, ApiError> {
        Ok(json(&self.store.read_model(map_id)?))
    }

    pub fn export_jira_csv_file(&self, map_id: &str, path: &Path) -> Result<(), ApiError> {
        self.export_text_file(map_id, path, storymap_core::jira::export_csv)
    }

    pub fn export_markdown_file(&self, map_id: &str, path: &Path) -> Result<(), ApiError> {
        self.export_text_file(map_id, path, markdown)
    }

    pub fn export_json_file(&self, map_id: &str, path: &Path) -> Result<(), ApiError> {
        self.export_text_file(map_id, path, json)
    }

    /// Writes the map as `render` spells it to `path`, replacing the file only once the
    /// whole text is written.
    fn export_text_file(
        &self,
        map_id: &str,
        path: &Path,
        render: impl FnOnce(&MapModel) -> String,
    ) -> Result<(), ApiError> {
        let mut progress = Progress::new(self.progress.as_ref(), operation("Exporting", path));
        progress.report("Reading the map", 0, 0);
        let model = self.store.read_model(map_id)?;
        progress.report("Writing the file", 0, 0);
        write_atomically(path, render(&model).as_bytes())
    }
}
