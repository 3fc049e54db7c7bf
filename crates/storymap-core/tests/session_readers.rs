//! The rotating reader: a session deals its stories to the participants in turn; skipping
//! someone, adding someone or a story deals the stories not read yet again; the summary
//! credits who read what; two laptops changing the rotation at once merge to readers who
//! are all in the session.

mod merge_common;

use merge_common::{copy_for, ctx, small_map, TIME};
use storymap_core::session::{session_report, stakeholder_update, Format, Session};
use storymap_core::{
    CardEdit, Edit, MapDocument, PokerEdit, ReaderEdit, RoomEdit, SessionEdit, SessionStart,
    UndoRecord,
};

fn apply(map: &mut MapDocument, edit: impl Into<Edit>, id: &str) -> UndoRecord {
    let applied = map.apply(&edit.into(), &ctx(id)).expect("valid edit");
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

/// The small map with stories c0…c3 and a session "S" on them, Ana, Ben and Cy in the room.
fn session_with_readers() -> MapDocument {
    let mut map = small_map();
    for id in ["c2", "c3"] {
        let add = CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r1".into(),
            title: format!("Story {id}"),
        };
        apply(&mut map, add, id);
    }
    let start = SessionStart {
        story_ids: Some(["c0", "c1", "c2", "c3"].map(String::from).to_vec()),
        participants: ["Ana", "Ben", " Cy ", "ana"].map(String::from).to_vec(),
        ..SessionStart::default()
    };
    apply(&mut map, SessionEdit::Start(start), "S");
    map
}

fn session(map: &MapDocument) -> Session {
    map.read_session("S").expect("the session")
}

/// "story: reader name" for each story of the session, in order.
fn readers(map: &MapDocument) -> Vec<String> {
    let s = session(map);
    let name = |id: &Option<String>| {
        let who = id
            .as_ref()
            .and_then(|id| s.participants.iter().find(|p| &p.id == id));
        who.map_or("nobody", |p| p.name.as_str()).to_owned()
    };
    s.stories
        .iter()
        .map(|story| format!("{}: {}", story.story_id, name(&story.reader)))
        .collect()
}

fn participant(map: &MapDocument, name: &str) -> String {
    let s = session(map);
    s.participants
        .iter()
        .find(|p| p.name == name)
        .expect(name)
        .id
        .clone()
}

fn skip(map: &mut MapDocument, name: &str, skip: bool) -> UndoRecord {
    let participant_id = participant(map, name);
    let edit = ReaderEdit::SkipReader {
        session_id: "S".into(),
        participant_id,
        skip,
    };
    apply(map, edit, "unused")
}

fn focus(map: &mut MapDocument, story: &str) {
    let edit = RoomEdit::Focus {
        session_id: "S".into(),
        story_id: Some(story.into()),
    };
    apply(map, edit, "unused");
}

#[test]
fn starting_deals_the_stories_to_the_room_in_turn() {
    let map = session_with_readers();
    let names: Vec<String> = session(&map)
        .participants
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Ana", "Ben", "Cy"], "cleaned, each once");
    assert_eq!(readers(&map), ["c0: Ana", "c1: Ben", "c2: Cy", "c3: Ana"]);
}

#[test]
fn skipping_or_adding_someone_deals_only_the_stories_not_read_yet_and_undo_restores() {
    let mut map = session_with_readers();
    focus(&mut map, "c0"); // Ana is reading it: it keeps its reader from now on.

    let record = skip(&mut map, "Ben", true);
    assert_eq!(record.label, "Skip Ben as a reader");
    assert_eq!(readers(&map), ["c0: Ana", "c1: Cy", "c2: Ana", "c3: Cy"]);

    let by_hand = ReaderEdit::SetReader {
        session_id: "S".into(),
        story_id: "c3".into(),
        participant_id: Some(participant(&map, "Ben")),
    };
    assert_eq!(
        apply(&mut map, by_hand, "unused").label,
        "Ben reads 'Story c3'"
    );
    assert_eq!(readers(&map), ["c0: Ana", "c1: Cy", "c2: Ana", "c3: Ben"]);

    let dee = PokerEdit::AddParticipant {
        session_id: "S".into(),
        name: "Dee".into(),
    };
    let added = apply(&mut map, dee, "dee");
    // Dealt again after Ana, who read last; Ben still skips.
    assert_eq!(readers(&map), ["c0: Ana", "c1: Cy", "c2: Dee", "c3: Ana"]);

    map.revert(&added, TIME).unwrap();
    assert_eq!(readers(&map), ["c0: Ana", "c1: Cy", "c2: Ana", "c3: Ben"]);
    map.revert(&record, TIME).unwrap();
    assert!(!session(&map).participants.iter().any(|p| p.skips_reading));
}

#[test]
fn a_reader_who_leaves_hands_their_stories_on() {
    let mut map = session_with_readers();
    let leave = PokerEdit::RemoveParticipant {
        session_id: "S".into(),
        participant_id: participant(&map, "Cy"),
    };
    apply(&mut map, leave, "unused");
    assert_eq!(readers(&map), ["c0: Ana", "c1: Ben", "c2: Ana", "c3: Ben"]);
}

#[test]
fn the_summary_credits_who_read_what() {
    let mut map = session_with_readers();
    for story in ["c0", "c1"] {
        focus(&mut map, story);
        let refined = RoomEdit::MarkRefined {
            session_id: "S".into(),
            story_id: story.into(),
        };
        apply(&mut map, refined, "unused");
    }
    apply(
        &mut map,
        SessionEdit::End {
            session_id: "S".into(),
            health: None,
        },
        "unused",
    );
    let model = map.read().unwrap();
    let report = session_report(&model, &session(&map), &[]);
    let credits = vec![
        ("Ana".to_owned(), vec!["Story c0".to_owned()]),
        ("Ben".to_owned(), vec!["Story c1".to_owned()]),
    ];
    assert_eq!(
        report.readers(),
        credits,
        "stories not reached are not credited"
    );
    let update = stakeholder_update(&report, Format::Text);
    assert!(
        update.contains("Read by:\n- Ana: 'Story c0'\n- Ben: 'Story c1'\n"),
        "{update}"
    );
}

#[test]
fn concurrent_skip_and_join_merge_to_readers_who_are_in_the_session() {
    let mut ana = session_with_readers();
    let mut ben = copy_for(&ana, "ben");
    skip(&mut ana, "Cy", true);
    let dee = PokerEdit::AddParticipant {
        session_id: "S".into(),
        name: "Dee".into(),
    };
    apply(&mut ben, dee, "dee");
    let leave = PokerEdit::RemoveParticipant {
        session_id: "S".into(),
        participant_id: participant(&ben, "Ana"),
    };
    apply(&mut ben, leave, "unused");
    let ana_bytes = ana.save();
    ana.merge(&ben.save()).unwrap();
    ben.merge(&ana_bytes).unwrap();
    assert_eq!(readers(&ana), readers(&ben));
    let s = session(&ana);
    for story in &s.stories {
        let reader = story.reader.as_ref();
        assert!(
            reader.is_none_or(|r| s.participants.iter().any(|p| &p.id == r)),
            "{} is read by someone not in the session",
            story.story_id
        );
    }
}
