//! A story's links to wireframes, mock-ups and specs: a title and an http, https or mailto
//! URL (anything else is refused, so the app never asks the system to open it).

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType};

use super::shared::{ensure_map, required, story, title_of};
use super::tx::EditTx;
use crate::comments::url_problem;
use crate::history::Entity;
use crate::limits::*;
use crate::read_fields::{entries, is_deleted, item_in_all, str_field};
use crate::schema::*;
use crate::{CoreError, Rank};

#[derive(Debug, Clone, PartialEq)]
pub enum LinkEdit {
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

/// A URL as stored: trimmed, bounded, of an allowed scheme.
fn checked_url(url: &str) -> Result<String, CoreError> {
    let url = required("link URL", url, MAX_URL_CHARS)?;
    match url_problem(&url) {
        Some(problem) => Err(CoreError::InvalidInput(problem)),
        None => Ok(url),
    }
}

/// A link's title: what the person typed, or the URL when they typed none.
fn checked_title(title: &str, url: &str) -> Result<String, CoreError> {
    let title = title.trim();
    required(
        "link title",
        if title.is_empty() { url } else { title },
        MAX_TITLE_CHARS,
    )
}

fn live_link(
    rec: &EditTx<'_, '_>,
    story: &ObjId,
    story_id: &str,
    id: &str,
) -> Result<Entity, CoreError> {
    item_in_all(rec.tx, story, LINKS, id)
        .filter(|c| !is_deleted(rec.tx, c))
        .map(|_| Entity::StoryItem(story_id.to_owned(), LINKS, id.to_owned()))
        .ok_or_else(|| CoreError::NotFound {
            kind: "link",
            id: format!("{id} (story {story_id})"),
        })
}

/// The last live link's rank, to add after it, and how many are live.
fn last_rank(rec: &EditTx<'_, '_>, story: &ObjId) -> (Option<Rank>, usize) {
    let ranks: Vec<Rank> = entries(rec.tx, story, LINKS)
        .iter()
        .filter(|(_, l)| !is_deleted(rec.tx, l))
        .filter_map(|(_, l)| str_field(rec.tx, l, RANK).and_then(|r| Rank::parse(&r).ok()))
        .collect();
    let count = ranks.len();
    (ranks.into_iter().max(), count)
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &LinkEdit) -> Result<String, CoreError> {
    let (LinkEdit::AddLink { story_id, .. }
    | LinkEdit::UpdateLink { story_id, .. }
    | LinkEdit::DeleteLink { story_id, .. }) = edit;
    let obj = story(rec, story_id)?;
    let story_title = title_of(rec.tx, &obj);
    match edit {
        LinkEdit::AddLink { title, url, .. } => {
            let url = checked_url(url)?;
            let title = checked_title(title, &url)?;
            let (last, count) = last_rank(rec, &obj);
            if count >= MAX_LINKS_PER_STORY {
                return Err(CoreError::InvalidInput(format!(
                    "a story holds at most {MAX_LINKS_PER_STORY} links"
                )));
            }
            let container = ensure_map(rec, &obj, LINKS)?;
            let id = rec.create();
            let link = rec.tx.put_object(&container, &id, ObjType::Map)?;
            rec.tx.put(&link, TITLE, title.as_str())?;
            rec.tx.put(&link, URL, url.as_str())?;
            rec.tx
                .put(&link, RANK, Rank::between(last.as_ref(), None).as_string())?;
            rec.created(Entity::StoryItem(story_id.clone(), LINKS, id));
            Ok(format!("Link '{title}' to '{story_title}'"))
        }
        LinkEdit::UpdateLink {
            link_id,
            title,
            url,
            ..
        } => {
            let entity = live_link(rec, &obj, story_id, link_id)?;
            let url = checked_url(url)?;
            let title = checked_title(title, &url)?;
            rec.set_str(&entity, TITLE, &title)?;
            rec.set_str(&entity, URL, &url)?;
            Ok(format!("Edit the link '{title}' of '{story_title}'"))
        }
        LinkEdit::DeleteLink { link_id, .. } => {
            let entity = live_link(rec, &obj, story_id, link_id)?;
            rec.delete(&entity)?;
            Ok(format!("Remove a link from '{story_title}'"))
        }
    }
}
