//! Map images: the map drawn by `storymap-render` as PNG, SVG or PDF and written to a file,
//! reporting each stage (a large map takes seconds to draw).

use std::path::Path;

use storymap_render::{Paper, PrintOptions, RenderError, Scope, Stage};

use crate::dto_image::{ImageFormat, ImageScope, PaperSize};
use crate::files::{operation, write_atomically};
use crate::progress::Progress;
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

/// A drawing stage as the progress bar words it: step, done, total.
fn step(stage: Stage) -> (&'static str, usize, usize) {
    match stage {
        Stage::Layout => ("Laying out the map", 0, 0),
        Stage::Painting => ("Drawing the map", 0, 0),
        Stage::Pages { done, total } => ("Drawing pages", done, total),
        Stage::Encoding => ("Compressing the image", 0, 0),
    }
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
        let mut progress = Progress::new(self.progress.as_ref(), operation("Exporting", path));
        progress.report("Reading the map", 0, 0);
        let model = self.store.read_model(map_id)?;
        let scope = match scope {
            ImageScope::WholeMap => Scope::WholeMap,
            ImageScope::Slice { release_id } => Scope::Slice(release_id),
        };
        let mut on_stage = |stage| {
            let (step, done, total) = step(stage);
            progress.report(step, done, total);
        };
        let bytes = match format {
            ImageFormat::Png => {
                storymap_render::render_png(&model, &scope, PNG_SCALE, &mut on_stage)?
            }
            ImageFormat::Svg => {
                // Laid out and drawn in one go: it is text.
                progress.report("Drawing the map", 0, 0);
                storymap_render::render_svg(&model, &scope)?.into_bytes()
            }
            ImageFormat::Pdf { paper } => {
                let options = PrintOptions {
                    paper: match paper {
                        PaperSize::A4 => Paper::A4,
                        PaperSize::Letter => Paper::Letter,
                    },
                    date: print_date(),
                };
                storymap_render::render_pdf(&model, &scope, &options, &mut on_stage)?
            }
        };
        progress.report("Writing the file", 0, 0);
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
