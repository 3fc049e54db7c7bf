//! Refinement through the handlers the shells call, on a real data directory.

// A journey reads top to bottom as the user lives it; splitting it would hide the story.
#![allow(clippy::too_many_lines)]

use storymap_api::{
    BacklogQuery, BacklogSort, ErrorCode, MapEdit, MapView, SplitChildInput, StoryTextField,
    Verdict, Workspace,
};
use storymap_api::{CriteriaEdit, DependencyEdit, SettingsEdit, SplitEdit, StoryEdit};

fn open() -> (tempfile::TempDir, Workspace, MapView) {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let view = workspace.open_start_map().unwrap();
    (dir, workspace, view)
}

fn story<'v>(view: &'v MapView, title: &str) -> &'v storymap_api::StoryView {
    view.stories.iter().find(|s| s.title == title).unwrap()
}

#[test]
fn a_dependency_change_updates_both_stories_and_a_cycle_is_refused_by_name() {
    let (_dir, mut workspace, view) = open();
    let map = view.map.id.clone();
    let pay = story(&view, "Pay by card").id.clone();
    let slot = story(&view, "Pick a one-hour delivery slot").id.clone();
    let change = workspace
        .apply_edit(
            &map,
            MapEdit::from(DependencyEdit::SetDependency {
                story_id: pay.clone(),
                depends_on: slot.clone(),
                on: true,
            }),
        )
        .unwrap();
    let ids: Vec<&str> = change.stories.iter().map(|s| s.id.as_str()).collect();
    assert!(
        ids.contains(&pay.as_str()) && ids.contains(&slot.as_str()),
        "{ids:?}"
    );
    let slot_view = change.stories.iter().find(|s| s.id == slot).unwrap();
    assert_eq!(slot_view.refinement.dependents, std::slice::from_ref(&pay));

    let cycle = workspace
        .apply_edit(
            &map,
            MapEdit::from(DependencyEdit::SetDependency {
                story_id: slot.clone(),
                depends_on: pay.clone(),
                on: true,
            }),
        )
        .unwrap_err();
    assert_eq!(cycle.code, ErrorCode::InvalidInput);
    assert_eq!(
        cycle.message,
        "that would make a dependency cycle: 'Pick a one-hour delivery slot' → 'Pay by card' → 'Pick a one-hour delivery slot'"
    );
}

#[test]
fn changing_the_point_limit_re_evaluates_every_story() {
    let (_dir, mut workspace, view) = open();
    let change = workspace
        .apply_edit(
            &view.map.id,
            MapEdit::from(SettingsEdit::SetSmallLimit { points: 3.0 }),
        )
        .unwrap();
    assert_eq!(change.settings.as_ref().unwrap().small_limit, 3.0);
    assert_eq!(change.stories.len(), view.stories.len());
    let live_tracking = change
        .stories
        .iter()
        .find(|s| s.title == "Live driver tracking")
        .unwrap();
    let small = live_tracking
        .refinement
        .invest
        .iter()
        .find(|h| h.message.contains("limit of 3"))
        .unwrap();
    assert_eq!(small.verdict, Verdict::Fail);
}

#[test]
fn a_split_is_one_undo_step_and_the_export_carries_every_refinement_field() {
    let (dir, mut workspace, view) = open();
    let map = view.map.id.clone();
    let pay = story(&view, "Pay by card").id.clone();
    workspace
        .apply_edit(
            &map,
            MapEdit::from(StoryEdit::SetStoryText {
                story_id: pay.clone(),
                field: StoryTextField::SoThat,
                text: "I can finish my order".into(),
            }),
        )
        .unwrap();
    let added = workspace
        .apply_edit(
            &map,
            MapEdit::from(CriteriaEdit::AddCriteria {
                story_id: pay.clone(),
                text: "Visa and Mastercard\n3-D Secure\nDeclined cards explained".into(),
            }),
        )
        .unwrap();
    let card = added.stories.iter().find(|s| s.id == pay).unwrap();
    let criteria: Vec<String> = card
        .acceptance_criteria
        .iter()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(criteria.len(), 2 + 3, "the sample story had two criteria");

    let split = workspace
        .apply_edit(
            &map,
            MapEdit::from(SplitEdit::SplitStory {
                story_id: pay.clone(),
                children: vec![
                    SplitChildInput {
                        title: "Pay by card — happy path".into(),
                        criterion_ids: criteria[..3].to_vec(),
                    },
                    SplitChildInput {
                        title: "Pay by card — errors".into(),
                        criterion_ids: criteria[3..].to_vec(),
                    },
                ],
            }),
        )
        .unwrap();
    assert_eq!(split.removed_story_ids, std::slice::from_ref(&pay));
    assert_eq!(split.stories.len(), 2);
    assert!(split
        .stories
        .iter()
        .all(|s| s.split_from_title.as_deref() == Some("Pay by card")
            && s.so_that == "I can finish my order"));
    workspace.undo(&map).unwrap();
    assert_eq!(
        workspace.view(&map).unwrap().stories.len(),
        view.stories.len()
    );
    workspace.redo(&map).unwrap();

    // The JSON export carries the new fields, and importing it gives the same map.
    let exported = workspace.view(&map).unwrap();
    let json = serde_json::to_string(&exported).unwrap();
    let reimported = workspace.import_json(&json).unwrap();
    let strip = |v: &MapView| {
        let mut v = v.clone();
        v.map.id.clear();
        for s in &mut v.stories {
            s.rank.clear();
        }
        for a in &mut v.activities {
            a.rank.clear();
            for s in &mut a.steps {
                s.rank.clear();
            }
        }
        for r in &mut v.releases {
            r.rank.clear();
        }
        v
    };
    assert_eq!(strip(&reimported), strip(&exported));
    drop(dir);
}

#[test]
fn the_backlog_lists_counts_and_sorts() {
    let (_dir, mut workspace, view) = open();
    let map = view.map.id.clone();
    let all = workspace.backlog(&map, BacklogQuery::default()).unwrap();
    assert_eq!(all.story_ids.len(), view.stories.len());
    assert_eq!(all.stories as usize, view.stories.len());
    let pay = story(&view, "Pay by card").id.clone();
    workspace
        .apply_edit(
            &map,
            MapEdit::from(StoryEdit::SetStoryText {
                story_id: pay,
                field: StoryTextField::NeedsInputFrom,
                text: "UX".into(),
            }),
        )
        .unwrap();
    let by_estimate = workspace
        .backlog(
            &map,
            BacklogQuery {
                sort: BacklogSort::Estimate,
                ..BacklogQuery::default()
            },
        )
        .unwrap();
    // The sample has eleven stories passing the Definition of Ready, one blocked and one
    // waiting for UX; now a second one waits for input.
    assert_eq!(
        by_estimate.headline,
        "11 ready (30 pts), 1 blocked, 2 need input"
    );
    let first = view
        .stories
        .iter()
        .find(|s| s.id == by_estimate.story_ids[0])
        .unwrap();
    assert_eq!(first.estimate.as_deref(), Some("1"));
    assert_eq!(workspace.split_patterns("Pay by card").len(), 8);
}

#[test]
fn an_edit_lists_a_storys_dependents_in_map_order_as_opening_the_map_does() {
    let (_dir, mut workspace, view) = open();
    let map = view.map.id.clone();
    let target = story(&view, "Pick a one-hour delivery slot").id.clone();
    // Three stories, in map order, not the order their ids sort in.
    let mut others: Vec<String> = view
        .stories
        .iter()
        .filter(|s| s.id != target && s.depends_on.is_empty())
        .map(|s| s.id.clone())
        .take(3)
        .collect();
    others.reverse();
    for id in &others {
        let edit = DependencyEdit::SetDependency {
            story_id: id.clone(),
            depends_on: target.clone(),
            on: true,
        };
        workspace.apply_edit(&map, MapEdit::from(edit)).unwrap();
    }
    // The last of them moves first in the map: map order is no longer id order.
    let first = &view.stories[0];
    let edit = storymap_api::CardEdit::MoveStory {
        story_id: others[0].clone(),
        step_id: first.step_id.clone(),
        release_id: first.release_id.clone(),
        to_index: 0,
    };
    workspace.apply_edit(&map, MapEdit::from(edit)).unwrap();
    let edit = StoryEdit::SetStoryText {
        story_id: target.clone(),
        field: StoryTextField::BlockedReason,
        text: "Waiting for the slot API".into(),
    };
    let change = workspace.apply_edit(&map, MapEdit::from(edit)).unwrap();
    let after_edit = &change.stories.iter().find(|s| s.id == target).unwrap();
    let opened = workspace.open_map(&map).unwrap();
    let on_open = story(&opened, "Pick a one-hour delivery slot");
    assert_eq!(on_open.refinement.dependents.len(), 3);
    assert_eq!(on_open.refinement.dependents[0], others[0]);
    assert_eq!(
        after_edit.refinement.dependents,
        on_open.refinement.dependents
    );
}
