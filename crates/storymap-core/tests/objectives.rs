//! PI objectives (issue #16 item 1): added, changed, reordered, deleted and undone; stories
//! aligned to one; two and three offline copies that edit them converge without losing an
//! objective or an alignment.

mod merge_common;

use merge_common::*;
use proptest::prelude::*;
use storymap_core::objectives::Objective;
use storymap_core::{CoreError, Edit, MapDocument, ObjectiveEdit, UndoRecord};

fn apply(map: &mut MapDocument, edit: impl Into<Edit>, id: &str) -> UndoRecord {
    let applied = map.apply(&edit.into(), &ctx(id)).expect("valid edit");
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

fn add(title: &str, business_value: u8, committed: bool) -> ObjectiveEdit {
    ObjectiveEdit::Add {
        title: title.into(),
        business_value,
        committed,
    }
}

fn align(story: &str, objective: Option<&str>) -> ObjectiveEdit {
    ObjectiveEdit::Align {
        story_id: story.into(),
        objective_id: objective.map(str::to_owned),
    }
}

/// "title value committed|stretch" per objective, in order.
fn objectives(map: &MapDocument) -> Vec<String> {
    let show = |o: &Objective| {
        let kind = if o.committed { "committed" } else { "stretch" };
        format!("{} {} {kind}", o.title, o.business_value)
    };
    map.read_settings().objectives.iter().map(show).collect()
}

/// The live objective each story aligns to: `(story, objective title)`.
fn alignments(map: &MapDocument) -> Vec<(String, Option<String>)> {
    let model = map.read().unwrap();
    let of = |s| model.objective_of(s).map(|o| o.title.clone());
    model
        .stories
        .iter()
        .map(|s| (s.id.clone(), of(s)))
        .collect()
}

#[test]
fn objectives_are_added_changed_reordered_deleted_and_undone() {
    let mut map = small_map();
    let record = apply(&mut map, add("Faster checkout", 8, true), "o1");
    assert_eq!(record.label, "Add objective 'Faster checkout'");
    apply(&mut map, add(" Self-service returns ", 5, false), "o2");
    apply(&mut map, add("Partner API", 3, false), "o3");
    assert_eq!(
        objectives(&map),
        [
            "Faster checkout 8 committed",
            "Self-service returns 5 stretch",
            "Partner API 3 stretch"
        ]
    );
    let to_top = ObjectiveEdit::Move {
        objective_id: "o3".into(),
        to: 0,
    };
    let moved = apply(&mut map, to_top, "-");
    assert_eq!(moved.label, "Move objective 'Partner API'");
    let past_the_end = ObjectiveEdit::Move {
        objective_id: "o1".into(),
        to: 99,
    };
    apply(&mut map, past_the_end, "-");
    assert_eq!(
        objectives(&map),
        [
            "Partner API 3 stretch",
            "Self-service returns 5 stretch",
            "Faster checkout 8 committed"
        ]
    );
    let update = ObjectiveEdit::Update {
        objective_id: "o2".into(),
        title: "Returns without a call".into(),
        business_value: 9,
        committed: true,
    };
    let changed = apply(&mut map, update, "-");
    assert_eq!(objectives(&map)[1], "Returns without a call 9 committed");
    let delete = ObjectiveEdit::Delete {
        objective_id: "o3".into(),
    };
    let deleted = apply(&mut map, delete, "-");
    assert_eq!(deleted.label, "Delete objective 'Partner API'");
    assert_eq!(objectives(&map).len(), 2);
    map.revert(&deleted, TIME).unwrap();
    assert_eq!(objectives(&map)[0], "Partner API 3 stretch");
    map.revert(&changed, TIME).unwrap();
    assert_eq!(objectives(&map)[1], "Self-service returns 5 stretch");
    map.revert(&moved, TIME).unwrap();
    assert_eq!(objectives(&map)[0], "Self-service returns 5 stretch");
}

#[test]
fn bad_objectives_are_refused_with_a_clear_error() {
    let mut map = small_map();
    let refused = |map: &mut MapDocument, edit: ObjectiveEdit| {
        map.apply(&edit.into(), &ctx("x")).unwrap_err().to_string()
    };
    let zero = refused(&mut map, add("Faster checkout", 0, true));
    assert!(zero.contains("business value is 1 to 10 (got 0)"), "{zero}");
    let eleven = refused(&mut map, add("Faster checkout", 11, true));
    assert!(eleven.contains("(got 11)"), "{eleven}");
    let blank = refused(&mut map, add("   ", 5, true));
    assert!(blank.contains("objective"), "{blank}");
    let unknown = map.apply(&align("c0", Some("nope")).into(), &ctx("x"));
    assert!(matches!(
        unknown,
        Err(CoreError::NotFound {
            kind: "objective",
            ..
        })
    ));
    for n in 0..storymap_core::objectives::MAX_OBJECTIVES {
        apply(
            &mut map,
            add(&format!("Objective {n}"), 5, false),
            &format!("o{n}"),
        );
    }
    let full = refused(&mut map, add("One more", 5, false));
    assert!(full.contains("at most 50 objectives"), "{full}");
}

#[test]
fn a_story_aligns_to_one_objective_and_a_deleted_one_reads_as_none() {
    let mut map = small_map();
    apply(&mut map, add("Faster checkout", 8, true), "o1");
    apply(&mut map, add("Self-service returns", 5, false), "o2");
    let record = apply(&mut map, align("c0", Some("o1")), "-");
    assert_eq!(
        record.label,
        "Align 'Story c0' to objective 'Faster checkout'"
    );
    apply(&mut map, align("c1", Some("o1")), "-");
    let moved = apply(&mut map, align("c1", Some("o2")), "-");
    let some = |t: &str| Some(t.to_owned());
    assert_eq!(
        alignments(&map),
        [
            ("c0".into(), some("Faster checkout")),
            ("c1".into(), some("Self-service returns"))
        ]
    );
    map.revert(&moved, TIME).unwrap();
    assert_eq!(alignments(&map)[1].1, some("Faster checkout"));
    let off = apply(&mut map, align("c1", None), "-");
    assert_eq!(off.label, "Take 'Story c1' off its objective");
    assert_eq!(alignments(&map)[1].1, None);
    // Deleting the objective leaves c0's alignment in place for undo, but it reads as none.
    let delete = ObjectiveEdit::Delete {
        objective_id: "o1".into(),
    };
    let deleted = apply(&mut map, delete, "-");
    assert_eq!(alignments(&map)[0].1, None);
    assert!(map
        .apply(&align("c1", Some("o1")).into(), &ctx("x"))
        .is_err());
    map.revert(&deleted, TIME).unwrap();
    assert_eq!(alignments(&map)[0].1, some("Faster checkout"));
    // The story's history says what happened, not which id.
    let said: Vec<String> = (storymap_core::story_timeline(&map, "c1").into_iter())
        .map(|e| e.summary)
        .filter(|s| s.contains("objective"))
        .collect();
    assert_eq!(
        said,
        [
            "ana took it off its objective",
            "ana changed the objective",
            "ana changed the objective",
            "ana aligned it to an objective"
        ]
    );
}

#[test]
fn two_laptops_add_objectives_offline_and_both_keep_theirs() {
    let mut ana = small_map();
    let mut ben = copy_for(&ana, "ben");
    // Each makes the map's first objective (and so its own objectives map).
    apply(&mut ana, add("Faster checkout", 8, true), "oa");
    apply(&mut ana, align("c0", Some("oa")), "-");
    apply(&mut ben, add("Self-service returns", 5, false), "ob");
    apply(&mut ben, align("c1", Some("ob")), "-");
    ana.merge(&ben.save()).unwrap();
    ben.merge(&ana.save()).unwrap();
    assert_eq!(objectives(&ana), objectives(&ben));
    assert_eq!(objectives(&ana).len(), 2);
    assert_eq!(alignments(&ana), alignments(&ben));
    assert!(alignments(&ana).iter().all(|(_, o)| o.is_some()));
    // Either side changes and deletes whichever objective sits in the hidden copy.
    for (map, id) in [(&mut ana, "ob"), (&mut ben, "oa")] {
        let update = ObjectiveEdit::Update {
            objective_id: id.into(),
            title: format!("Renamed {id}"),
            business_value: 2,
            committed: true,
        };
        apply(map, update, "-");
    }
    ana.merge(&ben.save()).unwrap();
    ben.merge(&ana.save()).unwrap();
    assert_eq!(objectives(&ana), objectives(&ben));
    let titles = objectives(&ana).join(", ");
    assert!(
        titles.contains("Renamed oa 2") && titles.contains("Renamed ob 2"),
        "{titles}"
    );
}

/// One step of the proptest: a peer adds, renames, moves, deletes or aligns, or two sync.
#[derive(Debug, Clone)]
enum Step {
    Add {
        peer: usize,
    },
    Rename {
        peer: usize,
        which: usize,
    },
    Move {
        peer: usize,
        which: usize,
        to: usize,
    },
    Delete {
        peer: usize,
        which: usize,
    },
    Align {
        peer: usize,
        story: usize,
        which: usize,
    },
    Sync {
        from: usize,
        to: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    let peer = 0..3usize;
    prop_oneof![
        peer.clone().prop_map(|peer| Step::Add { peer }),
        (peer.clone(), 0..4usize).prop_map(|(peer, which)| Step::Rename { peer, which }),
        (peer.clone(), 0..4usize, 0..4usize).prop_map(|(peer, which, to)| Step::Move {
            peer,
            which,
            to
        }),
        (peer.clone(), 0..4usize).prop_map(|(peer, which)| Step::Delete { peer, which }),
        (peer, 0..2usize, 0..4usize).prop_map(|(peer, story, which)| Step::Align {
            peer,
            story,
            which
        }),
        (0..3usize, 0..3usize).prop_map(|(from, to)| Step::Sync { from, to }),
    ]
}

fn edit_for(map: &MapDocument, step: &Step, fresh: &str) -> Option<(usize, ObjectiveEdit)> {
    let ids: Vec<String> = (map.read_settings().objectives.into_iter())
        .map(|o| o.id)
        .collect();
    let pick = |which: usize| ids.get(which % ids.len().max(1)).cloned();
    let edit = match *step {
        Step::Add { peer } => (peer, add(&format!("Objective {fresh}"), 5, false)),
        Step::Rename { peer, which } => (
            peer,
            ObjectiveEdit::Update {
                objective_id: pick(which)?,
                title: format!("Renamed by {peer}"),
                business_value: 1 + peer as u8,
                committed: peer == 0,
            },
        ),
        Step::Move { peer, which, to } => (
            peer,
            ObjectiveEdit::Move {
                objective_id: pick(which)?,
                to,
            },
        ),
        Step::Delete { peer, which } => (
            peer,
            ObjectiveEdit::Delete {
                objective_id: pick(which)?,
            },
        ),
        Step::Align { peer, story, which } => {
            (peer, align(["c0", "c1"][story], Some(&pick(which)?)))
        }
        Step::Sync { .. } => return None,
    };
    Some(edit)
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let mut maps = three_copies();
    let (mut added, mut deleted) = (Vec::new(), Vec::new());
    for (n, step) in steps.iter().enumerate() {
        if let Step::Sync { from, to } = *step {
            let other = maps[from].save();
            maps[to].merge(&other).unwrap();
            continue;
        }
        let peer = match step {
            Step::Add { peer } | Step::Rename { peer, .. } | Step::Move { peer, .. } => *peer,
            Step::Delete { peer, .. } | Step::Align { peer, .. } => *peer,
            Step::Sync { .. } => unreachable!(),
        };
        let fresh = format!("p{peer}n{n}");
        if let Some((peer, edit)) = edit_for(&maps[peer], step, &fresh) {
            match &edit {
                ObjectiveEdit::Add { .. } => added.push(fresh.clone()),
                ObjectiveEdit::Delete { objective_id } => deleted.push(objective_id.clone()),
                _ => {}
            }
            maps[peer].apply(&edit.into(), &ctx(&fresh)).unwrap();
        }
    }
    sync_all(&mut maps);
    let first = (objectives(&maps[0]), alignments(&maps[0]));
    for map in &maps[1..] {
        prop_assert_eq!(&(objectives(map), alignments(map)), &first);
    }
    // Nothing is lost or doubled: each added objective is there once unless a peer deleted it.
    let mut ids: Vec<String> = (maps[0].read_settings().objectives.into_iter())
        .map(|o| o.id)
        .collect();
    ids.sort();
    prop_assert_eq!(ids, survivors(added, &deleted));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Objectives added, renamed, moved, deleted and aligned on three offline copies that
    /// sync in any order: every copy ends with the same objectives in the same order and
    /// the same alignments.
    #[test]
    fn objectives_edited_on_three_copies_converge(steps in prop::collection::vec(step(), 1..30)) {
        run(&steps)?;
    }
}
