//! The `storymap` binary refusing what it must not touch and ending quietly when it should
//! (issue #14): another application's database, an import that brings nothing in.

mod common;

use common::{add_to_shop, make_shop, stderr, stdout, storymap};
use std::path::Path;
use std::process::Command;

#[test]
fn another_applications_database_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("storymap.sqlite3");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TABLE maps (id INTEGER, lat REAL); INSERT INTO maps VALUES (1, 2.5);",
        )
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    for args in [&["map", "list"][..], &["map", "create", "Grocery app"][..]] {
        let message = stderr(&storymap(dir.path(), args));
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains("not a Storymap database"), "{message}");
        assert_eq!(message.trim().lines().count(), 1, "{message}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_jira_import_whose_every_row_is_skipped_fails_and_creates_no_map() {
    let dir = tempfile::tempdir().unwrap();
    let file = format!(
        "{}/../../tests/fixtures/jira/all-skipped.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let message = stderr(&storymap(dir.path(), &["import", "jira-csv", &file]));
    assert!(
        message.contains("all-skipped.csv: no row of the file could be imported"),
        "{message}"
    );
    assert!(message.contains("all 3 rows were skipped"), "{message}");
    let list = storymap(dir.path(), &["map", "list"]);
    assert!(list.status.success());
    assert!(
        list.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&list.stdout)
    );
}

/// A map whose JSON export is several pipe buffers long.
fn big_map(data_dir: &Path) {
    let mut workspace = storymap_api::Workspace::open(data_dir).unwrap();
    let map_id = workspace.create_map("Big").unwrap().map.id;
    let title = "A story with a long title that takes room ".repeat(6);
    for n in 0..300 {
        let title = format!("{title}{n}");
        workspace
            .add_story_at(&map_id, "Shop", "Search", "MVP", &title)
            .unwrap();
    }
}

#[test]
fn an_export_to_a_closed_pipe_ends_quietly_with_success() {
    let dir = tempfile::tempdir().unwrap();
    big_map(dir.path());
    for args in [
        &["export", "json", "--map", "Big"][..],
        &["map", "list"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_storymap"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Like `| head -1` that already left: the reader is gone before the first write.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let errors = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{args:?}: {errors}");
        assert!(errors.is_empty(), "{args:?}: {errors}");
    }
}

#[test]
fn titles_with_control_characters_are_refused_on_every_way_in() {
    let dir = tempfile::tempdir().unwrap();
    let message = stderr(&storymap(dir.path(), &["map", "create", "Shop\u{1b}[2J"]));
    assert!(message.contains("control character U+001B"), "{message}");
    assert!(storymap(dir.path(), &["map", "create", "Shop"])
        .status
        .success());
    let story = |title: &str| add_to_shop(dir.path(), title);
    assert!(story("Pay by card").status.success());
    let message = stderr(&story("Pay\u{7} by card"));
    assert!(message.contains("control character U+0007"), "{message}");
    let export = storymap(dir.path(), &["export", "json", "--map", "Shop"]);
    let json = String::from_utf8(export.stdout).unwrap();
    assert!(json.contains("Pay by card"), "{json}");
    let file = dir.path().join("escape.json");
    std::fs::write(&file, json.replace("Pay by card", "Pay\\u001b by card")).unwrap();
    let message = stderr(&storymap(
        dir.path(),
        &["map", "import", file.to_str().unwrap()],
    ));
    assert!(message.contains("control character U+001B"), "{message}");
}

#[test]
fn changes_on_a_map_never_synced_list_everything_since_it_was_made() {
    // `--since last-sync` is the default, so a map never synced must answer, not fail.
    let dir = tempfile::tempdir().unwrap();
    make_shop(dir.path());
    let changes = stdout(&storymap(dir.path(), &["changes", "--map", "Shop"]));
    assert!(
        changes.starts_with("Not synced yet: everything since this map was created: "),
        "{changes}"
    );
    assert!(changes.contains("Pay by card"), "{changes}");
}

/// A map "Shop" with one story, in a fresh data directory.
fn shop() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    make_shop(dir.path());
    dir
}

/// A web server on loopback that answers every request "200 OK", in a thread that lives
/// as long as the test process.
fn plain_web_server() -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("ws://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = Vec::new();
            let mut buffer = [0; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buffer[..n]),
                }
            }
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        }
    });
    url
}

#[test]
fn a_web_server_that_is_not_a_sync_server_is_named_and_the_map_stays_intact() {
    let dir = shop();
    let server = plain_web_server();
    let message = stderr(&storymap(
        dir.path(),
        &["sync", "--map", "Shop", "--server", &server, "--once"],
    ));
    assert!(
        message.contains(&format!("cannot reach the sync server at {server}: a web server answered (HTTP 200 OK), but it is not a sync server")),
        "{message}"
    );
    let json = stdout(&storymap(dir.path(), &["export", "json", "--map", "Shop"]));
    assert!(json.contains("Pay by card"), "{json}");
}

#[test]
fn an_unencrypted_server_on_the_internet_is_refused_before_anything_is_sent() {
    let dir = shop();
    let message = stderr(&storymap(
        dir.path(),
        &[
            "sync",
            "--map",
            "Shop",
            "--server",
            "ws://sync.example.org:3030",
            "--once",
        ],
    ));
    assert!(
        message.contains("ws://sync.example.org:3030 is not encrypted, and a map would cross the internet in clear text: use wss://sync.example.org:3030"),
        "{message}"
    );
}

#[test]
fn continuous_sync_prints_each_failed_attempt_with_its_reason_and_the_next_try() {
    use std::io::BufRead;
    let dir = shop();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_storymap"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["sync", "--map", "Shop", "--server"])
        .arg(format!("ws://127.0.0.1:{port}"))
        .env_remove("STORYMAP_DATA_DIR")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    // Two failed attempts, each printed as it happens (the loop ends on them, not a clock).
    let offline: Vec<String> = lines
        .map_while(Result::ok)
        .filter(|line| line.contains("offline"))
        .take(2)
        .collect();
    child.kill().unwrap();
    child.wait().unwrap();
    let refused = "storymap: sync: offline: nothing is listening there (connection refused); is the server running?; trying again within";
    assert_eq!(offline.len(), 2, "{offline:?}");
    assert!(
        offline[0].starts_with(&format!("{refused} 1 s (attempt 2)")),
        "{offline:?}"
    );
    assert!(
        offline[1].starts_with(&format!("{refused} 1 s (attempt 3)")),
        "{offline:?}"
    );
}
