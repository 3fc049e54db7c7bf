//! The plan of a Jira import: what it creates and updates, the columns it read and its
//! warnings; the preview shows it, [`JiraImportPlan::edits`] carries it out.

use super::{ColumnUse, JiraProblem};
use crate::{StoryStatus, WsjfPart};

/// One thing an import changes on a story.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Change {
    Title(String),
    Description(String),
    Status(StoryStatus),
    Estimate(String),
    Label(String),
    /// A new criterion, ticked or not.
    Criterion(String, bool),
    /// An existing criterion (by id) ticked or unticked.
    CriterionDone(String, bool),
    Key(String),
    Wsjf(WsjfPart, u8),
    /// What blocks it.
    Blocked(String),
    Comment(PlannedComment),
    /// A link: title, URL.
    Link(String, String),
}

/// A comment a row carries: its author and time as the file says (`None`: the import's).
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedComment {
    pub author: String,
    pub at: Option<i64>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedActivity {
    /// The map's activity, or `None` to create one.
    pub existing: Option<String>,
    pub title: String,
    pub jira_key: Option<String>,
    /// An existing activity whose title or Jira key changes.
    pub updated: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedStep {
    pub existing: Option<String>,
    /// Index into [`JiraImportPlan::activities`].
    pub activity: usize,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedSlice {
    pub existing: Option<String>,
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryAction {
    Create,
    Update,
    Unchanged,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedStory {
    pub row: usize,
    pub jira_key: Option<String>,
    pub title: String,
    /// `None`: the file says nothing, the story keeps its own.
    pub description: Option<String>,
    pub status: Option<StoryStatus>,
    pub estimate: Option<String>,
    pub labels: Vec<String>,
    pub criteria: Vec<(String, bool)>,
    /// WSJF parts in [`WsjfPart::ALL`] order; `None`: the file says nothing.
    pub wsjf: [Option<u8>; 4],
    pub blocked_reason: Option<String>,
    /// Planned stories it comes to depend on (links it already has left out).
    pub depends_on: Vec<usize>,
    /// The row's comments and links (title, URL); the ones the story has are not added again.
    pub comments: Vec<PlannedComment>,
    pub links: Vec<(String, String)>,
    pub activity: usize,
    /// Where a new story goes (step, slice indices); `None` for a story already on the
    /// map, which stays where the team put it.
    pub place: Option<(usize, usize)>,
    pub existing: Option<String>,
    pub action: StoryAction,
    pub(crate) changes: Vec<Change>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JiraCounts {
    pub activities: usize,
    pub steps: usize,
    pub slices: usize,
    pub stories: usize,
    pub criteria: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JiraImportPlan {
    pub columns: Vec<ColumnUse>,
    pub warnings: Vec<JiraProblem>,
    pub activities: Vec<PlannedActivity>,
    pub steps: Vec<PlannedStep>,
    pub slices: Vec<PlannedSlice>,
    pub stories: Vec<PlannedStory>,
    /// Rows left out (each has a warning saying why).
    pub skipped_rows: usize,
}

impl JiraImportPlan {
    pub fn creates(&self) -> JiraCounts {
        let criteria = self
            .stories
            .iter()
            .flat_map(|s| &s.changes)
            .filter(|c| matches!(c, Change::Criterion(..)))
            .count();
        JiraCounts {
            activities: self
                .activities
                .iter()
                .filter(|a| a.existing.is_none())
                .count(),
            steps: self.steps.iter().filter(|s| s.existing.is_none()).count(),
            slices: self.slices.iter().filter(|s| s.existing.is_none()).count(),
            stories: self.count(StoryAction::Create),
            criteria,
        }
    }

    pub fn updates(&self) -> JiraCounts {
        let criteria = self
            .stories
            .iter()
            .flat_map(|s| &s.changes)
            .filter(|c| matches!(c, Change::CriterionDone(..)))
            .count();
        JiraCounts {
            activities: self.activities.iter().filter(|a| a.updated).count(),
            stories: self.count(StoryAction::Update),
            criteria,
            ..JiraCounts::default()
        }
    }

    /// Why importing would bring nothing in — no row of the file planned anything — else
    /// `None`. Such an import is refused rather than leaving an empty map behind.
    pub fn nothing_imported(&self) -> Option<String> {
        let planned = !(self.activities.is_empty()
            && self.steps.is_empty()
            && self.slices.is_empty()
            && self.stories.is_empty());
        if planned {
            return None;
        }
        if self.skipped_rows == 0 {
            return Some("no row of the file could be imported: it has no issue rows".into());
        }
        const SHOWN: usize = 5;
        let skips: Vec<_> = self
            .warnings
            .iter()
            .filter(|w| w.message.ends_with("the row is skipped"))
            .collect();
        let mut reasons: Vec<String> = skips.iter().take(SHOWN).map(|w| w.to_string()).collect();
        if skips.len() > SHOWN {
            reasons.push(format!("and {} more", skips.len() - SHOWN));
        }
        let rows = match self.skipped_rows {
            1 => "its 1 row was skipped".to_owned(),
            n => format!("all {n} rows were skipped"),
        };
        Some(format!(
            "no row of the file could be imported, so nothing was created: {rows} ({})",
            reasons.join("; ")
        ))
    }

    /// Stories already on the map exactly as the file has them.
    pub fn unchanged(&self) -> usize {
        self.count(StoryAction::Unchanged)
    }

    fn count(&self, action: StoryAction) -> usize {
        self.stories.iter().filter(|s| s.action == action).count()
    }
}
