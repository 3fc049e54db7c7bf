//! `storymap export html`: the stakeholder page of a shop map opened in headless Chromium —
//! the reader sees the map, hostile titles stay text, and the page asks the network for
//! nothing. The checker itself is shown to catch a page that does.

mod browser;

use std::path::Path;
use std::process::{Command, Output};

use storymap_api::{EstimateEdit, MapEdit, SessionEdit, SessionNoteKind, Workspace};

const HOSTILE: &str = "<script>document.title='owned'</script><img src=x onerror=alert(1)>";

fn storymap(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storymap"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("STORYMAP_DATA_DIR")
        .output()
        .expect("storymap runs")
}

/// "Shop": Buy › Pay with two stories in MVP (one hostile), one in Later, and a session
/// that ended with a next step.
fn make_shop(data_dir: &Path) {
    let mut ws = Workspace::open(data_dir).unwrap();
    ws.set_display_name("ana").unwrap();
    let map = ws.create_map("Shop").unwrap().map.id;
    let card = ws
        .add_story_at(&map, "Buy", "Pay", "MVP", "Pay by card")
        .unwrap();
    ws.add_story_at(&map, "Buy", "Pay", "MVP", HOSTILE).unwrap();
    ws.add_story_at(&map, "Find", "Browse", "Later", "Browse offers")
        .unwrap();
    let mut edit = |e: MapEdit| ws.apply_edit(&map, e).unwrap();
    edit(MapEdit::from(EstimateEdit::SetEstimate {
        story_id: card.clone(),
        estimate: Some("5".into()),
    }));
    let session = edit(MapEdit::from(SessionEdit::StartSession {
        story_ids: Some(vec![card]),
        story_count: None,
        length_minutes: Some(45),
        timebox_minutes: None,
        deck: None,
        participants: None,
    }))
    .created_id
    .unwrap();
    edit(MapEdit::from(SessionEdit::AddSessionNote {
        session_id: session.clone(),
        story_id: None,
        note_kind: SessionNoteKind::NextStep,
        text: "Ana books the UX review".into(),
    }));
    edit(MapEdit::from(SessionEdit::EndSession {
        session_id: session,
    }));
}

fn export(data_dir: &Path, extra: &[&str]) -> Output {
    let file = data_dir.join("shop.html");
    let mut args = vec![
        "export",
        "html",
        "--map",
        "Shop",
        "-o",
        file.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    storymap(data_dir, &args)
}

#[test]
fn the_page_opens_in_a_browser_with_the_map_and_no_requests() {
    let dir = tempfile::tempdir().unwrap();
    make_shop(dir.path());
    let output = export(dir.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let visit = browser::visit(&dir.path().join("shop.html"));
    assert_eq!(visit.page_requests, Vec::<String>::new());
    let dom = &visit.dom;
    for expected in [
        "<title>Shop · Story map</title>",
        "<h1>Shop</h1>",
        ">Buy</th>",
        ">Pay</th>",
        ">Browse</th>",
        "<div class=\"band-title\">MVP</div>",
        "<div class=\"band-title\">Later</div>",
        "<h3 class=\"card-title\">Pay by card</h3>",
        "<span class=\"estimate\">5 pts</span>",
        "<h3 class=\"card-title\">Browse offers</h3>",
        "Ana books the UX review",
        "Last refinement session",
    ] {
        assert!(dom.contains(expected), "the rendered page lacks {expected}");
    }
    // The hostile title is text: escaped in the DOM, and its script never ran.
    assert!(dom.contains("&lt;script&gt;document.title='owned'&lt;/script&gt;&lt;img src=x"));
    assert!(!dom.contains("<script") && !dom.contains("<img"));
}

#[test]
fn one_slice_by_name_and_an_unknown_one_named_with_the_slices() {
    let dir = tempfile::tempdir().unwrap();
    make_shop(dir.path());
    assert!(export(dir.path(), &["--slice", "later"]).status.success());
    let html = std::fs::read_to_string(dir.path().join("shop.html")).unwrap();
    assert!(html.contains("card-title\">Browse offers<"));
    assert!(!html.contains("card-title\">Pay by card<"));
    let output = export(dir.path(), &["--slice", "Someday"]);
    assert!(!output.status.success());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("'Shop' has no release slice named 'Someday'; its slices are: MVP, Later"),
        "{error}"
    );
}

#[test]
fn the_checker_catches_a_page_that_asks_the_network() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("remote.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"https://fonts.example.com/inter.css\">\
         </head><body><p>Hello</p><img src=\"http://images.example.com/logo.png\"></body></html>",
    )
    .unwrap();
    let visit = browser::visit(&page);
    assert!(visit.dom.contains("<p>Hello</p>"));
    assert_eq!(
        visit.page_requests,
        [
            "http://images.example.com/logo.png",
            "https://fonts.example.com/inter.css"
        ]
    );
}
