//! "Sort this slice by WSJF": each cell of the slice in score order, one undoable edit,
//! and a concurrent move or add never duplicates or loses a card.

mod merge_common;

use merge_common::{copy_for, ctx, small_map, TIME};
use proptest::prelude::*;
use storymap_core::{
    BackboneEdit, CardEdit, Edit, EstimateEdit, MapDocument, SliceEdit, UndoRecord, WsjfPart,
};

fn apply(map: &mut MapDocument, edit: impl Into<Edit>, id: &str) -> UndoRecord {
    let applied = map.apply(&edit.into(), &ctx(id)).expect("valid edit");
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

fn add_story(map: &mut MapDocument, id: &str, step: &str) {
    let add = CardEdit::AddStory {
        step_id: step.into(),
        release_id: "r1".into(),
        title: format!("Story {id}"),
    };
    apply(map, add, id);
}

/// Scores a story: value + time criticality + risk reduction over the job size.
fn score(map: &mut MapDocument, story: &str, cost_of_delay: [u8; 3], job_size: Option<u8>) {
    let parts = [
        WsjfPart::Value,
        WsjfPart::TimeCriticality,
        WsjfPart::RiskReduction,
    ];
    for (part, value) in parts.into_iter().zip(cost_of_delay) {
        let edit = EstimateEdit::SetWsjf {
            story_id: story.into(),
            part,
            value: Some(value),
        };
        apply(map, edit, "unused");
    }
    if let Some(size) = job_size {
        let edit = EstimateEdit::SetWsjf {
            story_id: story.into(),
            part: WsjfPart::JobSize,
            value: Some(size),
        };
        apply(map, edit, "unused");
    }
}

/// Story ids per cell of slice r1, in display order, as "step: a b c".
fn cells(map: &MapDocument) -> Vec<String> {
    let model = map.read().unwrap();
    let mut steps: Vec<String> = model.stories.iter().map(|s| s.step_id.clone()).collect();
    steps.sort();
    steps.dedup();
    steps
        .into_iter()
        .map(|step| {
            let ids: Vec<&str> = model
                .stories
                .iter()
                .filter(|s| s.step_id == step && s.release_id == "r1")
                .map(|s| s.id.as_str())
                .collect();
            format!("{step}: {}", ids.join(" "))
        })
        .collect()
}

fn sort(map: &mut MapDocument) -> UndoRecord {
    let edit = SliceEdit::SortByWsjf {
        release_id: "r1".into(),
    };
    apply(map, edit, "unused")
}

#[test]
fn each_cell_is_ordered_by_score_and_one_undo_restores_the_order() {
    let mut map = small_map(); // step s1, slice r1, stories c0 c1
    let add_step = BackboneEdit::AddStep {
        activity_id: "a1".into(),
        title: "Filter".into(),
    };
    apply(&mut map, add_step, "s2");
    for id in ["c2", "c3"] {
        add_story(&mut map, id, "s1");
    }
    for id in ["d0", "d1"] {
        add_story(&mut map, id, "s2");
    }
    score(&mut map, "c1", [1, 1, 1], Some(3)); // 1.0
    score(&mut map, "c2", [8, 8, 8], Some(2)); // 12.0
    score(&mut map, "c3", [5, 5, 2], None); // no size, no estimate: unscored
    let estimate = EstimateEdit::SetEstimate {
        story_id: "c0".into(),
        estimate: Some("M".into()), // 3 points → job size 3
    };
    apply(&mut map, estimate, "unused");
    score(&mut map, "c0", [3, 3, 3], None); // 3.0, the size from the estimate
    score(&mut map, "d1", [2, 1, 1], Some(1)); // 4.0
    let before = cells(&map);
    assert_eq!(before, ["s1: c0 c1 c2 c3", "s2: d0 d1"]);

    let record = sort(&mut map);
    assert_eq!(record.label, "Sort 'MVP' by WSJF");
    assert_eq!(cells(&map), ["s1: c2 c0 c1 c3", "s2: d1 d0"]);

    map.revert(&record, TIME).unwrap();
    assert_eq!(cells(&map), before);
}

#[test]
fn a_sorted_slice_writes_nothing_and_an_unknown_slice_is_refused() {
    let mut map = small_map();
    score(&mut map, "c0", [8, 8, 8], Some(1));
    assert!(sort(&mut map).writes.is_empty());
    let unknown = SliceEdit::SortByWsjf {
        release_id: "nope".into(),
    };
    assert!(map.apply(&unknown.into(), &ctx("x")).is_err());
}

proptest! {
    /// Ana sorts while Ben moves or adds cards in the same cell: after the merge every
    /// card is drawn exactly once, and both copies agree.
    #[test]
    fn a_concurrent_sort_and_move_keep_every_card_once(
        scores in prop::collection::vec(prop::option::of(0usize..7), 4),
        moved in 0usize..4,
        to_index in 0usize..4,
        ben_adds in any::<bool>(),
    ) {
        const SCALE: [u8; 7] = [1, 2, 3, 5, 8, 13, 20];
        let mut ana = small_map();
        for id in ["c2", "c3"] {
            add_story(&mut ana, id, "s1");
        }
        let ids = ["c0", "c1", "c2", "c3"];
        for (id, value) in ids.iter().zip(&scores) {
            if let Some(value) = value {
                score(&mut ana, id, [SCALE[*value], 1, 1], Some(2));
            }
        }
        let mut ben = copy_for(&ana, "ben");
        sort(&mut ana);
        let move_card = CardEdit::MoveStory {
            story_id: ids[moved].into(),
            step_id: "s1".into(),
            release_id: "r1".into(),
            to_index,
        };
        apply(&mut ben, move_card, "unused");
        if ben_adds {
            add_story(&mut ben, "b0", "s1");
        }
        let ana_bytes = ana.save();
        ana.merge(&ben.save()).unwrap();
        ben.merge(&ana_bytes).unwrap();
        prop_assert_eq!(cells(&ana), cells(&ben));
        let cell = cells(&ana).remove(0);
        let mut drawn: Vec<&str> = cell.trim_start_matches("s1: ").split(' ').collect();
        drawn.sort();
        let mut expected = ids.to_vec();
        if ben_adds {
            expected.push("b0");
        }
        expected.sort();
        prop_assert_eq!(drawn, expected);
    }
}
