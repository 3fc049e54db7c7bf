//! A synthetic map of any size, deterministic, for benchmarks and for trying Storymap at scale.

use crate::model::{
    AcceptanceCriterion, Activity, MapModel, ReleaseSlice, Step, Story, StoryDetails, StoryStatus,
};
use crate::Rank;

const VERBS: [&str; 8] = [
    "Search", "Compare", "Save", "Share", "Filter", "Review", "Pay for", "Track",
];
const THINGS: [&str; 8] = [
    "products",
    "offers",
    "the basket",
    "orders",
    "deliveries",
    "invoices",
    "favourites",
    "coupons",
];

/// `story_count` stories spread over 12 activities × 5 steps and 4 release slices, each
/// with a `description_len`-character description and three acceptance criteria.
pub fn large_map(story_count: usize, description_len: usize) -> MapModel {
    let activities: Vec<Activity> = (0..12)
        .map(|a| Activity {
            id: format!("act-{a}"),
            title: format!("Activity {}", a + 1),
            rank: Rank::first(),
            steps: (0..5)
                .map(|s| Step {
                    id: format!("step-{a}-{s}"),
                    title: format!("Step {}.{}", a + 1, s + 1),
                    rank: Rank::first(),
                })
                .collect(),
            jira_key: None,
            persona_id: None,
        })
        .collect();
    let releases: Vec<ReleaseSlice> = ["MVP", "Release 2", "Release 3", "Later"]
        .iter()
        .enumerate()
        .map(|(i, t)| ReleaseSlice {
            id: format!("rel-{i}"),
            title: (*t).into(),
            rank: Rank::first(),
        })
        .collect();
    let filler = "As a shopper I want this so that my weekly groceries take less time. ";
    let description: String = filler.chars().cycle().take(description_len).collect();
    let cells = 12 * 5 * 4;
    let mut stories: Vec<Story> = (0..story_count)
        .map(|i| {
            let cell = i % cells;
            let (a, s, r) = (cell / 20, (cell / 4) % 5, cell % 4);
            Story {
                id: format!("story-{i:05}"),
                title: format!("{} {} #{i}", VERBS[i % 8], THINGS[(i / 8) % 8]),
                description: description.clone(),
                activity_id: format!("act-{a}"),
                step_id: format!("step-{a}-{s}"),
                release_id: format!("rel-{r}"),
                rank: Rank::first(),
                status: StoryStatus::Draft,
                estimate: Some(["1", "2", "3", "5", "8"][i % 5].into()),
                acceptance_criteria: (0..3)
                    .map(|c| AcceptanceCriterion {
                        id: format!("ac-{i}-{c}"),
                        text: format!("Criterion {c} holds"),
                        ..AcceptanceCriterion::default()
                    })
                    .collect(),
                details: StoryDetails::default(),
            }
        })
        .collect();
    // Display order: column, then band; the import mints ranks from this order.
    stories.sort_by_key(|s| {
        let index = |id: &str| {
            id.rsplit('-')
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0)
        };
        (
            s.activity_id.len(),
            s.activity_id.clone(),
            index(&s.step_id),
            index(&s.release_id),
        )
    });
    MapModel {
        id: "generated".into(),
        name: format!("Generated map ({story_count} stories)"),
        activities,
        releases,
        stories,
        settings: Default::default(),
    }
}

const LABELS: [&str; 6] = ["payments", "search", "mobile", "mvp", "ux", "legal"];

/// [`large_map`] with 200-character descriptions, refined the way a real backlog is: a
/// label on every story, a "why" on every other one, and every tenth story depending on
/// the story ten before it (so dependencies run across cells, never in a cycle).
pub fn refined_map(story_count: usize) -> MapModel {
    let mut model = large_map(story_count, 200);
    for story in &mut model.stories {
        let i: usize = story.id["story-".len()..].parse().expect("generated id");
        let details = &mut story.details;
        details.labels = vec![LABELS[i % LABELS.len()].to_owned()];
        if i.is_multiple_of(2) {
            details.why = "Shoppers told us this in the last three interviews.".into();
        }
        if i.is_multiple_of(10) && i >= 10 {
            details.depends_on = vec![format!("story-{:05}", i - 10)];
        }
    }
    model
}
