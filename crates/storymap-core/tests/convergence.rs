//! Three replicas of one map make random edits from the map's own edit set and exchange
//! changes with Automerge's sync protocol, pair by pair, in random order and across random
//! partitions. Once the partitions heal and syncing goes quiet, every replica holds the
//! same heads and the same map, and no card or criterion was lost or doubled.

use std::collections::{BTreeMap, BTreeSet};

use automerge::sync::{State, SyncDoc};
use proptest::prelude::*;
use storymap_core::{BackboneEdit, CardEdit, CriteriaEdit, EstimateEdit, SliceEdit, StoryEdit};
use storymap_core::{Edit, EditContext, MapDocument, MapModel, StoryStatus};

const REPLICAS: usize = 3;

#[derive(Debug, Clone)]
enum Step {
    /// An edit of kind `kind` on `replica`; `a`, `b`, `c` pick what it acts on.
    Edit {
        replica: usize,
        kind: u8,
        a: usize,
        b: usize,
        c: usize,
    },
    /// One sync round between two replicas, unless their link is cut.
    Sync { from: usize, to: usize },
    /// Which of the three links are cut (bits 0: 0–1, 1: 0–2, 2: 1–2).
    Partition(u8),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..REPLICAS, 0u8..11, 0usize..8, 0usize..8, 0usize..8)
            .prop_map(|(replica, kind, a, b, c)| Step::Edit { replica, kind, a, b, c }),
        3 => (0..REPLICAS, 0..REPLICAS).prop_map(|(from, to)| Step::Sync { from, to }),
        1 => (0u8..8).prop_map(Step::Partition),
    ]
}

/// What the replicas did, to check the end state against.
#[derive(Default)]
struct Log {
    stories: BTreeSet<String>,
    deleted: BTreeSet<String>,
    /// Criterion id → story id.
    criteria: BTreeMap<String, String>,
}

fn pick<T: Clone>(items: &[T], index: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[index % items.len()].clone())
}

fn edit_for(model: &MapModel, kind: u8, a: usize, b: usize, c: usize) -> Option<Edit> {
    let steps: Vec<String> = model
        .activities
        .iter()
        .flat_map(|act| act.steps.iter().map(|s| s.id.clone()))
        .collect();
    let activities: Vec<String> = model.activities.iter().map(|x| x.id.clone()).collect();
    let releases: Vec<String> = model.releases.iter().map(|r| r.id.clone()).collect();
    let stories: Vec<String> = model.stories.iter().map(|s| s.id.clone()).collect();
    let story = pick(&stories, a);
    match kind {
        0 | 1 => Some(Edit::from(CardEdit::AddStory {
            step_id: pick(&steps, b)?,
            release_id: pick(&releases, c)?,
            title: format!("Story {a}{b}{c}"),
        })),
        2 => Some(Edit::from(CardEdit::RenameStory {
            story_id: story?,
            title: format!("Renamed {b}{c}"),
        })),
        3 => Some(Edit::from(CardEdit::MoveStory {
            story_id: story?,
            step_id: pick(&steps, b)?,
            release_id: pick(&releases, c)?,
            to_index: a % 3,
        })),
        4 => Some(Edit::from(CardEdit::DeleteStory { story_id: story? })),
        5 => Some(Edit::from(CriteriaEdit::AddCriteria {
            story_id: story?,
            text: format!("Criterion {b}\nCriterion {c}"),
        })),
        6 => {
            let story = model.stories.get(a % model.stories.len().max(1))?;
            let criteria: Vec<String> = story
                .acceptance_criteria
                .iter()
                .map(|k| k.id.clone())
                .collect();
            Some(Edit::from(CriteriaEdit::UpdateCriterion {
                story_id: story.id.clone(),
                criterion_id: pick(&criteria, b)?,
                text: format!("Edited {c}"),
                given: String::new(),
                when: String::new(),
                then: String::new(),
            }))
        }
        7 => Some(Edit::from(EstimateEdit::SetEstimate {
            story_id: story?,
            estimate: Some(["1", "3", "5", "M"][b % 4].into()),
        })),
        8 => Some(Edit::from(StoryEdit::SetStatus {
            story_id: story?,
            status: StoryStatus::ALL[b % StoryStatus::ALL.len()],
        })),
        9 => Some(Edit::from(BackboneEdit::MoveStep {
            step_id: pick(&steps, a)?,
            activity_id: pick(&activities, b)?,
            to_index: c % 3,
        })),
        _ => {
            if b.is_multiple_of(2) {
                Some(Edit::from(SliceEdit::AddRelease {
                    title: format!("Slice {c}"),
                }))
            } else {
                Some(Edit::from(SliceEdit::MoveRelease {
                    release_id: pick(&releases, a)?,
                    to_index: c % 3,
                }))
            }
        }
    }
}

fn seed_map() -> MapDocument {
    let mut map = MapDocument::create("m", "Shop", "ana", 1).unwrap();
    let ctx = |id: &str| EditContext {
        new_id: id.into(),
        unix_time: 1,
        author: "ana".into(),
    };
    for (edit, id) in [
        (
            Edit::from(BackboneEdit::AddActivity {
                title: "Find".into(),
            }),
            "a1",
        ),
        (
            Edit::from(BackboneEdit::AddActivity {
                title: "Pay".into(),
            }),
            "a2",
        ),
        (
            Edit::from(BackboneEdit::AddStep {
                activity_id: "a1".into(),
                title: "Search".into(),
            }),
            "s1",
        ),
        (
            Edit::from(BackboneEdit::AddStep {
                activity_id: "a2".into(),
                title: "Card".into(),
            }),
            "s2",
        ),
        (
            Edit::from(SliceEdit::AddRelease {
                title: "MVP".into(),
            }),
            "r1",
        ),
    ] {
        map.apply(&edit, &ctx(id)).unwrap();
    }
    map
}

fn cut(partition: u8, x: usize, y: usize) -> bool {
    let bit = match (x.min(y), x.max(y)) {
        (0, 1) => 0,
        (0, 2) => 1,
        _ => 2,
    };
    partition & (1 << bit) != 0
}

/// Runs sync messages both ways between two replicas until neither has more to say;
/// answers whether any message went.
fn sync_pair(
    maps: &mut [MapDocument],
    states: &mut [[State; REPLICAS]; REPLICAS],
    x: usize,
    y: usize,
) -> bool {
    let mut sent = false;
    loop {
        let mut quiet = true;
        for (from, to) in [(x, y), (y, x)] {
            let message = maps[from]
                .sync_doc()
                .generate_sync_message(&mut states[from][to]);
            if let Some(message) = message {
                maps[to]
                    .sync_doc()
                    .receive_sync_message(&mut states[to][from], message)
                    .unwrap();
                quiet = false;
                sent = true;
            }
        }
        if quiet {
            return sent;
        }
    }
}

impl Log {
    /// Notes what an applied edit created or deleted.
    fn record(&mut self, edit: &Edit, created_id: Option<String>, new_id: &str) {
        match edit {
            Edit::Card(CardEdit::AddStory { .. }) => {
                self.stories.insert(created_id.unwrap());
            }
            Edit::Card(CardEdit::DeleteStory { story_id }) => {
                self.deleted.insert(story_id.clone());
            }
            Edit::Criteria(CriteriaEdit::AddCriteria { story_id, .. }) => {
                for i in 0..2 {
                    self.criteria
                        .insert(format!("{new_id}-{i}"), story_id.clone());
                }
            }
            _ => {}
        }
    }
}

/// The replicas: each a copy of the seed map, editing under its own name.
fn replicas() -> Vec<MapDocument> {
    let seed = seed_map();
    (0..REPLICAS)
        .map(|i| {
            let mut map = MapDocument::load(&seed.save()).unwrap();
            map.set_author(&format!("peer{i}"));
            map
        })
        .collect()
}

/// Step `n`: the edit that `kind` and the picks `a`, `b`, `c` make on `replica`'s map, if
/// any, applied there and logged.
fn edit_step(
    maps: &mut [MapDocument],
    log: &mut Log,
    (n, replica): (usize, usize),
    (kind, a, b, c): (u8, usize, usize, usize),
) {
    let model = maps[replica].read().unwrap();
    let Some(edit) = edit_for(&model, kind, a, b, c) else {
        return;
    };
    let context = EditContext {
        new_id: format!("p{replica}-{n}"),
        unix_time: 100 + n as i64,
        author: "ana".into(),
    };
    // An edit the replica refuses (say, an empty cell index) changes nothing.
    let Ok(applied) = maps[replica].apply(&edit, &context) else {
        return;
    };
    log.record(&edit, applied.created_id, &context.new_id);
}

/// Heals every partition: syncs every pair until a whole round sends nothing.
fn heal(maps: &mut [MapDocument], states: &mut [[State; REPLICAS]; REPLICAS]) {
    loop {
        let mut sent = false;
        for (x, y) in [(0, 1), (1, 2), (0, 2)] {
            sent |= sync_pair(maps, states, x, y);
        }
        if !sent {
            break;
        }
    }
}

/// Every replica holds the same heads and the same map; answers that map.
fn same_map_everywhere(maps: &[MapDocument]) -> Result<MapModel, TestCaseError> {
    let heads = maps[0].heads();
    let model = maps[0].read().unwrap();
    for map in &maps[1..] {
        prop_assert_eq!(&map.heads(), &heads);
        prop_assert_eq!(&map.read().unwrap(), &model);
    }
    Ok(model)
}

/// The cards shown are exactly those added and not deleted, once each, each in a step and
/// a slice of the map.
fn check_cards(model: &MapModel, log: &Log) -> Result<(), TestCaseError> {
    let live: BTreeSet<&String> = log.stories.difference(&log.deleted).collect();
    let shown: Vec<&String> = model.stories.iter().map(|s| &s.id).collect();
    let shown_set: BTreeSet<&String> = shown.iter().copied().collect();
    prop_assert_eq!(shown.len(), shown_set.len(), "a card is shown twice");
    prop_assert_eq!(&shown_set, &live, "cards lost or resurrected");
    let steps: BTreeSet<&String> = model
        .activities
        .iter()
        .flat_map(|a| a.steps.iter().map(|s| &s.id))
        .collect();
    let releases: BTreeSet<&String> = model.releases.iter().map(|r| &r.id).collect();
    for story in &model.stories {
        prop_assert!(
            steps.contains(&story.step_id),
            "{} outside any step",
            story.id
        );
        prop_assert!(
            releases.contains(&story.release_id),
            "{} outside any slice",
            story.id
        );
    }
    Ok(())
}

/// Every criterion added to a card still on the map is on it exactly once.
fn check_criteria(model: &MapModel, log: &Log) -> Result<(), TestCaseError> {
    for (criterion, story_id) in &log.criteria {
        let Some(story) = model.stories.iter().find(|s| &s.id == story_id) else {
            continue;
        };
        let count = story
            .acceptance_criteria
            .iter()
            .filter(|k| &k.id == criterion)
            .count();
        prop_assert_eq!(count, 1, "criterion {} of {}", criterion, story_id);
    }
    Ok(())
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let mut maps = replicas();
    let mut states: [[State; REPLICAS]; REPLICAS] = Default::default();
    let mut partition = 0u8;
    let mut log = Log::default();
    for (n, step) in steps.iter().enumerate() {
        match step {
            Step::Edit {
                replica,
                kind,
                a,
                b,
                c,
            } => edit_step(&mut maps, &mut log, (n, *replica), (*kind, *a, *b, *c)),
            Step::Sync { from, to } => {
                if from != to && !cut(partition, *from, *to) {
                    sync_pair(&mut maps, &mut states, *from, *to);
                }
            }
            Step::Partition(links) => partition = *links,
        }
    }
    heal(&mut maps, &mut states);
    let model = same_map_everywhere(&maps)?;
    check_cards(&model, &log)?;
    check_criteria(&model, &log)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn replicas_that_sync_after_random_edits_and_partitions_agree_and_lose_nothing(
        steps in prop::collection::vec(step(), 1..60)
    ) {
        run(&steps)?;
    }
}
