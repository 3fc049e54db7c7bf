//! Where a story is in refinement, with the names a map starts with and the document's spelling.

/// Where a story is in refinement: idea → draft → refining → ready → in sprint → done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StoryStatus {
    Idea,
    Draft,
    Refining,
    Ready,
    InSprint,
    Done,
}

impl StoryStatus {
    pub const ALL: [StoryStatus; 6] = [
        StoryStatus::Idea,
        StoryStatus::Draft,
        StoryStatus::Refining,
        StoryStatus::Ready,
        StoryStatus::InSprint,
        StoryStatus::Done,
    ];

    /// The name a map starts with; teams may rename it (`MapSettings::status_labels`).
    pub fn default_label(self) -> &'static str {
        match self {
            StoryStatus::Idea => "Idea",
            StoryStatus::Draft => "Draft",
            StoryStatus::Refining => "Refining",
            StoryStatus::Ready => "Ready",
            StoryStatus::InSprint => "In sprint",
            StoryStatus::Done => "Done",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StoryStatus::Idea => "idea",
            StoryStatus::Draft => "draft",
            StoryStatus::Refining => "refining",
            StoryStatus::Ready => "ready",
            StoryStatus::InSprint => "inSprint",
            StoryStatus::Done => "done",
        }
    }

    /// Reads the values of schema 1's first release too ("todo", "inProgress"); unknown
    /// values (written by a newer version) read as `Draft` rather than failing.
    pub fn parse(text: &str) -> StoryStatus {
        match text {
            "idea" => StoryStatus::Idea,
            "refining" => StoryStatus::Refining,
            "ready" => StoryStatus::Ready,
            "inSprint" | "inProgress" => StoryStatus::InSprint,
            "done" => StoryStatus::Done,
            _ => StoryStatus::Draft,
        }
    }
}
