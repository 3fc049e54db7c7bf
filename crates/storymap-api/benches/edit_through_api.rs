//! One edit through the handler the app calls, on a generated 10,000-story map: the
//! Automerge change, the SQLite transaction, and the change handed back to the UI (the
//! touched stories with their refinement, fresh slice roll-ups). Compare with
//! `cargo bench -p storymap-store --bench open_map`, which stops at the SQLite commit.
//!
//! Run: `cargo bench -p storymap-api --bench edit_through_api`.

use criterion::{criterion_group, criterion_main, Criterion};
use storymap_api::{CardEdit, EstimateEdit};
use storymap_api::{MapEdit, MapView, Workspace};
use storymap_core::generate::large_map;

const STORIES: usize = 10_000;

fn edit_large_map(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    // The generated map goes in through the JSON import, as a file from a teammate would.
    let json = serde_json::to_string(&MapView::from(&large_map(STORIES, 200))).unwrap();
    let view = workspace.import_json(&json).unwrap();
    let map = view.map.id.clone();
    workspace.prepare(&map).unwrap();
    let story = view.stories[0].id.clone();
    let cells = [("step-7-1", "rel-2"), ("step-0-0", "rel-0")];

    let mut group = c.benchmark_group("10k-story map through the API");
    group.sample_size(10);
    let mut n = 0;
    group.bench_function(
        "move a card: change + SQLite + MapChange with refinement",
        |b| {
            b.iter(|| {
                n += 1;
                let (step, release) = cells[n % 2];
                let change = workspace
                    .apply_edit(
                        &map,
                        MapEdit::from(CardEdit::MoveStory {
                            story_id: story.clone(),
                            step_id: step.into(),
                            release_id: release.into(),
                            to_index: 1,
                        }),
                    )
                    .unwrap();
                assert_eq!(change.stories.len(), 1);
            })
        },
    );
    group.bench_function("estimate a card", |b| {
        b.iter(|| {
            n += 1;
            workspace
                .apply_edit(
                    &map,
                    MapEdit::from(EstimateEdit::SetEstimate {
                        story_id: story.clone(),
                        estimate: Some(["3", "5"][n % 2].into()),
                    }),
                )
                .unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, edit_large_map);
criterion_main!(benches);
