//! Map images: the story map drawn like the app — the backbone of activities and steps,
//! release slices as bands with their roll-ups, cards with status and estimate — as a
//! self-contained SVG, a PNG, or a paginated PDF to hand out; and the stakeholder page, one
//! self-contained read-only HTML file of the map with each card's readiness (`html/`).
//!
//! Pure: it reads a `storymap_core::MapModel` and returns bytes; the caller writes files and passes in
//! anything that changes (the date printed on PDF pages). Drawing a large map takes a while,
//! so the PNG and PDF renderers tell the caller each [`Stage`] as they reach it. Text is set in the bundled Inter
//! (`assets/fonts/`, OFL), never a system font, so every machine draws the same image.

mod chips;
mod draw;
mod fonts;
mod grid;
mod html;
mod persona_mark;
mod print;
mod raster;
mod svg;
mod text;

pub use html::{render_html, HtmlPage, SessionSummary, CONTENT_SECURITY_POLICY};
pub use print::{print_pages, render_pdf, Paper, PrintOptions};
pub use raster::{render_png, MAX_PNG_SIDE};
pub use svg::render_svg;

/// How far drawing an image has got, for the caller's progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Placing the backbone, the bands and the cards (and, for print, cutting the pages).
    Layout,
    /// Painting a PNG's pixels.
    Painting,
    /// Pages of a PDF drawn so far, out of all of them.
    Pages { done: usize, total: usize },
    /// Compressing a PNG.
    Encoding,
}

/// What part of the map to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    WholeMap,
    /// One release slice, by id: the backbone and that slice's band.
    Slice(String),
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the map has no release slice with id '{0}'")]
    UnknownSlice(String),
    #[error("the map image could not be read back for drawing: {0}")]
    Svg(String),
    #[error("the PNG could not be drawn: {0}")]
    Png(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}
