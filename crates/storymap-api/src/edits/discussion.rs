//! A story's discussion on the wire: its comment thread and its links. Each family
//! converts to the core's in one total `From`.

use serde::{Deserialize, Serialize};
use storymap_core as core;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum CommentEdit {
    /// Written by this device's display name, at the time of the edit.
    AddComment { story_id: String, text: String },
    /// Refused unless this device's display name wrote the comment.
    EditComment {
        story_id: String,
        comment_id: String,
        text: String,
    },
    DeleteComment {
        story_id: String,
        comment_id: String,
    },
}

impl From<CommentEdit> for core::CommentEdit {
    fn from(edit: CommentEdit) -> Self {
        match edit {
            CommentEdit::AddComment { story_id, text } => {
                core::CommentEdit::AddComment { story_id, text }
            }
            CommentEdit::EditComment {
                story_id,
                comment_id,
                text,
            } => core::CommentEdit::EditComment {
                story_id,
                comment_id,
                text,
            },
            CommentEdit::DeleteComment {
                story_id,
                comment_id,
            } => core::CommentEdit::DeleteComment {
                story_id,
                comment_id,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum LinkEdit {
    /// An http, https or mailto URL; an empty title shows the URL.
    AddLink {
        story_id: String,
        title: String,
        url: String,
    },
    UpdateLink {
        story_id: String,
        link_id: String,
        title: String,
        url: String,
    },
    DeleteLink {
        story_id: String,
        link_id: String,
    },
}

impl From<LinkEdit> for core::LinkEdit {
    fn from(edit: LinkEdit) -> Self {
        match edit {
            LinkEdit::AddLink {
                story_id,
                title,
                url,
            } => core::LinkEdit::AddLink {
                story_id,
                title,
                url,
            },
            LinkEdit::UpdateLink {
                story_id,
                link_id,
                title,
                url,
            } => core::LinkEdit::UpdateLink {
                story_id,
                link_id,
                title,
                url,
            },
            LinkEdit::DeleteLink { story_id, link_id } => {
                core::LinkEdit::DeleteLink { story_id, link_id }
            }
        }
    }
}
