//! Session flags on a story (set, clear, undo, two peers flagging at once) and the map's
//! label colours (issue #16 item 6).

use storymap_core::{
    BackboneEdit, CardEdit, Edit, EditContext, MapDocument, SettingsEdit, SliceEdit, StoryEdit,
    StoryFlag, UndoRecord,
};

const TIME: i64 = 1_700_000_000;

fn ctx(id: &str) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: TIME,
        author: "ana".into(),
    }
}

fn apply(map: &mut MapDocument, edit: impl Into<Edit>, id: &str) -> UndoRecord {
    let applied = map.apply(&edit.into(), &ctx(id)).expect("valid edit");
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

/// One activity, step and slice with story `s`.
fn one_story() -> MapDocument {
    let mut map = MapDocument::create("m", "Shop", "ana", TIME).unwrap();
    let title = |t: &str| t.to_owned();
    apply(
        &mut map,
        BackboneEdit::AddActivity {
            title: title("Buy"),
        },
        "a",
    );
    let step = BackboneEdit::AddStep {
        activity_id: "a".into(),
        title: title("Pay"),
    };
    apply(&mut map, step, "p");
    apply(
        &mut map,
        SliceEdit::AddRelease {
            title: title("MVP"),
        },
        "r",
    );
    let story = CardEdit::AddStory {
        step_id: "p".into(),
        release_id: "r".into(),
        title: title("Pay by card"),
    };
    apply(&mut map, story, "s");
    map
}

fn flag(flag: StoryFlag, on: bool) -> StoryEdit {
    StoryEdit::SetFlag {
        story_id: "s".into(),
        flag,
        on,
    }
}

fn flags(map: &MapDocument) -> Vec<StoryFlag> {
    map.read().unwrap().stories[0].details.flags.clone()
}

#[test]
fn a_flag_is_set_cleared_and_undone() {
    let mut map = one_story();
    let record = apply(&mut map, flag(StoryFlag::Unclear, true), "1");
    assert_eq!(record.label, "Flag 'Pay by card' as unclear");
    apply(&mut map, flag(StoryFlag::Risky, true), "2");
    assert_eq!(flags(&map), [StoryFlag::Risky, StoryFlag::Unclear]);
    // Setting a flag twice keeps one.
    apply(&mut map, flag(StoryFlag::Risky, true), "3");
    assert_eq!(flags(&map), [StoryFlag::Risky, StoryFlag::Unclear]);
    let clear = apply(&mut map, flag(StoryFlag::Risky, false), "4");
    assert_eq!(flags(&map), [StoryFlag::Unclear]);
    map.revert(&clear, TIME).unwrap();
    assert_eq!(flags(&map), [StoryFlag::Risky, StoryFlag::Unclear]);
    map.revert(&record, TIME).unwrap();
    assert_eq!(flags(&map), [StoryFlag::Risky]);
}

#[test]
fn a_flag_on_a_missing_story_is_refused() {
    let mut map = one_story();
    let edit = Edit::from(StoryEdit::SetFlag {
        story_id: "nope".into(),
        flag: StoryFlag::Risky,
        on: true,
    });
    assert!(map.apply(&edit, &ctx("1")).is_err());
}

#[test]
fn two_peers_flagging_the_same_story_at_once_keep_both_flags() {
    let mut ana = one_story();
    let mut ben = MapDocument::load(&ana.save()).unwrap();
    ben.set_author("ben");
    apply(&mut ana, flag(StoryFlag::Risky, true), "1");
    apply(&mut ben, flag(StoryFlag::ResearchNeeded, true), "2");
    ana.load_incremental(&ben.save()).unwrap();
    ben.load_incremental(&ana.save()).unwrap();
    let both = [StoryFlag::Risky, StoryFlag::ResearchNeeded];
    assert_eq!(flags(&ana), both);
    assert_eq!(flags(&ben), both);
}

#[test]
fn the_backlog_filters_by_flag() {
    use storymap_core::refine::{backlog, BacklogFilter, BacklogSort};
    let mut map = one_story();
    let only = |flag| BacklogFilter {
        flag: Some(flag),
        ..BacklogFilter::default()
    };
    let model = map.read().unwrap();
    assert!(backlog(&model, BacklogSort::Rank, &only(StoryFlag::Risky))
        .rows
        .is_empty());
    apply(&mut map, flag(StoryFlag::Risky, true), "1");
    let model = map.read().unwrap();
    assert_eq!(
        backlog(&model, BacklogSort::Rank, &only(StoryFlag::Risky))
            .rows
            .len(),
        1
    );
    assert!(
        backlog(&model, BacklogSort::Rank, &only(StoryFlag::Unclear))
            .rows
            .is_empty()
    );
}

fn color(label: &str, color: Option<&str>) -> SettingsEdit {
    SettingsEdit::SetLabelColor {
        label: label.into(),
        color: color.map(Into::into),
    }
}

fn colors(map: &MapDocument) -> Vec<(String, String)> {
    map.read()
        .unwrap()
        .settings
        .label_colors
        .into_iter()
        .collect()
}

#[test]
fn a_label_colour_is_set_cleared_undone_and_checked() {
    let mut map = one_story();
    let set = apply(&mut map, color("payments", Some("#1E3A8A")), "1");
    assert_eq!(set.label, "Colour label payments #1e3a8a");
    apply(&mut map, color("ux", Some("#fde68a")), "2");
    let pairs = |p: &[(&str, &str)]| -> Vec<(String, String)> {
        p.iter()
            .map(|(l, c)| (l.to_string(), c.to_string()))
            .collect()
    };
    let both = pairs(&[("payments", "#1e3a8a"), ("ux", "#fde68a")]);
    assert_eq!(colors(&map), both);
    let clear = apply(&mut map, color("ux", None), "3");
    assert_eq!(colors(&map), pairs(&[("payments", "#1e3a8a")]));
    map.revert(&clear, TIME).unwrap();
    assert_eq!(colors(&map), both);

    for (label, bad, reason) in [
        (
            "ux",
            "blue",
            "the colour of label 'ux' must be #rrggbb (got 'blue')",
        ),
        (
            "ux",
            "#12345",
            "the colour of label 'ux' must be #rrggbb (got '#12345')",
        ),
        (" ", "#123456", "a label colour needs a label"),
    ] {
        let refused = map.apply(&color(label, Some(bad)).into(), &ctx("4"));
        assert_eq!(refused.unwrap_err().to_string(), reason);
    }
    assert_eq!(colors(&map), both);
}
