//! Capacity and backlog health through `Workspace` and the real store (issue #16 item 3):
//! the settings edits with their typed errors and undo, the health the backlog shows, the
//! ready backlog a session keeps when it ends (the trend), the summary's health line, and
//! the JSON export's settings and derived `health` round-tripping through an import.

use storymap_api::{
    BackboneEdit, CardEdit, ErrorCode, EstimateEdit, HealthBand, MapEdit, SessionEdit,
    SettingsEdit, SliceEdit, StoryEdit, StoryStatus, Workspace,
};

/// A map with an empty Definition of Ready (every story is ready) and one slice holding
/// stories estimated 5, 8 and none; the map id and the story ids.
fn map(ws: &mut Workspace) -> (String, Vec<String>) {
    let map = ws.create_map("Checkout").unwrap().map.id;
    let created =
        |ws: &mut Workspace, edit: MapEdit| ws.apply_edit(&map, edit).unwrap().created_id.unwrap();
    let activity = created(
        ws,
        BackboneEdit::AddActivity {
            title: "Pay".into(),
        }
        .into(),
    );
    let step = created(
        ws,
        BackboneEdit::AddStep {
            activity_id: activity,
            title: "Card".into(),
        }
        .into(),
    );
    let release = created(
        ws,
        SliceEdit::AddRelease {
            title: "MVP".into(),
        }
        .into(),
    );
    let mut stories = Vec::new();
    for (title, estimate) in [
        ("Pay by card", Some("5")),
        ("Refund", Some("8")),
        ("Receipt", None),
    ] {
        let id = created(
            ws,
            CardEdit::AddStory {
                step_id: step.clone(),
                release_id: release.clone(),
                title: title.into(),
            }
            .into(),
        );
        let estimate = EstimateEdit::SetEstimate {
            story_id: id.clone(),
            estimate: estimate.map(str::to_owned),
        };
        ws.apply_edit(&map, estimate.into()).unwrap();
        stories.push(id);
    }
    let items = ws.view(&map).unwrap().settings.definition_of_ready;
    for item in items {
        let delete = SettingsEdit::DeleteDorItem { item_id: item.id };
        ws.apply_edit(&map, delete.into()).unwrap();
    }
    (map, stories)
}

fn set(ws: &mut Workspace, map: &str, edit: SettingsEdit) -> Result<(), (ErrorCode, String)> {
    ws.apply_edit(map, edit.into())
        .map(|_| ())
        .map_err(|e| (e.code, e.message))
}

#[test]
fn health_follows_the_capacity_settings_with_typed_errors_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let (map, stories) = map(&mut ws);

    let health = ws.backlog_health(&map).unwrap();
    assert_eq!(health.line, "Ready backlog: 13 pts");
    assert_eq!(
        (health.velocity, health.ready_sprints, health.band),
        (None, None, None)
    );

    set(
        &mut ws,
        &map,
        SettingsEdit::SetVelocity { points: Some(5.0) },
    )
    .unwrap();
    let refused = set(
        &mut ws,
        &map,
        SettingsEdit::SetReadyTarget { min: 3.0, max: 2.0 },
    );
    assert_eq!(
        refused.unwrap_err(),
        (
            ErrorCode::InvalidInput,
            "the ready target's lower end (3) is above its upper end (2)".into()
        )
    );
    let refused = set(
        &mut ws,
        &map,
        SettingsEdit::SetVelocity { points: Some(-1.0) },
    );
    assert_eq!(refused.unwrap_err().0, ErrorCode::InvalidInput);

    // 13 ready points ÷ 5 per sprint = 2.6 sprints: above the default 1–2.
    let health = ws.backlog_health(&map).unwrap();
    assert_eq!(health.line, "Ready backlog: 2.6 sprints (target 1–2)");
    assert_eq!(health.band, Some(HealthBand::Above));
    assert_eq!(health.horizon.as_deref(), Some("≈ 26 working days"));
    let slice = &health.slices[1];
    assert_eq!((slice.title.as_str(), slice.points), ("MVP", 13.0));
    assert_eq!(slice.line, "needs ≈ 2.6 sprints · 1 unestimated");
    assert_eq!(slice.unestimated[0].title, "Receipt");
    assert_eq!(slice.unestimated[0].story_id, stories[2]);

    // A wider band takes 2.6 in; undo brings the default back.
    set(
        &mut ws,
        &map,
        SettingsEdit::SetReadyTarget { min: 2.0, max: 4.0 },
    )
    .unwrap();
    assert_eq!(
        ws.backlog_health(&map).unwrap().band,
        Some(HealthBand::Inside)
    );
    ws.undo(&map).unwrap();
    assert_eq!(
        ws.backlog_health(&map).unwrap().band,
        Some(HealthBand::Above)
    );
}

#[test]
fn ending_a_session_keeps_the_ready_backlog_for_the_trend_and_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let (map, stories) = map(&mut ws);
    let velocity = SettingsEdit::SetVelocity { points: Some(5.0) };
    set(&mut ws, &map, velocity).unwrap();
    // Ending a session keeps 2.6; a done story later moves the line, not the trend point.
    let start = SessionEdit::StartSession {
        story_ids: Some(vec![stories[0].clone()]),
        story_count: None,
        length_minutes: None,
        timebox_minutes: None,
        deck: None,
        participants: None,
    };
    let sid = ws
        .apply_edit(&map, start.into())
        .unwrap()
        .session
        .unwrap()
        .id;
    let end = SessionEdit::EndSession {
        session_id: sid.clone(),
    };
    ws.apply_edit(&map, end.into()).unwrap();
    let done = StoryEdit::SetStatus {
        story_id: stories[1].clone(),
        status: StoryStatus::Done,
    };
    ws.apply_edit(&map, done.into()).unwrap();
    drop(ws);

    let mut ws = Workspace::open(dir.path()).unwrap();
    let health = ws.backlog_health(&map).unwrap();
    assert_eq!(health.line, "Ready backlog: 1 sprint (target 1–2)");
    assert_eq!(health.band, Some(HealthBand::Inside));
    assert_eq!(health.trend.len(), 1);
    assert_eq!(health.trend[0].session_id, sid);
    assert_eq!(
        (health.trend[0].ready_points, health.trend[0].ready_sprints),
        (13.0, Some(2.6))
    );
    let summary = ws.session_summary(&map, Some(&sid)).unwrap();
    assert_eq!(summary.health, "Ready backlog: 2.6 sprints (target 1–2)");
    assert!(
        summary
            .text
            .contains("\nReady backlog: 2.6 sprints (target 1–2).\n"),
        "{}",
        summary.text
    );
}

#[test]
fn capacity_round_trips_through_json_and_health_is_derived() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    let (map, _) = map(&mut ws);
    set(
        &mut ws,
        &map,
        SettingsEdit::SetVelocity { points: Some(6.5) },
    )
    .unwrap();
    set(&mut ws, &map, SettingsEdit::SetSprintLength { days: 15 }).unwrap();
    set(
        &mut ws,
        &map,
        SettingsEdit::SetReadyTarget { min: 1.5, max: 3.0 },
    )
    .unwrap();
    let json = ws.export_json(&map).unwrap();
    let file: serde_json::Value = serde_json::from_str(&json).unwrap();
    let settings = &file["settings"];
    assert_eq!(settings["velocity"], 6.5);
    assert_eq!(settings["sprintLengthDays"], 15);
    assert_eq!(
        settings["readyTargetSprints"],
        serde_json::json!({ "min": 1.5, "max": 3.0 })
    );
    assert_eq!(file["health"]["readyPoints"], 13.0);
    assert_eq!(file["health"]["velocity"], 6.5);
    assert_eq!(file["health"]["readySprints"], 2.0);
    assert_eq!(file["health"]["slices"][1]["unestimated"], 1);
    assert_eq!(file["health"]["slices"][1]["points"], 13.0);

    // Import ignores `health` (even a wrong one) and keeps the settings.
    let mut edited = file.clone();
    edited["health"]["readyPoints"] = 999.into();
    let imported = ws.import_json(&edited.to_string()).unwrap();
    let again = ws.view(&imported.map.id).unwrap().settings;
    assert_eq!(
        (
            again.velocity,
            again.sprint_length_days,
            again.ready_target_sprints.min
        ),
        (Some(6.5), 15, 1.5)
    );
    assert_eq!(
        ws.backlog_health(&imported.map.id).unwrap().ready_points,
        13.0
    );

    // A file without them follows the defaults; a bad one is refused by name.
    let mut older = file.clone();
    for key in ["velocity", "sprintLengthDays", "readyTargetSprints"] {
        older["settings"].as_object_mut().unwrap().remove(key);
    }
    let imported = ws.import_json(&older.to_string()).unwrap();
    let defaults = ws.view(&imported.map.id).unwrap().settings;
    assert_eq!((defaults.velocity, defaults.sprint_length_days), (None, 10));
    let mut bad = file;
    bad["settings"]["readyTargetSprints"] = serde_json::json!({ "min": 4, "max": 1 });
    let refused = ws.import_json(&bad.to_string()).unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert!(
        refused.message.contains("ready target"),
        "{}",
        refused.message
    );
}

mod round_trip {
    use proptest::prelude::*;
    use storymap_api::{SettingsEdit, Workspace};

    /// Valid capacity settings: a velocity or none, a sprint length, an ordered band.
    fn capacity() -> impl Strategy<Value = (Option<f64>, u32, f64, f64)> {
        let tenths = |max: u32| (0..=max).prop_map(|n| f64::from(n) / 10.0);
        (
            proptest::option::of((1..=10_000_u32).prop_map(|n| f64::from(n) / 10.0)),
            1..=60_u32,
            tenths(200),
            tenths(200),
        )
            .prop_map(|(velocity, days, a, b)| (velocity, days, a.min(b), a.max(b)))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// Set through edits, exported to JSON and imported: the same settings come back.
        #[test]
        fn capacity_settings_survive_export_and_import((velocity, days, min, max) in capacity()) {
            let dir = tempfile::tempdir().unwrap();
            let mut ws = Workspace::open(dir.path()).unwrap();
            let map = ws.create_map("Plan").unwrap().map.id;
            let edits = [
                SettingsEdit::SetVelocity { points: velocity },
                SettingsEdit::SetSprintLength { days },
                SettingsEdit::SetReadyTarget { min, max },
            ];
            for edit in edits {
                ws.apply_edit(&map, edit.into()).unwrap();
            }
            let before = ws.view(&map).unwrap().settings;
            let imported = ws.import_json(&ws.export_json(&map).unwrap()).unwrap().map.id;
            let after = ws.view(&imported).unwrap().settings;
            prop_assert_eq!(after.velocity, velocity);
            prop_assert_eq!(after.sprint_length_days, days);
            prop_assert_eq!((after.ready_target_sprints.min, after.ready_target_sprints.max), (min, max));
            prop_assert_eq!(after, before);
        }
    }
}
