//! Who reads each story of a session aloud: changing one story's reader, and leaving a
//! participant out of the rotation (or back in), which deals the stories not read yet
//! again.

use super::session_parts::{item, session, story_entity, text};
use super::session_readers::deal_again;
use super::shared::story_title;
use super::tx::EditTx;
use crate::history::Entity;
use crate::read::str_field;
use crate::schema::*;
use crate::CoreError;

#[derive(Debug, Clone, PartialEq)]
pub enum ReaderEdit {
    /// `None`: nobody reads it.
    SetReader {
        session_id: String,
        story_id: String,
        participant_id: Option<String>,
    },
    /// Leaves a participant out of the readers' rotation (`skip`), or takes them back.
    SkipReader {
        session_id: String,
        participant_id: String,
        skip: bool,
    },
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &ReaderEdit) -> Result<String, CoreError> {
    match edit {
        ReaderEdit::SetReader {
            session_id,
            story_id,
            participant_id,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, SESSION_STORIES, "story", story_id)?;
            let name = match participant_id {
                Some(id) => {
                    let who = item(rec, &obj, PARTICIPANTS, "participant", id)?;
                    Some(str_field(rec.tx, &who, NAME).unwrap_or_default())
                }
                None => None,
            };
            let value = participant_id.as_deref().and_then(text);
            rec.set(&story_entity(session_id, story_id), READER, value)?;
            let title = story_title(rec.tx, story_id);
            Ok(match name {
                Some(name) => format!("{name} reads '{title}'"),
                None => format!("Nobody reads '{title}'"),
            })
        }
        ReaderEdit::SkipReader {
            session_id,
            participant_id,
            skip,
        } => {
            let obj = session(rec, session_id, true)?;
            let who = item(rec, &obj, PARTICIPANTS, "participant", participant_id)?;
            let name = str_field(rec.tx, &who, NAME).unwrap_or_default();
            let entity =
                Entity::SessionItem(session_id.clone(), PARTICIPANTS, participant_id.clone());
            rec.set(&entity, SKIPS_READING, skip.then_some(true.into()))?;
            deal_again(rec, (session_id, &obj))?;
            Ok(if *skip {
                format!("Skip {name} as a reader")
            } else {
                format!("{name} reads again")
            })
        }
    }
}
