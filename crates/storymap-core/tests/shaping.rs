//! Shaping a map: moves, deletes, duplicates, and undo/redo that leaves teammates' work alone.

use proptest::prelude::*;
use storymap_core::{BackboneEdit, CardEdit, SliceEdit};
use storymap_core::{Edit, EditContext, MapDocument, MapModel, UndoRecord, UNPLANNED};

const TIME: i64 = 1_700_000_000;

fn ctx(id: &str) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: TIME,
        author: "ana".into(),
    }
}

fn apply(map: &mut MapDocument, edit: Edit) -> UndoRecord {
    let applied = map.apply(&edit, &ctx("new")).expect("valid edit");
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

/// Two activities (a1: steps s1, s2; a2: step s3), two slices (r1, r2), and `stories`
/// cards c0, c1… in cell s1 × r1.
fn map_with(stories: usize) -> MapDocument {
    let mut map = MapDocument::create("m", "Shop", "ana", TIME).unwrap();
    let mut add = |edit: Edit, id: &str| {
        map.apply(&edit, &ctx(id)).unwrap();
    };
    add(
        Edit::from(BackboneEdit::AddActivity {
            title: "Find".into(),
        }),
        "a1",
    );
    add(
        Edit::from(BackboneEdit::AddActivity {
            title: "Pay".into(),
        }),
        "a2",
    );
    for (id, activity) in [("s1", "a1"), ("s2", "a1"), ("s3", "a2")] {
        let title = format!("Step {id}");
        add(
            Edit::from(BackboneEdit::AddStep {
                activity_id: activity.into(),
                title,
            }),
            id,
        );
    }
    add(
        Edit::from(SliceEdit::AddRelease {
            title: "MVP".into(),
        }),
        "r1",
    );
    add(
        Edit::from(SliceEdit::AddRelease {
            title: "Later".into(),
        }),
        "r2",
    );
    for i in 0..stories {
        add(
            Edit::from(CardEdit::AddStory {
                step_id: "s1".into(),
                release_id: "r1".into(),
                title: format!("c{i}"),
            }),
            &format!("c{i}"),
        );
    }
    map
}

/// Card ids per cell, `step/release: [ids]`, in display order.
fn cells(model: &MapModel) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for s in &model.stories {
        let cell = format!("{}/{}", s.step_id, s.release_id);
        if cell != current {
            out.push(format!("{cell}:"));
            current = cell;
        }
        out.last_mut().unwrap().push_str(&format!(" {}", s.id));
    }
    out
}

fn backbone(model: &MapModel) -> String {
    let activities: Vec<String> = model
        .activities
        .iter()
        .map(|a| {
            let steps: Vec<&str> = a.steps.iter().map(|s| s.id.as_str()).collect();
            format!("{}[{}]", a.id, steps.join(" "))
        })
        .collect();
    let releases: Vec<&str> = model.releases.iter().map(|r| r.title.as_str()).collect();
    format!("{} | {}", activities.join(" "), releases.join(" "))
}

fn move_story(id: &str, step: &str, release: &str, to_index: usize) -> Edit {
    Edit::from(CardEdit::MoveStory {
        story_id: id.into(),
        step_id: step.into(),
        release_id: release.into(),
        to_index,
    })
}

#[test]
fn cards_move_within_a_cell_and_across_steps_and_slices() {
    let mut map = map_with(4);
    apply(&mut map, move_story("c3", "s1", "r1", 0));
    apply(&mut map, move_story("c0", "s3", "r2", 0));
    apply(&mut map, move_story("c1", "s3", "r2", 1));
    apply(&mut map, move_story("c2", "s3", "r2", 0));
    let model = map.read().unwrap();
    assert_eq!(cells(&model), ["s1/r1: c3", "s3/r2: c2 c0 c1"]);
    let moved = model.stories.iter().find(|s| s.id == "c0").unwrap();
    assert_eq!(moved.activity_id, "a2");
}

#[test]
fn headers_reorder_and_a_step_moves_to_another_activity_with_its_cards() {
    let mut map = map_with(2);
    apply(
        &mut map,
        Edit::from(BackboneEdit::MoveActivity {
            activity_id: "a2".into(),
            to_index: 0,
        }),
    );
    apply(
        &mut map,
        Edit::from(BackboneEdit::MoveStep {
            step_id: "s1".into(),
            activity_id: "a2".into(),
            to_index: 1,
        }),
    );
    apply(
        &mut map,
        Edit::from(SliceEdit::MoveRelease {
            release_id: "r1".into(),
            to_index: 5,
        }),
    );
    let model = map.read().unwrap();
    assert_eq!(backbone(&model), "a2[s3 s1] a1[s2] | Later MVP");
    assert!(model.stories.iter().all(|s| s.activity_id == "a2"));
}

#[test]
fn undoing_a_step_move_names_its_cards_as_written() {
    // The projection stores each card's activity: an undo that moves a step back must
    // hand those cards to the store, or it keeps them under the other activity.
    let mut map = map_with(3);
    let record = apply(
        &mut map,
        Edit::from(BackboneEdit::MoveStep {
            step_id: "s1".into(),
            activity_id: "a2".into(),
            to_index: 0,
        }),
    );
    let undone = map.revert(&record, TIME).unwrap().applied;
    let mut written = undone.stories.clone();
    written.sort();
    assert_eq!(written, ["c0", "c1", "c2"]);
    assert!(map
        .read()
        .unwrap()
        .stories
        .iter()
        .all(|s| s.activity_id == "a1"));
    let redo = UndoRecord {
        label: undone.label,
        writes: undone.writes,
    };
    let redone = map.revert(&redo, TIME).unwrap().applied;
    assert_eq!(redone.stories.len(), 3);
}

#[test]
fn deleting_a_step_takes_its_cards_and_undo_brings_all_back() {
    let mut map = map_with(3);
    let before = map.read().unwrap();
    let applied = map
        .apply(
            &Edit::from(BackboneEdit::DeleteStep {
                step_id: "s1".into(),
            }),
            &ctx("x"),
        )
        .unwrap();
    assert_eq!(applied.label, "Delete step 'Step s1' and its 3 stories");
    assert!(applied.outline_changed);
    let record = UndoRecord {
        label: applied.label,
        writes: applied.writes,
    };
    let after = map.read().unwrap();
    assert_eq!(backbone(&after), "a1[s2] a2[s3] | MVP Later");
    assert!(after.stories.is_empty());

    let undone = map.revert(&record, TIME).unwrap();
    assert_eq!(undone.skipped, 0);
    assert_eq!(map.read().unwrap(), before);
    let redo = UndoRecord {
        label: record.label,
        writes: undone.applied.writes,
    };
    map.revert(&redo, TIME).unwrap();
    assert_eq!(map.read().unwrap(), after);
}

#[test]
fn deleting_an_activity_takes_its_steps_and_cards() {
    let mut map = map_with(2);
    let record = apply(
        &mut map,
        Edit::from(BackboneEdit::DeleteActivity {
            activity_id: "a1".into(),
        }),
    );
    assert_eq!(record.label, "Delete activity 'Find' and its 2 stories");
    let model = map.read().unwrap();
    assert_eq!(backbone(&model), "a2[s3] | MVP Later");
    assert!(model.stories.is_empty());
}

#[test]
fn a_deleted_slice_hands_its_cards_to_unplanned_or_to_a_chosen_slice() {
    let mut map = map_with(2);
    apply(&mut map, move_story("c1", "s2", "r1", 0));
    let before = map.read().unwrap();
    let applied = map
        .apply(
            &Edit::from(SliceEdit::DeleteRelease {
                release_id: "r1".into(),
                move_stories_to: None,
            }),
            &ctx("u1"),
        )
        .unwrap();
    assert_eq!(applied.created_id.as_deref(), Some("u1"));
    let model = map.read().unwrap();
    assert_eq!(
        backbone(&model),
        format!("a1[s1 s2] a2[s3] | Later {UNPLANNED}")
    );
    assert_eq!(cells(&model), ["s1/u1: c0", "s2/u1: c1"]);

    // Undo removes the Unplanned slice it created and puts every card back.
    let record = UndoRecord {
        label: applied.label,
        writes: applied.writes,
    };
    map.revert(&record, TIME).unwrap();
    assert_eq!(map.read().unwrap(), before);

    // A chosen slice receives the cards at the end of each cell.
    apply(
        &mut map,
        Edit::from(CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r2".into(),
            title: "later".into(),
        }),
    );
    apply(
        &mut map,
        Edit::from(SliceEdit::DeleteRelease {
            release_id: "r1".into(),
            move_stories_to: Some("r2".into()),
        }),
    );
    let model = map.read().unwrap();
    assert_eq!(cells(&model), ["s1/r2: new c0", "s2/r2: c1"]);

    let refused = map.apply(
        &Edit::from(SliceEdit::DeleteRelease {
            release_id: "r2".into(),
            move_stories_to: Some("r2".into()),
        }),
        &ctx("z"),
    );
    assert!(refused.is_err());
}

#[test]
fn a_duplicate_copies_the_card_and_sits_right_below_it() {
    let mut map = map_with(3);
    let applied = map
        .apply(
            &Edit::from(CardEdit::DuplicateStory {
                story_id: "c1".into(),
            }),
            &ctx("copy"),
        )
        .unwrap();
    assert_eq!(applied.created_id.as_deref(), Some("copy"));
    let model = map.read().unwrap();
    assert_eq!(cells(&model), ["s1/r1: c0 c1 copy c2"]);
    let copy = model.stories.iter().find(|s| s.id == "copy").unwrap();
    assert_eq!(copy.title, "c1");
}

#[test]
fn edits_on_deleted_things_are_refused_clearly() {
    let mut map = map_with(1);
    apply(
        &mut map,
        Edit::from(CardEdit::DeleteStory {
            story_id: "c0".into(),
        }),
    );
    let error = map
        .apply(
            &Edit::from(CardEdit::RenameStory {
                story_id: "c0".into(),
                title: "back?".into(),
            }),
            &ctx("x"),
        )
        .unwrap_err();
    assert_eq!(error.to_string(), "no story with id c0 in this map");
}

fn fork(map: &MapDocument, author: &str) -> MapDocument {
    let mut copy = MapDocument::load(&map.save()).unwrap();
    copy.set_author(author);
    copy
}

fn merge(into: &mut MapDocument, from: &MapDocument) {
    into.load_incremental(&from.save()).unwrap();
}

#[test]
fn undo_leaves_a_teammates_later_change_alone() {
    let mut mine = map_with(2);
    let mut theirs = fork(&mine, "ben");
    let record = apply(&mut mine, move_story("c0", "s2", "r2", 0));
    let rename = apply(
        &mut mine,
        Edit::from(CardEdit::RenameStory {
            story_id: "c1".into(),
            title: "mine".into(),
        }),
    );
    merge(&mut theirs, &mine);
    // Ben moves c0 again after seeing my move; c1 he leaves alone.
    apply(&mut theirs, move_story("c0", "s3", "r1", 0));
    merge(&mut mine, &theirs);

    let undone = mine.revert(&rename, TIME).unwrap();
    assert_eq!(undone.skipped, 0);
    let undone = mine.revert(&record, TIME).unwrap();
    assert_eq!(undone.skipped, 1, "c0 was moved by Ben since");
    let model = mine.read().unwrap();
    assert_eq!(cells(&model), ["s1/r1: c1", "s3/r1: c0"]);
    assert_eq!(model.stories[0].title, "c1");
}

#[test]
fn a_card_a_teammate_added_to_a_step_i_deleted_keeps_its_step_on_the_map() {
    let mut mine = map_with(1);
    let mut theirs = fork(&mine, "ben");
    apply(
        &mut mine,
        Edit::from(BackboneEdit::DeleteStep {
            step_id: "s1".into(),
        }),
    );
    theirs
        .apply(
            &Edit::from(CardEdit::AddStory {
                step_id: "s1".into(),
                release_id: "r2".into(),
                title: "ben's card".into(),
            }),
            &ctx("b1"),
        )
        .unwrap();
    merge(&mut mine, &theirs);
    merge(&mut theirs, &mine);
    let model = mine.read().unwrap();
    assert_eq!(model, theirs.read().unwrap());
    assert_eq!(backbone(&model), "a1[s1 s2] a2[s3] | MVP Later");
    assert_eq!(cells(&model), ["s1/r2: b1"]);
}

/// The cells of the 2 × 2 grid used by the property tests.
const CELLS: [(&str, &str); 4] = [("s1", "r1"), ("s1", "r2"), ("s2", "r1"), ("s2", "r2")];

fn cell_of(model: &MapModel, id: &str) -> (String, String) {
    let s = model.stories.iter().find(|s| s.id == id).unwrap();
    (s.step_id.clone(), s.release_id.clone())
}

fn assert_strict_cells(model: &MapModel) -> Result<(), TestCaseError> {
    for pair in model.stories.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if (&a.step_id, &a.release_id) == (&b.step_id, &b.release_id) {
            prop_assert!((&a.rank, &a.id) < (&b.rank, &b.id));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any sequence of moves gives exactly the order a plain list model predicts, with
    /// strictly increasing ranks inside each cell.
    #[test]
    fn moves_keep_a_strict_total_order(
        moves in proptest::collection::vec((0usize..6, 0usize..4, 0usize..8), 1..40)
    ) {
        let mut map = map_with(6);
        let mut model: Vec<Vec<String>> = vec![(0..6).map(|i| format!("c{i}")).collect(), vec![], vec![], vec![]];
        for (card, cell, index) in moves {
            let id = format!("c{card}");
            let from = model.iter().position(|c| c.contains(&id)).unwrap();
            model[from].retain(|c| c != &id);
            let at = index.min(model[cell].len());
            model[cell].insert(at, id.clone());
            let (step, release) = CELLS[cell];
            map.apply(&move_story(&id, step, release, index), &ctx("x")).unwrap();
        }
        let read = map.read().unwrap();
        assert_strict_cells(&read)?;
        for (cell, expected) in CELLS.iter().zip(&model) {
            let actual: Vec<&str> = read.stories.iter()
                .filter(|s| (s.step_id.as_str(), s.release_id.as_str()) == *cell)
                .map(|s| s.id.as_str())
                .collect();
            prop_assert_eq!(actual, expected.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }

    /// Two people move the same or neighbouring cards offline, then sync both ways: both
    /// end with every card exactly once, in one deterministic order, and further moves
    /// still land where asked.
    #[test]
    fn concurrent_moves_merge_to_one_order_with_every_card_once(
        ana in proptest::collection::vec((0usize..5, 0usize..4, 0usize..6), 1..12),
        ben in proptest::collection::vec((0usize..5, 0usize..4, 0usize..6), 1..12),
        after in (0usize..5, 0usize..4, 0usize..6),
    ) {
        let mut first = map_with(5);
        let mut second = fork(&first, "ben");
        for (replica, moves) in [(&mut first, &ana), (&mut second, &ben)] {
            for &(card, cell, index) in moves {
                let (step, release) = CELLS[cell];
                replica.apply(&move_story(&format!("c{card}"), step, release, index), &ctx("x")).unwrap();
            }
        }
        merge(&mut first, &second);
        merge(&mut second, &first);
        let (a, b) = (first.read().unwrap(), second.read().unwrap());
        prop_assert_eq!(&a, &b);
        let mut ids: Vec<&str> = a.stories.iter().map(|s| s.id.as_str()).collect();
        ids.sort();
        prop_assert_eq!(ids, vec!["c0", "c1", "c2", "c3", "c4"]);
        assert_strict_cells(&a)?;

        // A move after the merge (possibly between two equal ranks) lands where asked.
        let (card, cell, index) = after;
        let id = format!("c{card}");
        let (step, release) = CELLS[cell];
        first.apply(&move_story(&id, step, release, index), &ctx("x")).unwrap();
        let read = first.read().unwrap();
        assert_strict_cells(&read)?;
        prop_assert_eq!(cell_of(&read, &id), (step.to_owned(), release.to_owned()));
        let in_cell: Vec<&str> = read.stories.iter()
            .filter(|s| (s.step_id.as_str(), s.release_id.as_str()) == (step, release))
            .map(|s| s.id.as_str())
            .collect();
        let expected_at = index.min(in_cell.len() - 1);
        prop_assert_eq!(in_cell[expected_at], id.as_str());
    }

    /// Undoing every edit of a random session, newest first, gives back the starting map;
    /// redoing them all gives back the end.
    #[test]
    fn undo_all_then_redo_all_round_trips(
        edits in proptest::collection::vec((0usize..7, 0usize..4, 0usize..4, 0usize..4), 1..16)
    ) {
        let mut map = map_with(4);
        let start = map.read().unwrap();
        let mut records = Vec::new();
        for (n, &(kind, card, cell, index)) in edits.iter().enumerate() {
            let id = format!("c{card}");
            let (step, release) = CELLS[cell];
            let edit = match kind {
                0 | 1 => move_story(&id, step, release, index),
                2 => Edit::from(CardEdit::RenameStory { story_id: id, title: format!("t{n}") }),
                3 => Edit::from(CardEdit::DuplicateStory { story_id: id }),
                4 => Edit::from(CardEdit::DeleteStory { story_id: id }),
                5 => Edit::from(SliceEdit::MoveRelease { release_id: release.into(), to_index: index }),
                _ => Edit::from(CardEdit::AddStory { step_id: step.into(), release_id: release.into(), title: format!("n{n}") }),
            };
            // Edits on a card deleted earlier are refused and change nothing.
            if let Ok(applied) = map.apply(&edit, &ctx(&format!("new{n}"))) {
                records.push(UndoRecord { label: applied.label, writes: applied.writes });
            }
        }
        let end = map.read().unwrap();
        let mut redo = Vec::new();
        for record in records.iter().rev() {
            let undone = map.revert(record, TIME).unwrap();
            prop_assert_eq!(undone.skipped, 0);
            redo.push(UndoRecord { label: record.label.clone(), writes: undone.applied.writes });
        }
        prop_assert_eq!(map.read().unwrap(), start);
        for record in redo.iter().rev() {
            map.revert(record, TIME).unwrap();
        }
        prop_assert_eq!(map.read().unwrap(), end);
    }
}

/// Ben's offline copy of `map` with an activity "Find" of his own: a step "Step s1" (named
/// like a1's) with a card, and a step "Compare" with a card.
fn bens_own_find(map: &MapDocument) -> MapDocument {
    let mut ben = MapDocument::load(&map.save()).unwrap();
    ben.set_author("ben");
    for (edit, id) in [
        (
            Edit::from(BackboneEdit::AddActivity {
                title: "Find".into(),
            }),
            "b1",
        ),
        (
            Edit::from(BackboneEdit::AddStep {
                activity_id: "b1".into(),
                title: "Step s1".into(),
            }),
            "bs1",
        ),
        (
            Edit::from(BackboneEdit::AddStep {
                activity_id: "b1".into(),
                title: "Compare".into(),
            }),
            "bs2",
        ),
        (
            Edit::from(CardEdit::AddStory {
                step_id: "bs1".into(),
                release_id: "r1".into(),
                title: "Ben's card".into(),
            }),
            "bc",
        ),
        (
            Edit::from(CardEdit::AddStory {
                step_id: "bs2".into(),
                release_id: "r1".into(),
                title: "Compare prices".into(),
            }),
            "bc2",
        ),
    ] {
        ben.apply(&edit, &ctx(id)).unwrap();
    }
    ben
}

#[test]
fn a_duplicate_activity_merges_into_the_other_with_its_steps_and_cards_and_undo_splits_them_again()
{
    // a1 "Find" [s1, s2] with c0, c1 in s1; a2 "Pay" [s3]. Ben's copy adds its own "Find"
    // with a step named like s1 and one of its own, offline; after the sync there are two.
    let mut map = map_with(2);
    let ben = bens_own_find(&map);
    map.merge(&ben.save()).unwrap();
    let before = map.read().unwrap();
    let applied = map
        .apply(
            &Edit::from(BackboneEdit::MergeActivity {
                activity_id: "b1".into(),
                into_id: "a1".into(),
            }),
            &ctx("m"),
        )
        .unwrap();
    assert_eq!(applied.label, "Merge activity 'Find' into 'Find'");
    let mut written = applied.stories.clone();
    written.sort();
    assert_eq!(written, ["bc", "bc2"]);
    let model = map.read().unwrap();
    assert_eq!(backbone(&model), "a1[s1 s2 bs2] a2[s3] | MVP Later");
    let card = |id: &str| model.stories.iter().find(|s| s.id == id).unwrap().clone();
    assert_eq!(
        (card("bc").step_id.as_str(), card("bc").activity_id.as_str()),
        ("s1", "a1")
    );
    assert_eq!(card("bc2").activity_id, "a1");
    assert_eq!(model.stories.len(), before.stories.len());
    let record = UndoRecord {
        label: applied.label,
        writes: applied.writes,
    };
    map.revert(&record, TIME).unwrap();
    assert_eq!(map.read().unwrap(), before);
    let refused = map.apply(
        &Edit::from(BackboneEdit::MergeActivity {
            activity_id: "a1".into(),
            into_id: "a1".into(),
        }),
        &ctx("x"),
    );
    assert!(refused.is_err());
}
