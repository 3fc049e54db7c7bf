//! A day offline, synced: two laptops each make 1,000 edits to a shared 1k- and
//! 10k-story map (200-character descriptions as Automerge Text) while offline, through
//! `Workspace::apply_edit` as the window makes them, then sync through the real npm sync
//! server (started here on 127.0.0.1). Prints medians of `RUNS` runs of:
//! - the app path: the map already open in the workspace (its warm document), one
//!   `sync_once` each way (`run_live` runs the same session);
//! - the CLI path from cold: a workspace opened on the data directory, then `sync_once`,
//!   as `storymap sync --once` does;
//! - joining the map by link into an empty data directory, until it is stored and opens.
//!
//! Run: `cargo bench -p storymap-api --bench sync_day` (needs `npm ci` for the server).
//! The machine is shared and noisy: read the figures as medians, compare them as ratios.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use storymap_api::{CardEdit, MapEdit, Workspace, WorkspaceAccess, WorkspaceReplica};
use storymap_core::generate::large_map;
use storymap_core::MapImport;
use storymap_sync::SyncClient;

const RUNS: usize = 5;
const EDITS: usize = 1_000;
const WAIT: Duration = Duration::from_secs(300);

type Laptop = Arc<WorkspaceReplica<Mutex<Workspace>>>;

struct Server(Child, u16);

impl Server {
    fn start(data: &Path) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut child = Command::new("node")
            .arg("--require")
            .arg(root.join("tests/sync/loopback.cjs"))
            .arg(root.join("node_modules/@automerge/automerge-repo-sync-server/src/index.js"))
            .current_dir(data)
            .env("PORT", port.to_string())
            .env("DATA_DIR", data.join("server"))
            .stdout(Stdio::piped())
            .spawn()
            .expect("node and npm ci");
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("Listening") {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "server exited");
        }
        Server(child, port)
    }
    fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.1)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
    }
}

fn open(dir: &Path) -> Laptop {
    Arc::new(WorkspaceReplica(Mutex::new(Workspace::open(dir).unwrap())))
}

fn laptop(root: &Path, name: &str) -> PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Seconds one `sync_once` takes on `laptop`.
fn sync(rt: &tokio::runtime::Runtime, laptop: &Laptop, map_id: &str, server: &str) -> f64 {
    let client = SyncClient::new(laptop.clone());
    let started = Instant::now();
    rt.block_on(client.sync_once(map_id, server, WAIT)).unwrap();
    started.elapsed().as_secs_f64()
}

/// 1,000 edits a POPM makes in a day: renames and moves, each its own change.
fn day_of_edits(laptop: &Laptop, map_id: &str, author: &str, seed: usize) {
    laptop
        .0
        .with(|w| {
            let view = w.open_map(map_id)?;
            let n = view.stories.len();
            for i in 0..EDITS {
                let story = &view.stories[(seed * 7919 + i * 104_729) % n];
                let edit = if i % 4 == 3 {
                    CardEdit::MoveStory {
                        story_id: story.id.clone(),
                        step_id: story.step_id.clone(),
                        release_id: story.release_id.clone(),
                        to_index: 0,
                    }
                } else {
                    CardEdit::RenameStory {
                        story_id: story.id.clone(),
                        title: format!("{} ({author} {i})", story.title),
                    }
                };
                w.apply_edit(map_id, MapEdit::from(edit))?;
            }
            Ok(())
        })
        .unwrap();
}

fn heads(laptop: &Laptop, map_id: &str) -> Vec<storymap_sync::ChangeHash> {
    laptop.0.with(|w| w.sync_heads(map_id)).unwrap()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap());
    values[values.len() / 2]
}

#[derive(Default)]
struct Figures {
    share: Vec<f64>,
    join: Vec<f64>,
    ana_up: Vec<f64>,
    ben_both: Vec<f64>,
    ana_down: Vec<f64>,
    cold_once: Vec<f64>,
}

/// One run: ana shares, ben joins, both edit a day offline, then sync (warm), then a
/// third edit session is synced from cold as the CLI does.
fn run(rt: &tokio::runtime::Runtime, stories: usize, figures: &mut Figures) {
    let root = tempfile::tempdir().unwrap();
    let server = Server::start(root.path());
    let url = server.url();
    let map_id = uuid::Uuid::new_v4().to_string();
    let doc = MapImport::build(&large_map(stories, 200), &map_id, "ana", 1_764_000_000).unwrap();
    let file = root.path().join("map.storymap");
    std::fs::write(&file, doc.save()).unwrap();
    let (ana_dir, ben_dir) = (laptop(root.path(), "ana"), laptop(root.path(), "ben"));
    let ana = open(&ana_dir);
    ana.0.with(|w| w.import_map_file(&file)).unwrap();
    ana.0.with(|w| w.open_map(&map_id)).unwrap();
    figures.share.push(sync(rt, &ana, &map_id, &url));
    let ben = open(&ben_dir);
    let started = Instant::now();
    rt.block_on(SyncClient::new(ben.clone()).sync_once(&map_id, &url, WAIT))
        .unwrap();
    ben.0.with(|w| w.open_map(&map_id)).unwrap();
    figures.join.push(started.elapsed().as_secs_f64());
    day_of_edits(&ana, &map_id, "ana", 1);
    day_of_edits(&ben, &map_id, "ben", 2);
    figures.ana_up.push(sync(rt, &ana, &map_id, &url));
    figures.ben_both.push(sync(rt, &ben, &map_id, &url));
    figures.ana_down.push(sync(rt, &ana, &map_id, &url));
    assert_eq!(
        heads(&ana, &map_id),
        heads(&ben, &map_id),
        "both laptops converge"
    );
    // From cold: ben's day is in his store; a new workspace syncs it as `sync --once`.
    day_of_edits(&ben, &map_id, "ben", 3);
    drop(ben);
    let started = Instant::now();
    let cold = open(&ben_dir);
    rt.block_on(SyncClient::new(cold.clone()).sync_once(&map_id, &url, WAIT))
        .unwrap();
    figures.cold_once.push(started.elapsed().as_secs_f64());
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    for stories in [1_000, 10_000] {
        let mut figures = Figures::default();
        for _ in 0..RUNS {
            run(&rt, stories, &mut figures);
        }
        println!("{stories}-story map, {EDITS} edits offline on each laptop (medians of {RUNS}):");
        let rows = [
            ("first share (upload the whole map)", figures.share),
            ("join by link, to an open map", figures.join),
            ("ana sends her day (app, map open)", figures.ana_up),
            ("ben sends his, gets hers (app)", figures.ben_both),
            ("ana gets ben's day (app)", figures.ana_down),
            ("sync --once from cold (CLI)", figures.cold_once),
        ];
        for (what, values) in rows {
            println!("  {what:<38} {:>7.3} s", median(values));
        }
    }
}
