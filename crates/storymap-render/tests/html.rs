//! The stakeholder page on a small hand-made map: every text escaped (a hostile title stays
//! inert), the backbone, slices, cards, estimates, readiness and the session summary shown,
//! the session flags on cards, one slice kept apart, and nothing referenced outside the file.

use storymap_core::refine::{default_definition_of_ready, WsjfInputs};
use storymap_core::{
    AcceptanceCriterion, Activity, MapModel, Rank, ReleaseSlice, Step, Story, StoryDetails,
    StoryFlag, StoryStatus,
};
use storymap_render::{render_html, HtmlPage, RenderError, Scope, SessionSummary};

const HOSTILE: &str = "<script>alert('x')</script><img src=\"http://evil.example/x.png\">";

fn story(id: &str, step: &str, release: &str, title: &str, estimate: Option<&str>) -> Story {
    Story {
        id: id.into(),
        title: title.into(),
        description: String::new(),
        activity_id: String::new(),
        step_id: step.into(),
        release_id: release.into(),
        rank: Rank::first(),
        status: StoryStatus::Draft,
        estimate: estimate.map(Into::into),
        acceptance_criteria: Vec::new(),
        details: StoryDetails::default(),
    }
}

/// A story that meets the default Definition of Ready, with a WSJF score of (8+5+3)/3.
fn ready_story() -> Story {
    let mut story = story("s1", "browse", "mvp", "Browse fruit & veg", Some("3"));
    story.status = StoryStatus::Ready;
    story.details.so_that = "I find what I came for".into();
    story.acceptance_criteria = vec![AcceptanceCriterion {
        id: "c1".into(),
        text: "Shows every fruit".into(),
        done: false,
        given: String::new(),
        when: String::new(),
        then: String::new(),
    }];
    // The checks people tick by hand (no open questions, …).
    story.details.ready_checks = default_definition_of_ready()
        .into_iter()
        .filter(|item| item.rule.is_none())
        .map(|item| item.id)
        .collect();
    story.details.flags = vec![StoryFlag::Risky, StoryFlag::ResearchNeeded];
    story.details.labels = vec!["checkout".into(), "uncoloured".into()];
    story.details.wsjf = WsjfInputs {
        value: Some(8),
        time_criticality: Some(5),
        risk_reduction: Some(3),
        job_size: None,
    };
    story
}

fn shop() -> MapModel {
    let step = |id: &str, title: &str| Step {
        id: id.into(),
        title: title.into(),
        rank: Rank::first(),
    };
    let activities = vec![
        Activity {
            id: "find".into(),
            title: "Find products".into(),
            rank: Rank::first(),
            steps: vec![step("browse", "Browse"), step("search", "Search")],
            jira_key: None,
            persona_id: None,
        },
        Activity {
            id: "buy".into(),
            title: "Buy".into(),
            rank: Rank::first(),
            steps: vec![step("pay", "Pay")],
            jira_key: None,
            persona_id: None,
        },
    ];
    let slice = |id: &str, title: &str| ReleaseSlice {
        id: id.into(),
        title: title.into(),
        rank: Rank::first(),
    };
    let stories = vec![
        ready_story(),
        story("s2", "search", "mvp", HOSTILE, Some("5")),
        story("s3", "pay", "mvp", "Pay by card", Some("M")),
        story("s4", "pay", "later", "Pay with vouchers", None),
    ];
    let releases = vec![slice("mvp", "MVP"), slice("later", "Later & beyond")];
    let mut model = MapModel::new("map".into(), "Shop".into(), activities, releases, stories);
    model
        .settings
        .label_colors
        .insert("checkout".into(), "#1d4ed8".into());
    model
}

fn page() -> HtmlPage {
    HtmlPage {
        exported_at: "4 December 2026, 16:20".into(),
        session: Some(SessionSummary {
            held: "3 December 2026".into(),
            update: "The top item is ready for the next sprint.\n\nWe've refined 1 item <b>.\n"
                .into(),
        }),
    }
}

fn html(scope: &Scope) -> String {
    render_html(&shop(), scope, &page()).unwrap()
}

#[test]
fn hostile_text_comes_out_inert() {
    let html = html(&Scope::WholeMap);
    assert!(html.contains(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=&quot;http://evil.example/x.png&quot;&gt;"
    ));
    assert!(!html.contains("<script"), "a script element in the page");
    assert!(!html.contains("<img"), "an image element in the page");
    assert!(html.contains("We&#39;ve refined 1 item &lt;b&gt;."));
}

#[test]
fn it_references_nothing_outside_the_file() {
    let mut map = shop();
    map.stories.retain(|s| s.title != HOSTILE);
    let html = render_html(&map, &Scope::WholeMap, &page()).unwrap();
    for banned in [
        "http://", "https://", "<script", "<link", "<iframe", "@import",
    ] {
        assert!(!html.contains(banned), "the page contains {banned}");
    }
    // Every url() is a data URL, and nothing has a src or href.
    assert_eq!(html.matches("url(").count(), 2);
    assert_eq!(html.matches("url(data:font/otf;base64,").count(), 2);
    assert!(!html.contains("src=") && !html.contains("href="));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; font-src data:; img-src data:\">"
    ));
}

#[test]
fn it_shows_the_backbone_slices_and_cards() {
    let html = html(&Scope::WholeMap);
    for expected in [
        "<title>Shop · Story map</title>",
        "<h1>Shop</h1>",
        "Exported <time>4 December 2026, 16:20</time>",
        "2 release slices",
        "4 stories",
        "colspan=\"2\" scope=\"colgroup\">Find products</th>",
        "colspan=\"1\" scope=\"colgroup\">Buy</th>",
        ">Browse</th>",
        ">Search</th>",
        ">Pay</th>",
        "<div class=\"band-title\">MVP</div>",
        "<div class=\"band-title\">Later &amp; beyond</div>",
        // MVP's totals: three stories, 3 + 5 + M (3) points, one ready.
        "<div class=\"rollup\">3 stories · 11 pts · 1 ready</div>",
        "<div class=\"rollup-note\">1 not estimated</div>",
        "<h3 class=\"card-title\">Browse fruit &amp; veg</h3>",
        "<span class=\"flag\">⚑ Risky</span><span class=\"flag\">⚑ Research needed</span>\
         <span class=\"label\" style=\"background:#1d4ed8;color:#ffffff\">checkout</span>",
        "<span class=\"status\">Ready</span><span class=\"estimate\">3 pts</span>\
         <span class=\"wsjf\">WSJF 5.3</span>",
        "<span class=\"estimate\">M</span>",
        "✓ DoR met</span>",
        "DoR · 3 of 7 open",
        "INVEST ",
        "The top item is ready for the next sprint.",
        "Last refinement session <span class=\"held\">3 December 2026</span>",
        "SIL Open Font License",
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
    // Labels without a colour stay off the card, as on the map in the app.
    assert!(!html.contains("uncoloured"));
}

#[test]
fn cards_sit_under_their_step_in_their_slice() {
    let html = html(&Scope::WholeMap);
    let mvp = html.find("band-title\">MVP").unwrap();
    let later = html.find("band-title\">Later").unwrap();
    let pay_by_card = html.find("Pay by card").unwrap();
    let vouchers = html.find("Pay with vouchers").unwrap();
    assert!(mvp < pay_by_card && pay_by_card < later && later < vouchers);
    // Later has nothing under Browse and Search: two empty cells, then Pay's card.
    assert!(html[later..]
        .contains("<td class=\"cell\"></td><td class=\"cell\"></td><td class=\"cell\"><article"));
}

#[test]
fn one_slice_shows_only_its_band() {
    let html = html(&Scope::Slice("later".into()));
    assert!(html.contains("<title>Shop — Later &amp; beyond · Story map</title>"));
    assert!(html.contains("Release slice <strong>Later &amp; beyond</strong>"));
    assert!(html.contains("Pay with vouchers") && html.contains(">Find products</th>"));
    assert!(!html.contains("band-title\">MVP") && !html.contains("Pay by card"));
    assert!(html.contains("1 story<"));
}

#[test]
fn an_unknown_slice_is_refused() {
    let error = render_html(&shop(), &Scope::Slice("nope".into()), &page()).unwrap_err();
    assert!(matches!(error, RenderError::UnknownSlice(id) if id == "nope"));
}

#[test]
fn without_a_session_there_is_no_summary() {
    let page = HtmlPage {
        exported_at: "now".into(),
        session: None,
    };
    let html = render_html(&shop(), &Scope::WholeMap, &page).unwrap();
    assert!(!html.contains("class=\"summary\""));
}

#[test]
fn the_objectives_sit_between_the_summary_and_the_map_escaped() {
    let mut model = shop();
    model.settings.objectives = vec![storymap_core::objectives::Objective {
        id: "o1".into(),
        title: HOSTILE.into(),
        business_value: 8,
        committed: true,
    }];
    model.stories[1].details.objective_id = Some("o1".into());
    model.stories[1].details.blocked_reason = Some("waiting".into());
    let html = render_html(&model, &Scope::WholeMap, &page()).unwrap();
    let (summary, objectives) = (html.find("class=\"summary\""), html.find("PI objectives"));
    let map = html.find("class=\"grid\"");
    assert!(
        summary < objectives && objectives < map,
        "{summary:?} {objectives:?} {map:?}"
    );
    assert!(html.contains(
        "<span class=\"kind committed\">Committed</span> <span class=\"value\">value 8</span>\
         <div class=\"facts\">0 of 5 pts ready · 1 story, 0 done · \
         <span class=\"blocked\">1 blocked</span></div>"
    ));
    assert!(!html.contains("<script"));
    // A map without objectives shows no such section.
    assert!(!self::html(&Scope::WholeMap).contains("PI objectives"));
}
