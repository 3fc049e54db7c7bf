//! The rules map: stories that exercise every refinement rule, imported with stable ids
//! (so the fixture is the same on every run) and then filled in through the same edits the
//! UI sends.

use serde_json::{json, Value};
use storymap_api::{
    CardEdit, CriteriaEdit, DependencyEdit, EstimateEdit, MapEdit, MapView, SettingsEdit,
    StoryEdit, StoryStatus, TShirtSize, Workspace, WsjfPart,
};

use crate::cards::{Card, CARDS, DEPENDENCIES};
use crate::slug;

/// The map's outline as an export: activities, steps and slices in the order the cards name
/// them, every story with its id and place, and a Definition-of-Ready item ticked by hand.
fn skeleton() -> Value {
    let mut activities: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut releases: Vec<&str> = Vec::new();
    for (activity, step, release) in CARDS.iter().map(|c| c.at) {
        match activities.iter_mut().find(|(a, _)| *a == activity) {
            Some((_, steps)) if !steps.contains(&step) => steps.push(step),
            Some(_) => {}
            None => activities.push((activity, vec![step])),
        }
        if !releases.contains(&release) {
            releases.push(release);
        }
    }
    let titled = |prefix: &str, title: &str| json!({ "id": format!("{prefix}-{}", slug(title)), "title": title, "rank": "" });
    let activities: Vec<Value> = activities
        .into_iter()
        .map(|(title, steps)| {
            let mut activity = titled("a", title);
            activity["steps"] = steps.into_iter().map(|s| titled("s", s)).collect();
            activity
        })
        .collect();
    let stories: Vec<Value> = CARDS.iter().map(|card| {
        let (activity, step, release) = card.at;
        json!({
            "id": story_id(card.title), "title": card.title, "description": "",
            "activityId": format!("a-{}", slug(activity)), "stepId": format!("s-{}", slug(step)),
            "releaseId": format!("r-{}", slug(release)), "rank": "", "status": "idea",
            "estimate": null, "acceptanceCriteria": [],
        })
    }).collect();
    let mut settings = serde_json::to_value(storymap_api::MapSettingsView::default()).unwrap();
    let custom = json!({ "id": "dor-design-reviewed", "text": "Design reviewed", "rule": null });
    settings["definitionOfReady"]
        .as_array_mut()
        .unwrap()
        .push(custom);
    json!({
        "schemaVersion": 1, "map": { "id": "map-rules", "name": "Refinement rules" },
        "activities": activities,
        "releases": releases.into_iter().map(|r| titled("r", r)).collect::<Vec<_>>(),
        "stories": stories, "settings": settings,
    })
}

pub fn story_id(title: &str) -> String {
    format!("st-{}", slug(title))
}

pub struct RulesMap {
    pub workspace: Workspace,
    pub map: String,
}

impl RulesMap {
    fn edit(&mut self, edit: impl Into<MapEdit>) {
        self.workspace.apply_edit(&self.map, edit.into()).unwrap();
    }

    fn view(&self) -> MapView {
        self.workspace.view(&self.map).unwrap()
    }

    fn settings(&mut self) {
        self.edit(SettingsEdit::SetSmallLimit { points: 5.0 });
        let (size, points) = (TShirtSize::L, 8.0);
        self.edit(SettingsEdit::SetTShirtPoints { size, points });
    }

    fn card(&mut self, card: &Card) {
        let id = story_id(card.title);
        let story_id = || id.clone();
        for (field, text) in card.texts {
            let (story_id, field, text) = (story_id(), *field, (*text).to_owned());
            self.edit(StoryEdit::SetStoryText {
                story_id,
                field,
                text,
            });
        }
        if card.status != StoryStatus::Idea {
            let (story_id, status) = (story_id(), card.status);
            self.edit(StoryEdit::SetStatus { story_id, status });
        }
        let estimate = card.estimate.map(str::to_owned);
        self.edit(EstimateEdit::SetEstimate {
            story_id: story_id(),
            estimate,
        });
        if !card.criteria.is_empty() {
            let text = card.criteria.to_owned();
            self.edit(CriteriaEdit::AddCriteria {
                story_id: story_id(),
                text,
            });
        }
        let parts = [
            WsjfPart::Value,
            WsjfPart::TimeCriticality,
            WsjfPart::RiskReduction,
        ];
        for (part, value) in parts.into_iter().chain([WsjfPart::JobSize]).zip(card.wsjf) {
            if value.is_some() {
                self.edit(EstimateEdit::SetWsjf {
                    story_id: story_id(),
                    part,
                    value,
                });
            }
        }
        for label in card.labels {
            let label = (*label).to_owned();
            self.edit(StoryEdit::SetLabel {
                story_id: story_id(),
                label,
                on: true,
            });
        }
        let items = self.view().settings.definition_of_ready;
        for text in card.ticks {
            let item_id = items.iter().find(|i| i.text == *text).unwrap().id.clone();
            self.edit(StoryEdit::SetReadyCheck {
                story_id: story_id(),
                item_id,
                on: true,
            });
        }
    }

    /// A criterion with only its Given/When/Then form: no text, so it does not count.
    fn blank_criterion(&mut self, title: &str) {
        let story_id = story_id(title);
        let view = self.view();
        let story = view.stories.iter().find(|s| s.id == story_id).unwrap();
        let criterion_id = story.acceptance_criteria[0].id.clone();
        self.edit(CriteriaEdit::UpdateCriterion {
            story_id,
            criterion_id,
            text: String::new(),
            given: "a basket".into(),
            when: "I pay".into(),
            then: "I get a receipt".into(),
        });
    }

    fn dependencies(&mut self) {
        for (title, on) in DEPENDENCIES {
            for other in *on {
                let (story_id, depends_on) = (story_id(title), story_id(other));
                self.edit(DependencyEdit::SetDependency {
                    story_id,
                    depends_on,
                    on: true,
                });
            }
        }
        let story_id = story_id("Removed later");
        self.edit(CardEdit::DeleteStory { story_id });
    }
}

/// The rules map in a workspace over `dir`.
pub fn rules_map(dir: &std::path::Path) -> RulesMap {
    let mut workspace = Workspace::open(dir).unwrap();
    let map = workspace
        .import_json(&skeleton().to_string())
        .unwrap()
        .map
        .id;
    let mut rules = RulesMap { workspace, map };
    rules.settings();
    for card in CARDS {
        rules.card(card);
    }
    rules.blank_criterion("Criterion in Given/When/Then only");
    rules.dependencies();
    rules
}
