//! INVEST hints, one per letter, each with a sentence the POPM can act on. A story with two
//! or more failing letters is flagged "too big or too vague" (the refinement guide's rule).

use super::{quoted, Estimate, MapIndex};
use crate::{MapSettings, Story, StoryStatus};

/// More criteria than this leave little to negotiate.
const NEGOTIABLE_CRITERIA: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvestLetter {
    Independent,
    Negotiable,
    Valuable,
    Estimable,
    Small,
    Testable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Warn,
    Fail,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InvestHint {
    pub letter: InvestLetter,
    pub verdict: Verdict,
    /// Empty when it passes.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Invest {
    pub hints: Vec<InvestHint>,
    pub too_big_or_vague: bool,
}

fn hint(letter: InvestLetter, verdict: Verdict, message: impl Into<String>) -> InvestHint {
    InvestHint {
        letter,
        verdict,
        message: message.into(),
    }
}

fn pass(letter: InvestLetter) -> InvestHint {
    hint(letter, Verdict::Pass, "")
}

/// I: stories it depends on that are not done yet.
fn independent(story: &Story, index: &MapIndex<'_>) -> InvestHint {
    let open: Vec<String> = story
        .details
        .depends_on
        .iter()
        .filter_map(|id| index.story(id))
        .filter(|d| d.status != StoryStatus::Done)
        .map(|d| quoted(&d.title))
        .collect();
    match open.len() {
        0 => pass(InvestLetter::Independent),
        1 => hint(
            InvestLetter::Independent,
            Verdict::Warn,
            format!("Depends on {}, not done yet.", open[0]),
        ),
        n => hint(
            InvestLetter::Independent,
            Verdict::Warn,
            format!("Depends on {n} stories not done yet: {}.", open.join(", ")),
        ),
    }
}

/// E and S: whether the team could size it, and whether that size fits a sprint.
fn estimable_and_small(story: &Story, settings: &MapSettings) -> (InvestHint, InvestHint) {
    use InvestLetter::{Estimable, Small};
    let estimate = Estimate::read(story.estimate.as_deref());
    let estimable = match estimate {
        None => hint(
            Estimable,
            Verdict::Fail,
            "Not estimated: can the team size it?",
        ),
        Some(Estimate::Unknown) => hint(
            Estimable,
            Verdict::Fail,
            "Estimated as '?': something is unclear. A spike may help.",
        ),
        Some(_) => pass(Estimable),
    };
    let small = match estimate.and_then(|e| e.points(&settings.tshirt_points)) {
        Some(p) if p > settings.small_limit => hint(
            Small,
            Verdict::Fail,
            format!(
                "{p} points is above the limit of {} for a sprint: split it.",
                settings.small_limit
            ),
        ),
        Some(_) => pass(Small),
        None => hint(Small, Verdict::Warn, "Size unknown until estimated."),
    };
    (estimable, small)
}

pub fn invest(story: &Story, settings: &MapSettings, index: &MapIndex<'_>) -> Invest {
    use InvestLetter::*;
    let details = &story.details;
    let criteria = story
        .acceptance_criteria
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .count();
    let negotiable = if criteria > NEGOTIABLE_CRITERIA {
        hint(
            Negotiable,
            Verdict::Warn,
            format!(
                "{criteria} acceptance criteria leave little to negotiate; is it a specification?"
            ),
        )
    } else {
        pass(Negotiable)
    };
    let valuable = if details.so_that.trim().is_empty() && details.why.trim().is_empty() {
        hint(
            Valuable,
            Verdict::Warn,
            "No 'so that' or why: whose value does it serve?",
        )
    } else {
        pass(Valuable)
    };
    let (estimable, small) = estimable_and_small(story, settings);
    let testable = if criteria == 0 {
        hint(
            Testable,
            Verdict::Fail,
            "No acceptance criteria: how will we know it is done?",
        )
    } else {
        pass(Testable)
    };
    let hints = vec![
        independent(story, index),
        negotiable,
        valuable,
        estimable,
        small,
        testable,
    ];
    let failures = hints.iter().filter(|h| h.verdict == Verdict::Fail).count();
    Invest {
        hints,
        too_big_or_vague: failures >= 2,
    }
}
