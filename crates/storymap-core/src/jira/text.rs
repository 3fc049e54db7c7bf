//! Jira text ⇄ ours: acceptance criteria written in a description or a custom field,
//! and story points.

use std::collections::HashSet;

use crate::edit::criteria_lines;
use crate::limits::{thousands, MAX_CRITERIA_PER_STORY, MAX_CRITERION_CHARS};
use crate::refine::Estimate;

/// The heading an export puts above the criteria in a description (Jira wiki markup).
pub(crate) const CRITERIA_HEADING: &str = "h3. Acceptance criteria";

/// Whether a line heads a criteria section: "h3. Acceptance criteria", "## Acceptance
/// Criteria:", "*Acceptance criteria*".
fn is_criteria_heading(line: &str) -> bool {
    let mut text = line.trim();
    for level in ["h1.", "h2.", "h3.", "h4.", "h5.", "h6."] {
        text = text.strip_prefix(level).unwrap_or(text);
    }
    let text = text
        .trim()
        .trim_start_matches('#')
        .trim_matches(|c| c == '*' || c == '_' || c == ':' || c == ' ');
    text.eq_ignore_ascii_case("acceptance criteria")
}

/// One criterion line: list markers and a done mark ("[x]", "(/)") stripped.
pub(crate) fn criterion_line(line: &str) -> Option<(String, bool)> {
    let mut text = line.trim();
    for marker in ["* ", "- ", "# ", "• "] {
        if let Some(rest) = text.strip_prefix(marker) {
            text = rest.trim_start();
            break;
        }
    }
    let mut done = false;
    for (mark, is_done) in [
        ("[x]", true),
        ("[X]", true),
        ("(/)", true),
        ("[ ]", false),
        ("(x)", false),
    ] {
        if let Some(rest) = text.strip_prefix(mark) {
            text = rest.trim_start();
            done = is_done;
            break;
        }
    }
    let text = criteria_lines(text).into_iter().next()?;
    Some((text, done))
}

/// Criteria written one per line.
pub(crate) fn criteria_of(text: &str) -> Vec<(String, bool)> {
    text.lines().filter_map(criterion_line).collect()
}

/// A row's criteria from its description and its criteria column, each once, within a
/// story's bounds: an overlong criterion is cut, those past the count are left out; each
/// with a warning.
pub(crate) fn merged_criteria(
    from_description: Vec<(String, bool)>,
    from_column: Vec<(String, bool)>,
) -> (Vec<(String, bool)>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut seen = HashSet::new();
    let mut criteria = Vec::new();
    let mut cut = 0;
    let total = from_description.len() + from_column.len();
    for (text, done) in from_description.into_iter().chain(from_column) {
        if criteria.len() == MAX_CRITERIA_PER_STORY || !seen.insert(text.clone()) {
            continue;
        }
        let text = if text.chars().count() > MAX_CRITERION_CHARS {
            cut += 1;
            text.chars().take(MAX_CRITERION_CHARS).collect()
        } else {
            text
        };
        criteria.push((text, done));
    }
    if cut > 0 {
        warnings.push(format!(
            "{cut} acceptance criteria longer than {} characters: cut there",
            thousands(MAX_CRITERION_CHARS)
        ));
    }
    if criteria.len() == MAX_CRITERIA_PER_STORY && total > MAX_CRITERIA_PER_STORY {
        warnings.push(format!(
            "{} acceptance criteria, more than the {MAX_CRITERIA_PER_STORY} a story holds: the first {MAX_CRITERIA_PER_STORY} kept (split the issue)",
            thousands(total)
        ));
    }
    (criteria, warnings)
}

/// Splits a description at its acceptance-criteria heading: the text above it, and the
/// criteria listed below it.
pub(crate) fn split_description(description: &str) -> (String, Vec<(String, bool)>) {
    let lines: Vec<&str> = description.lines().collect();
    match lines.iter().position(|l| is_criteria_heading(l)) {
        Some(at) => (
            lines[..at].join("\n").trim_end().to_owned(),
            criteria_of(&lines[at + 1..].join("\n")),
        ),
        None => (description.trim_end().to_owned(), Vec::new()),
    }
}

/// A description for Jira: ours with the criteria below a heading.
pub(crate) fn join_description(description: &str, criteria: &[(String, bool)]) -> String {
    let mut out = description.trim_end().to_owned();
    if criteria.is_empty() {
        return out;
    }
    if !out.is_empty() {
        out += "\n\n";
    }
    out += CRITERIA_HEADING;
    for (text, done) in criteria {
        out += if *done { "\n* (/) " } else { "\n* " };
        out += text;
    }
    out
}

/// Story points as Jira writes them ("5.0", "0,5") on our scale, or why not.
pub(crate) fn estimate_from_points(text: &str) -> Result<String, String> {
    let text = text.trim().replace(',', ".");
    match Estimate::parse(&text) {
        Ok(estimate @ Estimate::Points(_)) => Ok(estimate.to_string()),
        _ => Err(format!(
            "'{text}' story points are off the scale (0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100): the story is left unestimated"
        )),
    }
}

/// Our estimate as Jira story points; T-shirt sizes and "?" have none.
pub(crate) fn points_of(estimate: Option<&str>) -> Option<String> {
    match Estimate::read(estimate)? {
        Estimate::Points(0.5) => Some("0.5".into()),
        Estimate::Points(p) => Some(p.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criteria_are_found_below_a_heading_and_written_back_the_same() {
        let jira = "Shoppers search.\r\n\r\n*Acceptance Criteria:*\r\n* [x] Finds by name\r\n# (/) Shows price\r\n- Handles typos\r\n\r\n";
        let (description, criteria) = split_description(&jira.replace("\r\n", "\n"));
        assert_eq!(description, "Shoppers search.");
        let expected = vec![
            ("Finds by name".to_owned(), true),
            ("Shows price".to_owned(), true),
            ("Handles typos".to_owned(), false),
        ];
        assert_eq!(criteria, expected);
        let written = join_description(&description, &criteria);
        assert_eq!(split_description(&written), (description, expected));
        assert_eq!(
            split_description("No criteria"),
            ("No criteria".into(), vec![])
        );
    }

    #[test]
    fn points_read_on_the_scale_only() {
        assert_eq!(estimate_from_points("5.0"), Ok("5".into()));
        assert_eq!(estimate_from_points("0,5"), Ok("½".into()));
        assert!(estimate_from_points("4")
            .unwrap_err()
            .contains("'4' story points"));
        assert!(estimate_from_points("M").is_err());
        assert_eq!(points_of(Some("½")).as_deref(), Some("0.5"));
        assert_eq!(points_of(Some("13")).as_deref(), Some("13"));
        assert_eq!(points_of(Some("M")), None);
    }
}
