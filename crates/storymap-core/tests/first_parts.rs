//! Maps made on first use (a story's labels, dependencies, DoR ticks and WSJF parts; the
//! map's settings; its sessions; a round's votes): two offline peers that each made one
//! made two maps under one key. Both are read, and removals reach both, so nothing either
//! peer wrote is hidden by the merge.

mod merge_common;

use std::collections::{BTreeMap, BTreeSet};

use merge_common::*;
use proptest::prelude::*;
use storymap_core::StoryEdit;
use storymap_core::{DependencyEdit, EstimateEdit, SessionEdit, SessionStart, SettingsEdit};
use storymap_core::{Edit, MapDocument, StoryStatus, UndoRecord, WsjfPart};

fn apply(map: &mut MapDocument, edit: impl Into<Edit>) -> storymap_core::Applied {
    map.apply(&edit.into(), &ctx("-")).unwrap()
}

fn label(story: &str, label: &str, on: bool) -> StoryEdit {
    StoryEdit::SetLabel {
        story_id: story.into(),
        label: label.into(),
        on,
    }
}

/// Each of `maps` takes every other's changes.
fn merge_all(maps: &mut [MapDocument]) {
    for i in 0..maps.len() {
        for j in 0..maps.len() {
            if i != j {
                let other = maps[j].save();
                maps[i].merge(&other).unwrap();
            }
        }
    }
}

fn three() -> Vec<MapDocument> {
    let ana = small_map();
    let ben = copy_for(&ana, "ben");
    let cara = copy_for(&ana, "cara");
    vec![ana, ben, cara]
}

fn labels(map: &MapDocument, story: &str) -> Vec<String> {
    map.read_story(story).unwrap().details.labels
}

#[test]
fn three_peers_adding_a_storys_first_label_offline_keep_all_three() {
    let mut maps = three();
    for (map, name) in maps.iter_mut().zip(["checkout", "mobile", "q3"]) {
        apply(map, label("c0", name, true));
    }
    merge_all(&mut maps);
    for map in &maps {
        assert_eq!(labels(map, "c0"), ["checkout", "mobile", "q3"]);
    }

    // A removal on any copy removes the label from every copy that holds it (two peers
    // remove, so at least one removes from a hidden copy, whichever copy won).
    apply(&mut maps[1], label("c0", "checkout", false));
    apply(&mut maps[2], label("c0", "mobile", false));
    merge_all(&mut maps);
    for map in &maps {
        assert_eq!(labels(map, "c0"), ["q3"]);
    }
}

#[test]
fn undoing_a_label_added_beside_a_teammates_first_label_removes_only_it() {
    // Whichever copy of `labels` wins, one of the two undoes into the hidden one.
    let mut maps = three();
    let ana_added = apply(&mut maps[0], label("c1", "risky-api", true));
    apply(&mut maps[1], label("c1", "mobile", true));
    let ben_added = apply(&mut maps[1], label("c1", "tablet", true));
    merge_all(&mut maps);
    for (peer, added) in [(0, ana_added), (1, ben_added)] {
        let undo = UndoRecord {
            label: added.label.clone(),
            writes: added.writes,
        };
        let reverted = maps[peer].revert(&undo, TIME + 60).unwrap();
        assert_eq!(reverted.skipped, 0, "nobody else touched the label");
    }
    merge_all(&mut maps);
    for map in &maps {
        assert_eq!(labels(map, "c1"), ["mobile"]);
    }
}

#[test]
fn first_dependencies_ready_ticks_and_wsjf_parts_made_concurrently_are_all_kept() {
    let mut maps = three();
    let hand_checked = maps[0]
        .read_settings()
        .definition_of_ready
        .into_iter()
        .find(|item| item.rule.is_none())
        .expect("a hand-checked default item")
        .id;
    apply(
        &mut maps[0],
        DependencyEdit::SetDependency {
            story_id: "c0".into(),
            depends_on: "c1".into(),
            on: true,
        },
    );
    apply(
        &mut maps[0],
        EstimateEdit::SetWsjf {
            story_id: "c0".into(),
            part: WsjfPart::Value,
            value: Some(8),
        },
    );
    apply(
        &mut maps[1],
        StoryEdit::SetReadyCheck {
            story_id: "c0".into(),
            item_id: hand_checked.clone(),
            on: true,
        },
    );
    apply(
        &mut maps[1],
        EstimateEdit::SetWsjf {
            story_id: "c0".into(),
            part: WsjfPart::JobSize,
            value: Some(3),
        },
    );
    merge_all(&mut maps);
    for map in &maps {
        let story = map.read_story("c0").unwrap();
        assert_eq!(story.details.depends_on, ["c1"]);
        assert_eq!(
            story.details.ready_checks,
            std::slice::from_ref(&hand_checked)
        );
        assert_eq!(story.details.wsjf.value, Some(8));
        assert_eq!(story.details.wsjf.job_size, Some(3));
    }
}

#[test]
fn settings_first_changed_on_three_laptops_merge_without_a_refusal_and_keep_each_change() {
    let mut maps = three();
    apply(
        &mut maps[0],
        SettingsEdit::SetLabelColor {
            label: "checkout".into(),
            color: Some("#1d4ed8".into()),
        },
    );
    apply(
        &mut maps[1],
        SettingsEdit::SetStatusLabel {
            status: StoryStatus::Ready,
            label: "Good to go".into(),
        },
    );
    apply(
        &mut maps[2],
        SettingsEdit::AddDorItem {
            text: "Designs attached".into(),
        },
    );
    apply(
        &mut maps[0],
        SettingsEdit::SetVelocity { points: Some(21.0) },
    );
    let band = storymap_core::capacity::SprintBand { min: 1.5, max: 3.0 };
    apply(&mut maps[1], SettingsEdit::SetReadyTarget { band });
    let deleted = maps[2].read_settings().definition_of_ready[0].id.clone();
    apply(
        &mut maps[2],
        SettingsEdit::DeleteDorItem {
            item_id: deleted.clone(),
        },
    );
    merge_all(&mut maps);
    for map in &maps {
        let settings = map.read_settings();
        assert_eq!(settings.label_colors["checkout"], "#1d4ed8");
        let ready = settings
            .status_labels
            .iter()
            .find(|(s, _)| *s == StoryStatus::Ready);
        assert_eq!(ready.unwrap().1, "Good to go");
        let dor: Vec<&str> = settings
            .definition_of_ready
            .iter()
            .map(|item| item.text.as_str())
            .collect();
        assert!(dor.contains(&"Designs attached"), "{dor:?}");
        assert_eq!(settings.capacity.velocity, Some(21.0));
        assert_eq!(settings.capacity.ready_target, band);
        assert!(
            settings.definition_of_ready.iter().all(|i| i.id != deleted),
            "the deleted default stays deleted: {dor:?}"
        );
    }
}

#[test]
fn two_sessions_started_offline_on_two_laptops_are_both_kept_with_their_notes() {
    let mut maps = three();
    for (map, id) in maps.iter_mut().zip(["S-ana", "S-ben"]).take(2) {
        let start = SessionEdit::Start(SessionStart::default());
        map.apply(&start.into(), &ctx(id)).unwrap();
        let note = SessionEdit::AddNote {
            session_id: id.into(),
            story_id: None,
            kind: storymap_core::session::NoteKind::Decision,
            text: format!("decided in {id}"),
        };
        map.apply(&note.into(), &ctx(&format!("{id}-n"))).unwrap();
    }
    merge_all(&mut maps);
    for map in &maps {
        let mut ids: Vec<String> = map.read_sessions().into_iter().map(|s| s.id).collect();
        ids.sort();
        assert_eq!(ids, ["S-ana", "S-ben"]);
        let notes = map.read_session("S-ben").unwrap().notes;
        assert_eq!(notes.len(), 1);
    }
    // Either session can still be written to on a copy where it is the hidden one.
    let end = SessionEdit::End {
        session_id: "S-ben".into(),
        health: None,
    };
    maps[2].apply(&end.into(), &ctx("-")).unwrap();
    assert!(maps[2].read_session("S-ben").unwrap().ended_at.is_some());
}

/// One step of the proptest: a peer sets or clears a label on c0, or two peers sync.
#[derive(Debug, Clone)]
enum Step {
    Set { peer: usize, label: usize, on: bool },
    Sync { from: usize, to: usize },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..3usize, 0..3usize, any::<bool>()).prop_map(|(peer, label, on)| Step::Set {
            peer,
            label,
            on
        }),
        (0..3usize, 0..3usize).prop_map(|(from, to)| Step::Sync { from, to }),
    ]
}

const LABELS: [&str; 3] = ["alpha", "beta", "gamma"];

/// Which adds (by number) each peer has seen, and which adds each removal saw.
#[derive(Default)]
struct Knowledge {
    seen: [BTreeSet<usize>; 3],
    adds: BTreeMap<usize, Vec<usize>>,
    removed_seen: Vec<(usize, BTreeSet<usize>)>,
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let mut maps = three();
    let mut known = Knowledge::default();
    let mut next_add = 0;
    for step in steps {
        match *step {
            Step::Set { peer, label, on } => {
                let had = labels(&maps[peer], "c0").contains(&LABELS[label].to_owned());
                apply(&mut maps[peer], self::label("c0", LABELS[label], on));
                // Only a real change writes anything.
                if on && !had {
                    known.adds.entry(label).or_default().push(next_add);
                    known.seen[peer].insert(next_add);
                    next_add += 1;
                } else if !on && had {
                    known.removed_seen.push((label, known.seen[peer].clone()));
                }
            }
            Step::Sync { from, to } if from != to => {
                let bytes = maps[from].save();
                maps[to].merge(&bytes).unwrap();
                let seen = known.seen[from].clone();
                known.seen[to].extend(seen);
            }
            Step::Sync { .. } => {}
        }
    }
    merge_all(&mut maps);
    // A label is there when one of its adds was seen by no removal of it.
    let expected: Vec<String> = (0..3)
        .filter(|label| {
            known.adds.get(label).into_iter().flatten().any(|add| {
                !known
                    .removed_seen
                    .iter()
                    .any(|(l, seen)| l == label && seen.contains(add))
            })
        })
        .map(|label| LABELS[label].to_owned())
        .collect();
    for map in &maps {
        prop_assert_eq!(labels(map, "c0"), expected.clone());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Labels set and cleared on three offline copies that sync in any order: every copy
    /// ends the same, and a label survives exactly when an add of it was unseen by every
    /// removal (a concurrent add is kept, never silently dropped).
    #[test]
    fn labels_edited_on_three_copies_converge_and_keep_every_unseen_add(
        steps in prop::collection::vec(step(), 1..40)
    ) {
        run(&steps)?;
    }
}

#[test]
fn a_merge_names_the_story_whose_hidden_copy_of_labels_a_teammate_kept_writing_to() {
    let mut maps = three();
    apply(&mut maps[0], label("c0", "checkout", true));
    apply(&mut maps[1], label("c0", "mobile", true));
    // Each takes the other's first label, then gets more from a teammate who never took
    // theirs: whichever copy won, one of the two receives writes to the hidden copy.
    let (ana_first, ben_first) = (maps[0].save(), maps[1].save());
    let mut ana_sees = copy_for(&maps[0], "ana");
    ana_sees.merge(&ben_first).unwrap();
    let mut ben_sees = copy_for(&maps[1], "ben");
    ben_sees.merge(&ana_first).unwrap();
    for (writer, new_label, reader) in [(0, "tablet", &mut ben_sees), (1, "watch", &mut ana_sees)] {
        apply(&mut maps[writer], label("c0", new_label, true));
        let colour = SettingsEdit::SetLabelColor {
            label: new_label.into(),
            color: Some("#047857".into()),
        };
        apply(&mut maps[writer], colour);
        let merged = reader.merge(&maps[writer].save()).unwrap().expect("new");
        assert!(labels(reader, "c0").contains(&new_label.to_owned()));
        assert_eq!(merged.applied.stories, ["c0"], "{new_label}");
        assert!(merged.applied.settings_changed, "{new_label}");
    }
}
