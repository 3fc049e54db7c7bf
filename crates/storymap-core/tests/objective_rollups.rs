//! What PI objectives add up to (issue #16 item 1), with the arithmetic in the expected
//! values: roll-ups, the backlog filtered and grouped by objective, the session's default
//! pick, the stakeholder update and the Markdown export.

mod merge_common;

use merge_common::*;
use storymap_core::objectives::Objective;
use storymap_core::refine::{backlog, objective_rollups, BacklogFilter, BacklogSort, DorItem};
use storymap_core::refine::{ObjectiveBlocker, ObjectiveFilter};
use storymap_core::session::{default_session_stories, session_report, stakeholder_update, Format};
use storymap_core::StoryStatus;
use storymap_core::{markdown, Edit, MapImport, MapModel, RoomEdit, SessionEdit, SessionStart};

/// `(id, objective, status, estimate, ready)`: "ready" ticks the only Definition-of-Ready
/// item; objective "gone" was deleted.
type Row<'a> = (&'a str, Option<&'a str>, StoryStatus, Option<&'a str>, bool);

const ROWS: [Row<'static>; 7] = [
    ("c0", Some("o1"), StoryStatus::Refining, Some("5"), true),
    ("c1", Some("o1"), StoryStatus::Refining, Some("3"), false),
    ("c2", Some("o1"), StoryStatus::Done, Some("8"), true),
    ("c3", Some("o1"), StoryStatus::Draft, None, false),
    ("c4", Some("o2"), StoryStatus::Refining, Some("2"), true),
    ("c5", None, StoryStatus::Refining, Some("1"), false),
    ("c6", Some("gone"), StoryStatus::Draft, Some("M"), false),
];

fn objective(id: &str, title: &str, business_value: u8, committed: bool) -> Objective {
    Objective {
        id: id.into(),
        title: title.into(),
        business_value,
        committed,
    }
}

/// The small map's one cell holding the stories of `ROWS`, with two objectives.
fn model() -> MapModel {
    let mut model = small_map().read().unwrap();
    let template = model.stories[0].clone();
    model.stories = ROWS
        .iter()
        .map(|(id, objective, status, estimate, ready)| {
            let mut story = template.clone();
            story.id = (*id).into();
            story.title = format!("Story {id}");
            story.status = *status;
            story.estimate = estimate.map(str::to_owned);
            story.details.objective_id = objective.map(str::to_owned);
            story.details.ready_checks = if *ready { vec!["ok".into()] } else { vec![] };
            story
        })
        .collect();
    model.stories[1].details.blocked_reason = Some("waiting for the PSP".into());
    model.settings.definition_of_ready = vec![DorItem {
        id: "ok".into(),
        text: "Agreed".into(),
        rule: None,
    }];
    model.settings.objectives = vec![
        objective("o1", "Faster checkout", 8, true),
        objective("o2", "Self-service returns", 5, false),
    ];
    model
}

#[test]
fn each_objective_adds_up_its_stories_points_ready_points_and_blockers() {
    let rollups = objective_rollups(&model());
    let o1 = &rollups[0];
    assert_eq!(o1.objective_id, "o1");
    // c0..c3; c2 is done, so its 8 points are behind the team.
    assert_eq!((o1.stories, o1.done, o1.unestimated), (4, 1, 1));
    // Not done: c0 5 + c1 3 = 8; ready of those: c0's 5.
    assert_eq!((o1.points, o1.ready_points), (8.0, 5.0));
    let blocker = ObjectiveBlocker {
        story_id: "c1".into(),
        title: "Story c1".into(),
        reason: "waiting for the PSP".into(),
    };
    assert_eq!(o1.blocked, [blocker]);
    let o2 = &rollups[1];
    assert_eq!((o2.stories, o2.points, o2.ready_points), (1, 2.0, 2.0));
    assert!(o2.blocked.is_empty());
    // c6's objective was deleted: it counts nowhere.
    assert_eq!(rollups.len(), 2);
}

fn shown(model: &MapModel, sort: BacklogSort, objective: Option<ObjectiveFilter>) -> Vec<&str> {
    let filter = BacklogFilter {
        objective,
        ..BacklogFilter::default()
    };
    let rows = backlog(model, sort, &filter).rows;
    rows.iter().map(|(s, _)| s.id.as_str()).collect()
}

#[test]
fn the_backlog_filters_and_groups_by_objective() {
    let model = model();
    let aligned = Some(ObjectiveFilter::Aligned("o2".into()));
    assert_eq!(shown(&model, BacklogSort::Rank, aligned), ["c4"]);
    // Aligned to none, or to a deleted objective.
    let unaligned = Some(ObjectiveFilter::Unaligned);
    assert_eq!(shown(&model, BacklogSort::Rank, unaligned), ["c5", "c6"]);
    let mut model = model;
    model.settings.objectives.reverse();
    assert_eq!(
        shown(&model, BacklogSort::Objective, None),
        ["c4", "c0", "c1", "c2", "c3", "c5", "c6"]
    );
}

#[test]
fn the_default_pick_takes_the_top_objectives_stories_first() {
    let mut model = model();
    // Not ready and not done: c1, c3 (o1), c5 (none), c6 (deleted objective).
    assert_eq!(
        default_session_stories(&model, 10),
        ["c1", "c3", "c5", "c6"]
    );
    model.stories[5].details.objective_id = Some("o2".into());
    assert_eq!(default_session_stories(&model, 3), ["c1", "c3", "c5"]);
    model.settings.objectives.reverse();
    assert_eq!(default_session_stories(&model, 3), ["c5", "c1", "c3"]);
    model.settings.objectives.clear();
    assert_eq!(
        default_session_stories(&model, 10),
        ["c1", "c3", "c5", "c6"]
    );
}

#[test]
fn the_stakeholder_update_names_the_objectives_the_ready_work_serves() {
    let mut model = model();
    model.stories.pop(); // c6 names a deleted objective, which a file may not.
    let mut map = MapImport::build(&model, "m", "ana", TIME).unwrap();
    let start = SessionStart {
        story_ids: Some(["c0", "c1", "c4"].map(String::from).to_vec()),
        ..SessionStart::default()
    };
    let mut room = |edit: Edit, id: &str| map.apply(&edit, &ctx(id)).unwrap();
    room(SessionEdit::Start(start).into(), "S");
    for story in ["c0", "c1", "c4"] {
        let refined = RoomEdit::MarkRefined {
            session_id: "S".into(),
            story_id: story.into(),
        };
        room(refined.into(), "-");
    }
    let model = map.read().unwrap();
    let report = session_report(&model, &map.read_session("S").unwrap(), &[]);
    // c0 (o1) and c4 (o2) are ready; c1 is not, and adds nothing.
    assert_eq!(
        report.objectives,
        [
            "Faster checkout (committed, value 8)",
            "Self-service returns (stretch, value 5)"
        ]
    );
    let update = stakeholder_update(&report, Format::Text);
    assert!(update.contains(
        "The ready work serves Faster checkout (committed, value 8), Self-service returns (stretch, value 5).\n"
    ), "{update}");
}

#[test]
fn markdown_lists_the_objectives_and_names_each_storys() {
    let text = markdown(&model());
    assert!(
        text.contains(
            "PI objectives:\n\n\
         1. Faster checkout (committed, value 8) — 4 stories, 5 of 8 pts ready, 1 blocked\n\
         2. Self-service returns (stretch, value 5) — 1 story, 2 of 2 pts ready\n"
        ),
        "{text}"
    );
    assert!(text.contains("- **Story c4** — 2 pts · Refining · objective: Self-service returns\n"));
    // A deleted objective is not named.
    assert!(text.contains("- **Story c6** — size M · Draft\n"), "{text}");
}

#[test]
fn a_file_whose_story_names_a_missing_objective_is_refused() {
    let mut model = model();
    let error = MapImport::build(&model, "m", "ana", TIME).err();
    let error = error.expect("c6 names 'gone'").to_string();
    assert!(
        error.contains("story 'Story c6' aligns to objective 'gone'"),
        "{error}"
    );
    model.stories.pop();
    model.settings.objectives[1].business_value = 12;
    let error = MapImport::build(&model, "m", "ana", TIME)
        .err()
        .unwrap()
        .to_string();
    assert!(error.contains("objective 'Self-service returns'") && error.contains("(got 12)"));
    model.settings.objectives[1].business_value = 5;
    model.settings.objectives[1].id = "o1".into();
    let error = MapImport::build(&model, "m", "ana", TIME)
        .err()
        .unwrap()
        .to_string();
    assert!(error.contains("used twice"), "{error}");
}
