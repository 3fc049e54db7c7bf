//! The bounds in `storymap_core::limits`: edits refuse past them, a Jira import keeps
//! what fits and warns, a JSON import refuses the story that breaks one.

use storymap_core::jira::{parse_csv, plan_import, StatusMap};
use storymap_core::limits::{MAX_CRITERIA_PER_STORY, MAX_CRITERION_CHARS, MAX_LABELS_PER_STORY};
use storymap_core::{BackboneEdit, CardEdit, CriteriaEdit, SliceEdit, StoryEdit};
use storymap_core::{CoreError, Edit, EditContext, MapDocument, MapImport};

fn ctx(id: &str) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: 1_700_000_000,
        author: "ana".into(),
    }
}

/// A map with one story, "s".
fn one_story() -> MapDocument {
    let mut map = MapDocument::create("m", "Shop", "ana", 1_700_000_000).unwrap();
    let edits = [
        (
            Edit::from(BackboneEdit::AddActivity {
                title: "Buy".into(),
            }),
            "a",
        ),
        (
            Edit::from(BackboneEdit::AddStep {
                activity_id: "a".into(),
                title: "Pay".into(),
            }),
            "st",
        ),
        (
            Edit::from(SliceEdit::AddRelease {
                title: "MVP".into(),
            }),
            "r",
        ),
        (
            Edit::from(CardEdit::AddStory {
                step_id: "st".into(),
                release_id: "r".into(),
                title: "Pay by card".into(),
            }),
            "s",
        ),
    ];
    for (edit, id) in edits {
        map.apply(&edit, &ctx(id)).unwrap();
    }
    map
}

fn refused(result: Result<storymap_core::Applied, CoreError>) -> String {
    match result {
        Err(CoreError::InvalidInput(message)) => message,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn a_paste_of_criteria_past_the_limit_is_refused_whole() {
    let mut map = one_story();
    let paste = |n: usize| {
        Edit::from(CriteriaEdit::AddCriteria {
            story_id: "s".into(),
            text: (0..n).map(|i| format!("- criterion {i}\n")).collect(),
        })
    };
    map.apply(&paste(MAX_CRITERIA_PER_STORY - 1), &ctx("c1"))
        .unwrap();
    let message = refused(map.apply(&paste(2), &ctx("c2")));
    assert_eq!(
        message,
        "a story holds at most 200 acceptance criteria; this one has 199 and 2 more would pass that: split the story"
    );
    map.apply(&paste(1), &ctx("c3")).unwrap();
    let story = map.read_story("s").unwrap();
    assert_eq!(story.acceptance_criteria.len(), MAX_CRITERIA_PER_STORY);
}

#[test]
fn labels_past_the_limit_are_refused_and_one_already_there_is_fine() {
    let mut map = one_story();
    let label = |n: usize| {
        Edit::from(StoryEdit::SetLabel {
            story_id: "s".into(),
            label: format!("label-{n}"),
            on: true,
        })
    };
    for n in 0..MAX_LABELS_PER_STORY {
        map.apply(&label(n), &ctx("l")).unwrap();
    }
    let message = refused(map.apply(&label(MAX_LABELS_PER_STORY), &ctx("l")));
    assert_eq!(message, "a story holds at most 50 labels; remove one first");
    map.apply(&label(0), &ctx("l")).unwrap();
}

#[test]
fn a_jira_row_keeps_the_criteria_that_fit_and_says_what_it_left_out() {
    let long = "x".repeat(MAX_CRITERION_CHARS + 10);
    let mut criteria: Vec<String> = (0..300).map(|i| format!("- criterion {i}")).collect();
    criteria.insert(0, format!("- {long}"));
    criteria.insert(1, "- criterion 0".into()); // a duplicate, kept once
    let csv = format!(
        "Summary,Acceptance Criteria\nPay by card,\"{}\"\n",
        criteria.join("\n")
    );
    let sheet = parse_csv(&csv).unwrap();
    let plan = plan_import(&sheet, &one_story().read().unwrap(), &StatusMap::default());
    let story = &plan.stories[0];
    assert_eq!(story.criteria.len(), MAX_CRITERIA_PER_STORY);
    assert_eq!(story.criteria[0].0.chars().count(), MAX_CRITERION_CHARS);
    assert_eq!(story.criteria[1].0, "criterion 0");
    assert_eq!(story.criteria[2].0, "criterion 1");
    let warnings: Vec<String> = plan.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "row 2, column \"Acceptance Criteria\": 1 acceptance criteria longer than 2,000 characters: cut there",
            "row 2, column \"Acceptance Criteria\": 302 acceptance criteria, more than the 200 a story holds: the first 200 kept (split the issue)",
        ]
    );
}

#[test]
fn an_imported_story_over_a_bound_is_named() {
    let mut model = one_story().read().unwrap();
    model.stories[0].details.why = "y".repeat(2_001);
    let message = match MapImport::build(&model, "m2", "ana", 1) {
        Err(CoreError::InvalidInput(message)) => message,
        other => panic!("{:?}", other.map(|_| ())),
    };
    assert_eq!(
        message,
        "story 'Pay by card': the why is longer than 2,000 characters"
    );
}
