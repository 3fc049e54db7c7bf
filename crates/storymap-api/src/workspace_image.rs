//! Map images: the map drawn by `storymap-render` as PNG, SVG or PDF and written to a file.

use std::path::Path;

use storymap_render::{Paper, PrintOptions, RenderError, Scope};

use crate::dto_image::{ImageFormat, ImageScope, PaperSize};
use crate::{ApiError, ErrorCode, Workspace};

/// PNGs are drawn at twice their size in pixels, so text stays crisp when zoomed or printed.
const PNG_SCALE: f32 = 2.0;

impl From<RenderError> for ApiError {
    fn from(error: RenderError) -> Self {
        let code = match error {
            RenderError::UnknownSlice(_) => ErrorCode::NotFound,
            RenderError::Svg(_) | RenderError::Png(_) | RenderError::Pdf(_) => ErrorCode::Internal,
        };
        ApiError::new(code, error.to_string())
    }
}

/// Writes `bytes` to `path` through a partial file, so a failure never leaves half an image.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    let write = std::fs::write(&partial, bytes).and_then(|_| std::fs::rename(&partial, path));
    write.map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        ApiError::new(
            ErrorCode::Storage,
            format!("cannot write {}: {e}", path.display()),
        )
    })
}

/// Today's date as printed on PDF pages, e.g. "26 November 2026".
fn print_date() -> String {
    chrono::Local::now().format("%-d %B %Y").to_string()
}

impl Workspace {
    /// Draws the map (or one slice) as an image and writes it to `path`, replacing the
    /// file only once the whole image is written.
    pub fn export_image(
        &self,
        map_id: &str,
        format: ImageFormat,
        scope: ImageScope,
        path: &Path,
    ) -> Result<(), ApiError> {
        let model = self.store.read_model(map_id)?;
        let scope = match scope {
            ImageScope::WholeMap => Scope::WholeMap,
            ImageScope::Slice { release_id } => Scope::Slice(release_id),
        };
        let bytes = match format {
            ImageFormat::Png => storymap_render::render_png(&model, &scope, PNG_SCALE)?,
            ImageFormat::Svg => storymap_render::render_svg(&model, &scope)?.into_bytes(),
            ImageFormat::Pdf { paper } => {
                let options = PrintOptions {
                    paper: match paper {
                        PaperSize::A4 => Paper::A4,
                        PaperSize::Letter => Paper::Letter,
                    },
                    date: print_date(),
                };
                storymap_render::render_pdf(&model, &scope, &options)?
            }
        };
        write_atomically(path, &bytes)
    }

    /// A release slice's id from its id or its name (exactly, else ignoring case).
    pub fn resolve_slice(&self, map_id: &str, name_or_id: &str) -> Result<String, ApiError> {
        let view = self.view(map_id)?;
        let wanted = name_or_id.trim();
        let found = view
            .releases
            .iter()
            .find(|r| r.id == wanted || r.title == wanted)
            .or_else(|| {
                view.releases
                    .iter()
                    .find(|r| r.title.to_lowercase() == wanted.to_lowercase())
            });
        match found {
            Some(release) => Ok(release.id.clone()),
            None => {
                let names: Vec<&str> = view.releases.iter().map(|r| r.title.as_str()).collect();
                Err(ApiError::new(
                    ErrorCode::NotFound,
                    format!(
                        "'{}' has no release slice named '{wanted}'; its slices are: {}",
                        view.map.name,
                        names.join(", ")
                    ),
                ))
            }
        }
    }
}
