//! A story's comments and links: two people commenting offline keep both, edit against
//! delete, only the author changes a comment, links refuse other schemes, undo.

mod merge_common;

use merge_common::{copy_for, small_map, TIME};
use storymap_core::{CommentEdit, Edit, EditContext, LinkEdit, MapDocument, UndoRecord};

fn by(author: &str, id: &str, at: i64) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: at,
        author: author.into(),
    }
}

fn comment(map: &mut MapDocument, who: &EditContext, text: &str) -> UndoRecord {
    let edit = Edit::from(CommentEdit::AddComment {
        story_id: "c0".into(),
        text: text.into(),
    });
    let applied = map.apply(&edit, who).unwrap();
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

fn thread(map: &MapDocument) -> Vec<(String, String, i64, String)> {
    let story = map.read_story("c0").unwrap();
    let comments = story.details.comments.into_iter();
    comments.map(|c| (c.id, c.author, c.at, c.text)).collect()
}

fn sync(a: &mut MapDocument, b: &mut MapDocument) {
    a.merge(&b.save()).unwrap();
    b.merge(&a.save()).unwrap();
}

#[test]
fn two_people_commenting_offline_keep_both_comments_ordered_by_time() {
    let mut ana = small_map();
    let mut ben = copy_for(&ana, "ben");
    comment(
        &mut ben,
        &by("ben", "k-ben", TIME + 5),
        "@ana the mock-up is in Figma",
    );
    comment(
        &mut ana,
        &by("ana", "k-ana", TIME + 9),
        "Needs a legal check",
    );
    comment(
        &mut ana,
        &by("ana", "k-ana2", TIME + 5),
        "Same second as ben",
    );
    sync(&mut ana, &mut ben);
    let expected = vec![
        (
            "k-ana2".into(),
            "ana".into(),
            TIME + 5,
            "Same second as ben".into(),
        ),
        (
            "k-ben".into(),
            "ben".into(),
            TIME + 5,
            "@ana the mock-up is in Figma".into(),
        ),
        (
            "k-ana".into(),
            "ana".into(),
            TIME + 9,
            "Needs a legal check".into(),
        ),
    ];
    assert_eq!(thread(&ana), expected);
    assert_eq!(thread(&ben), expected, "both replicas read one order");
}

#[test]
fn an_edit_against_a_delete_leaves_the_comment_deleted_everywhere() {
    let mut ana = small_map();
    comment(&mut ana, &by("ana", "k1", TIME + 1), "First draft");
    let mut other_device = copy_for(&ana, "ana");
    let edit = Edit::from(CommentEdit::EditComment {
        story_id: "c0".into(),
        comment_id: "k1".into(),
        text: "Second draft".into(),
    });
    other_device
        .apply(&edit, &by("ana", "x", TIME + 2))
        .unwrap();
    let delete = Edit::from(CommentEdit::DeleteComment {
        story_id: "c0".into(),
        comment_id: "k1".into(),
    });
    ana.apply(&delete, &by("ana", "y", TIME + 3)).unwrap();
    sync(&mut ana, &mut other_device);
    assert!(
        thread(&ana).is_empty(),
        "a delete is a flag, the edit cannot undo it"
    );
    assert!(thread(&other_device).is_empty());
}

#[test]
fn only_the_author_edits_or_deletes_a_comment() {
    let mut ana = small_map();
    comment(&mut ana, &by("ana", "k1", TIME + 1), "Mine");
    let mut ben = copy_for(&ana, "ben");
    let delete = Edit::from(CommentEdit::DeleteComment {
        story_id: "c0".into(),
        comment_id: "k1".into(),
    });
    let refused = ben.apply(&delete, &by("ben", "y", TIME + 3)).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "only ana can change or delete this comment"
    );
    let too_long = Edit::from(CommentEdit::AddComment {
        story_id: "c0".into(),
        text: "x".repeat(storymap_core::limits::MAX_COMMENT_CHARS + 1),
    });
    let refused = ana.apply(&too_long, &by("ana", "z", TIME)).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "the comment is longer than 5000 characters"
    );
}

#[test]
fn adding_a_comment_undoes_and_redoes() {
    let mut ana = small_map();
    let record = comment(&mut ana, &by("ana", "k1", TIME + 1), "Oops");
    let undone = ana.revert(&record, TIME + 2).unwrap();
    assert!(thread(&ana).is_empty());
    let redo = UndoRecord {
        label: record.label,
        writes: undone.applied.writes,
    };
    ana.revert(&redo, TIME + 3).unwrap();
    assert_eq!(thread(&ana).len(), 1);
}

#[test]
fn links_keep_allowed_schemes_only() {
    let mut ana = small_map();
    let add = |title: &str, url: &str| {
        Edit::from(LinkEdit::AddLink {
            story_id: "c0".into(),
            title: title.into(),
            url: url.into(),
        })
    };
    let refused = ana
        .apply(&add("Evil", "javascript:alert(1)"), &by("ana", "l0", TIME))
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "links may only use http, https or mailto, not 'javascript:'"
    );
    ana.apply(
        &add("Wireframe", " https://figma.com/f/1 "),
        &by("ana", "l1", TIME),
    )
    .unwrap();
    ana.apply(&add("", "mailto:ux@example.com"), &by("ana", "l2", TIME))
        .unwrap();
    let links = ana.read_story("c0").unwrap().details.links;
    let shown: Vec<_> = links
        .iter()
        .map(|l| (l.title.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Wireframe", "https://figma.com/f/1"),
            ("mailto:ux@example.com", "mailto:ux@example.com")
        ]
    );
}
