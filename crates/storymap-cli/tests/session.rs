//! `storymap session list|summary` on a session run through the Workspace API.

// A journey reads top to bottom as the user lives it; splitting it would hide the story.
#![allow(clippy::too_many_lines)]

use std::path::Path;
use std::process::Command;

use storymap_api::{MapEdit, SessionNoteKind, StoryTextField, Workspace};
use storymap_api::{RoomEdit, SessionEdit, StoryEdit};

fn storymap(data_dir: &Path, args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_storymap"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("STORYMAP_DATA_DIR")
        .output()
        .expect("storymap runs");
    let text = if output.status.success() {
        output.stdout
    } else {
        output.stderr
    };
    (output.status.success(), String::from_utf8(text).unwrap())
}

#[test]
fn the_summary_of_the_latest_session_prints_as_markdown_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    ws.set_display_name("ana").unwrap();
    let map = ws.create_map("Shop").unwrap().map.id;
    let stories: Vec<String> = ["Pay by card", "Refunds"]
        .iter()
        .map(|t| ws.add_story_at(&map, "Buy", "Pay", "MVP", t).unwrap())
        .collect();
    let mut edit = |e: MapEdit| ws.apply_edit(&map, e).unwrap();
    let sid = edit(MapEdit::from(SessionEdit::StartSession {
        story_ids: None,
        story_count: None,
        length_minutes: Some(45),
        timebox_minutes: None,
        deck: None,
        participants: None,
    }))
    .created_id
    .unwrap();
    edit(MapEdit::from(StoryEdit::SetStoryText {
        story_id: stories[0].clone(),
        field: StoryTextField::NeedsInputFrom,
        text: "UX".into(),
    }));
    edit(MapEdit::from(RoomEdit::MarkSessionStoryRefined {
        session_id: sid.clone(),
        story_id: stories[0].clone(),
    }));
    edit(MapEdit::from(RoomEdit::ParkSessionStory {
        session_id: sid.clone(),
        story_id: stories[1].clone(),
        reason: "Waiting for the payment provider".into(),
    }));
    edit(MapEdit::from(SessionEdit::AddSessionNote {
        session_id: sid.clone(),
        story_id: None,
        note_kind: SessionNoteKind::NextStep,
        text: "Ana books the UX review".into(),
    }));
    edit(MapEdit::from(SessionEdit::EndSession {
        session_id: sid.clone(),
    }));
    drop(ws);

    let (ok, markdown) = storymap(dir.path(), &["session", "summary", "--map", "Shop"]);
    assert!(ok, "{markdown}");
    expect_test::expect![[r#"
        **None of the top 2 backlog items is ready for the next sprint yet; one needs UX input before it is ready; one is parked.**

        We've refined 2 items — 0 ready (0 pts), 1 parked, 1 needs UX input.
        Ready backlog: 0 pts.

        ### Open blockers

        - 'Pay by card' needs input from UX
        - 'Refunds' is parked: Waiting for the payment provider

        ### Next steps

        - Ana books the UX review
    "#]]
    .assert_eq(&markdown);
    let args = [
        "session",
        "summary",
        "--map",
        "Shop",
        "--session",
        &sid,
        "--format",
        "text",
    ];
    let (ok, text) = storymap(dir.path(), &args);
    assert!(ok, "{text}");
    assert!(
        text.starts_with("None of the top 2 backlog items is ready"),
        "{text}"
    );
    assert!(
        text.contains("\nNext steps:\n- Ana books the UX review\n"),
        "{text}"
    );
    let (ok, list) = storymap(dir.path(), &["session", "list", "--map", "Shop"]);
    assert!(ok, "{list}");
    assert!(list.starts_with(&sid), "{list}");
    assert!(
        list.contains("ended  2 stories, 1 refined, 1 parked  by ana"),
        "{list}"
    );
    let (ok, error) = storymap(
        dir.path(),
        &["session", "summary", "--map", "Shop", "--session", "nope"],
    );
    assert!(!ok);
    assert_eq!(
        error,
        "storymap: error: no session with id nope in this map\n"
    );

    // -o saves what would print, whole; only as Markdown or text.
    let file = dir.path().join("update.md");
    let out = file.to_str().unwrap();
    let (ok, said) = storymap(
        dir.path(),
        &["session", "summary", "--map", "Shop", "-o", out],
    );
    assert!(ok, "{said}");
    assert_eq!(said, format!("Saved the session summary to {out}\n"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), markdown);
    let wrong = dir.path().join("update.exe");
    let (ok, error) = storymap(
        dir.path(),
        &[
            "session",
            "summary",
            "--map",
            "Shop",
            "-o",
            wrong.to_str().unwrap(),
        ],
    );
    assert!(!ok);
    assert!(
        error.ends_with("an update is saved as Markdown (.md) or text (.txt)\n"),
        "{error}"
    );
    assert!(!wrong.exists());
}
