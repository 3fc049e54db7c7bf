use std::path::PathBuf;

use super::*;

/// `Ok` or the message with its code, as the window would get it.
fn check(arg: &impl IpcArg, name: &str) -> String {
    match arg.check(name) {
        Ok(()) => "ok".into(),
        Err(error) => format!("{:?}: {}", error.code, error.message),
    }
}

#[test]
fn ids_names_and_urls_are_bounded_and_single_line() {
    let long_id = "a".repeat(MAX_ID_CHARS + 1);
    let long_name = "é".repeat(MAX_TITLE_CHARS + 1);
    let cases: Vec<(String, &str, &str)> = vec![
        (
            "9b2f0c1e-4d7a-4f1e-9a51-2c3d4e5f6a7b".into(),
            "map_id",
            "ok",
        ),
        ("s1".into(), "story_id", "ok"),
        (String::new(), "map_id", "InvalidInput: the map id is empty"),
        (
            long_id,
            "session_id",
            "InvalidInput: the session id is longer than 200 characters",
        ),
        (
            "s1\u{0}".into(),
            "story_id",
            "InvalidInput: the story id contains the control character U+0000",
        ),
        ("é".repeat(MAX_TITLE_CHARS), "name", "ok"),
        (
            long_name,
            "name",
            "InvalidInput: the name is longer than 500 characters",
        ),
        (
            "Shop\u{1b}[2J".into(),
            "title",
            "InvalidInput: the title contains the control character U+001B",
        ),
        ("wss://sync.example.org".into(), "server_url", "ok"),
        ("automerge:2j9knpCseyhnK8izDmLpGP5WMdZQ".into(), "url", "ok"),
        (
            "x".repeat(MAX_URL_CHARS + 1),
            "url",
            "InvalidInput: the url is longer than 2,048 characters",
        ),
        ("Summary,Status\nPay,To Do\n".into(), "csv_text", "ok"),
        (
            "anything".into(),
            "query",
            "Internal: the argument query has no check",
        ),
    ];
    for (value, name, expected) in cases {
        assert_eq!(check(&value, name), expected, "{name} = {value:.40}");
    }
}

#[test]
fn paths_must_be_full_paths_of_bounded_length() {
    assert_eq!(
        check(&PathBuf::from("/home/ana/Shop.storymap"), "path"),
        "ok"
    );
    assert_eq!(
        check(&PathBuf::from("Shop.storymap"), "path"),
        "InvalidInput: the path 'Shop.storymap' is not a full path: choose the file in the dialog"
    );
    let long = PathBuf::from(format!("/{}", "d/".repeat(MAX_PATH_BYTES)));
    assert_eq!(
        check(&long, "path"),
        "InvalidInput: the path is longer than 4,096 bytes"
    );
}

#[test]
fn the_texts_inside_structured_arguments_are_checked_by_their_field_name() {
    let query = BacklogQuery {
        label: Some("x".repeat(MAX_TITLE_CHARS + 1)),
        ..BacklogQuery::default()
    };
    assert_eq!(
        check(&query, "query"),
        "InvalidInput: the label is longer than 500 characters"
    );
    let prefs = ViewPrefs {
        collapsed_release_ids: vec!["r1".into(); MAX_COLLAPSED_SLICES + 1],
        zoom: 1.0,
    };
    assert_eq!(
        check(&prefs, "prefs"),
        "InvalidInput: 1,001 collapsed slices is more than a map has"
    );
    let focus = PresentationFocus::Story {
        story_id: String::new(),
    };
    assert_eq!(
        check(&focus, "focus"),
        "InvalidInput: the story id is empty"
    );
    let target = JiraTarget::NewMap {
        name: "Backlog\u{7}".into(),
    };
    assert_eq!(
        check(&target, "target"),
        "InvalidInput: the name contains the control character U+0007"
    );
    let settings = SyncSettingsInput {
        enabled: true,
        server_url: Some("wss://sync.example.org/\n".into()),
        make_default: false,
        display_name: "Ana".into(),
    };
    assert_eq!(
        check(&settings, "settings"),
        "InvalidInput: the server url contains the control character U+000A"
    );
}
