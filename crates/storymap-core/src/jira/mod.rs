//! Jira exchange: reading a Jira CSV export into a plan of what an import creates or
//! updates on a map (`parse`, `plan`), applying that plan as edits (`edits`), and writing a
//! map as a CSV that Jira's External System Import accepts (`export`). Pure: the caller
//! reads and writes the files and supplies the ids.

mod discussion_cells;
mod edits;
mod export;
mod import_plan;
mod matching;
mod parse;
mod plan;
mod refine_cells;
mod status;
mod stories_on_map;
mod text;

use std::fmt;

pub use export::export_csv;
pub use import_plan::{
    JiraCounts, JiraImportPlan, PlannedActivity, PlannedComment, PlannedSlice, PlannedStep,
    PlannedStory, StoryAction,
};
pub use parse::{parse_csv, ColumnUse, JiraSheet};
pub use plan::plan_import;
pub use status::StatusMap;

/// The step stories go to when the CSV names no component.
pub const IMPORTED_STEP: &str = "Imported";
/// The activity stories without an epic go to.
pub const NO_EPIC_ACTIVITY: &str = "Imported";

/// Something wrong at a place in the file: `row` counts as a spreadsheet does (the header
/// is row 1), `column` is the header as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JiraProblem {
    pub row: usize,
    pub column: Option<String>,
    pub message: String,
}

impl JiraProblem {
    pub(crate) fn at(row: usize, column: Option<&str>, message: impl Into<String>) -> Self {
        JiraProblem {
            row,
            column: column.map(str::to_owned),
            message: message.into(),
        }
    }
}

impl fmt::Display for JiraProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "row {}, column \"{column}\": {}", self.row, self.message),
            None => write!(f, "row {}: {}", self.row, self.message),
        }
    }
}

impl std::error::Error for JiraProblem {}
