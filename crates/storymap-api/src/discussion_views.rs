//! A story's comments and links on the wire and in the JSON export (docs/formats.md):
//! `comments: [{ id, author, at, text }]` with `at` in RFC 3339, `links: [{ id, title, url }]`.

use serde::{Deserialize, Serialize};
use storymap_core::comments::{mentions, mentions_reader, Comment, StoryLink};
use ts_rs::TS;

use crate::error::{ApiError, ErrorCode};
use crate::history_views::rfc3339;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommentView {
    pub id: String,
    /// The display name of the device that wrote it; only that author edits or deletes it.
    pub author: String,
    /// RFC 3339, e.g. "2026-12-04T16:20:00Z".
    pub at: String,
    pub text: String,
    /// When it was last edited (RFC 3339); absent when never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub edited_at: Option<String>,
    /// The names `@mentioned` in the text, as Rust parses them (derived; ignored on import).
    #[serde(default)]
    pub mentions: Vec<String>,
    /// A teammate's comment that mentions this device's display name (derived for the
    /// window; never exported).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub mentions_you: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkView {
    pub id: String,
    pub title: String,
    /// http, https or mailto only.
    pub url: String,
}

impl CommentView {
    /// The comment as `reader` (this device's display name) sees it; `None` for exports.
    pub(crate) fn read_by(c: &Comment, reader: Option<&str>) -> Self {
        let mentions = mentions(&c.text);
        CommentView {
            id: c.id.clone(),
            author: c.author.clone(),
            at: rfc3339(c.at),
            text: c.text.clone(),
            edited_at: c.edited_at.map(rfc3339),
            mentions_you: reader.is_some_and(|me| mentions_reader(&mentions, &c.author, me)),
            mentions,
        }
    }
}

impl From<&StoryLink> for LinkView {
    fn from(l: &StoryLink) -> Self {
        LinkView {
            id: l.id.clone(),
            title: l.title.clone(),
            url: l.url.clone(),
        }
    }
}

fn unix_time(story_title: &str, at: &str) -> Result<i64, ApiError> {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| t.timestamp())
        .map_err(|e| {
            ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "story '{story_title}': the comment time '{at}' is not an RFC 3339 time ({e})"
                ),
            )
        })
}

/// The comments of an imported story; bounds and URLs are checked by the core's import.
pub(crate) fn comments_from_view(
    story_title: &str,
    comments: &[CommentView],
) -> Result<Vec<Comment>, ApiError> {
    comments
        .iter()
        .map(|c| {
            Ok(Comment {
                id: c.id.clone(),
                author: c.author.clone(),
                at: unix_time(story_title, &c.at)?,
                edited_at: match &c.edited_at {
                    Some(at) => Some(unix_time(story_title, at)?),
                    None => None,
                },
                text: c.text.clone(),
            })
        })
        .collect()
}

pub(crate) fn links_from_view(links: &[LinkView]) -> Vec<StoryLink> {
    let link = |l: &LinkView| StoryLink {
        id: l.id.clone(),
        title: l.title.clone(),
        url: l.url.clone(),
    };
    links.iter().map(link).collect()
}
