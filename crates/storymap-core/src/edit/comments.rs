//! A story's comment thread: adding, editing and deleting a comment. Comments are keyed
//! by id, so two people commenting offline both keep theirs; only the author (this
//! device's display name) may edit or delete one.

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ScalarValue};

use super::shared::{ensure_map, required, story, title_of};
use super::tx::EditTx;
use crate::history::Entity;
use crate::limits::*;
use crate::read_fields::{entries, is_deleted, item_in_all, str_field};
use crate::schema::*;
use crate::CoreError;

#[derive(Debug, Clone, PartialEq)]
pub enum CommentEdit {
    AddComment {
        story_id: String,
        text: String,
    },
    EditComment {
        story_id: String,
        comment_id: String,
        text: String,
    },
    DeleteComment {
        story_id: String,
        comment_id: String,
    },
    /// A comment carried in from another tool (a Jira CSV), kept with its own author and
    /// time (`None`: the import's). Not offered to the window: only imports make it.
    ImportComment {
        story_id: String,
        author: String,
        at: Option<i64>,
        text: String,
    },
}

/// A live comment this device's author wrote; anyone else's is refused.
fn own_comment(
    rec: &EditTx<'_, '_>,
    story: &ObjId,
    story_id: &str,
    id: &str,
) -> Result<Entity, CoreError> {
    let comment = item_in_all(rec.tx, story, COMMENTS, id)
        .filter(|c| !is_deleted(rec.tx, c))
        .ok_or_else(|| CoreError::NotFound {
            kind: "comment",
            id: format!("{id} (story {story_id})"),
        })?;
    let author = str_field(rec.tx, &comment, AUTHOR).unwrap_or_default();
    if author != rec.author {
        return Err(CoreError::InvalidInput(format!(
            "only {author} can change or delete this comment"
        )));
    }
    Ok(Entity::StoryItem(
        story_id.to_owned(),
        COMMENTS,
        id.to_owned(),
    ))
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &CommentEdit) -> Result<String, CoreError> {
    let (CommentEdit::AddComment { story_id, .. }
    | CommentEdit::EditComment { story_id, .. }
    | CommentEdit::DeleteComment { story_id, .. }
    | CommentEdit::ImportComment { story_id, .. }) = edit;
    let obj = story(rec, story_id)?;
    let title = title_of(rec.tx, &obj);
    match edit {
        CommentEdit::AddComment { text, .. } => {
            let (author, time) = (rec.author.to_owned(), rec.time);
            add_comment(rec, (&obj, story_id), &author, time, text)?;
            Ok(format!("Comment on '{title}'"))
        }
        CommentEdit::ImportComment {
            author, at, text, ..
        } => {
            let author = required("comment author", author, MAX_TITLE_CHARS)?;
            let time = at.unwrap_or(rec.time);
            add_comment(rec, (&obj, story_id), &author, time, text)?;
            Ok(format!("Comment on '{title}'"))
        }
        CommentEdit::EditComment {
            comment_id, text, ..
        } => {
            let entity = own_comment(rec, &obj, story_id, comment_id)?;
            let text = required("comment", text, MAX_COMMENT_CHARS)?;
            rec.set_str(&entity, TEXT, &text)?;
            let time = rec.time;
            rec.set(&entity, EDITED_AT, Some(ScalarValue::Int(time)))?;
            Ok(format!("Edit a comment on '{title}'"))
        }
        CommentEdit::DeleteComment { comment_id, .. } => {
            let entity = own_comment(rec, &obj, story_id, comment_id)?;
            rec.delete(&entity)?;
            Ok(format!("Delete a comment on '{title}'"))
        }
    }
}

/// A new comment by `author` at `time` (Unix seconds), within the story's bounds.
fn add_comment(
    rec: &mut EditTx<'_, '_>,
    (obj, story_id): (&ObjId, &str),
    author: &str,
    time: i64,
    text: &str,
) -> Result<(), CoreError> {
    let text = required("comment", text, MAX_COMMENT_CHARS)?;
    let live = entries(rec.tx, obj, COMMENTS)
        .iter()
        .filter(|(_, c)| !is_deleted(rec.tx, c))
        .count();
    if live >= MAX_COMMENTS_PER_STORY {
        return Err(CoreError::InvalidInput(format!(
            "a story holds at most {} comments",
            thousands(MAX_COMMENTS_PER_STORY)
        )));
    }
    let container = ensure_map(rec, obj, COMMENTS)?;
    let id = rec.create();
    let comment = rec.tx.put_object(&container, &id, ObjType::Map)?;
    rec.tx.put(&comment, AUTHOR, author)?;
    rec.tx.put(&comment, AT, time)?;
    rec.tx.put(&comment, TEXT, text.as_str())?;
    rec.created(Entity::StoryItem(story_id.to_owned(), COMMENTS, id));
    Ok(())
}
