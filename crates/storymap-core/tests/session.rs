//! Refinement sessions: the room's bookkeeping, planning poker, the summary and the
//! stakeholder update, presentation without private notes, and two laptops merging.

use expect_test::{expect, Expect};
use proptest::prelude::*;
use storymap_core::session::{
    poker_stats, session_report, stakeholder_update, Deck, Format, NoteKind, Session,
    SessionStoryState,
};
use storymap_core::{
    changes_since, presentation_story, CoreError, Edit, EditContext, MapDocument, SplitChild,
    StoryField, StoryStatus, UndoRecord,
};
use storymap_core::{
    AgendaEdit, BackboneEdit, CardEdit, CriteriaEdit, EstimateEdit, PokerEdit, RoomEdit,
    SessionEdit, SessionStart, SliceEdit, SplitEdit, StoryEdit,
};

const TIME: i64 = 1_700_000_000;
/// When the session starts: well after the map was built.
const START: i64 = TIME + 10_000;

fn at(id: &str, unix_time: i64) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time,
        author: "ana".into(),
    }
}

fn apply(map: &mut MapDocument, edit: Edit, id: &str, time: i64) -> UndoRecord {
    let applied = map.apply(&edit, &at(id, time)).expect("valid edit");
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

fn refine(map: &mut MapDocument, edit: impl Into<Edit>, time: i64) {
    apply(map, edit.into(), "c", time);
}

fn room(map: &mut MapDocument, edit: impl Into<Edit>, id: &str, time: i64) -> UndoRecord {
    apply(map, edit.into(), id, time)
}

/// An edit by someone else than the default author (a facilitator, a note's author).
fn room_by(
    map: &mut MapDocument,
    edit: impl Into<Edit>,
    (author, id): (&str, &str),
    time: i64,
) -> UndoRecord {
    let mut context = at(id, time);
    context.author = author.into();
    let applied = map.apply(&edit.into(), &context).expect("valid edit");
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

fn refused(map: &mut MapDocument, edit: impl Into<Edit>) -> String {
    match map.apply(&edit.into(), &at("x", START + 9_000)) {
        Err(CoreError::InvalidInput(message)) => message,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn text(story_id: &str, field: StoryField, text: &str) -> StoryEdit {
    StoryEdit::SetText {
        story_id: story_id.into(),
        field,
        text: text.into(),
    }
}

/// Passes the default Definition of Ready.
fn make_ready(map: &mut MapDocument, id: &str, estimate: &str) {
    refine(map, text(id, StoryField::Why, "Customers asked"), TIME);
    let criteria = CriteriaEdit::AddCriteria {
        story_id: id.into(),
        text: "Shows a receipt".into(),
    };
    apply(map, Edit::from(criteria), &format!("{id}-c"), TIME);
    let estimate = EstimateEdit::SetEstimate {
        story_id: id.into(),
        estimate: Some(estimate.into()),
    };
    refine(map, estimate, TIME);
    let tick = StoryEdit::SetReadyCheck {
        story_id: id.into(),
        item_id: "dor-questions".into(),
        on: true,
    };
    refine(map, tick, TIME);
}

/// One activity and step, one slice; stories s0…s{n-1} in order. s0 is in a sprint and
/// s1 is ready, so the default pick starts at s2.
fn map_with(stories: usize) -> MapDocument {
    let mut map = MapDocument::create("m", "Shop", "ana", TIME).unwrap();
    let activity = Edit::from(BackboneEdit::AddActivity {
        title: "Buy".into(),
    });
    apply(&mut map, activity, "a1", TIME);
    let step = Edit::from(BackboneEdit::AddStep {
        activity_id: "a1".into(),
        title: "Pay".into(),
    });
    apply(&mut map, step, "p", TIME);
    let slice = Edit::from(SliceEdit::AddRelease {
        title: "MVP".into(),
    });
    apply(&mut map, slice, "r1", TIME);
    for i in 0..stories {
        let story = Edit::from(CardEdit::AddStory {
            step_id: "p".into(),
            release_id: "r1".into(),
            title: format!("Story {i}"),
        });
        apply(&mut map, story, &format!("s{i}"), TIME);
    }
    let in_sprint = StoryEdit::SetStatus {
        story_id: "s0".into(),
        status: StoryStatus::InSprint,
    };
    refine(&mut map, in_sprint, TIME);
    make_ready(&mut map, "s1", "3");
    map
}

fn start(map: &mut MapDocument, story_ids: Option<Vec<&str>>) -> Session {
    let spec = SessionStart {
        story_ids: story_ids.map(|ids| ids.into_iter().map(String::from).collect()),
        ..SessionStart::default()
    };
    room_by(map, SessionEdit::Start(spec), ("Ana", "S"), START);
    map.read_session("S").unwrap()
}

fn session(map: &MapDocument) -> Session {
    map.read_session("S").expect("the session")
}

fn ids(session: &Session) -> Vec<&str> {
    session
        .stories
        .iter()
        .map(|s| s.story_id.as_str())
        .collect()
}

fn sid() -> String {
    "S".into()
}

#[test]
fn a_session_starts_on_the_top_not_ready_stories_with_the_seed_agenda() {
    let mut map = map_with(14);
    let session = start(&mut map, None);
    assert_eq!(
        ids(&session),
        ["s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11"]
    );
    assert_eq!((session.length_minutes, session.timebox_minutes), (90, 5));
    assert_eq!(session.deck, Deck::Fibonacci);
    let agenda: Vec<String> = session
        .agenda
        .iter()
        .map(|a| format!("{}–{} {}", a.start_minute, a.end_minute, a.title))
        .collect();
    assert_eq!(
        agenda,
        [
            "0–10 Recap objectives and priorities",
            "10–60 Story walkthrough and estimation",
            "60–80 Prioritise and adjust dependencies",
            "80–90 Summarise decisions and next steps"
        ]
    );
    let second = SessionEdit::Start(SessionStart::default());
    assert_eq!(
        refused(&mut map, second.clone()),
        "session S is still open: end it before starting another"
    );
    room(
        &mut map,
        SessionEdit::End {
            session_id: sid(),
            health: None,
        },
        "-",
        START + 60,
    );
    room(&mut map, second, "S2", START + 100);
    let sessions = map.read_sessions();
    let listed: Vec<(&str, bool)> = sessions
        .iter()
        .map(|s| (s.id.as_str(), s.is_open()))
        .collect();
    assert_eq!(listed, [("S2", true), ("S", false)]);
}

#[test]
// A journey reads top to bottom as the user lives it; splitting it would hide the story.
#[allow(clippy::too_many_lines)]
fn a_weekly_45_minute_session_scales_the_agenda_and_edits_it() {
    let mut map = map_with(4);
    let spec = SessionStart {
        story_ids: Some(vec!["s3".into(), "s2".into(), "s3".into()]),
        length_minutes: Some(45),
        timebox_minutes: Some(8),
        deck: Some(Deck::TShirt),
        ..SessionStart::default()
    };
    room_by(&mut map, SessionEdit::Start(spec), ("Ana", "S"), START);
    let s = session(&map);
    assert_eq!(ids(&s), ["s3", "s2"]);
    let minutes: Vec<(u32, u32)> = s
        .agenda
        .iter()
        .map(|a| (a.start_minute, a.end_minute))
        .collect();
    assert_eq!(minutes, [(0, 5), (5, 30), (30, 40), (40, 45)]);
    let add = AgendaEdit::AddAgendaItem {
        session_id: sid(),
        title: "Demo the prototype".into(),
        start_minute: 40,
        end_minute: 45,
    };
    room(&mut map, add, "demo", START);
    let first = session(&map).agenda[0].id.clone();
    let edits = [
        Edit::from(AgendaEdit::RetimeAgendaItem {
            session_id: sid(),
            item_id: "demo".into(),
            start_minute: 0,
            end_minute: 5,
        }),
        Edit::from(AgendaEdit::MoveAgendaItem {
            session_id: sid(),
            item_id: "demo".into(),
            to_index: 0,
        }),
        Edit::from(AgendaEdit::RenameAgendaItem {
            session_id: sid(),
            item_id: first.clone(),
            title: "Recap".into(),
        }),
        Edit::from(AgendaEdit::DeleteAgendaItem {
            session_id: sid(),
            item_id: session(&map).agenda[3].id.clone(),
        }),
        Edit::from(RoomEdit::MoveStory {
            session_id: sid(),
            story_id: "s2".into(),
            to_index: 0,
        }),
        Edit::from(RoomEdit::AddStory {
            session_id: sid(),
            story_id: "s1".into(),
        }),
        Edit::from(RoomEdit::RemoveStory {
            session_id: sid(),
            story_id: "s3".into(),
        }),
    ];
    for edit in edits {
        room(&mut map, edit, "-", START);
    }
    let s = session(&map);
    let agenda: Vec<String> = s
        .agenda
        .iter()
        .map(|a| format!("{}–{} {}", a.start_minute, a.end_minute, a.title))
        .collect();
    assert_eq!(
        agenda,
        [
            "0–5 Demo the prototype",
            "0–5 Recap",
            "5–30 Story walkthrough and estimation",
            "30–40 Prioritise and adjust dependencies"
        ]
    );
    assert_eq!(ids(&s), ["s2", "s1"]);
    let bad = AgendaEdit::RetimeAgendaItem {
        session_id: sid(),
        item_id: "demo".into(),
        start_minute: 10,
        end_minute: 5,
    };
    assert!(refused(&mut map, bad).contains("got 10–5"));
    let twice = RoomEdit::AddStory {
        session_id: sid(),
        story_id: "s2".into(),
    };
    assert_eq!(
        refused(&mut map, twice),
        "'Story 2' is already in the session"
    );
}

#[test]
fn focus_accounts_time_per_story_and_refined_or_parked_stories_leave_the_projector() {
    let mut map = map_with(6);
    start(&mut map, Some(vec!["s2", "s3", "s4"]));
    let focus = |story: &str| RoomEdit::Focus {
        session_id: sid(),
        story_id: Some(story.into()),
    };
    room(&mut map, focus("s2"), "-", START + 100);
    room(&mut map, focus("s3"), "-", START + 500);
    let s = session(&map);
    assert_eq!(s.focus.as_deref(), Some("s3"));
    let s2 = s.story("s2").unwrap();
    assert_eq!(
        (s2.state, s2.spent_seconds, s2.started_at),
        (SessionStoryState::Discussing, 400, None)
    );
    // 400 s is past the 5-minute timebox.
    assert!(s2.spent_at(START + 500) > u64::from(s.timebox_minutes) * 60);
    assert_eq!(s.story("s3").unwrap().spent_at(START + 560), 60);
    room(&mut map, focus("s2"), "-", START + 600);
    let refined = RoomEdit::MarkRefined {
        session_id: sid(),
        story_id: "s2".into(),
    };
    room(&mut map, refined, "-", START + 650);
    let park = RoomEdit::Park {
        session_id: sid(),
        story_id: "s3".into(),
        reason: "Waiting for the payment provider's API docs".into(),
    };
    room(&mut map, park, "-", START + 700);
    let s = session(&map);
    assert_eq!(s.focus, None);
    let summary: Vec<(&str, SessionStoryState, u64)> = s
        .stories
        .iter()
        .map(|x| (x.story_id.as_str(), x.state, x.spent_seconds))
        .collect();
    assert_eq!(
        summary,
        [
            ("s2", SessionStoryState::Refined, 450),
            ("s3", SessionStoryState::Parked, 100),
            ("s4", SessionStoryState::Pending, 0)
        ]
    );
    let story = map.read_story("s3").unwrap();
    assert_eq!(
        story.details.parked_reason.as_deref(),
        Some("Waiting for the payment provider's API docs")
    );
    let no_reason = RoomEdit::Park {
        session_id: sid(),
        story_id: "s4".into(),
        reason: "  ".into(),
    };
    assert_eq!(refused(&mut map, no_reason), "the parking reason is empty");
    room(
        &mut map,
        SessionEdit::End {
            session_id: sid(),
            health: None,
        },
        "-",
        START + 900,
    );
    assert_eq!(refused(&mut map, focus("s4")), "the session has ended");
    // Follow-ups may still be logged.
    let note = SessionEdit::AddNote {
        session_id: sid(),
        story_id: None,
        kind: NoteKind::NextStep,
        text: "Ana asks the provider for docs".into(),
    };
    room(&mut map, note, "n1", START + 1_000);
    assert_eq!(session(&map).notes.len(), 1);
}

fn vote(round: &str, who: &str, value: &str) -> PokerEdit {
    PokerEdit::CastVote {
        session_id: sid(),
        round_id: round.into(),
        participant_id: who.into(),
        value: value.into(),
    }
}

fn with_participants(map: &mut MapDocument) {
    for (id, name) in [("ana", "Ana"), ("ben", "Ben"), ("cy", "Cy")] {
        let add = PokerEdit::AddParticipant {
            session_id: sid(),
            name: name.into(),
        };
        room(map, add, id, START);
    }
}

#[test]
// A journey reads top to bottom as the user lives it; splitting it would hide the story.
#[allow(clippy::too_many_lines)]
fn poker_votes_hidden_then_revealed_re_voted_and_accepted_onto_the_story() {
    let mut map = map_with(4);
    start(&mut map, Some(vec!["s2", "s3"]));
    with_participants(&mut map);
    let again = PokerEdit::AddParticipant {
        session_id: sid(),
        name: "ana".into(),
    };
    assert_eq!(refused(&mut map, again), "ana is already taking part");
    let round = |story: &str| PokerEdit::NewRound {
        session_id: sid(),
        story_id: story.into(),
    };
    room(&mut map, round("s2"), "r1", START + 10);
    assert_eq!(
        refused(&mut map, round("s2")),
        "round 1 on this story is still open: reveal it before voting again"
    );
    let reveal = |r: &str| PokerEdit::Reveal {
        session_id: sid(),
        round_id: r.into(),
    };
    assert_eq!(
        refused(&mut map, reveal("r1")),
        "nobody has voted in this round yet"
    );
    room(&mut map, vote("r1", "ana", "3"), "-", START + 20);
    room(&mut map, vote("r1", "ben", "13"), "-", START + 20);
    room(&mut map, vote("r1", "cy", "coffee"), "-", START + 20);
    assert_eq!(
        refused(&mut map, vote("r1", "dee", "3")),
        "no participant dee in this session"
    );
    assert!(refused(&mut map, vote("r1", "ana", "4"))
        .starts_with("'4' is not a card of the Fibonacci deck"));
    assert!(refused(&mut map, vote("r1", "ana", "M")).contains("Fibonacci"));
    let accept = |r: &str, e: &str| PokerEdit::AcceptEstimate {
        session_id: sid(),
        round_id: r.into(),
        estimate: e.into(),
    };
    assert_eq!(
        refused(&mut map, accept("r1", "5")),
        "reveal the votes of round 1 before accepting an estimate"
    );
    room(&mut map, reveal("r1"), "-", START + 30);
    assert_eq!(
        refused(&mut map, vote("r1", "ana", "5")),
        "round 1 is revealed: start a new round to vote again"
    );
    let s = session(&map);
    let r1 = s.current_round("s2").unwrap();
    let stats = poker_stats(&s.live_votes(r1), s.deck);
    assert_eq!(
        (
            stats.median,
            stats.min,
            stats.max,
            stats.coffee,
            stats.consensus
        ),
        (Some("8"), Some("3"), Some("13"), 1, false)
    );
    // The re-vote: round 2, everyone on 5.
    room(&mut map, round("s2"), "r2", START + 40);
    for who in ["ana", "ben", "cy"] {
        room(&mut map, vote("r2", who, "5"), "-", START + 50);
    }
    room(&mut map, reveal("r2"), "-", START + 60);
    assert_eq!(
        refused(&mut map, accept("r2", "coffee")),
        "the coffee card is a break, not an estimate"
    );
    room(&mut map, accept("r2", "5"), "-", START + 70);
    let s = session(&map);
    let r2 = s.current_round("s2").unwrap();
    assert_eq!(
        (r2.id.as_str(), r2.number, r2.accepted_estimate.as_deref()),
        ("r2", 2, Some("5"))
    );
    assert!(poker_stats(&s.live_votes(r2), s.deck).consensus);
    assert_eq!(map.read_story("s2").unwrap().estimate.as_deref(), Some("5"));
    // The T-shirt deck, and a participant who left no longer counts.
    let deck = PokerEdit::SetDeck {
        session_id: sid(),
        deck: Deck::TShirt,
    };
    room(&mut map, deck, "-", START + 80);
    room(&mut map, round("s3"), "r3", START + 90);
    room(&mut map, vote("r3", "ana", "xl"), "-", START + 90);
    room(&mut map, vote("r3", "ben", "S"), "-", START + 90);
    let leave = PokerEdit::RemoveParticipant {
        session_id: sid(),
        participant_id: "ben".into(),
    };
    room(&mut map, leave, "-", START + 95);
    let s = session(&map);
    let r3 = s.current_round("s3").unwrap();
    assert_eq!(r3.votes.len(), 2);
    assert_eq!(s.live_votes(r3), [("ana".to_owned(), "XL".to_owned())]);
}

#[test]
fn undo_takes_back_a_vote_and_a_started_session() {
    let mut map = map_with(3);
    let started = {
        let spec = SessionStart {
            story_ids: Some(vec!["s2".into()]),
            ..SessionStart::default()
        };
        room_by(&mut map, SessionEdit::Start(spec), ("Ana", "S"), START)
    };
    with_participants(&mut map);
    let round = PokerEdit::NewRound {
        session_id: sid(),
        story_id: "s2".into(),
    };
    room(&mut map, round, "r1", START);
    let voted = room(&mut map, vote("r1", "ana", "8"), "-", START);
    map.revert(&voted, START + 1).unwrap();
    assert!(session(&map).rounds[0].votes.is_empty());
    map.revert(&started, START + 2).unwrap();
    assert!(map.read_sessions().is_empty());
}

#[test]
fn two_laptops_running_the_session_concurrently_merge_without_loss() {
    let mut a = map_with(4);
    start(&mut a, Some(vec!["s2", "s3"]));
    with_participants(&mut a);
    let round = PokerEdit::NewRound {
        session_id: sid(),
        story_id: "s2".into(),
    };
    room(&mut a, round, "r1", START);
    let mut b = MapDocument::load(&a.save()).unwrap();
    b.set_author("ben");
    room(&mut a, vote("r1", "ana", "5"), "-", START + 10);
    room(&mut b, vote("r1", "ben", "8"), "-", START + 11);
    let note = |text: &str| SessionEdit::AddNote {
        session_id: sid(),
        story_id: Some("s2".into()),
        kind: NoteKind::Decision,
        text: text.into(),
    };
    room_by(
        &mut a,
        note("Cards only, no PayPal"),
        ("ana", "na"),
        START + 12,
    );
    room_by(
        &mut b,
        note("Receipts by e-mail"),
        ("ben", "nb"),
        START + 13,
    );
    let agenda = AgendaEdit::AddAgendaItem {
        session_id: sid(),
        title: "Risks".into(),
        start_minute: 60,
        end_minute: 70,
    };
    room(&mut b, agenda, "risks", START + 14);
    let park = RoomEdit::Park {
        session_id: sid(),
        story_id: "s3".into(),
        reason: "Needs legal".into(),
    };
    room(&mut a, park, "-", START + 15);
    a.load_incremental(&b.save()).unwrap();
    b.load_incremental(&a.save()).unwrap();
    let (sa, sb) = (session(&a), session(&b));
    assert_eq!(sa, sb);
    assert_eq!(
        sa.rounds[0].votes,
        [("ana".into(), "5".into()), ("ben".into(), "8".into())]
    );
    let notes: Vec<&str> = sa.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["Cards only, no PayPal", "Receipts by e-mail"]);
    assert_eq!(sa.agenda.len(), 5);
    assert_eq!(sa.story("s3").unwrap().state, SessionStoryState::Parked);
}

fn check_stats(votes: &[&str], deck: Deck, expected: Expect) {
    let votes: Vec<(String, String)> = votes
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("p{i}"), (*v).to_owned()))
        .collect();
    let s = poker_stats(&votes, deck);
    let actual = format!(
        "median {} · {}–{} (spread {}) · outliers {:?} · ? {} · ☕ {} · consensus {}",
        s.median.unwrap_or("-"),
        s.min.unwrap_or("-"),
        s.max.unwrap_or("-"),
        s.spread,
        s.outliers,
        s.unknown,
        s.coffee,
        s.consensus
    );
    expected.assert_eq(&actual);
}

#[test]
fn poker_statistics() {
    use Deck::*;
    check_stats(
        &["5", "5", "5"],
        Fibonacci,
        expect![[r#"median 5 · 5–5 (spread 0) · outliers [] · ? 0 · ☕ 0 · consensus true"#]],
    );
    check_stats(
        &["3", "5", "5", "13"],
        Fibonacci,
        expect![[r#"median 5 · 3–13 (spread 3) · outliers ["p3"] · ? 0 · ☕ 0 · consensus false"#]],
    );
    check_stats(
        &["3", "8"],
        Fibonacci,
        expect![[r#"median 5 · 3–8 (spread 2) · outliers [] · ? 0 · ☕ 0 · consensus false"#]],
    );
    check_stats(
        &["1", "2", "3", "100"],
        Fibonacci,
        expect![[
            r#"median 3 · 1–100 (spread 8) · outliers ["p0", "p3"] · ? 0 · ☕ 0 · consensus false"#
        ]],
    );
    check_stats(
        &["½", "?", "coffee", "☕"],
        Fibonacci,
        expect![[r#"median ½ · ½–½ (spread 0) · outliers [] · ? 1 · ☕ 1 · consensus false"#]],
    );
    check_stats(
        &["?", "☕"],
        Fibonacci,
        expect![[r#"median - · -–- (spread 0) · outliers [] · ? 1 · ☕ 1 · consensus false"#]],
    );
    check_stats(
        &["S", "M", "XL"],
        TShirt,
        expect![[r#"median M · S–XL (spread 3) · outliers ["p2"] · ? 0 · ☕ 0 · consensus false"#]],
    );
    check_stats(
        &["XS", "XXL"],
        TShirt,
        expect![[
            r#"median L · XS–XXL (spread 5) · outliers ["p0", "p1"] · ? 0 · ☕ 0 · consensus false"#
        ]],
    );
}

proptest! {
    #[test]
    fn the_median_is_a_card_between_the_lowest_and_highest_vote(
        picks in proptest::collection::vec(0usize..13, 1..12),
        tshirt in any::<bool>(),
    ) {
        let deck = if tshirt { Deck::TShirt } else { Deck::Fibonacci };
        let cards = deck.cards();
        let votes: Vec<(String, String)> = picks
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("p{i}"), cards[p % cards.len()].to_owned()))
            .collect();
        let stats = poker_stats(&votes, deck);
        prop_assert_eq!(stats.votes, votes.len());
        if let (Some(median), Some(min), Some(max)) = (stats.median, stats.min, stats.max) {
            let (m, lo, hi) = (
                deck.position(median).unwrap(),
                deck.position(min).unwrap(),
                deck.position(max).unwrap(),
            );
            prop_assert!(lo <= m && m <= hi);
            prop_assert_eq!(stats.spread, hi - lo);
            prop_assert!(stats.outliers.len() < votes.len() || hi - lo >= 4);
        } else {
            prop_assert!(stats.unknown + stats.coffee == votes.len());
        }
    }
}

/// What happens to one story in a summary scenario.
#[derive(Clone, Copy)]
enum Plan {
    /// Ready before the session (with this estimate), marked refined in it.
    Ready(&'static str),
    /// Estimated at the first value before, re-estimated and given a criterion in it.
    Reestimated(&'static str, &'static str),
    /// Meets the Definition of Ready before; needs UX input after the session.
    NeedsUx,
    /// Fails the Definition of Ready, and needs UX input after the session.
    NeedsUxUnready,
    Parked,
    Split,
    NotReady,
    Untouched,
}

/// Before the session: the stories planned as ready, re-estimated or needing UX pass the
/// Definition of Ready.
fn prepare(map: &mut MapDocument, ids: &[String], plans: &[Plan]) {
    for (id, plan) in ids.iter().zip(plans) {
        match plan {
            Plan::Ready(estimate) | Plan::Reestimated(estimate, _) => make_ready(map, id, estimate),
            Plan::NeedsUx => make_ready(map, id, "2"),
            _ => {}
        }
    }
}

/// What the room changes on a story while it is in focus, as its plan says.
fn discuss(map: &mut MapDocument, id: &str, plan: Plan, time: i64) {
    match plan {
        Plan::Reestimated(_, to) => {
            let estimate = EstimateEdit::SetEstimate {
                story_id: id.into(),
                estimate: Some(to.into()),
            };
            refine(map, estimate, time + 10);
            let criterion = CriteriaEdit::AddCriteria {
                story_id: id.into(),
                text: "Works offline".into(),
            };
            apply(map, Edit::from(criterion), "new-c", time + 20);
        }
        Plan::NeedsUx | Plan::NeedsUxUnready => {
            refine(map, text(id, StoryField::NeedsInputFrom, "UX"), time + 10)
        }
        Plan::Split => {
            let split = SplitEdit {
                story_id: id.into(),
                children: ["happy path", "errors"]
                    .map(|t| SplitChild {
                        title: format!("Checkout: {t}"),
                        criterion_ids: Vec::new(),
                    })
                    .to_vec(),
            };
            apply(map, Edit::from(split), "child", time + 10);
        }
        _ => {}
    }
}

/// One story's turn at `time`: focused, discussed, then parked or marked refined. An
/// untouched story gets no turn.
fn take_turn(map: &mut MapDocument, id: &str, plan: Plan, time: i64) {
    if matches!(plan, Plan::Untouched) {
        return;
    }
    let focus = RoomEdit::Focus {
        session_id: sid(),
        story_id: Some(id.into()),
    };
    room(map, focus, "-", time);
    discuss(map, id, plan, time);
    let (story_id, session_id) = (id.to_owned(), sid());
    let done = match plan {
        Plan::Parked => RoomEdit::Park {
            session_id,
            story_id,
            reason: "waiting for the legal review".into(),
        },
        _ => RoomEdit::MarkRefined {
            session_id,
            story_id,
        },
    };
    room(map, done, "-", time + 50);
}

/// The notes (the first on s2, the others on the session) and the end of the session.
fn wrap_up(map: &mut MapDocument, notes: &[(NoteKind, &str)], time: i64) {
    for (i, (kind, note)) in notes.iter().enumerate() {
        let add = SessionEdit::AddNote {
            session_id: sid(),
            story_id: (i == 0).then(|| "s2".to_owned()),
            kind: *kind,
            text: (*note).into(),
        };
        room(map, add, &format!("note{i}"), time + 60);
    }
    room(
        map,
        SessionEdit::End {
            session_id: sid(),
            health: None,
        },
        "-",
        time + 100,
    );
}

fn check_summary(plans: &[Plan], notes: &[(NoteKind, &str)], format: Format, expected: Expect) {
    let mut map = map_with(plans.len() + 2);
    let ids: Vec<String> = (0..plans.len()).map(|i| format!("s{}", i + 2)).collect();
    prepare(&mut map, &ids, plans);
    start(&mut map, Some(ids.iter().map(String::as_str).collect()));
    let mut time = START;
    for (id, plan) in ids.iter().zip(plans) {
        time += 100;
        take_turn(&mut map, id, *plan, time);
    }
    wrap_up(&mut map, notes, time);
    let changes = changes_since(&map, &storymap_core::Since::Time(START));
    let report = session_report(&map.read().unwrap(), &session(&map), &changes.stories);
    expected.assert_eq(&stakeholder_update(&report, format));
}

#[test]
fn the_seed_example_summary_in_markdown() {
    use Plan::*;
    check_summary(
        &[
            Reestimated("8", "3"),
            Ready("5"),
            Ready("8"),
            Ready("5"),
            Ready("3"),
            Ready("5"),
            Parked,
            NeedsUx,
        ],
        &[
            (NoteKind::Decision, "Card payments only in the MVP"),
            (NoteKind::Note, "Ben worried about refunds"),
            (NoteKind::NextStep, "Ana books the UX review"),
        ],
        Format::Markdown,
        expect![[r#"
            **7 of the top 8 backlog items are ready for the next sprint; one needs UX input before final sign-off; one is parked.**

            We've refined 8 items — 7 ready (31 pts; one awaiting UX sign-off), 1 parked.
            Ready backlog: 34 pts.

            ### Decisions

            - **Story 2**: Card payments only in the MVP

            ### Estimate changes

            - **Story 2**: 8 → 3

            ### Acceptance criteria added

            - **Story 2**: 1

            ### Open blockers

            - 'Story 8' is parked: waiting for the legal review
            - 'Story 9' needs input from UX

            ### Next steps

            - Ana books the UX review
        "#]],
    );
}

#[test]
fn the_seed_example_stakeholder_sentence_in_text() {
    use Plan::*;
    let mut plans = vec![Ready("3"); 9];
    plans.push(NeedsUx);
    check_summary(
        &plans,
        &[],
        Format::Text,
        expect![[r#"
            The top 10 backlog items are ready for the next sprint; one needs UX input before final sign-off.

            We've refined 10 items — 10 ready (29 pts; one awaiting UX sign-off).
            Ready backlog: 32 pts.

            Open blockers:
            - 'Story 11' needs input from UX
        "#]],
    );
}

/// The one rule for "needs input" (#17): ready but for the input counts as ready, in the
/// headline and the sentence alike; not ready otherwise counts as not ready in both. This
/// once read "0 ready" above "1 of the top 2 … is ready".
#[test]
fn the_headline_and_the_stakeholder_sentence_count_needs_input_alike() {
    use Plan::*;
    check_summary(
        &[NeedsUxUnready, Parked],
        &[],
        Format::Text,
        expect![[r#"
            None of the top 2 backlog items is ready for the next sprint yet; one needs UX input before it is ready; one is parked.

            We've refined 2 items — 0 ready (0 pts), 1 parked, 1 needs UX input.
            Ready backlog: 3 pts.

            Open blockers:
            - 'Story 2' needs input from UX
            - 'Story 3' is parked: waiting for the legal review
        "#]],
    );
    check_summary(
        &[NeedsUxUnready, NeedsUx, Ready("3"), NeedsUxUnready],
        &[],
        Format::Text,
        expect![[r#"
            2 of the top 4 backlog items are ready for the next sprint; one needs UX input before final sign-off; two need UX input before they are ready.

            We've refined 4 items — 2 ready (5 pts; one awaiting UX sign-off), 2 need UX input.
            Ready backlog: 8 pts.

            Open blockers:
            - 'Story 2' needs input from UX
            - 'Story 3' needs input from UX
            - 'Story 5' needs input from UX
        "#]],
    );
}

#[test]
fn splits_unfinished_stories_and_stories_not_reached_are_summarised() {
    use Plan::*;
    check_summary(
        &[Split, NotReady, Untouched, Ready("½")],
        &[(NoteKind::NextStep, "Split the export story again next week")],
        Format::Text,
        expect![[r#"
            1 of the top 3 backlog items is ready for the next sprint; one was split into smaller stories; one needs more refinement; one was not reached.

            We've refined 3 items — 1 ready (0.5 pts), 1 split, 1 not ready yet.
            Ready backlog: 3.5 pts.

            Splits:
            - 'Story 2' into 'Checkout: happy path', 'Checkout: errors'

            Next steps:
            - 'Story 2': Split the export story again next week
        "#]],
    );
}

#[test]
fn the_projector_never_shows_private_notes() {
    let mut map = map_with(3);
    refine(
        &mut map,
        text("s2", StoryField::Notes, "Sponsor may cut this"),
        TIME,
    );
    refine(&mut map, text("s2", StoryField::AsA, "shopper"), TIME);
    refine(
        &mut map,
        text("s2", StoryField::IWant, "to pay by card"),
        TIME,
    );
    let model = map.read().unwrap();
    let shown = presentation_story(&model, "s2").unwrap();
    assert_eq!(shown.notes, None);
    assert_eq!(
        shown.narrative.as_deref(),
        Some("As a shopper, I want to pay by card")
    );
    assert_eq!(shown.place, "Buy › Pay · MVP");
    let share = StoryEdit::SetNotesPrivate {
        story_id: "s2".into(),
        private: false,
    };
    refine(&mut map, share, TIME);
    let shown = presentation_story(&map.read().unwrap(), "s2").unwrap();
    assert_eq!(shown.notes.as_deref(), Some("Sponsor may cut this"));
    let slice = storymap_core::presentation_slice(&map.read().unwrap(), "r1").unwrap();
    let cards: Vec<&str> = slice.columns[0]
        .cards
        .iter()
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(cards, ["Story 0", "Story 1", "Story 2"]);
}
