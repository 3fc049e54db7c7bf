//! Drawing a [`Grid`] as SVG elements: the backbone, the slice bands with their labels, and
//! the cards, in the app's colours.

use std::fmt::Write;
use std::ops::Range;

use storymap_core::StoryStatus;

use crate::chips::CHIP_ROW_H;
use crate::fonts::Weight;
use crate::grid::*;
use crate::text::{escape, truncate, Font};

pub(crate) const CANVAS: &str = "#f6f7f9";
pub(crate) const INK: &str = "#161b26";
pub(crate) const INK_2: &str = "#394153";
pub(crate) const MUTED: &str = "#687185";
pub(crate) const FAINT: &str = "#a0a7b5";
pub(crate) const LINE: &str = "#e3e6ec";
const RULE: &str = "#cdd3dd";

/// Screen or paper: paper is white, and card edges are a shade darker to survive printing.
pub(crate) struct Look {
    pub canvas: &'static str,
    pub edge: &'static str,
}

pub(crate) const SCREEN: Look = Look {
    canvas: CANVAS,
    edge: LINE,
};

pub(crate) const PAPER: Look = Look {
    canvas: "#ffffff",
    edge: "#d3d8e1",
};
const SUCCESS: &str = "#2f9a5d";

/// The activity tones of the app (`.tone-N`): the band's edge, background and ink.
const TONES: [(&str, &str, &str); 6] = [
    ("#5b6be0", "#e9ecfd", "#262f80"),
    ("#1f9a8a", "#dcf3ef", "#0e4d45"),
    ("#d08a1c", "#fcf0da", "#603b05"),
    ("#cf5575", "#fbe6ec", "#6a1d33"),
    ("#8a5bd3", "#f0e8fc", "#41226f"),
    ("#2f87c4", "#dfeffa", "#143e5e"),
];

/// A status pill's background and ink, as `.status-pill.is-*`.
fn status_colours(status: StoryStatus) -> (&'static str, &'static str) {
    match status {
        StoryStatus::Idea => ("#f3f4f7", "#6a7386"),
        StoryStatus::Draft => ("#f1f2f6", "#4f576a"),
        StoryStatus::Refining => ("#fdf3e1", "#8a5a0c"),
        StoryStatus::Ready => ("#1f8a55", "#ffffff"),
        StoryStatus::InSprint => ("#e8f0fe", "#2456c2"),
        StoryStatus::Done => ("#e3f4ea", "#1c7443"),
    }
}

const ACTIVITY_TITLE: Font = Font::new(Weight::Bold, 15.0);
const STEP_TITLE: Font = Font::new(Weight::SemiBold, 13.5);
const PILL: Font = Font::new(Weight::SemiBold, 11.5);
const ESTIMATE: Font = Font::new(Weight::Bold, 11.5);
const CORNER: Font = Font::new(Weight::Bold, 10.5);

/// One `<text>` element.
pub(crate) fn text(out: &mut String, x: f32, y: f32, font: Font, fill: &str, content: &str) {
    let _ = writeln!(
        out,
        r#"<text x="{x:.1}" y="{y:.1}" font-weight="{}" font-size="{}" fill="{fill}">{}</text>"#,
        font.weight.css(),
        font.size,
        escape(content)
    );
}

/// Text centred on `x`.
pub(crate) fn text_centred(
    out: &mut String,
    x: f32,
    y: f32,
    font: Font,
    fill: &str,
    content: &str,
) {
    let _ = writeln!(
        out,
        r#"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" font-weight="{}" font-size="{}" fill="{fill}">{}</text>"#,
        font.weight.css(),
        font.size,
        escape(content)
    );
}

pub(crate) fn rect(out: &mut String, x: f32, y: f32, w: f32, h: f32, r: f32, style: &str) {
    let _ = writeln!(
        out,
        r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="{r}" {style}/>"#
    );
}

pub(crate) fn line(out: &mut String, x1: f32, y1: f32, x2: f32, y2: f32, style: &str) {
    let _ = writeln!(
        out,
        r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" {style}/>"#
    );
}

/// Draws the backbone over `columns` and the `segments` below it, the label column at
/// x = 0 and the first column at [`LABEL_W`]; returns the height drawn.
pub(crate) fn grid(
    out: &mut String,
    grid: &Grid,
    columns: Range<usize>,
    segments: &[Segment],
    look: &Look,
) -> f32 {
    let col_x = |c: usize| LABEL_W + (c - columns.start) as f32 * COL_W;
    let right = col_x(columns.end);
    backbone(out, grid, &columns, &col_x, look);
    let mut y = BACKBONE_H;
    for segment in segments {
        let band = &grid.bands[segment.band];
        let height = band.segment_height(&segment.levels, segment.continued);
        line(
            out,
            0.0,
            y,
            right,
            y,
            &format!(r#"stroke="{RULE}" stroke-width="2""#),
        );
        band_label(out, band, segment.continued, y);
        for c in columns.clone() {
            let cell = &band.cells[c];
            let mut card_y = y + CELL_PAD_TOP;
            let levels = segment.levels.start.min(cell.len())..segment.levels.end.min(cell.len());
            for card_item in &cell[levels] {
                card(out, card_item, col_x(c) + CELL_PAD_X, card_y, look);
                card_y += card_item.height + CARD_GAP;
            }
        }
        y += height;
    }
    line(
        out,
        LABEL_W,
        BACKBONE_H,
        LABEL_W,
        y,
        &format!(r#"stroke="{LINE}" stroke-width="1""#),
    );
    y
}

/// A faint capital label in the corner, as the app names its header rows.
fn corner_label(out: &mut String, y: f32, label: &str) {
    let _ = writeln!(
        out,
        r#"<text x="{LABEL_PAD}" y="{y:.1}" font-weight="{}" font-size="{}" letter-spacing="0.9" fill="{FAINT}">{label}</text>"#,
        CORNER.weight.css(),
        CORNER.size,
    );
}

fn backbone(
    out: &mut String,
    grid: &Grid,
    columns: &Range<usize>,
    col_x: &dyn Fn(usize) -> f32,
    look: &Look,
) {
    corner_label(out, 25.0, "ACTIVITIES");
    corner_label(out, ACTIVITY_H + BACKBONE_GAP + 25.0, "STEPS");
    for activity in &grid.activities {
        let start = activity.columns.start.max(columns.start);
        let end = activity.columns.end.min(columns.end);
        if start >= end {
            continue;
        }
        let (edge, background, ink) = TONES[activity.tone % TONES.len()];
        let x = col_x(start) + 5.0;
        let w = col_x(end) - col_x(start) - 10.0;
        // The tone shows as a 3-pixel edge along the top, like the app's inset shadow.
        rect(
            out,
            x,
            0.0,
            w,
            ACTIVITY_H,
            10.0,
            &format!(r#"fill="{edge}""#),
        );
        rect(
            out,
            x,
            3.0,
            w,
            ACTIVITY_H - 3.0,
            10.0,
            &format!(r#"fill="{background}""#),
        );
        let room = match &activity.persona {
            Some(persona) => crate::persona_mark::persona_mark(out, persona, x + w, w, ink),
            None => 0.0,
        };
        let title = truncate(&activity.title, ACTIVITY_TITLE, w - 28.0 - room);
        text(out, x + 14.0, 27.0, ACTIVITY_TITLE, ink, &title);
    }
    let step_y = ACTIVITY_H + BACKBONE_GAP;
    for c in columns.clone() {
        let column = &grid.columns[c];
        let (edge, _, _) = TONES[column.tone % TONES.len()];
        let x = col_x(c) + 5.0;
        let w = COL_W - 10.0;
        rect(out, x, step_y, w, STEP_H, 8.0, &format!(r#"fill="{edge}""#));
        rect(
            out,
            x + 3.0,
            step_y,
            w - 3.0,
            STEP_H,
            7.0,
            r##"fill="#ffffff""##,
        );
        rect(
            out,
            x,
            step_y,
            w,
            STEP_H,
            8.0,
            &format!(r#"fill="none" stroke="{}" stroke-width="1""#, look.edge),
        );
        let title = truncate(&column.title, STEP_TITLE, w - 26.0);
        text(out, x + 14.0, step_y + 26.0, STEP_TITLE, INK_2, &title);
    }
}

fn band_label(out: &mut String, band: &Band, continued: bool, top: f32) {
    let x = LABEL_PAD;
    let mut y = top + LABEL_PAD + 15.0;
    for line in &band.title_lines {
        text(out, x, y, SLICE_TITLE, INK, line);
        y += LABEL_TITLE_LINE_H;
    }
    if continued {
        text(out, x, y + 1.0, ROLLUP, FAINT, "continued");
        return;
    }
    y += 4.0;
    for line in &band.rollup_lines {
        text(out, x, y, ROLLUP, MUTED, line);
        y += ROLLUP_LINE_H;
    }
    if band.stories > 0 {
        let track = 110.0_f32.min(LABEL_TEXT_W);
        let done = track * band.done as f32 / band.stories as f32;
        let bar_y = y - 6.0;
        rect(out, x, bar_y, track, PROGRESS_H, 2.5, r##"fill="#e3e7ed""##);
        if done > 0.0 {
            rect(
                out,
                x,
                bar_y,
                done.max(PROGRESS_H),
                PROGRESS_H,
                2.5,
                &format!(r#"fill="{SUCCESS}""#),
            );
        }
    }
}

fn card(out: &mut String, card: &Card, x: f32, y: f32, look: &Look) {
    let h = card.height;
    // A soft shadow drawn as offset rectangles: filters would rasterise in the PDF.
    rect(
        out,
        x,
        y + 1.5,
        CARD_W,
        h,
        10.0,
        r##"fill="#161b26" fill-opacity="0.05""##,
    );
    rect(
        out,
        x,
        y,
        CARD_W,
        h,
        10.0,
        &format!(
            r##"fill="#ffffff" stroke="{}" stroke-width="1""##,
            look.edge
        ),
    );
    let title_ink = if card.status == StoryStatus::Done {
        "#4b5366"
    } else {
        INK
    };
    let mut baseline = y + CARD_PAD + 13.0;
    for line in &card.title_lines {
        text(out, x + CARD_PAD, baseline, CARD_TITLE, title_ink, line);
        baseline += TITLE_LINE_H;
    }
    let meta_y = y + h - CARD_PAD + 4.0 - META_H;
    if !card.chips.is_empty() {
        let top = meta_y - crate::chips::rows(&card.chips) as f32 * CHIP_ROW_H + 2.0;
        crate::chips::draw_chips(out, &card.chips, x, top);
    }
    status_pill(out, card, x + CARD_PAD - 2.0, meta_y);
    if let Some(estimate) = &card.estimate {
        let w = (ESTIMATE.width(estimate) + 12.0).max(24.0);
        let ex = x + CARD_W - CARD_PAD - w + 2.0;
        rect(
            out,
            ex,
            meta_y,
            w,
            META_H,
            6.0,
            &format!(r##"fill="#f6f7f9" stroke="{LINE}" stroke-width="1""##),
        );
        text_centred(out, ex + w / 2.0, meta_y + 14.0, ESTIMATE, INK_2, estimate);
    }
}

fn status_pill(out: &mut String, card: &Card, x: f32, y: f32) {
    let (background, ink) = status_colours(card.status);
    let label = truncate(&card.status_label, PILL, CARD_W - 90.0);
    let w = 8.0 + 7.0 + 5.0 + PILL.width(&label) + 9.0;
    rect(
        out,
        x,
        y,
        w,
        META_H,
        META_H / 2.0,
        &format!(r#"fill="{background}""#),
    );
    let (cx, cy) = (x + 8.0 + 3.5, y + META_H / 2.0);
    match card.status {
        StoryStatus::Ready => {
            // The app's check mark in place of the dot.
            let _ = writeln!(
                out,
                r#"<path d="M{:.1} {:.1} l2.4 2.4 l4.4 -4.8" fill="none" stroke="{ink}" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"/>"#,
                cx - 3.4,
                cy
            );
        }
        StoryStatus::Idea => {
            let _ = writeln!(
                out,
                r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="3" fill="none" stroke="#a3aab8" stroke-width="1.5"/>"##
            );
        }
        _ => {
            let _ = writeln!(
                out,
                r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="3.5" fill="{ink}"/>"#
            );
        }
    }
    text(out, x + 8.0 + 7.0 + 5.0, y + 14.0, PILL, ink, &label);
}
