//! Finding where a row goes on the map: its activity (by Jira key, else by title), the
//! story it updates (by key, else a keyless story of the same title in that activity),
//! and a new story's step and slice.

use std::collections::HashSet;

use super::import_plan::{PlannedActivity, PlannedSlice, PlannedStep};
use super::parse::{Field, Issue};
use super::plan::Planner;
use super::IMPORTED_STEP;
use crate::{Story, UNPLANNED};

impl Planner<'_> {
    /// The activity for an epic: planned already, on the map by key, or by title (an
    /// activity without a key), else a new one.
    pub(super) fn activity(&mut self, key: Option<&str>, title: &str) -> usize {
        let planned = self.plan.activities.iter().position(|a| match key {
            Some(key) => a.jira_key.as_deref() == Some(key),
            None => a.jira_key.is_none() && a.title == title,
        });
        if let Some(index) = planned {
            return index;
        }
        let taken: HashSet<&str> = self
            .plan
            .activities
            .iter()
            .filter_map(|a| a.existing.as_deref())
            .collect();
        let on_map = self
            .map
            .activities
            .iter()
            .filter(|a| !taken.contains(a.id.as_str()))
            .find(|a| key.is_some() && a.jira_key.as_deref() == key)
            .or_else(|| {
                let mut free = self
                    .map
                    .activities
                    .iter()
                    .filter(|a| !taken.contains(a.id.as_str()));
                free.find(|a| a.jira_key.is_none() && a.title == title)
            });
        let planned = PlannedActivity {
            existing: on_map.map(|a| a.id.clone()),
            title: title.to_owned(),
            jira_key: key.map(str::to_owned),
            updated: on_map.is_some_and(|a| a.title != title || a.jira_key.as_deref() != key),
        };
        self.plan.activities.push(planned);
        self.plan.activities.len() - 1
    }

    /// The map's story a row updates: same key, else a keyless story with its title in
    /// the same activity.
    pub(super) fn existing_story(&mut self, issue: &Issue, activity: usize) -> Option<String> {
        let activity_id = self.plan.activities[activity].existing.as_deref();
        let claimed = &self.claimed;
        let first_free = |stories: Option<&Vec<&Story>>| {
            let mut free = stories?.iter().filter(|s| !claimed.contains(&s.id));
            free.next().map(|s| s.id.clone())
        };
        let index = &self.on_map;
        let found = (issue.key.as_deref())
            .and_then(|key| first_free(index.by_key.get(key)))
            .or_else(|| {
                let title = (activity_id?, issue.summary.as_str());
                first_free(index.keyless_by_title.get(&title))
            });
        if let Some(id) = &found {
            self.claimed.insert(id.clone());
        }
        found
    }

    /// Step and slice of a new story: its component and first fix version, or "Imported"
    /// and "Unplanned".
    pub(super) fn place(&mut self, issue: &Issue, activity: usize) -> (usize, usize) {
        let step_title = issue
            .components
            .first()
            .map_or(IMPORTED_STEP, String::as_str);
        if issue.fix_versions.len() > 1 {
            let message = format!(
                "several fix versions: the story goes to the slice '{}'",
                issue.fix_versions[0]
            );
            self.warn(issue.row, Some(Field::FixVersions), message);
        }
        let slice_title = issue.fix_versions.first().map_or(UNPLANNED, String::as_str);
        let step = match self
            .plan
            .steps
            .iter()
            .position(|s| s.activity == activity && s.title == step_title)
        {
            Some(index) => index,
            None => {
                let activity_id = self.plan.activities[activity].existing.as_deref();
                let existing = self
                    .map
                    .activities
                    .iter()
                    .filter(|a| Some(a.id.as_str()) == activity_id)
                    .flat_map(|a| &a.steps)
                    .find(|s| s.title == step_title)
                    .map(|s| s.id.clone());
                self.plan.steps.push(PlannedStep {
                    existing,
                    activity,
                    title: step_title.to_owned(),
                });
                self.plan.steps.len() - 1
            }
        };
        let slice = match self.plan.slices.iter().position(|s| s.title == slice_title) {
            Some(index) => index,
            None => {
                let existing = self
                    .map
                    .releases
                    .iter()
                    .find(|r| r.title == slice_title)
                    .map(|r| r.id.clone());
                self.plan.slices.push(PlannedSlice {
                    existing,
                    title: slice_title.to_owned(),
                });
                self.plan.slices.len() - 1
            }
        };
        (step, slice)
    }
}
