//! What an import will do, computed against the map it goes into (an empty one for a new
//! map): epics become activities, other issues stories in an "Imported" step (or their
//! component's) and the "Unplanned" slice (or their first fix version's), sub-tasks
//! acceptance criteria of their story. A row already on the map (same issue key, or a
//! keyless story of the same title in the same activity) is updated, never duplicated.

use std::collections::{HashMap, HashSet};

use super::discussion_cells::{comments_of, links_of};
use super::edits::story_changes;
use super::import_plan::{JiraImportPlan, PlannedStory, StoryAction};
use super::parse::{Field, Issue, JiraSheet};
use super::refine_cells::{blocked_of, estimate_of, link_dependencies, wsjf_of};
use super::status::StatusMap;
use super::stories_on_map::StoriesOnMap;
use super::text::{criteria_of, merged_criteria, split_description};
use super::{JiraProblem, NO_EPIC_ACTIVITY};
use crate::edit::shared::control_character;
use crate::limits::MAX_LABELS_PER_STORY;
use crate::{MapModel, StoryStatus};

fn is_epic(issue: &Issue) -> bool {
    issue.issue_type.eq_ignore_ascii_case("epic")
}

fn is_subtask_type(issue: &Issue) -> bool {
    let t = issue.issue_type.to_lowercase().replace([' ', '-'], "");
    t == "subtask" || t == "subbug"
}

/// "SHOP-12", not a numeric issue id.
fn looks_like_key(text: &str) -> bool {
    text.split_once('-').is_some_and(|(project, number)| {
        !project.is_empty() && !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
    })
}

pub(super) struct Planner<'a> {
    pub(super) sheet: &'a JiraSheet,
    pub(super) map: &'a MapModel,
    pub(super) statuses: &'a StatusMap,
    pub(super) plan: JiraImportPlan,
    /// Issue key or id of each epic row → activity.
    pub(super) epics: HashMap<String, usize>,
    /// Issue key or id of each story row → planned story.
    pub(super) stories: HashMap<String, usize>,
    /// Map stories already claimed by a row.
    pub(super) claimed: HashSet<String>,
    pub(super) on_map: StoriesOnMap<'a>,
    pub(super) warned_epics: HashSet<String>,
}

/// The plan of importing `sheet` into `map`.
pub fn plan_import(sheet: &JiraSheet, map: &MapModel, statuses: &StatusMap) -> JiraImportPlan {
    let mut planner = Planner {
        sheet,
        map,
        statuses,
        plan: JiraImportPlan {
            columns: sheet.columns.clone(),
            warnings: Vec::new(),
            activities: Vec::new(),
            steps: Vec::new(),
            slices: Vec::new(),
            stories: Vec::new(),
            skipped_rows: 0,
        },
        epics: HashMap::new(),
        stories: HashMap::new(),
        claimed: HashSet::new(),
        on_map: StoriesOnMap::new(map),
        warned_epics: HashSet::new(),
    };
    // Rows of the file by key and id, to tell a sub-task (its parent is a story) apart.
    let non_epic_refs: HashSet<&str> = sheet
        .issues
        .iter()
        .filter(|i| !is_epic(i))
        .flat_map(|i| i.key.iter().chain(&i.id))
        .map(String::as_str)
        .collect();
    let (epics, rest): (Vec<&Issue>, Vec<&Issue>) = sheet.issues.iter().partition(|i| is_epic(i));
    for issue in epics {
        planner.epic(issue);
    }
    let mut subtasks = Vec::new();
    for issue in rest {
        let parent = issue.parent.as_deref().or(issue.epic_link.as_deref());
        if is_subtask_type(issue) || parent.is_some_and(|p| non_epic_refs.contains(p)) {
            subtasks.push(issue);
        } else {
            planner.story(issue);
        }
    }
    for issue in subtasks {
        planner.subtask(issue);
    }
    let map = planner.map;
    let refs = std::mem::take(&mut planner.stories);
    let mut plan = planner.plan;
    if sheet
        .issues
        .iter()
        .any(|i| !i.blocked_by.is_empty() || !i.blocks.is_empty())
    {
        let by_row: HashMap<usize, &Issue> = sheet.issues.iter().map(|i| (i.row, i)).collect();
        let rows: Vec<(usize, &Issue)> = plan
            .stories
            .iter()
            .enumerate()
            .filter_map(|(index, s)| by_row.get(&s.row).map(|issue| (index, *issue)))
            .collect();
        link_dependencies(&mut plan, &rows, &refs, map);
    }
    plan.warnings.sort_by_key(|w| w.row);
    for story in &mut plan.stories {
        let existing = story
            .existing
            .as_deref()
            .and_then(|id| map.stories.iter().find(|s| s.id == id));
        story.changes = story_changes(story, existing);
        let same = story.changes.is_empty() && story.depends_on.is_empty();
        story.action = match (existing, same) {
            (None, _) => StoryAction::Create,
            (Some(_), true) => StoryAction::Unchanged,
            (Some(_), false) => StoryAction::Update,
        };
    }
    plan
}

impl Planner<'_> {
    pub(super) fn warn(&mut self, row: usize, field: Option<Field>, message: impl Into<String>) {
        let column = field.and_then(|f| self.sheet.column(f));
        self.plan
            .warnings
            .push(JiraProblem::at(row, column, message.into()));
    }

    fn skip(&mut self, row: usize, field: Field, message: &str) {
        self.plan.skipped_rows += 1;
        self.warn(row, Some(field), format!("{message}; the row is skipped"));
    }

    fn epic(&mut self, issue: &Issue) {
        let title = Some(issue.summary.as_str())
            .filter(|s| !s.is_empty())
            .or(issue.epic_name.as_deref())
            .unwrap_or_default();
        if title.is_empty() {
            return self.skip(issue.row, Field::Summary, "the epic has no summary");
        }
        if title.chars().count() > 500 {
            return self.skip(
                issue.row,
                Field::Summary,
                "the summary is longer than 500 characters",
            );
        }
        if let Some(c) = control_character(title) {
            let message = format!(
                "the summary contains the control character U+{:04X}",
                u32::from(c)
            );
            return self.skip(issue.row, Field::Summary, &message);
        }
        if let Some(key) = issue.key.as_deref().filter(|k| self.epics.contains_key(*k)) {
            let message = format!("issue key {key} appears twice");
            return self.skip(issue.row, Field::Key, &message);
        }
        let index = self.activity(issue.key.as_deref(), title);
        for reference in issue.key.iter().chain(&issue.id) {
            self.epics.insert(reference.clone(), index);
        }
    }

    fn story(&mut self, issue: &Issue) {
        if issue.summary.is_empty() {
            return self.skip(issue.row, Field::Summary, "the issue has no summary");
        }
        if issue.summary.chars().count() > 500 {
            return self.skip(
                issue.row,
                Field::Summary,
                "the summary is longer than 500 characters",
            );
        }
        if let Some(c) = control_character(&issue.summary) {
            let message = format!(
                "the summary contains the control character U+{:04X}",
                u32::from(c)
            );
            return self.skip(issue.row, Field::Summary, &message);
        }
        if let Some(key) = issue
            .key
            .as_deref()
            .filter(|k| self.stories.contains_key(*k))
        {
            let message = format!("issue key {key} appears twice");
            return self.skip(issue.row, Field::Key, &message);
        }
        let activity = self.activity_of(issue);
        let (description, criteria) = match &issue.description {
            Some(text) => {
                let (description, criteria) = split_description(text);
                (Some(description), criteria)
            }
            None => (None, Vec::new()),
        };
        let column = issue.criteria.as_deref().map(criteria_of);
        let (criteria, warnings) = merged_criteria(criteria, column.unwrap_or_default());
        for warning in warnings {
            self.warn(issue.row, Some(Field::AcceptanceCriteria), warning);
        }
        if let Some(description) = description.as_ref().filter(|d| d.chars().count() > 20_000) {
            let cut: String = description.chars().take(20_000).collect();
            self.warn(
                issue.row,
                Some(Field::Description),
                "longer than 20,000 characters: cut there",
            );
            return self.story_with(issue, activity, Some(cut), criteria);
        }
        self.story_with(issue, activity, description, criteria)
    }

    fn story_with(
        &mut self,
        issue: &Issue,
        activity: usize,
        description: Option<String>,
        criteria: Vec<(String, bool)>,
    ) {
        let status = issue.status.as_deref().map(|jira| {
            self.statuses.status_of(jira).unwrap_or_else(|| {
                let message = format!("Jira status '{jira}' is not mapped: read as draft (map it with --status-map \"{jira}=refining\")");
                self.warn(issue.row, Some(Field::Status), message);
                StoryStatus::Draft
            })
        });
        let estimate = estimate_of(issue, &mut self.plan.warnings);
        let wsjf = wsjf_of(issue, &mut self.plan.warnings);
        let mut labels = Vec::new();
        if issue.issue_type.eq_ignore_ascii_case("bug") {
            labels.push("bug".to_owned());
        }
        for label in &issue.labels {
            if labels.len() == MAX_LABELS_PER_STORY {
                let message = format!("more than {MAX_LABELS_PER_STORY} labels: the first {MAX_LABELS_PER_STORY} kept");
                self.warn(issue.row, Some(Field::Labels), message);
                break;
            }
            if label.chars().count() > 60 {
                self.warn(
                    issue.row,
                    Some(Field::Labels),
                    format!("label '{label}' is longer than 60 characters: left out"),
                );
            } else if !labels.contains(label) {
                labels.push(label.clone());
            }
        }
        let existing = self.existing_story(issue, activity);
        let place = match existing {
            Some(_) => None,
            None => Some(self.place(issue, activity)),
        };
        self.plan.stories.push(PlannedStory {
            row: issue.row,
            jira_key: issue.key.clone(),
            title: issue.summary.clone(),
            description,
            status,
            estimate,
            labels,
            criteria,
            wsjf,
            blocked_reason: blocked_of(issue),
            depends_on: Vec::new(),
            comments: comments_of(issue),
            links: links_of(issue, &mut self.plan.warnings),
            activity,
            place,
            existing,
            action: StoryAction::Create,
            changes: Vec::new(),
        });
        let index = self.plan.stories.len() - 1;
        for reference in issue.key.iter().chain(&issue.id) {
            self.stories.insert(reference.clone(), index);
        }
    }

    /// The activity of a story: its epic in the file, on the map, or a new one.
    fn activity_of(&mut self, issue: &Issue) -> usize {
        let Some(parent) = issue.parent.as_deref().or(issue.epic_link.as_deref()) else {
            return self.activity(None, NO_EPIC_ACTIVITY);
        };
        if let Some(index) = self.epics.get(parent) {
            return *index;
        }
        if let Some(on_map) = self
            .map
            .activities
            .iter()
            .find(|a| a.jira_key.as_deref() == Some(parent))
        {
            let title = on_map.title.clone();
            return self.activity(Some(parent), &title);
        }
        let key = looks_like_key(parent).then_some(parent);
        let named = issue
            .parent_summary
            .as_deref()
            .filter(|_| issue.parent.as_deref() == Some(parent));
        let title = named.unwrap_or(parent).to_owned();
        if self.warned_epics.insert(parent.to_owned()) {
            let field = if issue.parent.is_some() {
                Field::Parent
            } else {
                Field::EpicLink
            };
            let message = format!(
                "epic {parent} is not in the file: its stories go to the activity '{title}'"
            );
            self.warn(issue.row, Some(field), message);
        }
        self.activity(key, &title)
    }

    /// A sub-task becomes an acceptance criterion of its story, ticked when done.
    fn subtask(&mut self, issue: &Issue) {
        let parent = issue.parent.as_deref().or(issue.epic_link.as_deref());
        let Some(story) = parent.and_then(|p| self.stories.get(p)).copied() else {
            let message = match parent {
                Some(p) => format!("its parent {p} is not a story in the file"),
                None => "a sub-task without a parent".to_owned(),
            };
            return self.skip(issue.row, Field::Parent, &message);
        };
        if issue.summary.is_empty() {
            return self.skip(issue.row, Field::Summary, "the sub-task has no summary");
        }
        let done = issue
            .status
            .as_deref()
            .and_then(|s| self.statuses.status_of(s))
            == Some(StoryStatus::Done);
        let Some((text, _)) = super::text::criterion_line(&issue.summary) else {
            return self.skip(issue.row, Field::Summary, "the sub-task has no summary");
        };
        let criteria = &mut self.plan.stories[story].criteria;
        match criteria.iter_mut().find(|(t, _)| *t == text) {
            Some(existing) => existing.1 = done,
            None => criteria.push((text, done)),
        }
    }
}
