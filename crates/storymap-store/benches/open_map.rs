//! Opening and editing a generated 10,000-story map (200-character descriptions as
//! Automerge Text, three acceptance criteria each): the first screen from the projection,
//! the document load that makes it editable, and one edit persisted with its projection.
//!
//! Moving a card there (issue #3) is the edit a POPM repeats most while shaping a map.
//!
//! Opening a 1,000-story map with 150 change rows stored since its last compaction is the
//! case of issue #14: every process that opens the map (the CLI, the app's start) merges
//! those rows.
//!
//! Run: `cargo bench -p storymap-store --bench open_map`. Targets (issue #2): editable
//! within 1 s of opening; first screen well before that. Issue #3: a move persisted well
//! under a frame budget of interaction (100 ms) at 10k stories.

use criterion::{criterion_group, criterion_main, Criterion};
use storymap_core::CardEdit;
use storymap_core::{generate::large_map, Edit, EditContext, MapImport};
use storymap_store::Store;

const STORIES: usize = 10_000;

fn open_large_map(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("storymap.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let doc = MapImport::build(&large_map(STORIES, 200), "big", "bench", 1_700_000_000).unwrap();
    store.insert_map(&doc).unwrap();
    drop(doc);

    let mut group = c.benchmark_group("10k-story map");
    group.sample_size(10);
    group.bench_function("first screen: open database + read projection", |b| {
        b.iter(|| {
            let store = Store::open(&path).unwrap();
            assert_eq!(store.read_model("big").unwrap().stories.len(), STORIES);
        })
    });
    group.bench_function("editable: load the Automerge document", |b| {
        b.iter(|| store.load("big").unwrap())
    });
    let mut loaded = store.load("big").unwrap();
    let mut n = 0;
    group.bench_function("one edit: add a story, persist change + projection", |b| {
        b.iter(|| {
            n += 1;
            let edit = Edit::from(CardEdit::AddStory {
                step_id: "step-3-2".into(),
                release_id: "rel-1".into(),
                title: format!("Bench {n}"),
            });
            let applied = loaded
                .doc
                .apply(
                    &edit,
                    &EditContext {
                        new_id: format!("bench-{n}"),
                        unix_time: 1,
                        author: "ana".into(),
                    },
                )
                .unwrap();
            store.commit_edit(&mut loaded, &applied).unwrap();
        })
    });
    let story = loaded.doc.read().unwrap().stories[0].id.clone();
    let cells = [("step-7-1", "rel-2"), ("step-0-0", "rel-0")];
    group.bench_function(
        "move a card to another step and slice, persist change + projection",
        |b| {
            b.iter(|| {
                n += 1;
                let (step, release) = cells[n % 2];
                let edit = Edit::from(CardEdit::MoveStory {
                    story_id: story.clone(),
                    step_id: step.into(),
                    release_id: release.into(),
                    to_index: 1,
                });
                let context = EditContext {
                    new_id: format!("bench-{n}"),
                    unix_time: 1,
                    author: "ana".into(),
                };
                let applied = loaded.doc.apply(&edit, &context).unwrap();
                store.commit_edit(&mut loaded, &applied).unwrap();
            })
        },
    );
    group.finish();
}

/// A 1k-story map with `rows` single-edit change rows after its snapshot.
fn open_with_pending_rows(c: &mut Criterion) {
    const ROWS: usize = 150;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("storymap.sqlite3")).unwrap();
    let doc = MapImport::build(&large_map(1_000, 200), "mid", "bench", 1_700_000_000).unwrap();
    store.insert_map(&doc).unwrap();
    let mut loaded = store.load("mid").unwrap();
    for n in 0..ROWS {
        let edit = Edit::from(CardEdit::AddStory {
            step_id: "step-3-2".into(),
            release_id: "rel-1".into(),
            title: format!("Added {n}"),
        });
        let context = EditContext {
            new_id: format!("added-{n}"),
            unix_time: 1,
            author: "ana".into(),
        };
        let applied = loaded.doc.apply(&edit, &context).unwrap();
        // Never compacted: `compact_if_due` is not called.
        store.commit_edit(&mut loaded, &applied).unwrap();
    }
    let mut group = c.benchmark_group("1k-story map, 150 change rows since compaction");
    group.sample_size(10);
    group.bench_function("editable: load the document and merge the rows", |b| {
        b.iter(|| {
            assert_eq!(
                store.load("mid").unwrap().model().stories.len(),
                1_000 + ROWS
            )
        })
    });
    group.finish();
}

criterion_group!(benches, open_with_pending_rows, open_large_map);
criterion_main!(benches);
