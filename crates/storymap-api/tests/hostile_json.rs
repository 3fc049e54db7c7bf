//! Fuzzing the JSON import with proptest: arbitrary text and damaged copies of the sample
//! map through `Workspace::import_json`. Never panics; an error has a code and a message.
//! Long run: see docs/hostile-input.md.

use std::cell::RefCell;

use proptest::prelude::*;
use serde_json::Value;
use storymap_api::{Workspace, SAMPLE_MAP_JSON};

thread_local! {
    // One data directory for every case: opening a workspace per case would dominate.
    static WORKSPACE: RefCell<Option<(tempfile::TempDir, Workspace)>> = const { RefCell::new(None) };
}

fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        max_shrink_iters: 256,
        ..ProptestConfig::default()
    }
}

fn check_import(json: &str) {
    WORKSPACE.with(|cell| {
        let mut cell = cell.borrow_mut();
        let (_, workspace) = cell.get_or_insert_with(|| {
            let dir = tempfile::tempdir().unwrap();
            let workspace = Workspace::open(dir.path()).unwrap();
            (dir, workspace)
        });
        if let Err(error) = workspace.import_json(json) {
            assert!(!error.message.trim().is_empty(), "{error:?}");
        }
    });
}

/// A value a hostile file could hold anywhere.
fn hostile_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,30}".prop_map(Value::from),
        Just(Value::from("x".repeat(1 << 20))),
        Just(Value::from("")),
        Just(Value::Array(vec![])),
        Just(Value::Object(Default::default())),
        (1..200usize).prop_map(|depth| {
            (0..depth).fold(Value::from(1), |inner, _| Value::Array(vec![inner]))
        }),
    ]
}

#[derive(Debug, Clone)]
enum JsonEdit {
    /// Replaces the n-th node (depth first, wrapping) with a hostile value.
    Replace(usize, Value),
    /// Removes the n-th key of an object or item of an array.
    Remove(usize),
    /// Appends a copy of the n-th node to its array (duplicate ids), or its object.
    Duplicate(usize),
}

fn json_edit() -> impl Strategy<Value = JsonEdit> {
    prop_oneof![
        (any::<usize>(), hostile_value()).prop_map(|(n, v)| JsonEdit::Replace(n, v)),
        any::<usize>().prop_map(JsonEdit::Remove),
        any::<usize>().prop_map(JsonEdit::Duplicate),
    ]
}

fn count(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(map) => map.values().map(count).sum(),
        _ => 0,
    }
}

/// The container holding the n-th node and that node's key or index.
fn edit_at(value: &mut Value, n: &mut usize, edit: &JsonEdit) -> bool {
    match value {
        Value::Array(items) => {
            for i in 0..items.len() {
                if *n == 0 {
                    match edit {
                        JsonEdit::Replace(_, v) => items[i] = v.clone(),
                        JsonEdit::Remove(_) => drop(items.remove(i)),
                        JsonEdit::Duplicate(_) => items.push(items[i].clone()),
                    }
                    return true;
                }
                *n -= 1;
                if edit_at(&mut items[i], n, edit) {
                    return true;
                }
            }
        }
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for key in keys {
                if *n == 0 {
                    match edit {
                        JsonEdit::Replace(_, v) => drop(map.insert(key, v.clone())),
                        JsonEdit::Remove(_) => drop(map.remove(&key)),
                        JsonEdit::Duplicate(_) => {
                            let copy = map[&key].clone();
                            map.insert(format!("{key}2"), copy);
                        }
                    }
                    return true;
                }
                *n -= 1;
                if edit_at(map.get_mut(&key).unwrap(), n, edit) {
                    return true;
                }
            }
        }
        _ => {}
    }
    false
}

fn mutate(value: &mut Value, edit: &JsonEdit) {
    let (JsonEdit::Replace(n, _) | JsonEdit::Remove(n) | JsonEdit::Duplicate(n)) = edit;
    let mut n = n % count(value).saturating_sub(1).max(1);
    edit_at(value, &mut n, edit);
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn importing_arbitrary_text_never_panics(text in ".{0,200}") {
        check_import(&text);
    }

    #[test]
    fn importing_a_damaged_sample_never_panics(
        edits in prop::collection::vec(json_edit(), 1..6),
    ) {
        let mut sample: Value = serde_json::from_str(SAMPLE_MAP_JSON).unwrap();
        for edit in &edits {
            mutate(&mut sample, edit);
        }
        check_import(&sample.to_string());
    }

    #[test]
    fn importing_a_sample_with_damaged_bytes_never_panics(
        at in any::<usize>(),
        cut in 0..64usize,
        insert in prop::sample::select(&["\"", "{", "}", "[", "]", ",", ":", "\\u0000", "\\ud800", "1e999", "-"][..]),
    ) {
        let mut text = SAMPLE_MAP_JSON.as_bytes().to_vec();
        let at = at % text.len();
        let end = (at + cut).min(text.len());
        text.splice(at..end, insert.bytes());
        check_import(&String::from_utf8_lossy(&text));
    }
}
