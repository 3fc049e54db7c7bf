//! Hostile and oversized input from outside: each refused (or cut) with a message that
//! says what and where, in bounded time and memory, and nothing half-imported.

mod common;

use common::{make_shop, stderr, stdout, storymap};
use std::fmt::Write as _;

fn map_list(dir: &std::path::Path) -> String {
    stdout(&storymap(dir, &["map", "list"]))
}

/// A JSON export of a one-story map whose story carries `criteria` criteria.
fn export_with_criteria(criteria: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    make_shop(dir.path());
    let mut json: serde_json::Value = serde_json::from_str(&stdout(&storymap(
        dir.path(),
        &["export", "json", "--map", "Shop"],
    )))
    .unwrap();
    let list: Vec<serde_json::Value> = (0..criteria)
        .map(|n| serde_json::json!({ "id": format!("c{n}"), "text": format!("criterion {n}"), "done": false }))
        .collect();
    json["stories"][0]["acceptanceCriteria"] = serde_json::Value::Array(list);
    json.to_string()
}

#[test]
fn a_story_with_100000_criteria_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.json");
    std::fs::write(&file, export_with_criteria(100_000)).unwrap();
    let message = stderr(&storymap(
        dir.path(),
        &["map", "import", file.to_str().unwrap()],
    ));
    assert!(
        message.contains("story 'Pay by card': it has 100,000 acceptance criteria; a story holds at most 200: split it"),
        "{message}"
    );
    assert_eq!(map_list(dir.path()), "");
    // At the limit it imports.
    std::fs::write(&file, export_with_criteria(200)).unwrap();
    stdout(&storymap(
        dir.path(),
        &["map", "import", file.to_str().unwrap()],
    ));
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nested.json");
    let nested = "[".repeat(100_000) + &"]".repeat(100_000);
    std::fs::write(
        &file,
        format!("{{\"schemaVersion\": 1, \"notes\": {nested}}}"),
    )
    .unwrap();
    let message = stderr(&storymap(
        dir.path(),
        &["map", "import", file.to_str().unwrap()],
    ));
    assert!(
        message.contains("nested.json: not a Storymap JSON export: "),
        "{message}"
    );
}

#[test]
fn a_title_over_1000_characters_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let message = stderr(&storymap(
        dir.path(),
        &["map", "create", &"x".repeat(1_001)],
    ));
    assert!(
        message.contains("the map name is longer than 500 characters"),
        "{message}"
    );
}

#[test]
fn a_csv_with_10000_columns_is_refused_before_any_row_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wide.csv");
    let mut csv = String::from("Summary");
    for n in 1..10_000 {
        write!(csv, ",Column {n}").unwrap();
    }
    csv.push_str("\nPay by card\n");
    std::fs::write(&file, csv).unwrap();
    let message = stderr(&storymap(
        dir.path(),
        &["import", "jira-csv", file.to_str().unwrap()],
    ));
    assert!(
        message
            .contains("the file has 10,000 columns, more than the 5,000 a Jira export could have"),
        "{message}"
    );
    assert_eq!(map_list(dir.path()), "");
}

#[test]
fn a_50_mb_description_is_cut_with_a_warning_and_the_rest_imports() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big-field.csv");
    let huge = "All work and no play. ".repeat(50 * 1024 * 1024 / 22);
    let csv = format!(
        "Summary,Description,Issue key\nPay by card,\"{huge}\",SHOP-1\nRefunds,Short,SHOP-2\n"
    );
    std::fs::write(&file, csv).unwrap();
    let output = storymap(dir.path(), &["import", "jira-csv", file.to_str().unwrap()]);
    let warnings = String::from_utf8_lossy(&output.stderr).into_owned();
    stdout(&output);
    assert!(
        warnings.contains("longer than 20,000 characters: cut there"),
        "{warnings}"
    );
    let json = stdout(&storymap(
        dir.path(),
        &["export", "json", "--map", "big-field"],
    ));
    let map: serde_json::Value = serde_json::from_str(&json).unwrap();
    let stories = map["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2);
    let description = stories[0]["description"].as_str().unwrap();
    assert_eq!(description.chars().count(), 20_000);
}

#[test]
fn a_file_over_the_import_size_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.storymap");
    // Sparse: the size is real to the filesystem, the disk is not used.
    std::fs::File::create(&file)
        .unwrap()
        .set_len(storymap_api::MAX_IMPORT_BYTES + 1)
        .unwrap();
    for args in [
        vec!["import", "storymap", file.to_str().unwrap()],
        vec!["import", "jira-csv", file.to_str().unwrap()],
        vec!["map", "import", file.to_str().unwrap()],
    ] {
        let message = stderr(&storymap(dir.path(), &args));
        assert!(
            message
                .contains("is 256 MB, more than the 256 MB an import reads: is it the right file?"),
            "{args:?}: {message}"
        );
    }
}
