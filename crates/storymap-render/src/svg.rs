//! The whole map, or one slice, as one SVG image with the map's name above it.

use std::fmt::Write;

use storymap_core::MapModel;

use crate::draw::{self, Look, INK, MUTED, SCREEN};
use crate::fonts::Weight;
use crate::grid::{self, Grid, COL_W, LABEL_W};
use crate::text::{escape, Font};
use crate::{RenderError, Scope};

const MARGIN: f32 = 32.0;
const HEADER_H: f32 = 64.0;
const MAP_TITLE: Font = Font::new(Weight::Bold, 24.0);
const SUBTITLE: Font = Font::new(Weight::Medium, 13.0);

/// The font stack: the renderers only know the bundled Inter; a browser showing the SVG
/// on a machine without Inter falls back to a similar sans-serif.
pub(crate) const FONT_STACK: &str = "Inter, 'Segoe UI', Helvetica, Arial, sans-serif";

/// The opening `<svg>` tag and the canvas, `width` × `height` pixels.
pub(crate) fn open(out: &mut String, width: f32, height: f32, title: &str, look: &Look) {
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="{FONT_STACK}">"#
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(
        out,
        r#"<rect x="0" y="0" width="{width:.0}" height="{height:.0}" fill="{}"/>"#,
        look.canvas
    );
}

fn subtitle(grid: &Grid) -> String {
    let count = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let stories = count(grid.story_count, "story", "stories");
    let steps = count(grid.columns.len(), "step", "steps");
    match (grid.one_slice, grid.bands.first()) {
        (true, Some(band)) => format!("Release slice “{}” · {steps} · {stories}", band.title),
        _ => format!(
            "{} · {steps} · {} · {stories}",
            count(grid.activities.len(), "activity", "activities"),
            count(grid.bands.len(), "release slice", "release slices"),
        ),
    }
}

/// The map (or one slice of it) as a self-contained SVG document: text as text, escaped.
pub fn render_svg(model: &MapModel, scope: &Scope) -> Result<String, RenderError> {
    let grid = grid::build(model, scope)?;
    let segments = grid.whole_bands();
    let grid_w = LABEL_W + grid.columns.len() as f32 * COL_W;
    let width = (2.0 * MARGIN + grid_w).max(640.0);
    let height = MARGIN + HEADER_H + grid.height_of(&segments) + MARGIN;
    let mut out = String::new();
    open(&mut out, width, height, &grid.name, &SCREEN);
    let name = if grid.name.trim().is_empty() {
        "Untitled map"
    } else {
        &grid.name
    };
    draw::text(&mut out, MARGIN, MARGIN + 24.0, MAP_TITLE, INK, name);
    draw::text(
        &mut out,
        MARGIN,
        MARGIN + 46.0,
        SUBTITLE,
        MUTED,
        &subtitle(&grid),
    );
    let _ = writeln!(
        out,
        r#"<g transform="translate({MARGIN} {:.1})">"#,
        MARGIN + HEADER_H
    );
    draw::grid(&mut out, &grid, 0..grid.columns.len(), &segments, &SCREEN);
    out.push_str("</g>\n</svg>\n");
    Ok(out)
}
