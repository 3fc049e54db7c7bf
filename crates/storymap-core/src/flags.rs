//! The markers a POPM puts on a story before a session (risky, unclear, research needed,
//! discussion needed): each a boolean field of the story, so two peers flagging the same
//! story at once both keep their flag.

use std::str::FromStr;

use crate::schema::*;
use crate::CoreError;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum StoryFlag {
    Risky,
    Unclear,
    ResearchNeeded,
    DiscussionNeeded,
}

impl StoryFlag {
    pub const ALL: [StoryFlag; 4] = [
        StoryFlag::Risky,
        StoryFlag::Unclear,
        StoryFlag::ResearchNeeded,
        StoryFlag::DiscussionNeeded,
    ];

    /// The name in the document and in the JSON export; never changes.
    pub fn as_str(self) -> &'static str {
        match self {
            StoryFlag::Risky => "risky",
            StoryFlag::Unclear => "unclear",
            StoryFlag::ResearchNeeded => "researchNeeded",
            StoryFlag::DiscussionNeeded => "discussionNeeded",
        }
    }

    /// The story's field in the document (schema.md).
    pub(crate) fn key(self) -> &'static str {
        match self {
            StoryFlag::Risky => FLAG_RISKY,
            StoryFlag::Unclear => FLAG_UNCLEAR,
            StoryFlag::ResearchNeeded => FLAG_RESEARCH_NEEDED,
            StoryFlag::DiscussionNeeded => FLAG_DISCUSSION_NEEDED,
        }
    }

    /// What people read on a card, in the panel and in exports.
    pub fn label(self) -> &'static str {
        match self {
            StoryFlag::Risky => "Risky",
            StoryFlag::Unclear => "Unclear",
            StoryFlag::ResearchNeeded => "Research needed",
            StoryFlag::DiscussionNeeded => "Discussion needed",
        }
    }
}

impl FromStr for StoryFlag {
    type Err = CoreError;

    fn from_str(name: &str) -> Result<Self, CoreError> {
        StoryFlag::ALL
            .into_iter()
            .find(|f| f.as_str() == name)
            .ok_or_else(|| {
                CoreError::InvalidInput(format!(
                    "'{name}' is not a flag (risky, unclear, researchNeeded, discussionNeeded)"
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_others_are_refused() {
        for flag in StoryFlag::ALL {
            assert_eq!(flag.as_str().parse::<StoryFlag>().unwrap(), flag);
        }
        assert!("Risky".parse::<StoryFlag>().is_err());
    }
}
