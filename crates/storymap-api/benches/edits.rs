//! Every kind of edit through `Workspace::apply_edit`, the call the window makes, its
//! answer (`MapChange`) included, on generated maps of 1,000 and 10,000 refined stories
//! (`generate::refined_map`: 200-character descriptions, 3 criteria, a label, an estimate,
//! a dependency on every tenth story; four PI objectives with four stories in five aligned;
//! two personas, each doing every other activity).
//!
//! Criterion reports the mean; every call is also timed on its own, and the p50 and p99
//! over all calls of a kind are printed as a Markdown table at the end of each map size
//! (the figures in docs/performance.md).
//!
//! Run: `cargo bench -p storymap-api --bench edits` (about 5 minutes). With
//! `STORYMAP_BENCH_OBJECTIVES=0` the maps have no objectives (the edits on objectives are
//! left out), for the cost objectives add to the backlog health.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use storymap_api::{
    BacklogQuery, CardEdit, CriteriaEdit, DependencyEdit, EstimateEdit, MapChange, MapEdit,
    MapView, ObjectiveEdit, ObjectiveQuery, PersonaEdit, RoomEdit, SessionEdit, SliceEdit,
    SplitChildInput, SplitEdit, Workspace, WsjfPart,
};
use storymap_core::generate::refined_map;

/// A workspace with one generated map loaded, and the stories each edit kind works on.
struct Bench {
    workspace: Workspace,
    map: String,
    view: MapView,
    /// Stories still to split; the children of each split join the back.
    to_split: VecDeque<String>,
    _dir: tempfile::TempDir,
}

impl Bench {
    fn new(stories: usize) -> Bench {
        let dir = tempfile::tempdir().unwrap();
        let mut workspace = Workspace::open(dir.path()).unwrap();
        // In through the JSON import, as a file from a teammate would come.
        let model = with_personas(with_objectives(refined_map(stories)));
        let json = serde_json::to_string(&MapView::from(&model)).unwrap();
        let view = workspace.import_json(&json).unwrap();
        let map = view.map.id.clone();
        workspace.open_map(&map).unwrap();
        workspace.prepare(&map).unwrap();
        let to_split = view.stories[100..].iter().map(|s| s.id.clone()).collect();
        Bench {
            workspace,
            map,
            view,
            to_split,
            _dir: dir,
        }
    }

    fn objective(&self, index: usize) -> String {
        self.view.objectives[index % self.view.objectives.len()]
            .id
            .clone()
    }

    fn story(&self, index: usize) -> String {
        self.view.stories[index].id.clone()
    }

    fn edit(&mut self, edit: impl Into<MapEdit>) -> MapChange {
        self.workspace.apply_edit(&self.map, edit.into()).unwrap()
    }
}

/// Per-call durations of one edit kind, for its p50 and p99.
#[derive(Default)]
struct Calls(Vec<Duration>);

impl Calls {
    fn time<T>(&mut self, call: impl FnOnce() -> T) -> (T, Duration) {
        let start = Instant::now();
        let out = call();
        let took = start.elapsed();
        self.0.push(took);
        (out, took)
    }

    /// `None` when the kind did not run (filtered out on the command line).
    fn percentile(&mut self, p: f64) -> Option<f64> {
        self.0.sort();
        let at = ((self.0.len() as f64 - 1.0) * p).round() as usize;
        Some(self.0.get(at)?.as_secs_f64() * 1000.0)
    }
}

/// One edit kind: what it does on call `n`, timed (with untimed preparation allowed).
type Step = fn(&mut Bench, usize, &mut Calls) -> Duration;

fn move_card(b: &mut Bench, n: usize, calls: &mut Calls) -> Duration {
    let cells = [("step-7-1", "rel-2"), ("step-0-0", "rel-0")];
    let (step, release) = cells[n % 2];
    let edit = CardEdit::MoveStory {
        story_id: b.story(0),
        step_id: step.into(),
        release_id: release.into(),
        to_index: 1,
    };
    calls.time(|| b.edit(edit)).1
}

fn rename(b: &mut Bench, n: usize, calls: &mut Calls) -> Duration {
    let edit = CardEdit::RenameStory {
        story_id: b.story(1),
        title: format!("Compare delivery slots, take {n}"),
    };
    calls.time(|| b.edit(edit)).1
}

fn estimate(b: &mut Bench, n: usize, calls: &mut Calls) -> Duration {
    let edit = EstimateEdit::SetEstimate {
        story_id: b.story(2),
        estimate: Some(["3", "5"][n % 2].into()),
    };
    calls.time(|| b.edit(edit)).1
}

fn criterion_text(b: &mut Bench, n: usize, calls: &mut Calls) -> Duration {
    let story = &b.view.stories[3];
    let edit = CriteriaEdit::UpdateCriterion {
        story_id: story.id.clone(),
        criterion_id: story.acceptance_criteria[0].id.clone(),
        text: format!("The slot is held for {} minutes", 10 + n % 2),
        given: String::new(),
        when: String::new(),
        then: String::new(),
    };
    calls.time(|| b.edit(edit)).1
}

fn dependency(b: &mut Bench, n: usize, calls: &mut Calls) -> Duration {
    // Neither is in the generated dependency chains (every tenth story), so no cycle.
    let edit = DependencyEdit::SetDependency {
        story_id: "story-00003".into(),
        depends_on: "story-00001".into(),
        on: n.is_multiple_of(2),
    };
    calls.time(|| b.edit(edit)).1
}

fn split(b: &mut Bench, _n: usize, calls: &mut Calls) -> Duration {
    let story = b.to_split.pop_front().expect("a story to split");
    let edit = SplitEdit::SplitStory {
        story_id: story,
        children: ["by happy path", "by the edge cases"]
            .map(|title| SplitChildInput {
                title: title.into(),
                criterion_ids: Vec::new(),
            })
            .to_vec(),
    };
    let (change, took) = calls.time(|| b.edit(edit));
    b.to_split.extend(change.stories.into_iter().map(|s| s.id));
    took
}

fn undo(b: &mut Bench, n: usize, calls: &mut Calls) -> Duration {
    let story = b.story(6);
    b.edit(CardEdit::RenameStory {
        story_id: story,
        title: format!("Track the order, take {n}"),
    });
    let (workspace, map) = (&mut b.workspace, b.map.as_str());
    calls.time(|| workspace.undo(map).unwrap()).1
}

fn start_session(b: &mut Bench, _n: usize, calls: &mut Calls) -> Duration {
    let start = SessionEdit::StartSession {
        story_ids: None,
        story_count: None,
        length_minutes: None,
        timebox_minutes: None,
        deck: None,
        participants: None,
    };
    let (change, took) = calls.time(|| b.edit(start));
    let session_id = change.session.expect("the session started").id;
    b.edit(SessionEdit::EndSession { session_id });
    took
}

/// Sorts a slice by WSJF after rescoring one of its stories (untimed), so each call moves a
/// card; the sort reads every story of the slice (a quarter of the map).
fn sort_by_wsjf(b: &mut Bench, n: usize, calls: &mut Calls) -> Duration {
    let story = &b.view.stories[7];
    let (story_id, release_id) = (story.id.clone(), story.release_id.clone());
    b.edit(EstimateEdit::SetWsjf {
        story_id,
        part: WsjfPart::Value,
        value: Some([1, 20][n % 2]),
    });
    calls
        .time(|| b.edit(SliceEdit::SortByWsjf { release_id }))
        .1
}

/// Four objectives; every story but each fifth aligned to one of them.
fn with_objectives(mut model: storymap_core::MapModel) -> storymap_core::MapModel {
    if std::env::var("STORYMAP_BENCH_OBJECTIVES").is_ok_and(|v| v == "0") {
        return model;
    }
    model.settings.objectives = (0..4)
        .map(|n| storymap_core::objectives::Objective {
            id: format!("objective-{n}"),
            title: format!("Objective {n}"),
            business_value: 9 - n,
            committed: n < 2,
        })
        .collect();
    for (i, story) in model.stories.iter_mut().enumerate() {
        story.details.objective_id = (i % 5 != 4).then(|| format!("objective-{}", i % 4));
    }
    model
}

/// Two personas, each doing every other activity.
fn with_personas(mut model: storymap_core::MapModel) -> storymap_core::MapModel {
    use storymap_core::personas::{Persona, PERSONA_PALETTE};
    model.settings.personas = (0..2)
        .map(|n| Persona {
            id: format!("persona-{n}"),
            name: format!("Persona {n}"),
            goal: "gets it done".into(),
            color: PERSONA_PALETTE[n].into(),
        })
        .collect();
    for (i, activity) in model.activities.iter_mut().enumerate() {
        activity.persona_id = Some(format!("persona-{}", i % 2));
    }
    model
}

/// Changes who does the first activity: its stories' answers go out again.
fn activity_persona(b: &mut Bench, n: usize, calls: &mut Calls) -> Duration {
    let edit = PersonaEdit::SetActivityPersona {
        activity_id: b.view.activities[0].id.clone(),
        persona_id: Some(format!("persona-{}", n % 2)),
    };
    calls.time(|| b.edit(edit)).1
}

fn story_persona(b: &mut Bench, n: usize, calls: &mut Calls) -> Duration {
    let edit = PersonaEdit::SetStoryPersona {
        story_id: b.story(12),
        persona_id: n.is_multiple_of(2).then(|| "persona-1".to_owned()),
    };
    calls.time(|| b.edit(edit)).1
}

fn align(b: &mut Bench, n: usize, calls: &mut Calls) -> Duration {
    let edit = ObjectiveEdit::AlignStory {
        story_id: b.story(8),
        objective_id: Some(b.objective(n)),
    };
    calls.time(|| b.edit(edit)).1
}

/// What the backlog asks after each change: the health line, the slices' needs and each
/// objective's roll-up, in one call.
fn backlog_health(b: &mut Bench, _n: usize, calls: &mut Calls) -> Duration {
    let (workspace, map) = (&mut b.workspace, b.map.as_str());
    calls.time(|| workspace.backlog_health(map).unwrap()).1
}

fn backlog_of_objective(b: &mut Bench, n: usize, calls: &mut Calls) -> Duration {
    let query = BacklogQuery {
        objective: Some(ObjectiveQuery::Aligned(b.objective(n))),
        ..BacklogQuery::default()
    };
    let (workspace, map) = (&b.workspace, b.map.as_str());
    calls.time(|| workspace.backlog(map, query).unwrap()).1
}

fn kinds() -> [(&'static str, Step); 14] {
    [
        ("move a card", move_card),
        ("rename a story", rename),
        ("estimate", estimate),
        ("edit a criterion", criterion_text),
        ("add or remove a dependency", dependency),
        ("split a story in two", split),
        ("undo a rename", undo),
        ("start a session (top 10 not ready)", start_session),
        ("sort a slice by WSJF", sort_by_wsjf),
        ("align a story to a PI objective", align),
        ("backlog health (line, slices, objectives)", backlog_health),
        ("backlog of one objective", backlog_of_objective),
        ("name who does an activity", activity_persona),
        ("name a story's persona", story_persona),
    ]
}

/// A session step: focus moves between two stories of an open session.
fn session_step(b: &mut Bench, session_id: &str, stories: &[String], n: usize) -> MapChange {
    b.edit(RoomEdit::FocusSessionStory {
        session_id: session_id.to_owned(),
        story_id: Some(stories[n % 2].clone()),
    })
}

fn bench_size(c: &mut Criterion, stories: usize) {
    let label = format!("{}k", stories / 1000);
    let mut bench = Bench::new(stories);
    let mut table = Vec::new();
    let mut group = c.benchmark_group(format!("edit a {label}-story map"));
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    for (name, step) in kinds() {
        if bench.view.objectives.is_empty()
            && name.contains("objective")
            && !name.starts_with("backlog health")
        {
            continue;
        }
        let mut calls = Calls::default();
        let mut n = 0;
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| {
                        n += 1;
                        step(&mut bench, n, &mut calls)
                    })
                    .sum()
            })
        });
        table.push((name, calls.percentile(0.5), calls.percentile(0.99)));
    }
    let session = session_in_progress(&mut bench);
    let mut calls = Calls::default();
    let mut n = 0;
    group.bench_function("session step (focus the next story)", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    n += 1;
                    let (id, stories) = (&session.0, &session.1);
                    calls.time(|| session_step(&mut bench, id, stories, n)).1
                })
                .sum()
        })
    });
    table.push((
        "session step (focus the next story)",
        calls.percentile(0.5),
        calls.percentile(0.99),
    ));
    group.finish();
    println!("\n| {label} stories: edit | p50 ms | p99 ms |\n|---|---:|---:|");
    for (name, p50, p99) in table {
        if let (Some(p50), Some(p99)) = (p50, p99) {
            println!("| {name} | {p50:.2} | {p99:.2} |");
        }
    }
}

fn session_in_progress(bench: &mut Bench) -> (String, Vec<String>) {
    let session = bench
        .edit(SessionEdit::StartSession {
            story_ids: None,
            story_count: None,
            length_minutes: None,
            timebox_minutes: None,
            deck: None,
            participants: None,
        })
        .session
        .expect("the session started");
    let stories = session.stories.iter().map(|s| s.story_id.clone()).collect();
    (session.id, stories)
}

fn edits(c: &mut Criterion) {
    bench_size(c, 1_000);
    bench_size(c, 10_000);
}

criterion_group!(benches, edits);
criterion_main!(benches);
