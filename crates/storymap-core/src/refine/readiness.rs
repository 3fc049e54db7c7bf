//! The Definition of Ready: a per-map checklist. Items with a rule are checked by the app;
//! the others are ticked by hand per story. A story is ready when every item passes.

use super::{quoted, Estimate, MapIndex};
use crate::{MapSettings, Story};

/// What the app can check by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DorRule {
    /// A "so that" or a why-it-matters is written.
    WhyClear,
    /// At least one acceptance criterion.
    CriteriaExplicit,
    /// An estimate other than "?".
    Estimated,
    /// Every dependency exists and none is blocked or parked.
    DependenciesKnown,
    /// Within the map's point limit.
    SmallEnough,
    /// Not blocked, not parked.
    NoOpenBlocker,
}

impl DorRule {
    pub const ALL: [DorRule; 6] = [
        DorRule::WhyClear,
        DorRule::CriteriaExplicit,
        DorRule::Estimated,
        DorRule::DependenciesKnown,
        DorRule::SmallEnough,
        DorRule::NoOpenBlocker,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DorRule::WhyClear => "whyClear",
            DorRule::CriteriaExplicit => "criteriaExplicit",
            DorRule::Estimated => "estimated",
            DorRule::DependenciesKnown => "dependenciesKnown",
            DorRule::SmallEnough => "smallEnough",
            DorRule::NoOpenBlocker => "noOpenBlocker",
        }
    }

    pub fn parse(text: &str) -> Option<DorRule> {
        DorRule::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DorItem {
    pub id: String,
    pub text: String,
    /// `None`: ticked by hand.
    pub rule: Option<DorRule>,
}

/// The checklist a new map starts with, from the refinement guide's practice.
pub fn default_definition_of_ready() -> Vec<DorItem> {
    let item = |id: &str, text: &str, rule| DorItem {
        id: id.to_owned(),
        text: text.to_owned(),
        rule,
    };
    vec![
        item("dor-why", "The why is clear", Some(DorRule::WhyClear)),
        item(
            "dor-criteria",
            "Acceptance criteria are explicit",
            Some(DorRule::CriteriaExplicit),
        ),
        item(
            "dor-estimated",
            "Estimated by the team",
            Some(DorRule::Estimated),
        ),
        item(
            "dor-dependencies",
            "Dependencies are known",
            Some(DorRule::DependenciesKnown),
        ),
        item(
            "dor-small",
            "Small enough for a sprint",
            Some(DorRule::SmallEnough),
        ),
        item(
            "dor-unblocked",
            "No open blocker",
            Some(DorRule::NoOpenBlocker),
        ),
        item("dor-questions", "No open questions", None),
    ]
}

#[derive(Debug, Clone, PartialEq)]
pub struct DorCheck {
    pub item_id: String,
    pub text: String,
    pub automatic: bool,
    pub passed: bool,
    /// Why an automatic check failed, in a sentence; empty when it passed.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    pub checks: Vec<DorCheck>,
    pub ready: bool,
}

fn check(
    rule: DorRule,
    story: &Story,
    settings: &MapSettings,
    index: &MapIndex<'_>,
) -> Option<String> {
    let details = &story.details;
    match rule {
        DorRule::WhyClear => (details.so_that.trim().is_empty() && details.why.trim().is_empty())
            .then(|| "Add a 'so that' or why it matters.".to_owned()),
        DorRule::CriteriaExplicit => (!story
            .acceptance_criteria
            .iter()
            .any(|c| !c.text.trim().is_empty()))
        .then(|| "Add at least one acceptance criterion.".to_owned()),
        DorRule::Estimated => match Estimate::read(story.estimate.as_deref()) {
            None => Some("Not estimated yet.".to_owned()),
            Some(Estimate::Unknown) => {
                Some("Estimated as '?': the team could not size it.".to_owned())
            }
            Some(_) => None,
        },
        DorRule::DependenciesKnown => {
            let problems: Vec<String> = details
                .depends_on
                .iter()
                .filter_map(|id| match index.story(id) {
                    None => Some("a story it depends on was deleted or split".to_owned()),
                    Some(d) if d.details.blocked_reason.is_some() => {
                        Some(format!("{} is blocked", quoted(&d.title)))
                    }
                    Some(d) if d.details.parked_reason.is_some() => {
                        Some(format!("{} is parked", quoted(&d.title)))
                    }
                    Some(_) => None,
                })
                .collect();
            (!problems.is_empty())
                .then(|| format!("Check its dependencies: {}.", problems.join("; ")))
        }
        DorRule::SmallEnough => {
            let points = Estimate::read(story.estimate.as_deref())
                .and_then(|e| e.points(&settings.tshirt_points));
            match points {
                Some(p) if p > settings.small_limit => Some(format!(
                    "{p} points is above the limit of {} for a sprint: split it.",
                    settings.small_limit
                )),
                Some(_) => None,
                None => Some("Size unknown until it is estimated.".to_owned()),
            }
        }
        DorRule::NoOpenBlocker => match (&details.blocked_reason, &details.parked_reason) {
            (Some(reason), _) => Some(format!("Blocked: {reason}")),
            (None, Some(reason)) => Some(format!("Parked: {reason}")),
            (None, None) => None,
        },
    }
}

pub fn readiness(story: &Story, settings: &MapSettings, index: &MapIndex<'_>) -> Readiness {
    let checks: Vec<DorCheck> = settings
        .definition_of_ready
        .iter()
        .map(|item| {
            let (passed, detail) = match item.rule {
                Some(rule) => match check(rule, story, settings, index) {
                    Some(detail) => (false, detail),
                    None => (true, String::new()),
                },
                None => (story.details.ready_checks.contains(&item.id), String::new()),
            };
            DorCheck {
                item_id: item.id.clone(),
                text: item.text.clone(),
                automatic: item.rule.is_some(),
                passed,
                detail,
            }
        })
        .collect();
    let ready = checks.iter().all(|c| c.passed);
    Readiness { checks, ready }
}
