//! The words a POPM says and sends after a session: the headline ("We've refined 8 items
//! — 6 ready (29 pts), 1 parked, 1 needs UX input") and the stakeholder update, in plain
//! text or Markdown, which the UI lets them edit before copying.

use super::report::{Outcome, ReportNote, SessionReport};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

fn points(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value}")
    } else {
        format!("{value:.1}")
    }
}

/// "one" to "ten", then digits.
fn word(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

fn verb(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", word(n), if n == 1 { one } else { many })
}

impl SessionReport {
    /// "We've refined 8 items — 7 ready (34 pts; one awaiting UX sign-off), 1 parked".
    /// A story waiting for input counts as ready when it otherwise meets the Definition of
    /// Ready ([`Outcome::NeedsInput`]), here and in the stakeholder sentence alike.
    pub fn headline(&self) -> String {
        let refined = self.refined();
        if refined == 0 {
            return "No items refined yet".to_owned();
        }
        let ready = self.count(Outcome::is_ready);
        let awaiting: Vec<String> = self
            .needs_input_when(true)
            .into_iter()
            .map(|(who, n)| format!("{} awaiting {who} sign-off", word(n)))
            .collect();
        let awaiting = if awaiting.is_empty() {
            String::new()
        } else {
            format!("; {}", awaiting.join(", "))
        };
        let mut parts = vec![format!(
            "{ready} ready ({} pts{awaiting})",
            points(self.ready_points())
        )];
        let mut add = |n: usize, text: String| {
            if n > 0 {
                parts.push(text);
            }
        };
        let split = self.count(|o| *o == Outcome::Split);
        add(split, format!("{split} split"));
        let parked = self.count(|o| *o == Outcome::Parked);
        add(parked, format!("{parked} parked"));
        for (who, n) in self.needs_input_when(false) {
            let needs = if n == 1 { "needs" } else { "need" };
            add(n, format!("{n} {needs} {who} input"));
        }
        let not_ready = self.count(|o| *o == Outcome::NotReady);
        add(not_ready, format!("{not_ready} not ready yet"));
        let items = if refined == 1 { "item" } else { "items" };
        format!("We've refined {refined} {items} — {}", parts.join(", "))
    }

    /// "The top 10 backlog items are ready for the next sprint; one needs UX input before
    /// final sign-off." Counts as [`SessionReport::headline`] does.
    pub fn stakeholder_sentence(&self) -> String {
        let refined = self.refined();
        let mut clauses = Vec::new();
        if refined == 0 {
            clauses.push("No backlog items were refined yet".to_owned());
        } else {
            let ready = self.count(Outcome::is_ready);
            clauses.push(match (ready, refined) {
                (1, 1) => "The top backlog item is ready for the next sprint".to_owned(),
                (r, n) if r == n => {
                    format!("The top {n} backlog items are ready for the next sprint")
                }
                (0, 1) => "The top backlog item is not ready for the next sprint yet".to_owned(),
                (0, n) => {
                    format!("None of the top {n} backlog items is ready for the next sprint yet")
                }
                (r, n) => format!(
                    "{r} of the top {n} backlog items {} ready for the next sprint",
                    if r == 1 { "is" } else { "are" }
                ),
            });
            for (who, n) in self.needs_input_when(true) {
                let needs = verb(n, "needs", "need");
                clauses.push(format!("{needs} {who} input before final sign-off"));
            }
            for (who, n) in self.needs_input_when(false) {
                let needs = verb(n, "needs", "need");
                let before = if n == 1 { "it is" } else { "they are" };
                clauses.push(format!("{needs} {who} input before {before} ready"));
            }
        }
        let mut add = |outcome: Outcome, one: &str, many: &str| {
            let n = self.count(|o| *o == outcome);
            if n > 0 {
                clauses.push(verb(n, one, many));
            }
        };
        add(
            Outcome::Split,
            "was split into smaller stories",
            "were split into smaller stories",
        );
        add(Outcome::Parked, "is parked", "are parked");
        add(
            Outcome::NotReady,
            "needs more refinement",
            "need more refinement",
        );
        add(Outcome::NotDiscussed, "was not reached", "were not reached");
        format!("{}.", clauses.join("; "))
    }
}

fn section(out: &mut String, format: Format, heading: &str, lines: Vec<String>) {
    if lines.is_empty() {
        return;
    }
    match format {
        Format::Markdown => *out += &format!("\n### {heading}\n\n"),
        Format::Text => *out += &format!("\n{heading}:\n"),
    }
    for line in lines {
        *out += &format!("- {line}\n");
    }
}

fn title(format: Format, title: &str) -> String {
    match format {
        Format::Markdown => format!("**{title}**"),
        Format::Text => format!("'{title}'"),
    }
}

fn note(format: Format, note: &ReportNote) -> String {
    match &note.story {
        Some(story) => format!("{}: {}", title(format, story), note.text),
        None => note.text.clone(),
    }
}

/// The stakeholder update: the sentence, the headline, the health line, the objectives the
/// ready work serves, then decisions, splits, estimate
/// changes, criteria added, open blockers, who read what and next steps (empty sections left out).
pub fn stakeholder_update(report: &SessionReport, format: Format) -> String {
    let sentence = match format {
        Format::Markdown => format!("**{}**", report.stakeholder_sentence()),
        Format::Text => report.stakeholder_sentence(),
    };
    let mut out = format!("{sentence}\n\n{}.\n{}.\n", report.headline(), report.health);
    if !report.objectives.is_empty() {
        out += &format!("The ready work serves {}.\n", report.objectives.join(", "));
    }
    let t = |s: &str| title(format, s);
    let or_none = |e: &Option<String>| e.clone().unwrap_or_else(|| "none".to_owned());
    section(
        &mut out,
        format,
        "Decisions",
        report.decisions.iter().map(|n| note(format, n)).collect(),
    );
    section(
        &mut out,
        format,
        "Splits",
        report
            .splits
            .iter()
            .map(|s| {
                let into: Vec<String> = s.into.iter().map(|c| t(c)).collect();
                format!("{} into {}", t(&s.title), into.join(", "))
            })
            .collect(),
    );
    section(
        &mut out,
        format,
        "Estimate changes",
        report
            .estimate_changes
            .iter()
            .map(|c| format!("{}: {} → {}", t(&c.title), or_none(&c.from), or_none(&c.to)))
            .collect(),
    );
    section(
        &mut out,
        format,
        "Acceptance criteria added",
        report
            .criteria_added
            .iter()
            .map(|c| format!("{}: {}", t(&c.title), c.count))
            .collect(),
    );
    for (heading, lines) in [
        ("Open blockers", &report.open_blockers),
        ("Open cross-team dependencies", &report.cross_team),
    ] {
        section(&mut out, format, heading, lines.clone());
    }
    section(
        &mut out,
        format,
        "Read by",
        report
            .readers()
            .into_iter()
            .map(|(name, titles)| {
                let titles: Vec<String> = titles.iter().map(|s| t(s)).collect();
                format!("{name}: {}", titles.join(", "))
            })
            .collect(),
    );
    section(
        &mut out,
        format,
        "Next steps",
        report.next_steps.iter().map(|n| note(format, n)).collect(),
    );
    out
}
