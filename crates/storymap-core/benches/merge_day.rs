//! Merging a teammate's offline day into an open map, and reading a whole map, on refined
//! 1k- and 10k-story maps (`generate::refined_map`: labels, dependencies, criteria). The
//! merge is what sync and a `.storymap` file do with changes after the transfer: apply
//! them, check the parts they touched, and name the stories to re-project (from the diff,
//! plus the objects its ops wrote to, for copies of a map the diff does not show).
//!
//! Run: `cargo bench -p storymap-core --bench merge_day`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use storymap_core::generate::refined_map;
use storymap_core::{CardEdit, Edit, EditContext, MapDocument, MapImport, StoryEdit};

const EDITS: usize = 1_000;

/// Ben's day: renames, moves and labels over the map, as encoded changes.
fn teammates_day(map: &MapDocument) -> Vec<u8> {
    let mut ben = MapDocument::load(&map.save()).unwrap();
    ben.set_author("ben");
    let before = ben.heads();
    let model = ben.read().unwrap();
    let n = model.stories.len();
    for i in 0..EDITS {
        let story = &model.stories[(i * 104_729) % n];
        let edit = match i % 3 {
            0 => Edit::from(CardEdit::RenameStory {
                story_id: story.id.clone(),
                title: format!("{} (ben {i})", story.title),
            }),
            1 => Edit::from(StoryEdit::SetLabel {
                story_id: story.id.clone(),
                label: format!("day-{}", i % 7),
                on: true,
            }),
            _ => Edit::from(CardEdit::MoveStory {
                story_id: story.id.clone(),
                step_id: story.step_id.clone(),
                release_id: story.release_id.clone(),
                to_index: 0,
            }),
        };
        let context = EditContext {
            new_id: format!("ben-{i}"),
            unix_time: 1_764_000_000 + i as i64,
            author: "ben".into(),
        };
        ben.apply(&edit, &context).unwrap();
    }
    ben.changes_after(&before)
}

fn merge_day(c: &mut Criterion) {
    for stories in [1_000, 10_000] {
        let map = MapImport::build(&refined_map(stories), "m", "ana", 1_764_000_000).unwrap();
        let saved = map.save();
        let day = teammates_day(&map);
        let mut group = c.benchmark_group(format!("{}k-story map", stories / 1_000));
        group.sample_size(10);
        group.bench_function("merge a teammate's day of 1,000 edits", |b| {
            b.iter_batched(
                || MapDocument::load(&saved).unwrap(),
                |mut ana| ana.merge(&day).unwrap().expect("new changes"),
                BatchSize::LargeInput,
            )
        });
        let loaded = MapDocument::load(&saved).unwrap();
        group.bench_function("read the whole map", |b| b.iter(|| loaded.read().unwrap()));
        group.finish();
    }
}

criterion_group!(benches, merge_day);
criterion_main!(benches);
