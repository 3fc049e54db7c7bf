//! Crash safety: a writer process is killed (SIGKILL) at arbitrary moments while it edits
//! a map through the real Workspace, and every edit it acknowledged must be on disk once,
//! with the document loading, the projection equal to it and SQLite intact. Two writers on
//! one data directory must never lose an edit or report the database as locked.
//!
//! The writer is this test binary run again (`crash_child`); see docs/crash-safety.md.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use storymap_api::{
    CardEdit, CriteriaEdit, EstimateEdit, JiraTarget, MapEdit, MapView, Workspace, DATABASE_FILE,
};
use storymap_core::MapModel;
use storymap_store::Store;

const CHILD_ENV: &str = "STORYMAP_CRASH_CHILD";
const TEAMMATE_FILES: usize = 3;
const ESTIMATES: [&str; 5] = ["1", "2", "3", "5", "8"];

/// A tiny xorshift: the writer's choices follow its seed; only the kill moment varies.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The map every test starts from: two cells, and teammate files `mate-<k>.storymap`
/// beside the data directory, each holding the stories `mate-<j>-<i>` for j ≤ k.
fn prepare(root: &Path) -> String {
    let mut w = Workspace::open(&root.join("data")).unwrap();
    let map_id = w.create_map("Crash").unwrap().map.id;
    w.add_story_at(&map_id, "Shop", "Browse", "MVP", "seed-1")
        .unwrap();
    w.add_story_at(&map_id, "Shop", "Pay", "Later", "seed-2")
        .unwrap();
    let base = root.join("base.storymap");
    w.export_map_file(&map_id, &base).unwrap();
    let mut mate = Workspace::open(&root.join("mate")).unwrap();
    mate.import_map_file(&base).unwrap();
    for k in 0..TEAMMATE_FILES {
        for i in 0..3 {
            let title = format!("mate-{k}-{i}");
            mate.add_story_at(&map_id, "Shop", "Pay", "MVP", &title)
                .unwrap();
        }
        mate.export_map_file(&map_id, &root.join(format!("mate-{k}.storymap")))
            .unwrap();
    }
    map_id
}

/// Runs the writer loop when the parent test set [`CHILD_ENV`]; in a normal test run the
/// variable is absent and this test does nothing.
#[test]
fn crash_child() {
    let Ok(data) = std::env::var(CHILD_ENV) else {
        return;
    };
    let var = |name: &str| std::env::var(name).unwrap();
    let mut writer = Writer::open(
        PathBuf::from(data),
        var("STORYMAP_CRASH_MAP"),
        var("STORYMAP_CRASH_RUN"),
        var("STORYMAP_CRASH_SEED").parse().unwrap(),
    );
    let acks: usize = var("STORYMAP_CRASH_ACKS").parse().unwrap();
    // libtest printed "test crash_child ... " without a newline; our lines start afresh.
    println!();
    for _ in 0..acks {
        writer.step();
    }
}

/// One writer process: what it may pick from, and its own counter for unique names.
struct Writer {
    w: Workspace,
    data: PathBuf,
    map_id: String,
    run: String,
    rng: Rng,
    cells: Vec<Place>,
    stories: Vec<String>,
    unestimated: Vec<String>,
    next: usize,
}

impl Writer {
    fn open(data: PathBuf, map_id: String, run: String, seed: u64) -> Writer {
        let mut w = Workspace::open(&data).unwrap();
        let view = w.open_map(&map_id).unwrap();
        let steps = view.activities.iter().flat_map(|a| &a.steps);
        let cells = steps
            .flat_map(|s| view.releases.iter().map(|r| (s.id.clone(), r.id.clone())))
            .collect();
        // Stories added by runs named with the same letter: every killed run ("k0", "k1",
        // …) edits the ones before it, while concurrent writers ("a", "b") keep apart.
        let family = format!("ack-{}", &run[..1]);
        let ours = |s: &&storymap_api::StoryView| s.title.starts_with(&family);
        let stories = view.stories.iter().filter(ours);
        let unestimated = stories.clone().filter(|s| s.estimate.is_none());
        Writer {
            stories: stories.map(|s| s.id.clone()).collect(),
            unestimated: unestimated.map(|s| s.id.clone()).collect(),
            w,
            data,
            map_id,
            run,
            rng: Rng(seed | 1),
            cells,
            next: 0,
        }
    }

    /// One edit: `DO <what>` before it, `ACK <what>` once it returned (committed).
    fn step(&mut self) {
        self.next += 1;
        let roll = self.rng.below(100);
        let (what, action) = match roll {
            _ if self.stories.is_empty() || roll < 40 => self.add_story(),
            40..=59 => self.move_story(),
            60..=74 => self.add_criterion(),
            75..=84 if !self.unestimated.is_empty() => self.set_estimate(),
            85..=89 => ("jira cloud.csv".into(), Action::Jira),
            90..=94 => {
                let k = self.rng.below(TEAMMATE_FILES);
                (format!("merge {k}"), Action::Merge(k))
            }
            95..=99 => (
                format!("compact {}-{}", self.run, self.next),
                Action::Compact,
            ),
            _ => self.add_story(),
        };
        say("DO", &what);
        match self.run_action(action) {
            Ok(Some(created)) if what.starts_with("add ") => {
                self.stories.push(created.clone());
                self.unestimated.push(created);
            }
            Ok(_) => {}
            Err(e) => {
                say("ERR", &format!("{what}: {e}"));
                panic!("{what} failed: {e}");
            }
        }
        say("ACK", &what);
    }

    /// Carries out an action; answers the story or criterion it created, if any.
    fn run_action(&mut self, action: Action) -> Result<Option<String>, String> {
        let map_id = self.map_id.clone();
        let error = |e: &dyn std::fmt::Debug| format!("{e:?}");
        match action {
            Action::Edit(edit) => match self.w.apply_edit(&map_id, edit) {
                Ok(change) => Ok(change.created_id),
                Err(e) => Err(error(&e)),
            },
            Action::Jira => {
                let csv = format!(
                    "{}/../../tests/fixtures/jira/cloud.csv",
                    env!("CARGO_MANIFEST_DIR")
                );
                let target = JiraTarget::ExistingMap { map_id };
                let imported = self.w.import_jira_csv_file(Path::new(&csv), &target, &[]);
                imported.map(|_| None).map_err(|e| error(&e))
            }
            Action::Merge(k) => {
                let file = self.data.with_file_name(format!("mate-{k}.storymap"));
                let merged = self.w.import_map_file(&file);
                merged.map(|_| None).map_err(|e| error(&e))
            }
            // Snapshot + row deletion, as the Workspace does past 200 rows.
            Action::Compact => {
                let mut store = Store::open(&self.data.join(DATABASE_FILE)).unwrap();
                let mut loaded = store.load(&map_id).map_err(|e| error(&e))?;
                store
                    .compact(&mut loaded)
                    .map(|()| None)
                    .map_err(|e| error(&e))
            }
        }
    }

    fn cell(&mut self) -> Place {
        self.cells[self.rng.below(self.cells.len())].clone()
    }

    fn story(&mut self) -> String {
        self.stories[self.rng.below(self.stories.len())].clone()
    }

    fn add_story(&mut self) -> (String, Action) {
        let (step_id, release_id) = self.cell();
        let title = format!("ack-{}-{}", self.run, self.next);
        let what = format!("add {title}");
        edit(
            what,
            CardEdit::AddStory {
                step_id,
                release_id,
                title,
            },
        )
    }

    fn move_story(&mut self) -> (String, Action) {
        let (story_id, (step_id, release_id)) = (self.story(), self.cell());
        let what = format!("move {story_id} {step_id} {release_id}");
        let to_index = self.rng.below(4) as u32;
        edit(
            what,
            CardEdit::MoveStory {
                story_id,
                step_id,
                release_id,
                to_index,
            },
        )
    }

    fn add_criterion(&mut self) -> (String, Action) {
        let story_id = self.story();
        let text = format!("crit-{}-{}", self.run, self.next);
        let what = format!("criterion {story_id} {text}");
        edit(what, CriteriaEdit::AddCriteria { story_id, text })
    }

    fn set_estimate(&mut self) -> (String, Action) {
        let pick = self.rng.below(self.unestimated.len());
        let story_id = self.unestimated.swap_remove(pick);
        let estimate = Some(ESTIMATES[self.rng.below(ESTIMATES.len())].to_owned());
        let what = format!("estimate {story_id} {}", estimate.as_deref().unwrap());
        edit(what, EstimateEdit::SetEstimate { story_id, estimate })
    }
}

/// What a writer does next, beside its line.
enum Action {
    Edit(MapEdit),
    Jira,
    Merge(usize),
    Compact,
}

fn edit(what: String, edit: impl Into<MapEdit>) -> (String, Action) {
    (what, Action::Edit(edit.into()))
}

/// One line to the parent, flushed: once `ACK` is out, the parent may kill.
fn say(word: &str, what: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{word} {what}").unwrap();
    out.flush().unwrap();
}

fn spawn_writer(data: &Path, map_id: &str, run: &str, seed: u64, acks: usize) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, data)
        .env("STORYMAP_CRASH_MAP", map_id)
        .env("STORYMAP_CRASH_RUN", run)
        .env("STORYMAP_CRASH_SEED", seed.to_string())
        .env("STORYMAP_CRASH_ACKS", acks.to_string())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A cell: step id and release slice id.
type Place = (String, String);

/// What writers said they did: acknowledged edits, and the moves begun (acked or not).
#[derive(Default)]
struct Journal {
    acks: Vec<Vec<String>>,
    /// Edits begun (`DO`); those past the acks were cut by a kill.
    begun: usize,
    errors: Vec<String>,
    /// Per story, each move begun with whether it was acknowledged.
    moves: HashMap<String, Vec<(Place, bool)>>,
}

impl Journal {
    /// Reads a writer's complete lines until `stop_after` of them (then returns) or the
    /// end; answers how many were acks.
    fn read(&mut self, out: &mut impl BufRead, stop_after: usize) -> usize {
        let (mut acks, mut lines, mut line) = (0, 0, String::new());
        while lines < stop_after {
            lines += 1;
            line.clear();
            // A line cut by the kill has no newline; it was never printed whole.
            if out.read_line(&mut line).unwrap() == 0 || !line.ends_with('\n') {
                break;
            }
            let words: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
            match words.first().map(String::as_str) {
                Some("ACK") => {
                    acks += 1;
                    self.record(&words[1..], true);
                }
                Some("DO") => {
                    self.begun += 1;
                    self.record(&words[1..], false);
                }
                Some("ERR") => self.errors.push(line.clone()),
                _ => {}
            }
        }
        acks
    }

    fn record(&mut self, what: &[String], acked: bool) {
        if what[0] == "move" {
            let moves = self.moves.entry(what[1].clone()).or_default();
            let place = (what[2].clone(), what[3].clone());
            match moves.last_mut() {
                Some(last) if acked && last.0 == place && !last.1 => last.1 = true,
                _ => moves.push((place, acked)),
            }
        }
        if acked {
            self.acks.push(what.to_vec());
        }
    }
}

/// Runs one writer until it printed a random number of lines, kills it, and reads what it
/// printed before dying. Stopping after a `DO` kills it inside that edit; after an `ACK`,
/// anywhere from the end of one edit into the next.
fn kill_writer(data: &Path, map_id: &str, run: usize, journal: &mut Journal) {
    let mut rng = Rng((run as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let stop_after = 1 + rng.below(50);
    let mut child = spawn_writer(data, map_id, &format!("k{run}"), rng.0, 10_000);
    let mut out = BufReader::new(child.stdout.take().unwrap());
    journal.read(&mut out, stop_after);
    // The writer runs on while we kill it: the kill lands anywhere in what it does next.
    child.kill().unwrap();
    journal.read(&mut out, usize::MAX);
    child.wait().unwrap();
    assert_eq!(journal.errors, Vec::<String>::new());
}

/// Checks the data directory on disk against everything acknowledged so far.
/// With `one_writer`, edits also happened in the order acknowledged.
fn check(data: &Path, map_id: &str, journal: &Journal, one_writer: bool) {
    let store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let integrity: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let document = store.load(map_id).expect("the document loads").doc.read();
    same_model(&store.read_model(map_id).unwrap(), &document.unwrap());
    drop(store);
    let view = Workspace::open(data).unwrap().view(map_id).unwrap();
    check_acks(&view, journal, one_writer);
    if one_writer {
        check_moves(&view, journal);
    }
}

/// The projection equals the document; a difference is named by its part, not in a dump
/// of both maps.
fn same_model(projection: &MapModel, document: &MapModel) {
    assert_eq!(projection.activities, document.activities, "outline");
    assert_eq!(projection.releases, document.releases, "release slices");
    for (p, d) in projection.stories.iter().zip(&document.stories) {
        assert_eq!(p, d, "story in the projection, then in the document");
    }
    assert_eq!(projection, document, "the projection equals the document");
}

fn check_acks(view: &MapView, journal: &Journal, one_writer: bool) {
    let mut titles: HashMap<&str, usize> = HashMap::new();
    for story in &view.stories {
        *titles.entry(story.title.as_str()).or_default() += 1;
    }
    let story = |id: &str| view.stories.iter().find(|s| s.id == id).unwrap();
    for ack in &journal.acks {
        match ack[0].as_str() {
            "add" => assert_eq!(titles.get(ack[1].as_str()), Some(&1), "{ack:?}"),
            "criterion" => {
                let criteria = &story(&ack[1]).acceptance_criteria;
                let found = criteria.iter().filter(|c| c.text == ack[2]).count();
                assert_eq!(found, 1, "{ack:?}");
            }
            "estimate" => assert_eq!(story(&ack[1]).estimate.as_ref(), Some(&ack[2])),
            "merge" => {
                let k: usize = ack[1].parse().unwrap();
                for title in (0..=k).flat_map(|j| (0..3).map(move |i| format!("mate-{j}-{i}"))) {
                    assert_eq!(titles.get(title.as_str()), Some(&1), "{ack:?}");
                }
            }
            "jira" => {
                let shop_2 = view
                    .stories
                    .iter()
                    .filter(|s| s.jira_key.as_deref() == Some("SHOP-2"));
                // Two writers may both plan the import before either committed it,
                // as two teammates would; one writer imports it once, whatever the kill.
                let count = shop_2.count();
                assert!(count == 1 || (!one_writer && count > 1), "{ack:?}");
            }
            _ => {}
        }
    }
    // Unacknowledged adds that did commit are there once too.
    let doubled = titles
        .iter()
        .filter(|(t, n)| t.starts_with("ack-") && **n > 1);
    assert_eq!(doubled.count(), 0);
}

/// A story stands where its last acknowledged move put it, or where a move begun after
/// it (cut by a kill, perhaps committed) did.
fn check_moves(view: &MapView, journal: &Journal) {
    for (story_id, moves) in &journal.moves {
        let Some(last_acked) = moves.iter().rposition(|(_, acked)| *acked) else {
            continue;
        };
        let story = view.stories.iter().find(|s| &s.id == story_id).unwrap();
        let place = (story.step_id.clone(), story.release_id.clone());
        let allowed: Vec<_> = moves[last_acked..].iter().map(|(p, _)| p).collect();
        assert!(allowed.contains(&&place), "{story_id} at {place:?}");
    }
}

fn kills() -> usize {
    std::env::var("STORYMAP_CRASH_KILLS").map_or(12, |n| n.parse().unwrap())
}

#[test]
fn acknowledged_edits_survive_a_kill_at_any_moment() {
    let root = tempfile::tempdir().unwrap();
    let map_id = prepare(root.path());
    let data = root.path().join("data");
    let mut journal = Journal::default();
    let kills = kills();
    for run in 0..kills {
        kill_writer(&data, &map_id, run, &mut journal);
        check(&data, &map_id, &journal, true);
        if run % 100 == 99 {
            eprintln!("{} kills, {} acks checked", run + 1, journal.acks.len());
        }
    }
    let mut kinds: HashMap<&str, usize> = HashMap::new();
    for ack in &journal.acks {
        *kinds.entry(ack[0].as_str()).or_default() += 1;
    }
    let cut = journal.begun - journal.acks.len();
    eprintln!("{kills} kills ({cut} mid-edit), acknowledged edits checked: {kinds:?}");
}

#[test]
fn two_writers_on_one_data_directory_lose_nothing() {
    const ACKS: usize = 40;
    let root = tempfile::tempdir().unwrap();
    let map_id = prepare(root.path());
    let data = root.path().join("data");
    let writers = [("a", 11), ("b", 23)].map(|(run, seed)| {
        let mut child = spawn_writer(&data, &map_id, run, seed, ACKS);
        (BufReader::new(child.stdout.take().unwrap()), child)
    });
    let mut journal = Journal::default();
    for (mut out, mut child) in writers {
        assert_eq!(journal.read(&mut out, usize::MAX), ACKS);
        assert!(child.wait().unwrap().success());
    }
    assert_eq!(journal.errors, Vec::<String>::new());
    // Each writer touches only its own stories, but their moves interleave with the
    // other's commits, so only what was written is checked, not the order.
    check(&data, &map_id, &journal, false);
}
