use super::*;

fn slice(id: &str) -> ReleaseSlice {
    ReleaseSlice {
        id: id.into(),
        title: id.into(),
        rank: Rank::first(),
    }
}

#[test]
fn rollups_add_points_and_count_ready_done_and_unestimated() {
    use StoryStatus::*;
    let tally = |release_id, status, points, ready| StoryTally {
        release_id,
        status,
        points,
        ready,
    };
    let stories = [
        tally("mvp", Ready, Some(3.0), true),
        tally("mvp", Ready, Some(0.5), false),
        tally("mvp", Done, Some(5.0), true),
        tally("mvp", Draft, None, false),
        tally("r2", Refining, None, false),
        tally("gone", Ready, Some(8.0), true),
    ];
    let rollups = slice_rollups(&[slice("mvp"), slice("r2"), slice("r3")], stories);
    let summary: Vec<_> = rollups
        .iter()
        .map(|r| {
            (
                r.release_id.as_str(),
                r.stories,
                r.points,
                r.unestimated,
                r.ready,
                r.done,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("mvp", 4, 8.5, 1, 2, 1),
            ("r2", 1, 0.0, 1, 0, 0),
            ("r3", 0, 0.0, 0, 0, 0)
        ]
    );
}

#[test]
fn old_status_names_still_read() {
    assert_eq!(StoryStatus::parse("todo"), StoryStatus::Draft);
    assert_eq!(StoryStatus::parse("inProgress"), StoryStatus::InSprint);
    assert_eq!(StoryStatus::parse("someday"), StoryStatus::Draft);
    for s in ["idea", "draft", "refining", "ready", "inSprint", "done"] {
        assert_eq!(StoryStatus::parse(s).as_str(), s);
    }
}
