//! What a `.storymap` file holds, shown before it is merged or added — a file opened from
//! the desktop or handed over by a second launch: its map, stories, newest change, and
//! whether this map is already here (then opening it merges, nothing is lost either side).

use std::path::Path;

use serde::{Deserialize, Serialize};
use storymap_core::MapDocument;
use ts_rs::TS;

use crate::history_views::rfc3339;
use crate::{ApiError, Workspace};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapFilePreview {
    /// As given: send it back to `importMapFile` to merge or add the map.
    pub path: String,
    pub file_name: String,
    pub map_id: String,
    pub map_name: String,
    pub story_count: u32,
    /// The newest change in the file (RFC 3339) and its author; absent without history.
    pub last_change_at: Option<String>,
    pub last_change_author: Option<String>,
    /// True when this map is here already: importing merges the file into it.
    pub already_here: bool,
}

/// A `.storymap` file's document, checked, or why it is not one.
pub(crate) fn load_map_file(path: &Path) -> Result<MapDocument, ApiError> {
    let bytes = crate::files::read_import_file(path)?;
    MapDocument::load_verified(&bytes).map_err(|e| {
        let error = ApiError::from(e);
        let message = format!(
            "{} is not a Storymap map file: {}",
            path.display(),
            error.message
        );
        ApiError::new(error.code, message)
    })
}

/// Where a file dropped on the window waits to be previewed and imported (the last one only).
const DROPPED_DIR: &str = "dropped";

impl Workspace {
    /// A file dropped on the window (the window gets its bytes, not its path): kept under
    /// `dropped/` in the data directory, replacing the previous one, and previewed from there.
    pub fn receive_dropped_file(
        &self,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<MapFilePreview, ApiError> {
        let name = Path::new(file_name)
            .file_name()
            .filter(|n| !n.is_empty())
            .map_or_else(|| "dropped.storymap".into(), |n| n.to_owned());
        let dir = self.data_dir().join(DROPPED_DIR);
        let storage = |e: std::io::Error| {
            let message = format!("cannot keep the dropped file in {}: {e}", dir.display());
            ApiError::new(crate::ErrorCode::Storage, message)
        };
        match std::fs::remove_dir_all(&dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(storage(e)),
            _ => {}
        }
        std::fs::create_dir_all(&dir).map_err(storage)?;
        let path = dir.join(name);
        crate::files::write_atomically(&path, bytes)?;
        self.preview_map_file(&path)
    }

    /// Reads a `.storymap` file without changing anything.
    pub fn preview_map_file(&self, path: &Path) -> Result<MapFilePreview, ApiError> {
        let doc = load_map_file(path)?;
        let model = doc.read()?;
        let newest = storymap_core::history_points(&doc, 1).into_iter().next();
        Ok(MapFilePreview {
            path: path.display().to_string(),
            file_name: (path.file_name()).map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ),
            already_here: self.store.map_exists(&model.id)?,
            map_id: model.id,
            map_name: model.name,
            story_count: model.stories.len() as u32,
            last_change_at: newest.as_ref().map(|p| rfc3339(p.unix_time)),
            last_change_author: newest.map(|p| p.author),
        })
    }
}
