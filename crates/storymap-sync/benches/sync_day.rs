//! A day offline, synced: two laptops each make 1,000 edits to a shared map while
//! offline, then sync through the real npm sync server (started here on 127.0.0.1), on a
//! 1k- and a 10k-story map; and joining a 1k-story map from its link. Prints medians of
//! `RUNS` runs: wall time of each `sync --once` (CLI path, `SyncClient::sync_once`) and
//! the bytes of Automerge changes each side had to send.
//!
//! Run: `cargo bench -p storymap-sync --bench sync_day` (needs `npm ci` for the server).
//! The machine is shared and noisy: read the figures as medians, compare them as ratios.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use storymap_core::generate::large_map;
use storymap_core::CardEdit;
use storymap_core::{Edit, EditContext, MapDocument, MapImport};
use storymap_store::{LoadedMap, Store};
use storymap_sync::{ChangeHash, Changes, Replica, SyncClient, SyncError};

const RUNS: usize = 3;
const EDITS: usize = 1_000;
const WAIT: Duration = Duration::from_secs(300);

/// A data directory's store as the sync layer's store side, keeping the map's document
/// loaded between calls as the app's workspace does.
struct StoreReplica(Mutex<(Store, Option<LoadedMap>)>);

impl StoreReplica {
    fn loaded<'a>(
        store: &Store,
        slot: &'a mut Option<LoadedMap>,
        map_id: &str,
    ) -> &'a mut LoadedMap {
        match slot {
            Some(loaded) => store.catch_up(loaded).unwrap(),
            None => *slot = Some(store.load(map_id).unwrap()),
        }
        slot.as_mut().unwrap()
    }
}

impl Replica for StoreReplica {
    fn changes_after(
        &self,
        map_id: &str,
        heads: &[ChangeHash],
    ) -> Result<Option<Changes>, SyncError> {
        let mut guard = self.0.lock().unwrap();
        let (store, slot) = &mut *guard;
        if !store.map_exists(map_id)? {
            return Ok(None);
        }
        let loaded = Self::loaded(store, slot, map_id);
        Ok(Some((loaded.doc.changes_after(heads), loaded.doc.heads())))
    }

    fn merge(&self, map_id: &str, bytes: &[u8]) -> Result<(), SyncError> {
        let mut guard = self.0.lock().unwrap();
        let (store, slot) = &mut *guard;
        if !store.map_exists(map_id)? {
            let doc =
                MapDocument::load_verified(bytes).map_err(|e| SyncError::Store(e.to_string()))?;
            store.receive_map(doc)?;
            return Ok(());
        }
        let mut loaded = slot.take().unwrap_or_else(|| store.load(map_id).unwrap());
        store.merge_changes(&mut loaded, bytes)?;
        store.compact_if_due(&mut loaded)?;
        *slot = Some(loaded);
        Ok(())
    }

    fn synced(&self, _: &str, _: &[ChangeHash]) -> Result<(), SyncError> {
        Ok(())
    }
}

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

fn laptop(root: &Path, name: &str) -> (PathBuf, Arc<StoreReplica>) {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("storymap.sqlite3");
    let replica = Arc::new(StoreReplica(Mutex::new((Store::open(&db).unwrap(), None))));
    (db, replica)
}

async fn sync(db: &Path, map_id: &str, server: &str, replica: &Arc<StoreReplica>) -> Duration {
    let client = SyncClient::start(db).await.unwrap();
    let started = Instant::now();
    client
        .sync_once(map_id, server, replica.clone(), WAIT)
        .await
        .unwrap();
    let took = started.elapsed();
    client.stop().await;
    took
}

/// 1,000 edits a POPM makes in a day: renames and moves, each its own change.
fn day_of_edits(replica: &StoreReplica, map_id: &str, author: &str, seed: usize) -> usize {
    let mut guard = replica.0.lock().unwrap();
    let (store, slot) = &mut *guard;
    *slot = None;
    let mut loaded = store.load(map_id).unwrap();
    loaded.doc.set_author(author);
    let before = loaded.doc.heads();
    let model = loaded.doc.read().unwrap();
    let n = model.stories.len();
    for i in 0..EDITS {
        let story = &model.stories[(seed * 7919 + i * 104_729) % n];
        let edit = if i % 4 == 3 {
            Edit::from(CardEdit::MoveStory {
                story_id: story.id.clone(),
                step_id: story.step_id.clone(),
                release_id: story.release_id.clone(),
                to_index: 0,
            })
        } else {
            Edit::from(CardEdit::RenameStory {
                story_id: story.id.clone(),
                title: format!("{} ({author} {i})", story.title),
            })
        };
        let context = EditContext {
            new_id: format!("{author}-{i}"),
            unix_time: 1_764_000_000 + i as i64,
            author: author.into(),
        };
        loaded.doc.apply(&edit, &context).unwrap();
    }
    let changes = loaded.doc.changes_after(&before);
    let mut stored = store.load(map_id).unwrap();
    store.merge_changes(&mut stored, &changes).unwrap();
    changes.len()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap());
    values[values.len() / 2]
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    for stories in [1_000, 10_000] {
        let (mut ana_up, mut ben_both, mut ana_down, mut joins) = (vec![], vec![], vec![], vec![]);
        let mut bytes = (0, 0);
        for run in 0..RUNS {
            let root = tempfile::tempdir().unwrap();
            let server = Server::start(root.path());
            let map_id = uuid::Uuid::new_v4().to_string();
            let doc =
                MapImport::build(&large_map(stories, 200), &map_id, "ana", 1_764_000_000).unwrap();
            let (ana_db, ana) = laptop(root.path(), "ana");
            let (ben_db, ben) = laptop(root.path(), "ben");
            ana.0.lock().unwrap().0.insert_map(&doc).unwrap();
            rt.block_on(sync(&ana_db, &map_id, &server.url(), &ana));
            joins.push(
                rt.block_on(sync(&ben_db, &map_id, &server.url(), &ben))
                    .as_secs_f64(),
            );
            bytes = (
                day_of_edits(&ana, &map_id, "ana", run),
                day_of_edits(&ben, &map_id, "ben", run + 1),
            );
            ana_up.push(
                rt.block_on(sync(&ana_db, &map_id, &server.url(), &ana))
                    .as_secs_f64(),
            );
            ben_both.push(
                rt.block_on(sync(&ben_db, &map_id, &server.url(), &ben))
                    .as_secs_f64(),
            );
            ana_down.push(
                rt.block_on(sync(&ana_db, &map_id, &server.url(), &ana))
                    .as_secs_f64(),
            );
            let a = ana.0.lock().unwrap().0.load(&map_id).unwrap().doc.heads();
            let b = ben.0.lock().unwrap().0.load(&map_id).unwrap().doc.heads();
            assert_eq!(a, b, "both laptops converge");
        }
        println!("{stories}-story map, {EDITS} edits offline on each laptop (medians of {RUNS}):");
        println!(
            "  ana uploads her day      {:>7.2} s  ({} KB of changes)",
            median(ana_up),
            bytes.0 / 1024
        );
        println!(
            "  ben sends his, gets hers {:>7.2} s  ({} KB of changes)",
            median(ben_both),
            bytes.1 / 1024
        );
        println!("  ana gets ben's day       {:>7.2} s", median(ana_down));
        if stories == 1_000 {
            println!("  join the map from its link {:>5.2} s", median(joins));
        }
    }
}
