//! The projector's views into their DTOs (the core already left private notes out).

use storymap_core::{PresentedCard, PresentedColumn, PresentedStory};

use crate::session_views::{PresentedCardView, PresentedColumnView, PresentedStoryView};

impl From<PresentedStory> for PresentedStoryView {
    fn from(s: PresentedStory) -> Self {
        PresentedStoryView {
            id: s.id,
            title: s.title,
            narrative: s.narrative,
            why: s.why,
            description: s.description,
            acceptance_criteria: s.acceptance_criteria,
            estimate: s.estimate,
            status: s.status,
            labels: s.labels,
            flags: s.flags.into_iter().map(Into::into).collect(),
            needs_input_from: s.needs_input_from,
            notes: s.notes,
            place: s.place,
            links: s.links,
            objective: s.objective,
            persona: s.persona.as_ref().map(Into::into),
        }
    }
}

fn card(c: PresentedCard) -> PresentedCardView {
    PresentedCardView {
        id: c.id,
        title: c.title,
        estimate: c.estimate,
    }
}

pub(crate) fn columns(columns: Vec<PresentedColumn>) -> Vec<PresentedColumnView> {
    columns
        .into_iter()
        .map(|c| PresentedColumnView {
            activity: c.activity,
            step: c.step,
            cards: c.cards.into_iter().map(card).collect(),
        })
        .collect()
}
