//! A Jira CSV export read into issues: BOM, CRLF, quoted multi-line fields, repeated
//! same-name columns (Labels, Sprint, Fix versions …) as several values, custom fields by
//! name, unknown columns ignored. A file that is not a readable table is refused whole.

use super::JiraProblem;
use crate::limits::{thousands, MAX_CSV_COLUMNS};

/// The fields an import reads; every other column is ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Key,
    Id,
    IssueType,
    Summary,
    Description,
    Status,
    Points,
    Labels,
    FixVersions,
    Components,
    Parent,
    ParentSummary,
    EpicLink,
    EpicName,
    AcceptanceCriteria,
    /// Our estimate as written: a T-shirt size or "?" Jira's story points cannot hold.
    Estimate,
    /// A WSJF part, by its index in [`crate::WsjfPart`] order (value, time criticality,
    /// risk reduction / opportunity enablement, job size).
    Wsjf(usize),
    Flagged,
    BlockedReason,
    /// "Inward issue link (Blocks)": an issue this one waits for.
    BlockedBy,
    /// "Outward issue link (Blocks)": an issue waiting for this one.
    Blocks,
    /// "Comment": `date;author;text` (see `discussion_cells`).
    Comment,
    /// "Custom field (Links)": `[Title|url]` per line.
    Links,
}

impl Field {
    fn of(header: &str) -> Option<Field> {
        let mut name = header.trim();
        if let Some(inner) = name
            .strip_prefix("Custom field (")
            .and_then(|n| n.strip_suffix(')'))
        {
            name = inner.trim();
        }
        let field = match name.to_lowercase().as_str() {
            "issue key" | "key" => Field::Key,
            "issue id" | "id" => Field::Id,
            "issue type" => Field::IssueType,
            "summary" => Field::Summary,
            "description" => Field::Description,
            "status" => Field::Status,
            "story points" | "story point estimate" => Field::Points,
            "labels" | "label" => Field::Labels,
            "fix version/s" | "fix versions" | "fix version" => Field::FixVersions,
            "component/s" | "components" | "component" => Field::Components,
            "parent" | "parent id" | "parent key" => Field::Parent,
            "parent summary" => Field::ParentSummary,
            "epic link" => Field::EpicLink,
            "epic name" => Field::EpicName,
            "acceptance criteria" => Field::AcceptanceCriteria,
            "storymap estimate" | "t-shirt size" => Field::Estimate,
            "user-business value" | "business value" => Field::Wsjf(0),
            "time criticality" => Field::Wsjf(1),
            "risk reduction/opportunity enablement"
            | "risk reduction-opportunity enablement value"
            | "rr/oe" => Field::Wsjf(2),
            "job size" => Field::Wsjf(3),
            "flagged" => Field::Flagged,
            "blocked reason" => Field::BlockedReason,
            "inward issue link (blocks)" => Field::BlockedBy,
            "outward issue link (blocks)" => Field::Blocks,
            "comment" | "comments" | "comment body" => Field::Comment,
            "links" | "web links" => Field::Links,
            _ => return None,
        };
        Some(field)
    }

    fn used_as(self) -> &'static str {
        match self {
            Field::Key => "issue key (kept on the story or activity)",
            Field::Id => "issue id (links parents in the file)",
            Field::IssueType => "issue type (epic, story, bug, sub-task)",
            Field::Summary => "title",
            Field::Description => "description (criteria below an 'Acceptance criteria' heading)",
            Field::Status => "status",
            Field::Points => "estimate",
            Field::Labels => "labels",
            Field::FixVersions => "release slice",
            Field::Components => "step",
            Field::Parent => "parent (epic → activity, story → sub-task's story)",
            Field::ParentSummary => "activity title when the epic is not in the file",
            Field::EpicLink => "epic (activity)",
            Field::EpicName => "activity title of an epic",
            Field::AcceptanceCriteria => "acceptance criteria",
            Field::Estimate => "estimate as written (T-shirt size or ?)",
            Field::Wsjf(0) => "WSJF user-business value",
            Field::Wsjf(1) => "WSJF time criticality",
            Field::Wsjf(2) => "WSJF risk reduction / opportunity enablement",
            Field::Wsjf(_) => "WSJF job size",
            Field::Flagged => "blocked (flagged)",
            Field::BlockedReason => "what blocks it",
            Field::BlockedBy => "depends on (the issue that blocks it)",
            Field::Blocks => "depended on by (the issue it blocks)",
            Field::Comment => "comments (date;author;text)",
            Field::Links => "links to mock-ups and specs ([Title|url])",
        }
    }
}

/// How the import reads a column (repeated columns are counted once, with how many).
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnUse {
    pub column: String,
    pub count: usize,
    /// `None`: ignored.
    pub used_as: Option<&'static str>,
}

/// One row of the file. Single fields take the first non-empty cell of their columns;
/// `None` when the file has no such column (so an import leaves that field alone).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Issue {
    pub row: usize,
    pub key: Option<String>,
    pub id: Option<String>,
    pub issue_type: String,
    pub summary: String,
    pub description: Option<String>,
    pub status: Option<String>,
    /// The cell and its column, for warnings.
    pub points: Option<(String, String)>,
    pub labels: Vec<String>,
    pub fix_versions: Vec<String>,
    pub components: Vec<String>,
    pub parent: Option<String>,
    pub parent_summary: Option<String>,
    pub epic_link: Option<String>,
    pub epic_name: Option<String>,
    pub criteria: Option<String>,
    /// Cells read with their column, for warnings.
    pub estimate: Option<(String, String)>,
    pub wsjf: [Option<(String, String)>; 4],
    pub flagged: bool,
    pub blocked_reason: Option<String>,
    /// Issue keys or ids (in the file) this one waits for.
    pub blocked_by: Vec<String>,
    /// Issue keys or ids (in the file) waiting for this one.
    pub blocks: Vec<String>,
    /// Cells read with their column, for warnings.
    pub comments: Vec<(String, String)>,
    pub links: Vec<(String, String)>,
}

/// A Jira export as read: its columns and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct JiraSheet {
    pub columns: Vec<ColumnUse>,
    pub(crate) issues: Vec<Issue>,
}

impl JiraSheet {
    /// The header of the first column read as `field`, for messages.
    pub(crate) fn column(&self, field: Field) -> Option<&str> {
        self.columns
            .iter()
            .find(|c| c.used_as == Some(field.used_as()))
            .map(|c| c.column.as_str())
    }
}

fn csv_problem(error: &csv::Error) -> JiraProblem {
    let row = error.position().map_or(1, |p| p.record() as usize + 1);
    JiraProblem::at(row, None, format!("not readable as CSV: {error}"))
}

/// Reads the text of a Jira CSV export (UTF-8, with or without BOM).
pub fn parse_csv(text: &str) -> Result<JiraSheet, JiraProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(record) => record.map_err(|e| csv_problem(&e))?,
        None => return Err(JiraProblem::at(1, None, "the file is empty")),
    };
    if header.len() > MAX_CSV_COLUMNS {
        return Err(JiraProblem::at(
            1,
            None,
            format!(
                "the file has {} columns, more than the {} a Jira export could have: is it the right file?",
                thousands(header.len()),
                thousands(MAX_CSV_COLUMNS)
            ),
        ));
    }
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
    let fields: Vec<Option<Field>> = headers.iter().map(|h| Field::of(h)).collect();
    if !fields.contains(&Some(Field::Summary)) {
        return Err(JiraProblem::at(
            1,
            None,
            "the file has no Summary column: is it a Jira CSV export (Filters → Export → CSV)?",
        ));
    }
    let mut columns: Vec<ColumnUse> = Vec::new();
    for (header, field) in headers.iter().zip(&fields) {
        match columns.iter_mut().find(|c| c.column == *header) {
            Some(column) => column.count += 1,
            None => columns.push(ColumnUse {
                column: header.clone(),
                count: 1,
                used_as: field.map(Field::used_as),
            }),
        }
    }
    let mut issues = Vec::new();
    for (index, record) in records.enumerate() {
        let row = index + 2;
        let record = record.map_err(|e| csv_problem(&e))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if record.len() != headers.len() {
            return Err(JiraProblem::at(
                row,
                None,
                format!(
                    "has {} cells where the header has {} (a quote opened and never closed?)",
                    record.len(),
                    headers.len()
                ),
            ));
        }
        let mut issue = Issue {
            row,
            ..Issue::default()
        };
        for ((cell, field), header) in record.iter().zip(&fields).zip(&headers) {
            let Some(field) = field else { continue };
            read_cell(&mut issue, *field, cell, header);
        }
        issues.push(issue);
    }
    Ok(JiraSheet { columns, issues })
}

fn read_cell(issue: &mut Issue, field: Field, cell: &str, header: &str) {
    let text = cell.trim();
    // Empty cells say nothing: an import never clears a field from one.
    if text.is_empty() {
        return;
    }
    let single = |slot: &mut Option<String>| {
        if slot.is_none() {
            *slot = Some(text.to_owned());
        }
    };
    match field {
        Field::Key => single(&mut issue.key),
        Field::Id => single(&mut issue.id),
        Field::IssueType if issue.issue_type.is_empty() => issue.issue_type = text.to_owned(),
        Field::IssueType => {}
        Field::Summary if issue.summary.is_empty() => issue.summary = text.to_owned(),
        Field::Summary => {}
        // Descriptions keep their inner layout; line ends are unified.
        Field::Description => {
            if issue.description.is_none() {
                issue.description = Some(cell.replace("\r\n", "\n").trim().to_owned());
            }
        }
        Field::Status => single(&mut issue.status),
        Field::Points => {
            if issue.points.is_none() {
                issue.points = Some((text.to_owned(), header.to_owned()));
            }
        }
        Field::Labels | Field::FixVersions | Field::Components => {
            let list = match field {
                Field::Labels => &mut issue.labels,
                Field::FixVersions => &mut issue.fix_versions,
                _ => &mut issue.components,
            };
            if !list.iter().any(|v| v == text) {
                list.push(text.to_owned());
            }
        }
        Field::Parent => single(&mut issue.parent),
        Field::ParentSummary => single(&mut issue.parent_summary),
        Field::EpicLink => single(&mut issue.epic_link),
        Field::EpicName => single(&mut issue.epic_name),
        Field::AcceptanceCriteria => {
            if issue.criteria.is_none() {
                issue.criteria = Some(cell.replace("\r\n", "\n"));
            }
        }
        Field::Estimate | Field::Wsjf(_) => {
            let slot = match field {
                Field::Wsjf(part) => &mut issue.wsjf[part],
                _ => &mut issue.estimate,
            };
            if slot.is_none() {
                *slot = Some((text.to_owned(), header.to_owned()));
            }
        }
        // Comments keep their inner layout, like descriptions.
        Field::Comment => (issue.comments).push((cell.trim().to_owned(), header.to_owned())),
        Field::Links => issue.links.push((text.to_owned(), header.to_owned())),
        Field::Flagged => issue.flagged = true,
        Field::BlockedReason => single(&mut issue.blocked_reason),
        Field::BlockedBy | Field::Blocks => {
            let list = match field {
                Field::BlockedBy => &mut issue.blocked_by,
                _ => &mut issue.blocks,
            };
            if !list.iter().any(|v| v == text) {
                list.push(text.to_owned());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_columns_quotes_and_custom_fields_are_read() {
        let csv = "\u{feff}Summary,Issue key,Labels,Labels,Custom field (Story point estimate),Sprint,Description\r\n\
                   \"Pay, by card\",SHOP-2,pay,,5.0,S1,\"Line \"\"one\"\"\r\nline two\"\r\n";
        let sheet = parse_csv(csv).unwrap();
        let issue = &sheet.issues[0];
        assert_eq!(issue.row, 2);
        assert_eq!(issue.summary, "Pay, by card");
        assert_eq!(issue.key.as_deref(), Some("SHOP-2"));
        assert_eq!(issue.labels, ["pay"]);
        assert_eq!(issue.points.as_ref().unwrap().0, "5.0");
        assert_eq!(issue.description.as_deref(), Some("Line \"one\"\nline two"));
        let labels = sheet.columns.iter().find(|c| c.column == "Labels").unwrap();
        assert_eq!(labels.count, 2);
        let sprint = sheet.columns.iter().find(|c| c.column == "Sprint").unwrap();
        assert_eq!(sprint.used_as, None);
    }

    #[test]
    fn a_file_that_is_no_table_is_refused_with_its_row() {
        let err = parse_csv("Key,Title\nA,B\n").unwrap_err();
        assert_eq!(err.row, 1);
        assert!(err.message.contains("no Summary column"), "{err}");
        let err = parse_csv("Summary,Status\nA,To Do\n\"B,To Do\nC,Done\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "row 3: has 1 cells where the header has 2 (a quote opened and never closed?)"
        );
        assert_eq!(parse_csv("").unwrap_err().message, "the file is empty");
    }
}
