//! Cross-team dependencies (issue #16 item 4): added, changed, taken off and undone; two
//! laptops that each add a story's first one keep both; the warnings with their rule's
//! arithmetic in the expected values; the backlog filter, Markdown and the session's update.

mod merge_common;

use chrono::NaiveDate;
use merge_common::*;
use storymap_core::crossteam::{crossteam_warnings, ExternalDependency, ExternalStatus};
use storymap_core::refine::{backlog, BacklogFilter, BacklogSort};
use storymap_core::session::{session_report, stakeholder_update, Format};
use storymap_core::{markdown, CrossTeamEdit, Edit, ExternalParts, MapDocument, MapModel};
use storymap_core::{RoomEdit, SessionEdit, SessionStart, SliceEdit, UndoRecord};

fn apply(map: &mut MapDocument, edit: impl Into<Edit>, id: &str) -> UndoRecord {
    let applied = map.apply(&edit.into(), &ctx(id)).expect("valid edit");
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

fn parts(team: &str, item: &str, needed_by: Option<&str>, status: ExternalStatus) -> ExternalParts {
    ExternalParts {
        team: team.into(),
        item: item.into(),
        needed_by: needed_by.map(Into::into),
        status,
    }
}

fn add(story: &str, parts: ExternalParts) -> CrossTeamEdit {
    CrossTeamEdit::Add {
        story_id: story.into(),
        parts,
    }
}

/// "team item needed-by status" per dependency of `story`.
fn listed(map: &MapDocument, story: &str) -> Vec<String> {
    let show = |d: &ExternalDependency| {
        let needed = d.needed_by.as_deref().unwrap_or("-");
        format!("{} {} {needed} {}", d.team, d.item, d.status.as_str())
    };
    let story = map.read_story(story).unwrap();
    story
        .details
        .external_dependencies
        .iter()
        .map(show)
        .collect()
}

#[test]
fn a_dependency_is_added_changed_taken_off_and_undone() {
    let mut map = small_map();
    let asked = parts(
        " Payments ",
        "PAY-88 PSP contract",
        Some("r1"),
        ExternalStatus::Asked,
    );
    let added = apply(&mut map, add("c0", asked), "x1");
    assert_eq!(added.label, "Make 'Story c0' wait on Payments");
    apply(
        &mut map,
        add(
            "c0",
            parts("Legal", "Terms", Some("2027-03-31"), ExternalStatus::Asked),
        ),
        "x2",
    );
    assert_eq!(
        listed(&map, "c0"),
        [
            "Payments PAY-88 PSP contract r1 asked",
            "Legal Terms 2027-03-31 asked"
        ]
    );
    let agreed = CrossTeamEdit::Update {
        story_id: "c0".into(),
        dependency_id: "x1".into(),
        parts: parts(
            "Payments",
            "PAY-88 PSP contract",
            Some("r1"),
            ExternalStatus::Agreed,
        ),
    };
    let changed = apply(&mut map, agreed, "-");
    assert_eq!(
        listed(&map, "c0")[0],
        "Payments PAY-88 PSP contract r1 agreed"
    );
    let off = CrossTeamEdit::Delete {
        story_id: "c0".into(),
        dependency_id: "x2".into(),
    };
    let deleted = apply(&mut map, off, "-");
    assert_eq!(listed(&map, "c0").len(), 1);
    map.revert(&deleted, TIME).unwrap();
    map.revert(&changed, TIME).unwrap();
    assert_eq!(
        listed(&map, "c0")[0],
        "Payments PAY-88 PSP contract r1 asked"
    );
    assert_eq!(listed(&map, "c0").len(), 2);
    map.revert(&added, TIME).unwrap();
    assert_eq!(listed(&map, "c0"), ["Legal Terms 2027-03-31 asked"]);
}

#[test]
fn bad_dependencies_are_refused_with_the_reason() {
    let mut map = small_map();
    let mut refused = |p: ExternalParts| {
        map.apply(&add("c0", p).into(), &ctx("x"))
            .unwrap_err()
            .to_string()
    };
    let no_team = refused(parts("  ", "Terms", None, ExternalStatus::Asked));
    assert!(no_team.contains("the team is empty"), "{no_team}");
    let no_slice = refused(parts("Legal", "Terms", Some("r9"), ExternalStatus::Asked));
    assert!(
        no_slice.contains("a release slice of the map or a date like 2027-03-31 (got 'r9')"),
        "{no_slice}"
    );
    let no_date = refused(parts(
        "Legal",
        "Terms",
        Some("2027-02-30"),
        ExternalStatus::Asked,
    ));
    assert!(no_date.contains("(got '2027-02-30')"), "{no_date}");
}

#[test]
fn two_laptops_each_add_a_storys_first_dependency_and_both_stay() {
    let mut ana = small_map();
    let mut ben = copy_for(&ana, "ben");
    apply(
        &mut ana,
        add("c0", parts("Payments", "PSP", None, ExternalStatus::Asked)),
        "xa",
    );
    apply(
        &mut ben,
        add("c0", parts("Legal", "Terms", None, ExternalStatus::Agreed)),
        "xb",
    );
    ana.merge(&ben.save()).unwrap();
    ben.merge(&ana.save()).unwrap();
    assert_eq!(listed(&ana, "c0").len(), 2);
    assert_eq!(listed(&ana, "c0"), listed(&ben, "c0"));
    // Each takes off the other's, whichever copy of the map holds it.
    for (map, id) in [(&mut ana, "xb"), (&mut ben, "xa")] {
        let off = CrossTeamEdit::Delete {
            story_id: "c0".into(),
            dependency_id: id.into(),
        };
        apply(map, off, "-");
    }
    ana.merge(&ben.save()).unwrap();
    ben.merge(&ana.save()).unwrap();
    assert!(listed(&ana, "c0").is_empty() && listed(&ben, "c0").is_empty());
}

/// The small map with a later slice r2; c0 in r1 waits on three teams.
fn planned() -> MapModel {
    let mut map = small_map();
    apply(
        &mut map,
        SliceEdit::AddRelease {
            title: "Later".into(),
        },
        "r2",
    );
    let deps = [
        parts("Payments", "PSP", Some("r2"), ExternalStatus::Agreed),
        parts("Legal", "Terms", Some("2027-01-10"), ExternalStatus::Asked),
        parts("Search", "Index", Some("r1"), ExternalStatus::Asked),
        parts("Ops", "Alerts", Some("r2"), ExternalStatus::Done),
    ];
    for (n, p) in deps.into_iter().enumerate() {
        apply(&mut map, add("c0", p), &format!("x{n}"));
    }
    map.read().unwrap()
}

#[test]
fn the_warnings_say_what_comes_too_late_and_what_is_not_agreed_in_time() {
    let model = planned();
    let c0 = &model.stories[0];
    let day = |d| NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
    // Sprints of 10 days: on 1 January the terms (10 January, 9 days off) are due within one.
    assert_eq!(
        crossteam_warnings(&model, c0, day(1)),
        [
            "Planned in MVP but Payments delivers 'PSP' with Later (agreed)",
            "Nothing agreed with Legal on 'Terms', needed by 2027-01-10",
            "Nothing agreed with Search on 'Index', needed by MVP",
        ]
    );
    // On 1 December 2026 they are 40 days off: no word about them yet. Done ones never count.
    let early = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(crossteam_warnings(&model, c0, early).len(), 2);
    assert!(crossteam_warnings(&model, &model.stories[1], day(1)).is_empty());
}

#[test]
fn the_backlog_markdown_and_the_update_carry_the_open_ones() {
    let model = planned();
    let filter = BacklogFilter {
        cross_team: Some(true),
        ..BacklogFilter::default()
    };
    let rows = backlog(&model, BacklogSort::Rank, &filter).rows;
    assert_eq!(
        rows.iter().map(|(s, _)| s.id.as_str()).collect::<Vec<_>>(),
        ["c0"]
    );
    let text = markdown(&model);
    assert!(
        text.contains("waits on: Payments (agreed), Legal (asked), Search (asked)"),
        "{text}"
    );

    let mut map = storymap_core::MapImport::build(&model, "m", "ana", TIME).unwrap();
    let start = SessionStart {
        story_ids: Some(vec!["c0".into()]),
        ..SessionStart::default()
    };
    map.apply(&SessionEdit::Start(start).into(), &ctx("S"))
        .unwrap();
    let refined = RoomEdit::MarkRefined {
        session_id: "S".into(),
        story_id: "c0".into(),
    };
    map.apply(&refined.into(), &ctx("-")).unwrap();
    let model = map.read().unwrap();
    let report = session_report(&model, &map.read_session("S").unwrap(), &[]);
    let update = stakeholder_update(&report, Format::Text);
    assert!(
        update.contains(
            "Open cross-team dependencies:\n\
         - 'Story c0' waits on Payments for 'PSP' (agreed, needed by Later)\n\
         - 'Story c0' waits on Legal for 'Terms' (asked, needed by 2027-01-10)\n\
         - 'Story c0' waits on Search for 'Index' (asked, needed by MVP)\n"
        ),
        "{update}"
    );
}
