//! Titles refuse control characters (a terminal escape, a NUL, a carriage return) on every
//! way in: creating a map, each edit that names something, and Jira rows.

use storymap_core::jira::{parse_csv, plan_import, StatusMap};
use storymap_core::{BackboneEdit, CardEdit, CoreError, Edit, EditContext, MapDocument, SliceEdit};

const ESCAPE: &str = "Pay\u{1b}[2J now";

fn ctx(id: &str) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: 1_700_000_000,
        author: "ana".into(),
    }
}

/// A map with activity a1, step s1 and slice r1.
fn seeded() -> MapDocument {
    let mut doc = MapDocument::create("m1", "Shop", "ana", 1_700_000_000).unwrap();
    let add = |doc: &mut MapDocument, edit: Edit, id: &str| doc.apply(&edit, &ctx(id)).unwrap();
    add(
        &mut doc,
        BackboneEdit::AddActivity {
            title: "Buy".into(),
        }
        .into(),
        "a1",
    );
    let step = BackboneEdit::AddStep {
        activity_id: "a1".into(),
        title: "Pay".into(),
    };
    add(&mut doc, step.into(), "s1");
    add(
        &mut doc,
        SliceEdit::AddRelease {
            title: "MVP".into(),
        }
        .into(),
        "r1",
    );
    doc
}

fn refused(result: Result<impl std::fmt::Debug, CoreError>, what: &str) {
    match result {
        Err(CoreError::InvalidInput(message)) => {
            assert!(message.contains(what), "{message}");
            assert!(message.contains("control character U+001B"), "{message}");
        }
        other => panic!("{what}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn every_title_refuses_control_characters() {
    refused(
        MapDocument::create("m2", ESCAPE, "ana", 1).map(|_| ()),
        "map",
    );
    let title = || ESCAPE.to_owned();
    let edits: Vec<(&str, Edit)> = vec![
        ("map", BackboneEdit::RenameMap { name: title() }.into()),
        (
            "activity",
            BackboneEdit::AddActivity { title: title() }.into(),
        ),
        (
            "activity",
            BackboneEdit::RenameActivity {
                activity_id: "a1".into(),
                title: title(),
            }
            .into(),
        ),
        (
            "step",
            BackboneEdit::AddStep {
                activity_id: "a1".into(),
                title: title(),
            }
            .into(),
        ),
        (
            "release slice",
            SliceEdit::AddRelease { title: title() }.into(),
        ),
        (
            "story",
            CardEdit::AddStory {
                step_id: "s1".into(),
                release_id: "r1".into(),
                title: title(),
            }
            .into(),
        ),
    ];
    for (what, edit) in edits {
        let mut doc = seeded();
        refused(doc.apply(&edit, &ctx("x1")), what);
    }
}

#[test]
fn tabs_and_newlines_stay_allowed_and_nul_is_refused() {
    let mut doc = seeded();
    let add = |title: &str| CardEdit::AddStory {
        step_id: "s1".into(),
        release_id: "r1".into(),
        title: title.into(),
    };
    assert!(doc.apply(&add("Pay\tby card").into(), &ctx("x1")).is_ok());
    assert!(doc.apply(&add("Pay\nby card").into(), &ctx("x2")).is_ok());
    let err = doc.apply(&add("Pay\0").into(), &ctx("x3")).unwrap_err();
    assert!(err.to_string().contains("U+0000"), "{err}");
}

#[test]
fn a_jira_row_whose_summary_has_a_control_character_is_skipped() {
    let csv = "Summary,Issue key,Issue Type\nGood,K-1,Story\n\"Bad\u{7}\",K-2,Story\n";
    let plan = plan_import(
        &parse_csv(csv).unwrap(),
        &seeded().read().unwrap(),
        &StatusMap::default(),
    );
    assert_eq!(plan.stories.len(), 1);
    assert_eq!(plan.skipped_rows, 1);
    let warning = plan
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>();
    assert!(
        warning.iter().any(|w| w.starts_with("row 3")
            && w.contains("control character U+0007; the row is skipped")),
        "{warning:?}"
    );
}
