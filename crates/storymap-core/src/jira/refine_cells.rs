//! The refinement a Jira CSV carries beyond title and points, read into a planned story:
//! the estimate as written (T-shirt sizes and "?" Jira's story points cannot hold), the
//! WSJF parts, the flag and what blocks it, and "Blocks" issue links as dependencies
//! between the file's stories (a link that would close a cycle is left out, with a
//! warning, so the import never fails on it).

use std::collections::HashMap;

use super::import_plan::{JiraImportPlan, PlannedStory};
use super::parse::Issue;
use super::text::estimate_from_points;
use super::JiraProblem;
use crate::refine::{find_cycle, Estimate, WSJF_SCALE};
use crate::MapModel;

/// What blocks a flagged issue that says no more.
pub(crate) const FLAGGED_IN_JIRA: &str = "Flagged in Jira";

/// The estimate: as written when the file has it, else from the story points.
pub(crate) fn estimate_of(issue: &Issue, warnings: &mut Vec<JiraProblem>) -> Option<String> {
    if let Some((cell, column)) = &issue.estimate {
        match Estimate::parse(cell) {
            Ok(estimate) => return Some(estimate.to_string()),
            Err(error) => warnings.push(JiraProblem::at(
                issue.row,
                Some(column),
                format!("{error}: read from the story points instead"),
            )),
        }
    }
    let (cell, column) = issue.points.as_ref()?;
    estimate_from_points(cell)
        .map_err(|message| warnings.push(JiraProblem::at(issue.row, Some(column), message)))
        .ok()
}

/// The WSJF parts; a value off the scale is left out with a warning.
pub(crate) fn wsjf_of(issue: &Issue, warnings: &mut Vec<JiraProblem>) -> [Option<u8>; 4] {
    issue.wsjf.clone().map(|cell| {
        let (text, column) = cell?;
        let value = text.trim().parse::<f64>().ok().filter(|v| v.fract() == 0.0);
        let on_scale = value.and_then(|v| WSJF_SCALE.into_iter().find(|s| f64::from(*s) == v));
        if on_scale.is_none() {
            let message =
                format!("'{text}' is not on the WSJF scale (1, 2, 3, 5, 8, 13, 20): left out");
            warnings.push(JiraProblem::at(issue.row, Some(&column), message));
        }
        on_scale
    })
}

/// What blocks the issue: its reason, or a plain note when it is only flagged.
pub(crate) fn blocked_of(issue: &Issue) -> Option<String> {
    match (&issue.blocked_reason, issue.flagged) {
        (Some(reason), _) => Some(reason.chars().take(2_000).collect()),
        (None, true) => Some(FLAGGED_IN_JIRA.to_owned()),
        (None, false) => None,
    }
}

/// Dependency links of the planned stories from the rows' "Blocks" links: `refs` gives each
/// row's planned story by issue key or id. Links the map already has, links to issues not
/// in the file and links that would close a cycle are left out (the last two with a warning).
pub(crate) fn link_dependencies(
    plan: &mut JiraImportPlan,
    rows: &[(usize, &Issue)],
    refs: &HashMap<String, usize>,
    map: &MapModel,
) {
    let mut edges: Vec<(usize, usize, usize)> = Vec::new(); // (row, dependent, dependency)
    for (index, issue) in rows {
        let resolve = |reference: &String, plan: &mut JiraImportPlan| match refs.get(reference) {
            Some(other) => Some(*other),
            None => {
                let message = format!(
                    "links to {reference}, which is not in the file: that dependency is left out"
                );
                plan.warnings
                    .push(JiraProblem::at(issue.row, None, message));
                None
            }
        };
        for reference in &issue.blocked_by {
            if let Some(other) = resolve(reference, plan) {
                edges.push((issue.row, *index, other));
            }
        }
        for reference in &issue.blocks {
            if let Some(other) = resolve(reference, plan) {
                edges.push((issue.row, other, *index));
            }
        }
    }
    if edges.is_empty() {
        return;
    }
    // Stories by a token: their map id, or "new:<index>" for the ones the import creates.
    let token = |stories: &[PlannedStory], i: usize| {
        stories[i]
            .existing
            .clone()
            .unwrap_or_else(|| format!("new:{i}"))
    };
    let mut links: HashMap<String, Vec<String>> = map
        .stories
        .iter()
        .map(|s| (s.id.clone(), s.details.depends_on.clone()))
        .collect();
    for (row, dependent, dependency) in edges {
        let (from, to) = (
            token(&plan.stories, dependent),
            token(&plan.stories, dependency),
        );
        if links.get(&from).is_some_and(|l| l.contains(&to)) {
            continue;
        }
        let empty: &[String] = &[];
        if find_cycle(|id| links.get(id).map_or(empty, Vec::as_slice), &from, &to).is_some() {
            let title = plan.stories[dependency].title.clone();
            let message = format!("its link to '{title}' would make a dependency cycle: left out");
            plan.warnings.push(JiraProblem::at(row, None, message));
            continue;
        }
        links.entry(from).or_default().push(to);
        plan.stories[dependent].depends_on.push(dependency);
    }
}
