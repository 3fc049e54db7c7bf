//! Sessions across the boundary: a core session or report into its DTO (the edits are
//! in `convert_session_edit`).

use storymap_core::refine::{MapIndex, Readiness};
use storymap_core::session::{self as core, Outcome, SessionReport};
use storymap_core::MapModel;

use crate::history_views::rfc3339;
use crate::session_views::*;

impl From<Deck> for core::Deck {
    fn from(deck: Deck) -> Self {
        match deck {
            Deck::Fibonacci => core::Deck::Fibonacci,
            Deck::Tshirt => core::Deck::TShirt,
        }
    }
}

impl From<core::Deck> for Deck {
    fn from(deck: core::Deck) -> Self {
        match deck {
            core::Deck::Fibonacci => Deck::Fibonacci,
            core::Deck::TShirt => Deck::Tshirt,
        }
    }
}

fn note_kind_view(kind: core::NoteKind) -> SessionNoteKind {
    match kind {
        core::NoteKind::Decision => SessionNoteKind::Decision,
        core::NoteKind::Note => SessionNoteKind::Note,
        core::NoteKind::NextStep => SessionNoteKind::NextStep,
    }
}

fn state_view(state: core::SessionStoryState) -> SessionStoryState {
    match state {
        core::SessionStoryState::Pending => SessionStoryState::Pending,
        core::SessionStoryState::Discussing => SessionStoryState::Discussing,
        core::SessionStoryState::Refined => SessionStoryState::Refined,
        core::SessionStoryState::Parked => SessionStoryState::Parked,
    }
}

fn seconds(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

fn round_view(session: &core::Session, round: &core::PokerRound) -> PokerRoundView {
    let votes = session.live_votes(round);
    let (shown, stats) = if round.revealed {
        let stats = core::poker_stats(&votes, session.deck);
        let shown = votes
            .iter()
            .map(|(p, v)| VoteView {
                participant_id: p.clone(),
                value: v.clone(),
            })
            .collect();
        let stats = PokerStatsView {
            votes: stats.votes as u32,
            median: stats.median.map(str::to_owned),
            min: stats.min.map(str::to_owned),
            max: stats.max.map(str::to_owned),
            spread: stats.spread as u32,
            outliers: stats.outliers,
            unknown: stats.unknown as u32,
            coffee: stats.coffee as u32,
            consensus: stats.consensus,
        };
        (shown, Some(stats))
    } else {
        (Vec::new(), None)
    };
    PokerRoundView {
        id: round.id.clone(),
        story_id: round.story_id.clone(),
        number: round.number,
        revealed: round.revealed,
        voted_participant_ids: votes.into_iter().map(|(p, _)| p).collect(),
        votes: shown,
        stats,
        accepted_estimate: round.accepted_estimate.clone(),
    }
}

/// One story of the session as the room sees it, with its time spent at `clock`.
fn session_story_view(
    model: &MapModel,
    index: &MapIndex,
    entry: &core::SessionStory,
    clock: i64,
    timebox: u64,
) -> SessionStoryView {
    let story = index.story(&entry.story_id);
    let readiness: Option<Readiness> =
        story.map(|s| storymap_core::refine::readiness(s, &model.settings, index));
    let spent = entry.spent_at(clock);
    SessionStoryView {
        story_id: entry.story_id.clone(),
        title: story.map(|s| s.title.clone()).unwrap_or_default(),
        estimate: story.and_then(|s| s.estimate.clone()),
        points: story.and_then(|s| {
            storymap_core::refine::Estimate::read(s.estimate.as_deref())
                .and_then(|e| e.points(&model.settings.tshirt_points))
        }),
        status: story.map(|s| s.status.into()),
        ready: readiness.is_some_and(|r| r.ready),
        needs_input_from: story.and_then(|s| s.details.needs_input_from.clone()),
        state: state_view(entry.state),
        spent_seconds: seconds(spent),
        timebox_seconds: seconds(timebox),
        overrun: spent > timebox,
        parked_reason: entry.parked_reason.clone(),
        reader: entry.reader.clone(),
    }
}

/// The agenda, with the item of the session's current `minute` marked.
fn agenda_view(session: &core::Session, minute: u32) -> Vec<AgendaItemView> {
    session
        .agenda
        .iter()
        .map(|a| AgendaItemView {
            id: a.id.clone(),
            title: a.title.clone(),
            start_minute: a.start_minute,
            end_minute: a.end_minute,
            current: session.is_open() && (a.start_minute..a.end_minute).contains(&minute),
        })
        .collect()
}

/// The session as the room sees it at `now` (Unix seconds).
pub(crate) fn session_view(
    model: &MapModel,
    index: &MapIndex<'_>,
    session: &core::Session,
    now: i64,
) -> SessionView {
    let clock = session.ended_at.unwrap_or(now);
    let elapsed = u64::try_from(clock - session.started_at).unwrap_or(0);
    let timebox = u64::from(session.timebox_minutes) * 60;
    let stories = session
        .stories
        .iter()
        .map(|entry| session_story_view(model, index, entry, clock, timebox))
        .collect();
    let minute = u32::try_from(elapsed / 60).unwrap_or(u32::MAX);
    SessionView {
        id: session.id.clone(),
        started_at: rfc3339(session.started_at),
        ended_at: session.ended_at.map(rfc3339),
        open: session.is_open(),
        facilitator: session.facilitator.clone(),
        length_minutes: session.length_minutes,
        timebox_minutes: session.timebox_minutes,
        elapsed_seconds: seconds(elapsed),
        agenda: agenda_view(session, minute),
        stories,
        focus: session.focus.clone(),
        participants: session
            .participants
            .iter()
            .map(|p| ParticipantView {
                id: p.id.clone(),
                name: p.name.clone(),
                skips_reading: p.skips_reading,
            })
            .collect(),
        deck: session.deck.into(),
        cards: session
            .deck
            .cards()
            .into_iter()
            .map(str::to_owned)
            .collect(),
        current_round: session
            .focus
            .as_deref()
            .and_then(|f| session.current_round(f))
            .map(|r| round_view(session, r)),
        rounds: session
            .rounds
            .iter()
            .map(|r| round_view(session, r))
            .collect(),
        notes: session
            .notes
            .iter()
            .map(|n| SessionNoteView {
                id: n.id.clone(),
                story_id: n.story_id.clone(),
                kind: note_kind_view(n.kind),
                text: n.text.clone(),
                at: rfc3339(n.at),
                author: n.author.clone(),
            })
            .collect(),
    }
}

pub(crate) fn list_item(session: &core::Session) -> SessionListItem {
    let count = |state| session.stories.iter().filter(|s| s.state == state).count() as u32;
    SessionListItem {
        id: session.id.clone(),
        started_at: rfc3339(session.started_at),
        ended_at: session.ended_at.map(rfc3339),
        open: session.is_open(),
        facilitator: session.facilitator.clone(),
        length_minutes: session.length_minutes,
        stories: session.stories.len() as u32,
        refined: count(core::SessionStoryState::Refined),
        parked: count(core::SessionStoryState::Parked),
        decisions: session
            .notes
            .iter()
            .filter(|n| n.kind == core::NoteKind::Decision)
            .count() as u32,
        participants: session
            .participants
            .iter()
            .map(|p| p.name.clone())
            .collect(),
    }
}

fn notes(notes: &[core::ReportNote]) -> Vec<SummaryNoteView> {
    notes
        .iter()
        .map(|n| SummaryNoteView {
            story: n.story.clone(),
            text: n.text.clone(),
            author: n.author.clone(),
        })
        .collect()
}

pub(crate) fn summary_view(session_id: &str, report: &SessionReport) -> SessionSummaryView {
    let count = |outcome: Outcome| report.count(|o| *o == outcome) as u32;
    SessionSummaryView {
        session_id: session_id.to_owned(),
        headline: report.headline(),
        stakeholder_sentence: report.stakeholder_sentence(),
        stories: report.stories.len() as u32,
        refined: report.refined() as u32,
        ready: report.count(Outcome::is_ready) as u32,
        ready_points: report.ready_points(),
        parked: count(Outcome::Parked),
        split: count(Outcome::Split),
        not_ready: count(Outcome::NotReady),
        not_discussed: count(Outcome::NotDiscussed),
        needs_input: report
            .needs_input()
            .into_iter()
            .map(|(who, n)| NeedsInputView {
                who,
                stories: n as u32,
            })
            .collect(),
        decisions: notes(&report.decisions),
        splits: report
            .splits
            .iter()
            .map(|s| SplitView {
                story_id: s.story_id.clone(),
                title: s.title.clone(),
                into: s.into.clone(),
            })
            .collect(),
        estimate_changes: report
            .estimate_changes
            .iter()
            .map(|c| EstimateChangeView {
                story_id: c.story_id.clone(),
                title: c.title.clone(),
                from: c.from.clone(),
                to: c.to.clone(),
            })
            .collect(),
        criteria_added: report
            .criteria_added
            .iter()
            .map(|c| CriteriaAddedView {
                story_id: c.story_id.clone(),
                title: c.title.clone(),
                count: c.count as u32,
            })
            .collect(),
        open_blockers: report.open_blockers.clone(),
        next_steps: notes(&report.next_steps),
        readers: report
            .readers()
            .into_iter()
            .map(|(name, stories)| ReaderCreditView { name, stories })
            .collect(),
        health: report.health.clone(),
        objectives: report.objectives.clone(),
        cross_team: report.cross_team.clone(),
        markdown: core::stakeholder_update(report, core::Format::Markdown),
        text: core::stakeholder_update(report, core::Format::Text),
    }
}
