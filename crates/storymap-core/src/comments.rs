//! A story's discussion: comments (a thread, keyed by id so two people commenting offline
//! both keep theirs) and links (title + URL to a mock-up or spec), with the rules the UI
//! shows and the edits and imports enforce: the URL schemes allowed, `@name` mentions.

use automerge::{ObjId, ReadDoc};

use crate::read_fields::{entries, int_field, is_deleted, str_field};
use crate::schema::*;
use crate::Rank;

/// One comment of a story's thread.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Comment {
    pub id: String,
    /// The display name of the device that wrote it; only that author edits or deletes it.
    pub author: String,
    /// Unix seconds when written.
    pub at: i64,
    /// Unix seconds of the last edit, if any.
    #[serde(default)]
    pub edited_at: Option<i64>,
    pub text: String,
}

/// A link from a story to a wireframe, mock-up or spec.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StoryLink {
    pub id: String,
    pub title: String,
    pub url: String,
}

/// The schemes a link may use: the system browser or mail client opens them, nothing else.
pub const URL_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Why a URL is refused, in words for the person who typed it; `None` when it is allowed.
pub fn url_problem(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return Some("the link has no URL".into());
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(format!(
            "the URL '{url}' contains spaces or control characters"
        ));
    }
    let Some((scheme, rest)) = url.split_once(':') else {
        return Some(format!(
            "the URL '{url}' has no scheme: start it with https://, http:// or mailto:"
        ));
    };
    let scheme = scheme.to_ascii_lowercase();
    if !URL_SCHEMES.contains(&scheme.as_str()) {
        return Some(format!(
            "links may only use http, https or mailto, not '{scheme}:'"
        ));
    }
    let host_ok = match scheme.as_str() {
        "mailto" => rest.contains('@') && !rest.starts_with('@'),
        _ => rest
            .strip_prefix("//")
            .and_then(|r| r.split(['/', '?', '#']).next())
            .is_some_and(|host| !host.is_empty() && !host.starts_with('@')),
    };
    (!host_ok).then(|| format!("the URL '{url}' is not a complete {scheme} address"))
}

/// The names `@mentioned` in a comment, in order, without duplicates: `@` at the start or
/// after a space, then letters, digits, `.`, `-`, `_` (a trailing `.` is punctuation).
pub fn mentions(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut previous = ' ';
    for (i, c) in text.char_indices() {
        if c == '@' && previous.is_whitespace() {
            let rest = &text[i + 1..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_')))
                .unwrap_or(rest.len());
            let name = rest[..end].trim_end_matches('.');
            if !name.is_empty() && !found.iter().any(|f| f.eq_ignore_ascii_case(name)) {
                found.push(name.to_owned());
            }
        }
        previous = c;
    }
    found
}

/// Whether `text` mentions `name` (case-insensitive; a name with spaces by its first word).
pub fn mentions_name(text: &str, name: &str) -> bool {
    names_one_of(&mentions(text), name)
}

/// Whether a comment by `author` with these `@mentions` is for `reader` (this device's
/// display name): one mention is the reader's name, and the reader did not write it.
pub fn mentions_reader(mentions: &[String], author: &str, reader: &str) -> bool {
    author.trim() != reader.trim() && names_one_of(mentions, reader)
}

fn names_one_of(mentions: &[String], name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or_default();
    !first.is_empty() && mentions.iter().any(|m| m.eq_ignore_ascii_case(first))
}

/// A story's live comments, oldest first (ties by id, so every replica reads one order).
pub(crate) fn read_comments<R: ReadDoc>(doc: &R, story: &ObjId) -> Vec<Comment> {
    let mut comments: Vec<Comment> = entries(doc, story, COMMENTS)
        .into_iter()
        .filter(|(_, c)| !is_deleted(doc, c))
        .map(|(id, c)| Comment {
            author: str_field(doc, &c, AUTHOR).unwrap_or_default(),
            at: int_field(doc, &c, AT).unwrap_or_default(),
            edited_at: int_field(doc, &c, EDITED_AT),
            text: str_field(doc, &c, TEXT).unwrap_or_default(),
            id,
        })
        .collect();
    comments.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
    comments
}

/// A story's live links, by rank (ties by id).
pub(crate) fn read_links<R: ReadDoc>(doc: &R, story: &ObjId) -> Vec<StoryLink> {
    let mut links: Vec<(Rank, StoryLink)> = entries(doc, story, LINKS)
        .into_iter()
        .filter(|(_, l)| !is_deleted(doc, l))
        .map(|(id, l)| {
            let rank = str_field(doc, &l, RANK)
                .and_then(|r| Rank::parse(&r).ok())
                .unwrap_or_else(Rank::last_resort);
            let link = StoryLink {
                title: str_field(doc, &l, TITLE).unwrap_or_default(),
                url: str_field(doc, &l, URL).unwrap_or_default(),
                id,
            };
            (rank, link)
        })
        .collect();
    links.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    links.into_iter().map(|(_, l)| l).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_allowed_by_scheme_and_shape() {
        let check = |url: &str, ok: bool| {
            assert_eq!(
                url_problem(url).is_none(),
                ok,
                "{url}: {:?}",
                url_problem(url)
            );
        };
        check("https://figma.com/file/abc", true);
        check("HTTP://intranet.local/spec?x=1#top", true);
        check("mailto:ux@example.com", true);
        check("  https://example.com  ", true);
        check("javascript:alert(1)", false);
        check("file:///etc/passwd", false);
        check("data:text/html,<script>", false);
        check("tauri://localhost", false);
        check("ftp://example.com", false);
        check("example.com", false);
        check("https://", false);
        check("https:example.com", false);
        check("https://exa mple.com", false);
        check("mailto:", false);
        check("", false);
    }

    #[test]
    fn mentions_are_names_after_an_at_sign() {
        assert_eq!(mentions("@Ann can you check? cc @ben."), ["Ann", "ben"]);
        assert_eq!(mentions("mail me at ann@example.com"), Vec::<String>::new());
        assert_eq!(mentions("@Ann and @ann again, @"), ["Ann"]);
        assert!(mentions_name("thanks @ann-marie", "Ann-Marie"));
        assert!(mentions_name("@Ben see this", "Ben Ortiz"));
        assert!(!mentions_name("@Bert", "Ben"));
    }

    #[test]
    fn a_mention_is_for_the_reader_unless_they_wrote_it() {
        let names = mentions("@ann please review, cc @ben");
        assert!(mentions_reader(&names, "Ben Ortiz", "Ann Lee"));
        assert!(mentions_reader(&names, "Carla", "ben"));
        // My own "@ann" to myself is not news; nor is a comment that names someone else.
        assert!(!mentions_reader(&names, "Ann Lee", "Ann Lee"));
        assert!(!mentions_reader(&names, "Ben", "Carla"));
        assert!(!mentions_reader(&names, "Ben", "  "));
    }
}
