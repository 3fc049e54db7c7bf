//! The edits a POPM makes to a map, by family: one file per family of operations, each
//! applied as one Automerge transaction through [`tx::EditTx`], which records the fields
//! written so the local user can undo them. Families depend on the shared helpers
//! (`tx`, `shared`, `ranks`, `session_parts`), never on each other
//! (`tests/module_graph.rs` checks it).

mod agenda;
mod backbone;
mod cards;
mod comments;
mod criteria;
mod crossteam;
mod dependencies;
mod estimate;
pub(crate) mod history;
mod links;
mod objectives;
mod personas;
mod poker;
pub(crate) mod ranks;
mod readers;
mod room;
mod session;
mod session_parts;
mod session_readers;
mod settings;
pub(crate) mod shared;
mod slices;
mod split;
mod story;
pub(crate) mod tx;

pub use agenda::AgendaEdit;
pub use backbone::BackboneEdit;
pub use cards::{CardEdit, JiraItem};
pub use comments::CommentEdit;
pub use criteria::{criteria_lines, CriteriaEdit};
pub use crossteam::{CrossTeamEdit, ExternalParts};
pub use dependencies::DependencyEdit;
pub use estimate::{EstimateEdit, WsjfPart};
pub use history::{heads_from_hex, HistoryEdit};
pub use links::LinkEdit;
pub use objectives::ObjectiveEdit;
pub use personas::PersonaEdit;
pub use poker::PokerEdit;
pub use readers::ReaderEdit;
pub use room::RoomEdit;
pub use session::{SessionEdit, SessionStart};
pub use settings::{SettingsEdit, MAX_POINTS};
pub use slices::{SliceEdit, UNPLANNED};
pub use split::{SplitChild, SplitEdit, MAX_SPLIT, MIN_SPLIT};
pub use story::{StoryEdit, StoryField};
pub use tx::{Applied, EditContext};

use crate::CoreError;
use tx::EditTx;

/// Declares [`Edit`] with one variant per family, and the conversion from each family.
macro_rules! families {
    ($($variant:ident($family:ty) => $apply:path),* $(,)?) => {
        /// Any edit: one family's operation.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Edit {
            $($variant($family),)*
            /// Settling a conflict or restoring the past: planned against the whole
            /// document before its transaction (see `history`).
            History(HistoryEdit),
        }

        $(impl From<$family> for Edit {
            fn from(edit: $family) -> Edit {
                Edit::$variant(edit)
            }
        })*

        /// Applies an edit other than a history edit; returns its label.
        pub(crate) fn apply(tx: &mut EditTx<'_, '_>, edit: &Edit) -> Result<String, CoreError> {
            match edit {
                $(Edit::$variant(edit) => $apply(tx, edit),)*
                Edit::History(_) => Err(CoreError::InvalidInput(
                    "a history edit is planned against the whole document, not in a batch".into(),
                )),
            }
        }
    };
}

families! {
    Backbone(BackboneEdit) => backbone::apply,
    Slice(SliceEdit) => slices::apply,
    Card(CardEdit) => cards::apply,
    Story(StoryEdit) => story::apply,
    Criteria(CriteriaEdit) => criteria::apply,
    Comment(CommentEdit) => comments::apply,
    Link(LinkEdit) => links::apply,
    CrossTeam(CrossTeamEdit) => crossteam::apply,
    Estimate(EstimateEdit) => estimate::apply,
    Dependency(DependencyEdit) => dependencies::apply,
    Split(SplitEdit) => split::apply,
    Settings(SettingsEdit) => settings::apply,
    Objective(ObjectiveEdit) => objectives::apply,
    Persona(PersonaEdit) => personas::apply,
    Session(SessionEdit) => session::apply,
    Room(RoomEdit) => room::apply,
    Agenda(AgendaEdit) => agenda::apply,
    Poker(PokerEdit) => poker::apply,
    Reader(ReaderEdit) => readers::apply,
}

impl From<HistoryEdit> for Edit {
    fn from(edit: HistoryEdit) -> Edit {
        Edit::History(edit)
    }
}
