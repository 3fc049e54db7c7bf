//! The story-map domain: the Automerge document schema, the edits a POPM makes, rank
//! strings and the read model. Pure: no IO, no clock, no randomness of its own — ids and
//! times come in through [`EditContext`], so every test is deterministic.

mod document;
mod edit;
mod edit_refine;
mod error;
pub mod generate;
mod history;
mod import;
mod merge;
mod model;
mod rank;
mod read;
pub mod refine;
mod schema;

pub use document::{EditContext, MapDocument, Reverted};
pub use edit::{Applied, Edit, UNPLANNED};
pub use edit_refine::{criteria_lines, RefineEdit, SplitChild, StoryField, WsjfPart};
pub use error::CoreError;
pub use history::{Entity, FieldWrite, UndoRecord};
pub use import::MapImport;
pub use merge::Merged;
pub use model::{
    slice_rollups, AcceptanceCriterion, Activity, MapModel, MapSettings, ReleaseSlice, SliceRollup,
    Step, Story, StoryDetails, StoryStatus, StoryTally,
};
pub use rank::Rank;
pub use schema::SCHEMA_VERSION;
