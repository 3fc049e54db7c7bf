//! Keys of the map document, in one place; docs/schema.md describes the same shape.

/// Bumped on every incompatible change of the document shape.
pub const SCHEMA_VERSION: u64 = 1;
/// Marks a document as a story map, so a foreign Automerge document is refused on load.
pub const DOCUMENT_KIND: &str = "storymap";

pub const KIND: &str = "kind";
pub const SCHEMA_VERSION_KEY: &str = "schemaVersion";
pub const MAP_ID: &str = "mapId";
pub const NAME: &str = "name";
pub const ACTIVITIES: &str = "activities";
pub const STEPS: &str = "steps";
pub const RELEASES: &str = "releases";
pub const STORIES: &str = "stories";

pub const TITLE: &str = "title";
pub const RANK: &str = "rank";
pub const ACTIVITY_ID: &str = "activityId";
pub const STEP_ID: &str = "stepId";
pub const RELEASE_ID: &str = "releaseId";
pub const DESCRIPTION: &str = "description";
pub const STATUS: &str = "status";
pub const ESTIMATE: &str = "estimate";
pub const ACCEPTANCE_CRITERIA: &str = "acceptanceCriteria";
pub const TEXT: &str = "text";
pub const DONE: &str = "done";
pub const CREATED_AT: &str = "createdAt";
/// Deletes are flags, so undo can restore and a concurrent edit is never lost.
pub const DELETED: &str = "deleted";
