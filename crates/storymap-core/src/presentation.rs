//! What the projector shows in the room: one story in large type, a release slice or an
//! activity. Built from the read model without private material: a story's notes only
//! when its POPM shared them (`notesPrivate: false`).

use crate::{MapModel, Story, StoryFlag};

#[derive(Debug, Clone, PartialEq)]
pub struct PresentedStory {
    pub id: String,
    pub title: String,
    /// "As a shopper, I want …, so that …", when any part is written.
    pub narrative: Option<String>,
    pub why: String,
    pub description: String,
    pub acceptance_criteria: Vec<String>,
    pub estimate: Option<String>,
    /// The status as the team names it.
    pub status: String,
    pub labels: Vec<String>,
    /// The session flags (risky, unclear…): the room talks them through.
    pub flags: Vec<StoryFlag>,
    pub needs_input_from: Option<String>,
    /// Only when shared.
    pub notes: Option<String>,
    /// "Activity › Step · Slice".
    pub place: String,
    /// The titles of its links (mock-ups, specs): the room sees what exists, not URLs.
    pub links: Vec<String>,
    /// The PI objective it serves: "Faster checkout (committed, value 8)".
    pub objective: Option<String>,
    /// Who it is for: its own persona or its activity's.
    pub persona: Option<crate::personas::Persona>,
}

/// A card on a slice or activity view: title and estimate only.
#[derive(Debug, Clone, PartialEq)]
pub struct PresentedCard {
    pub id: String,
    pub title: String,
    pub estimate: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PresentedColumn {
    pub activity: String,
    pub step: String,
    pub cards: Vec<PresentedCard>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PresentedSlice {
    pub release_id: String,
    pub title: String,
    /// Every step left to right, empty ones included so the backbone reads whole.
    pub columns: Vec<PresentedColumn>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PresentedActivity {
    pub activity_id: String,
    pub title: String,
    /// Its steps; cards of every slice in slice order.
    pub columns: Vec<PresentedColumn>,
}

fn narrative(story: &Story) -> Option<String> {
    let d = &story.details;
    let parts: Vec<String> = [
        ("As a", &d.as_a),
        ("I want", &d.i_want),
        ("so that", &d.so_that),
    ]
    .into_iter()
    .filter(|(_, text)| !text.trim().is_empty())
    .map(|(lead, text)| format!("{lead} {}", text.trim()))
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn card(story: &Story) -> PresentedCard {
    PresentedCard {
        id: story.id.clone(),
        title: story.title.clone(),
        estimate: story.estimate.clone(),
    }
}

pub fn presentation_story(model: &MapModel, story_id: &str) -> Option<PresentedStory> {
    let story = model.stories.iter().find(|s| s.id == story_id)?;
    let d = &story.details;
    let activity = model.activities.iter().find(|a| a.id == story.activity_id);
    let step = activity.and_then(|a| a.steps.iter().find(|s| s.id == story.step_id));
    let slice = model.releases.iter().find(|r| r.id == story.release_id);
    let status = model
        .settings
        .status_labels
        .iter()
        .find(|(s, _)| *s == story.status)
        .map_or_else(
            || story.status.default_label().to_owned(),
            |(_, l)| l.clone(),
        );
    Some(PresentedStory {
        id: story.id.clone(),
        title: story.title.clone(),
        narrative: narrative(story),
        why: d.why.clone(),
        description: story.description.clone(),
        acceptance_criteria: story
            .acceptance_criteria
            .iter()
            .map(|c| c.text.clone())
            .collect(),
        estimate: story.estimate.clone(),
        status,
        labels: d.labels.clone(),
        flags: d.flags.clone(),
        needs_input_from: d.needs_input_from.clone(),
        notes: (!d.notes_private && !d.notes.trim().is_empty()).then(|| d.notes.clone()),
        place: format!(
            "{} › {} · {}",
            activity.map_or("", |a| a.title.as_str()),
            step.map_or("", |s| s.title.as_str()),
            slice.map_or("", |r| r.title.as_str())
        ),
        links: d.links.iter().map(|l| l.title.clone()).collect(),
        objective: model
            .objective_of(story)
            .map(crate::refine::objective_label),
        persona: (crate::personas::PersonaIndex::new(model).of(story)).map(|(p, _)| p.clone()),
    })
}

pub fn presentation_slice(model: &MapModel, release_id: &str) -> Option<PresentedSlice> {
    let slice = model.releases.iter().find(|r| r.id == release_id)?;
    let columns = model
        .activities
        .iter()
        .flat_map(|a| a.steps.iter().map(move |s| (a, s)))
        .map(|(activity, step)| PresentedColumn {
            activity: activity.title.clone(),
            step: step.title.clone(),
            cards: model
                .stories
                .iter()
                .filter(|s| s.step_id == step.id && s.release_id == release_id)
                .map(card)
                .collect(),
        })
        .collect();
    Some(PresentedSlice {
        release_id: slice.id.clone(),
        title: slice.title.clone(),
        columns,
    })
}

pub fn presentation_activity(model: &MapModel, activity_id: &str) -> Option<PresentedActivity> {
    let activity = model.activities.iter().find(|a| a.id == activity_id)?;
    // Stories are in step, then slice, then rank order already.
    let columns = activity
        .steps
        .iter()
        .map(|step| PresentedColumn {
            activity: activity.title.clone(),
            step: step.title.clone(),
            cards: model
                .stories
                .iter()
                .filter(|s| s.step_id == step.id)
                .map(card)
                .collect(),
        })
        .collect();
    Some(PresentedActivity {
        activity_id: activity.id.clone(),
        title: activity.title.clone(),
        columns,
    })
}
