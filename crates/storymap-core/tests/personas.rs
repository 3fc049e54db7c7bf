//! Personas (issue #16 item 2): added, changed, deleted and undone; activities and stories
//! naming the one they serve (a story without its own serves its activity's); bad input
//! refused; three offline copies that edit them converge without losing a persona or an
//! assignment.

mod merge_common;

use merge_common::*;
use proptest::prelude::*;
use storymap_core::personas::{Persona, PersonaIndex, PERSONA_PALETTE};
use storymap_core::{CoreError, Edit, MapDocument, PersonaEdit, UndoRecord};

fn apply(map: &mut MapDocument, edit: impl Into<Edit>, id: &str) -> UndoRecord {
    let applied = map.apply(&edit.into(), &ctx(id)).expect("valid edit");
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

fn add(name: &str, goal: &str) -> PersonaEdit {
    PersonaEdit::Add {
        name: name.into(),
        goal: goal.into(),
        color: None,
    }
}

fn for_story(story: &str, persona: Option<&str>) -> PersonaEdit {
    PersonaEdit::ForStory {
        story_id: story.into(),
        persona_id: persona.map(str::to_owned),
    }
}

fn for_activity(persona: Option<&str>) -> PersonaEdit {
    PersonaEdit::ForActivity {
        activity_id: "a1".into(),
        persona_id: persona.map(str::to_owned),
    }
}

/// "name (initials, colour): goal" per persona, in order.
fn personas(map: &MapDocument) -> Vec<String> {
    let show = |p: &Persona| format!("{} ({}, {}): {}", p.name, p.initials(), p.color, p.goal);
    map.read_settings().personas.iter().map(show).collect()
}

/// Each story and whom it serves: the persona's name and whether it is the story's own.
type Serves = Vec<(String, Option<(String, bool)>)>;

/// Who each story serves, then the activity's persona id.
fn served(map: &MapDocument) -> (Serves, Option<String>) {
    let model = map.read().unwrap();
    let index = PersonaIndex::new(&model);
    let stories = (model.stories.iter())
        .map(|s| {
            let persona = index.of(s).map(|(p, own)| (p.name.clone(), own));
            (s.id.clone(), persona)
        })
        .collect();
    (stories, model.activities[0].persona_id.clone())
}

#[test]
fn personas_are_added_changed_deleted_and_undone() {
    let mut map = small_map();
    let record = apply(
        &mut map,
        add(" Budget traveller ", "books in two minutes"),
        "p1",
    );
    assert_eq!(record.label, "Add persona 'Budget traveller'");
    apply(&mut map, add("Ops lead", ""), "p2");
    assert_eq!(
        personas(&map),
        [
            format!(
                "Budget traveller (BT, {}): books in two minutes",
                PERSONA_PALETTE[0]
            ),
            format!("Ops lead (OL, {}): ", PERSONA_PALETTE[1]),
        ]
    );
    let update = PersonaEdit::Update {
        persona_id: "p2".into(),
        name: "Support agent".into(),
        goal: "answers without escalating".into(),
        color: "#0F766E".into(),
    };
    let changed = apply(&mut map, update, "-");
    assert_eq!(changed.label, "Change persona 'Support agent'");
    assert_eq!(
        personas(&map)[1],
        "Support agent (SA, #0f766e): answers without escalating"
    );
    let deleted = apply(
        &mut map,
        PersonaEdit::Delete {
            persona_id: "p1".into(),
        },
        "-",
    );
    assert_eq!(deleted.label, "Delete persona 'Budget traveller'");
    assert_eq!(personas(&map).len(), 1);
    map.revert(&deleted, TIME).unwrap();
    assert_eq!(
        personas(&map)[0],
        format!(
            "Budget traveller (BT, {}): books in two minutes",
            PERSONA_PALETTE[0]
        )
    );
    map.revert(&changed, TIME).unwrap();
    assert_eq!(
        personas(&map)[1],
        format!("Ops lead (OL, {}): ", PERSONA_PALETTE[1])
    );
}

#[test]
fn a_story_serves_its_own_persona_or_else_its_activitys() {
    let mut map = small_map();
    apply(&mut map, add("Traveller", ""), "p1");
    apply(&mut map, add("Agent", ""), "p2");
    assert_eq!(
        served(&map),
        (vec![("c0".into(), None), ("c1".into(), None)], None)
    );
    let activity = apply(&mut map, for_activity(Some("p1")), "-");
    assert_eq!(activity.label, "'Find' serves Traveller");
    let own = apply(&mut map, for_story("c1", Some("p2")), "-");
    assert_eq!(
        served(&map),
        (
            vec![
                ("c0".into(), Some(("Traveller".into(), false))),
                ("c1".into(), Some(("Agent".into(), true))),
            ],
            Some("p1".into())
        )
    );
    // A deleted persona reads as none: c1 falls back to its activity's.
    apply(
        &mut map,
        PersonaEdit::Delete {
            persona_id: "p2".into(),
        },
        "-",
    );
    assert_eq!(served(&map).0[1].1, Some(("Traveller".into(), false)));
    let cleared = apply(&mut map, for_activity(None), "-");
    assert_eq!(cleared.label, "'Find' names no persona");
    assert_eq!(served(&map).0[0].1, None);
    map.revert(&cleared, TIME).unwrap();
    map.revert(&own, TIME).unwrap();
    assert_eq!(served(&map).1, Some("p1".into()));
    assert_eq!(map.read().unwrap().stories[1].details.persona_id, None);
}

#[test]
fn bad_personas_are_refused_with_a_clear_error() {
    let mut map = small_map();
    let refused = |map: &mut MapDocument, edit: PersonaEdit| -> String {
        match map.apply(&edit.into(), &ctx("x")) {
            Err(CoreError::InvalidInput(message)) => message,
            Err(CoreError::NotFound { .. }) => "not found".into(),
            other => panic!("expected a refusal, got {other:?}"),
        }
    };
    assert!(refused(&mut map, add("  ", "")).contains("needs a name"));
    assert!(refused(&mut map, add(&"n".repeat(61), "")).contains("longer than 60"));
    assert!(refused(&mut map, add("Sam", &"g".repeat(201))).contains("longer than 200"));
    let colour = PersonaEdit::Add {
        name: "Sam".into(),
        goal: String::new(),
        color: Some("teal".into()),
    };
    assert!(refused(&mut map, colour).contains("persona 'Sam' must be #rrggbb"));
    assert_eq!(
        refused(&mut map, for_story("c0", Some("nobody"))),
        "not found"
    );
    apply(&mut map, add("Sam", ""), "p1");
    assert_eq!(
        refused(&mut map, for_story("gone", Some("p1"))),
        "not found"
    );
    for n in 1..30 {
        apply(&mut map, add(&format!("Persona {n}"), ""), &format!("q{n}"));
    }
    assert!(refused(&mut map, add("One too many", "")).contains("at most 30 personas"));
    assert!(personas(&map).iter().all(|p| !p.contains("#00")));
}

#[test]
fn two_laptops_add_personas_offline_and_both_keep_theirs() {
    let mut ana = small_map();
    let mut ben = copy_for(&ana, "ben");
    // Each makes the map's first persona (and so its own personas map).
    apply(&mut ana, add("Traveller", ""), "pa");
    apply(&mut ana, for_activity(Some("pa")), "-");
    apply(&mut ben, add("Agent", ""), "pb");
    apply(&mut ben, for_story("c1", Some("pb")), "-");
    ana.merge(&ben.save()).unwrap();
    ben.merge(&ana.save()).unwrap();
    assert_eq!(personas(&ana), personas(&ben));
    assert_eq!(personas(&ana).len(), 2);
    assert_eq!(served(&ana), served(&ben));
    assert_eq!(served(&ana).0[1].1, Some(("Agent".into(), true)));
}

/// One step of the proptest: a peer adds, renames or deletes a persona, names one for the
/// activity or a story, or two sync.
#[derive(Debug, Clone)]
enum Step {
    Add {
        peer: usize,
    },
    Rename {
        peer: usize,
        which: usize,
    },
    Delete {
        peer: usize,
        which: usize,
    },
    Activity {
        peer: usize,
        which: usize,
    },
    Story {
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
        (peer.clone(), 0..4usize).prop_map(|(peer, which)| Step::Delete { peer, which }),
        (peer.clone(), 0..5usize).prop_map(|(peer, which)| Step::Activity { peer, which }),
        (peer, 0..2usize, 0..5usize).prop_map(|(peer, story, which)| Step::Story {
            peer,
            story,
            which
        }),
        (0..3usize, 0..3usize).prop_map(|(from, to)| Step::Sync { from, to }),
    ]
}

/// The edit a step makes on `map`; `which` past the personas means "none".
fn edit_for(map: &MapDocument, step: &Step, fresh: &str) -> Option<(usize, PersonaEdit)> {
    let ids: Vec<String> = (map.read_settings().personas.into_iter())
        .map(|p| p.id)
        .collect();
    let pick = |which: usize| ids.get(which % ids.len().max(1)).cloned();
    let edit = match *step {
        Step::Add { peer } => (peer, add(&format!("Persona {fresh}"), "goal")),
        Step::Rename { peer, which } => (
            peer,
            PersonaEdit::Update {
                persona_id: pick(which)?,
                name: format!("Renamed by {peer}"),
                goal: format!("goal {peer}"),
                color: PERSONA_PALETTE[peer].into(),
            },
        ),
        Step::Delete { peer, which } => (
            peer,
            PersonaEdit::Delete {
                persona_id: pick(which)?,
            },
        ),
        Step::Activity { peer, which } => (peer, for_activity(ids.get(which).map(String::as_str))),
        Step::Story { peer, story, which } => (
            peer,
            for_story(["c0", "c1"][story], ids.get(which).map(String::as_str)),
        ),
        Step::Sync { .. } => return None,
    };
    Some(edit)
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let mut maps = three_copies();
    let (mut added, mut deleted) = (Vec::new(), Vec::new());
    for (n, step) in steps.iter().enumerate() {
        let peer = match *step {
            Step::Sync { from, to } => {
                let other = maps[from].save();
                maps[to].merge(&other).unwrap();
                continue;
            }
            Step::Add { peer } | Step::Rename { peer, .. } | Step::Delete { peer, .. } => peer,
            Step::Activity { peer, .. } | Step::Story { peer, .. } => peer,
        };
        let fresh = format!("p{peer}n{n}");
        if let Some((peer, edit)) = edit_for(&maps[peer], step, &fresh) {
            match &edit {
                PersonaEdit::Add { .. } => added.push(fresh.clone()),
                PersonaEdit::Delete { persona_id } => deleted.push(persona_id.clone()),
                _ => {}
            }
            maps[peer].apply(&edit.into(), &ctx(&fresh)).unwrap();
        }
    }
    sync_all(&mut maps);
    let first = (personas(&maps[0]), served(&maps[0]));
    for map in &maps[1..] {
        prop_assert_eq!(&(personas(map), served(map)), &first);
    }
    // Nothing is lost or doubled: each added persona is there once unless a peer deleted it.
    let mut ids: Vec<String> = (maps[0].read_settings().personas.into_iter())
        .map(|p| p.id)
        .collect();
    ids.sort();
    prop_assert_eq!(ids, survivors(added, &deleted));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Personas added, renamed, deleted and named for the activity and stories on three
    /// offline copies that sync in any order: every copy ends with the same personas in the
    /// same order and every story serving the same one.
    #[test]
    fn personas_edited_on_three_copies_converge(steps in prop::collection::vec(step(), 1..30)) {
        run(&steps)?;
    }
}

#[test]
fn markdown_and_the_wall_say_who_each_story_is_for() {
    let mut map = small_map();
    apply(&mut map, add("Traveller", "books in two minutes"), "p1");
    apply(&mut map, add("Agent", ""), "p2");
    apply(&mut map, for_activity(Some("p1")), "-");
    apply(&mut map, for_story("c1", Some("p2")), "-");
    let model = map.read().unwrap();
    let text = storymap_core::markdown(&model);
    assert!(
        text.contains("\nPersonas:\n\n- **Traveller** — books in two minutes\n- **Agent**\n"),
        "{text}"
    );
    assert!(text.contains("## Find\n\n_For Traveller._\n"), "{text}");
    // Only the story with its own persona names it; c0 serves its activity's.
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("- **Story"))
        .collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        !lines[0].contains("for:") && lines[1].contains("for: Agent"),
        "{text}"
    );
    let shown = |id: &str| {
        storymap_core::presentation_story(&model, id)
            .and_then(|s| s.persona)
            .map(|p| p.name)
    };
    assert_eq!(shown("c0").as_deref(), Some("Traveller"));
    assert_eq!(shown("c1").as_deref(), Some("Agent"));
}
