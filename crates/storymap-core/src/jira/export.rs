//! A map as a CSV for Jira's External System Import: epics (activities), then stories,
//! linked by `Parent` = the epic's `Issue id` in the file; known issue keys kept. Beyond
//! Jira's own fields, custom fields carry the estimate as written (T-shirt sizes, "?"),
//! the WSJF parts and what blocks a story (with Jira's `Flagged`), and "Blocks" issue
//! links its dependencies; comments and links to mock-ups go in "Comment" and
//! "Custom field (Links)" columns (`discussion_cells`), so an export imported again loses
//! nothing Jira can hold.

use super::discussion_cells::{comment_cell, link_cell};
use super::status::jira_status;
use super::text::{join_description, points_of};
use super::IMPORTED_STEP;
use std::collections::HashMap;

use crate::{MapModel, Story, UNPLANNED};

/// After the fixed columns and before the labels.
const REFINEMENT: [&str; 7] = [
    "Custom field (Storymap estimate)",
    "Custom field (Business Value)",
    "Custom field (Time Criticality)",
    "Custom field (Risk Reduction/Opportunity Enablement)",
    "Custom field (Job Size)",
    "Custom field (Flagged)",
    "Custom field (Blocked reason)",
];

/// The WSJF parts of a story, as cells in `REFINEMENT`'s order.
fn wsjf_cells(inputs: &crate::refine::WsjfInputs) -> [String; 4] {
    inputs
        .parts()
        .map(|p| p.map(|v| v.to_string()).unwrap_or_default())
}

const FIXED: [&str; 11] = [
    "Issue Type",
    "Issue key",
    "Issue id",
    "Parent",
    "Summary",
    "Epic Name",
    "Description",
    "Status",
    "Custom field (Story Points)",
    "Fix Version/s",
    "Component/s",
];

/// What a story's row needs from the rest of the map: names and issue ids by map id.
struct Lookup<'a> {
    steps: HashMap<&'a str, &'a str>,
    slices: HashMap<&'a str, &'a str>,
    epic_ids: HashMap<&'a str, String>,
    /// A story's issue id in the file, for the links of the stories that depend on it.
    story_ids: HashMap<&'a str, String>,
    label_columns: usize,
    /// As many "Comment" and "Custom field (Links)" columns as the busiest story needs.
    comment_columns: usize,
    link_columns: usize,
}

impl<'a> Lookup<'a> {
    fn new(model: &'a MapModel) -> Self {
        let epics = model.activities.len();
        Lookup {
            steps: (model.activities.iter().flat_map(|a| &a.steps))
                .map(|s| (s.id.as_str(), s.title.as_str()))
                .collect(),
            slices: (model.releases.iter())
                .map(|r| (r.id.as_str(), r.title.as_str()))
                .collect(),
            epic_ids: (model.activities.iter().enumerate())
                .map(|(i, a)| (a.id.as_str(), (i + 1).to_string()))
                .collect(),
            story_ids: (model.stories.iter().enumerate())
                .map(|(i, s)| (s.id.as_str(), (epics + i + 1).to_string()))
                .collect(),
            label_columns: (model.stories.iter())
                .map(|s| s.details.labels.len())
                .max()
                .unwrap_or(0)
                .max(1),
            comment_columns: most(model, |s| s.details.comments.len()),
            link_columns: most(model, |s| s.details.links.len()),
        }
    }

    fn story_row(&self, story: &Story) -> Vec<String> {
        let name =
            |names: &HashMap<&str, &'a str>, id: &str| names.get(id).copied().unwrap_or_default();
        let (step, slice) = (
            name(&self.steps, &story.step_id),
            name(&self.slices, &story.release_id),
        );
        let details = &story.details;
        let criteria: Vec<(String, bool)> = (story.acceptance_criteria.iter())
            .map(|c| (c.text.clone(), c.done))
            .collect();
        let is_bug = details.labels.iter().any(|l| l == "bug");
        let points = points_of(story.estimate.as_deref());
        let mut row = vec![
            if is_bug { "Bug" } else { "Story" }.to_owned(),
            details.jira_key.clone().unwrap_or_default(),
            self.story_ids
                .get(story.id.as_str())
                .cloned()
                .unwrap_or_default(),
            self.epic_ids
                .get(story.activity_id.as_str())
                .cloned()
                .unwrap_or_default(),
            story.title.clone(),
            String::new(),
            join_description(&story.description, &criteria),
            jira_status(story.status).to_owned(),
            points.clone().unwrap_or_default(),
            if slice == UNPLANNED { "" } else { slice }.to_owned(),
            if step == IMPORTED_STEP { "" } else { step }.to_owned(),
            // Only what story points cannot hold: a T-shirt size or "?".
            story
                .estimate
                .clone()
                .filter(|_| points.is_none())
                .unwrap_or_default(),
        ];
        row.extend(wsjf_cells(&details.wsjf));
        let blocked = details.blocked_reason.as_ref();
        row.push(blocked.map(|_| "Impediment".to_owned()).unwrap_or_default());
        row.push(blocked.cloned().unwrap_or_default());
        let mut labels = details.labels.clone();
        labels.resize(self.label_columns, String::new());
        row.extend(labels);
        let padded = |mut cells: Vec<String>, columns: usize| {
            cells.resize(columns, String::new());
            cells
        };
        let comments = details.comments.iter().map(comment_cell).collect();
        row.extend(padded(comments, self.comment_columns));
        let links = details.links.iter().map(link_cell).collect();
        row.extend(padded(links, self.link_columns));
        let links = details
            .depends_on
            .iter()
            .filter_map(|id| self.story_ids.get(id.as_str()));
        row.extend(links.cloned());
        row
    }
}

/// The map as CSV text (UTF-8, no BOM, `\n` line ends). A story's step becomes its
/// component unless it is the "Imported" step, its slice its fix version unless it is
/// "Unplanned"; acceptance criteria go below a heading in the description.
pub fn export_csv(model: &MapModel) -> String {
    let lookup = Lookup::new(model);
    let link_columns = most(model, |s| s.details.depends_on.len());
    let header: Vec<&str> = (FIXED.iter().chain(&REFINEMENT).copied())
        .chain(std::iter::repeat_n("Labels", lookup.label_columns))
        .chain(std::iter::repeat_n("Comment", lookup.comment_columns))
        .chain(std::iter::repeat_n(
            "Custom field (Links)",
            lookup.link_columns,
        ))
        .chain(std::iter::repeat_n(
            "Inward issue link (Blocks)",
            link_columns,
        ))
        .collect();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    write(&mut writer, &header);
    for activity in &model.activities {
        let issue_id = lookup.epic_ids[activity.id.as_str()].clone();
        let key = activity.jira_key.clone().unwrap_or_default();
        let mut row = vec!["Epic".to_owned(), key, issue_id, String::new()];
        row.extend([activity.title.clone(), activity.title.clone()]);
        row.resize(header.len(), String::new());
        write(&mut writer, &row);
    }
    for story in &model.stories {
        let mut row = lookup.story_row(story);
        row.resize(header.len(), String::new());
        write(&mut writer, &row);
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("the cells are UTF-8")
}

/// The most any story of the map has of something.
fn most(model: &MapModel, count: impl Fn(&Story) -> usize) -> usize {
    model.stories.iter().map(count).max().unwrap_or(0)
}

fn write<T: AsRef<[u8]>>(writer: &mut csv::Writer<Vec<u8>>, row: &[T]) {
    writer
        .write_record(row)
        .expect("writing to memory cannot fail");
}
