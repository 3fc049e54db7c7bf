//! [`MapEdit`], one user intent on a map as the UI sends it: one family of edits per file,
//! each with the same `kind` tags on the wire as ever and one total conversion to the
//! core's family. `MapEdit` itself only picks the family by `kind`.

mod crossteam;
mod discussion;
mod history;
mod objectives;
mod personas;
mod readers;
mod refine;
mod room;
mod shape;

pub use crossteam::CrossTeamEdit;
pub use discussion::{CommentEdit, LinkEdit};
pub use history::HistoryEdit;
pub use objectives::ObjectiveEdit;
pub use personas::PersonaEdit;
pub use readers::ReaderEdit;
pub use refine::{CriteriaEdit, DependencyEdit, EstimateEdit, SettingsEdit, SplitEdit, StoryEdit};
pub use room::{AgendaEdit, PokerEdit, RoomEdit, SessionEdit};
pub use shape::{BackboneEdit, CardEdit, SliceEdit};

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

/// Declares [`MapEdit`] over the families, its conversions, and reading it by `kind`.
macro_rules! map_edit_families {
    ($($family:ident),* $(,)?) => {
        /// One user intent on a map. Each is one Automerge change and one SQLite
        /// transaction. On the wire, an object tagged by `kind`.
        #[derive(Debug, Clone, PartialEq, Serialize, TS)]
        #[serde(untagged)]
        pub enum MapEdit {
            $($family($family),)*
        }

        $(impl From<$family> for MapEdit {
            fn from(edit: $family) -> MapEdit {
                MapEdit::$family(edit)
            }
        })*

        impl From<MapEdit> for storymap_core::Edit {
            fn from(edit: MapEdit) -> Self {
                match edit {
                    $(MapEdit::$family(edit) => storymap_core::$family::from(edit).into(),)*
                }
            }
        }

        impl<'de> Deserialize<'de> for MapEdit {
            /// The family that knows the `kind`; its own error (a missing field, say) when
            /// the edit is malformed.
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = serde_json::Value::deserialize(deserializer)?;
                let kind = value
                    .get("kind")
                    .and_then(serde_json::Value::as_str)
                    .ok_or_else(|| D::Error::custom("an edit needs a `kind`"))?
                    .to_owned();
                $(match serde_json::from_value::<$family>(value.clone()) {
                    Ok(edit) => return Ok(MapEdit::$family(edit)),
                    Err(error) if !error.to_string().starts_with("unknown variant") => {
                        return Err(D::Error::custom(error));
                    }
                    Err(_) => {}
                })*
                Err(D::Error::custom(format!("unknown edit kind `{kind}`")))
            }
        }
    };
}

map_edit_families!(
    BackboneEdit,
    SliceEdit,
    CardEdit,
    StoryEdit,
    CriteriaEdit,
    CommentEdit,
    LinkEdit,
    CrossTeamEdit,
    EstimateEdit,
    DependencyEdit,
    SplitEdit,
    SettingsEdit,
    ObjectiveEdit,
    PersonaEdit,
    SessionEdit,
    RoomEdit,
    AgendaEdit,
    PokerEdit,
    ReaderEdit,
    HistoryEdit,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_read_and_write_the_same_wire_form_as_before() {
        let json =
            r#"{"kind":"moveStory","storyId":"s1","stepId":"t","releaseId":"r","toIndex":2}"#;
        let edit: MapEdit = serde_json::from_str(json).unwrap();
        assert_eq!(
            edit,
            MapEdit::from(CardEdit::MoveStory {
                story_id: "s1".into(),
                step_id: "t".into(),
                release_id: "r".into(),
                to_index: 2,
            })
        );
        assert_eq!(serde_json::to_string(&edit).unwrap(), json);
    }

    #[test]
    fn a_malformed_edit_says_what_is_wrong() {
        let error = |json: &str| {
            serde_json::from_str::<MapEdit>(json)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(error(r#"{"storyId":"s1"}"#), "an edit needs a `kind`");
        assert_eq!(error(r#"{"kind":"fly"}"#), "unknown edit kind `fly`");
        assert!(error(r#"{"kind":"setEstimate"}"#).contains("missing field `storyId`"));
    }
}
