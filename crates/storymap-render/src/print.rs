//! The print layout: the map split into landscape pages by columns (steps) and rows
//! (slices), the backbone and the slice labels repeated on every page, each page headed
//! with the map's name, the date and "page 2 of 4"; combined into one PDF.

use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use storymap_core::MapModel;

use crate::draw::{self, INK, LINE, MUTED, PAPER};
use crate::fonts::Weight;
use crate::grid::{self, Grid, Segment, BACKBONE_H, COL_W, LABEL_W};
use crate::raster::tree;
use crate::svg::open;
use crate::text::{truncate, Font};
use crate::{RenderError, Scope, Stage};

/// Paper, always landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (841.89, 595.28),
            Paper::Letter => (792.0, 612.0),
        }
    }
}

#[derive(Debug, Clone)]
pub struct PrintOptions {
    pub paper: Paper,
    /// Printed on every page as given, e.g. "26 November 2026".
    pub date: String,
}

const MARGIN: f32 = 28.0;
/// The page header above the map: name, locator, rule.
const HEADER_H: f32 = 44.0;
/// The map is drawn at two thirds of its screen size: card titles print at 9 pt.
const SCALE: f32 = 0.66;
const PAGE_TITLE: Font = Font::new(Weight::Bold, 13.0);
const PAGE_META: Font = Font::new(Weight::Medium, 8.5);

/// The columns of each page across, as even as the page width allows.
fn column_groups(count: usize, per_page: usize) -> Vec<Range<usize>> {
    if count == 0 {
        return std::iter::once(0..0).collect();
    }
    let pages = count.div_ceil(per_page);
    let base = count / pages;
    let extra = count % pages;
    let mut start = 0;
    (0..pages)
        .map(|i| {
            let len = base + usize::from(i < extra);
            start += len;
            start - len..start
        })
        .collect()
}

/// The bands of each page down. A band that does not fit below another starts a page; one
/// taller than a whole page is cut between cards and continues on the next. Heights count
/// every column, so pages across line up like tiles.
fn row_groups(grid: &Grid, room: f32) -> Vec<Vec<Segment>> {
    let mut pages: Vec<Vec<Segment>> = vec![Vec::new()];
    let mut used = 0.0;
    for (index, band) in grid.bands.iter().enumerate() {
        let levels = band.levels();
        let whole = band.segment_height(&(0..levels), false);
        if whole > room - used && !pages.last().is_some_and(Vec::is_empty) && whole <= room {
            pages.push(Vec::new());
            used = 0.0;
        }
        let mut start = 0;
        loop {
            let continued = start > 0;
            // The most cards (levels) that fit in what is left of this page.
            let mut end = levels;
            while end > start + 1 && band.segment_height(&(start..end), continued) > room - used {
                end -= 1;
            }
            let height = band.segment_height(&(start..end), continued);
            if height > room - used && !pages.last().is_some_and(Vec::is_empty) {
                pages.push(Vec::new());
                used = 0.0;
                continue;
            }
            pages.last_mut().expect("one page").push(Segment {
                band: index,
                levels: start..end,
                continued,
            });
            used += height;
            if end >= levels {
                break;
            }
            pages.push(Vec::new());
            used = 0.0;
            start = end;
        }
    }
    pages
}

/// "Steps 6–9 of 9 · MVP, Release 2": where a page sits in the whole map.
fn locator(grid: &Grid, columns: &Range<usize>, segments: &[Segment]) -> String {
    let steps = match columns.len() {
        0 => "No steps".to_owned(),
        1 => format!("Step {} of {}", columns.start + 1, grid.columns.len()),
        _ => format!(
            "Steps {}–{} of {}",
            columns.start + 1,
            columns.end,
            grid.columns.len()
        ),
    };
    let mut slices: Vec<&str> = Vec::new();
    for segment in segments {
        let title = grid.bands[segment.band].title.as_str();
        if slices.last() != Some(&title) {
            slices.push(title);
        }
    }
    if slices.is_empty() {
        steps
    } else {
        format!("{steps} · {}", slices.join(", "))
    }
}

/// Every page of the print layout as an SVG document, in reading order (across, then down).
pub fn print_pages(
    model: &MapModel,
    scope: &Scope,
    options: &PrintOptions,
) -> Result<Vec<String>, RenderError> {
    let grid = grid::build(model, scope)?;
    let (width, height) = options.paper.size();
    let inner_w = (width - 2.0 * MARGIN) / SCALE;
    let inner_h = (height - 2.0 * MARGIN - HEADER_H) / SCALE;
    let per_page = (((inner_w - LABEL_W) / COL_W).floor() as usize).max(1);
    let columns = column_groups(grid.columns.len(), per_page);
    let rows = row_groups(&grid, inner_h - BACKBONE_H);
    let total = columns.len() * rows.len();
    let mut pages = Vec::with_capacity(total);
    for segments in &rows {
        for cols in &columns {
            let number = pages.len() + 1;
            pages.push(page(&grid, options, cols, segments, number, total));
        }
    }
    Ok(pages)
}

fn page(
    grid: &Grid,
    options: &PrintOptions,
    columns: &Range<usize>,
    segments: &[Segment],
    number: usize,
    total: usize,
) -> String {
    let (width, height) = options.paper.size();
    let mut out = String::new();
    open(&mut out, width, height, &grid.name, &PAPER);
    let meta = format!("{} · page {number} of {total}", options.date);
    let meta_w = PAGE_META.width(&meta);
    let right = width - MARGIN;
    let name = truncate(&grid.name, PAGE_TITLE, right - MARGIN - meta_w - 24.0);
    draw::text(&mut out, MARGIN, MARGIN + 12.0, PAGE_TITLE, INK, &name);
    draw::text(
        &mut out,
        right - meta_w,
        MARGIN + 11.0,
        PAGE_META,
        MUTED,
        &meta,
    );
    let where_on_map = truncate(&locator(grid, columns, segments), PAGE_META, right - MARGIN);
    draw::text(
        &mut out,
        MARGIN,
        MARGIN + 27.0,
        PAGE_META,
        MUTED,
        &where_on_map,
    );
    draw::line(
        &mut out,
        MARGIN,
        MARGIN + 35.0,
        right,
        MARGIN + 35.0,
        &format!(r#"stroke="{LINE}" stroke-width="0.8""#),
    );
    let _ = writeln!(
        out,
        r#"<g transform="translate({MARGIN} {:.1}) scale({SCALE})">"#,
        MARGIN + HEADER_H
    );
    draw::grid(&mut out, grid, columns.clone(), segments, &PAPER);
    out.push_str("</g>\n</svg>\n");
    out
}

/// The print layout as one PDF, a page per page of [`print_pages`]; text stays text
/// (the bundled fonts are embedded, subset). Tells `on_stage` the layout, then each page
/// drawn.
pub fn render_pdf(
    model: &MapModel,
    scope: &Scope,
    options: &PrintOptions,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<Vec<u8>, RenderError> {
    on_stage(Stage::Layout);
    let pages = print_pages(model, scope, options)?;
    let total = pages.len();
    on_stage(Stage::Pages { done: 0, total });
    let (width, height) = options.paper.size();
    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let tree_id = alloc.bump();
    let info_id = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_ids = Vec::with_capacity(pages.len());
    let svg_name = Name(b"Map");
    for svg in &pages {
        let (chunk, svg_ref) =
            svg2pdf::to_chunk(&tree(svg)?, svg2pdf::ConversionOptions::default())
                .map_err(|e| RenderError::Pdf(e.to_string()))?;
        let mut renumbered = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let svg_id = renumbered[&svg_ref];
        let page_id = alloc.bump();
        let content_id = alloc.bump();
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, width, height));
        page.parent(tree_id);
        page.contents(content_id);
        page.resources().x_objects().pair(svg_name, svg_id);
        page.finish();
        // The SVG's XObject is one point square: stretch it over the page.
        let mut content = Content::new();
        content
            .transform([width, 0.0, 0.0, height, 0.0, 0.0])
            .x_object(svg_name);
        pdf.stream(content_id, &content.finish());
        pdf.extend(&chunk);
        page_ids.push(page_id);
        on_stage(Stage::Pages {
            done: page_ids.len(),
            total,
        });
    }
    pdf.catalog(catalog_id).pages(tree_id);
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    pdf.document_info(info_id)
        .title(TextStr(&model.name))
        .producer(TextStr("Storymap"));
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_split_evenly() {
        assert_eq!(column_groups(9, 5), [0..5, 5..9]);
        assert_eq!(column_groups(10, 4), [0..4, 4..7, 7..10]);
        assert_eq!(
            column_groups(3, 5),
            std::iter::once(0..3).collect::<Vec<_>>()
        );
        assert_eq!(
            column_groups(0, 5),
            std::iter::once(0..0).collect::<Vec<_>>()
        );
    }
}
