//! Merging someone else's changes: what it touched, and what it refuses.

mod merge_common;

use merge_common::*;
use storymap_core::{BackboneEdit, CardEdit, SliceEdit};
use storymap_core::{CoreError, Edit, MapDocument};

#[test]
fn a_merge_names_the_stories_and_parts_it_touched_and_who_made_the_changes() {
    let ana = small_map();
    let mut ben = copy_for(&ana, "ben");
    let before = ben.heads();
    ben.apply(
        &Edit::from(CardEdit::RenameStory {
            story_id: "c1".into(),
            title: "Search by barcode".into(),
        }),
        &ctx("-"),
    )
    .unwrap();
    ben.apply(
        &Edit::from(SliceEdit::AddRelease {
            title: "Later".into(),
        }),
        &ctx("r2"),
    )
    .unwrap();

    let mut ana = ana;
    let merged = ana
        .merge(&ben.automerge().save_after(&before))
        .unwrap()
        .expect("two changes were new");
    assert_eq!(merged.applied.stories, vec!["c1".to_owned()]);
    assert!(merged.applied.outline_changed);
    assert!(!merged.applied.settings_changed && !merged.applied.map_renamed);
    assert!(
        merged.applied.writes.is_empty(),
        "not the local user's to undo"
    );
    assert_eq!(merged.change_count, 2);
    assert_eq!(merged.applied.label, "Merged 2 changes by ben");
    assert_eq!(ana.read_story("c1").unwrap().title, "Search by barcode");

    // The same bytes again, or a whole copy of what we have, bring nothing new.
    assert!(ana.merge(&ben.save()).unwrap().is_none());
    assert!(ana.merge(&ana.save()).unwrap().is_none());
}

#[test]
fn a_merged_step_move_names_the_stories_that_changed_activity() {
    let ana = small_map();
    let mut ben = copy_for(&ana, "ben");
    let before = ben.heads();
    ben.apply(
        &Edit::from(BackboneEdit::AddActivity {
            title: "Pay".into(),
        }),
        &ctx("a2"),
    )
    .unwrap();
    ben.apply(
        &Edit::from(BackboneEdit::MoveStep {
            step_id: "s1".into(),
            activity_id: "a2".into(),
            to_index: 0,
        }),
        &ctx("-"),
    )
    .unwrap();
    let mut ana = ana;
    let merged = ana
        .merge(&ben.automerge().save_after(&before))
        .unwrap()
        .expect("two changes were new");
    let mut stories = merged.applied.stories.clone();
    stories.sort();
    // The store rewrites these rows: each holds its activity.
    assert_eq!(stories, ["c0", "c1"]);
    assert_eq!(ana.read_story("c0").unwrap().activity_id, "a2");
}

#[test]
fn a_merged_new_story_and_a_renamed_map_are_reported() {
    let mut ana = small_map();
    let mut fresh = copy_for(&ana, "ana");
    let mut ben = copy_for(&ana, "ben");
    ben.apply(
        &Edit::from(CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r1".into(),
            title: "Scan a barcode".into(),
        }),
        &ctx("c2"),
    )
    .unwrap();
    ben.apply(
        &Edit::from(BackboneEdit::RenameMap {
            name: "Grocery shop".into(),
        }),
        &ctx("-"),
    )
    .unwrap();
    let merged = ana.merge(&ben.save()).unwrap().unwrap();
    assert_eq!(merged.applied.stories, vec!["c2".to_owned()]);
    assert!(merged.applied.map_renamed);
    assert_eq!(ana.name(), "Grocery shop");
    // The new changes alone rebuild ben's edits on a copy taken before them.
    fresh.load_incremental(&merged.new_changes).unwrap();
    assert_eq!(fresh.heads(), ana.heads());
}

#[test]
fn changes_of_another_map_are_refused() {
    let mut ana = small_map();
    let other = MapDocument::create("other", "Other map", "eve", TIME).unwrap();
    let error = ana.merge(&other.save()).unwrap_err();
    assert!(
        matches!(&error, CoreError::ForeignDocument(m) if m.contains("another map")),
        "{error}"
    );
}

#[test]
fn a_file_that_is_not_a_story_map_is_refused_with_the_reason() {
    let mut plain = automerge::AutoCommit::new();
    use automerge::transaction::Transactable;
    plain.put(automerge::ROOT, "todo", "milk").unwrap();
    let error = MapDocument::load_verified(&plain.save()).err().unwrap();
    assert_eq!(
        error.to_string(),
        "not a story map document: it has no 'kind' field"
    );
    let error = MapDocument::load_verified(b"not automerge at all")
        .err()
        .unwrap();
    assert!(
        error.to_string().starts_with("the map document is damaged"),
        "{error}"
    );
    let mut bytes = small_map().save();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    assert!(MapDocument::load_verified(&bytes).is_err());
}

/// Capacity settings edited on two laptops at once: velocities conflict like any field, and
/// two ready targets never read as a band upside down (issue #16 item 3).
#[test]
fn concurrent_capacity_edits_merge_into_a_band_that_reads() {
    use storymap_core::capacity::SprintBand;
    use storymap_core::SettingsEdit;
    let mut ana = small_map();
    let target = |min, max| {
        Edit::from(SettingsEdit::SetReadyTarget {
            band: SprintBand { min, max },
        })
    };
    // The target's object exists before the two diverge, so their ends merge field by field.
    ana.apply(&target(1.0, 2.0), &ctx("-")).unwrap();
    let mut ben = copy_for(&ana, "ben");
    let before = ben.heads();
    ana.apply(&target(0.5, 1.0), &ctx("-")).unwrap();
    let velocity = SettingsEdit::SetVelocity { points: Some(30.0) };
    ana.apply(&Edit::from(velocity), &ctx("-")).unwrap();
    ben.apply(&target(3.0, 4.0), &ctx("-")).unwrap();
    let velocity = SettingsEdit::SetVelocity { points: Some(12.0) };
    ben.apply(&Edit::from(velocity), &ctx("-")).unwrap();

    let merged = ana.merge(&ben.automerge().save_after(&before)).unwrap();
    assert!(merged.unwrap().applied.settings_changed);
    ben.merge(&ana.automerge().save_after(&before)).unwrap();
    let (a, b) = (ana.read_settings().capacity, ben.read_settings().capacity);
    assert_eq!(a, b, "both laptops read the same capacity");
    assert!([Some(30.0), Some(12.0)].contains(&a.velocity));
    let SprintBand { min, max } = a.ready_target;
    assert!(min <= max, "{min}–{max}");
    assert!([0.5, 3.0, 1.0, 4.0].contains(&min) && [1.0, 4.0, 3.0].contains(&max));
}
