//! Sync through the real `@automerge/automerge-repo-sync-server` from npm, started here
//! on 127.0.0.1 and a free port: two laptops edit offline and converge, a third joins
//! by link, and a server that is down or dies mid-sync costs no edit.
//! Needs `npm ci` (the server is a dev dependency); `.ci/run` installs it.

// A journey reads top to bottom as the user lives it; splitting it would hide the story.
#![allow(clippy::too_many_lines)]

mod common;

use common::storymap;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use storymap_api::{CardEdit, CriteriaEdit, SliceEdit};
use storymap_api::{MapEdit, Workspace};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The npm sync server in a child process, pinned to loopback by a preload.
struct SyncServer {
    child: Child,
    port: u16,
    data: tempfile::TempDir,
}

impl SyncServer {
    fn start() -> SyncServer {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let data = tempfile::tempdir().unwrap();
        let child = Self::spawn(port, data.path());
        SyncServer { child, port, data }
    }

    fn spawn(port: u16, data: &Path) -> Child {
        let root = repo_root();
        let entry = root.join("node_modules/@automerge/automerge-repo-sync-server/src/index.js");
        assert!(
            entry.exists(),
            "the sync server is not installed: run `npm ci` at the repository root"
        );
        let mut child = Command::new("node")
            .arg("--require")
            .arg(root.join("tests/sync/loopback.cjs"))
            .arg(entry)
            .current_dir(data)
            .env("PORT", port.to_string())
            .env("DATA_DIR", data.join("store"))
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node runs");
        let mut line = String::new();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let started = Instant::now();
        while !line.contains("Listening on port") {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "sync server exited");
            assert!(started.elapsed() < Duration::from_secs(30), "server start");
        }
        child
    }

    fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.port)
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// A copy of what the server has stored now.
    fn snapshot(&self) -> tempfile::TempDir {
        let copy = tempfile::tempdir().unwrap();
        copy_dir(&self.data.path().join("store"), &copy.path().join("store"));
        copy
    }

    /// The server started again on the same port with `snapshot`'s older storage. (The
    /// reference server writes its files in place, so one killed mid-write may keep a
    /// torn chunk and stop answering for that map; an older copy is what a backup gives.)
    fn restart_from(&mut self, snapshot: &Path) {
        self.kill();
        let store = self.data.path().join("store");
        let _ = std::fs::remove_dir_all(&store);
        copy_dir(&snapshot.join("store"), &store);
        self.child = Self::spawn(self.port, self.data.path());
    }

    /// Bytes the server has stored, to see that something arrived.
    fn stored_bytes(&self) -> u64 {
        fn size(dir: &Path) -> u64 {
            std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| {
                    let meta = e.metadata().unwrap();
                    if meta.is_dir() {
                        size(&e.path())
                    } else {
                        meta.len()
                    }
                })
                .sum()
        }
        size(&self.data.path().join("store"))
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).into_iter().flatten().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Drop for SyncServer {
    fn drop(&mut self) {
        self.kill();
    }
}

fn ok(output: Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

fn sync(dir: &Path, map: &str, server: &SyncServer) {
    ok(storymap(
        dir,
        &["sync", "--map", map, "--server", &server.url(), "--once"],
    ));
}

fn export(dir: &Path, map: &str) -> serde_json::Value {
    serde_json::from_str(&ok(storymap(dir, &["export", "json", "--map", map]))).unwrap()
}

/// A laptop's data directory, edited through the same handlers as the app.
struct Laptop {
    dir: tempfile::TempDir,
}

impl Laptop {
    /// A data directory whose changes are signed `name`.
    fn new(name: &str) -> Laptop {
        let dir = tempfile::tempdir().unwrap();
        Workspace::open(dir.path())
            .unwrap()
            .set_display_name(name)
            .unwrap();
        Laptop { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn edit(&self, map_id: &str, edit: MapEdit) {
        let mut workspace = Workspace::open(self.path()).unwrap();
        workspace.apply_edit(map_id, edit).unwrap();
    }

    fn story_id(&self, map_id: &str, title: &str) -> String {
        let view = Workspace::open(self.path()).unwrap().view(map_id).unwrap();
        view.stories
            .iter()
            .find(|s| s.title == title)
            .unwrap_or_else(|| panic!("no story '{title}'"))
            .id
            .clone()
    }
}

fn titles_and_criteria(map: &serde_json::Value) -> Vec<(String, usize)> {
    let mut stories: Vec<(String, usize)> = map["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let criteria = s["acceptanceCriteria"].as_array().map_or(0, Vec::len);
            (s["title"].as_str().unwrap().to_owned(), criteria)
        })
        .collect();
    stories.sort();
    stories
}

#[test]
fn two_laptops_edit_offline_sync_and_agree_and_a_third_joins_by_link() {
    let server = SyncServer::start();
    let (ana, ben, cleo) = (Laptop::new("ana"), Laptop::new("ben"), Laptop::new("cleo"));
    let map_id = ok(storymap(ana.path(), &["map", "create", "Team map"]));
    for title in ["Search by name", "Pay by card"] {
        ok(storymap(
            ana.path(),
            &[
                "story",
                "add",
                "--map",
                &map_id,
                "--activity",
                "Shop",
                "--step",
                "Find",
                "--release",
                "MVP",
                "--title",
                title,
            ],
        ));
    }
    let link = ok(storymap(ana.path(), &["share", "--map", &map_id]));
    assert!(link.starts_with("automerge:"), "{link}");
    sync(ana.path(), &map_id, &server);
    let joined = ok(storymap(
        ben.path(),
        &["join", &link, "--server", &server.url()],
    ));
    assert_eq!(joined, format!("{map_id}  Team map"));
    assert_eq!(export(ben.path(), &map_id), export(ana.path(), &map_id));

    // Offline on both laptops: the same title, criteria on the same story, moves.
    let search = ana.story_id(&map_id, "Search by name");
    let pay = ana.story_id(&map_id, "Pay by card");
    let rename = |title: &str| {
        MapEdit::from(CardEdit::RenameStory {
            story_id: search.clone(),
            title: title.into(),
        })
    };
    let criteria = |text: &str| {
        MapEdit::from(CriteriaEdit::AddCriteria {
            story_id: search.clone(),
            text: text.into(),
        })
    };
    ana.edit(&map_id, rename("Search by product name"));
    ben.edit(&map_id, rename("Find a product by name"));
    ana.edit(
        &map_id,
        criteria("Shows matches as I type\nIgnores upper case"),
    );
    ben.edit(&map_id, criteria("Works offline"));
    let view = Workspace::open(ana.path()).unwrap().view(&map_id).unwrap();
    let (step, release) = (
        view.activities[0].steps[0].id.clone(),
        view.releases[0].id.clone(),
    );
    ana.edit(
        &map_id,
        MapEdit::from(CardEdit::MoveStory {
            story_id: pay.clone(),
            step_id: step.clone(),
            release_id: release.clone(),
            to_index: 0,
        }),
    );
    ben.edit(
        &map_id,
        MapEdit::from(SliceEdit::AddRelease {
            title: "Release 2".into(),
        }),
    );
    let later = Workspace::open(ben.path())
        .unwrap()
        .view(&map_id)
        .unwrap()
        .releases[1]
        .id
        .clone();
    ben.edit(
        &map_id,
        MapEdit::from(CardEdit::MoveStory {
            story_id: pay.clone(),
            step_id: step,
            release_id: later,
            to_index: 0,
        }),
    );

    sync(ana.path(), &map_id, &server);
    sync(ben.path(), &map_id, &server);
    sync(ana.path(), &map_id, &server);
    let (a, b) = (export(ana.path(), &map_id), export(ben.path(), &map_id));
    assert_eq!(a, b, "both laptops hold the same map");
    let stories = titles_and_criteria(&a);
    assert_eq!(stories.len(), 2, "no card lost or duplicated: {stories:?}");
    let search_story = stories.iter().find(|(t, _)| t != "Pay by card").unwrap();
    assert!(
        ["Search by product name", "Find a product by name"].contains(&search_story.0.as_str()),
        "one of the two titles wins: {stories:?}"
    );
    assert_eq!(search_story.1, 3, "every criterion from both sides, once");
    assert_eq!(a["releases"].as_array().unwrap().len(), 2);

    // The disagreement is visible on both laptops, with both values and their authors.
    let conflicts = ok(storymap(ana.path(), &["conflicts", "--map", &map_id]));
    assert!(conflicts.contains(" — title\n"), "{conflicts}");
    assert!(
        conflicts.contains("Pay by card — position"),
        "moved to two places: {conflicts}"
    );
    for (value, author) in [
        ("Search by product name", "ana"),
        ("Find a product by name", "ben"),
    ] {
        assert!(
            conflicts
                .lines()
                .any(|l| l.contains(value) && l.contains(&format!("by {author}"))),
            "{conflicts}"
        );
    }
    assert_eq!(
        ok(storymap(ben.path(), &["conflicts", "--map", &map_id])),
        conflicts
    );

    // A third teammate joins by the invitation (map and server in one link) and gets
    // everything.
    let invitation = storymap_api::invitation_link(&link, &server.url());
    ok(storymap(cleo.path(), &["join", &invitation]));
    assert_eq!(export(cleo.path(), &map_id), a);
}

#[test]
fn a_server_that_is_down_or_dies_mid_sync_costs_no_edit() {
    let mut server = SyncServer::start();
    let (ana, ben) = (Laptop::new("ana"), Laptop::new("ben"));
    let map_id = ok(storymap(ana.path(), &["map", "create", "Big map"]));
    ok(storymap(
        ana.path(),
        &[
            "story",
            "add",
            "--map",
            &map_id,
            "--activity",
            "Shop",
            "--step",
            "Find",
            "--release",
            "MVP",
            "--title",
            "First",
        ],
    ));
    sync(ana.path(), &map_id, &server);
    let link = ok(storymap(ana.path(), &["share", "--map", &map_id]));
    ok(storymap(
        ben.path(),
        &["join", &link, "--server", &server.url()],
    ));

    // Many edits on ana's laptop, then the server dies while they upload.
    {
        let mut workspace = Workspace::open(ana.path()).unwrap();
        for i in 0..300 {
            workspace
                .add_story_at(&map_id, "Shop", "Find", "MVP", &format!("Story {i}"))
                .unwrap();
        }
    }
    let url = server.url();
    let before_upload = server.snapshot();
    let stored_before = server.stored_bytes();
    let mut uploading = Command::new(env!("CARGO_BIN_EXE_storymap"))
        .args(["--data-dir"])
        .arg(ana.path())
        .args(["sync", "--map", &map_id, "--server", &url, "--once"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Killed once the upload has begun to arrive (or has already finished).
    while server.stored_bytes() == stored_before && uploading.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_millis(5));
    }
    server.kill();
    let outcome = uploading.wait_with_output().unwrap();
    if !outcome.status.success() {
        let message = String::from_utf8_lossy(&outcome.stderr);
        assert!(
            message.contains("sync server") && !message.contains("panicked"),
            "a clear message: {message}"
        );
    }

    // While the server is down: a clear message and exit code, and the edits are kept.
    let down = storymap(
        ana.path(),
        &["sync", "--map", &map_id, "--server", &url, "--once"],
    );
    assert_eq!(down.status.code(), Some(1));
    let message = String::from_utf8_lossy(&down.stderr);
    assert!(
        message.starts_with("storymap: error: cannot reach the sync server at ws://127.0.0.1:")
            && message.contains("Your edits are kept"),
        "{message}"
    );
    let listed = ok(storymap(ana.path(), &["map", "list"]));
    assert!(listed.contains("301 stories"), "{listed}");

    // The server comes back with what it had before the upload; the sync completes.
    server.restart_from(before_upload.path());
    sync(ana.path(), &map_id, &server);
    sync(ben.path(), &map_id, &server);
    assert_eq!(export(ben.path(), &map_id), export(ana.path(), &map_id));
    assert_eq!(titles_and_criteria(&export(ben.path(), &map_id)).len(), 301);
}

#[test]
fn a_wrong_link_or_server_address_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let bad_link = storymap(
        dir.path(),
        &["join", "automerge:nope!", "--server", "ws://127.0.0.1:9"],
    );
    assert!(String::from_utf8_lossy(&bad_link.stderr).contains("is not a map link"));
    let map_id = ok(storymap(dir.path(), &["map", "create", "Mine"]));
    let bad_server = storymap(
        dir.path(),
        &["sync", "--map", &map_id, "--server", "http://x", "--once"],
    );
    assert_eq!(bad_server.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&bad_server.stderr)
            .contains("'http://x' is not a sync server address"),
        "{}",
        String::from_utf8_lossy(&bad_server.stderr)
    );
}

#[test]
fn a_javascript_automerge_repo_client_edits_a_map_the_app_made() {
    let server = SyncServer::start();
    let ana = Laptop::new("ana");
    let map_id = ok(storymap(ana.path(), &["map", "create", "Shared with JS"]));
    let story = ok(storymap(
        ana.path(),
        &[
            "story",
            "add",
            "--map",
            &map_id,
            "--activity",
            "Shop",
            "--step",
            "Find",
            "--release",
            "MVP",
            "--title",
            "Search",
        ],
    ));
    sync(ana.path(), &map_id, &server);
    let link = ok(storymap(ana.path(), &["share", "--map", &map_id]));
    let client = Command::new("node")
        .arg(repo_root().join("tests/sync/outside-client.mjs"))
        .args([&server.url(), &link, &story, "Search (edited in JS)"])
        .current_dir(repo_root())
        .output()
        .unwrap();
    assert_eq!(ok(client), "edited");
    sync(ana.path(), &map_id, &server);
    let map = export(ana.path(), &map_id);
    let edited = &map["stories"][0];
    assert_eq!(edited["title"], "Search (edited in JS)");
    assert_eq!(
        edited["acceptanceCriteria"][0]["text"],
        "Added by a JavaScript client"
    );
}
