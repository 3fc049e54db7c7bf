//! Personas on the wire: add, change and delete them, and name the one an activity or a
//! story serves. Converts to the core's family in one total `From`.

use serde::{Deserialize, Serialize};
use storymap_core as core;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum PersonaEdit {
    /// Added last; without a colour (`null`) it takes the palette's next.
    AddPersona {
        name: String,
        goal: String,
        color: Option<String>,
    },
    UpdatePersona {
        persona_id: String,
        name: String,
        goal: String,
        /// `#rrggbb`.
        color: String,
    },
    DeletePersona {
        persona_id: String,
    },
    /// Names who does an activity, or (`null`) no one.
    SetActivityPersona {
        activity_id: String,
        persona_id: Option<String>,
    },
    /// Names who a story serves, or (`null`) none: it then serves its activity's.
    SetStoryPersona {
        story_id: String,
        persona_id: Option<String>,
    },
}

impl From<PersonaEdit> for core::PersonaEdit {
    fn from(edit: PersonaEdit) -> Self {
        use core::PersonaEdit as Core;
        match edit {
            PersonaEdit::AddPersona { name, goal, color } => Core::Add { name, goal, color },
            PersonaEdit::UpdatePersona {
                persona_id,
                name,
                goal,
                color,
            } => Core::Update {
                persona_id,
                name,
                goal,
                color,
            },
            PersonaEdit::DeletePersona { persona_id } => Core::Delete { persona_id },
            PersonaEdit::SetActivityPersona {
                activity_id,
                persona_id,
            } => Core::ForActivity {
                activity_id,
                persona_id,
            },
            PersonaEdit::SetStoryPersona {
                story_id,
                persona_id,
            } => Core::ForStory {
                story_id,
                persona_id,
            },
        }
    }
}
