//! Personas on the wire: the map's personas (top-level `personas` of the map view and the
//! JSON export), each with its initials and the text colour that reads on its colour,
//! worked out in Rust (the edits: `edits/personas.rs`).

use serde::{Deserialize, Serialize};
use storymap_core::label_colors::text_color;
use storymap_core::personas::Persona;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonaView {
    pub id: String,
    pub name: String,
    /// What they are trying to get done, in a line (optional on import).
    #[serde(default)]
    pub goal: String,
    /// `#rrggbb` (optional on import: the palette's colour for its place).
    #[serde(default)]
    pub color: String,
    /// Derived, ignored on import: "BT" for "Budget traveller".
    #[serde(default, skip_deserializing)]
    pub initials: String,
    /// Derived, ignored on import: the text colour that reads on `color`.
    #[serde(default, skip_deserializing)]
    pub text_color: String,
}

impl From<&Persona> for PersonaView {
    fn from(p: &Persona) -> Self {
        PersonaView {
            id: p.id.clone(),
            name: p.name.clone(),
            goal: p.goal.clone(),
            color: p.color.clone(),
            initials: p.initials(),
            text_color: text_color(&p.color).to_owned(),
        }
    }
}

/// A file's personas; one without a colour takes the palette's for its place.
pub(crate) fn personas_from_views(views: &[PersonaView]) -> Vec<Persona> {
    use storymap_core::personas::PERSONA_PALETTE;
    (views.iter().enumerate())
        .map(|(place, v)| Persona {
            id: v.id.clone(),
            name: v.name.clone(),
            goal: v.goal.clone(),
            color: match v.color.trim() {
                "" => PERSONA_PALETTE[place % PERSONA_PALETTE.len()].to_owned(),
                color => color.to_owned(),
            },
        })
        .collect()
}
