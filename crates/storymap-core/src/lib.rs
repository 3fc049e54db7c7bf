//! The story-map domain: the Automerge document schema, the edits a POPM makes, rank
//! strings and the read model. Pure: no IO, no clock, no randomness of its own — ids and
//! times come in through [`EditContext`], so every test is deterministic.

mod authors;
pub mod capacity;
mod change_effect;
mod change_summary;
pub mod comments;
mod conflicts;
pub mod crossteam;
mod document;
pub mod edit;
mod error;
mod field_key;
mod flags;
pub mod generate;
mod history;
mod import;
pub mod jira;
pub mod label_colors;
pub mod limits;
mod markdown;
mod merge;
mod merge_check;
mod merge_hidden;
mod model;
mod model_update;
pub mod objectives;
mod op_origins;
pub mod personas;
mod placement;
mod presentation;
mod rank;
mod read;
mod read_fields;
mod read_settings;
pub mod refine;
mod schema;
pub mod session;
mod settings_items;
mod story_status;
mod timeline;

pub use automerge::ChangeHash;
pub use change_summary::{ChangeEntry, ChangeKind};
pub use conflicts::{conflicts, Conflict, ConflictValue};
pub use document::{MapDocument, Reverted};
pub use edit::{
    criteria_lines, heads_from_hex, AgendaEdit, Applied, BackboneEdit, CardEdit, CommentEdit,
    CriteriaEdit, CrossTeamEdit, DependencyEdit, Edit, EditContext, EstimateEdit, ExternalParts,
    HistoryEdit, JiraItem, LinkEdit, ObjectiveEdit, PersonaEdit, PokerEdit, ReaderEdit, RoomEdit,
    SessionEdit, SessionStart, SettingsEdit, SliceEdit, SplitChild, SplitEdit, StoryEdit,
    StoryField, WsjfPart, UNPLANNED,
};
pub use error::CoreError;
pub use flags::StoryFlag;
pub use history::{Entity, FieldWrite, UndoRecord};
pub use import::MapImport;
pub use markdown::markdown;
pub use merge::Merged;
pub use model::{
    slice_rollups, AcceptanceCriterion, Activity, MapModel, MapSettings, ReleaseSlice, SliceRollup,
    Step, Story, StoryDetails, StoryStatus, StoryTally,
};
pub use presentation::{
    presentation_activity, presentation_slice, presentation_story, PresentedActivity,
    PresentedCard, PresentedColumn, PresentedSlice, PresentedStory,
};
pub use rank::Rank;
pub use schema::SCHEMA_VERSION;
pub use timeline::{
    changes_since, history_points, since_last_session, story_timeline, HistoryPoint, MapChanges,
    Since, StoryChanges, MAX_CHANGES,
};
