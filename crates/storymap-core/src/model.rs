//! The read model: a whole map in display order, as the projection and the UI see it.

use std::collections::HashMap;

use crate::Rank;

#[derive(Debug, Clone, PartialEq)]
pub struct MapModel {
    pub id: String,
    pub name: String,
    pub activities: Vec<Activity>,
    pub releases: Vec<ReleaseSlice>,
    /// Ordered by activity, step, release slice, then rank (ties by id).
    pub stories: Vec<Story>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: String,
    pub title: String,
    pub rank: Rank,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub rank: Rank,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseSlice {
    pub id: String,
    pub title: String,
    pub rank: Rank,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub id: String,
    pub title: String,
    pub description: String,
    pub activity_id: String,
    pub step_id: String,
    pub release_id: String,
    pub rank: Rank,
    pub status: StoryStatus,
    pub estimate: Option<String>,
    pub acceptance_criteria: Vec<AcceptanceCriterion>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AcceptanceCriterion {
    pub id: String,
    pub text: String,
    pub done: bool,
}

/// Where a story is in refinement: idea → draft → refining → ready → in sprint → done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryStatus {
    Idea,
    Draft,
    Refining,
    Ready,
    InSprint,
    Done,
}

impl StoryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            StoryStatus::Idea => "idea",
            StoryStatus::Draft => "draft",
            StoryStatus::Refining => "refining",
            StoryStatus::Ready => "ready",
            StoryStatus::InSprint => "inSprint",
            StoryStatus::Done => "done",
        }
    }

    /// Reads the values of schema 1's first release too ("todo", "inProgress"); unknown
    /// values (written by a newer version) read as `Draft` rather than failing.
    pub fn parse(text: &str) -> StoryStatus {
        match text {
            "idea" => StoryStatus::Idea,
            "refining" => StoryStatus::Refining,
            "ready" => StoryStatus::Ready,
            "inSprint" | "inProgress" => StoryStatus::InSprint,
            "done" => StoryStatus::Done,
            _ => StoryStatus::Draft,
        }
    }
}

impl Story {
    /// The estimate as story points, when it is a number ("3", "0.5", "½"); `None` for
    /// "?" or a T-shirt size.
    pub fn points(&self) -> Option<f64> {
        points(self.estimate.as_deref()?)
    }
}

pub(crate) fn points(estimate: &str) -> Option<f64> {
    match estimate.trim() {
        "½" => Some(0.5),
        text => text
            .parse::<f64>()
            .ok()
            .filter(|p| p.is_finite() && *p >= 0.0),
    }
}

/// What one release slice adds up to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SliceRollup {
    pub release_id: String,
    pub stories: u32,
    pub points: f64,
    pub unestimated: u32,
    pub ready: u32,
    pub done: u32,
}

/// Roll-ups for `releases` in their order, from `(release id, status, estimate)` of every
/// live story; the projection feeds this from SQL so large maps need not be read whole.
pub fn slice_rollups<'a>(
    releases: &[ReleaseSlice],
    stories: impl IntoIterator<Item = (&'a str, StoryStatus, Option<&'a str>)>,
) -> Vec<SliceRollup> {
    let mut rollups: Vec<SliceRollup> = releases
        .iter()
        .map(|r| SliceRollup {
            release_id: r.id.clone(),
            ..SliceRollup::default()
        })
        .collect();
    let position: HashMap<&str, usize> = releases
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    for (release_id, status, estimate) in stories {
        let Some(rollup) = position.get(release_id).map(|&i| &mut rollups[i]) else {
            continue;
        };
        rollup.stories += 1;
        match estimate.and_then(points) {
            Some(p) => rollup.points += p,
            None => rollup.unestimated += 1,
        }
        rollup.ready += u32::from(status == StoryStatus::Ready);
        rollup.done += u32::from(status == StoryStatus::Done);
    }
    rollups
}

impl MapModel {
    /// Assembles a map and puts its stories in display order: the step's column, then the
    /// slice's band, then rank, then id (two peers may mint the same rank).
    pub fn new(
        id: String,
        name: String,
        activities: Vec<Activity>,
        releases: Vec<ReleaseSlice>,
        mut stories: Vec<Story>,
    ) -> MapModel {
        let step_position: HashMap<&str, usize> = activities
            .iter()
            .flat_map(|a| a.steps.iter())
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let release_position: HashMap<&str, usize> = releases
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        stories.sort_by(|a, b| {
            let key = |s: &Story| {
                (
                    step_position
                        .get(s.step_id.as_str())
                        .copied()
                        .unwrap_or(usize::MAX),
                    release_position
                        .get(s.release_id.as_str())
                        .copied()
                        .unwrap_or(usize::MAX),
                )
            };
            key(a)
                .cmp(&key(b))
                .then_with(|| a.rank.cmp(&b.rank))
                .then_with(|| a.id.cmp(&b.id))
        });
        MapModel {
            id,
            name,
            activities,
            releases,
            stories,
        }
    }

    pub fn rollups(&self) -> Vec<SliceRollup> {
        slice_rollups(
            &self.releases,
            self.stories
                .iter()
                .map(|s| (s.release_id.as_str(), s.status, s.estimate.as_deref())),
        )
    }

    pub fn step_ids(&self) -> impl Iterator<Item = &str> {
        self.activities
            .iter()
            .flat_map(|a| a.steps.iter().map(|s| s.id.as_str()))
    }
}

#[cfg(test)]
mod tests {
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
        let stories = [
            ("mvp", Ready, Some("3")),
            ("mvp", Ready, Some("½")),
            ("mvp", Done, Some("5.0")),
            ("mvp", Draft, Some("?")),
            ("mvp", Idea, Some("XL")),
            ("r2", Refining, None),
            ("gone", Ready, Some("8")),
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
                ("mvp", 5, 8.5, 2, 2, 1),
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
}
