//! Refining stories: the fields, the rules (Definition of Ready, INVEST, WSJF, dependency
//! checks), splitting, the backlog, and how concurrent refinement merges.

use proptest::prelude::*;
use storymap_core::refine::{self, BacklogFilter, BacklogSort, MapIndex, TShirt, Verdict};
use storymap_core::{
    BackboneEdit, CardEdit, CriteriaEdit, DependencyEdit, EstimateEdit, SettingsEdit, SliceEdit,
    SplitEdit, StoryEdit,
};
use storymap_core::{
    Edit, EditContext, MapDocument, MapModel, SplitChild, StoryField, StoryStatus, UndoRecord,
    WsjfPart,
};

const TIME: i64 = 1_700_000_000;

fn ctx(id: &str) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: TIME,
        author: "ana".into(),
    }
}

fn refine_edit(map: &mut MapDocument, edit: impl Into<Edit>, id: &str) -> UndoRecord {
    let applied = map.apply(&edit.into(), &ctx(id)).expect("valid edit");
    UndoRecord {
        label: applied.label,
        writes: applied.writes,
    }
}

/// One step, two slices (MVP r1, Later r2); stories s0… in MVP.
fn map_with(stories: usize) -> MapDocument {
    let mut map = MapDocument::create("m", "Shop", "ana", TIME).unwrap();
    let mut add = |edit: Edit, id: &str| {
        map.apply(&edit, &ctx(id)).unwrap();
    };
    add(
        Edit::from(BackboneEdit::AddActivity {
            title: "Buy".into(),
        }),
        "a1",
    );
    add(
        Edit::from(BackboneEdit::AddStep {
            activity_id: "a1".into(),
            title: "Pay".into(),
        }),
        "p",
    );
    add(
        Edit::from(SliceEdit::AddRelease {
            title: "MVP".into(),
        }),
        "r1",
    );
    add(
        Edit::from(SliceEdit::AddRelease {
            title: "Later".into(),
        }),
        "r2",
    );
    for i in 0..stories {
        add(
            Edit::from(CardEdit::AddStory {
                step_id: "p".into(),
                release_id: "r1".into(),
                title: format!("Story {i}"),
            }),
            &format!("s{i}"),
        );
    }
    map
}

fn text(story: &str, field: StoryField, text: &str) -> Edit {
    Edit::from(StoryEdit::SetText {
        story_id: story.into(),
        field,
        text: text.into(),
    })
}

fn estimate(story: &str, value: &str) -> Edit {
    Edit::from(EstimateEdit::SetEstimate {
        story_id: story.into(),
        estimate: Some(value.into()),
    })
}

fn criteria(story: &str, text: &str) -> Edit {
    Edit::from(CriteriaEdit::AddCriteria {
        story_id: story.into(),
        text: text.into(),
    })
}

fn depends(story: &str, on: &str) -> Edit {
    Edit::from(DependencyEdit::SetDependency {
        story_id: story.into(),
        depends_on: on.into(),
        on: true,
    })
}

/// The rules' verdicts for a story, one line: readiness, failing DoR items, INVEST letters
/// that do not pass, the too-big flag, WSJF.
fn verdicts(model: &MapModel, id: &str) -> String {
    let index = MapIndex::new(model);
    let story = model.stories.iter().find(|s| s.id == id).unwrap();
    let r = refine::refine(story, &model.settings, &index);
    let failing: Vec<&str> = r
        .readiness
        .checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.item_id.as_str())
        .collect();
    let invest: Vec<String> = r
        .invest
        .hints
        .iter()
        .filter(|h| h.verdict != Verdict::Pass)
        .map(|h| format!("{:?}:{:?}", h.letter, h.verdict))
        .collect();
    format!(
        "ready={} dor-failing=[{}] invest=[{}] too-big={} wsjf={:?}",
        r.readiness.ready,
        failing.join(" "),
        invest.join(" "),
        r.invest.too_big_or_vague,
        r.wsjf.map(|w| w.score)
    )
}

#[test]
fn a_story_becomes_ready_as_it_is_refined() {
    let mut map = map_with(1);
    let steps: Vec<(Edit, &str)> = vec![
        (estimate("s0", "13"), "ready=false dor-failing=[dor-why dor-criteria dor-small dor-questions] invest=[Valuable:Warn Small:Fail Testable:Fail] too-big=true wsjf=None"),
        (criteria("s0", "Shows the total\nIncludes fees"), "ready=false dor-failing=[dor-why dor-small dor-questions] invest=[Valuable:Warn Small:Fail] too-big=false wsjf=None"),
        (text("s0", StoryField::SoThat, "I know what I pay"), "ready=false dor-failing=[dor-small dor-questions] invest=[Small:Fail] too-big=false wsjf=None"),
        (estimate("s0", "5"), "ready=false dor-failing=[dor-questions] invest=[] too-big=false wsjf=None"),
        (
            StoryEdit::SetReadyCheck { story_id: "s0".into(), item_id: "dor-questions".into(), on: true }.into(),
            "ready=true dor-failing=[] invest=[] too-big=false wsjf=None",
        ),
        (text("s0", StoryField::BlockedReason, "Waiting for the payment provider"), "ready=false dor-failing=[dor-unblocked] invest=[] too-big=false wsjf=None"),
        (text("s0", StoryField::BlockedReason, ""), "ready=true dor-failing=[] invest=[] too-big=false wsjf=None"),
        (estimate("s0", "?"), "ready=false dor-failing=[dor-estimated dor-small] invest=[Estimable:Fail Small:Warn] too-big=false wsjf=None"),
    ];
    for (n, (edit, expected)) in steps.into_iter().enumerate() {
        refine_edit(&mut map, edit, &format!("e{n}"));
        assert_eq!(
            verdicts(&map.read().unwrap(), "s0"),
            expected,
            "after step {n}"
        );
    }
}

#[test]
fn wsjf_uses_the_estimate_until_a_job_size_is_scored() {
    let mut map = map_with(1);
    for (part, value) in [
        (WsjfPart::Value, 8),
        (WsjfPart::TimeCriticality, 5),
        (WsjfPart::RiskReduction, 3),
    ] {
        refine_edit(
            &mut map,
            EstimateEdit::SetWsjf {
                story_id: "s0".into(),
                part,
                value: Some(value),
            },
            "w",
        );
    }
    assert!(verdicts(&map.read().unwrap(), "s0").ends_with("wsjf=None"));
    refine_edit(&mut map, estimate("s0", "M"), "e");
    assert!(verdicts(&map.read().unwrap(), "s0").ends_with("wsjf=Some(5.333333333333333)"));
    refine_edit(
        &mut map,
        EstimateEdit::SetWsjf {
            story_id: "s0".into(),
            part: WsjfPart::JobSize,
            value: Some(8),
        },
        "j",
    );
    assert!(verdicts(&map.read().unwrap(), "s0").ends_with("wsjf=Some(2.0)"));
    let off_scale = map.apply(
        &Edit::from(EstimateEdit::SetWsjf {
            story_id: "s0".into(),
            part: WsjfPart::Value,
            value: Some(4),
        }),
        &ctx("x"),
    );
    assert_eq!(
        off_scale.unwrap_err().to_string(),
        "user-business value must be one of 1, 2, 3, 5, 8, 13, 20 (got 4)"
    );
}

#[test]
fn estimates_are_checked_against_the_scale_and_sizes_map_to_points() {
    let mut map = map_with(1);
    let refused = map.apply(&estimate("s0", "4"), &ctx("x")).unwrap_err();
    assert!(refused.to_string().starts_with("'4' is not an estimate"));
    refine_edit(&mut map, estimate("s0", "5.0"), "a");
    assert_eq!(
        map.read().unwrap().stories[0].estimate.as_deref(),
        Some("5")
    );
    refine_edit(&mut map, estimate("s0", "xl"), "b");
    let model = map.read().unwrap();
    assert_eq!(model.stories[0].estimate.as_deref(), Some("XL"));
    assert_eq!(model.rollups()[0].points, 8.0);
    refine_edit(
        &mut map,
        SettingsEdit::SetTShirtPoints {
            size: TShirt::XL,
            points: 13.0,
        },
        "c",
    );
    let model = map.read().unwrap();
    assert_eq!(model.rollups()[0].points, 13.0);
    assert!(verdicts(&model, "s0").contains("Small:Fail"));
    refine_edit(&mut map, SettingsEdit::SetSmallLimit { points: 13.0 }, "d");
    assert!(!verdicts(&map.read().unwrap(), "s0").contains("Small"));
}

#[test]
fn dependencies_refuse_cycles_and_warn_about_order() {
    let mut map = map_with(3);
    refine_edit(&mut map, depends("s0", "s1"), "a");
    refine_edit(&mut map, depends("s1", "s2"), "b");
    let cycle = map.apply(&depends("s2", "s0"), &ctx("c")).unwrap_err();
    assert_eq!(
        cycle.to_string(),
        "that would make a dependency cycle: 'Story 2' → 'Story 0' → 'Story 1' → 'Story 2'"
    );
    let own = map.apply(&depends("s2", "s2"), &ctx("c")).unwrap_err();
    assert!(own.to_string().contains("cycle"));

    // s0 (first in MVP) depends on s1, later in the same slice; then s1 moves to Later.
    let model = map.read().unwrap();
    let index = MapIndex::new(&model);
    let s0 = &model.stories[0];
    assert_eq!(
        refine::order_warnings(s0, &index),
        ["Depends on 'Story 1', which comes after it in the backlog."]
    );
    map.apply(
        &Edit::from(CardEdit::MoveStory {
            story_id: "s1".into(),
            step_id: "p".into(),
            release_id: "r2".into(),
            to_index: 0,
        }),
        &ctx("m"),
    )
    .unwrap();
    let model = map.read().unwrap();
    let index = MapIndex::new(&model);
    let s0 = model.stories.iter().find(|s| s.id == "s0").unwrap();
    assert_eq!(
        refine::order_warnings(s0, &index),
        ["Depends on 'Story 1', planned in a later slice (Later)."]
    );
    assert!(verdicts(&model, "s0").contains("Independent:Warn"));
}

#[test]
fn pasted_criteria_arrive_in_order_and_can_be_reordered_edited_and_deleted() {
    let mut map = map_with(1);
    refine_edit(
        &mut map,
        criteria("s0", "- Shows total\n- Shows fees\n\n- Shows VAT\n"),
        "c",
    );
    let ids = |map: &MapDocument| -> Vec<String> {
        map.read().unwrap().stories[0]
            .acceptance_criteria
            .iter()
            .map(|c| c.text.clone())
            .collect()
    };
    assert_eq!(ids(&map), ["Shows total", "Shows fees", "Shows VAT"]);
    refine_edit(
        &mut map,
        CriteriaEdit::MoveCriterion {
            story_id: "s0".into(),
            criterion_id: "c-2".into(),
            to_index: 0,
        },
        "m",
    );
    let delete = refine_edit(
        &mut map,
        CriteriaEdit::DeleteCriterion {
            story_id: "s0".into(),
            criterion_id: "c-1".into(),
        },
        "d",
    );
    refine_edit(
        &mut map,
        CriteriaEdit::UpdateCriterion {
            story_id: "s0".into(),
            criterion_id: "c-0".into(),
            text: "Shows the total".into(),
            given: "a basket".into(),
            when: "I check out".into(),
            then: "I see the total".into(),
        },
        "u",
    );
    assert_eq!(ids(&map), ["Shows VAT", "Shows the total"]);
    let story = &map.read().unwrap().stories[0];
    assert_eq!(story.acceptance_criteria[1].then, "I see the total");
    map.revert(&delete, TIME).unwrap();
    assert_eq!(ids(&map), ["Shows VAT", "Shows the total", "Shows fees"]);
}

fn split_in_two(map: &mut MapDocument, story: &str, first: &[&str], second: &[&str]) -> UndoRecord {
    refine_edit(
        map,
        SplitEdit {
            story_id: story.into(),
            children: vec![
                SplitChild {
                    title: "Pay — first step".into(),
                    criterion_ids: first.iter().map(|s| s.to_string()).collect(),
                },
                SplitChild {
                    title: "Pay — next steps".into(),
                    criterion_ids: second.iter().map(|s| s.to_string()).collect(),
                },
            ],
        },
        "k",
    )
}

#[test]
fn a_split_takes_the_originals_place_and_one_undo_reverts_it() {
    let mut map = map_with(3);
    refine_edit(&mut map, criteria("s1", "One\nTwo\nThree"), "c");
    refine_edit(&mut map, estimate("s1", "8"), "e");
    refine_edit(
        &mut map,
        StoryEdit::SetLabel {
            story_id: "s1".into(),
            label: "payments".into(),
            on: true,
        },
        "l",
    );
    refine_edit(&mut map, depends("s1", "s2"), "d");
    let before = map.read().unwrap();
    let record = split_in_two(&mut map, "s1", &["c-1"], &["c-0", "c-2"]);
    let after = map.read().unwrap();
    let order: Vec<&str> = after.stories.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        order,
        ["Story 0", "Pay — first step", "Pay — next steps", "Story 2"]
    );
    let first = &after.stories[1];
    let second = &after.stories[2];
    let texts = |s: &storymap_core::Story| -> Vec<String> {
        s.acceptance_criteria
            .iter()
            .map(|c| c.text.clone())
            .collect()
    };
    assert_eq!(texts(first), ["Two"]);
    assert_eq!(texts(second), ["One", "Three"]);
    assert_eq!(first.details.labels, ["payments"]);
    assert_eq!(first.details.depends_on, ["s2"]);
    assert_eq!(first.estimate, None, "children are estimated again");
    assert_eq!(first.status, StoryStatus::Refining);
    assert_eq!(first.details.split_from.as_deref(), Some("s1"));
    assert_eq!(first.details.split_from_title.as_deref(), Some("Story 1"));
    assert!(after.stories.iter().all(|s| s.id != "s1"));

    let undone = map.revert(&record, TIME).unwrap();
    assert_eq!(map.read().unwrap(), before);
    map.revert(
        &UndoRecord {
            label: record.label,
            writes: undone.applied.writes,
        },
        TIME,
    )
    .unwrap();
    assert_eq!(map.read().unwrap(), after);
}

#[test]
fn a_split_refuses_unknown_or_doubled_criteria_and_odd_counts() {
    let mut map = map_with(1);
    refine_edit(&mut map, criteria("s0", "One\nTwo"), "c");
    let refuse = |map: &mut MapDocument, children: Vec<SplitChild>| {
        map.apply(
            &Edit::from(SplitEdit {
                story_id: "s0".into(),
                children,
            }),
            &ctx("k"),
        )
        .unwrap_err()
        .to_string()
    };
    let child = |ids: &[&str]| SplitChild {
        title: "Part".into(),
        criterion_ids: ids.iter().map(|s| s.to_string()).collect(),
    };
    assert_eq!(
        refuse(&mut map, vec![child(&[])]),
        "a split makes 2 to 10 stories (got 1)"
    );
    assert_eq!(
        refuse(&mut map, vec![child(&["c-0"]), child(&["c-0"])]),
        "acceptance criterion c-0 is given to two stories"
    );
    assert_eq!(
        refuse(&mut map, vec![child(&["zz"]), child(&[])]),
        "no acceptance criterion with id zz in this map"
    );
}

#[test]
fn the_definition_of_ready_is_editable_per_map() {
    let mut map = map_with(1);
    assert_eq!(map.read_settings().definition_of_ready.len(), 7);
    refine_edit(
        &mut map,
        SettingsEdit::AddDorItem {
            text: "UX mock-ups attached".into(),
        },
        "ux",
    );
    refine_edit(
        &mut map,
        SettingsEdit::DeleteDorItem {
            item_id: "dor-questions".into(),
        },
        "x",
    );
    refine_edit(
        &mut map,
        SettingsEdit::RenameDorItem {
            item_id: "dor-why".into(),
            text: "Why is clear".into(),
        },
        "r",
    );
    let items: Vec<String> = map
        .read_settings()
        .definition_of_ready
        .iter()
        .map(|i| i.text.clone())
        .collect();
    assert_eq!(
        items,
        [
            "Why is clear",
            "Acceptance criteria are explicit",
            "Estimated by the team",
            "Dependencies are known",
            "Small enough for a sprint",
            "No open blocker",
            "UX mock-ups attached"
        ]
    );
    assert!(verdicts(&map.read().unwrap(), "s0").contains("ux"));
}

#[test]
fn the_backlog_sorts_filters_and_counts() {
    let mut map = map_with(3);
    for (id, points, score) in [("s0", "8", 2), ("s1", "2", 8), ("s2", "5", 13)] {
        refine_edit(&mut map, estimate(id, points), "e");
        for part in [
            WsjfPart::Value,
            WsjfPart::TimeCriticality,
            WsjfPart::RiskReduction,
        ] {
            refine_edit(
                &mut map,
                EstimateEdit::SetWsjf {
                    story_id: id.into(),
                    part,
                    value: Some(score),
                },
                "w",
            );
        }
    }
    refine_edit(&mut map, text("s1", StoryField::BlockedReason, "API"), "b");
    refine_edit(&mut map, text("s2", StoryField::NeedsInputFrom, "UX"), "n");
    let model = map.read().unwrap();
    let order = |sort| -> Vec<String> {
        refine::backlog(&model, sort, &BacklogFilter::default())
            .rows
            .iter()
            .map(|(s, _)| s.id.clone())
            .collect()
    };
    assert_eq!(order(BacklogSort::Rank), ["s0", "s1", "s2"]);
    assert_eq!(order(BacklogSort::Wsjf), ["s1", "s2", "s0"]);
    assert_eq!(order(BacklogSort::Estimate), ["s1", "s2", "s0"]);
    let blocked = BacklogFilter {
        blocked: Some(true),
        ..BacklogFilter::default()
    };
    let backlog = refine::backlog(&model, BacklogSort::Rank, &blocked);
    assert_eq!(backlog.rows.len(), 1);
    let all = refine::backlog(&model, BacklogSort::Rank, &BacklogFilter::default());
    assert_eq!(
        all.summary.headline(),
        "0 ready (0 pts), 1 blocked, 1 needs input"
    );
}

fn fork(map: &MapDocument, author: &str) -> MapDocument {
    let mut copy = MapDocument::load(&map.save()).unwrap();
    copy.set_author(author);
    copy
}

fn merge_both(a: &mut MapDocument, b: &mut MapDocument) {
    a.load_incremental(&b.save()).unwrap();
    b.load_incremental(&a.save()).unwrap();
}

#[test]
fn two_people_editing_different_sentences_of_a_description_keep_both() {
    let mut ana = map_with(1);
    refine_edit(
        &mut ana,
        text(
            "s0",
            StoryField::Description,
            "Pay by card. Show the receipt.",
        ),
        "d",
    );
    let mut ben = fork(&ana, "ben");
    refine_edit(
        &mut ana,
        text(
            "s0",
            StoryField::Description,
            "Pay by card or voucher. Show the receipt.",
        ),
        "a",
    );
    refine_edit(
        &mut ben,
        text(
            "s0",
            StoryField::Description,
            "Pay by card. Show and email the receipt.",
        ),
        "b",
    );
    merge_both(&mut ana, &mut ben);
    let merged = ana.read().unwrap().stories[0].description.clone();
    assert_eq!(
        merged,
        "Pay by card or voucher. Show and email the receipt."
    );
    assert_eq!(ben.read().unwrap().stories[0].description, merged);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// However the criteria are handed out (some to several children would be refused,
    /// so each goes to one child or none), every criterion ends up in exactly one child.
    #[test]
    fn a_split_keeps_every_criterion_exactly_once(
        count in 1usize..8,
        children in 2usize..5,
        assignment in proptest::collection::vec(proptest::option::of(0usize..5), 8),
    ) {
        let mut map = map_with(1);
        let lines: Vec<String> = (0..count).map(|i| format!("Criterion {i}")).collect();
        refine_edit(&mut map, criteria("s0", &lines.join("\n")), "c");
        let mut specs: Vec<SplitChild> = (0..children)
            .map(|i| SplitChild { title: format!("Part {i}"), criterion_ids: vec![] })
            .collect();
        for (i, target) in assignment.iter().take(count).enumerate() {
            if let Some(child) = target {
                specs[child % children].criterion_ids.push(format!("c-{i}"));
            }
        }
        map.apply(&Edit::from(SplitEdit { story_id: "s0".into(), children: specs }), &ctx("k")).unwrap();
        let model = map.read().unwrap();
        prop_assert_eq!(model.stories.len(), children);
        let mut texts: Vec<String> = model.stories.iter()
            .flat_map(|s| s.acceptance_criteria.iter().map(|c| c.text.clone()))
            .collect();
        texts.sort();
        let mut expected = lines.clone();
        expected.sort();
        prop_assert_eq!(texts, expected);
    }

    /// Two people editing criteria concurrently: edits to different criteria both survive,
    /// and both replicas end identical.
    #[test]
    fn concurrent_edits_to_different_criteria_never_clobber(
        edits in proptest::collection::vec((0usize..4, "[a-z ]{1,12}", any::<bool>()), 1..8),
    ) {
        let mut ana = map_with(1);
        refine_edit(&mut ana, criteria("s0", "A\nB\nC\nD"), "c");
        let mut ben = fork(&ana, "ben");
        // Ana edits criteria 0 and 1, Ben edits 2 and 3.
        let mut expected = vec!["A".to_owned(), "B".to_owned(), "C".to_owned(), "D".to_owned()];
        for (n, (pick, text, by_ana)) in edits.iter().enumerate() {
            let index = if *by_ana { pick % 2 } else { 2 + pick % 2 };
            let text = format!("{}{n}", text.trim());
            let replica = if *by_ana { &mut ana } else { &mut ben };
            refine_edit(replica, CriteriaEdit::UpdateCriterion {
                story_id: "s0".into(),
                criterion_id: format!("c-{index}"),
                text: text.clone(),
                given: String::new(),
                when: String::new(),
                then: String::new(),
            }, "u");
            expected[index] = text;
        }
        merge_both(&mut ana, &mut ben);
        let texts: Vec<String> = ana.read().unwrap().stories[0].acceptance_criteria.iter().map(|c| c.text.clone()).collect();
        prop_assert_eq!(&texts, &expected);
        prop_assert_eq!(ana.read().unwrap(), ben.read().unwrap());
    }
}

#[test]
fn a_team_can_rename_statuses_and_go_back_to_the_default() {
    let mut map = map_with(0);
    let label = |map: &MapDocument, status| {
        map.read_settings()
            .status_labels
            .iter()
            .find(|(s, _)| *s == status)
            .map(|(_, l)| l.clone())
            .unwrap()
    };
    assert_eq!(label(&map, StoryStatus::InSprint), "In sprint");
    let record = refine_edit(
        &mut map,
        SettingsEdit::SetStatusLabel {
            status: StoryStatus::InSprint,
            label: " In progress ".into(),
        },
        "l",
    );
    assert_eq!(label(&map, StoryStatus::InSprint), "In progress");
    refine_edit(
        &mut map,
        SettingsEdit::SetStatusLabel {
            status: StoryStatus::InSprint,
            label: String::new(),
        },
        "d",
    );
    assert_eq!(label(&map, StoryStatus::InSprint), "In sprint");
    assert_eq!(record.label, "Call status inSprint 'In progress'");
}
