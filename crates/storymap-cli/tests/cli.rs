//! The `storymap` binary on a real data directory: the happy path and bad input.

// A journey reads top to bottom as the user lives it; splitting it would hide the story.
#![allow(clippy::too_many_lines)]

mod common;

use common::{stderr, stdout, storymap};
use std::process::Command;

#[test]
fn create_add_list_and_export_a_map() {
    let dir = tempfile::tempdir().unwrap();
    let map_id = stdout(&storymap(dir.path(), &["map", "create", "Grocery app"]));
    let add = |title: &str, step: &str| {
        stdout(&storymap(
            dir.path(),
            &[
                "story",
                "add",
                "--map",
                "Grocery app",
                "--activity",
                "Shop",
                "--step",
                step,
                "--release",
                "MVP",
                "--title",
                title,
            ],
        ))
    };
    let first = add("Search by name", "Search");
    add("Filter by diet", "Search");
    add("Add to basket", "Basket");

    let list: serde_json::Value =
        serde_json::from_str(&stdout(&storymap(dir.path(), &["map", "list", "--json"]))).unwrap();
    assert_eq!(list[0]["id"], map_id.as_str());
    assert_eq!(list[0]["storyCount"], 3);

    let out_file = dir.path().join("export.json");
    stdout(&storymap(
        dir.path(),
        &[
            "export",
            "json",
            "--map",
            &map_id,
            "-o",
            out_file.to_str().unwrap(),
        ],
    ));
    let export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(export["schemaVersion"], 1);
    assert_eq!(export["map"]["name"], "Grocery app");
    let steps: Vec<&str> = export["activities"][0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["Search", "Basket"]);
    // The new map starts with MVP, which the stories reused rather than duplicating.
    assert_eq!(export["releases"].as_array().unwrap().len(), 1);
    let titles: Vec<&str> = export["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Search by name", "Filter by diet", "Add to basket"]
    );
    assert_eq!(export["stories"][0]["id"], first.as_str());
    assert_eq!(export["stories"][0]["status"], "idea");
    assert!(export["stories"][0]["acceptanceCriteria"]
        .as_array()
        .unwrap()
        .is_empty());

    // Export to stdout and import it back: a second map with the same content.
    let json = stdout(&storymap(dir.path(), &["export", "json", "--map", &map_id]));
    std::fs::write(dir.path().join("copy.json"), &json).unwrap();
    let copy_id = stdout(&storymap(
        dir.path(),
        &[
            "map",
            "import",
            dir.path().join("copy.json").to_str().unwrap(),
        ],
    ));
    let copy: serde_json::Value = serde_json::from_str(&stdout(&storymap(
        dir.path(),
        &["export", "json", "--map", &copy_id],
    )))
    .unwrap();
    assert_eq!(copy["stories"], export["stories"]);

    // The backlog with its health: nothing estimated yet, so no points and three named.
    let backlog = stdout(&storymap(dir.path(), &["backlog", "--map", &map_id]));
    assert_eq!(
        backlog,
        "0 ready (0 pts)\nReady backlog: 0 pts\n  MVP: 3 unestimated \
         (Search by name, Filter by diet, Add to basket)"
    );
    let json = stdout(&storymap(
        dir.path(),
        &["backlog", "--map", &map_id, "--json"],
    ));
    let backlog: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(backlog["health"]["line"], "Ready backlog: 0 pts");
    assert_eq!(backlog["health"]["velocity"], serde_json::Value::Null);
    assert_eq!(backlog["stories"], 3);
}

#[test]
fn bad_input_gets_a_clear_message_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let err = stderr(&storymap(dir.path(), &["export", "json", "--map", "Nope"]));
    assert!(err.contains("no map named or with id 'Nope'"), "{err}");

    stdout(&storymap(dir.path(), &["map", "create", "Twin"]));
    stdout(&storymap(dir.path(), &["map", "create", "Twin"]));
    let err = stderr(&storymap(dir.path(), &["export", "json", "--map", "Twin"]));
    assert!(err.contains("2 maps are named 'Twin'"), "{err}");

    let err = stderr(&storymap(dir.path(), &["map", "create", "   "]));
    assert!(err.contains("needs a name"), "{err}");

    std::fs::write(
        dir.path().join("broken.json"),
        "{ \"schemaVersion\": 1, \"map\": ",
    )
    .unwrap();
    let err = stderr(&storymap(
        dir.path(),
        &[
            "map",
            "import",
            dir.path().join("broken.json").to_str().unwrap(),
        ],
    ));
    assert!(
        err.contains("broken.json") && err.contains("not a Storymap JSON export"),
        "{err}"
    );
    // Nothing half-imported.
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&storymap(dir.path(), &["map", "list", "--json"]))).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);
}

#[test]
fn a_data_dir_that_cannot_be_created_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let err = stderr(&storymap(&file.join("sub"), &["map", "list"]));
    assert!(err.contains("cannot create the data directory"), "{err}");
}

#[test]
fn a_corrupt_database_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("storymap.sqlite3");
    std::fs::write(&db, vec![7u8; 8192]).unwrap();
    let err = stderr(&storymap(dir.path(), &["map", "list"]));
    assert!(err.contains("not a readable Storymap database"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), vec![7u8; 8192]);
}

fn fixture(name: &str) -> String {
    format!(
        "{}/../../tests/fixtures/jira/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn jira_csv_dry_run_import_reimport_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let cloud = fixture("cloud.csv");
    let dry = stdout(&storymap(
        dir.path(),
        &["import", "jira-csv", &cloud, "--map", "Shop", "--dry-run"],
    ));
    assert!(dry.starts_with("Dry run into 'Shop' (nothing imported)\nWould create: 3 activities, 3 steps, 2 slices, 5 stories, 6 criteria"), "{dry}");
    assert!(dry.contains("  Sprint (×2) → ignored"), "{dry}");
    assert!(
        dry.contains(
            "warning: row 8, column \"Custom field (Story point estimate)\": '4' story points"
        ),
        "{dry}"
    );
    assert_eq!(stdout(&storymap(dir.path(), &["map", "list"])), "");

    let output = storymap(
        dir.path(),
        &[
            "import",
            "jira-csv",
            &cloud,
            "--map",
            "Shop",
            "--status-map",
            "In Review=refining",
        ],
    );
    let imported = stdout(&output);
    assert!(imported.ends_with("Shop: created 3 activities, 3 steps, 2 slices, 5 stories, 6 criteria; updated nothing; 0 unchanged, 0 rows skipped"), "{imported}");
    let warnings = String::from_utf8(output.stderr).unwrap();
    assert!(
        warnings.contains("warning: row 4, column \"Fix versions\": several fix versions"),
        "{warnings}"
    );
    assert!(
        !warnings.contains("In Review"),
        "mapped by --status-map: {warnings}"
    );

    let again = stdout(&storymap(
        dir.path(),
        &["import", "jira-csv", &cloud, "--map", "Shop"],
    ));
    assert!(
        again.contains("created nothing; updated 1 story; 4 unchanged"),
        "In Review is read as in sprint now: {again}"
    );
    let list = stdout(&storymap(dir.path(), &["map", "list"]));
    assert_eq!(list.lines().count(), 1, "{list}");
    assert!(list.contains("    5 stories  Shop"), "{list}");

    let markdown = stdout(&storymap(
        dir.path(),
        &["export", "markdown", "--map", "Shop"],
    ));
    assert!(
        markdown.contains("- **Pay by card** — SHOP-2 · 5 pts · In sprint · labels: mvp, payments"),
        "{markdown}"
    );
    let out = dir.path().join("jira.csv");
    stdout(&storymap(
        dir.path(),
        &[
            "export",
            "jira-csv",
            "--map",
            "Shop",
            "-o",
            out.to_str().unwrap(),
        ],
    ));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(
        csv.starts_with("Issue Type,Issue key,Issue id,Parent,Summary"),
        "{csv}"
    );
    let back = stdout(&storymap(
        dir.path(),
        &["import", "jira-csv", out.to_str().unwrap(), "--map", "Shop"],
    ));
    assert!(
        back.contains("created nothing; updated nothing; 5 unchanged"),
        "{back}"
    );
}

#[test]
fn a_broken_jira_csv_fails_with_row_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let err = stderr(&storymap(
        dir.path(),
        &[
            "import",
            "jira-csv",
            &fixture("broken.csv"),
            "--map",
            "Broken",
        ],
    ));
    assert!(
        err.contains("broken.csv: row 3: has 1 cells where the header has 3"),
        "{err}"
    );
    assert_eq!(stdout(&storymap(dir.path(), &["map", "list"])), "");
    let err = stderr(&storymap(
        dir.path(),
        &[
            "import",
            "jira-csv",
            &fixture("cloud.csv"),
            "--status-map",
            "Blocked=stuck",
        ],
    ));
    assert!(err.contains("'stuck' is not a Storymap status"), "{err}");
    let bad = stdout(&storymap(
        dir.path(),
        &["import", "jira-csv", &fixture("bad-rows.csv")],
    ));
    assert!(bad.ends_with("bad-rows: created 1 activity, 1 step, 1 slice, 2 stories; updated nothing; 0 unchanged, 3 rows skipped"), "{bad}");
}

#[test]
fn a_long_import_reports_each_step_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    // Reporting from the first moment, so the test does not depend on the machine's speed.
    let output = Command::new(env!("CARGO_BIN_EXE_storymap"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["import", "jira-csv", &fixture("cloud.csv"), "--map", "Shop"])
        .env("STORYMAP_PROGRESS_AFTER_MS", "0")
        .output()
        .unwrap();
    assert!(stdout(&output).contains("Shop: created"));
    let progress: Vec<String> = String::from_utf8(output.stderr)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("Importing cloud.csv: "))
        .map(str::to_owned)
        .collect();
    // Not a terminal: one line per step, not one per percent.
    assert_eq!(
        progress,
        [
            "Importing cloud.csv: Reading the rows",
            "Importing cloud.csv: Adding to the map 1 of 43 (2 %)",
            "Importing cloud.csv: Saving",
        ],
    );
}
