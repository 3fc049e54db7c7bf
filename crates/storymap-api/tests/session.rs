//! A refinement session through the Workspace: edits persist and answer the session,
//! votes stay hidden until revealed, the summary and the projector's view.

// A journey reads top to bottom as the user lives it; splitting it would hide the story.
#![allow(clippy::too_many_lines)]

use storymap_api::{
    Deck, ErrorCode, MapEdit, PresentationFocus, SessionNoteKind, StoryTextField, Workspace,
};
use storymap_api::{PokerEdit, RoomEdit, SessionEdit, StoryEdit};

fn workspace() -> (tempfile::TempDir, Workspace, String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    ws.set_display_name("ana").unwrap();
    let map = ws.create_map("Shop").unwrap().map.id;
    let stories = ["Pay by card", "Receipt by e-mail", "Refunds"]
        .iter()
        .map(|t| ws.add_story_at(&map, "Buy", "Pay", "MVP", t).unwrap())
        .collect();
    (dir, ws, map, stories)
}

#[test]
fn a_session_runs_through_apply_edit_with_hidden_votes_and_a_summary() {
    let (dir, mut ws, map, stories) = workspace();
    let start = MapEdit::from(SessionEdit::StartSession {
        story_ids: None,
        story_count: Some(2),
        length_minutes: None,
        timebox_minutes: Some(4),
        deck: Some(Deck::Fibonacci),
        participants: None,
    });
    let change = ws.apply_edit(&map, start).unwrap();
    let session = change.session.expect("the change carries the session");
    let sid = session.id.clone();
    assert_eq!(change.created_id.as_deref(), Some(sid.as_str()));
    assert_eq!(session.facilitator, "ana");
    assert_eq!(session.agenda.len(), 4);
    let picked: Vec<&str> = session
        .stories
        .iter()
        .map(|s| s.story_id.as_str())
        .collect();
    assert_eq!(picked, [stories[0].as_str(), stories[1].as_str()]);
    assert_eq!(session.stories[0].timebox_seconds, 240);
    let mut edit = |e: MapEdit| ws_apply(&mut ws, &map, e);
    let ana = edit(MapEdit::from(PokerEdit::AddParticipant {
        session_id: sid.clone(),
        name: "Ana".into(),
    }))
    .created_id
    .unwrap();
    let ben = edit(MapEdit::from(PokerEdit::AddParticipant {
        session_id: sid.clone(),
        name: "Ben".into(),
    }))
    .created_id
    .unwrap();
    edit(MapEdit::from(RoomEdit::FocusSessionStory {
        session_id: sid.clone(),
        story_id: Some(stories[0].clone()),
    }));
    let round = edit(MapEdit::from(PokerEdit::NewPokerRound {
        session_id: sid.clone(),
        story_id: stories[0].clone(),
    }))
    .created_id
    .unwrap();
    for (who, card) in [(&ana, "5"), (&ben, "8")] {
        edit(MapEdit::from(PokerEdit::CastVote {
            session_id: sid.clone(),
            round_id: round.clone(),
            participant_id: who.clone(),
            value: card.into(),
        }));
    }
    let hidden = ws.session(&map, &sid).unwrap().current_round.unwrap();
    assert_eq!(hidden.voted_participant_ids.len(), 2);
    assert!(hidden.votes.is_empty() && hidden.stats.is_none());
    let mut edit = |e: MapEdit| ws_apply(&mut ws, &map, e);
    let revealed = edit(MapEdit::from(PokerEdit::RevealVotes {
        session_id: sid.clone(),
        round_id: round.clone(),
    }))
    .session
    .unwrap()
    .current_round
    .unwrap();
    assert_eq!(revealed.votes.len(), 2);
    let stats = revealed.stats.unwrap();
    assert_eq!(
        (stats.min.as_deref(), stats.max.as_deref(), stats.consensus),
        (Some("5"), Some("8"), false)
    );
    let accepted = edit(MapEdit::from(PokerEdit::AcceptEstimate {
        session_id: sid.clone(),
        round_id: round,
        estimate: "8".into(),
    }));
    assert_eq!(accepted.stories[0].estimate.as_deref(), Some("8"));
    edit(MapEdit::from(SessionEdit::AddSessionNote {
        session_id: sid.clone(),
        story_id: Some(stories[0].clone()),
        note_kind: SessionNoteKind::Decision,
        text: "Cards only in the MVP".into(),
    }));
    edit(MapEdit::from(RoomEdit::MarkSessionStoryRefined {
        session_id: sid.clone(),
        story_id: stories[0].clone(),
    }));
    edit(MapEdit::from(RoomEdit::ParkSessionStory {
        session_id: sid.clone(),
        story_id: stories[1].clone(),
        reason: "Waiting for legal".into(),
    }));
    edit(MapEdit::from(SessionEdit::EndSession {
        session_id: sid.clone(),
    }));
    let again = ws.apply_edit(
        &map,
        MapEdit::from(PokerEdit::RevealVotes {
            session_id: sid.clone(),
            round_id: "r".into(),
        }),
    );
    assert_eq!(again.unwrap_err().code, ErrorCode::InvalidInput);
    // Persisted: a fresh workspace on the same directory reads the same session.
    drop(ws);
    let mut ws = Workspace::open(dir.path()).unwrap();
    let list = ws.sessions(&map).unwrap();
    assert_eq!(
        (list.len(), list[0].refined, list[0].parked, list[0].open),
        (1, 1, 1, false)
    );
    let summary = ws.session_summary(&map, None).unwrap();
    assert_eq!(
        summary.headline,
        "We've refined 2 items — 0 ready (0 pts), 1 parked, 1 not ready yet"
    );
    assert_eq!(summary.estimate_changes[0].to.as_deref(), Some("8"));
    assert!(summary
        .markdown
        .contains("### Decisions\n\n- **Pay by card**: Cards only in the MVP"));
    assert!(summary
        .text
        .contains("'Receipt by e-mail' is parked: Waiting for legal"));
    assert!(!ws.session(&map, &sid).unwrap().open);
}

fn ws_apply(ws: &mut Workspace, map: &str, edit: MapEdit) -> storymap_api::MapChange {
    ws.apply_edit(map, edit).expect("valid edit")
}

#[test]
fn undo_takes_back_a_session_edit_and_answers_the_session() {
    let (_dir, mut ws, map, stories) = workspace();
    let start = MapEdit::from(SessionEdit::StartSession {
        story_ids: Some(vec![stories[2].clone()]),
        story_count: None,
        length_minutes: Some(45),
        timebox_minutes: None,
        deck: None,
        participants: None,
    });
    let sid = ws.apply_edit(&map, start).unwrap().created_id.unwrap();
    ws_apply(
        &mut ws,
        &map,
        MapEdit::from(SessionEdit::EndSession {
            session_id: sid.clone(),
        }),
    );
    let undone = ws.undo(&map).unwrap();
    assert!(undone.session.expect("the session").open);
    // Undoing the start removes the session: the change then carries none.
    let gone = ws.undo(&map).unwrap();
    assert_eq!(gone.session, None);
    assert!(ws.sessions(&map).unwrap().is_empty());
}

#[test]
fn the_projector_view_leaves_private_notes_out() {
    let (_dir, mut ws, map, stories) = workspace();
    ws_apply(
        &mut ws,
        &map,
        MapEdit::from(StoryEdit::SetStoryText {
            story_id: stories[0].clone(),
            field: StoryTextField::Notes,
            text: "Sponsor may cut this".into(),
        }),
    );
    let focus = || PresentationFocus::Story {
        story_id: stories[0].clone(),
    };
    let shown = ws.presentation(&map, focus()).unwrap();
    assert_eq!(shown.story.unwrap().notes, None);
    let change = ws_apply(
        &mut ws,
        &map,
        MapEdit::from(StoryEdit::SetNotesPrivate {
            story_id: stories[0].clone(),
            private: false,
        }),
    );
    assert!(!change.stories[0].notes_private);
    let shown = ws.presentation(&map, focus()).unwrap();
    assert_eq!(
        shown.story.unwrap().notes.as_deref(),
        Some("Sponsor may cut this")
    );
    let view = ws.view(&map).unwrap();
    let slice = ws
        .presentation(
            &map,
            PresentationFocus::Slice {
                release_id: view.releases[0].id.clone(),
            },
        )
        .unwrap();
    assert_eq!(slice.title, "MVP");
    assert_eq!(slice.columns[0].cards.len(), 3);
}
