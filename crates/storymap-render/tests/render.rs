//! The renderers on a small hand-made map and a large generated one: every title drawn
//! and escaped, slices kept apart, PNGs that decode and show something, PDFs paginated.

use storymap_core::{
    generate::large_map, Activity, MapModel, Rank, ReleaseSlice, Step, Story, StoryDetails,
    StoryFlag, StoryStatus,
};
use storymap_render::{
    print_pages, render_pdf, render_png, render_svg, Paper, PrintOptions, RenderError, Scope, Stage,
};

const LONG_TITLE: &str = "As a returning shopper I want to reorder my last basket in one tap so that my weekly shop takes a minute instead of twenty";

fn story(id: &str, step: &str, release: &str, title: &str, status: StoryStatus) -> Story {
    Story {
        id: id.into(),
        title: title.into(),
        description: String::new(),
        activity_id: String::new(),
        step_id: step.into(),
        release_id: release.into(),
        rank: Rank::first(),
        status,
        estimate: Some("3".into()),
        acceptance_criteria: Vec::new(),
        details: StoryDetails::default(),
    }
}

fn step(id: &str, title: &str) -> Step {
    Step {
        id: id.into(),
        title: title.into(),
        rank: Rank::first(),
    }
}

fn fixture() -> MapModel {
    let activities = vec![
        Activity {
            id: "find".into(),
            title: "Find <products>".into(),
            rank: Rank::first(),
            steps: vec![step("browse", "Browse & filter"), step("search", "Search")],
            jira_key: None,
            persona_id: None,
        },
        Activity {
            id: "buy".into(),
            title: "Buy".into(),
            rank: Rank::first(),
            steps: vec![step("pay", "Pay \"now\"")],
            jira_key: None,
            persona_id: None,
        },
    ];
    let releases = vec![
        ReleaseSlice {
            id: "mvp".into(),
            title: "MVP".into(),
            rank: Rank::first(),
        },
        ReleaseSlice {
            id: "later".into(),
            title: "Later & beyond".into(),
            rank: Rank::first(),
        },
    ];
    let stories = vec![
        story(
            "s1",
            "browse",
            "mvp",
            "Browse fruit & veg",
            StoryStatus::Ready,
        ),
        story("s2", "search", "mvp", "Search <by name>", StoryStatus::Done),
        story("s3", "pay", "mvp", "Pay by card", StoryStatus::InSprint),
        story("s4", "browse", "later", LONG_TITLE, StoryStatus::Idea),
        story(
            "s5",
            "pay",
            "later",
            "Pay with 'vouchers'",
            StoryStatus::Refining,
        ),
    ];
    MapModel::new(
        "map".into(),
        "Grocery & co".into(),
        activities,
        releases,
        stories,
    )
}

fn svg_size(svg: &str) -> (f32, f32) {
    let attr = |name: &str| -> f32 {
        let start = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[start..].split('"').next().unwrap().parse().unwrap()
    };
    (attr("width"), attr("height"))
}

#[test]
fn the_svg_draws_every_title_escaped() {
    let svg = render_svg(&fixture(), &Scope::WholeMap).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    for expected in [
        ">Grocery &amp; co<",
        ">Find &lt;products&gt;<",
        ">Buy<",
        ">Browse &amp; filter<",
        ">Search<",
        ">Pay &quot;now&quot;<",
        ">MVP<",
        ">Later &amp; beyond<",
        ">Browse fruit &amp; veg<",
        ">Search &lt;by name&gt;<",
        ">Pay by card<",
        ">Pay with &apos;vouchers&apos;<",
        // The roll-up of MVP as the app shows it, on two lines of the label column.
        ">3 stories · 9 pts<",
        ">0 ready · 1 done<",
    ] {
        assert!(svg.contains(expected), "missing {expected} in\n{svg}");
    }
    assert!(!svg.contains("<products>") && !svg.contains("<by name>"));
    // Statuses are drawn with the team's names.
    for label in ["Ready", "Done", "In sprint", "Idea", "Refining"] {
        assert!(svg.contains(&format!(">{label}<")), "no {label} pill");
    }
}

#[test]
fn cards_show_their_flags_and_coloured_labels_and_grow_to_hold_them() {
    let plain = fixture();
    let mut model = fixture();
    model
        .settings
        .label_colors
        .insert("checkout".into(), "#1d4ed8".into());
    let details = &mut model.stories[0].details;
    details.flags = vec![StoryFlag::Risky, StoryFlag::Unclear];
    details.labels = vec!["checkout".into(), "no-colour".into()];
    let svg = render_svg(&model, &Scope::WholeMap).unwrap();
    for expected in [">Risky<", ">Unclear<", ">checkout<", r##"fill="#1d4ed8""##] {
        assert!(svg.contains(expected), "missing {expected}");
    }
    // A label without a colour stays off the card, as in the app.
    assert!(!svg.contains(">no-colour<"));
    // White text on the dark blue, as the app draws it.
    assert!(svg.contains(r##"fill="#ffffff">checkout<"##), "{svg}");
    let (_, plain_h) = svg_size(&render_svg(&plain, &Scope::WholeMap).unwrap());
    let (_, h) = svg_size(&svg);
    assert!(
        h > plain_h,
        "the card with chips is taller: {h} against {plain_h}"
    );
}

#[test]
fn a_card_names_its_live_pi_objective_first() {
    let mut model = fixture();
    model.settings.objectives = vec![storymap_core::objectives::Objective {
        id: "o1".into(),
        title: "Fast & simple checkout".into(),
        business_value: 9,
        committed: true,
    }];
    model.stories[0].details.objective_id = Some("o1".into());
    model.stories[0].details.flags = vec![StoryFlag::Risky];
    model.stories[1].details.objective_id = Some("deleted".into());
    let svg = render_svg(&model, &Scope::WholeMap).unwrap();
    let objective = svg
        .find(">◎ Fast &amp; simple checkout<")
        .expect("the objective chip");
    assert!(
        objective < svg.find(">Risky<").unwrap(),
        "the objective comes before the flags"
    );
    // A story aligned to a deleted objective shows none.
    assert_eq!(svg.matches(">◎ ").count(), 1);
    // The other teams a card still waits on are named; a done one is not.
    let wait = |team: &str, status| storymap_core::crossteam::ExternalDependency {
        id: team.to_lowercase(),
        team: team.into(),
        item: "Their item".into(),
        needed_by: None,
        status,
    };
    model.stories[1].details.external_dependencies = vec![
        wait("Payments", storymap_core::crossteam::ExternalStatus::Agreed),
        wait("Ops", storymap_core::crossteam::ExternalStatus::Done),
    ];
    let svg = render_svg(&model, &Scope::WholeMap).unwrap();
    assert!(svg.contains(">⇄ Payments<") && !svg.contains(">⇄ Ops<"));
}

#[test]
fn more_chips_than_fit_are_counted_not_drawn_past_the_edge() {
    let mut model = fixture();
    for label in [
        "alpha-long-label",
        "beta-long-label",
        "gamma-long-label",
        "delta",
    ] {
        model
            .settings
            .label_colors
            .insert(label.into(), "#e6f4f1".into());
        model.stories[0].details.labels.push(label.into());
    }
    model.stories[0].details.flags = vec![StoryFlag::ResearchNeeded];
    let svg = render_svg(&model, &Scope::WholeMap).unwrap();
    assert!(svg.contains(">Research needed<"));
    assert!(svg.contains(">+"), "the rest counted: {svg}");
    assert!(!svg.contains(">delta<"));
}

#[test]
fn long_titles_wrap_to_three_lines_ending_in_an_ellipsis() {
    let svg = render_svg(&fixture(), &Scope::WholeMap).unwrap();
    let lines: Vec<&str> = svg
        .lines()
        .filter(|l| l.contains("font-size=\"13.5\"") && l.contains("font-weight=\"500\""))
        .filter_map(|l| l.split('>').nth(1)?.split('<').next())
        .filter(|t| {
            LONG_TITLE.starts_with(t.trim_end_matches('…'))
                || LONG_TITLE.contains(t.trim_end_matches('…'))
        })
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with("As a returning"));
    assert!(lines[2].ends_with('…'), "{lines:?}");
    assert!(!svg.contains("instead of twenty"));
}

#[test]
fn a_slice_image_holds_only_that_slices_cards() {
    let model = fixture();
    let svg = render_svg(&model, &Scope::Slice("later".into())).unwrap();
    assert!(svg.contains(">Later &amp; beyond<"));
    assert!(svg.contains(">Pay with &apos;vouchers&apos;<"));
    assert!(svg.contains(">As a returning"));
    for other in ["Browse fruit", "Search &lt;by name", "Pay by card", ">MVP<"] {
        assert!(!svg.contains(other), "{other} is not in slice Later");
    }
    // The backbone stays whole.
    assert!(svg.contains(">Browse &amp; filter<") && svg.contains(">Pay &quot;now&quot;<"));
    let whole = render_svg(&model, &Scope::WholeMap).unwrap();
    assert!(svg_size(&svg).1 < svg_size(&whole).1);
}

#[test]
fn an_unknown_slice_is_refused() {
    let error = render_svg(&fixture(), &Scope::Slice("nope".into())).unwrap_err();
    assert!(matches!(error, RenderError::UnknownSlice(ref id) if id == "nope"));
}

#[test]
fn the_png_has_the_svg_size_times_the_scale_shows_the_map_and_tells_its_stages() {
    let model = fixture();
    let (w, h) = svg_size(&render_svg(&model, &Scope::WholeMap).unwrap());
    let mut stages = Vec::new();
    let png = render_png(&model, &Scope::WholeMap, 2.0, &mut |s| stages.push(s)).unwrap();
    assert_eq!(stages, [Stage::Layout, Stage::Painting, Stage::Encoding]);
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert_eq!(
        (pixmap.width(), pixmap.height()),
        ((w * 2.0).ceil() as u32, (h * 2.0).ceil() as u32)
    );
    let pixels = pixmap.pixels();
    let canvas = pixels[0];
    let different = pixels.iter().filter(|p| **p != canvas).count();
    assert!(
        different > pixels.len() / 5,
        "only {different} of {} pixels differ from the canvas",
        pixels.len()
    );
    let mut colours: Vec<u32> = pixels
        .iter()
        .map(|p| u32::from_be_bytes([p.red(), p.green(), p.blue(), p.alpha()]))
        .collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(
        colours.len() > 200,
        "{} colours: a blank or flat image",
        colours.len()
    );
}

#[test]
fn the_pdf_embeds_the_bundled_font() {
    let model = fixture();
    let pdf = render_pdf(
        &model,
        &Scope::WholeMap,
        &PrintOptions {
            paper: Paper::A4,
            date: "1 March 2027".into(),
        },
        &mut |_| {},
    )
    .unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("Inter"), "the PDF embeds no Inter font");
}

fn count_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let at = text.find("/Type /Pages").expect("a page tree");
    let count = &text[at..][text[at..].find("/Count ").unwrap() + 7..];
    count
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

fn a4(date: &str) -> PrintOptions {
    PrintOptions {
        paper: Paper::A4,
        date: date.into(),
    }
}

#[test]
fn a_large_map_prints_on_pages_of_five_steps_with_headers_telling_each_page_drawn() {
    // 60 steps, 4 slices of one card per cell: the slices fit one page down.
    let model = large_map(240, 0);
    let mut stages = Vec::new();
    let options = a4("26 November 2026");
    let pdf = render_pdf(&model, &Scope::WholeMap, &options, &mut |s| stages.push(s)).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(count_pages(&pdf), 12);
    // The layout, then each page as it is drawn.
    let pages_drawn = (0..=12).map(|done| Stage::Pages { done, total: 12 });
    let expected: Vec<Stage> = std::iter::once(Stage::Layout).chain(pages_drawn).collect();
    assert_eq!(stages, expected);
    let letter = PrintOptions {
        paper: Paper::Letter,
        date: "26 November 2026".into(),
    };
    assert_eq!(
        count_pages(&render_pdf(&model, &Scope::WholeMap, &letter, &mut |_| {}).unwrap()),
        15
    );

    let pages = print_pages(&model, &Scope::WholeMap, &a4("26 November 2026")).unwrap();
    assert!(pages[1].contains(">26 November 2026 · page 2 of 12<"));
    assert!(pages[1].contains(">Steps 6–10 of 60 · MVP, Release 2, Release 3, Later<"));
    // The backbone and the slice labels repeat on every page.
    for page in &pages {
        assert!(page.contains(">MVP<") && page.contains(">Later<"));
        assert_eq!(
            page.matches("font-size=\"15\"").count(),
            1,
            "one activity per page"
        );
    }
}

#[test]
fn a_slice_taller_than_a_page_continues_on_the_next() {
    // Ten cards per cell: each slice is taller than an A4 page.
    let model = large_map(2400, 0);
    let pages = print_pages(&model, &Scope::WholeMap, &a4("today")).unwrap();
    let cards: usize = pages
        .iter()
        .map(|p| p.matches("fill-opacity=\"0.05\"").count())
        .sum();
    assert_eq!(cards, 2400, "every card is printed exactly once");
    assert!(
        pages.len() > 12 && pages.len().is_multiple_of(12),
        "{} pages",
        pages.len()
    );
    assert!(pages.iter().any(|p| p.contains(">continued<")));
    let slice = Scope::Slice("rel-0".into());
    let pdf = render_pdf(&model, &slice, &a4("today"), &mut |_| {}).unwrap();
    let slice_pages = print_pages(&model, &Scope::Slice("rel-0".into()), &a4("today")).unwrap();
    assert_eq!(count_pages(&pdf), slice_pages.len());
    assert!(slice_pages.iter().all(|p| !p.contains(">Release 2<")));
}

#[test]
fn an_activity_names_who_does_it_with_their_initials_in_their_colour() {
    let mut model = fixture();
    model.settings.personas = vec![storymap_core::personas::Persona {
        id: "p1".into(),
        name: "Budget & busy shopper".into(),
        goal: "pays little".into(),
        color: "#fde68a".into(),
    }];
    model.activities[0].persona_id = Some("p1".into());
    model.activities[1].persona_id = Some("deleted".into());
    let svg = render_svg(&model, &Scope::WholeMap).unwrap();
    assert!(
        svg.contains(r##"fill="#fde68a"><title>Budget &amp; busy shopper</title></circle>"##),
        "{svg}"
    );
    // Initials in the text colour that reads on a light colour; the name beside them, cut
    // to the room it has.
    assert!(svg.contains(r##"fill="#111827">BB</text>"##), "{svg}");
    assert!(svg.contains(">Budget &amp; busy sh…</text>"), "{svg}");
    // A persona that was deleted is not drawn.
    assert_eq!(svg.matches("</title></circle>").count(), 1);
}
