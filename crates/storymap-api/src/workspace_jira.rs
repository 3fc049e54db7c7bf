//! The workspace's side of a Jira import: previewing and importing a Jira CSV (one change,
//! one SQLite transaction, one undo step), from text or a file. Exports: `workspace_export.rs`.

use std::path::Path;

use storymap_core::jira::{
    parse_csv, plan_import, JiraCounts, JiraImportPlan, StatusMap, StoryAction,
};
use storymap_core::{MapDocument, MapModel, UndoRecord};

use crate::files::operation;
use crate::jira_views::*;
use crate::progress::Progress;
use crate::workspace::{new_id, unix_now};
use crate::workspace_edit::commit;
use crate::{ApiError, ErrorCode, Workspace};

const SAMPLE_SIZE: usize = 20;

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

fn status_map(mappings: &[JiraStatusMapping]) -> Result<StatusMap, ApiError> {
    let pairs = mappings
        .iter()
        .map(|m| (m.jira_status.clone(), m.status.into()));
    Ok(StatusMap::new(pairs)?)
}

fn counts(c: JiraCounts) -> JiraCountsView {
    JiraCountsView {
        activities: c.activities as u32,
        steps: c.steps as u32,
        slices: c.slices as u32,
        stories: c.stories as u32,
        criteria: c.criteria as u32,
    }
}

fn warnings(plan: &JiraImportPlan) -> Vec<JiraWarningView> {
    plan.warnings
        .iter()
        .map(|w| JiraWarningView {
            row: w.row as u32,
            column: w.column.clone(),
            message: w.message.clone(),
        })
        .collect()
}

fn preview_view(plan: &JiraImportPlan, map_name: String) -> JiraPreviewView {
    let sample_stories = plan
        .stories
        .iter()
        .take(SAMPLE_SIZE)
        .map(|s| JiraStoryPreview {
            row: s.row as u32,
            jira_key: s.jira_key.clone(),
            title: s.title.clone(),
            action: match s.action {
                StoryAction::Create => JiraStoryAction::Create,
                StoryAction::Update => JiraStoryAction::Update,
                StoryAction::Unchanged => JiraStoryAction::Unchanged,
            },
            activity: plan.activities[s.activity].title.clone(),
            step: s.place.map(|(step, _)| plan.steps[step].title.clone()),
            slice: s.place.map(|(_, slice)| plan.slices[slice].title.clone()),
            status: s.status.map(Into::into),
            estimate: s.estimate.clone(),
            criteria: s.criteria.len() as u32,
        })
        .collect();
    JiraPreviewView {
        map_name,
        creates: counts(plan.creates()),
        updates: counts(plan.updates()),
        unchanged: plan.unchanged() as u32,
        skipped_rows: plan.skipped_rows as u32,
        columns: plan
            .columns
            .iter()
            .map(|c| JiraColumnView {
                column: c.column.clone(),
                count: c.count as u32,
                used_as: c.used_as.map(str::to_owned),
            })
            .collect(),
        warnings: warnings(plan),
        sample_stories,
        story_count: plan.stories.len() as u32,
    }
}

/// A file's text: UTF-8 (with or without BOM); anything else is refused with its line.
fn read_text(path: &Path) -> Result<String, ApiError> {
    let bytes = crate::files::read_import_file(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        invalid(format!(
            "{}: line {line} is not UTF-8 text; export the CSV from Jira again (Jira writes UTF-8) or save it as UTF-8",
            path.display()
        ))
    })
}

impl Workspace {
    /// The plan of importing `csv` into the target, and the target's name.
    fn jira_plan(
        &mut self,
        csv: &str,
        target: &JiraTarget,
        statuses: &[JiraStatusMapping],
    ) -> Result<(JiraImportPlan, String), ApiError> {
        let statuses = status_map(statuses)?;
        let sheet = parse_csv(csv).map_err(|p| invalid(p.to_string()))?;
        let (model, name) = match target {
            JiraTarget::NewMap { name } => {
                if name.trim().is_empty() {
                    return Err(invalid("the new map needs a name"));
                }
                let empty = MapModel::new(String::new(), name.clone(), vec![], vec![], vec![]);
                (empty, name.trim().to_owned())
            }
            // The document, not the projection: the plan needs what edits will see.
            JiraTarget::ExistingMap { map_id } => {
                let model = self.loaded_map(map_id)?.doc.read()?;
                let name = model.name.clone();
                (model, name)
            }
        };
        Ok((plan_import(&sheet, &model, &statuses), name))
    }

    /// What importing a Jira CSV export would create and update; nothing is written.
    pub fn preview_jira_csv(
        &mut self,
        csv: &str,
        target: &JiraTarget,
        statuses: &[JiraStatusMapping],
    ) -> Result<JiraPreviewView, ApiError> {
        let (plan, name) = self.jira_plan(csv, target, statuses)?;
        Ok(preview_view(&plan, name))
    }

    /// Imports a Jira CSV export as one change: into a new map (stored in one
    /// transaction) or an existing one (one change row with its projection, one undo step).
    /// A file that cannot be read as a table imports nothing.
    pub fn import_jira_csv(
        &mut self,
        csv: &str,
        target: &JiraTarget,
        statuses: &[JiraStatusMapping],
    ) -> Result<JiraImportView, ApiError> {
        let progress = Progress::new(self.progress.as_ref(), "Importing from Jira");
        self.import_jira_csv_reporting(csv, target, statuses, progress)
    }

    /// Into an existing map, the plan (which rows are new, by issue key) and its edits are
    /// one step for every process: two imports of one export at once add each story once.
    fn import_jira_csv_reporting(
        &mut self,
        csv: &str,
        target: &JiraTarget,
        statuses: &[JiraStatusMapping],
        progress: Progress,
    ) -> Result<JiraImportView, ApiError> {
        match target {
            JiraTarget::ExistingMap { map_id } => self.exclusively(map_id, |w| {
                w.import_jira_planned(csv, target, statuses, progress)
            }),
            JiraTarget::NewMap { .. } => self.import_jira_planned(csv, target, statuses, progress),
        }
    }

    fn import_jira_planned(
        &mut self,
        csv: &str,
        target: &JiraTarget,
        statuses: &[JiraStatusMapping],
        mut progress: Progress,
    ) -> Result<JiraImportView, ApiError> {
        progress.report("Reading the rows", 0, 0);
        let (plan, name) = self.jira_plan(csv, target, statuses)?;
        if let Some(reason) = plan.nothing_imported() {
            return Err(invalid(reason));
        }
        let edits = plan.edits(&mut new_id);
        let label = plan.label();
        let total = edits.len();
        let mut on_applied = |done: usize| progress.report("Adding to the map", done, total);
        let author = self.author.clone();
        let context = (unix_now(), author.as_str());
        let map_id = match target {
            JiraTarget::NewMap { .. } => {
                let map_id = new_id();
                let mut doc = MapDocument::create(&map_id, &name, context.1, context.0)?;
                if !edits.is_empty() {
                    doc.apply_all_reporting(&label, &edits, context, &mut on_applied)?;
                }
                progress.report("Saving", 0, 0);
                self.store.insert_map(&doc)?;
                map_id
            }
            JiraTarget::ExistingMap { map_id } => {
                if !edits.is_empty() {
                    self.loaded_map(map_id)?;
                    let loaded = self.loaded.as_mut().expect("loaded above");
                    let applied =
                        loaded
                            .doc
                            .apply_all_reporting(&label, &edits, context, &mut on_applied)?;
                    progress.report("Saving", 0, 0);
                    commit(&mut self.store, loaded, &applied)?;
                    self.history.for_map(map_id).record(UndoRecord {
                        label: applied.label,
                        writes: applied.writes,
                    });
                }
                map_id.clone()
            }
        };
        Ok(JiraImportView {
            map: self.summary(&map_id)?,
            creates: counts(plan.creates()),
            updates: counts(plan.updates()),
            unchanged: plan.unchanged() as u32,
            skipped_rows: plan.skipped_rows as u32,
            warnings: warnings(&plan),
            label,
        })
    }

    pub fn preview_jira_csv_file(
        &mut self,
        path: &Path,
        target: &JiraTarget,
        statuses: &[JiraStatusMapping],
    ) -> Result<JiraPreviewView, ApiError> {
        let csv = read_text(path)?;
        self.preview_jira_csv(&csv, target, statuses)
            .map_err(|e| ApiError::new(e.code, format!("{}: {}", path.display(), e.message)))
    }

    pub fn import_jira_csv_file(
        &mut self,
        path: &Path,
        target: &JiraTarget,
        statuses: &[JiraStatusMapping],
    ) -> Result<JiraImportView, ApiError> {
        let progress = Progress::new(self.progress.as_ref(), operation("Importing", path));
        let csv = read_text(path)?;
        self.import_jira_csv_reporting(&csv, target, statuses, progress)
            .map_err(|e| ApiError::new(e.code, format!("{}: {}", path.display(), e.message)))
    }
}
