//! `storymap import jira-csv` and `storymap export jira-csv|markdown`: arguments to
//! workspace calls, and the preview and import reports as plain text.

use std::path::Path;

use storymap_api::{
    ApiError, ErrorCode, JiraCountsView, JiraImportView, JiraPreviewView, JiraStatusMapping,
    JiraStoryAction, JiraTarget, JiraWarningView, StoryStatus, Workspace,
};

/// Reads "In Review=refining,Blocked=refining".
pub fn status_map(text: Option<&str>) -> Result<Vec<JiraStatusMapping>, ApiError> {
    let Some(text) = text else {
        return Ok(Vec::new());
    };
    text.split(',')
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            let (jira, ours) = part.split_once('=').ok_or_else(|| {
                invalid(format!(
                    "--status-map: '{}' is not a mapping: write \"Jira status=storymap-status\"",
                    part.trim()
                ))
            })?;
            let status = parse_status(ours.trim()).ok_or_else(|| {
                invalid(format!(
                    "--status-map: '{}' is not a Storymap status: use idea, draft, refining, ready, inSprint or done",
                    ours.trim()
                ))
            })?;
            Ok(JiraStatusMapping {
                jira_status: jira.trim().to_owned(),
                status,
            })
        })
        .collect()
}

fn parse_status(text: &str) -> Option<StoryStatus> {
    let name = text.to_lowercase().replace([' ', '-', '_'], "");
    Some(match name.as_str() {
        "idea" => StoryStatus::Idea,
        "draft" => StoryStatus::Draft,
        "refining" => StoryStatus::Refining,
        "ready" => StoryStatus::Ready,
        "insprint" => StoryStatus::InSprint,
        "done" => StoryStatus::Done,
        _ => return None,
    })
}

fn invalid(message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

/// Where `--map` points: an existing map (by name or id), else a new map of that name;
/// without `--map`, a new map named after the file.
pub fn target(workspace: &Workspace, map: Option<&str>, file: &Path) -> JiraTarget {
    match map {
        Some(map) => match workspace.resolve_map(map) {
            Ok(map_id) => JiraTarget::ExistingMap { map_id },
            Err(_) => JiraTarget::NewMap {
                name: map.to_owned(),
            },
        },
        None => JiraTarget::NewMap {
            name: file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "Jira import".to_owned()),
        },
    }
}

fn counts(c: &JiraCountsView) -> String {
    let parts: Vec<String> = [
        (c.activities, "activity", "activities"),
        (c.steps, "step", "steps"),
        (c.slices, "slice", "slices"),
        (c.stories, "story", "stories"),
        (c.criteria, "criterion", "criteria"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect();
    if parts.is_empty() {
        "nothing".to_owned()
    } else {
        parts.join(", ")
    }
}

/// "row 4, column "Status": …" — one per line, for standard error.
pub fn warnings(warnings: &[JiraWarningView]) -> String {
    warnings
        .iter()
        .map(|w| match &w.column {
            Some(column) => format!("warning: row {}, column \"{column}\": {}", w.row, w.message),
            None => format!("warning: row {}: {}", w.row, w.message),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn imported(view: &JiraImportView) -> String {
    format!(
        "{}  {}: created {}; updated {}; {} unchanged, {} rows skipped",
        view.map.id,
        view.map.name,
        counts(&view.creates),
        counts(&view.updates),
        view.unchanged,
        view.skipped_rows
    )
}

pub fn preview(view: &JiraPreviewView) -> String {
    let mut out = format!(
        "Dry run into '{}' (nothing imported)\nWould create: {}\nWould update: {}\nUnchanged stories: {}, rows skipped: {}\n\nColumns:\n",
        view.map_name,
        counts(&view.creates),
        counts(&view.updates),
        view.unchanged,
        view.skipped_rows
    );
    for column in &view.columns {
        let times = if column.count > 1 {
            format!(" (×{})", column.count)
        } else {
            String::new()
        };
        let used = column.used_as.as_deref().unwrap_or("ignored");
        out += &format!("  {}{times} → {used}\n", column.column);
    }
    out += &format!("\nStories ({}):\n", view.story_count);
    for story in &view.sample_stories {
        let action = match story.action {
            JiraStoryAction::Create => "create",
            JiraStoryAction::Update => "update",
            JiraStoryAction::Unchanged => "same",
        };
        let key = story.jira_key.as_deref().unwrap_or("-");
        let place = match (&story.step, &story.slice) {
            (Some(step), Some(slice)) => format!("{} › {step} › {slice}", story.activity),
            _ => format!("{} (keeps its place)", story.activity),
        };
        out += &format!(
            "  row {:>3}  {action:<6} {key:<10} {}  [{place}]\n",
            story.row, story.title
        );
    }
    if !view.warnings.is_empty() {
        out += &format!("\n{}\n", warnings(&view.warnings));
    }
    out.trim_end().to_owned()
}
