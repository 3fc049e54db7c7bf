//! docs/team-server.md, followed: the sync server is started from the systemd unit the page
//! gives (its command, working directory stand-in and environment; only the port, the
//! storage folder and loopback differ, as a test must), and two data directories sync
//! through it. If the page's unit stops working, this fails.

mod common;

use common::{add_to_shop, make_shop, stdout, storymap};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `[Service]` lines of the page's unit: `(key, value)` in order.
fn unit_from_the_page() -> Vec<(String, String)> {
    let page = std::fs::read_to_string(repo_root().join("docs/team-server.md")).unwrap();
    let unit = page
        .split("```ini\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/team-server.md has the systemd unit in an ```ini block");
    unit.lines()
        .filter_map(|line| line.split_once('='))
        .map(|(key, value)| (key.to_owned(), value.to_owned()))
        .collect()
}

/// The server process, stopped however the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the server as the unit says; the page's working directory holds the same npm
/// package as this repository's root, where `npm ci` installed it.
fn start_as_documented(port: u16, storage: &Path) -> Server {
    let unit = unit_from_the_page();
    let value = |key: &str| -> Vec<&str> {
        unit.iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let exec: Vec<&str> = value("ExecStart")[0].split_whitespace().collect();
    assert_eq!(exec[0], "/usr/bin/node", "the unit runs Debian's node");
    let mut command = Command::new(exec[0]);
    command.args(&exec[1..]).current_dir(repo_root());
    for assignment in value("Environment") {
        let (name, documented) = assignment.split_once('=').unwrap();
        let used = match name {
            "PORT" => {
                assert_eq!(documented, "3030");
                port.to_string()
            }
            "DATA_DIR" => {
                assert_eq!(
                    documented,
                    value("ReadWritePaths")[0],
                    "storage is writable"
                );
                storage.display().to_string()
            }
            other => panic!("the test does not know the unit's {other}"),
        };
        command.env(name, used);
    }
    // Tests listen on 127.0.0.1 only (the server has no host option).
    let loopback = repo_root().join("tests/sync/loopback.cjs");
    command.env("NODE_OPTIONS", format!("--require {}", loopback.display()));
    let mut server = Server(
        command
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node runs"),
    );
    let mut out = BufReader::new(server.0.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("Listening on port") {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "the server exited");
    }
    server
}

fn titles(dir: &Path) -> Vec<String> {
    let json = stdout(&storymap(dir, &["export", "json", "--map", "Shop"]));
    let map: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut titles: Vec<String> = map["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap().to_owned())
        .collect();
    titles.sort();
    titles
}

#[test]
fn the_documented_server_syncs_two_laptops() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let storage = tempfile::tempdir().unwrap();
    let _server = start_as_documented(port, storage.path());
    let url = format!("ws://127.0.0.1:{port}");
    let (ana, ben) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    make_shop(ana.path());
    let link = stdout(&storymap(ana.path(), &["share", "--map", "Shop"]));
    let sync = |dir: &Path| {
        stdout(&storymap(
            dir,
            &["sync", "--map", "Shop", "--server", &url, "--once"],
        ))
    };
    sync(ana.path());
    stdout(&storymap(ben.path(), &["join", &link, "--server", &url]));
    stdout(&add_to_shop(ben.path(), "Pay by invoice"));
    sync(ben.path());
    sync(ana.path());
    let both = vec!["Pay by card".to_owned(), "Pay by invoice".to_owned()];
    assert_eq!(titles(ana.path()), both);
    assert_eq!(titles(ben.path()), both);
    // The server kept the map in the folder the page says to back up.
    assert!(std::fs::read_dir(storage.path()).unwrap().next().is_some());
}
