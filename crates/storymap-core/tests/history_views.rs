//! After a sync: what changed and who changed it, where two people disagreed, settling
//! that, and restoring the past. Two replicas of one map (ana's and ben's) edit
//! concurrently and merge.

use expect_test::{expect, Expect};
use storymap_core::{
    changes_since, conflicts, history_points, story_timeline, Conflict, Edit, EditContext,
    HistoryEdit, MapChanges, MapDocument, Since, StoryStatus, UndoRecord,
};
use storymap_core::{BackboneEdit, CardEdit, CriteriaEdit, EstimateEdit, SliceEdit, StoryEdit};

const T: i64 = 1_700_000_000;

fn at(id: &str, time: i64) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: T + time,
        author: "ana".into(),
    }
}

fn apply(map: &mut MapDocument, edit: Edit, id: &str, time: i64) -> UndoRecord {
    let applied = map.apply(&edit, &at(id, time)).unwrap();
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

fn refine(map: &mut MapDocument, edit: impl Into<Edit>, id: &str, time: i64) -> UndoRecord {
    apply(map, edit.into(), id, time)
}

/// Activity "Shop" with steps Checkout (s1) and Pay (s2); slices MVP (r1) and Release 2
/// (r2); stories "Pay by card" (c1) and "Show the total" (c2) in Checkout / MVP.
fn ana_map() -> MapDocument {
    let mut map = MapDocument::create("m", "Shop", "ana", T).unwrap();
    let edits = [
        (
            Edit::from(BackboneEdit::AddActivity {
                title: "Shop".into(),
            }),
            "a1",
        ),
        (
            Edit::from(BackboneEdit::AddStep {
                activity_id: "a1".into(),
                title: "Checkout".into(),
            }),
            "s1",
        ),
        (
            Edit::from(BackboneEdit::AddStep {
                activity_id: "a1".into(),
                title: "Pay".into(),
            }),
            "s2",
        ),
        (
            Edit::from(SliceEdit::AddRelease {
                title: "MVP".into(),
            }),
            "r1",
        ),
        (
            Edit::from(SliceEdit::AddRelease {
                title: "Release 2".into(),
            }),
            "r2",
        ),
    ];
    for (edit, id) in edits {
        apply(&mut map, edit, id, 0);
    }
    for (id, title) in [("c1", "Pay by card"), ("c2", "Show the total")] {
        let add = Edit::from(CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r1".into(),
            title: title.into(),
        });
        apply(&mut map, add, id, 1);
    }
    map
}

fn copy_for(map: &MapDocument, author: &str) -> MapDocument {
    let mut copy = MapDocument::load(&map.save()).unwrap();
    copy.set_author(author);
    copy
}

/// Both replicas take each other's changes.
fn sync(a: &mut MapDocument, b: &mut MapDocument) {
    a.merge(&b.save()).unwrap();
    b.merge(&a.save()).unwrap();
    assert_eq!(a.heads(), b.heads());
}

fn rename(map: &mut MapDocument, story: &str, title: &str, time: i64) -> UndoRecord {
    let edit = Edit::from(CardEdit::RenameStory {
        story_id: story.into(),
        title: title.into(),
    });
    apply(map, edit, "-", time)
}

fn move_story(map: &mut MapDocument, story: &str, step: &str, release: &str, time: i64) {
    let edit = Edit::from(CardEdit::MoveStory {
        story_id: story.into(),
        step_id: step.into(),
        release_id: release.into(),
        to_index: 0,
    });
    apply(map, edit, "-", time);
}

fn render_conflicts(found: &[Conflict]) -> String {
    let mut out = String::new();
    for c in found {
        out += &format!(
            "{} '{}' {} ({}):\n",
            c.story_id, c.story_title, c.field, c.field_label
        );
        let mut values: Vec<_> = c.values.iter().collect();
        values.sort_by(|a, b| a.display.cmp(&b.display));
        for v in values {
            let shown = if v.choice == c.winner { " (shown)" } else { "" };
            out += &format!(
                "  {} by {} at +{}{shown}\n",
                v.display,
                v.author,
                v.unix_time - T
            );
        }
    }
    out
}

fn choice_of(conflict: &Conflict, display: &str) -> String {
    let value = conflict.values.iter().find(|v| v.display == display);
    value.expect("a value shown so").choice.clone()
}

fn settle(map: &mut MapDocument, conflict: &Conflict, display: &str, time: i64) -> UndoRecord {
    let edit = HistoryEdit::ResolveConflict {
        story_id: conflict.story_id.clone(),
        field: conflict.field.clone(),
        choice: choice_of(conflict, display),
    };
    apply(map, Edit::History(edit), "-", time)
}

#[test]
fn concurrent_renames_show_as_one_conflict_and_settling_it_holds_on_both_replicas() {
    let mut ana = ana_map();
    let mut ben = copy_for(&ana, "ben");
    rename(&mut ana, "c1", "Pay with a card", 10);
    rename(&mut ben, "c1", "Card payment", 20);
    refine(
        &mut ben,
        EstimateEdit::SetEstimate {
            story_id: "c2".into(),
            estimate: Some("3".into()),
        },
        "-",
        21,
    );
    sync(&mut ana, &mut ben);

    let found = conflicts(&ana);
    let shown = ana.read_story("c1").unwrap().title;
    let expected = expect![[r#"
        c1 'TITLE' title (title):
          Card payment by ben at +20
          Pay with a card by ana at +10
    "#]];
    let text = render_conflicts(&found).replace(&format!("'{shown}'"), "'TITLE'");
    expected.assert_eq(&text.replace(" (shown)", ""));
    assert_eq!(found.len(), 1, "the estimate was not disputed");
    assert_eq!(
        conflicts(&ben),
        found,
        "both replicas see the same conflict"
    );
    let winner = found[0].values.iter().find(|v| v.choice == found[0].winner);
    assert_eq!(winner.unwrap().display, shown);

    // Ana keeps the value that is not shown now; the other one is gone for good.
    let other = if shown == "Card payment" {
        "Pay with a card"
    } else {
        "Card payment"
    };
    settle(&mut ana, &found[0], other, 30);
    assert!(conflicts(&ana).is_empty());
    assert_eq!(ana.read_story("c1").unwrap().title, other);
    sync(&mut ana, &mut ben);
    assert!(conflicts(&ben).is_empty());
    assert_eq!(ben.read_story("c1").unwrap().title, other);

    // A stale choice is refused clearly.
    let stale = HistoryEdit::ResolveConflict {
        story_id: "c1".into(),
        field: "title".into(),
        choice: found[0].winner.clone(),
    };
    let error = ana.apply(&Edit::History(stale), &at("-", 40)).unwrap_err();
    assert!(error.to_string().contains("no longer there"), "{error}");
}

#[test]
fn settling_keeps_the_shown_value_too_and_undo_puts_back_what_was_shown() {
    let mut ana = ana_map();
    let mut ben = copy_for(&ana, "ben");
    refine(
        &mut ana,
        StoryEdit::SetStatus {
            story_id: "c2".into(),
            status: StoryStatus::Ready,
        },
        "-",
        10,
    );
    refine(
        &mut ben,
        StoryEdit::SetStatus {
            story_id: "c2".into(),
            status: StoryStatus::Refining,
        },
        "-",
        11,
    );
    sync(&mut ana, &mut ben);
    let found = conflicts(&ana);
    assert_eq!(
        render_conflicts(&found).lines().next(),
        Some("c2 'Show the total' status (status):")
    );
    let shown = ana.read_story("c2").unwrap().status;
    let shown_label = shown.default_label();
    // Keeping the value already shown still settles the conflict.
    settle(&mut ana, &found[0], shown_label, 20);
    assert!(conflicts(&ana).is_empty());
    assert_eq!(ana.read_story("c2").unwrap().status, shown);
    // The timeline says it was kept, not "changed from X to X".
    let latest = storymap_core::story_timeline(&ana, "c2");
    assert_eq!(
        latest[0].summary,
        format!("ana kept the status {shown_label}")
    );

    // Settling for the other value, then undoing that, shows the first value again.
    let mut ana = ana_map();
    let mut ben = copy_for(&ana, "ben");
    rename(&mut ana, "c2", "Total", 10);
    rename(&mut ben, "c2", "Sum", 11);
    sync(&mut ana, &mut ben);
    let found = conflicts(&ana);
    let shown = ana.read_story("c2").unwrap().title;
    let other = if shown == "Total" { "Sum" } else { "Total" };
    let record = settle(&mut ana, &found[0], other, 20);
    assert_eq!(
        record.label,
        "Settle the title of 'TITLE'".replace("TITLE", &shown)
    );
    assert_eq!(ana.read_story("c2").unwrap().title, other);
    let reverted = ana.revert(&record, T + 30).unwrap();
    assert_eq!(reverted.skipped, 0);
    assert_eq!(ana.read_story("c2").unwrap().title, shown);
    assert!(conflicts(&ana).is_empty(), "undo writes one value");
}

/// Ana's and ben's replicas with chosen actor ids, so a test covers both winners.
fn replicas_with_actors(ana_actor: u8, ben_actor: u8) -> (MapDocument, MapDocument) {
    let mut ana = ana_map();
    let mut ben = copy_for(&ana, "ben");
    ana.sync_doc()
        .set_actor(automerge::ActorId::from(vec![ana_actor; 16]));
    ben.sync_doc()
        .set_actor(automerge::ActorId::from(vec![ben_actor; 16]));
    (ana, ben)
}

#[test]
fn a_card_moved_to_two_places_shows_in_one_of_them_as_one_position_conflict() {
    for (ana_actor, ben_actor) in [(1, 2), (2, 1)] {
        let (mut ana, mut ben) = replicas_with_actors(ana_actor, ben_actor);
        // Ana changes only the step, ben only the slice: field by field, the card would
        // land in Pay / Release 2, where nobody put it.
        move_story(&mut ana, "c1", "s2", "r1", 10);
        move_story(&mut ben, "c1", "s1", "r2", 20);
        sync(&mut ana, &mut ben);
        let shown = ana.read_story("c1").unwrap();
        let place = (shown.step_id.as_str(), shown.release_id.as_str());
        assert!([("s2", "r1"), ("s1", "r2")].contains(&place), "{place:?}");
        let found = conflicts(&ana);
        let text = render_conflicts(&found);
        let expected = expect![[r#"
            c1 'Pay by card' position (position):
              Checkout / Release 2 by ben at +20
              Pay / MVP by ana at +10
        "#]];
        expected.assert_eq(&text.replace(" (shown)", ""));
        assert_eq!(text.matches("(shown)").count(), 1);

        settle(&mut ana, &found[0], "Pay / MVP", 30);
        let story = ana.read_story("c1").unwrap();
        assert_eq!(
            (story.step_id.as_str(), story.release_id.as_str()),
            ("s2", "r1")
        );
        assert!(conflicts(&ana).is_empty());
        sync(&mut ana, &mut ben);
        assert!(conflicts(&ben).is_empty());
        assert_eq!(ben.read().unwrap(), ana.read().unwrap());
    }
}

#[test]
fn two_reorders_in_one_cell_name_the_positions() {
    let mut ana = ana_map();
    let add = Edit::from(CardEdit::AddStory {
        step_id: "s1".into(),
        release_id: "r1".into(),
        title: "Apply a voucher".into(),
    });
    apply(&mut ana, add, "c3", 2);
    let mut ben = copy_for(&ana, "ben");
    let reorder = |to_index| {
        Edit::from(CardEdit::MoveStory {
            story_id: "c1".into(),
            step_id: "s1".into(),
            release_id: "r1".into(),
            to_index,
        })
    };
    apply(&mut ana, reorder(2), "-", 10);
    apply(&mut ben, reorder(1), "-", 20);
    sync(&mut ana, &mut ben);
    let expected = expect![[r#"
        c1 'Pay by card' position (position):
          Checkout / MVP, position 2 by ben at +20
          Checkout / MVP, position 3 by ana at +10
    "#]];
    expected.assert_eq(&render_conflicts(&conflicts(&ana)).replace(" (shown)", ""));
}

fn render_changes(changes: &MapChanges) -> String {
    let mut out = format!(
        "{} changes by {}\n",
        changes.change_count,
        changes.authors.join(", ")
    );
    for story in &changes.stories {
        let removed = if story.removed { " (removed)" } else { "" };
        out += &format!("{} '{}'{removed}\n", story.story_id, story.title);
        for e in &story.entries {
            out += &format!("  +{} {:?} {}\n", e.unix_time - T, e.kind, e.summary);
        }
    }
    out += "map:\n";
    for e in &changes.map_entries {
        out += &format!("  +{} {:?} {}\n", e.unix_time - T, e.kind, e.summary);
    }
    out
}

/// Ben's afternoon, merged into ana's replica after she recorded her heads.
/// Also answers ana's heads before (the state `ana_map` builds).
fn bens_afternoon() -> (MapDocument, Vec<storymap_core::ChangeHash>) {
    let mut ana = ana_map();
    let synced = ana.heads();
    let mut ben = copy_for(&ana, "ben");
    let estimate = |estimate: &str| EstimateEdit::SetEstimate {
        story_id: "c2".into(),
        estimate: Some(estimate.into()),
    };
    refine(&mut ben, estimate("3"), "-", 100);
    refine(&mut ben, estimate("5"), "-", 200);
    move_story(&mut ben, "c1", "s2", "r2", 300);
    let criteria = CriteriaEdit::AddCriteria {
        story_id: "c2".into(),
        text: "Shows the total".into(),
    };
    refine(&mut ben, criteria, "k", 400);
    let edit = CriteriaEdit::UpdateCriterion {
        story_id: "c2".into(),
        criterion_id: "k-0".into(),
        text: "Shows the total with tax".into(),
        given: String::new(),
        when: String::new(),
        then: String::new(),
    };
    refine(&mut ben, edit, "-", 450);
    apply(
        &mut ben,
        Edit::from(BackboneEdit::RenameStep {
            step_id: "s2".into(),
            title: "Payment".into(),
        }),
        "-",
        500,
    );
    apply(
        &mut ben,
        Edit::from(CardEdit::DeleteStory {
            story_id: "c1".into(),
        }),
        "-",
        600,
    );
    rename(&mut ana, "c2", "Show the basket total", 650);
    ana.merge(&ben.save()).unwrap();
    (ana, synced)
}

fn check_changes(map: &MapDocument, since: Since, expected: Expect) {
    expected.assert_eq(&render_changes(&changes_since(map, &since)));
}

#[test]
fn what_changed_since_the_last_sync_is_told_per_story_newest_first() {
    let (ana, synced) = bens_afternoon();
    check_changes(
        &ana,
        Since::Heads(synced),
        expect![[r#"
            8 changes by ana, ben
            c2 'Show the basket total'
              +650 Edited ana changed the title from 'Show the total' to 'Show the basket total'
              +450 CriterionEdited ben changed the criterion 'Shows the total' to 'Shows the total with tax'
              +400 CriterionAdded ben added the criterion 'Shows the total'
              +200 Edited ben changed the estimate from 3 to 5
              +100 Edited ben estimated it at 3
            c1 'Pay by card' (removed)
              +600 Removed ben removed the story
              +300 Moved ben moved it to Pay / Release 2
            map:
              +500 Backbone ben renamed the step 'Pay' to 'Payment'
        "#]],
    );
    check_changes(
        &ana,
        Since::Time(T + 450),
        expect![[r#"
            4 changes by ana, ben
            c2 'Show the basket total'
              +650 Edited ana changed the title from 'Show the total' to 'Show the basket total'
              +450 CriterionEdited ben changed the criterion 'Shows the total' to 'Shows the total with tax'
            c1 'Pay by card' (removed)
              +600 Removed ben removed the story
            map:
              +500 Backbone ben renamed the step 'Pay' to 'Payment'
        "#]],
    );
    let everything = changes_since(&ana, &Since::Heads(Vec::new()));
    assert_eq!(
        everything.map_entries.last().unwrap().summary,
        "ana created the map 'Shop'"
    );
}

#[test]
fn a_story_timeline_runs_from_now_back_to_its_creation() {
    let (ana, _) = bens_afternoon();
    let lines: Vec<String> = story_timeline(&ana, "c1")
        .iter()
        .map(|e| format!("+{} {}", e.unix_time - T, e.summary))
        .collect();
    expect![[r#"
        +600 ben removed the story
        +300 ben moved it to Pay / Release 2
        +1 ana added the story"#]]
    .assert_eq(&lines.join("\n"));
    assert!(story_timeline(&ana, "nope").is_empty());
}

#[test]
fn history_points_list_every_change_newest_first() {
    let (ana, _) = bens_afternoon();
    let points = history_points(&ana, 3);
    let lines: Vec<String> = points
        .iter()
        .map(|p| format!("+{} {}: {}", p.unix_time - T, p.author, p.label))
        .collect();
    expect![[r#"
        +650 ana: Rename story to 'Show the basket total'
        +600 ben: Delete story 'Pay by card'
        +500 ben: Rename step to 'Payment'"#]]
    .assert_eq(&lines.join("\n"));
}

#[test]
fn a_deleted_and_edited_story_is_restored_as_it_was_and_undo_takes_that_back() {
    let (mut ana, before_ben) = bens_afternoon();
    // Ben deleted c1 after moving it; before that it was in Checkout / MVP.
    let restore = HistoryEdit::RestoreStory {
        story_id: "c1".into(),
        at: before_ben.iter().map(|h| h.to_string()).collect(),
    };
    let record = apply(&mut ana, Edit::History(restore), "-", 700);
    let story = ana.read_story("c1").expect("back on the map");
    assert_eq!(
        (
            story.title.as_str(),
            story.step_id.as_str(),
            story.release_id.as_str()
        ),
        ("Pay by card", "s1", "r1")
    );
    assert_eq!(record.label, "Restore 'Pay by card' as it was");

    // c2: its criterion and estimate came later, so restoring drops them.
    let restore = HistoryEdit::RestoreStory {
        story_id: "c2".into(),
        at: before_ben.iter().map(|h| h.to_string()).collect(),
    };
    apply(&mut ana, Edit::History(restore), "-", 710);
    let c2 = ana.read_story("c2").unwrap();
    assert_eq!(c2.title, "Show the total");
    assert_eq!(c2.estimate, None);
    assert!(c2.acceptance_criteria.is_empty());

    ana.revert(&record, T + 720).unwrap();
    assert!(
        ana.read_story("c1").is_none(),
        "undoing the restore deletes it again"
    );

    let bad = HistoryEdit::RestoreStory {
        story_id: "c1".into(),
        at: vec!["00".repeat(32)],
    };
    let error = ana.apply(&Edit::History(bad), &at("-", 730)).unwrap_err();
    assert!(error.to_string().contains("has no change"), "{error}");
}

#[test]
fn one_field_is_restored_alone_and_the_past_map_can_be_read() {
    let (mut ana, past) = bens_afternoon();
    let hex: Vec<String> = past.iter().map(|h| h.to_string()).collect();
    let restore = HistoryEdit::RestoreField {
        story_id: "c2".into(),
        field: "title".into(),
        at: hex.clone(),
    };
    apply(&mut ana, Edit::History(restore), "-", 700);
    let c2 = ana.read_story("c2").unwrap();
    assert_eq!(c2.title, "Show the total");
    assert_eq!(c2.estimate.as_deref(), Some("5"), "other fields stay");
    assert_eq!(c2.acceptance_criteria.len(), 1);

    let then = ana.read_at(&past).unwrap();
    assert_eq!(then.stories.len(), 2);
    assert_eq!(then.activities[0].steps[1].title, "Pay");
    assert!(ana.read().unwrap().stories.iter().all(|s| s.id != "c1"));

    let unknown = HistoryEdit::RestoreField {
        story_id: "c2".into(),
        field: "rank".into(),
        at: hex,
    };
    let error = ana
        .apply(&Edit::History(unknown), &at("-", 710))
        .unwrap_err();
    assert_eq!(error.to_string(), "'rank' is not a story field");
}
