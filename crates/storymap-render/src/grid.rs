//! The map as a grid to draw: steps as columns under their activities, release slices as
//! bands, and every card sized (its title wrapped) once, whatever the output.

use std::collections::HashMap;
use std::ops::Range;

use storymap_core::personas::{Persona, PersonaIndex};
use storymap_core::{MapModel, Story, StoryStatus};

use crate::chips::{chips, layout, rows, Placed, CHIP_ROW_H};
use crate::fonts::Weight;
use crate::text::{wrap, Font};
use crate::{RenderError, Scope};

// Sizes in SVG pixels at 1×. A PDF page draws them smaller (see `print`).
pub(crate) const LABEL_W: f32 = 170.0;
pub(crate) const COL_W: f32 = 200.0;
pub(crate) const CELL_PAD_X: f32 = 6.0;
pub(crate) const CARD_W: f32 = COL_W - 2.0 * CELL_PAD_X;
pub(crate) const ACTIVITY_H: f32 = 42.0;
pub(crate) const STEP_H: f32 = 42.0;
pub(crate) const BACKBONE_GAP: f32 = 8.0;
/// The backbone: activities, then steps, then a gap before the first band.
pub(crate) const BACKBONE_H: f32 = ACTIVITY_H + BACKBONE_GAP + STEP_H + BACKBONE_GAP;
pub(crate) const CELL_PAD_TOP: f32 = 14.0;
pub(crate) const CELL_PAD_BOTTOM: f32 = 16.0;
pub(crate) const CARD_GAP: f32 = 8.0;
pub(crate) const CARD_PAD: f32 = 11.0;
pub(crate) const TITLE_LINE_H: f32 = 18.0;
pub(crate) const TITLE_MAX_LINES: usize = 3;
pub(crate) const META_H: f32 = 20.0;
pub(crate) const META_GAP: f32 = 9.0;
pub(crate) const LABEL_PAD: f32 = 16.0;
pub(crate) const LABEL_TITLE_LINE_H: f32 = 21.0;
pub(crate) const ROLLUP_LINE_H: f32 = 17.0;
pub(crate) const PROGRESS_H: f32 = 5.0;

pub(crate) const CARD_TITLE: Font = Font::new(Weight::Medium, 13.5);
pub(crate) const SLICE_TITLE: Font = Font::new(Weight::Bold, 17.0);
pub(crate) const ROLLUP: Font = Font::new(Weight::Medium, 12.5);

pub(crate) struct Grid {
    pub name: String,
    pub activities: Vec<ActivitySpan>,
    pub columns: Vec<Column>,
    pub bands: Vec<Band>,
    pub story_count: usize,
    /// Only one slice is drawn.
    pub one_slice: bool,
}

pub(crate) struct ActivitySpan {
    pub title: String,
    pub tone: usize,
    pub columns: Range<usize>,
    /// Who does it, drawn at the band's right end.
    pub persona: Option<Persona>,
}

pub(crate) struct Column {
    pub title: String,
    pub tone: usize,
}

pub(crate) struct Band {
    pub title: String,
    pub title_lines: Vec<String>,
    pub rollup_lines: Vec<String>,
    pub stories: u32,
    pub done: u32,
    /// Per column, its cards in display order.
    pub cells: Vec<Vec<Card>>,
}

pub(crate) struct Card {
    pub title_lines: Vec<String>,
    pub status: StoryStatus,
    pub status_label: String,
    pub estimate: Option<String>,
    /// Flags, then coloured labels, laid out in rows.
    pub chips: Vec<Placed>,
    pub height: f32,
}

/// A band, or part of one when it is taller than a page: the cards at `levels` (the
/// n-th card of each cell). `continued` when an earlier part was drawn before.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segment {
    pub band: usize,
    pub levels: Range<usize>,
    pub continued: bool,
}

fn points_label(points: f64) -> String {
    if points.fract() == 0.0 {
        format!("{points:.0}")
    } else {
        format!("{points:.1}")
    }
}

/// "17 stories", "47 pts", "10 ready", and "3 done" when any are, as the app's slice header.
pub(crate) fn rollup_parts(rollup: &storymap_core::SliceRollup) -> Vec<String> {
    let stories = match rollup.stories {
        1 => "1 story".to_owned(),
        n => format!("{n} stories"),
    };
    let mut parts = vec![
        stories,
        format!("{} pts", points_label(rollup.points)),
        format!("{} ready", rollup.ready),
    ];
    if rollup.done > 0 {
        parts.push(format!("{} done", rollup.done));
    }
    parts
}

/// Parts joined with " · ", a new line wherever the next part would not fit.
fn flow(parts: &[String], font: Font, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        match lines.last_mut() {
            Some(line) if font.width(&format!("{line} · {part}")) <= width => {
                *line = format!("{line} · {part}");
            }
            _ => lines.push(part.clone()),
        }
    }
    lines
}

pub(crate) const LABEL_TEXT_W: f32 = LABEL_W - 2.0 * LABEL_PAD;

/// The backbone as columns (one per step) under their activity spans, with each step's column.
fn backbone(model: &MapModel) -> (Vec<ActivitySpan>, Vec<Column>, HashMap<&str, usize>) {
    let mut activities = Vec::new();
    let mut columns = Vec::new();
    let mut column_of: HashMap<&str, usize> = HashMap::new();
    let personas = PersonaIndex::new(model);
    for (tone, activity) in model.activities.iter().enumerate() {
        let first = columns.len();
        for step in &activity.steps {
            column_of.insert(step.id.as_str(), columns.len());
            columns.push(Column {
                title: step.title.clone(),
                tone,
            });
        }
        activities.push(ActivitySpan {
            title: activity.title.clone(),
            tone,
            columns: first..columns.len(),
            persona: personas.of_activity(&activity.id).cloned(),
        });
    }
    (activities, columns, column_of)
}

/// The slices in scope as empty bands, with each slice's band.
fn bands<'m>(
    model: &'m MapModel,
    scope: &Scope,
    column_count: usize,
) -> Result<(Vec<Band>, HashMap<&'m str, usize>), RenderError> {
    if let Scope::Slice(slice) = scope {
        if !model.releases.iter().any(|r| &r.id == slice) {
            return Err(RenderError::UnknownSlice(slice.clone()));
        }
    }
    let wanted = |id: &str| match scope {
        Scope::WholeMap => true,
        Scope::Slice(slice) => slice == id,
    };
    let mut bands = Vec::new();
    let mut band_of: HashMap<&str, usize> = HashMap::new();
    for (release, rollup) in model.releases.iter().zip(&model.rollups()) {
        if !wanted(&release.id) {
            continue;
        }
        band_of.insert(release.id.as_str(), bands.len());
        bands.push(Band {
            title: release.title.clone(),
            title_lines: wrap(&release.title, SLICE_TITLE, LABEL_TEXT_W, 3),
            rollup_lines: flow(&rollup_parts(rollup), ROLLUP, LABEL_TEXT_W),
            stories: rollup.stories,
            done: rollup.done,
            cells: (0..column_count).map(|_| Vec::new()).collect(),
        });
    }
    Ok((bands, band_of))
}

/// A story as its card: wrapped title, chips, status label, estimate.
fn card(model: &MapModel, story: &Story) -> Card {
    let title = if story.title.trim().is_empty() {
        "Untitled story"
    } else {
        &story.title
    };
    let title_lines = wrap(title, CARD_TITLE, CARD_W - 2.0 * CARD_PAD, TITLE_MAX_LINES);
    let status_label = model
        .settings
        .status_labels
        .iter()
        .find(|(s, _)| *s == story.status)
        .map_or(story.status.default_label(), |(_, l)| l.as_str());
    let chips = layout(chips(model, story));
    Card {
        height: card_height(title_lines.len(), rows(&chips)),
        chips,
        title_lines,
        status: story.status,
        status_label: status_label.to_owned(),
        estimate: story.estimate.clone(),
    }
}

pub(crate) fn build(model: &MapModel, scope: &Scope) -> Result<Grid, RenderError> {
    let (activities, columns, column_of) = backbone(model);
    let (mut bands, band_of) = bands(model, scope, columns.len())?;
    let mut story_count = 0;
    for story in &model.stories {
        let (Some(&band), Some(&column)) = (
            band_of.get(story.release_id.as_str()),
            column_of.get(story.step_id.as_str()),
        ) else {
            continue;
        };
        bands[band].cells[column].push(card(model, story));
        story_count += 1;
    }
    Ok(Grid {
        name: model.name.clone(),
        activities,
        columns,
        bands,
        story_count,
        one_slice: matches!(scope, Scope::Slice(_)),
    })
}

pub(crate) fn card_height(title_lines: usize, chip_rows: usize) -> f32 {
    let chips = chip_rows as f32 * CHIP_ROW_H;
    CARD_PAD + title_lines.max(1) as f32 * TITLE_LINE_H + chips + META_GAP + META_H + CARD_PAD - 4.0
}

impl Band {
    pub(crate) fn levels(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The height of the label column's content.
    pub(crate) fn label_height(&self, continued: bool) -> f32 {
        let title = self.title_lines.len().max(1) as f32 * LABEL_TITLE_LINE_H;
        if continued {
            return LABEL_PAD * 2.0 + title + ROLLUP_LINE_H;
        }
        let progress = if self.stories > 0 {
            10.0 + PROGRESS_H
        } else {
            0.0
        };
        LABEL_PAD * 2.0 + title + 6.0 + self.rollup_lines.len() as f32 * ROLLUP_LINE_H + progress
    }

    /// How tall the cards at `levels` stack in the tallest cell.
    pub(crate) fn stack_height(&self, levels: &Range<usize>) -> f32 {
        self.cells
            .iter()
            .map(|cell| {
                let cards = &cell[levels.start.min(cell.len())..levels.end.min(cell.len())];
                // With a gap after each card; the caller drops the last one.
                cards.iter().map(|c| c.height + CARD_GAP).sum::<f32>()
            })
            .fold(0.0, f32::max)
    }

    pub(crate) fn segment_height(&self, levels: &Range<usize>, continued: bool) -> f32 {
        let stack = self.stack_height(levels);
        let cards = if stack > 0.0 {
            CELL_PAD_TOP + stack - CARD_GAP + CELL_PAD_BOTTOM
        } else {
            0.0
        };
        cards.max(self.label_height(continued))
    }
}

impl Grid {
    /// Every band whole, in order.
    pub(crate) fn whole_bands(&self) -> Vec<Segment> {
        self.bands
            .iter()
            .enumerate()
            .map(|(band, b)| Segment {
                band,
                levels: 0..b.levels(),
                continued: false,
            })
            .collect()
    }

    pub(crate) fn height_of(&self, segments: &[Segment]) -> f32 {
        BACKBONE_H
            + segments
                .iter()
                .map(|s| self.bands[s.band].segment_height(&s.levels, s.continued))
                .sum::<f32>()
    }
}
