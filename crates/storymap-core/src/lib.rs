//! The story-map domain: the Automerge document schema, the edits a POPM makes, rank
//! strings and the read model. Pure: no IO, no clock, no randomness of its own — ids and
//! times come in through [`EditContext`], so every test is deterministic.

mod document;
mod edit;
mod error;
pub mod generate;
mod import;
mod model;
mod rank;
mod read;
mod schema;

pub use document::{EditContext, MapDocument};
pub use edit::{Applied, Edit};
pub use error::CoreError;
pub use import::MapImport;
pub use model::{AcceptanceCriterion, Activity, MapModel, ReleaseSlice, Step, Story, StoryStatus};
pub use rank::Rank;
pub use schema::SCHEMA_VERSION;
