//! What a session did, for its summary: each story's outcome, with the estimate changes,
//! splits and criteria added read from the map's history within the session's time.

use super::model::{NoteKind, Session, SessionStoryState};
use crate::refine::{health, readiness, ready_line, Estimate, MapIndex};
use crate::{ChangeKind, MapModel, StoryChanges};

/// Where a story of the session ended up.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Ready,
    /// Refined, waiting for someone's input ("UX"). The one rule for it, in the headline,
    /// the stakeholder sentence and every count: when the story otherwise meets the
    /// Definition of Ready (`ready`), it is ready and the input is its final sign-off;
    /// otherwise it is not ready until the input comes.
    NeedsInput {
        who: String,
        ready: bool,
    },
    /// Refined, still failing the Definition of Ready.
    NotReady,
    Parked,
    /// Split into smaller stories (the original left the map).
    Split,
    /// Not reached in the session.
    NotDiscussed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportStory {
    pub story_id: String,
    pub title: String,
    pub outcome: Outcome,
    pub estimate: Option<String>,
    pub points: Option<f64>,
    /// Who read it aloud (a participant's name).
    pub reader: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportNote {
    /// The story's title, when the note is about one.
    pub story: Option<String>,
    pub text: String,
    pub author: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub story_id: String,
    pub title: String,
    /// The new stories' titles.
    pub into: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EstimateChange {
    pub story_id: String,
    pub title: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CriteriaAdded {
    pub story_id: String,
    pub title: String,
    pub count: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionReport {
    /// In session order.
    pub stories: Vec<ReportStory>,
    pub decisions: Vec<ReportNote>,
    pub next_steps: Vec<ReportNote>,
    pub splits: Vec<Split>,
    pub estimate_changes: Vec<EstimateChange>,
    pub criteria_added: Vec<CriteriaAdded>,
    /// e.g. "'Export' is parked: waiting for legal", "'Search' needs input from UX".
    pub open_blockers: Vec<String>,
    /// "Ready backlog: 2.3 sprints (target 1–2)": as kept when the session ended, or the
    /// map's now while it is open (or ended before this was kept).
    pub health: String,
    /// The session's stories' open cross-team dependencies: "'Pay by card' waits on
    /// Payments for 'PSP contract' (asked, needed by MVP)".
    pub cross_team: Vec<String>,
    /// The PI objectives the stories made ready serve, in the objectives' order:
    /// "Faster checkout (committed, value 8)".
    pub objectives: Vec<String>,
}

impl Outcome {
    /// Ready for the next sprint, perhaps waiting only for someone's sign-off.
    pub fn is_ready(&self) -> bool {
        matches!(
            self,
            Outcome::Ready | Outcome::NeedsInput { ready: true, .. }
        )
    }
}

impl SessionReport {
    pub fn count(&self, outcome: impl Fn(&Outcome) -> bool) -> usize {
        self.stories.iter().filter(|s| outcome(&s.outcome)).count()
    }

    /// Stories worked on in the room (every outcome but "not discussed").
    pub fn refined(&self) -> usize {
        self.count(|o| *o != Outcome::NotDiscussed)
    }

    pub fn ready_points(&self) -> f64 {
        self.stories
            .iter()
            .filter(|s| s.outcome.is_ready())
            .filter_map(|s| s.points)
            // Not `sum()`: an empty f64 sum is -0, which would print as "-0 pts".
            .fold(0.0, |total, p| total + p)
    }

    /// Who read which stories of those worked on, in the order they first read.
    pub fn readers(&self) -> Vec<(String, Vec<String>)> {
        let mut readers: Vec<(String, Vec<String>)> = Vec::new();
        let read = self
            .stories
            .iter()
            .filter(|s| s.outcome != Outcome::NotDiscussed);
        for story in read {
            let Some(name) = &story.reader else { continue };
            match readers.iter_mut().find(|(n, _)| n == name) {
                Some((_, titles)) => titles.push(story.title.clone()),
                None => readers.push((name.clone(), vec![story.title.clone()])),
            }
        }
        readers
    }

    /// Who input is needed from, with how many stories wait for each, first named first.
    pub fn needs_input(&self) -> Vec<(String, usize)> {
        self.waiting_for(|_| true)
    }

    /// [`SessionReport::needs_input`] of the stories that are ready but for that input
    /// (`ready`) or not.
    pub fn needs_input_when(&self, ready: bool) -> Vec<(String, usize)> {
        self.waiting_for(|r| r == ready)
    }

    fn waiting_for(&self, which: impl Fn(bool) -> bool) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for story in &self.stories {
            if let Outcome::NeedsInput { who, ready } = &story.outcome {
                if !which(*ready) {
                    continue;
                }
                match out.iter_mut().find(|(w, _)| w == who) {
                    Some((_, n)) => *n += 1,
                    None => out.push((who.clone(), 1)),
                }
            }
        }
        out
    }
}

fn quoted(title: &str) -> String {
    format!("'{title}'")
}

/// What became of a session story; `None` for one deleted without being split.
fn outcome(
    story: Option<&crate::Story>,
    state: SessionStoryState,
    split: bool,
    model: &MapModel,
    index: &MapIndex,
) -> Option<Outcome> {
    Some(match (story, state) {
        (None, _) if split => Outcome::Split,
        (None, _) => return None,
        (Some(_), SessionStoryState::Parked) => Outcome::Parked,
        (Some(_), SessionStoryState::Pending | SessionStoryState::Discussing) => {
            Outcome::NotDiscussed
        }
        (Some(s), SessionStoryState::Refined) => match &s.details.needs_input_from {
            Some(who) => Outcome::NeedsInput {
                who: who.clone(),
                ready: readiness(s, &model.settings, index).ready,
            },
            None if readiness(s, &model.settings, index).ready => Outcome::Ready,
            None => Outcome::NotReady,
        },
    })
}

/// The story's split, estimate change and added criteria during the session, from its
/// changes in the session's time window.
fn record_changes(
    report: &mut SessionReport,
    (id, title): (&str, &str),
    children: Vec<String>,
    within: &[&crate::ChangeEntry],
) {
    if !children.is_empty()
        && within
            .iter()
            .any(|e| e.field.as_deref() == Some("splitInto"))
    {
        report.splits.push(Split {
            story_id: id.to_owned(),
            title: title.to_owned(),
            into: children,
        });
    }
    let mut estimates: Vec<_> = within
        .iter()
        .filter(|e| e.field.as_deref() == Some("estimate"))
        .collect();
    estimates.sort_by_key(|e| e.unix_time);
    if let (Some(first), Some(last)) = (estimates.first(), estimates.last()) {
        if first.before != last.after {
            report.estimate_changes.push(EstimateChange {
                story_id: id.to_owned(),
                title: title.to_owned(),
                from: first.before.clone(),
                to: last.after.clone(),
            });
        }
    }
    let added = within
        .iter()
        .filter(|e| e.kind == ChangeKind::CriterionAdded)
        .count();
    if added > 0 {
        report.criteria_added.push(CriteriaAdded {
            story_id: id.to_owned(),
            title: title.to_owned(),
            count: added,
        });
    }
}

/// What still stands in the story's way: parked, blocked, waiting for input.
fn record_blockers(
    report: &mut SessionReport,
    entry: &crate::session::SessionStory,
    story: &crate::Story,
    title: &str,
) {
    let parked = entry
        .parked_reason
        .clone()
        .or(story.details.parked_reason.clone());
    if let Some(reason) = parked {
        report
            .open_blockers
            .push(format!("{} is parked: {reason}", quoted(title)));
    }
    if let Some(reason) = &story.details.blocked_reason {
        report
            .open_blockers
            .push(format!("{} is blocked: {reason}", quoted(title)));
    }
    if let Some(who) = &story.details.needs_input_from {
        report
            .open_blockers
            .push(format!("{} needs input from {who}", quoted(title)));
    }
}

/// The ready backlog kept when `session` ended, or the map's now (while it is open, or for
/// a session ended before this was kept), against the map's target.
fn health_line(model: &MapModel, session: &Session) -> String {
    let target = model.settings.capacity.ready_target;
    match session.health {
        Some(h) => ready_line(h.ready_points, h.ready_sprints, target),
        None => health(model).line(),
    }
}

/// What the session's work means for the plan: the objectives its ready stories serve and
/// the other teams its stories still wait on.
fn record_plan(report: &mut SessionReport, model: &MapModel, index: &MapIndex, session: &Session) {
    report.objectives = served_objectives(model, index, &report.stories);
    for entry in &session.stories {
        if let Some(story) = index.story(&entry.story_id) {
            (report.cross_team).extend(crate::crossteam::open_lines(model, story));
        }
    }
}

/// The objectives the ready stories serve, each once, in the objectives' order.
fn served_objectives(model: &MapModel, index: &MapIndex, stories: &[ReportStory]) -> Vec<String> {
    let served: Vec<&str> = stories
        .iter()
        .filter(|s| s.outcome.is_ready())
        .filter_map(|s| index.story(&s.story_id))
        .filter_map(|s| s.details.objective_id.as_deref())
        .collect();
    (model.settings.objectives.iter())
        .filter(|o| served.contains(&o.id.as_str()))
        .map(crate::refine::objective_label)
        .collect()
}

/// The report of `session` on `model` (the map now), from `changes`: the map's story
/// changes since the session started (entries outside its time window are ignored).
pub fn session_report(
    model: &MapModel,
    session: &Session,
    changes: &[StoryChanges],
) -> SessionReport {
    let index = MapIndex::new(model);
    let end = session.ended_at.unwrap_or(i64::MAX);
    let within = |story_id: &str| -> Vec<&crate::ChangeEntry> {
        changes
            .iter()
            .filter(|c| c.story_id == story_id)
            .flat_map(|c| c.entries.iter())
            .filter(|e| (session.started_at..=end).contains(&e.unix_time))
            .collect()
    };
    let title_of = |story_id: &str| {
        index
            .story(story_id)
            .map(|s| s.title.clone())
            .or_else(|| {
                changes
                    .iter()
                    .find(|c| c.story_id == story_id)
                    .map(|c| c.title.clone())
            })
            .unwrap_or_else(|| story_id.to_owned())
    };
    let mut report = SessionReport {
        health: health_line(model, session),
        ..SessionReport::default()
    };
    for entry in &session.stories {
        let id = entry.story_id.as_str();
        let title = title_of(id);
        let children: Vec<String> = model
            .stories
            .iter()
            .filter(|s| s.details.split_from.as_deref() == Some(id))
            .map(|s| s.title.clone())
            .collect();
        let story = index.story(id);
        let Some(outcome) = outcome(story, entry.state, !children.is_empty(), model, &index) else {
            continue;
        };
        record_changes(&mut report, (id, &title), children, &within(id));
        if let Some(s) = story {
            record_blockers(&mut report, entry, s, &title);
        }
        let estimate = story.and_then(|s| s.estimate.clone());
        let points = Estimate::read(estimate.as_deref())
            .and_then(|e| e.points(&model.settings.tshirt_points));
        let reader = entry.reader.as_ref().and_then(|r| {
            let who = session.participants.iter().find(|p| &p.id == r);
            who.map(|p| p.name.clone())
        });
        report.stories.push(ReportStory {
            story_id: id.to_owned(),
            title,
            outcome,
            estimate,
            points,
            reader,
        });
    }
    record_plan(&mut report, model, &index, session);
    for note in &session.notes {
        let logged = ReportNote {
            story: note.story_id.as_deref().map(title_of),
            text: note.text.clone(),
            author: note.author.clone(),
        };
        match note.kind {
            NoteKind::Decision => report.decisions.push(logged),
            NoteKind::NextStep => report.next_steps.push(logged),
            NoteKind::Note => {}
        }
    }
    report
}
