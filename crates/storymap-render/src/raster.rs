//! PNG: the SVG drawn by resvg with the bundled fonts only.

use resvg::{tiny_skia, usvg};
use storymap_core::MapModel;

use crate::{fonts, render_svg, RenderError, Scope, Stage};

/// The longest side a PNG gets; a larger map is drawn at a smaller scale to fit.
pub const MAX_PNG_SIDE: u32 = 16_384;

/// Parses an SVG this crate wrote, with the bundled fonts only.
pub(crate) fn tree(svg: &str) -> Result<usvg::Tree, RenderError> {
    let options = usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        fontdb: fonts::database(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| RenderError::Svg(e.to_string()))
}

/// The map as a PNG at `scale` (2.0 for crisp text on high-density screens), lowered when
/// the image would be wider or taller than [`MAX_PNG_SIDE`] pixels. Tells `on_stage` each
/// stage as it starts.
pub fn render_png(
    model: &MapModel,
    scope: &Scope,
    scale: f32,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<Vec<u8>, RenderError> {
    on_stage(Stage::Layout);
    let svg = render_svg(model, scope)?;
    on_stage(Stage::Painting);
    let tree = tree(&svg)?;
    let size = tree.size();
    let longest = size.width().max(size.height());
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    }
    .min(MAX_PNG_SIDE as f32 / longest);
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| RenderError::Png(format!("cannot allocate a {width} × {height} image")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    on_stage(Stage::Encoding);
    pixmap
        .encode_png()
        .map_err(|e| RenderError::Png(e.to_string()))
}
