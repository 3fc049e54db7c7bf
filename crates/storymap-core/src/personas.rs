//! Personas: who the map's work is for. Each has a name, a short goal and a colour (its
//! initials are drawn on it); an activity names the persona who does it, and a story may
//! name its own (otherwise it serves its activity's).
//!
//! In the document they live in the settings (`settings.personas`, keyed by id, ranked),
//! so they are read, projected and sent to the window with the other map-level choices.

use std::collections::{HashMap, HashSet};

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ReadDoc};

use crate::edit::shared::{bounded, clean_title};
use crate::label_colors::parse_hex_color;
use crate::read_fields::sorted;
use crate::schema::*;
use crate::settings_items::live_items;
use crate::{CoreError, MapModel, Rank, Story};

/// A map rarely has more than a handful; this bounds a hostile file and the lane.
pub const MAX_PERSONAS: usize = 30;
/// A goal is a line on a chip and a card, not a document.
pub const MAX_PERSONA_GOAL_CHARS: usize = 200;
/// A name is a chip's label.
pub const MAX_PERSONA_NAME_CHARS: usize = 60;
/// The colours new personas take in turn: distinct on a projector in both themes.
pub const PERSONA_PALETTE: [&str; 8] = [
    "#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626", "#4d7c0f",
];

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Persona {
    pub id: String,
    pub name: String,
    /// What they are trying to get done, in a line.
    pub goal: String,
    /// `#rrggbb`.
    pub color: String,
}

impl Persona {
    /// Up to two letters: the first of the first two words ("Budget traveller" → "BT"),
    /// skipping words that start with a sign ("Budget & busy" → "BB").
    pub fn initials(&self) -> String {
        self.name
            .split_whitespace()
            .filter_map(|word| word.chars().next())
            .filter(|c| c.is_alphanumeric())
            .take(2)
            .flat_map(char::to_uppercase)
            .collect()
    }
}

/// A persona's name: a title no longer than a chip holds.
pub fn check_name(name: &str) -> Result<String, CoreError> {
    let name = clean_title("persona", name)?;
    if name.chars().count() > MAX_PERSONA_NAME_CHARS {
        return Err(CoreError::InvalidInput(format!(
            "the persona name is longer than {MAX_PERSONA_NAME_CHARS} characters"
        )));
    }
    Ok(name)
}

/// A persona's goal: optional, one short line.
pub fn check_goal(goal: &str) -> Result<String, CoreError> {
    bounded("persona's goal", goal, MAX_PERSONA_GOAL_CHARS)
}

/// A persona's colour, `#rrggbb`, or a clear error naming the persona.
pub fn check_color(name: &str, color: &str) -> Result<String, CoreError> {
    parse_hex_color(&format!("persona '{name}'"), color)
}

/// The personas in order, from every copy of the settings (`settings`), leaving out deleted
/// ones; a colour a peer wrote wrong reads as the palette's colour for its place.
pub(crate) fn read<R: ReadDoc>(doc: &R, settings: &[ObjId]) -> Vec<Persona> {
    let mut items = live_items(doc, settings, PERSONAS);
    items.sort_by(|a, b| (&a.rank, &a.id).cmp(&(&b.rank, &b.id)));
    let ranked = items
        .into_iter()
        .enumerate()
        .map(|(place, item)| {
            let name = item.text(doc, NAME).unwrap_or_default();
            let color = item
                .text(doc, COLOR)
                .and_then(|c| check_color(&name, &c).ok())
                .unwrap_or_else(|| PERSONA_PALETTE[place % PERSONA_PALETTE.len()].to_owned());
            let persona = Persona {
                goal: item.text(doc, GOAL).unwrap_or_default(),
                name,
                color,
                id: item.id.clone(),
            };
            (item.rank, item.id, persona)
        })
        .collect();
    sorted(ranked)
}

/// Writes a file's personas into a new map's settings, ranked in file order.
pub(crate) fn put(
    tx: &mut automerge::transaction::Transaction<'_>,
    settings: &ObjId,
    personas: &[Persona],
) -> Result<(), CoreError> {
    if personas.is_empty() {
        return Ok(());
    }
    let container = tx.put_object(settings, PERSONAS, ObjType::Map)?;
    for (persona, rank) in personas.iter().zip(Rank::sequence(None, personas.len())) {
        let item = tx.put_object(&container, persona.id.as_str(), ObjType::Map)?;
        tx.put(&item, NAME, persona.name.as_str())?;
        tx.put(&item, GOAL, persona.goal.as_str())?;
        tx.put(&item, COLOR, persona.color.as_str())?;
        tx.put(&item, RANK, rank.as_string())?;
    }
    Ok(())
}

/// A file's personas are few, each named, with a short goal and a colour, under its own
/// id; every activity and story names one of them (or none).
pub(crate) fn check(model: &MapModel) -> Result<(), CoreError> {
    let personas = &model.settings.personas;
    if personas.len() > MAX_PERSONAS {
        return Err(CoreError::InvalidInput(format!(
            "the map has {} personas; a map holds at most {MAX_PERSONAS}",
            personas.len()
        )));
    }
    let mut ids = HashSet::new();
    for persona in personas {
        if persona.id.trim().is_empty() || !ids.insert(persona.id.as_str()) {
            return Err(CoreError::InvalidInput(format!(
                "persona '{}' has an empty id or one used twice",
                persona.name
            )));
        }
        check_name(&persona.name)?;
        check_goal(&persona.goal)
            .and_then(|_| check_color(&persona.name, &persona.color))
            .map_err(|e| CoreError::InvalidInput(format!("persona '{}': {e}", persona.name)))?;
    }
    let unknown = |what: &str, title: &str, id: &str| {
        CoreError::InvalidInput(format!(
            "{what} '{title}' serves persona '{id}', which the map does not have"
        ))
    };
    for activity in &model.activities {
        if let Some(id) = activity
            .persona_id
            .as_deref()
            .filter(|id| !ids.contains(id))
        {
            return Err(unknown("activity", &activity.title, id));
        }
    }
    for story in &model.stories {
        if let Some(id) = story
            .details
            .persona_id
            .as_deref()
            .filter(|id| !ids.contains(id))
        {
            return Err(unknown("story", &story.title, id));
        }
    }
    Ok(())
}

/// Who each story serves: its own persona, or else its activity's. Built once per read, so
/// a filter over 10,000 stories looks each up in constant time.
pub struct PersonaIndex<'a> {
    personas: HashMap<&'a str, &'a Persona>,
    by_activity: HashMap<&'a str, &'a Persona>,
}

impl<'a> PersonaIndex<'a> {
    pub fn new(model: &'a MapModel) -> PersonaIndex<'a> {
        let personas: HashMap<&str, &Persona> = model
            .settings
            .personas
            .iter()
            .map(|p| (p.id.as_str(), p))
            .collect();
        let by_activity = model
            .activities
            .iter()
            .filter_map(|a| {
                let persona = personas.get(a.persona_id.as_deref()?)?;
                Some((a.id.as_str(), *persona))
            })
            .collect();
        PersonaIndex {
            personas,
            by_activity,
        }
    }

    /// The live persona who does an activity.
    pub fn of_activity(&self, activity_id: &str) -> Option<&'a Persona> {
        self.by_activity.get(activity_id).copied()
    }

    /// The live persona `story` serves (a deleted one reads as none), and whether it is the
    /// story's own (`true`) or its activity's.
    pub fn of(&self, story: &Story) -> Option<(&'a Persona, bool)> {
        let own = story.details.persona_id.as_deref();
        if let Some(persona) = own.and_then(|id| self.personas.get(id)) {
            return Some((persona, true));
        }
        Some((self.of_activity(&story.activity_id)?, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persona(name: &str) -> Persona {
        Persona {
            id: "p".into(),
            name: name.into(),
            goal: String::new(),
            color: PERSONA_PALETTE[0].into(),
        }
    }

    #[test]
    fn initials_are_the_first_letters_of_the_first_two_words() {
        assert_eq!(persona("Budget traveller").initials(), "BT");
        assert_eq!(persona("sam").initials(), "S");
        assert_eq!(persona("Ops lead on call").initials(), "OL");
        assert_eq!(persona("élodie  durand").initials(), "ÉD");
        assert_eq!(persona("Budget & busy").initials(), "BB");
    }

    #[test]
    fn names_goals_and_colours_are_checked() {
        assert_eq!(check_name("  Sam ").unwrap(), "Sam");
        assert!(check_name(" ")
            .unwrap_err()
            .to_string()
            .contains("needs a name"));
        assert!(check_name(&"x".repeat(61)).is_err());
        assert_eq!(check_goal(" book fast ").unwrap(), "book fast");
        assert!(check_goal(&"g".repeat(201)).is_err());
        let refused = check_color("Sam", "blue").unwrap_err().to_string();
        assert!(
            refused.contains("persona 'Sam' must be #rrggbb"),
            "{refused}"
        );
    }
}
