//! A peer's changes that break the schema are refused on merge, naming what and whose
//! (merge_check.rs); the ordinary concurrent cases still merge. One case per kind.

mod merge_common;

use automerge::transaction::{Transactable, Transaction};
use automerge::{ObjId, ObjType, ReadDoc, ScalarValue, ROOT};
use merge_common::*;
use storymap_core::{BackboneEdit, CardEdit};
use storymap_core::{CoreError, Edit, MapDocument};

fn obj(tx: &Transaction, path: &[&str]) -> ObjId {
    path.iter()
        .fold(ROOT, |at, key| match tx.get(&at, *key).unwrap() {
            Some((automerge::Value::Object(_), id)) => id,
            other => panic!("{key} is {other:?}"),
        })
}

type HostileEdit = fn(&mut Transaction);

/// Ben's copy takes the hostile edit as valid Automerge; Ana's merge must refuse it with
/// `expected` and leave her map readable as before once reloaded.
fn check(hostile: HostileEdit, expected: &str) {
    let mut ana = small_map();
    let mut ben = copy_for(&ana, "ben");
    let before = ben.heads();
    let mut tx = ben.sync_doc().transaction();
    hostile(&mut tx);
    tx.commit();
    let error = ana.merge(&ben.changes_after(&before)).unwrap_err();
    let message = match &error {
        CoreError::RefusedChanges(message) => message.clone(),
        other => panic!("{expected}: refused as {other:?}"),
    };
    let whole = format!("the changes from ben {expected}; nothing was merged");
    assert_eq!(message, whole);
}

#[test]
fn changes_that_break_the_schema_are_refused_naming_what_and_whose() {
    let cases: [(HostileEdit, &str); 15] = [
        (
            |tx| drop(tx.put(ROOT, "stories", 3)),
            "make the map's stories a number",
        ),
        (
            |tx| drop(tx.put_object(ROOT, "steps", ObjType::List)),
            "make the map's steps a list",
        ),
        (
            |tx| drop(tx.put(ROOT, "activities", "x")),
            "make the map's activities a string",
        ),
        (
            |tx| drop(tx.delete(ROOT, "releases")),
            "remove the map's releases",
        ),
        (
            |tx| drop(tx.put(ROOT, "settings", true)),
            "make the map's settings true or false",
        ),
        (
            |tx| drop(tx.put_object(ROOT, "activities", ObjType::Map)),
            "replace the map's activities with a new map",
        ),
        (
            |tx| drop(tx.put_object(obj(tx, &["stories"]), "c1", ObjType::Map)),
            "replace story c1 with a new one",
        ),
        (
            |tx| drop(tx.put(obj(tx, &["stories"]), "c1", 7)),
            "make story c1 a number",
        ),
        (
            |tx| drop(tx.put(obj(tx, &["steps"]), "s1", ScalarValue::Null)),
            "make step s1 null",
        ),
        (
            |tx| drop(tx.put(obj(tx, &["stories", "c1"]), "title", 42)),
            "give story 'Story c1' a title that is a number",
        ),
        (
            |tx| drop(tx.put(obj(tx, &["stories", "c1"]), "estimate", 5)),
            "give story 'Story c1' an estimate that is a number",
        ),
        (
            |tx| drop(tx.put(obj(tx, &["steps", "s1"]), "activityId", false)),
            "give step 'Search' an activityId that is true or false",
        ),
        (
            |tx| drop(tx.put(obj(tx, &["stories", "c1"]), "stepId", "nowhere")),
            "put story 'Story c1' under a step that does not exist ('nowhere')",
        ),
        (
            |tx| drop(tx.put(obj(tx, &["stories", "c0"]), "releaseId", "gone")),
            "put story 'Story c0' under a release that does not exist ('gone')",
        ),
        (
            |tx| drop(tx.delete(obj(tx, &["stories", "c1"]), "stepId")),
            "put story 'Story c1' without a step",
        ),
    ];
    for (hostile, expected) in cases {
        check(hostile, expected);
    }
}

/// Ana and Ben each edit their copy; both merges succeed and every live story reads.
fn both_merge(ana_edit: Edit, ben_edit: Edit) -> MapDocument {
    let mut ana = small_map();
    let mut ben = copy_for(&ana, "ben");
    ana.apply(&ana_edit, &ctx("a-new")).unwrap();
    ben.apply(&ben_edit, &ctx("b-new")).unwrap();
    let ana_bytes = ana.save();
    ana.merge(&ben.save()).unwrap().expect("new changes");
    ben.merge(&ana_bytes).unwrap().expect("new changes");
    assert_eq!(ana.read().unwrap(), ben.read().unwrap());
    ana
}

#[test]
fn a_story_added_to_a_step_deleted_meanwhile_still_merges_and_shows() {
    let map = both_merge(
        BackboneEdit::DeleteStep {
            step_id: "s1".into(),
        }
        .into(),
        CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r1".into(),
            title: "Late idea".into(),
        }
        .into(),
    );
    let model = map.read().unwrap();
    let titles: Vec<&str> = model.stories.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Late idea"]);
}

#[test]
fn both_renaming_a_story_merges_to_one_title() {
    let rename = |title: &str| -> Edit {
        CardEdit::RenameStory {
            story_id: "c1".into(),
            title: title.into(),
        }
        .into()
    };
    let map = both_merge(rename("By card"), rename("By cash"));
    let title = map.read_story("c1").unwrap().title;
    assert!(["By card", "By cash"].contains(&title.as_str()), "{title}");
}

#[test]
fn a_story_deleted_by_one_and_edited_by_the_other_merges() {
    let map = both_merge(
        CardEdit::RenameStory {
            story_id: "c1".into(),
            title: "Edited".into(),
        }
        .into(),
        CardEdit::DeleteStory {
            story_id: "c1".into(),
        }
        .into(),
    );
    let ids: Vec<String> = map
        .read()
        .unwrap()
        .stories
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["c0"]);
}
