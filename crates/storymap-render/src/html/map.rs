//! The map as a table laid out like the app: the backbone (activities over their steps) as
//! the header, repeated on every printed page, then one row per release slice with its
//! totals in the first column and its cards under their steps.

use std::collections::HashMap;

use storymap_core::refine::MapIndex;
use storymap_core::{MapModel, SliceRollup};

use super::cards::{card, Card};
use super::text::escape;
use crate::grid::rollup_parts;
use crate::{RenderError, Scope};

/// Screen widths (CSS pixels) of the label column and of each step's column.
const LABEL_W: usize = 190;
const COLUMN_W: usize = 180;
/// The activity colours the app cycles through (`style::CSS` has one class per tone).
const TONES: usize = 6;

struct Activity {
    title: String,
    steps: Vec<String>,
}

struct Band {
    title: String,
    rollup: SliceRollup,
    cells: Vec<Vec<Card>>,
}

pub(super) struct MapTable {
    activities: Vec<Activity>,
    bands: Vec<Band>,
    pub story_count: usize,
    pub band_count: usize,
}

impl MapTable {
    pub fn build(model: &MapModel, scope: &Scope) -> Result<MapTable, RenderError> {
        if let Scope::Slice(slice) = scope {
            if !model.releases.iter().any(|r| &r.id == slice) {
                return Err(RenderError::UnknownSlice(slice.clone()));
            }
        }
        let column_of: HashMap<&str, usize> = model
            .step_ids()
            .enumerate()
            .map(|(i, id)| (id, i))
            .collect();
        let mut band_of: HashMap<&str, usize> = HashMap::new();
        let mut bands = Vec::new();
        for (release, rollup) in model.releases.iter().zip(model.rollups()) {
            if matches!(scope, Scope::Slice(id) if id != &release.id) {
                continue;
            }
            band_of.insert(release.id.as_str(), bands.len());
            bands.push(Band {
                title: release.title.clone(),
                rollup,
                cells: (0..column_of.len()).map(|_| Vec::new()).collect(),
            });
        }
        let index = MapIndex::new(model);
        let mut story_count = 0;
        for story in &model.stories {
            let (Some(&band), Some(&column)) = (
                band_of.get(story.release_id.as_str()),
                column_of.get(story.step_id.as_str()),
            ) else {
                continue;
            };
            bands[band].cells[column].push(card(model, &index, story));
            story_count += 1;
        }
        let activities = model
            .activities
            .iter()
            .map(|a| Activity {
                title: a.title.clone(),
                steps: a.steps.iter().map(|s| s.title.clone()).collect(),
            })
            .collect();
        Ok(MapTable {
            activities,
            band_count: bands.len(),
            bands,
            story_count,
        })
    }

    fn column_count(&self) -> usize {
        self.activities.iter().map(|a| a.steps.len()).sum()
    }

    pub fn write(&self, out: &mut String) {
        let columns = self.column_count();
        out.push_str("<section class=\"map\" aria-label=\"The story map\">\n");
        if columns == 0 {
            out.push_str("<p class=\"empty\">This map has no steps yet.</p>\n</section>\n");
            return;
        }
        out.push_str(&format!(
            "<div class=\"scroll\">\n<table class=\"grid\" style=\"min-width: {}px\">\n",
            LABEL_W + columns * COLUMN_W
        ));
        out.push_str("<colgroup><col class=\"label-col\">");
        out.push_str(&format!("<col span=\"{columns}\"></colgroup>\n"));
        self.write_backbone(out);
        for band in &self.bands {
            band.write(out);
        }
        out.push_str("</table>\n</div>\n</section>\n");
    }

    fn write_backbone(&self, out: &mut String) {
        out.push_str("<thead>\n<tr class=\"activities\">");
        out.push_str("<th class=\"corner\" rowspan=\"2\" scope=\"col\">Release slices</th>");
        for (tone, activity) in self.activities.iter().enumerate() {
            if activity.steps.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "<th class=\"activity tone-{}\" colspan=\"{}\" scope=\"colgroup\">{}</th>",
                tone % TONES,
                activity.steps.len(),
                escape(&activity.title)
            ));
        }
        out.push_str("</tr>\n<tr class=\"steps\">");
        for (tone, activity) in self.activities.iter().enumerate() {
            for step in &activity.steps {
                out.push_str(&format!(
                    "<th class=\"step tone-{}\" scope=\"col\">{}</th>",
                    tone % TONES,
                    escape(step)
                ));
            }
        }
        out.push_str("</tr>\n</thead>\n");
    }
}

impl Band {
    fn write(&self, out: &mut String) {
        let rollup = &self.rollup;
        let done = if rollup.stories == 0 {
            0.0
        } else {
            100.0 * f64::from(rollup.done) / f64::from(rollup.stories)
        };
        out.push_str("<tbody class=\"band\">\n<tr>");
        out.push_str(&format!(
            "<th class=\"band-label\" scope=\"row\"><div class=\"band-title\">{}</div>\
             <div class=\"rollup\">{}</div>",
            escape(&self.title),
            escape(&rollup_parts(rollup).join(" · "))
        ));
        if rollup.unestimated > 0 {
            out.push_str(&format!(
                "<div class=\"rollup-note\">{} not estimated</div>",
                rollup.unestimated
            ));
        }
        if rollup.stories > 0 {
            out.push_str(&format!(
                "<div class=\"progress\" title=\"{:.0}% done\"><span style=\"width: {done:.1}%\"></span></div>",
                done
            ));
        }
        out.push_str("</th>");
        for cell in &self.cells {
            out.push_str("<td class=\"cell\">");
            for card in cell {
                card.write(out);
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n</tbody>\n");
    }
}
