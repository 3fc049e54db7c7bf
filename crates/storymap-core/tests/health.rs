//! Backlog health (issue #16 item 3): ready sprints against the target band and what each
//! slice still needs, with the arithmetic written out in the expected values; the capacity
//! settings' edits, undo and the health kept when a session ends.

use storymap_core::capacity::{Capacity, SprintBand};
use storymap_core::refine::{health, DorItem};
use storymap_core::session::{health_trend, SessionHealth};
use storymap_core::{
    Activity, Edit, EditContext, MapDocument, MapModel, MapSettings, Rank, ReleaseSlice,
    SessionEdit, SessionStart, SettingsEdit, Step, Story, StoryDetails, StoryStatus,
};

/// `(id, slice, status, estimate, ready)`: "ready" ticks the only Definition-of-Ready item.
type Row<'a> = (&'a str, &'a str, StoryStatus, Option<&'a str>, bool);

fn model(velocity: Option<f64>, rows: &[Row<'_>]) -> MapModel {
    let rank = Rank::between(None, None);
    let step = Step {
        id: "step".into(),
        title: "Pay".into(),
        rank: rank.clone(),
    };
    let activity = Activity {
        id: "act".into(),
        title: "Checkout".into(),
        rank: rank.clone(),
        steps: vec![step],
        jira_key: None,
        persona_id: None,
    };
    let ranks = Rank::sequence(None, 2);
    let slice = |id: &str, rank: &Rank| ReleaseSlice {
        id: id.into(),
        title: id.to_uppercase(),
        rank: rank.clone(),
    };
    let stories = rows
        .iter()
        .map(|(id, release, status, estimate, ready)| Story {
            id: (*id).into(),
            title: format!("Story {id}"),
            description: String::new(),
            activity_id: "act".into(),
            step_id: "step".into(),
            release_id: (*release).into(),
            rank: rank.clone(),
            status: *status,
            estimate: estimate.map(str::to_owned),
            acceptance_criteria: Vec::new(),
            details: StoryDetails {
                ready_checks: if *ready { vec!["ok".into()] } else { vec![] },
                ..StoryDetails::default()
            },
        })
        .collect();
    let settings = MapSettings {
        definition_of_ready: vec![DorItem {
            id: "ok".into(),
            text: "Agreed".into(),
            rule: None,
        }],
        capacity: Capacity {
            velocity,
            ..Capacity::default()
        },
        ..MapSettings::default()
    };
    let releases = vec![slice("mvp", &ranks[0]), slice("later", &ranks[1])];
    MapModel::new("m".into(), "Shop".into(), vec![activity], releases, stories)
        .with_settings(settings)
}

/// The health as lines: the ready line with its band, then each slice.
fn check(model: &MapModel, expected: &str) {
    let h = health(model);
    let mut out = format!(
        "{} | ready {} pts, sprints {:?}, band {:?}\n",
        h.line(),
        h.ready_points,
        h.ready_sprints,
        h.band
    );
    for s in &h.slices {
        let names: Vec<String> = s
            .unestimated
            .iter()
            .map(|u| format!("{} ({})", u.title, u.story_id))
            .collect();
        out += &format!(
            "{}: {} pts, sprints {:?}, \"{}\", unestimated [{}]\n",
            s.release_id,
            s.points,
            s.sprints,
            s.line(),
            names.join(", ")
        );
    }
    assert_eq!(out, expected, "got:\n{out}");
}

use StoryStatus::{Done, Ready, Refining};

#[test]
fn ready_sprints_are_ready_points_over_velocity() {
    // Ready: 5 + 8 + 3 = 16 pts; 16 ÷ 7 = 2.29, above 1–2. MVP 5 + 8 + 13 = 26 ÷ 7 = 3.71;
    // later 3 + M (3 pts by default) = 6 ÷ 7 = 0.86.
    let m = model(
        Some(7.0),
        &[
            ("a", "mvp", Ready, Some("5"), true),
            ("b", "mvp", Refining, Some("8"), true),
            ("c", "mvp", Refining, Some("13"), false),
            ("d", "later", Ready, Some("3"), true),
            ("e", "later", Refining, Some("M"), false),
        ],
    );
    check(
        &m,
        "Ready backlog: 2.3 sprints (target 1–2) | ready 16 pts, sprints Some(2.2857142857142856), band Some(Above)
mvp: 26 pts, sprints Some(3.7142857142857144), \"needs ≈ 3.7 sprints\", unestimated []
later: 6 pts, sprints Some(0.8571428571428571), \"needs ≈ 0.9 sprints\", unestimated []
",
    );
}

#[test]
fn without_velocity_there_are_points_but_no_sprints() {
    let m = model(None, &[("a", "mvp", Ready, Some("5"), true)]);
    check(
        &m,
        "Ready backlog: 5 pts | ready 5 pts, sprints None, band None
mvp: 5 pts, sprints None, \"5 pts\", unestimated []
later: 0 pts, sprints None, \"nothing left to do\", unestimated []
",
    );
}

#[test]
fn nothing_ready_is_below_the_band() {
    let m = model(Some(10.0), &[("a", "mvp", Refining, Some("2"), false)]);
    check(
        &m,
        "Ready backlog: 0 sprints (target 1–2) | ready 0 pts, sprints Some(0.0), band Some(Below)
mvp: 2 pts, sprints Some(0.2), \"needs ≈ 0.2 sprints\", unestimated []
later: 0 pts, sprints Some(0.0), \"nothing left to do\", unestimated []
",
    );
}

#[test]
fn unestimated_stories_are_counted_and_named() {
    // "?" has no points, like no estimate; a ready story without points adds nothing.
    let m = model(
        Some(10.0),
        &[
            ("a", "mvp", Ready, Some("8"), true),
            ("b", "mvp", Refining, None, true),
            ("c", "mvp", Refining, Some("?"), false),
            ("d", "mvp", Refining, Some("2"), false),
        ],
    );
    check(
        &m,
        "Ready backlog: 0.8 sprints (target 1–2) | ready 8 pts, sprints Some(0.8), band Some(Below)
mvp: 10 pts, sprints Some(1.0), \"needs ≈ 1 sprint · 2 unestimated\", unestimated [Story b (b), Story c (c)]
later: 0 pts, sprints Some(0.0), \"nothing left to do\", unestimated []
",
    );
}

#[test]
fn done_stories_count_nowhere() {
    // The done 13 is neither ready work nor work a slice still needs; 20 ÷ 10 = 2, inside.
    let m = model(
        Some(10.0),
        &[
            ("a", "mvp", Done, Some("13"), true),
            ("b", "mvp", Done, None, false),
            ("c", "mvp", Ready, Some("20"), true),
        ],
    );
    check(
        &m,
        "Ready backlog: 2 sprints (target 1–2) | ready 20 pts, sprints Some(2.0), band Some(Inside)
mvp: 20 pts, sprints Some(2.0), \"needs ≈ 2 sprints\", unestimated []
later: 0 pts, sprints Some(0.0), \"nothing left to do\", unestimated []
",
    );
}

#[test]
fn the_band_compares_what_is_shown() {
    // 20.4 ÷ 10 = 2.04 shows as "2 sprints": inside a 1–2 band, not above it.
    let mut m = model(Some(10.0), &[("a", "mvp", Ready, Some("20"), true)]);
    m.settings.capacity.velocity = Some(9.8);
    assert_eq!(health(&m).line(), "Ready backlog: 2 sprints (target 1–2)");
    assert_eq!(format!("{:?}", health(&m).band), "Some(Inside)");
    // 2.04 sprints of 10 days: 20.4 working days.
    assert_eq!(health(&m).horizon().as_deref(), Some("≈ 20 working days"));
    m.settings.capacity.sprint_length_days = 15;
    assert_eq!(health(&m).horizon().as_deref(), Some("≈ 31 working days"));
    m.settings.capacity.velocity = None;
    assert_eq!(health(&m).horizon(), None);
}

const TIME: i64 = 1_700_000_000;

fn ctx(id: &str) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: TIME,
        author: "ana".into(),
    }
}

fn apply(map: &mut MapDocument, edit: impl Into<Edit>) -> Result<String, String> {
    map.apply(&edit.into(), &ctx("x"))
        .map(|a| a.label)
        .map_err(|e| e.to_string())
}

#[test]
fn capacity_settings_are_checked_undone_and_read() {
    let mut map = MapDocument::create("m", "Shop", "ana", TIME).unwrap();
    assert_eq!(map.read_settings().capacity, Capacity::default());
    let set = SettingsEdit::SetVelocity { points: Some(21.0) };
    assert_eq!(
        apply(&mut map, set).unwrap(),
        "Set the velocity to 21 points per sprint"
    );
    let undo = map
        .apply(
            &SettingsEdit::SetReadyTarget {
                band: SprintBand { min: 1.5, max: 3.0 },
            }
            .into(),
            &ctx("y"),
        )
        .unwrap();
    apply(&mut map, SettingsEdit::SetSprintLength { days: 14 }).unwrap();
    let read = map.read_settings().capacity;
    assert_eq!(read.velocity, Some(21.0));
    assert_eq!(read.sprint_length_days, 14);
    assert_eq!(read.ready_target, SprintBand { min: 1.5, max: 3.0 });
    let record = storymap_core::UndoRecord {
        label: undo.label,
        writes: undo.writes,
    };
    map.revert(&record, TIME).unwrap();
    assert_eq!(
        map.read_settings().capacity.ready_target,
        SprintBand { min: 1.0, max: 2.0 }
    );
    assert_eq!(
        apply(&mut map, SettingsEdit::SetVelocity { points: None }).unwrap(),
        "Clear the velocity"
    );
    assert_eq!(map.read_settings().capacity.velocity, None);

    let refused = |edit: SettingsEdit, mut map: MapDocument| apply(&mut map, edit).unwrap_err();
    let fresh = || MapDocument::create("m", "Shop", "ana", TIME).unwrap();
    assert_eq!(
        refused(SettingsEdit::SetVelocity { points: Some(0.0) }, fresh()),
        "velocity must be more than 0 and at most 1000 points per sprint (got 0)"
    );
    assert_eq!(
        refused(SettingsEdit::SetSprintLength { days: 0 }, fresh()),
        "a sprint lasts 1 to 60 days (got 0)"
    );
    let upside_down = SettingsEdit::SetReadyTarget {
        band: SprintBand { min: 3.0, max: 1.0 },
    };
    assert_eq!(
        refused(upside_down, fresh()),
        "the ready target's lower end (3) is above its upper end (1)"
    );
}

#[test]
fn ending_a_session_keeps_the_ready_backlog_for_the_trend() {
    let mut map = MapDocument::create("m", "Shop", "ana", TIME).unwrap();
    let trend_after = |map: &mut MapDocument, n: usize, health: SessionHealth| {
        let id = format!("s{n}");
        let start = SessionEdit::Start(SessionStart {
            story_ids: Some(vec![]),
            ..SessionStart::default()
        });
        map.apply(&start.into(), &ctx(&id)).unwrap();
        let end = SessionEdit::End {
            session_id: id,
            health: Some(health),
        };
        map.apply(&end.into(), &ctx("end")).unwrap();
        let trend = health_trend(&map.read_sessions());
        assert_eq!(
            map.health_trend(),
            trend,
            "read alone, as with the sessions"
        );
        trend
            .into_iter()
            .map(|(id, _, h)| format!("{id}: {} {:?}", h.ready_points, h.ready_sprints))
            .collect::<Vec<_>>()
    };
    let h = |points: f64, sprints: Option<f64>| SessionHealth {
        ready_points: points,
        ready_sprints: sprints,
    };
    assert_eq!(trend_after(&mut map, 1, h(12.0, None)), ["s1: 12 None"]);
    assert_eq!(
        trend_after(&mut map, 2, h(30.0, Some(1.5))),
        ["s1: 12 None", "s2: 30 Some(1.5)"]
    );
    for n in 3..=6 {
        trend_after(&mut map, n, h(f64::from(n as u32), Some(1.0)));
    }
    // The last five, oldest first.
    assert_eq!(
        trend_after(&mut map, 7, h(7.0, Some(0.5))),
        [
            "s3: 3 Some(1.0)",
            "s4: 4 Some(1.0)",
            "s5: 5 Some(1.0)",
            "s6: 6 Some(1.0)",
            "s7: 7 Some(0.5)"
        ]
    );
}
