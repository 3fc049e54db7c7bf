//! Jira CSV import and export on the samples in `tests/fixtures/jira/` (golden files
//! beside them; `UPDATE_EXPECT=1 cargo test -p storymap-core --test jira` rewrites them).

use storymap_core::jira::{export_csv, parse_csv, plan_import, JiraImportPlan, StatusMap};
use storymap_core::BackboneEdit;
use storymap_core::{markdown, Edit, EditContext, MapDocument, StoryStatus};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/jira/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ids() -> impl FnMut() -> String {
    let mut next = 0;
    move || {
        next += 1;
        format!("id{next}")
    }
}

fn new_map() -> MapDocument {
    MapDocument::create("m1", "Shop", "ana", 1_700_000_000).unwrap()
}

/// Plans `csv` against `map` and applies the plan as one change.
fn import(map: &mut MapDocument, csv: &str, statuses: &StatusMap) -> JiraImportPlan {
    let sheet = parse_csv(csv).unwrap();
    let plan = plan_import(&sheet, &map.read().unwrap(), statuses);
    let edits = plan.edits(&mut ids());
    if !edits.is_empty() {
        map.apply_all(&plan.label(), &edits, (1_700_000_100, "ana"))
            .unwrap();
    }
    plan
}

/// The imported map as Markdown, then what the import counted and warned about.
fn report(map: &MapDocument, plan: &JiraImportPlan) -> String {
    let mut out = markdown(&map.read().unwrap());
    out += &format!(
        "\n---\n\ncreates: {:?}\nupdates: {:?}\nunchanged: {}, skipped rows: {}\n",
        plan.creates(),
        plan.updates(),
        plan.unchanged(),
        plan.skipped_rows
    );
    for column in &plan.columns {
        let used = column.used_as.unwrap_or("ignored");
        out += &format!("column {} ×{}: {used}\n", column.column, column.count);
    }
    for warning in &plan.warnings {
        out += &format!("warning: {warning}\n");
    }
    out
}

fn check_golden(name: &str, expected: expect_test::ExpectFile) {
    let mut map = new_map();
    let statuses = StatusMap::default();
    let plan = import(&mut map, &fixture(name), &statuses);
    expected.assert_eq(&report(&map, &plan));
}

#[test]
fn a_jira_cloud_export_with_every_quirk() {
    check_golden(
        "cloud.csv",
        expect_test::expect_file!["../../../tests/fixtures/jira/cloud.expected.md"],
    );
}

#[test]
fn a_jira_server_export_with_epic_link_and_parent_id() {
    check_golden(
        "server.csv",
        expect_test::expect_file!["../../../tests/fixtures/jira/server.expected.md"],
    );
}

#[test]
fn bad_rows_are_skipped_with_their_row_and_column() {
    check_golden(
        "bad-rows.csv",
        expect_test::expect_file!["../../../tests/fixtures/jira/bad-rows.expected.md"],
    );
}

#[test]
fn a_broken_file_is_refused_whole_with_its_row() {
    let err = parse_csv(&fixture("broken.csv")).unwrap_err();
    assert_eq!(err.row, 3, "{err}");
    assert!(err.to_string().starts_with("row 3: has 1 cells"), "{err}");
}

#[test]
fn the_import_is_one_change_and_one_undo_step() {
    let mut map = new_map();
    let before = map.automerge().get_changes(&[]).len();
    let sheet = parse_csv(&fixture("cloud.csv")).unwrap();
    let plan = plan_import(&sheet, &map.read().unwrap(), &StatusMap::default());
    let applied = map
        .apply_all(&plan.label(), &plan.edits(&mut ids()), (1, "ana"))
        .unwrap();
    assert_eq!(map.automerge().get_changes(&[]).len(), before + 1);
    assert_eq!(applied.label, "Import 5 stories from Jira");
    let record = storymap_core::UndoRecord {
        label: applied.label,
        writes: applied.writes,
    };
    map.revert(&record, 2).unwrap();
    let model = map.read().unwrap();
    assert!(model.stories.is_empty() && model.activities.is_empty());
}

#[test]
fn a_failing_edit_leaves_the_map_as_it_was() {
    let mut map = new_map();
    let heads = map.heads();
    let edits = vec![
        (
            Edit::from(BackboneEdit::AddActivity { title: "A".into() }),
            "a".to_owned(),
        ),
        (
            Edit::from(BackboneEdit::AddStep {
                activity_id: "nope".into(),
                title: "S".into(),
            }),
            "s".to_owned(),
        ),
    ];
    assert!(map.apply_all("Batch", &edits, (1, "ana")).is_err());
    assert_eq!(map.heads(), heads);
    assert!(map.read().unwrap().activities.is_empty());
}

#[test]
fn reimporting_updates_by_issue_key_instead_of_duplicating() {
    let mut map = new_map();
    let statuses = StatusMap::default();
    import(&mut map, &fixture("cloud.csv"), &statuses);
    let first = map.read().unwrap();
    let again = import(&mut map, &fixture("cloud.csv"), &statuses);
    assert_eq!(again.creates(), Default::default());
    assert_eq!(again.updates().stories, 0);
    assert_eq!(again.unchanged(), 5);
    assert_eq!(map.read().unwrap(), first);

    // The team moved on in Storymap; Jira's values come back, its extras stay.
    let story = first
        .stories
        .iter()
        .find(|s| s.title == "Pay by card")
        .unwrap();
    let context = EditContext {
        new_id: "x".into(),
        unix_time: 5,
        author: "ana".into(),
    };
    let set = |status| {
        Edit::from(storymap_core::StoryEdit::SetStatus {
            story_id: story.id.clone(),
            status,
        })
    };
    map.apply(&set(StoryStatus::Done), &context).unwrap();
    let label = Edit::from(storymap_core::StoryEdit::SetLabel {
        story_id: story.id.clone(),
        label: "local".into(),
        on: true,
    });
    map.apply(&label, &context).unwrap();
    let changed = "Pay by card (new title)";
    let csv = fixture("cloud.csv").replace("Pay by card,SHOP-2", &format!("{changed},SHOP-2"));
    let update = import(&mut map, &csv, &statuses);
    assert_eq!(update.updates().stories, 1);
    let after = map.read().unwrap();
    let story = after.stories.iter().find(|s| s.id == story.id).unwrap();
    assert_eq!(story.title, changed);
    assert_eq!(story.status, StoryStatus::InSprint);
    assert!(story.details.labels.contains(&"local".to_owned()));
    assert_eq!(after.stories.len(), first.stories.len());
}

#[test]
fn status_overrides_replace_the_defaults_and_silence_the_warning() {
    let mut map = new_map();
    let statuses = StatusMap::parse("In Review=refining").unwrap();
    let plan = import(&mut map, &fixture("cloud.csv"), &statuses);
    let bug = map.read().unwrap();
    let bug = bug
        .stories
        .iter()
        .find(|s| s.title.starts_with("Total"))
        .unwrap();
    assert_eq!(bug.status, StoryStatus::Refining);
    assert!(!plan
        .warnings
        .iter()
        .any(|w| w.message.contains("In Review")));
}

#[test]
fn import_export_import_gives_the_same_map() {
    for name in ["cloud.csv", "server.csv", "bad-rows.csv"] {
        let statuses = StatusMap::default();
        let mut first = new_map();
        import(&mut first, &fixture(name), &statuses);
        let exported = export_csv(&first.read().unwrap());
        let mut second = new_map();
        let plan = import(&mut second, &exported, &statuses);
        assert!(plan.warnings.is_empty(), "{name}: {:?}", plan.warnings);
        let (a, b) = (first.read().unwrap(), second.read().unwrap());
        assert_eq!(markdown(&a), markdown(&b), "{name}");
        assert_eq!(export_csv(&b), exported, "{name}: the export is stable");
        // Importing the export into the map it came from changes nothing.
        let back = import(&mut first, &exported, &statuses);
        assert_eq!(back.creates(), Default::default(), "{name}");
        assert_eq!(back.updates(), Default::default(), "{name}");
    }
}

#[test]
fn the_export_is_what_jiras_external_system_import_reads() {
    let mut map = new_map();
    import(&mut map, &fixture("cloud.csv"), &StatusMap::default());
    let exported = export_csv(&map.read().unwrap());
    expect_test::expect_file!["../../../tests/fixtures/jira/cloud.exported.csv"]
        .assert_eq(&exported);
}
