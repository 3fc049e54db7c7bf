//! Comments and links through `Workspace` on a real data directory: the answer the UI
//! patches, undo, "What changed", and the JSON export/import round trip.

mod one_story;

use one_story::{one_story, story_of};
use storymap_api::{ChangeKindView, ChangesSince, CommentEdit, ErrorCode, LinkEdit, Workspace};

#[test]
fn a_comment_and_a_link_are_answered_undone_listed_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, story) = one_story(&mut workspace);
    let comment = CommentEdit::AddComment {
        story_id: story.clone(),
        text: "@Ben the mock-up is linked".into(),
    };
    let change = workspace.apply_edit(&map, comment.into()).unwrap();
    let thread = &change.stories[0].comments;
    assert_eq!(thread.len(), 1);
    assert_eq!(thread[0].mentions, ["Ben"]);
    assert!(
        thread[0].at.ends_with('Z'),
        "RFC 3339 in UTC: {}",
        thread[0].at
    );

    let bad = LinkEdit::AddLink {
        story_id: story.clone(),
        title: "Spec".into(),
        url: "file:///etc/passwd".into(),
    };
    let refused = workspace.apply_edit(&map, bad.into()).unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert_eq!(
        refused.message,
        "links may only use http, https or mailto, not 'file:'"
    );
    let link = LinkEdit::AddLink {
        story_id: story.clone(),
        title: "Wireframe".into(),
        url: "https://figma.com/file/1".into(),
    };
    workspace.apply_edit(&map, link.into()).unwrap();
    workspace.undo(&map).unwrap();
    assert!(
        story_of(&workspace, &map, &story).links.is_empty(),
        "undone"
    );
    workspace.redo(&map).unwrap();
    assert_eq!(
        story_of(&workspace, &map, &story).links[0].title,
        "Wireframe"
    );

    let timeline = workspace.story_timeline(&map, &story).unwrap();
    let kinds: Vec<_> = timeline.iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&ChangeKindView::CommentAdded), "{kinds:?}");
    assert!(kinds.contains(&ChangeKindView::Link), "{kinds:?}");

    let json = workspace.export_json(&map).unwrap();
    let exported = story_of(&workspace, &map, &story);
    let other_dir = tempfile::tempdir().unwrap();
    let mut other = Workspace::open(other_dir.path()).unwrap();
    let imported = other.import_json(&json).unwrap();
    let again = imported.stories.iter().find(|s| s.id == story).unwrap();
    assert_eq!(again.comments, exported.comments);
    assert_eq!(again.links, exported.links);
}

#[test]
fn an_imported_file_with_a_bad_url_or_time_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, _) = one_story(&mut workspace);
    let json = workspace.export_json(&map).unwrap();
    let with = |key: &str, value: serde_json::Value| {
        let mut file: serde_json::Value = serde_json::from_str(&json).unwrap();
        file["map"]["id"] = "another-map".into();
        file["stories"][0][key] = value;
        file.to_string()
    };
    let bad_url = with(
        "links",
        serde_json::json!([{ "id": "l1", "title": "x", "url": "javascript:alert(1)" }]),
    );
    let refused = workspace.import_json(&bad_url).unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert!(
        refused.message.contains("not 'javascript:'"),
        "{}",
        refused.message
    );
    let long = "x".repeat(5_001);
    let too_long = with(
        "comments",
        serde_json::json!([{ "id": "k", "author": "a", "at": "2026-12-04T10:00:00Z", "text": long }]),
    );
    let refused = workspace.import_json(&too_long).unwrap_err();
    assert!(
        refused
            .message
            .contains("the comment is longer than 5,000 characters"),
        "{}",
        refused.message
    );
    let bad_time = with(
        "comments",
        serde_json::json!([{ "id": "k", "author": "a", "at": "yesterday", "text": "hi" }]),
    );
    let refused = workspace.import_json(&bad_time).unwrap_err();
    assert!(
        refused
            .message
            .contains("'yesterday' is not an RFC 3339 time"),
        "{}",
        refused.message
    );
}

#[test]
fn a_teammates_mention_is_flagged_for_me_in_the_thread_and_in_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    let (map, story) = one_story(&mut workspace);
    // Ben writes on this device first (as a shared laptop would), then Ana takes over.
    workspace.set_display_name("Ben Ortiz").unwrap();
    let comment = |text: &str| CommentEdit::AddComment {
        story_id: story.clone(),
        text: text.into(),
    };
    let answer = workspace
        .apply_edit(&map, comment("@ana can you check the copy?").into())
        .unwrap();
    assert!(
        !answer.stories[0].comments[0].mentions_you,
        "Ben is not Ana"
    );
    workspace.set_display_name("Ana Lee").unwrap();
    workspace
        .apply_edit(&map, comment("@ana note to self").into())
        .unwrap();
    workspace
        .apply_edit(&map, comment("@ben done, and @carla FYI").into())
        .unwrap();

    let opened = workspace.open_map(&map).unwrap();
    let thread = &opened
        .stories
        .iter()
        .find(|s| s.id == story)
        .unwrap()
        .comments;
    let for_me: Vec<&str> = (thread.iter())
        .filter(|c| c.mentions_you)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        for_me,
        ["@ana can you check the copy?"],
        "only Ben's mention of Ana"
    );
    // The export is the same for everyone: nothing in it is for one reader.
    let json = workspace.export_json(&map).unwrap();
    assert!(!json.contains("mentionsYou"), "{json}");

    // Never synced: "What changed" since the last sync covers all three comments.
    let changes = workspace
        .changes_since(&map, ChangesSince::LastSync)
        .unwrap();
    assert_eq!(changes.mention_count, 1);
    let flagged: Vec<&str> = (changes.stories.iter().flat_map(|s| &s.entries))
        .filter(|e| e.mentions_you)
        .map(|e| e.author.as_str())
        .collect();
    assert_eq!(flagged, ["Ben Ortiz"]);
}
