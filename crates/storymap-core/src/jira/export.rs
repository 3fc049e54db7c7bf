//! A map as a CSV for Jira's External System Import: epics (activities), then stories,
//! linked by `Parent` = the epic's `Issue id` in the file; known issue keys kept.

use super::status::jira_status;
use super::text::{join_description, points_of};
use super::IMPORTED_STEP;
use crate::{MapModel, UNPLANNED};

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

/// The map as CSV text (UTF-8, no BOM, `\n` line ends). A story's step becomes its
/// component unless it is the "Imported" step, its slice its fix version unless it is
/// "Unplanned"; acceptance criteria go below a heading in the description.
pub fn export_csv(model: &MapModel) -> String {
    let label_columns = model
        .stories
        .iter()
        .map(|s| s.details.labels.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let header: Vec<&str> = FIXED
        .iter()
        .copied()
        .chain(std::iter::repeat_n("Labels", label_columns))
        .collect();
    write(&mut writer, &header);
    let mut epic_ids = std::collections::HashMap::new();
    for (index, activity) in model.activities.iter().enumerate() {
        let issue_id = (index + 1).to_string();
        epic_ids.insert(activity.id.as_str(), issue_id.clone());
        let key = activity.jira_key.clone().unwrap_or_default();
        let mut row = vec!["Epic".to_owned(), key, issue_id, String::new()];
        row.extend([activity.title.clone(), activity.title.clone()]);
        row.extend(["", "", "", "", ""].map(str::to_owned));
        row.resize(header.len(), String::new());
        write(&mut writer, &row);
    }
    let steps: std::collections::HashMap<&str, &str> = model
        .activities
        .iter()
        .flat_map(|a| &a.steps)
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    let slices: std::collections::HashMap<&str, &str> = model
        .releases
        .iter()
        .map(|r| (r.id.as_str(), r.title.as_str()))
        .collect();
    for (index, story) in model.stories.iter().enumerate() {
        let is_bug = story.details.labels.iter().any(|l| l == "bug");
        let criteria: Vec<(String, bool)> = story
            .acceptance_criteria
            .iter()
            .map(|c| (c.text.clone(), c.done))
            .collect();
        let step = steps
            .get(story.step_id.as_str())
            .copied()
            .unwrap_or_default();
        let slice = slices
            .get(story.release_id.as_str())
            .copied()
            .unwrap_or_default();
        let mut row = vec![
            if is_bug { "Bug" } else { "Story" }.to_owned(),
            story.details.jira_key.clone().unwrap_or_default(),
            (model.activities.len() + index + 1).to_string(),
            epic_ids
                .get(story.activity_id.as_str())
                .cloned()
                .unwrap_or_default(),
            story.title.clone(),
            String::new(),
            join_description(&story.description, &criteria),
            jira_status(story.status).to_owned(),
            points_of(story.estimate.as_deref()).unwrap_or_default(),
            if slice == UNPLANNED { "" } else { slice }.to_owned(),
            if step == IMPORTED_STEP { "" } else { step }.to_owned(),
        ];
        row.extend(story.details.labels.iter().cloned());
        row.resize(header.len(), String::new());
        write(&mut writer, &row);
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("the cells are UTF-8")
}

fn write<T: AsRef<[u8]>>(writer: &mut csv::Writer<Vec<u8>>, row: &[T]) {
    writer
        .write_record(row)
        .expect("writing to memory cannot fail");
}
