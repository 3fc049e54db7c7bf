//! Fuzzing what comes from outside, with proptest (cargo-fuzz needs nightly): `.storymap`
//! bytes and a peer's valid-Automerge-but-hostile document (the Jira CSV in
//! hostile_jira.rs). Each target: never panics; an error carries a message. Long run: see
//! docs/hostile-input.md.

mod hostile_common;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, ROOT};
use hostile_common::*;
use proptest::prelude::*;
use storymap_core::{CardEdit, CoreError, EditContext, MapDocument};

// ---- 1. Loading a `.storymap` file ----

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn loading_arbitrary_bytes_is_refused(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let result = MapDocument::load_verified(&bytes);
        prop_assert!(result.is_err());
        check_error(&result.err().unwrap());
    }

    #[test]
    fn loading_a_damaged_map_never_panics(edits in prop::collection::vec(byte_edit(), 1..6)) {
        let mut bytes = real_map().save();
        for edit in &edits {
            mutate(&mut bytes, edit);
        }
        check_load(&bytes);
    }
}

// ---- 2. Merging a peer's valid Automerge document with hostile content ----

/// A value a peer could put anywhere.
#[derive(Debug, Clone)]
enum Hostile {
    Str(String),
    HugeStr,
    Int(i64),
    Uint(u64),
    F64(f64),
    Bool(bool),
    Null,
    Bytes(Vec<u8>),
    Counter(i64),
    Timestamp(i64),
    Map,
    List,
    Text(String),
    Deep(usize),
    Delete,
}

fn hostile_value() -> impl Strategy<Value = Hostile> {
    prop_oneof![
        ".{0,40}".prop_map(Hostile::Str),
        Just(Hostile::HugeStr),
        any::<i64>().prop_map(Hostile::Int),
        any::<u64>().prop_map(Hostile::Uint),
        prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(-0.0),
            any::<f64>()
        ]
        .prop_map(Hostile::F64),
        any::<bool>().prop_map(Hostile::Bool),
        Just(Hostile::Null),
        prop::collection::vec(any::<u8>(), 0..8).prop_map(Hostile::Bytes),
        any::<i64>().prop_map(Hostile::Counter),
        any::<i64>().prop_map(Hostile::Timestamp),
        Just(Hostile::Map),
        Just(Hostile::List),
        ".{0,20}".prop_map(Hostile::Text),
        (1..200usize).prop_map(Hostile::Deep),
        Just(Hostile::Delete),
    ]
}

const ROOT_KEYS: &[&str] = &[
    "kind",
    "schemaVersion",
    "mapId",
    "name",
    "activities",
    "steps",
    "releases",
    "stories",
    "settings",
    "sessions",
];
const STORY_KEYS: &[&str] = &[
    "title",
    "rank",
    "stepId",
    "releaseId",
    "status",
    "estimate",
    "description",
    "acceptanceCriteria",
    "labels",
    "dependsOn",
    "readyChecks",
    "wsjf",
    "splitInto",
    "splitFrom",
    "deleted",
    "notesPrivate",
    "asA",
    "jiraKey",
    "createdAt",
];
const OUTLINE_KEYS: &[&str] = &["title", "rank", "activityId", "deleted", "jiraKey"];
const SETTINGS_KEYS: &[&str] = &[
    "smallLimit",
    "tshirtPoints",
    "statusLabels",
    "definitionOfReady",
];

/// What to break in the peer's copy.
#[derive(Debug, Clone)]
enum Break {
    Root(usize, Hostile),
    /// A field of the n-th story (or the n-th entry of its criteria, labels, …).
    Story(usize, usize, Hostile),
    Outline(usize, usize, usize, Hostile),
    Settings(usize, Hostile),
    /// Every story ranked the same.
    SameRanks(String),
    /// Stories depending on each other in a ring.
    DependencyCycle(usize),
    /// A new story under a step (or slice) that does not exist.
    Orphan(String, String),
    /// A field of a story's criterion (or the WSJF map, if it is one).
    Nested(usize, String, Hostile),
}

fn a_break() -> impl Strategy<Value = Break> {
    let field = |keys: &'static [&'static str]| 0..keys.len();
    prop_oneof![
        (field(ROOT_KEYS), hostile_value()).prop_map(|(k, v)| Break::Root(k, v)),
        (any::<usize>(), field(STORY_KEYS), hostile_value())
            .prop_map(|(s, k, v)| Break::Story(s, k, v)),
        (
            0..3usize,
            any::<usize>(),
            field(OUTLINE_KEYS),
            hostile_value()
        )
            .prop_map(|(c, i, k, v)| Break::Outline(c, i, k, v)),
        (field(SETTINGS_KEYS), hostile_value()).prop_map(|(k, v)| Break::Settings(k, v)),
        ".{0,6}".prop_map(Break::SameRanks),
        (1..12usize).prop_map(Break::DependencyCycle),
        (".{0,12}", ".{0,12}").prop_map(|(s, r)| Break::Orphan(s, r)),
        (any::<usize>(), "[a-zA-Z]{1,12}", hostile_value())
            .prop_map(|(s, k, v)| Break::Nested(s, k, v)),
    ]
}

fn put(doc: &mut AutoCommit, obj: &ObjId, key: &str, value: &Hostile) {
    let result = match value {
        Hostile::Str(s) => doc.put(obj, key, s.as_str()),
        Hostile::HugeStr => doc.put(obj, key, "x".repeat(1 << 20)),
        Hostile::Int(n) => doc.put(obj, key, *n),
        Hostile::Uint(n) => doc.put(obj, key, *n),
        Hostile::F64(n) => doc.put(obj, key, *n),
        Hostile::Bool(b) => doc.put(obj, key, *b),
        Hostile::Null => doc.put(obj, key, ScalarValue::Null),
        Hostile::Bytes(b) => doc.put(obj, key, ScalarValue::Bytes(b.clone())),
        Hostile::Counter(n) => doc.put(obj, key, ScalarValue::counter(*n)),
        Hostile::Timestamp(n) => doc.put(obj, key, ScalarValue::Timestamp(*n)),
        Hostile::Map => doc.put_object(obj, key, ObjType::Map).map(drop),
        Hostile::List => doc
            .put_object(obj, key, ObjType::List)
            .and_then(|list| doc.insert(&list, 0, "item")),
        Hostile::Text(s) => doc
            .put_object(obj, key, ObjType::Text)
            .and_then(|text| doc.splice_text(&text, 0, 0, s)),
        Hostile::Deep(depth) => {
            let mut at = doc.put_object(obj, key, ObjType::Map).unwrap();
            for _ in 0..*depth {
                at = doc.put_object(&at, key, ObjType::Map).unwrap();
            }
            Ok(())
        }
        Hostile::Delete => doc.delete(obj, key),
    };
    result.unwrap();
}

fn map_at(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<ObjId> {
    match doc.get(obj, key).unwrap() {
        Some((automerge::Value::Object(ObjType::Map), id)) => Some(id),
        _ => None,
    }
}

/// The n-th entry (wrapping) of a map-of-maps under the root.
fn nth_entry(doc: &AutoCommit, collection: &str, n: usize) -> Option<(String, ObjId)> {
    let container = map_at(doc, &ROOT, collection)?;
    let keys: Vec<String> = doc.keys(&container).collect();
    let key = keys.get(n % keys.len().max(1))?.clone();
    map_at(doc, &container, &key).map(|obj| (key, obj))
}

fn apply_break(doc: &mut AutoCommit, b: &Break) {
    match b {
        Break::Root(k, v) => put(doc, &ROOT, ROOT_KEYS[*k], v),
        Break::Story(n, k, v) => {
            if let Some((_, story)) = nth_entry(doc, "stories", *n) {
                put(doc, &story, STORY_KEYS[*k], v);
            }
        }
        Break::Outline(c, n, k, v) => {
            let collection = ["activities", "steps", "releases"][*c];
            if let Some((_, obj)) = nth_entry(doc, collection, *n) {
                put(doc, &obj, OUTLINE_KEYS[*k], v);
            }
        }
        Break::Settings(k, v) => {
            let settings = match map_at(doc, &ROOT, "settings") {
                Some(s) => s,
                None => doc.put_object(&ROOT, "settings", ObjType::Map).unwrap(),
            };
            put(doc, &settings, SETTINGS_KEYS[*k], v);
        }
        Break::SameRanks(rank) => {
            for n in 0..12 {
                if let Some((_, story)) = nth_entry(doc, "stories", n) {
                    doc.put(&story, "rank", rank.as_str()).unwrap();
                }
            }
        }
        Break::DependencyCycle(len) => {
            let ids: Vec<String> = (0..*len)
                .filter_map(|n| nth_entry(doc, "stories", n).map(|(id, _)| id))
                .collect();
            for (i, id) in ids.iter().enumerate() {
                let (_, story) = nth_entry(doc, "stories", i).unwrap();
                let deps = doc.put_object(&story, "dependsOn", ObjType::Map).unwrap();
                doc.put(&deps, ids[(i + 1) % ids.len()].as_str(), true)
                    .unwrap();
                doc.put(&deps, id.as_str(), true).unwrap();
            }
        }
        Break::Orphan(step, release) => {
            if let Some(stories) = map_at(doc, &ROOT, "stories") {
                let story = doc.put_object(&stories, "orphan", ObjType::Map).unwrap();
                doc.put(&story, "title", "Orphan").unwrap();
                doc.put(&story, "stepId", step.as_str()).unwrap();
                doc.put(&story, "releaseId", release.as_str()).unwrap();
            }
        }
        Break::Nested(n, key, v) => {
            let Some((_, story)) = nth_entry(doc, "stories", *n) else {
                return;
            };
            for field in ["acceptanceCriteria", "wsjf"] {
                let Some(inner) = map_at(doc, &story, field) else {
                    continue;
                };
                let target = doc
                    .keys(&inner)
                    .next()
                    .and_then(|k| map_at(doc, &inner, &k));
                put(doc, target.as_ref().unwrap_or(&inner), key, v);
            }
        }
    }
}

/// The next local edits build the placement index on the merged document.
fn edit_after_merge(map: &mut MapDocument, story: &storymap_core::Story) {
    let edits = [
        CardEdit::AddStory {
            step_id: story.step_id.clone(),
            release_id: story.release_id.clone(),
            title: "After the merge".into(),
        },
        CardEdit::MoveStory {
            story_id: story.id.clone(),
            step_id: story.step_id.clone(),
            release_id: story.release_id.clone(),
            to_index: 0,
        },
    ];
    for edit in edits {
        let context = EditContext {
            new_id: "after-merge".into(),
            unix_time: 1_700_000_200,
            author: "ana".into(),
        };
        if let Err(error) = map.apply(&edit.into(), &context) {
            check_error(&error);
        }
    }
}

fn check_hostile_merge(breaks: &[Break]) {
    let mut map = real_map();
    let mut peer = AutoCommit::load(&map.save()).unwrap();
    for b in breaks {
        apply_break(&mut peer, b);
    }
    let hostile = peer.save();
    check_load(&hostile);
    match map.merge(&hostile) {
        Ok(_) => {
            let model = check_reads(&map).expect("an accepted merge reads");
            let mut read: Vec<String> = model.stories.iter().map(|s| s.id.clone()).collect();
            read.sort();
            assert_eq!(read, live_stories(map.automerge()), "{breaks:?}");
            if let Some(story) = model.stories.first() {
                edit_after_merge(&mut map, story);
            }
        }
        // Refused as foreign (`check_same_map` or the schema check, merge_check.rs), or
        // as newer: the peer's bytes never reach the map.
        Err(error) => {
            check_error(&error);
            let refused = matches!(
                error,
                CoreError::ForeignDocument(_)
                    | CoreError::RefusedChanges(_)
                    | CoreError::NewerSchema { .. }
            );
            assert!(refused, "{error:?}");
        }
    }
}

/// The stories the document holds that are live: a map under `stories`, not flagged
/// deleted, not split (a split story lives on in its children).
fn live_stories(doc: &automerge::Automerge) -> Vec<String> {
    let Some(stories) = map_at_doc(doc, &ROOT, "stories") else {
        return Vec::new();
    };
    let flag = |obj: &ObjId, key: &str| matches!(doc.get(obj, key), Ok(Some((automerge::Value::Scalar(s), _))) if s.as_bool() == Some(true));
    let mut ids: Vec<String> = doc
        .keys(&stories)
        .filter(|id| {
            let Some(story) = map_at_doc(doc, &stories, id) else {
                return false;
            };
            let split = map_at_doc(doc, &story, "splitInto")
                .is_some_and(|into| doc.keys(&into).any(|k| flag(&into, &k)));
            !flag(&story, "deleted") && !split
        })
        .collect();
    ids.sort();
    ids
}

fn map_at_doc(doc: &automerge::Automerge, obj: &ObjId, key: &str) -> Option<ObjId> {
    match doc.get(obj, key).ok()?? {
        (automerge::Value::Object(ObjType::Map), id) => Some(id),
        _ => None,
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn a_hostile_peer_is_refused_or_every_story_reads(breaks in prop::collection::vec(a_break(), 1..5)) {
        check_hostile_merge(&breaks);
    }
}

// ---- Crashers found, kept as inputs (tests/fixtures/hostile/) ----

/// Every `.storymap` fixture loads or is refused, and merges into a real map or is refused.
#[test]
fn crashers_found_by_fuzzing_stay_fixed() {
    let dir = format!(
        "{}/../../tests/fixtures/hostile",
        env!("CARGO_MANIFEST_DIR")
    );
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("storymap") {
            continue;
        }
        let bytes = fixture("hostile", path.file_name().unwrap().to_str().unwrap());
        check_load(&bytes);
        let mut map = real_map();
        match map.merge(&bytes) {
            Ok(_) => drop(check_reads(&map)),
            Err(error) => check_error(&error),
        }
    }
}
