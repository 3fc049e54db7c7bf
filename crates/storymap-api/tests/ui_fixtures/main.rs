//! Fixtures for the UI's fake backend, written by the real Workspace on a real data
//! directory (SQLite, Automerge): a map whose stories exercise every refinement rule, as the
//! UI receives it with each story's `refinement` computed here; the backlog Rust answers to a
//! set of queries on it; its backlog health under a few capacity settings; and the UI's
//! sample map as Rust refines it. Vitest checks the fake
//! backend against them (`ui/src/test/fakeRefinement.test.ts`), so the fake cannot drift from
//! the rules; this test fails when the committed files differ from what Rust produces now.
//! `UPDATE_BINDINGS=1 cargo test -p storymap-api --test ui_fixtures` rewrites them.

mod cards;
mod rules_map;

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{json, Value};
use storymap_api::{BacklogQuery, MapView};

/// The queries the backlog fixture answers, as the UI sends them: every sort, every filter,
/// and one that matches nothing.
fn backlog_queries(view: &MapView) -> Vec<(&'static str, BacklogQuery)> {
    let release = |title: &str| {
        view.releases
            .iter()
            .find(|r| r.title == title)
            .unwrap()
            .id
            .clone()
    };
    let activity = view
        .activities
        .iter()
        .find(|a| a.title == "Deliver")
        .unwrap()
        .id
        .clone();
    let query = |fields: Value| {
        let mut query = serde_json::to_value(BacklogQuery::default()).unwrap();
        query
            .as_object_mut()
            .unwrap()
            .extend(fields.as_object().unwrap().clone());
        serde_json::from_value::<BacklogQuery>(query).unwrap()
    };
    vec![
        ("map order", query(json!({}))),
        ("by WSJF", query(json!({ "sort": "wsjf" }))),
        ("by readiness", query(json!({ "sort": "readiness" }))),
        ("by estimate", query(json!({ "sort": "estimate" }))),
        ("ready", query(json!({ "ready": true }))),
        ("not ready", query(json!({ "ready": false }))),
        ("blocked or parked", query(json!({ "blocked": true }))),
        ("not blocked", query(json!({ "blocked": false }))),
        ("refining", query(json!({ "status": "refining" }))),
        ("labelled api", query(json!({ "label": "api" }))),
        (
            "Release 2",
            query(json!({ "releaseId": release("Release 2") })),
        ),
        (
            "Deliver by estimate",
            query(json!({ "activityId": activity, "sort": "estimate" })),
        ),
        (
            "ready in the MVP by WSJF",
            query(json!({ "releaseId": release("MVP"), "ready": true, "sort": "wsjf" })),
        ),
        ("no match", query(json!({ "label": "nobody" }))),
    ]
}

/// The UI's sample map (`ui/src/test/sampleMap.ts`) in display order, as an export;
/// `fakeRefinement.test.ts` checks that both describe the same map.
fn ui_sample() -> Value {
    let story = |id: &str, title: &str, at: (&str, &str, &str), status: &str, estimate| {
        json!({
            "id": id, "title": title, "description": "", "activityId": at.0, "stepId": at.1,
            "releaseId": at.2, "rank": "", "status": status, "estimate": estimate,
            "acceptanceCriteria": [],
        })
    };
    let browse = ("a-discover", "s-browse", "r-mvp");
    json!({
        "schemaVersion": 1,
        "map": { "id": "map-1", "name": "Online grocery shop" },
        "activities": [
            { "id": "a-discover", "title": "Discover products", "rank": "", "steps": [
                { "id": "s-browse", "title": "Browse", "rank": "" },
                { "id": "s-search", "title": "Search", "rank": "" },
            ] },
            { "id": "a-checkout", "title": "Check out", "rank": "", "steps": [
                { "id": "s-pay", "title": "Pay", "rank": "" },
            ] },
        ],
        "releases": [
            { "id": "r-mvp", "title": "MVP", "rank": "" },
            { "id": "r-2", "title": "Release 2", "rank": "" },
        ],
        "stories": [
            story("st-2", "Browse by aisle", browse, "done", Some("3")),
            story("st-1", "See prices per kg", browse, "refining", None),
            story("st-3", "Seasonal picks", ("a-discover", "s-browse", "r-2"), "idea", None),
            story("st-4", "Search by name", ("a-discover", "s-search", "r-mvp"), "ready", Some("5")),
            story("st-5", "Pay by card", ("a-checkout", "s-pay", "r-mvp"), "ready", Some("M")),
        ],
    })
}

/// A readable id part from a title: its first four words, lower case, joined by dashes.
fn slug(text: &str) -> String {
    let lower: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let words: Vec<&str> = lower.split('-').filter(|w| !w.is_empty()).collect();
    words.into_iter().take(4).collect::<Vec<_>>().join("-")
}

/// Stable names for the ids the workspace mints (UUIDs, new every run): the map's, given
/// here, and each criterion's, after its story and position.
fn stable_names(view: &MapView, map_name: &str) -> HashMap<String, String> {
    let mut names = HashMap::from([(view.map.id.clone(), map_name.to_owned())]);
    for story in &view.stories {
        let story_name = story.id.trim_start_matches("st-");
        for (n, criterion) in story.acceptance_criteria.iter().enumerate() {
            names.insert(criterion.id.clone(), format!("c-{story_name}-{}", n + 1));
        }
    }
    names
}

/// Replaces every id string by its stable name, and refuses a UUID left behind.
fn rename(value: &mut Value, names: &HashMap<String, String>) {
    match value {
        Value::String(text) => {
            if let Some(name) = names.get(text.as_str()) {
                *text = name.clone();
            }
            assert!(
                uuid::Uuid::parse_str(text).is_err(),
                "id {text} has no stable name in the fixture"
            );
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rename(v, names)),
        Value::Object(fields) => fields.values_mut().for_each(|v| rename(v, names)),
        _ => {}
    }
}

fn to_json(value: impl serde::Serialize, names: &HashMap<String, String>) -> String {
    let mut value = serde_json::to_value(value).unwrap();
    rename(&mut value, names);
    serde_json::to_string_pretty(&value).unwrap() + "\n"
}

/// The backlog health of the rules map under a few capacity settings, each set through an
/// edit (after the other fixtures are read): no velocity, then velocities against targets
/// the ready sprints fall below, inside and above.
fn health_cases(workspace: &mut storymap_api::Workspace, map: &str) -> Vec<Value> {
    use storymap_api::SettingsEdit;
    let mut cases =
        vec![json!({ "name": "no velocity", "view": workspace.backlog_health(map).unwrap() })];
    for (name, velocity, min, max) in [
        ("7 points, target 1–2", 7.0, 1.0, 2.0),
        ("3 points, target 0.5–1.5", 3.0, 0.5, 1.5),
        ("40 points, target 1–2", 40.0, 1.0, 2.0),
    ] {
        let edits = [
            SettingsEdit::SetVelocity {
                points: Some(velocity),
            },
            SettingsEdit::SetReadyTarget { min, max },
        ];
        for edit in edits {
            workspace.apply_edit(map, edit.into()).unwrap();
        }
        let view = workspace.backlog_health(map).unwrap();
        cases.push(json!({ "name": name, "velocity": velocity, "target": { "min": min, "max": max }, "view": view }));
    }
    cases
}

/// The fixture files, by name, as Rust produces them now.
fn rendered() -> Vec<(&'static str, String)> {
    let dir = tempfile::tempdir().unwrap();
    let rules_map::RulesMap { mut workspace, map } = rules_map::rules_map(dir.path());
    let view = workspace.open_map(&map).unwrap();
    let names = stable_names(&view, "map-rules");
    let cases: Vec<Value> = backlog_queries(&view)
        .into_iter()
        .map(|(name, query)| {
            let answer = workspace.backlog(&map, query.clone()).unwrap();
            json!({ "name": name, "query": query, "view": answer })
        })
        .collect();
    let health = health_cases(&mut workspace, &map);
    let sample = workspace.import_json(&ui_sample().to_string()).unwrap();
    let sample = workspace.open_map(&sample.map.id).unwrap();
    let sample_names = stable_names(&sample, "map-1");
    vec![
        ("rules-map.json", to_json(&view, &names)),
        ("rules-backlog.json", to_json(&cases, &names)),
        ("rules-health.json", to_json(&health, &names)),
        ("sample-map.json", to_json(&sample, &sample_names)),
    ]
}

#[test]
fn committed_ui_fixtures_match_what_rust_computes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/test/fixtures");
    let rendered = rendered();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, contents) in &rendered {
            std::fs::write(dir.join(name), contents).unwrap();
        }
    }
    let stale: Vec<&str> = rendered
        .iter()
        .filter(|(name, contents)| {
            std::fs::read_to_string(dir.join(name)).ok().as_ref() != Some(contents)
        })
        .map(|(name, _)| *name)
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/test/fixtures drifted from what the Rust rules compute (stale: {stale:?}); \
         run `UPDATE_BINDINGS=1 cargo test -p storymap-api --test ui_fixtures`, then \
         `npx vitest run src/test` in ui/ to see where the fake backend disagrees"
    );
}
