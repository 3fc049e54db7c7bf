//! A story's comments and links in a Jira CSV. Comments use the importer's own form, one
//! "Comment" column each: `date;author;text`, the date as `yyyy-MM-dd HH:mm:ss` in UTC
//! (give that date format in Jira's import wizard); Jira's own exports
//! (`04/Dec/26 4:20 PM;…`) read too. Links go in "Custom field (Links)" columns as Jira's
//! link markup `[Title|https://…]`, so a text field shows them clickable; a cell may hold
//! several, one per line, and a bare URL is its own title.

use chrono::{DateTime, NaiveDateTime};

use super::import_plan::PlannedComment;
use super::parse::Issue;
use super::JiraProblem;
use crate::comments::{url_problem, Comment, StoryLink};
use crate::limits::MAX_TITLE_CHARS;

/// Who wrote a comment the file does not say the author of.
pub(crate) const UNKNOWN_AUTHOR: &str = "Jira";

/// How comment dates are written; then the forms Jira's exports and wizards use.
const DATE_FORMATS: [&str; 6] = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%b/%y %I:%M %p",
    "%d/%b/%Y %I:%M %p",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
];

pub(crate) fn comment_cell(comment: &Comment) -> String {
    let at = DateTime::from_timestamp(comment.at, 0).unwrap_or_default();
    let date = at.format(DATE_FORMATS[0]);
    format!("{date};{};{}", comment.author, comment.text)
}

pub(crate) fn link_cell(link: &StoryLink) -> String {
    format!("[{}|{}]", link.title, link.url)
}

fn date_of(text: &str) -> Option<i64> {
    let text = text.trim();
    DATE_FORMATS.iter().find_map(|format| {
        NaiveDateTime::parse_from_str(text, format)
            .ok()
            .map(|t| t.and_utc().timestamp())
    })
}

/// One "Comment" cell: `date;author;text`, or only text (by "Jira", at the import's time).
fn comment_of(cell: &str) -> Option<PlannedComment> {
    let parsed = cell.split_once(';').and_then(|(date, rest)| {
        let at = date_of(date)?;
        let (author, text) = rest.split_once(';').unwrap_or(("", rest));
        Some((author.trim(), Some(at), text))
    });
    let (author, at, text) = parsed.unwrap_or(("", None, cell));
    let text = text.replace("\r\n", "\n").trim().to_owned();
    let author = if author.is_empty() {
        UNKNOWN_AUTHOR
    } else {
        author
    };
    (!text.is_empty()).then(|| PlannedComment {
        author: author.chars().take(MAX_TITLE_CHARS).collect(),
        at,
        text,
    })
}

/// The row's comments, in the file's order.
pub(crate) fn comments_of(issue: &Issue) -> Vec<PlannedComment> {
    (issue.comments.iter())
        .filter_map(|(cell, _)| comment_of(cell))
        .collect()
}

/// One line of a links cell: `[Title|url]` or a bare URL.
fn link_of(line: &str) -> (String, String) {
    let line = line.trim();
    let inner = line
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .unwrap_or(line);
    match inner.rsplit_once('|') {
        Some((title, url)) if !title.trim().is_empty() => {
            (title.trim().to_owned(), url.trim().to_owned())
        }
        Some((_, url)) => (url.trim().to_owned(), url.trim().to_owned()),
        None => (inner.to_owned(), inner.to_owned()),
    }
}

/// The row's links (title, URL); one with a URL a link may not have is left out, warned.
pub(crate) fn links_of(issue: &Issue, warnings: &mut Vec<JiraProblem>) -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> = Vec::new();
    for (cell, column) in &issue.links {
        for line in cell.lines().filter(|l| !l.trim().is_empty()) {
            let (title, url) = link_of(line);
            if let Some(problem) = url_problem(&url) {
                let message = format!("the link '{title}' is left out: {problem}");
                warnings.push(JiraProblem::at(issue.row, Some(column), message));
            } else if title.chars().count() > MAX_TITLE_CHARS {
                let message =
                    format!("a link title is longer than {MAX_TITLE_CHARS} characters: left out");
                warnings.push(JiraProblem::at(issue.row, Some(column), message));
            } else if !links.iter().any(|(_, u)| *u == url) {
                links.push((title, url));
            }
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(comments: &[&str], links: &[&str]) -> Issue {
        let cells = |cells: &[&str], column: &str| {
            (cells.iter())
                .map(|c| ((*c).to_owned(), column.to_owned()))
                .collect()
        };
        Issue {
            row: 2,
            comments: cells(comments, "Comment"),
            links: cells(links, "Custom field (Links)"),
            ..Issue::default()
        }
    }

    #[test]
    fn comments_read_our_form_jiras_export_and_plain_text() {
        let read = comments_of(&issue(
            &[
                "2026-12-04 16:20:05;Ana Lee;Can we pay by card?\r\nAsk @ben",
                "04/Dec/26 4:21 PM;557058:f1;In Jira; with a semicolon",
                "Just a note; no date",
                "  ",
            ],
            &[],
        ));
        let seen: Vec<(&str, Option<i64>, &str)> = (read.iter())
            .map(|c| (c.author.as_str(), c.at, c.text.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                (
                    "Ana Lee",
                    Some(1_796_401_205),
                    "Can we pay by card?\nAsk @ben"
                ),
                (
                    "557058:f1",
                    Some(1_796_401_260),
                    "In Jira; with a semicolon"
                ),
                ("Jira", None, "Just a note; no date"),
            ]
        );
        let comment = Comment {
            id: "c1".into(),
            author: "Ana Lee".into(),
            at: 1_796_401_205,
            edited_at: None,
            text: "Can we pay by card?".into(),
        };
        assert_eq!(
            comment_cell(&comment),
            "2026-12-04 16:20:05;Ana Lee;Can we pay by card?"
        );
    }

    #[test]
    fn links_read_markup_and_bare_urls_and_refuse_other_schemes() {
        let mut warnings = Vec::new();
        let links = links_of(
            &issue(
                &[],
                &[
                    "[Checkout wireframe|https://figma.com/f/1]\nhttps://wiki.example.com/spec",
                    "[Run me|javascript:alert(1)]",
                    "[Again|https://figma.com/f/1]",
                ],
            ),
            &mut warnings,
        );
        assert_eq!(
            links,
            [
                (
                    "Checkout wireframe".to_owned(),
                    "https://figma.com/f/1".to_owned()
                ),
                (
                    "https://wiki.example.com/spec".to_owned(),
                    "https://wiki.example.com/spec".to_owned()
                ),
            ]
        );
        let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            ["row 2, column \"Custom field (Links)\": the link 'Run me' is left out: links may only use http, https or mailto, not 'javascript:'"]
        );
    }
}
