//! The stories of the rules map, each filling in what one or more refinement rules read,
//! and the dependencies between them.

use storymap_api::{StoryStatus, StoryTextField};

/// One story of the rules map: where it goes and what is filled in.
pub struct Card {
    pub title: &'static str,
    pub at: (&'static str, &'static str, &'static str),
    pub status: StoryStatus,
    pub estimate: Option<&'static str>,
    pub texts: &'static [(StoryTextField, &'static str)],
    /// One criterion per line.
    pub criteria: &'static str,
    /// Value, time criticality, risk reduction, job size.
    pub wsjf: [Option<u8>; 4],
    pub labels: &'static [&'static str],
    /// Hand-ticked Definition-of-Ready items, by text.
    pub ticks: &'static [&'static str],
}

const BROWSE: (&str, &str, &str) = ("Shop", "Browse", "MVP");
const PAY: (&str, &str, &str) = ("Shop", "Pay", "MVP");
const TRACK: (&str, &str, &str) = ("Deliver", "Track", "MVP");
const PAY_LATER: (&str, &str, &str) = ("Shop", "Pay", "Release 2");
const TRACK_LATER: (&str, &str, &str) = ("Deliver", "Track", "Release 2");
const SO_THAT: (StoryTextField, &str) = (StoryTextField::SoThat, "shoppers save time");
const TICKED: &[&str] = &["No open questions", "Design reviewed"];

const BLANK: Card = Card {
    title: "",
    at: BROWSE,
    status: StoryStatus::Idea,
    estimate: None,
    texts: &[],
    criteria: "",
    wsjf: [None; 4],
    labels: &[],
    ticks: &[],
};

const LONG_TITLE: &str =
    "A story whose title goes on and on, well past the sixty characters a message quotes";

/// Every rule passing and failing: DoR items (automatic and ticked by hand), estimates in
/// points, ½, T-shirt sizes and "?", above and at the small limit, blocked, parked, needs
/// input, open, done and deleted dependencies, WSJF with and without a job size.
pub const CARDS: &[Card] = &[
    Card {
        title: "Ready to build",
        status: StoryStatus::Ready,
        estimate: Some("3"),
        texts: &[SO_THAT],
        criteria: "Shows the aisles\nShows prices per kg",
        wsjf: [Some(8), Some(5), Some(3), Some(2)],
        labels: &["ux"],
        ticks: TICKED,
        ..BLANK
    },
    Card {
        title: "Ready at half a point",
        status: StoryStatus::Ready,
        estimate: Some("½"),
        texts: &[(StoryTextField::Why, "Support asks for it every week")],
        criteria: "One line of help",
        wsjf: [Some(3), Some(2), Some(1), None],
        ticks: TICKED,
        ..BLANK
    },
    Card {
        title: "Design not reviewed yet",
        status: StoryStatus::Refining,
        estimate: Some("M"),
        texts: &[SO_THAT],
        criteria: "Filters by brand",
        wsjf: [Some(5), Some(3), Some(2), None],
        labels: &["ux"],
        ticks: &["No open questions"],
        ..BLANK
    },
    Card {
        title: "Nothing filled in",
        wsjf: [Some(8), Some(8), Some(8), None],
        ..BLANK
    },
    Card {
        title: "Sized as unknown",
        status: StoryStatus::Draft,
        estimate: Some("?"),
        texts: &[SO_THAT],
        criteria: "Works offline",
        wsjf: [Some(1), Some(1), Some(1), Some(5)],
        ..BLANK
    },
    Card {
        title: "Too big for a sprint",
        at: PAY,
        status: StoryStatus::Refining,
        estimate: Some("13"),
        texts: &[SO_THAT],
        criteria: "Pays by card",
        wsjf: [Some(13), Some(8), Some(5), None],
        labels: &["api"],
        ..BLANK
    },
    Card {
        title: "Large T-shirt",
        at: PAY,
        estimate: Some("L"),
        texts: &[(StoryTextField::SoThat, "we get paid")],
        criteria: "Pays by invoice",
        wsjf: [Some(20), Some(13), Some(8), None],
        ticks: TICKED,
        ..BLANK
    },
    Card {
        title: "Criterion in Given/When/Then only",
        at: PAY,
        estimate: Some("XXL"),
        texts: &[SO_THAT],
        criteria: "placeholder",
        ..BLANK
    },
    Card {
        title: "Nine acceptance criteria",
        at: PAY,
        status: StoryStatus::InSprint,
        estimate: Some("5"),
        texts: &[SO_THAT],
        criteria: "One\nTwo\nThree\nFour\nFive\nSix\nSeven\nEight\nNine",
        wsjf: [Some(5), Some(3), None, Some(2)],
        ticks: TICKED,
        ..BLANK
    },
    Card {
        title: "Already shipped",
        at: TRACK,
        status: StoryStatus::Done,
        estimate: Some("2"),
        texts: &[SO_THAT],
        criteria: "Shows the van",
        ticks: TICKED,
        ..BLANK
    },
    Card {
        title: "Waits on others",
        at: TRACK,
        estimate: Some("0"),
        texts: &[SO_THAT],
        criteria: "Shows the arrival time",
        wsjf: [Some(2), Some(1), Some(1), None],
        ticks: TICKED,
        ..BLANK
    },
    Card {
        title: LONG_TITLE,
        at: TRACK,
        estimate: Some("1"),
        ..BLANK
    },
    Card {
        title: "Removed later",
        at: TRACK,
        ..BLANK
    },
    Card {
        title: "Blocked by the bank",
        at: PAY_LATER,
        status: StoryStatus::Refining,
        estimate: Some("2"),
        texts: &[
            SO_THAT,
            (StoryTextField::BlockedReason, "Waiting for the bank's keys"),
            (StoryTextField::NeedsInputFrom, "legal"),
        ],
        criteria: "Pays by bank transfer",
        ticks: TICKED,
        ..BLANK
    },
    Card {
        title: "Parked until spring",
        at: TRACK_LATER,
        estimate: Some("S"),
        texts: &[(StoryTextField::ParkedReason, "Not this season")],
        labels: &["api"],
        ..BLANK
    },
    Card {
        title: "Needs the shop owner",
        at: TRACK_LATER,
        status: StoryStatus::Draft,
        texts: &[(StoryTextField::NeedsInputFrom, "the shop owner")],
        ..BLANK
    },
];

/// Story › stories it depends on, by title.
pub const DEPENDENCIES: &[(&str, &[&str])] = &[
    ("Too big for a sprint", &["Ready to build"]),
    (
        "Waits on others",
        &[
            "Already shipped",
            "Blocked by the bank",
            "Parked until spring",
            LONG_TITLE,
            "Removed later",
        ],
    ),
    (
        "Design not reviewed yet",
        &["Ready to build", "Already shipped"],
    ),
    // Its id sorts first, its card last: a story's dependents come in map order.
    (LONG_TITLE, &["Already shipped"]),
];
