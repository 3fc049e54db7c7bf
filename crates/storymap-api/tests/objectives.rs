//! PI objectives through `Workspace` (issue #16 item 1): the answer the UI patches, undo, a
//! reopened map (the projection), the backlog's filter, grouping and roll-ups, and the JSON
//! export/import round trip with the derived roll-ups ignored on import.

mod one_story;

use one_story::{one_story, story_of};
use storymap_api::{BacklogQuery, BacklogSort, ErrorCode, MapEdit, ObjectiveEdit, ObjectiveQuery};
use storymap_api::{EstimateEdit, Workspace};

fn add(title: &str, business_value: u8, committed: bool) -> MapEdit {
    ObjectiveEdit::AddObjective {
        title: title.into(),
        business_value,
        committed,
    }
    .into()
}

fn align(story: &str, objective: Option<&str>) -> MapEdit {
    ObjectiveEdit::AlignStory {
        story_id: story.into(),
        objective_id: objective.map(Into::into),
    }
    .into()
}

#[test]
fn objectives_are_answered_undone_kept_on_reopen_and_roll_up_in_the_backlog() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, story) = one_story(&mut workspace);
    let change = workspace
        .apply_edit(&map, add("Faster checkout", 8, true))
        .unwrap();
    let checkout = change.created_id.clone().unwrap();
    let objectives = change.objectives.expect("the objectives changed");
    assert_eq!(objectives[0].title, "Faster checkout");
    assert_eq!(
        (objectives[0].business_value, objectives[0].committed),
        (8, true)
    );
    let returns = workspace
        .apply_edit(&map, add("Returns", 4, false))
        .unwrap();
    let returns = returns.created_id.unwrap();
    let aligned = workspace
        .apply_edit(&map, align(&story, Some(&checkout)))
        .unwrap();
    assert_eq!(
        aligned.stories[0].objective_id.as_deref(),
        Some(checkout.as_str())
    );
    // A change that is not to the objectives does not send them.
    let estimate = EstimateEdit::SetEstimate {
        story_id: story.clone(),
        estimate: Some("5".into()),
    };
    let estimated = workspace.apply_edit(&map, estimate.into()).unwrap();
    assert!(estimated.objectives.is_none());
    let moved = ObjectiveEdit::MoveObjective {
        objective_id: returns.clone(),
        to: 0,
    };
    let moved = workspace.apply_edit(&map, moved.into()).unwrap();
    let order: Vec<String> = moved
        .objectives
        .unwrap()
        .into_iter()
        .map(|o| o.title)
        .collect();
    assert_eq!(order, ["Returns", "Faster checkout"]);
    let undone = workspace.undo(&map).unwrap();
    assert_eq!(undone.objectives.unwrap()[0].title, "Faster checkout");
    drop(workspace);

    let mut workspace = Workspace::open(dir.path()).unwrap();
    let view = workspace.open_map(&map).unwrap();
    assert_eq!(view.objectives.len(), 2);
    assert_eq!(
        story_of(&workspace, &map, &story).objective_id,
        Some(checkout.clone())
    );
    let health = workspace.backlog_health(&map).unwrap();
    let rollup = &health.objectives[0];
    assert_eq!(rollup.label, "Faster checkout (committed, value 8)");
    assert_eq!(
        (rollup.stories, rollup.points, rollup.ready_points),
        (1, 5.0, 0.0)
    );
    assert_eq!(health.objectives[1].stories, 0);
    filter_and_delete(&mut workspace, &map, &story, (&checkout, &returns));
}

/// The backlog's objective filter, then the objective deleted and the story off it.
fn filter_and_delete(workspace: &mut Workspace, map: &str, story: &str, ids: (&str, &str)) {
    let (checkout, returns) = (ids.0.to_owned(), ids.1.to_owned());
    let story = story.to_owned();
    let query = |objective| BacklogQuery {
        objective: Some(objective),
        ..BacklogQuery::default()
    };
    let of_returns = query(ObjectiveQuery::Aligned(returns.clone()));
    assert!(workspace
        .backlog(map, of_returns)
        .unwrap()
        .story_ids
        .is_empty());
    let of_none = workspace
        .backlog(map, query(ObjectiveQuery::Unaligned))
        .unwrap();
    assert!(of_none.story_ids.is_empty());
    let of_checkout = query(ObjectiveQuery::Aligned(checkout.clone()));
    assert_eq!(
        workspace.backlog(map, of_checkout).unwrap().story_ids,
        std::slice::from_ref(&story)
    );
    // Deleting the objective takes the story off it in every reader's view.
    let delete = ObjectiveEdit::DeleteObjective {
        objective_id: checkout.clone(),
    };
    let deleted = workspace.apply_edit(map, delete.into()).unwrap();
    assert_eq!(deleted.objectives.unwrap().len(), 1);
    assert_eq!(story_of(workspace, map, &story).objective_id, None);
    let refused = workspace
        .apply_edit(map, align(&story, Some(&checkout)))
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotFound);
}

#[test]
fn objectives_round_trip_through_json_with_their_roll_ups_ignored_on_import() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, story) = one_story(&mut workspace);
    let created = workspace
        .apply_edit(&map, add("Faster checkout", 8, true))
        .unwrap();
    let checkout = created.created_id.unwrap();
    workspace
        .apply_edit(&map, add("Returns", 4, false))
        .unwrap();
    workspace
        .apply_edit(&map, align(&story, Some(&checkout)))
        .unwrap();
    let grouped = BacklogQuery {
        sort: BacklogSort::Objective,
        ..BacklogQuery::default()
    };
    assert_eq!(
        workspace.backlog(&map, grouped).unwrap().story_ids,
        std::slice::from_ref(&story)
    );

    let json = workspace.export_json(&map).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &file["objectives"][0];
    assert_eq!(first["title"], "Faster checkout");
    assert_eq!(first["businessValue"], 8);
    assert_eq!(first["committed"], true);
    assert_eq!(first["stories"], 1);
    assert_eq!(
        (first["readyPoints"].as_f64(), first["blocked"].as_u64()),
        (Some(0.0), Some(0))
    );
    assert_eq!(file["objectives"][1]["title"], "Returns");
    assert_eq!(file["stories"][0]["objectiveId"], *checkout);
    // Roll-ups that lie are derived data: the import ignores them.
    file["objectives"][0]["stories"] = serde_json::json!(99);
    let imported = workspace.import_json(&file.to_string()).unwrap();
    let titles: Vec<&str> = imported
        .objectives
        .iter()
        .map(|o| o.title.as_str())
        .collect();
    assert_eq!(titles, ["Faster checkout", "Returns"]);
    assert_eq!(
        imported.stories[0].objective_id.as_deref(),
        Some(checkout.as_str())
    );
    let health = workspace.backlog_health(&imported.map.id).unwrap();
    assert_eq!(health.objectives[0].stories, 1);

    // A story naming an objective the file lacks is refused with the reason.
    file["stories"][0]["objectiveId"] = serde_json::json!("nope");
    let refused = workspace.import_json(&file.to_string()).unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert!(
        refused.message.contains("aligns to objective 'nope'"),
        "{}",
        refused.message
    );
    // Files from before objectives have none.
    let object = file.as_object_mut().unwrap();
    object.remove("objectives");
    object["stories"][0]
        .as_object_mut()
        .unwrap()
        .remove("objectiveId");
    let old = workspace.import_json(&file.to_string()).unwrap();
    assert!(old.objectives.is_empty() && old.stories[0].objective_id.is_none());
}
