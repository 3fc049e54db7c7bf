//! A refinement session's agenda: its timed items, added, renamed, retimed, reordered.

use automerge::transaction::Transactable;

use super::ranks::{place, siblings_in, without};
use super::session_parts::{item, new_item, rank_at_end, session, text, uint};
use super::shared::clean_title;
use super::tx::EditTx;
use crate::history::Entity;
use crate::schema::*;
use crate::CoreError;

#[derive(Debug, Clone, PartialEq)]
pub enum AgendaEdit {
    AddAgendaItem {
        session_id: String,
        title: String,
        start_minute: u32,
        end_minute: u32,
    },
    RenameAgendaItem {
        session_id: String,
        item_id: String,
        title: String,
    },
    RetimeAgendaItem {
        session_id: String,
        item_id: String,
        start_minute: u32,
        end_minute: u32,
    },
    DeleteAgendaItem {
        session_id: String,
        item_id: String,
    },
    MoveAgendaItem {
        session_id: String,
        item_id: String,
        to_index: usize,
    },
}

fn check_minutes(start: u32, end: u32) -> Result<(), CoreError> {
    if start >= end || end > 24 * 60 {
        return Err(super::session_parts::invalid(format!(
            "an agenda item runs from its start minute to a later end minute within a day (got {start}–{end})"
        )));
    }
    Ok(())
}

fn agenda_entity(session_id: &str, item_id: &str) -> Entity {
    Entity::SessionItem(session_id.to_owned(), AGENDA, item_id.to_owned())
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &AgendaEdit) -> Result<String, CoreError> {
    let new_id = rec.new_id.to_owned();
    let label = match edit {
        AgendaEdit::AddAgendaItem {
            session_id,
            title,
            start_minute,
            end_minute,
        } => {
            let obj = session(rec, session_id, true)?;
            let title = clean_title("agenda item", title)?;
            check_minutes(*start_minute, *end_minute)?;
            let rank = rank_at_end(rec, &obj, AGENDA).as_string();
            let entry = new_item(rec, (session_id, &obj), AGENDA, &new_id)?;
            let tx = &mut *rec.tx;
            tx.put(&entry, TITLE, title.as_str())?;
            tx.put(&entry, START_MINUTE, u64::from(*start_minute))?;
            tx.put(&entry, END_MINUTE, u64::from(*end_minute))?;
            tx.put(&entry, RANK, rank)?;
            rec.created_id = Some(new_id.to_owned());
            return Ok(format!("Add '{title}' to the agenda"));
        }
        AgendaEdit::RenameAgendaItem {
            session_id,
            item_id,
            title,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, AGENDA, "agenda item", item_id)?;
            let title = clean_title("agenda item", title)?;
            rec.set(&agenda_entity(session_id, item_id), TITLE, text(&title))?;
            format!("Rename an agenda item to '{title}'")
        }
        AgendaEdit::RetimeAgendaItem {
            session_id,
            item_id,
            start_minute,
            end_minute,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, AGENDA, "agenda item", item_id)?;
            check_minutes(*start_minute, *end_minute)?;
            let entity = agenda_entity(session_id, item_id);
            rec.set(&entity, START_MINUTE, uint(u64::from(*start_minute)))?;
            rec.set(&entity, END_MINUTE, uint(u64::from(*end_minute)))?;
            format!("Retime an agenda item to {start_minute}–{end_minute} min")
        }
        AgendaEdit::DeleteAgendaItem {
            session_id,
            item_id,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, AGENDA, "agenda item", item_id)?;
            rec.delete(&agenda_entity(session_id, item_id))?;
            "Remove an agenda item".to_owned()
        }
        AgendaEdit::MoveAgendaItem {
            session_id,
            item_id,
            to_index,
        } => {
            let obj = session(rec, session_id, true)?;
            item(rec, &obj, AGENDA, "agenda item", item_id)?;
            let others = without(siblings_in(rec.tx, &obj, AGENDA, |_| true), item_id);
            let of = |id: String| Entity::SessionItem(session_id.clone(), AGENDA, id);
            place(
                rec,
                &others,
                *to_index,
                agenda_entity(session_id, item_id),
                of,
            )?;
            "Reorder the agenda".to_owned()
        }
    };
    Ok(label)
}
