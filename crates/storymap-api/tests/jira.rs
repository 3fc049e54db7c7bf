//! Jira CSV and Markdown through the workspace, on a real data directory: the preview
//! writes nothing, an import is one undoable change, bad files import nothing, and any
//! map survives JSON export → import with the same Markdown.

use proptest::prelude::*;
use storymap_api::{
    ErrorCode, JiraStatusMapping, JiraStoryAction, JiraTarget, MapView, StoryStatus, Workspace,
};

fn fixture(name: &str) -> std::path::PathBuf {
    format!(
        "{}/../../tests/fixtures/jira/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
    .into()
}

fn new_map(name: &str) -> JiraTarget {
    JiraTarget::NewMap { name: name.into() }
}

#[test]
fn the_preview_counts_reads_columns_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Workspace::open(dir.path()).unwrap();
    let preview = w
        .preview_jira_csv_file(&fixture("cloud.csv"), &new_map("Shop"), &[])
        .unwrap();
    assert_eq!(preview.map_name, "Shop");
    assert_eq!(
        (
            preview.creates.activities,
            preview.creates.stories,
            preview.creates.criteria
        ),
        (3, 5, 6)
    );
    assert_eq!(preview.story_count, 5);
    let sprint = preview
        .columns
        .iter()
        .find(|c| c.column == "Sprint")
        .unwrap();
    assert_eq!((sprint.count, sprint.used_as.as_deref()), (2, None));
    let first = &preview.sample_stories[0];
    assert_eq!(first.jira_key.as_deref(), Some("SHOP-2"));
    assert_eq!(first.action, JiraStoryAction::Create);
    assert_eq!(first.slice.as_deref(), Some("MVP"));
    let warning = preview
        .warnings
        .iter()
        .find(|w| w.row == 8 && w.message.contains("'4'"))
        .unwrap();
    assert_eq!(
        warning.column.as_deref(),
        Some("Custom field (Story point estimate)")
    );
    assert!(
        w.list_maps().unwrap().is_empty(),
        "a preview stores nothing"
    );
}

#[test]
fn an_import_into_a_map_is_one_undo_step_and_reimporting_updates() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Workspace::open(dir.path()).unwrap();
    let map_id = w.create_map("Shop").unwrap().map.id;
    let target = JiraTarget::ExistingMap {
        map_id: map_id.clone(),
    };
    let review = [JiraStatusMapping {
        jira_status: "In Review".into(),
        status: StoryStatus::Refining,
    }];
    let imported = w
        .import_jira_csv_file(&fixture("cloud.csv"), &target, &review)
        .unwrap();
    assert_eq!(imported.map.story_count, 5);
    assert_eq!(imported.label, "Import 5 stories from Jira");
    let view = w.view(&map_id).unwrap();
    let bug = view
        .stories
        .iter()
        .find(|s| s.jira_key.as_deref() == Some("SHOP-4"))
        .unwrap();
    assert_eq!(bug.status, StoryStatus::Refining);
    let slices: Vec<&str> = view.releases.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        slices,
        ["MVP", "Unplanned"],
        "the map's MVP slice takes the MVP fix version"
    );
    assert!(view
        .activities
        .iter()
        .any(|a| a.jira_key.as_deref() == Some("SHOP-1")));

    let again = w
        .import_jira_csv_file(&fixture("cloud.csv"), &target, &review)
        .unwrap();
    assert_eq!(
        (
            again.creates.stories,
            again.updates.stories,
            again.unchanged
        ),
        (0, 0, 5)
    );
    assert_eq!(w.view(&map_id).unwrap().stories.len(), 5);

    w.undo(&map_id).unwrap();
    assert!(
        w.view(&map_id).unwrap().stories.is_empty(),
        "one undo takes the whole import back"
    );
}

#[test]
fn a_broken_file_imports_nothing_and_names_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Workspace::open(dir.path()).unwrap();
    let err = w
        .import_jira_csv_file(&fixture("broken.csv"), &new_map("X"), &[])
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(
        err.message.contains("broken.csv: row 3: has 1 cells"),
        "{}",
        err.message
    );
    assert!(w.list_maps().unwrap().is_empty());
    let latin1 = dir.path().join("latin1.csv");
    std::fs::write(&latin1, b"Summary\nCaf\xe9\n").unwrap();
    let err = w
        .import_jira_csv_file(&latin1, &new_map("X"), &[])
        .unwrap_err();
    assert!(
        err.message.contains("line 2 is not UTF-8"),
        "{}",
        err.message
    );
}

#[test]
fn an_import_whose_every_row_is_skipped_creates_nothing_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Workspace::open(dir.path()).unwrap();
    let file = fixture("all-skipped.csv");
    let err = w
        .import_jira_csv_file(&file, &new_map("Nothing"), &[])
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let expected = format!(
        "{}: no row of the file could be imported, so nothing was created: all 3 rows were skipped \
         (row 2, column \"Summary\": the issue has no summary; the row is skipped; \
         row 3, column \"Summary\": the issue has no summary; the row is skipped; \
         row 4, column \"Parent\": ",
        file.display()
    );
    assert!(err.message.starts_with(&expected), "{}", err.message);
    assert!(w.list_maps().unwrap().is_empty());
    let map_id = w.create_map("Kept").unwrap().map.id;
    let target = JiraTarget::ExistingMap { map_id };
    assert!(w.import_jira_csv_file(&file, &target, &[]).is_err());
    assert_eq!(w.list_maps().unwrap().len(), 1);
    let empty = dir.path().join("header-only.csv");
    std::fs::write(&empty, "Summary,Issue key\n").unwrap();
    let err = w
        .import_jira_csv_file(&empty, &new_map("Nothing"), &[])
        .unwrap_err();
    assert!(
        err.message.ends_with("it has no issue rows"),
        "{}",
        err.message
    );
    assert_eq!(w.list_maps().unwrap().len(), 1);
}

#[test]
fn exports_write_whole_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Workspace::open(dir.path()).unwrap();
    let map_id = w
        .import_jira_csv_file(&fixture("server.csv"), &new_map("Old"), &[])
        .unwrap()
        .map
        .id;
    let csv = dir.path().join("out.csv");
    w.export_jira_csv_file(&map_id, &csv).unwrap();
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        w.export_jira_csv(&map_id).unwrap()
    );
    let md = dir.path().join("out.md");
    w.export_markdown_file(&map_id, &md).unwrap();
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.starts_with("# Old\n\n## Browse the catalogue (OLD-1)\n"),
        "{text}"
    );
    let err = w
        .export_markdown_file(&map_id, &dir.path().join("no/such/dir.md"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Storage);
}

fn title() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9 ,\"'-]{0,20}"
        .prop_map(|t| t.trim().to_owned())
        .prop_filter("a title", |t| !t.is_empty())
}

/// A map as the JSON export writes it: a few activities, steps, slices and stories with
/// estimates, statuses, labels, criteria and Jira keys.
fn map_view() -> impl Strategy<Value = MapView> {
    let story = (
        title(),
        "[a-z .\n]{0,30}",
        0..6usize,
        prop::option::of(prop::sample::select(vec!["½", "1", "3", "13", "M", "?"])),
        prop::collection::vec((title(), any::<bool>()), 0..3),
        prop::option::of("[A-Z]{2,4}-[1-9][0-9]{0,3}"),
        prop::collection::vec("[a-z]{1,8}", 0..3),
        (0..4usize, 0..3usize),
    );
    (
        prop::collection::vec((title(), prop::option::of("[A-Z]{2}-[1-9]"), 1..3usize), 1..4),
        prop::collection::vec(title(), 1..3),
        prop::collection::vec(story, 0..8),
    )
        .prop_map(|(activities, slices, stories)| {
            let mut json = serde_json::json!({
                "schemaVersion": 1, "map": { "id": "m", "name": "Generated" },
                "activities": [], "releases": [], "stories": []
            });
            let mut steps = Vec::new();
            for (a, (title, key, step_count)) in activities.iter().enumerate() {
                let mut activity = serde_json::json!({ "id": format!("a{a}"), "title": title, "rank": "80", "steps": [] });
                if let Some(key) = key {
                    activity["jiraKey"] = key.clone().into();
                }
                for s in 0..*step_count {
                    let id = format!("a{a}s{s}");
                    activity["steps"].as_array_mut().unwrap().push(serde_json::json!({ "id": id, "title": format!("Step {s}"), "rank": "80" }));
                    steps.push((format!("a{a}"), id));
                }
                json["activities"].as_array_mut().unwrap().push(activity);
            }
            for (r, title) in slices.iter().enumerate() {
                json["releases"].as_array_mut().unwrap().push(serde_json::json!({ "id": format!("r{r}"), "title": title, "rank": "80" }));
            }
            let statuses = ["idea", "draft", "refining", "ready", "inSprint", "done"];
            for (i, (title, description, status, estimate, criteria, key, labels, (step, slice))) in stories.into_iter().enumerate() {
                let (activity_id, step_id) = &steps[step % steps.len()];
                let mut story = serde_json::json!({
                    "id": format!("t{i}"), "title": title, "description": description.trim(),
                    "activityId": activity_id, "stepId": step_id, "releaseId": format!("r{}", slice % slices.len()),
                    "rank": "80", "status": statuses[status], "estimate": estimate,
                    "labels": labels,
                    "acceptanceCriteria": criteria.iter().enumerate().map(|(c, (text, done))| serde_json::json!({ "id": format!("t{i}c{c}"), "text": text, "done": done })).collect::<Vec<_>>(),
                });
                if let Some(key) = key {
                    story["jiraKey"] = key.into();
                }
                json["stories"].as_array_mut().unwrap().push(story);
            }
            serde_json::from_value(json).unwrap()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_map_exported_to_json_and_reimported_is_equal(view in map_view()) {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Workspace::open(dir.path()).unwrap();
        let first = w.import_json(&serde_json::to_string(&view).unwrap()).unwrap();
        let epics = |v: &MapView| v.activities.iter().map(|a| a.jira_key.clone()).collect::<Vec<_>>();
        let keys = |v: &MapView| {
            let mut keys: Vec<_> = v.stories.iter().map(|s| s.jira_key.clone()).collect();
            keys.sort();
            keys
        };
        prop_assert_eq!(epics(&first), epics(&view));
        prop_assert_eq!(keys(&first), keys(&view));
        let exported = serde_json::to_string(&first).unwrap();
        let second = w.import_json(&exported).unwrap();
        let without_id = |v: &MapView| { let mut v = v.clone(); v.map.id.clear(); v };
        prop_assert_eq!(without_id(&first), without_id(&second));
        prop_assert_eq!(w.export_markdown(&first.map.id).unwrap(), w.export_markdown(&second.map.id).unwrap());
        prop_assert_eq!(w.export_jira_csv(&first.map.id).unwrap(), w.export_jira_csv(&second.map.id).unwrap());
    }
}
