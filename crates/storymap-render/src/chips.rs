//! A card's chips in an image: the PI objective it serves, its session flags, the other
//! teams it waits on, then its labels the team gave a colour, in rows between the title
//! and the status. What does not
//! fit the card's width is counted ("+2"), never drawn over the edge.

use storymap_core::label_colors::text_color;
use storymap_core::{MapModel, Story, StoryFlag};

use crate::draw::{rect, text};
use crate::fonts::Weight;
use crate::grid::{CARD_PAD, CARD_W};
use crate::text::{escape, truncate, Font};

pub(crate) const CHIP_H: f32 = 17.0;
/// The row's height with the gap above it.
pub(crate) const CHIP_ROW_H: f32 = CHIP_H + 7.0;
const CHIP: Font = Font::new(Weight::SemiBold, 10.5);
const CHIP_GAP: f32 = 4.0;

pub(crate) struct Chip {
    pub text: String,
    pub fill: String,
    pub ink: String,
    /// May take the whole row (the objective, whose title says what it is); other chips
    /// are cut at 60 % of it so several fit.
    pub wide: bool,
}

/// The flag's tint and ink: the app's marker colours (`ui/src/styles/flags.css`).
fn flag_colours(flag: StoryFlag) -> (&'static str, &'static str) {
    match flag {
        StoryFlag::Risky => ("#fdecea", "#a3342c"),
        StoryFlag::Unclear => ("#f3ecfb", "#6a3fa0"),
        StoryFlag::ResearchNeeded => ("#e6f4f1", "#1f6b5c"),
        StoryFlag::DiscussionNeeded => ("#fdf3e1", "#8a5408"),
    }
}

pub(crate) fn chips(model: &MapModel, story: &Story) -> Vec<Chip> {
    // The app's accent, as the objective on the projector.
    let objective = model.objective_of(story).map(|o| Chip {
        text: format!("◎ {}", o.title),
        fill: "#e6e9fc".to_owned(),
        ink: "#3a43ae".to_owned(),
        wide: true,
    });
    let flags = story.details.flags.iter().map(|flag| {
        let (fill, ink) = flag_colours(*flag);
        Chip {
            text: flag.label().to_owned(),
            fill: fill.to_owned(),
            ink: ink.to_owned(),
            wide: false,
        }
    });
    let labels = story.details.labels.iter().filter_map(|label| {
        let colour = model.settings.label_colors.get(label)?;
        Some(Chip {
            text: label.clone(),
            fill: colour.clone(),
            ink: text_color(colour).to_owned(),
            wide: false,
        })
    });
    // The other teams it still waits on, named as on the map in the app.
    let mut teams: Vec<&str> = Vec::new();
    for d in story
        .details
        .external_dependencies
        .iter()
        .filter(|d| d.is_open())
    {
        if !teams.contains(&d.team.as_str()) {
            teams.push(&d.team);
        }
    }
    let teams = teams.into_iter().map(|team| Chip {
        text: format!("⇄ {team}"),
        fill: "#eef0fd".to_owned(),
        ink: "#3a43ae".to_owned(),
        wide: false,
    });
    (objective
        .into_iter()
        .chain(flags)
        .chain(teams)
        .chain(labels))
    .collect()
}

fn chip_width(text: &str) -> f32 {
    CHIP.width(text) + 12.0
}

/// A chip placed on the card: its row and its left edge from the card's padding.
pub(crate) struct Placed {
    pub row: usize,
    pub x: f32,
    pub text: String,
    pub fill: String,
    pub ink: String,
}

/// Lays the chips out in at most `MAX_ROWS` rows; the rest are counted on a last chip.
pub(crate) fn layout(chips: Vec<Chip>) -> Vec<Placed> {
    let width = CARD_W - 2.0 * CARD_PAD + 2.0;
    let count = chips.len();
    let mut placed: Vec<Placed> = Vec::new();
    let (mut row, mut x) = (0, 0.0);
    for (i, chip) in chips.into_iter().enumerate() {
        let room = if chip.wide { width - 12.0 } else { width * 0.6 };
        let text = truncate(&chip.text, CHIP, room);
        let w = chip_width(&text);
        if x > 0.0 && x + w > width {
            (row, x) = (row + 1, 0.0);
        }
        let last_row = row + 1 == MAX_ROWS;
        let more_after = i + 1 < count;
        let room_for_count = if last_row && more_after {
            chip_width("+99") + CHIP_GAP
        } else {
            0.0
        };
        if row == MAX_ROWS || x + w + room_for_count > width {
            let (row, x) = if row == MAX_ROWS {
                (MAX_ROWS - 1, x_after_last(&placed))
            } else {
                (row, x)
            };
            placed.push(Placed {
                row,
                x,
                text: format!("+{}", count - i),
                fill: "#f0f2f5".into(),
                ink: "#394153".into(),
            });
            break;
        }
        placed.push(Placed {
            row,
            x,
            text,
            fill: chip.fill,
            ink: chip.ink,
        });
        x += w + CHIP_GAP;
    }
    placed
}

const MAX_ROWS: usize = 2;

fn x_after_last(placed: &[Placed]) -> f32 {
    placed
        .last()
        .map_or(0.0, |p| p.x + chip_width(&p.text) + CHIP_GAP)
}

/// How many rows the chips take.
pub(crate) fn rows(placed: &[Placed]) -> usize {
    placed.last().map_or(0, |p| p.row + 1)
}

/// Draws the rows with their top at `y`.
pub(crate) fn draw_chips(out: &mut String, placed: &[Placed], x: f32, y: f32) {
    for chip in placed {
        let (cx, cy) = (
            x + CARD_PAD - 2.0 + chip.x,
            y + chip.row as f32 * CHIP_ROW_H,
        );
        let style = format!(r#"fill="{}""#, escape(&chip.fill));
        rect(
            out,
            cx,
            cy,
            chip_width(&chip.text),
            CHIP_H,
            CHIP_H / 2.0,
            &style,
        );
        text(out, cx + 6.0, cy + 12.0, CHIP, &chip.ink, &chip.text);
    }
}
