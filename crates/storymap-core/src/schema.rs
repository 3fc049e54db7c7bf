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
// Refinement (schema.md: "Story refinement").
pub const AS_A: &str = "asA";
pub const I_WANT: &str = "iWant";
pub const SO_THAT: &str = "soThat";
pub const WHY: &str = "why";
pub const NOTES: &str = "notes";
pub const LABELS: &str = "labels";
/// Session flags: one boolean field each, so two peers flagging one story at once both keep
/// theirs (a set created by both would conflict and keep one side's).
pub const FLAG_RISKY: &str = "flagRisky";
pub const FLAG_UNCLEAR: &str = "flagUnclear";
pub const FLAG_RESEARCH_NEEDED: &str = "flagResearchNeeded";
pub const FLAG_DISCUSSION_NEEDED: &str = "flagDiscussionNeeded";
pub const BLOCKED_REASON: &str = "blockedReason";
pub const PARKED_REASON: &str = "parkedReason";
pub const NEEDS_INPUT_FROM: &str = "needsInputFrom";
pub const WSJF: &str = "wsjf";
pub const WSJF_VALUE: &str = "value";
pub const WSJF_TIME_CRITICALITY: &str = "timeCriticality";
pub const WSJF_RISK_REDUCTION: &str = "riskReduction";
pub const WSJF_JOB_SIZE: &str = "jobSize";
pub const DEPENDS_ON: &str = "dependsOn";
pub const READY_CHECKS: &str = "readyChecks";
pub const SPLIT_FROM: &str = "splitFrom";
pub const SPLIT_FROM_TITLE: &str = "splitFromTitle";
pub const SPLIT_INTO: &str = "splitInto";
pub const GIVEN: &str = "given";
pub const WHEN: &str = "when";
pub const THEN: &str = "then";
pub const SETTINGS: &str = "settings";
pub const DEFINITION_OF_READY: &str = "definitionOfReady";
pub const RULE: &str = "rule";
pub const TSHIRT_POINTS: &str = "tshirtPoints";
pub const SMALL_LIMIT: &str = "smallLimit";
pub const STATUS_LABELS: &str = "statusLabels";
/// Label → `#rrggbb`, one field per label so colouring two labels at once keeps both.
pub const LABEL_COLORS: &str = "labelColors";
/// Capacity (`capacity.rs`): points per sprint, days per sprint, the ready target band.
pub const VELOCITY: &str = "velocity";
pub const SPRINT_LENGTH_DAYS: &str = "sprintLengthDays";
pub const READY_TARGET_SPRINTS: &str = "readyTargetSprints";
pub const TARGET_MIN: &str = "min";
pub const TARGET_MAX: &str = "max";
/// PI objectives (`objectives.rs`), inside the settings, and the one a story aligns to.
pub const OBJECTIVES: &str = "objectives";
pub const BUSINESS_VALUE: &str = "businessValue";
pub const COMMITTED: &str = "committed";
pub const OBJECTIVE_ID: &str = "objectiveId";
/// Personas (`personas.rs`), inside the settings, and the one an activity or story serves.
pub const PERSONAS: &str = "personas";
pub const GOAL: &str = "goal";
pub const COLOR: &str = "color";
pub const PERSONA_ID: &str = "personaId";
/// A story's cross-team dependencies (`crossteam.rs`): a map keyed by id, made on first use.
pub const EXTERNAL_DEPENDENCIES: &str = "externalDependencies";
pub const TEAM: &str = "team";
pub const ITEM: &str = "item";
pub const NEEDED_BY: &str = "neededBy";
/// A session's ready backlog when it ended, for the health trend.
pub const READY_POINTS: &str = "readyPoints";
pub const READY_SPRINTS: &str = "readySprints";
/// The Jira issue key an epic (activity) or story came from, kept for the round trip.
pub const JIRA_KEY: &str = "jiraKey";

/// Deletes are flags, so undo can restore and a concurrent edit is never lost.
pub const DELETED: &str = "deleted";

/// Whether a story's notes stay off the projector; absent reads as `true` (private).
pub const NOTES_PRIVATE: &str = "notesPrivate";

// Refinement sessions (schema.md: "Refinement sessions").
pub const SESSIONS: &str = "sessions";
pub const STARTED_AT: &str = "startedAt";
pub const ENDED_AT: &str = "endedAt";
pub const LENGTH_MINUTES: &str = "lengthMinutes";
pub const TIMEBOX_MINUTES: &str = "timeboxMinutes";
pub const FACILITATOR: &str = "facilitator";
pub const AGENDA: &str = "agenda";
pub const START_MINUTE: &str = "startMinute";
pub const END_MINUTE: &str = "endMinute";
pub const SESSION_STORIES: &str = "stories";
pub const STATE: &str = "state";
pub const SPENT_SECONDS: &str = "spentSeconds";
pub const FOCUS: &str = "focus";
pub const PARTICIPANTS: &str = "participants";
pub const READER: &str = "reader";
pub const SKIPS_READING: &str = "skipsReading";
pub const DECK: &str = "deck";
pub const ROUNDS: &str = "rounds";
pub const STORY_ID: &str = "storyId";
pub const NUMBER: &str = "number";
pub const VOTES: &str = "votes";
pub const REVEALED: &str = "revealed";
pub const ACCEPTED_ESTIMATE: &str = "acceptedEstimate";
pub const SESSION_NOTES: &str = "notes";
pub const KIND_KEY: &str = "kind";
pub const AT: &str = "at";
pub const AUTHOR: &str = "author";

// A story's discussion (schema.md: "Comments and links"): maps keyed by id, never lists,
// so two people commenting offline both keep theirs.
pub const COMMENTS: &str = "comments";
pub const LINKS: &str = "links";
pub const URL: &str = "url";
pub const EDITED_AT: &str = "editedAt";
