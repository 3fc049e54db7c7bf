//! How big things may get, in one place: edits refuse past these, imports refuse or cut
//! with a warning naming the row or story. They keep a hostile or broken file from making
//! a map that is slow to open or edit, and they are far above what a team writes.

/// A name: map, activity, step, slice, story, agenda item, participant, DoR item.
pub const MAX_TITLE_CHARS: usize = 500;
/// One short text of a story: why, the narrative's parts, notes, blocker, parking reason.
pub const MAX_TEXT_CHARS: usize = 2_000;
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;
pub const MAX_CRITERION_CHARS: usize = 2_000;
/// A story with more criteria than this is several stories.
pub const MAX_CRITERIA_PER_STORY: usize = 200;
pub const MAX_LABEL_CHARS: usize = 60;
pub const MAX_LABELS_PER_STORY: usize = 50;
/// One comment of a story's thread.
pub const MAX_COMMENT_CHARS: usize = 5_000;
/// A thread longer than this belongs in a meeting.
pub const MAX_COMMENTS_PER_STORY: usize = 1_000;
pub const MAX_LINKS_PER_STORY: usize = 100;
pub const MAX_URL_CHARS: usize = 2_048;
/// Jira exports have a few hundred columns at most (repeated Labels, Comment, custom fields).
pub const MAX_CSV_COLUMNS: usize = 5_000;

/// "1,000" for messages.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The bounds edits keep, so an imported story can be edited like any other.
pub(crate) fn check_sizes(story: &crate::Story) -> Result<(), String> {
    let too_long = |what: &str, text: &str, max: usize| {
        if text.chars().count() > max {
            Err(format!(
                "the {what} is longer than {} characters",
                thousands(max)
            ))
        } else {
            Ok(())
        }
    };
    too_long("description", &story.description, MAX_DESCRIPTION_CHARS)?;
    let d = &story.details;
    for (what, text) in [
        ("'As a'", &d.as_a),
        ("'I want'", &d.i_want),
        ("'So that'", &d.so_that),
        ("why", &d.why),
        ("notes", &d.notes),
    ] {
        too_long(what, text, MAX_TEXT_CHARS)?;
    }
    for (what, text) in [
        ("blocker", &d.blocked_reason),
        ("parking reason", &d.parked_reason),
        ("needs input from", &d.needs_input_from),
    ] {
        too_long(what, text.as_deref().unwrap_or_default(), MAX_TEXT_CHARS)?;
    }
    let criteria = &story.acceptance_criteria;
    if criteria.len() > MAX_CRITERIA_PER_STORY {
        return Err(format!(
            "it has {} acceptance criteria; a story holds at most {MAX_CRITERIA_PER_STORY}: split it",
            thousands(criteria.len())
        ));
    }
    for c in criteria {
        for part in [&c.text, &c.given, &c.when, &c.then] {
            too_long("acceptance criterion", part, MAX_CRITERION_CHARS)?;
        }
    }
    if d.labels.len() > MAX_LABELS_PER_STORY {
        return Err(format!(
            "it has {} labels; a story holds at most {MAX_LABELS_PER_STORY}",
            thousands(d.labels.len())
        ));
    }
    for label in &d.labels {
        too_long("label", label, MAX_LABEL_CHARS)?;
    }
    check_discussion(d, &too_long)
}

/// Comments and links: counted, bounded, and every URL of an allowed scheme.
fn check_discussion(
    d: &crate::StoryDetails,
    too_long: &dyn Fn(&str, &str, usize) -> Result<(), String>,
) -> Result<(), String> {
    for (what, count, max) in [
        ("comments", d.comments.len(), MAX_COMMENTS_PER_STORY),
        ("links", d.links.len(), MAX_LINKS_PER_STORY),
    ] {
        if count > max {
            return Err(format!(
                "it has {} {what}; a story holds at most {}",
                thousands(count),
                thousands(max)
            ));
        }
    }
    let mut ids = std::collections::HashSet::new();
    for id in d
        .comments
        .iter()
        .map(|c| &c.id)
        .chain(d.links.iter().map(|l| &l.id))
    {
        if id.trim().is_empty() || !ids.insert(id) {
            return Err(format!(
                "a comment or link id is empty or used twice: '{id}'"
            ));
        }
    }
    for c in &d.comments {
        too_long("comment", &c.text, MAX_COMMENT_CHARS)?;
        too_long("comment's author", &c.author, MAX_TITLE_CHARS)?;
    }
    for l in &d.links {
        too_long("link title", &l.title, MAX_TITLE_CHARS)?;
        too_long("link URL", &l.url, MAX_URL_CHARS)?;
        if let Some(problem) = crate::comments::url_problem(&l.url) {
            return Err(problem);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(7), "7");
        assert_eq!(super::thousands(1000), "1,000");
        assert_eq!(super::thousands(100_000), "100,000");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }
}
