//! Personas (`personas.rs`): add, change and delete them, and name the one an activity or
//! a story serves. A deleted persona is a flag, so undo brings it back with its activities
//! and stories still naming it; readers treat a deleted one as none.

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType};

use super::shared::{live, settings_part, story, title_of};
use super::tx::EditTx;
use crate::history::Entity;
use crate::personas::{check_color, check_goal, check_name, MAX_PERSONAS, PERSONA_PALETTE};
use crate::read_fields::{is_deleted, str_field};
use crate::schema::*;
use crate::settings_items::ranks;
use crate::{CoreError, Rank};

#[derive(Debug, Clone, PartialEq)]
pub enum PersonaEdit {
    /// Added last; without a colour it takes the palette's next.
    Add {
        name: String,
        goal: String,
        color: Option<String>,
    },
    /// Writes only what differs, so a teammate's concurrent change of another part stays.
    Update {
        persona_id: String,
        name: String,
        goal: String,
        color: String,
    },
    Delete {
        persona_id: String,
    },
    /// Names who does an activity, or no one.
    ForActivity {
        activity_id: String,
        persona_id: Option<String>,
    },
    /// Names who a story serves, or none (it then serves its activity's).
    ForStory {
        story_id: String,
        persona_id: Option<String>,
    },
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &PersonaEdit) -> Result<String, CoreError> {
    match edit {
        PersonaEdit::Add { name, goal, color } => add(rec, name, goal, color.as_deref()),
        PersonaEdit::Update {
            persona_id,
            name,
            goal,
            color,
        } => {
            live_persona(rec, persona_id)?;
            let name = check_name(name)?;
            let goal = check_goal(goal)?;
            let color = check_color(&name, color)?;
            let entity = Entity::Persona(persona_id.clone());
            rec.set_str(&entity, NAME, &name)?;
            rec.set_str(&entity, GOAL, &goal)?;
            rec.set_str(&entity, COLOR, &color)?;
            Ok(format!("Change persona '{name}'"))
        }
        PersonaEdit::Delete { persona_id } => {
            let obj = live_persona(rec, persona_id)?;
            rec.delete(&Entity::Persona(persona_id.clone()))?;
            Ok(format!("Delete persona '{}'", name_of(rec, &obj)))
        }
        PersonaEdit::ForActivity {
            activity_id,
            persona_id,
        } => {
            let obj = live(rec.tx, ACTIVITIES, "activity", activity_id)?;
            let title = title_of(rec.tx, &obj);
            let entity = Entity::Activity(activity_id.clone());
            serve(rec, &entity, &title, persona_id.as_deref())
        }
        PersonaEdit::ForStory {
            story_id,
            persona_id,
        } => {
            let obj = story(rec, story_id)?;
            let title = title_of(rec.tx, &obj);
            let entity = Entity::Story(story_id.clone());
            serve(rec, &entity, &title, persona_id.as_deref())
        }
    }
}

fn add(
    rec: &mut EditTx<'_, '_>,
    name: &str,
    goal: &str,
    color: Option<&str>,
) -> Result<String, CoreError> {
    let name = check_name(name)?;
    let goal = check_goal(goal)?;
    let existing = ranks(&*rec.tx, PERSONAS);
    if existing.len() >= MAX_PERSONAS {
        return Err(CoreError::InvalidInput(format!(
            "a map holds at most {MAX_PERSONAS} personas; delete one first"
        )));
    }
    let color = match color {
        Some(color) => check_color(&name, color)?,
        None => PERSONA_PALETTE[existing.len() % PERSONA_PALETTE.len()].to_owned(),
    };
    let rank = Rank::between(existing.last().map(|(rank, _)| rank), None);
    let container = settings_part(rec, PERSONAS)?;
    let id = rec.create();
    let item = rec.tx.put_object(&container, &id, ObjType::Map)?;
    rec.tx.put(&item, NAME, name.as_str())?;
    rec.tx.put(&item, GOAL, goal.as_str())?;
    rec.tx.put(&item, COLOR, color.as_str())?;
    rec.tx.put(&item, RANK, rank.as_string())?;
    rec.created(Entity::Persona(id));
    Ok(format!("Add persona '{name}'"))
}

/// Writes (or clears) the persona an activity or story serves.
fn serve(
    rec: &mut EditTx<'_, '_>,
    entity: &Entity,
    title: &str,
    persona_id: Option<&str>,
) -> Result<String, CoreError> {
    match persona_id {
        Some(id) => {
            let persona = live_persona(rec, id)?;
            rec.set_str(entity, PERSONA_ID, id)?;
            Ok(format!("'{title}' serves {}", name_of(rec, &persona)))
        }
        None => {
            rec.set(entity, PERSONA_ID, None)?;
            Ok(format!("'{title}' names no persona"))
        }
    }
}

fn name_of(rec: &EditTx<'_, '_>, obj: &ObjId) -> String {
    str_field(rec.tx, obj, NAME).unwrap_or_default()
}

fn live_persona(rec: &EditTx<'_, '_>, id: &str) -> Result<ObjId, CoreError> {
    Entity::Persona(id.to_owned())
        .locate(&*rec.tx)
        .filter(|obj| !is_deleted(rec.tx, obj))
        .ok_or_else(|| CoreError::not_found("persona", id))
}
