//! A plan as edits: what changes on each story, and the whole import as the list of
//! edits [`crate::MapDocument::apply_all`] writes in one change (one undo step).

use super::import_plan::{Change, JiraImportPlan, PlannedStory};
use crate::{BackboneEdit, CardEdit, CriteriaEdit, EstimateEdit, SliceEdit, StoryEdit};
use crate::{CommentEdit, DependencyEdit, Edit, JiraItem, LinkEdit, Story, StoryField};
use crate::{StoryStatus, WsjfPart};

/// What differs between a row and the map's story (`None`: a story the import creates,
/// which starts as an idea with the row's title). Nothing is removed: labels and criteria
/// the file lacks stay, and fields the file leaves empty keep their value.
pub(crate) fn story_changes(row: &PlannedStory, story: Option<&Story>) -> Vec<Change> {
    let mut changes = Vec::new();
    if story.is_some_and(|s| s.title != row.title) {
        changes.push(Change::Title(row.title.clone()));
    }
    let description = story.map_or("", |s| s.description.as_str());
    if let Some(text) = row.description.as_ref().filter(|d| *d != description) {
        changes.push(Change::Description(text.clone()));
    }
    let status = story.map_or(StoryStatus::Idea, |s| s.status);
    if let Some(new) = row.status.filter(|s| *s != status) {
        changes.push(Change::Status(new));
    }
    let estimate = story.and_then(|s| s.estimate.as_deref());
    if let Some(new) = row
        .estimate
        .as_ref()
        .filter(|e| Some(e.as_str()) != estimate)
    {
        changes.push(Change::Estimate(new.clone()));
    }
    let labels: &[String] = story.map_or(&[], |s| &s.details.labels);
    for label in row.labels.iter().filter(|l| !labels.contains(l)) {
        changes.push(Change::Label(label.clone()));
    }
    let criteria: &[crate::AcceptanceCriterion] = story.map_or(&[], |s| &s.acceptance_criteria);
    for (text, done) in &row.criteria {
        match criteria.iter().find(|c| c.text == *text) {
            Some(c) if c.done != *done => changes.push(Change::CriterionDone(c.id.clone(), *done)),
            Some(_) => {}
            None => changes.push(Change::Criterion(text.clone(), *done)),
        }
    }
    let key = story.and_then(|s| s.details.jira_key.as_deref());
    if let Some(new) = row.jira_key.as_ref().filter(|k| Some(k.as_str()) != key) {
        changes.push(Change::Key(new.clone()));
    }
    refinement_changes(row, story, &mut changes);
    changes
}

/// The WSJF parts and the blocker the row sets, where they differ from the story's.
fn refinement_changes(row: &PlannedStory, story: Option<&Story>, changes: &mut Vec<Change>) {
    let now = story.map(|s| s.details.wsjf).unwrap_or_default().parts();
    for ((part, new), old) in WsjfPart::ALL.into_iter().zip(row.wsjf).zip(now) {
        if let Some(value) = new.filter(|v| Some(*v) != old) {
            changes.push(Change::Wsjf(part, value));
        }
    }
    discussion_changes(row, story, changes);
    let blocked = story.and_then(|s| s.details.blocked_reason.as_deref());
    if let Some(reason) = row
        .blocked_reason
        .as_ref()
        .filter(|r| Some(r.as_str()) != blocked)
    {
        changes.push(Change::Blocked(reason.clone()));
    }
}

/// The row's comments and links the story does not have yet (same author and text; same URL).
fn discussion_changes(row: &PlannedStory, story: Option<&Story>, changes: &mut Vec<Change>) {
    let (comments, links) = story.map_or((&[][..], &[][..]), |s| {
        (&s.details.comments[..], &s.details.links[..])
    });
    for comment in &row.comments {
        let known = (comments.iter()).any(|c| c.author == comment.author && c.text == comment.text);
        if !known {
            changes.push(Change::Comment(comment.clone()));
        }
    }
    for (title, url) in &row.links {
        if !links.iter().any(|l| l.url == *url) {
            changes.push(Change::Link(title.clone(), url.clone()));
        }
    }
}

/// The import's edits in order, each with the fresh id it creates under.
struct EditList<'a> {
    edits: Vec<(Edit, String)>,
    new_id: &'a mut dyn FnMut() -> String,
}

impl EditList<'_> {
    /// Adds `edit`; answers the id of what it creates.
    fn push(&mut self, edit: Edit) -> String {
        let id = (self.new_id)();
        self.edits.push((edit, id.clone()));
        id
    }

    /// The plan's activities, added or renamed and linked to their epic; their ids in order.
    fn activities(&mut self, plan: &JiraImportPlan) -> Vec<String> {
        let mut ids = Vec::new();
        for activity in &plan.activities {
            let id = match &activity.existing {
                Some(id) => {
                    if activity.updated {
                        self.push(Edit::from(BackboneEdit::RenameActivity {
                            activity_id: id.clone(),
                            title: activity.title.clone(),
                        }));
                    }
                    id.clone()
                }
                None => self.push(Edit::from(BackboneEdit::AddActivity {
                    title: activity.title.clone(),
                })),
            };
            if activity.existing.is_none() || activity.updated {
                if let Some(key) = &activity.jira_key {
                    self.push(Edit::from(CardEdit::SetJiraKey {
                        item: JiraItem::Activity(id.clone()),
                        key: Some(key.clone()),
                    }));
                }
            }
            ids.push(id);
        }
        ids
    }

    /// One story: added in its cell when new, then each of its changes; answers its id.
    fn story(&mut self, story: &PlannedStory, step_ids: &[String], slice_ids: &[String]) -> String {
        let story_id = match (&story.existing, story.place) {
            (Some(id), _) => id.clone(),
            (None, Some((step, slice))) => self.push(Edit::from(CardEdit::AddStory {
                step_id: step_ids[step].clone(),
                release_id: slice_ids[slice].clone(),
                title: story.title.clone(),
            })),
            (None, None) => unreachable!("a new story always has a place"),
        };
        for change in &story.changes {
            if let Some(edit) = self.change(story_id.clone(), change.clone()) {
                self.push(edit);
            }
        }
        story_id
    }

    /// The edit that makes one change; a new criterion is added here, and answers the edit
    /// that ticks it when the row says it is done.
    fn change(&mut self, story_id: String, change: Change) -> Option<Edit> {
        Some(match change {
            Change::Title(title) => Edit::from(CardEdit::RenameStory { story_id, title }),
            Change::Description(text) => Edit::from(StoryEdit::SetText {
                story_id,
                field: StoryField::Description,
                text,
            }),
            Change::Status(status) => Edit::from(StoryEdit::SetStatus { story_id, status }),
            Change::Estimate(estimate) => Edit::from(EstimateEdit::SetEstimate {
                story_id,
                estimate: Some(estimate),
            }),
            Change::Label(label) => Edit::from(StoryEdit::SetLabel {
                story_id,
                label,
                on: true,
            }),
            Change::Criterion(text, done) => {
                let id = self.push(Edit::from(CriteriaEdit::AddCriteria {
                    story_id: story_id.clone(),
                    text,
                }));
                if !done {
                    return None;
                }
                // AddCriteria names its one criterion "<id>-0".
                Edit::from(CriteriaEdit::SetCriterionDone {
                    story_id,
                    criterion_id: format!("{id}-0"),
                    done,
                })
            }
            Change::CriterionDone(criterion_id, done) => {
                Edit::from(CriteriaEdit::SetCriterionDone {
                    story_id,
                    criterion_id,
                    done,
                })
            }
            Change::Key(key) => Edit::from(CardEdit::SetJiraKey {
                item: JiraItem::Story(story_id),
                key: Some(key),
            }),
            Change::Wsjf(part, value) => Edit::from(EstimateEdit::SetWsjf {
                story_id,
                part,
                value: Some(value),
            }),
            Change::Blocked(text) => Edit::from(StoryEdit::SetText {
                story_id,
                field: StoryField::BlockedReason,
                text,
            }),
            Change::Comment(comment) => Edit::from(CommentEdit::ImportComment {
                story_id,
                author: comment.author,
                at: comment.at,
                text: comment.text,
            }),
            Change::Link(title, url) => Edit::from(LinkEdit::AddLink {
                story_id,
                title,
                url,
            }),
        })
    }
}

impl JiraImportPlan {
    /// Every edit of the import, each with a fresh id from `new_id` for what it creates.
    pub fn edits(&self, new_id: &mut dyn FnMut() -> String) -> Vec<(Edit, String)> {
        let mut list = EditList {
            edits: Vec::new(),
            new_id,
        };
        let activity_ids = list.activities(self);
        let slice_ids: Vec<String> = self
            .slices
            .iter()
            .map(|slice| match &slice.existing {
                Some(id) => id.clone(),
                None => list.push(Edit::from(SliceEdit::AddRelease {
                    title: slice.title.clone(),
                })),
            })
            .collect();
        let step_ids: Vec<String> = self
            .steps
            .iter()
            .map(|step| match &step.existing {
                Some(id) => id.clone(),
                None => list.push(Edit::from(BackboneEdit::AddStep {
                    activity_id: activity_ids[step.activity].clone(),
                    title: step.title.clone(),
                })),
            })
            .collect();
        let story_ids: Vec<String> = self
            .stories
            .iter()
            .map(|story| list.story(story, &step_ids, &slice_ids))
            .collect();
        // Links last: both ends exist by then, the new ones included.
        for (story, story_id) in self.stories.iter().zip(&story_ids) {
            for dependency in &story.depends_on {
                list.push(Edit::from(DependencyEdit::SetDependency {
                    story_id: story_id.clone(),
                    depends_on: story_ids[*dependency].clone(),
                    on: true,
                }));
            }
        }
        list.edits
    }

    /// The change message and Undo label.
    pub fn label(&self) -> String {
        let (created, updated) = (self.creates().stories, self.updates().stories);
        match (created, updated) {
            (0, 0) => "Import from Jira".to_owned(),
            (n, 0) => format!("Import {n} {} from Jira", plural(n)),
            (0, m) => format!("Update {m} {} from Jira", plural(m)),
            (n, m) => format!("Import {n} and update {m} stories from Jira"),
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "story"
    } else {
        "stories"
    }
}
