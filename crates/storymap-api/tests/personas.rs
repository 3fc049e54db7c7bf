//! Personas through `Workspace` (issue #16 item 2): the answer the UI patches (an
//! activity's new persona re-sends its stories, which serve it), undo, a reopened map (the
//! projection keeps the activity's persona), the wall, Markdown, and the JSON export and
//! import round trip, a file naming a persona it lacks refused.

mod one_story;

use one_story::{one_story, story_of};
use storymap_api::{ErrorCode, MapEdit, PersonaEdit, PresentationFocus, Workspace};

fn add(name: &str, goal: &str) -> MapEdit {
    PersonaEdit::AddPersona {
        name: name.into(),
        goal: goal.into(),
        color: None,
    }
    .into()
}

fn for_activity(activity: &str, persona: Option<&str>) -> MapEdit {
    PersonaEdit::SetActivityPersona {
        activity_id: activity.into(),
        persona_id: persona.map(Into::into),
    }
    .into()
}

fn for_story(story: &str, persona: Option<&str>) -> MapEdit {
    PersonaEdit::SetStoryPersona {
        story_id: story.into(),
        persona_id: persona.map(Into::into),
    }
    .into()
}

#[test]
fn personas_are_answered_undone_kept_on_reopen_and_shown_on_the_wall() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, story) = one_story(&mut workspace);
    let activity = workspace.view(&map).unwrap().activities[0].id.clone();
    let added = workspace
        .apply_edit(&map, add("Budget traveller", "books in two minutes"))
        .unwrap();
    let traveller = added.created_id.clone().unwrap();
    let personas = added.personas.expect("the personas changed");
    assert_eq!(
        (personas[0].initials.as_str(), personas[0].color.as_str()),
        ("BT", "#2563eb")
    );
    assert_eq!(personas[0].text_color, "#ffffff");
    let agent = workspace.apply_edit(&map, add("Agent", "")).unwrap();
    let agent = agent.created_id.unwrap();
    // The activity's persona goes out with its stories, which now serve it.
    let lane = workspace
        .apply_edit(&map, for_activity(&activity, Some(&traveller)))
        .unwrap();
    assert!(lane.personas.is_none());
    let activities = lane.activities.expect("the backbone changed");
    assert_eq!(
        activities[0].persona_id.as_deref(),
        Some(traveller.as_str())
    );
    assert_eq!(lane.stories.len(), 1);
    assert_eq!(lane.stories[0].persona_id, None);
    let serves = |s: &storymap_api::StoryView| s.refinement.serves_persona_id.clone();
    assert_eq!(serves(&lane.stories[0]), Some(traveller.clone()));
    // Renaming the activity leaves its persona alone and sends no story.
    let renamed = storymap_api::BackboneEdit::RenameActivity {
        activity_id: activity.clone(),
        title: "Pay for it".into(),
    };
    assert!(workspace
        .apply_edit(&map, renamed.into())
        .unwrap()
        .stories
        .is_empty());
    let own = workspace
        .apply_edit(&map, for_story(&story, Some(&agent)))
        .unwrap();
    assert_eq!(own.stories[0].persona_id.as_deref(), Some(agent.as_str()));
    assert_eq!(serves(&own.stories[0]), Some(agent.clone()));
    let undone = workspace.undo(&map).unwrap();
    assert_eq!(serves(&undone.stories[0]), Some(traveller.clone()));
    drop(workspace);

    let workspace = Workspace::open(dir.path()).unwrap();
    let view = workspace.view(&map).unwrap();
    assert_eq!(view.personas.len(), 2);
    assert_eq!(
        view.activities[0].persona_id.as_deref(),
        Some(traveller.as_str())
    );
    assert_eq!(serves(&story_of(&workspace, &map, &story)), Some(traveller));
    let focus = PresentationFocus::Story {
        story_id: story.clone(),
    };
    let shown = workspace.presentation(&map, focus).unwrap().story.unwrap();
    let persona = shown.persona.expect("the wall names who it is for");
    assert_eq!(
        (persona.name.as_str(), persona.goal.as_str()),
        ("Budget traveller", "books in two minutes")
    );
    let markdown = workspace.export_markdown(&map).unwrap();
    assert!(markdown.contains("_For Budget traveller._"), "{markdown}");
}

#[test]
fn personas_round_trip_through_json_and_a_file_naming_one_it_lacks_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, story) = one_story(&mut workspace);
    let activity = workspace.view(&map).unwrap().activities[0].id.clone();
    let traveller = workspace
        .apply_edit(&map, add("Traveller", "books fast"))
        .unwrap();
    let traveller = traveller.created_id.unwrap();
    let agent = workspace.apply_edit(&map, add("Agent", "")).unwrap();
    let agent = agent.created_id.unwrap();
    workspace
        .apply_edit(&map, for_activity(&activity, Some(&traveller)))
        .unwrap();
    workspace
        .apply_edit(&map, for_story(&story, Some(&agent)))
        .unwrap();

    let json = workspace.export_json(&map).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(file["personas"][0]["name"], "Traveller");
    assert_eq!(file["personas"][0]["goal"], "books fast");
    assert_eq!(file["personas"][1]["initials"], "A");
    assert_eq!(file["activities"][0]["personaId"], *traveller);
    assert_eq!(file["stories"][0]["personaId"], *agent);
    // Derived parts that lie are ignored; a persona without a colour takes the palette's.
    file["personas"][0]["initials"] = serde_json::json!("ZZ");
    file["personas"][1].as_object_mut().unwrap().remove("color");
    let imported = workspace.import_json(&file.to_string()).unwrap();
    let names: Vec<(&str, &str, &str)> = (imported.personas.iter())
        .map(|p| (p.name.as_str(), p.initials.as_str(), p.color.as_str()))
        .collect();
    assert_eq!(
        names,
        [("Traveller", "T", "#2563eb"), ("Agent", "A", "#db2777")]
    );
    assert_eq!(
        imported.activities[0].persona_id.as_deref(),
        Some(traveller.as_str())
    );
    assert_eq!(
        imported.stories[0].persona_id.as_deref(),
        Some(agent.as_str())
    );

    for (path, message) in [
        ("stories", "story 'Pay by card' serves persona 'nope'"),
        ("activities", "activity 'Pay' serves persona 'nope'"),
    ] {
        let mut bad = file.clone();
        bad[path][0]["personaId"] = serde_json::json!("nope");
        let refused = workspace.import_json(&bad.to_string()).unwrap_err();
        assert_eq!(refused.code, ErrorCode::InvalidInput);
        assert!(refused.message.contains(message), "{}", refused.message);
    }
    let mut bad = file.clone();
    bad["personas"][0]["color"] = serde_json::json!("blue");
    let refused = workspace.import_json(&bad.to_string()).unwrap_err();
    assert!(
        refused
            .message
            .contains("persona 'Traveller' must be #rrggbb"),
        "{}",
        refused.message
    );
    // Files from before personas have none.
    let object = file.as_object_mut().unwrap();
    object.remove("personas");
    object["stories"][0]
        .as_object_mut()
        .unwrap()
        .remove("personaId");
    object["activities"][0]
        .as_object_mut()
        .unwrap()
        .remove("personaId");
    let old = workspace.import_json(&file.to_string()).unwrap();
    assert!(old.personas.is_empty() && old.stories[0].persona_id.is_none());
}
