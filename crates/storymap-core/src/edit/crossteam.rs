//! A story's cross-team dependencies (`crossteam.rs`): add one, change it (its status as
//! the ask moves on), take it off.

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType};

use super::shared::{ensure_map, required, story, title_of};
use super::tx::EditTx;
use crate::crossteam::{check_needed_by, ExternalStatus, MAX_EXTERNAL_PER_STORY, MAX_TEAM_CHARS};
use crate::history::Entity;
use crate::limits::MAX_TITLE_CHARS;
use crate::read_fields::{entries, is_deleted, item_in_all, str_field};
use crate::schema::*;
use crate::{CoreError, Rank};

/// What one cross-team dependency says.
#[derive(Debug, Clone, PartialEq)]
pub struct ExternalParts {
    pub team: String,
    pub item: String,
    /// A release slice id of the map or a date `YYYY-MM-DD`; `None` when not known.
    pub needed_by: Option<String>,
    pub status: ExternalStatus,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CrossTeamEdit {
    Add {
        story_id: String,
        parts: ExternalParts,
    },
    /// Writes only what differs, so a teammate's concurrent change of another part stays.
    Update {
        story_id: String,
        dependency_id: String,
        parts: ExternalParts,
    },
    Delete {
        story_id: String,
        dependency_id: String,
    },
}

/// The parts as stored: team and item required and bounded, `needed_by` a real slice or date.
fn checked(rec: &EditTx<'_, '_>, parts: &ExternalParts) -> Result<ExternalParts, CoreError> {
    let is_slice = |id: &str| super::shared::live(rec.tx, RELEASES, "release slice", id).is_ok();
    Ok(ExternalParts {
        team: required("team", &parts.team, MAX_TEAM_CHARS)?,
        item: required("their item", &parts.item, MAX_TITLE_CHARS)?,
        needed_by: check_needed_by(is_slice, parts.needed_by.as_deref())?,
        status: parts.status,
    })
}

fn live(
    rec: &EditTx<'_, '_>,
    story: &ObjId,
    story_id: &str,
    id: &str,
) -> Result<Entity, CoreError> {
    item_in_all(rec.tx, story, EXTERNAL_DEPENDENCIES, id)
        .filter(|d| !is_deleted(rec.tx, d))
        .map(|_| Entity::StoryItem(story_id.to_owned(), EXTERNAL_DEPENDENCIES, id.to_owned()))
        .ok_or_else(|| CoreError::NotFound {
            kind: "cross-team dependency",
            id: format!("{id} (story {story_id})"),
        })
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &CrossTeamEdit) -> Result<String, CoreError> {
    let (CrossTeamEdit::Add { story_id, .. }
    | CrossTeamEdit::Update { story_id, .. }
    | CrossTeamEdit::Delete { story_id, .. }) = edit;
    let obj = story(rec, story_id)?;
    let story_title = title_of(rec.tx, &obj);
    match edit {
        CrossTeamEdit::Add { parts, .. } => {
            let parts = checked(rec, parts)?;
            let live: Vec<Rank> = entries(rec.tx, &obj, EXTERNAL_DEPENDENCIES)
                .iter()
                .filter(|(_, d)| !is_deleted(rec.tx, d))
                .filter_map(|(_, d)| str_field(rec.tx, d, RANK).and_then(|r| Rank::parse(&r).ok()))
                .collect();
            if live.len() >= MAX_EXTERNAL_PER_STORY {
                return Err(CoreError::InvalidInput(format!(
                    "a story waits on at most {MAX_EXTERNAL_PER_STORY} other teams' items"
                )));
            }
            let container = ensure_map(rec, &obj, EXTERNAL_DEPENDENCIES)?;
            let id = rec.create();
            let entry = rec.tx.put_object(&container, &id, ObjType::Map)?;
            rec.tx.put(&entry, TEAM, parts.team.as_str())?;
            rec.tx.put(&entry, ITEM, parts.item.as_str())?;
            if let Some(needed_by) = &parts.needed_by {
                rec.tx.put(&entry, NEEDED_BY, needed_by.as_str())?;
            }
            rec.tx.put(&entry, STATUS, parts.status.as_str())?;
            let rank = Rank::between(live.iter().max(), None);
            rec.tx.put(&entry, RANK, rank.as_string())?;
            rec.created(Entity::StoryItem(
                story_id.clone(),
                EXTERNAL_DEPENDENCIES,
                id,
            ));
            Ok(format!("Make '{story_title}' wait on {}", parts.team))
        }
        CrossTeamEdit::Update {
            dependency_id,
            parts,
            ..
        } => {
            let entity = live(rec, &obj, story_id, dependency_id)?;
            let parts = checked(rec, parts)?;
            rec.set_str(&entity, TEAM, &parts.team)?;
            rec.set_str(&entity, ITEM, &parts.item)?;
            let needed = parts.needed_by.as_deref().map(|n| n.into());
            rec.set(&entity, NEEDED_BY, needed)?;
            rec.set_str(&entity, STATUS, parts.status.as_str())?;
            Ok(format!(
                "Change what '{story_title}' waits on from {}",
                parts.team
            ))
        }
        CrossTeamEdit::Delete { dependency_id, .. } => {
            let entity = live(rec, &obj, story_id, dependency_id)?;
            rec.delete(&entity)?;
            Ok(format!("Take a cross-team dependency off '{story_title}'"))
        }
    }
}
