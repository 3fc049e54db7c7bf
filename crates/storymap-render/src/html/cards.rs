//! One story as its card on the page: title, status, estimate, WSJF score, and whether it
//! meets the Definition of Ready, with the INVEST letters it falls short on, and its session flags.

use storymap_core::label_colors::text_color;
use storymap_core::refine::{self, Estimate, InvestLetter, MapIndex, Verdict};
use storymap_core::{MapModel, Story, StoryStatus};

use super::text::escape;

pub(super) struct Card {
    title: String,
    status: StoryStatus,
    status_label: String,
    estimate: Option<String>,
    wsjf: Option<f64>,
    ready: bool,
    /// Definition of Ready checks not met, out of all of them.
    open_checks: (usize, usize),
    /// INVEST letters that warn or fail, with why.
    invest: Vec<(char, String)>,
    too_big_or_vague: bool,
    /// The session flags' names ("Risky", "Research needed").
    flags: Vec<&'static str>,
    /// The labels the team gave a colour: name, colour, text colour on it.
    labels: Vec<(String, String, &'static str)>,
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

fn letter(letter: InvestLetter) -> char {
    match letter {
        InvestLetter::Independent => 'I',
        InvestLetter::Negotiable => 'N',
        InvestLetter::Valuable => 'V',
        InvestLetter::Estimable => 'E',
        InvestLetter::Small => 'S',
        InvestLetter::Testable => 'T',
    }
}

/// "5 pts", "½ pt", "M", "?" — as the card in the app shows it.
fn estimate_label(estimate: Option<&str>) -> Option<String> {
    match Estimate::read(estimate)? {
        Estimate::Points(0.5) => Some("½ pt".to_owned()),
        Estimate::Points(1.0) => Some("1 pt".to_owned()),
        Estimate::Points(p) => Some(format!("{} pts", number(p))),
        Estimate::Unknown => Some("? pts".to_owned()),
        Estimate::TShirt(size) => Some(size.as_str().to_owned()),
    }
}

pub(super) fn card(model: &MapModel, index: &MapIndex<'_>, story: &Story) -> Card {
    let refinement = refine::refine(story, &model.settings, index);
    let title = if story.title.trim().is_empty() {
        "Untitled story".to_owned()
    } else {
        story.title.clone()
    };
    let status_label = model
        .settings
        .status_labels
        .iter()
        .find(|(s, _)| *s == story.status)
        .map_or(story.status.default_label(), |(_, l)| l.as_str())
        .to_owned();
    let checks = &refinement.readiness.checks;
    Card {
        title,
        status: story.status,
        status_label,
        estimate: estimate_label(story.estimate.as_deref()),
        wsjf: refinement.wsjf.map(|w| w.score),
        ready: refinement.readiness.ready,
        open_checks: (checks.iter().filter(|c| !c.passed).count(), checks.len()),
        invest: refinement
            .invest
            .hints
            .iter()
            .filter(|h| h.verdict != Verdict::Pass)
            .map(|h| (letter(h.letter), h.message.clone()))
            .collect(),
        too_big_or_vague: refinement.invest.too_big_or_vague,
        flags: story.details.flags.iter().map(|f| f.label()).collect(),
        labels: story
            .details
            .labels
            .iter()
            .filter_map(|label| {
                let colour = model.settings.label_colors.get(label)?;
                Some((label.clone(), colour.clone(), text_color(colour)))
            })
            .collect(),
    }
}

impl Card {
    pub fn write(&self, out: &mut String) {
        out.push_str(&format!(
            "<article class=\"card status-{}\"><h3 class=\"card-title\">{}</h3>\
             <div class=\"card-meta\"><span class=\"status\">{}</span>",
            self.status.as_str(),
            escape(&self.title),
            escape(&self.status_label)
        ));
        if let Some(estimate) = &self.estimate {
            out.push_str(&format!(
                "<span class=\"estimate\">{}</span>",
                escape(estimate)
            ));
        }
        if let Some(score) = self.wsjf {
            out.push_str(&format!(
                "<span class=\"wsjf\">WSJF {}</span>",
                escape(&format!("{score:.1}"))
            ));
        }
        out.push_str("</div><div class=\"card-checks\">");
        if self.ready {
            out.push_str("<span class=\"dor dor-met\" title=\"Meets the Definition of Ready\">✓ DoR met</span>");
        } else {
            let (open, all) = self.open_checks;
            out.push_str(&format!(
                "<span class=\"dor dor-open\" title=\"Definition of Ready: {open} of {all} checks not met\">\
                 DoR · {open} of {all} open</span>"
            ));
        }
        if !self.invest.is_empty() {
            let letters: String = self.invest.iter().map(|(l, _)| *l).collect();
            let why: Vec<&str> = self.invest.iter().map(|(_, m)| m.as_str()).collect();
            let class = if self.too_big_or_vague {
                "invest invest-vague"
            } else {
                "invest"
            };
            out.push_str(&format!(
                "<span class=\"{class}\" title=\"{}\">INVEST {letters}</span>",
                escape(&why.join(" "))
            ));
        }
        for flag in &self.flags {
            out.push_str(&format!("<span class=\"flag\">⚑ {}</span>", escape(flag)));
        }
        for (label, colour, ink) in &self.labels {
            // Colours are `#rrggbb`, checked where they are set (`label_colors`).
            out.push_str(&format!(
                "<span class=\"label\" style=\"background:{};color:{}\">{}</span>",
                escape(colour),
                ink,
                escape(label)
            ));
        }
        out.push_str("</div></article>");
    }
}
