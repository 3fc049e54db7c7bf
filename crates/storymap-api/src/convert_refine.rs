//! Refinement ⇄ DTOs: a story's view with what the core concludes about it (readiness,
//! INVEST, WSJF, dependencies), and the refinement edits (the map's settings are in
//! `convert_settings.rs`).

use std::collections::HashMap;

use storymap_core::crossteam::crossteam_warnings;
use storymap_core::personas::PersonaIndex;
use storymap_core::refine::{self, DerivedIndex, MapIndex, Refinement};
use storymap_core::{AcceptanceCriterion, MapModel, Story, StoryDetails};

use crate::discussion_views::{comments_from_view, links_from_view, CommentView, LinkView};
use crate::dto::*;
use crate::error::ApiError;
use crate::refine_views::*;

/// Views of a map's stories with their refinement, computed once per map.
pub(crate) struct Refiner<'m> {
    model: &'m MapModel,
    index: MapIndex<'m>,
    dependents: Dependents<'m>,
    /// This device's display name, for the comments that mention it; `None` in exports.
    reader: Option<&'m str>,
    /// The local date the cross-team warnings are judged on.
    today: chrono::NaiveDate,
    personas: PersonaIndex<'m>,
}

/// Who depends on whom: gathered for a whole-map view, or kept by the open map.
enum Dependents<'m> {
    Gathered(HashMap<&'m str, Vec<String>>),
    Kept(&'m DerivedIndex),
}

impl<'m> Refiner<'m> {
    pub fn new(model: &'m MapModel) -> Refiner<'m> {
        let mut dependents: HashMap<&str, Vec<String>> = HashMap::new();
        for story in &model.stories {
            for dependency in &story.details.depends_on {
                dependents
                    .entry(dependency.as_str())
                    .or_default()
                    .push(story.id.clone());
            }
        }
        Refiner {
            model,
            index: MapIndex::new(model),
            dependents: Dependents::Gathered(dependents),
            reader: None,
            today: chrono::Local::now().date_naive(),
            personas: PersonaIndex::new(model),
        }
    }

    /// For the open map, whose reverse dependencies are kept up to date in `derived`.
    pub fn with_derived(
        model: &'m MapModel,
        index: MapIndex<'m>,
        derived: &'m DerivedIndex,
    ) -> Refiner<'m> {
        Refiner {
            model,
            index,
            dependents: Dependents::Kept(derived),
            reader: None,
            today: chrono::Local::now().date_naive(),
            personas: PersonaIndex::new(model),
        }
    }

    /// Views for the window of the device named `reader` (see `CommentView::mentions_you`).
    pub fn read_by(self, reader: &'m str) -> Refiner<'m> {
        Refiner {
            reader: Some(reader),
            ..self
        }
    }

    pub fn story(&self, story_id: &str) -> Option<&'m Story> {
        self.index.story(story_id)
    }

    /// The stories that depend on `story_id`.
    pub fn dependents_of(&self, story_id: &str) -> Vec<String> {
        match &self.dependents {
            Dependents::Gathered(map) => map.get(story_id).cloned().unwrap_or_default(),
            Dependents::Kept(derived) => {
                // In map order, as a whole-map view lists them.
                let mut ids: Vec<(Option<usize>, &str)> = derived
                    .dependents_of(story_id)
                    .map(|id| (self.index.position(id), id))
                    .collect();
                ids.sort_unstable();
                ids.into_iter().map(|(_, id)| id.to_owned()).collect()
            }
        }
    }

    pub fn story_view(&self, s: &Story) -> StoryView {
        let refinement = refine::refine(s, &self.model.settings, &self.index);
        let d = &s.details;
        StoryView {
            id: s.id.clone(),
            title: s.title.clone(),
            description: s.description.clone(),
            activity_id: s.activity_id.clone(),
            step_id: s.step_id.clone(),
            release_id: s.release_id.clone(),
            rank: s.rank.as_string(),
            status: s.status.into(),
            estimate: s.estimate.clone(),
            acceptance_criteria: s
                .acceptance_criteria
                .iter()
                .map(|c| AcceptanceCriterionView {
                    id: c.id.clone(),
                    text: c.text.clone(),
                    done: c.done,
                    given: c.given.clone(),
                    when: c.when.clone(),
                    then: c.then.clone(),
                })
                .collect(),
            as_a: d.as_a.clone(),
            i_want: d.i_want.clone(),
            so_that: d.so_that.clone(),
            why: d.why.clone(),
            notes: d.notes.clone(),
            notes_private: d.notes_private,
            labels: d.labels.clone(),
            flags: d.flags.iter().map(|&f| f.into()).collect(),
            blocked_reason: d.blocked_reason.clone(),
            parked_reason: d.parked_reason.clone(),
            needs_input_from: d.needs_input_from.clone(),
            wsjf: WsjfInputsView {
                value: d.wsjf.value,
                time_criticality: d.wsjf.time_criticality,
                risk_reduction: d.wsjf.risk_reduction,
                job_size: d.wsjf.job_size,
            },
            depends_on: d.depends_on.clone(),
            ready_checks: d.ready_checks.clone(),
            split_from: d.split_from.clone(),
            split_from_title: d.split_from_title.clone(),
            jira_key: d.jira_key.clone(),
            objective_id: self.model.objective_of(s).map(|o| o.id.clone()),
            persona_id: (self.personas.of(s)).and_then(|(p, own)| own.then(|| p.id.clone())),
            external_dependencies: (d.external_dependencies.iter())
                .map(crate::ExternalDependencyView::from)
                .collect(),
            comments: (d.comments.iter())
                .map(|c| CommentView::read_by(c, self.reader))
                .collect(),
            links: d.links.iter().map(LinkView::from).collect(),
            refinement: self.refinement_view(refinement, s),
        }
    }

    fn refinement_view(&self, r: Refinement, story: &Story) -> RefinementView {
        let story_id = story.id.as_str();
        RefinementView {
            cross_team_warnings: crossteam_warnings(self.model, story, self.today),
            serves_persona_id: self.personas.of(story).map(|(p, _)| p.id.clone()),
            ready: r.readiness.ready,
            points: r.points,
            dor: r
                .readiness
                .checks
                .into_iter()
                .map(|c| DorCheckView {
                    item_id: c.item_id,
                    text: c.text,
                    automatic: c.automatic,
                    passed: c.passed,
                    detail: c.detail,
                })
                .collect(),
            too_big_or_vague: r.invest.too_big_or_vague,
            invest: r
                .invest
                .hints
                .into_iter()
                .map(|h| InvestHintView {
                    letter: h.letter.into(),
                    verdict: h.verdict.into(),
                    message: h.message,
                })
                .collect(),
            wsjf: r.wsjf.map(|w| WsjfScoreView {
                cost_of_delay: w.cost_of_delay,
                job_size: w.job_size,
                job_size_from_estimate: w.job_size_from_estimate,
                score: w.score,
                heat: refine::wsjf_heat(w.score),
            }),
            open_dependencies: r.open_dependencies,
            dependency_warnings: r.dependency_warnings,
            dependents: self.dependents_of(story_id),
        }
    }
}

/// The refinement fields of an imported story.
pub(crate) fn details_from_view(s: &StoryView) -> Result<StoryDetails, ApiError> {
    Ok(StoryDetails {
        as_a: s.as_a.clone(),
        i_want: s.i_want.clone(),
        so_that: s.so_that.clone(),
        why: s.why.clone(),
        notes: s.notes.clone(),
        notes_private: s.notes_private,
        labels: s.labels.clone(),
        flags: {
            let mut flags: Vec<storymap_core::StoryFlag> =
                s.flags.iter().map(|&f| f.into()).collect();
            flags.sort();
            flags.dedup();
            flags
        },
        blocked_reason: s.blocked_reason.clone(),
        parked_reason: s.parked_reason.clone(),
        needs_input_from: s.needs_input_from.clone(),
        wsjf: refine::WsjfInputs {
            value: s.wsjf.value,
            time_criticality: s.wsjf.time_criticality,
            risk_reduction: s.wsjf.risk_reduction,
            job_size: s.wsjf.job_size,
        },
        depends_on: s.depends_on.clone(),
        ready_checks: s.ready_checks.clone(),
        split_from: s.split_from.clone(),
        split_from_title: s.split_from_title.clone(),
        split_into: Vec::new(),
        jira_key: s.jira_key.clone(),
        objective_id: s.objective_id.clone(),
        persona_id: s.persona_id.clone(),
        external_dependencies: s.external_dependencies.iter().map(Into::into).collect(),
        comments: comments_from_view(&s.title, &s.comments)?,
        links: links_from_view(&s.links),
    })
}

pub(crate) fn criterion_from_view(c: &AcceptanceCriterionView) -> AcceptanceCriterion {
    AcceptanceCriterion {
        id: c.id.clone(),
        text: c.text.clone(),
        done: c.done,
        given: c.given.clone(),
        when: c.when.clone(),
        then: c.then.clone(),
    }
}

/// One-to-one enum conversions between the DTOs and the core.
macro_rules! same_variants {
    ($dto:ty, $core:ty, [$($variant:ident),+]) => {
        impl From<$core> for $dto {
            fn from(value: $core) -> Self {
                match value { $(<$core>::$variant => <$dto>::$variant),+ }
            }
        }
        impl From<$dto> for $core {
            fn from(value: $dto) -> Self {
                match value { $(<$dto>::$variant => <$core>::$variant),+ }
            }
        }
    };
}

same_variants!(TShirtSize, refine::TShirt, [XS, S, M, L, XL, XXL]);
same_variants!(
    DorRule,
    refine::DorRule,
    [
        WhyClear,
        CriteriaExplicit,
        Estimated,
        DependenciesKnown,
        SmallEnough,
        NoOpenBlocker
    ]
);
same_variants!(
    InvestLetter,
    refine::InvestLetter,
    [
        Independent,
        Negotiable,
        Valuable,
        Estimable,
        Small,
        Testable
    ]
);
same_variants!(Verdict, refine::Verdict, [Pass, Warn, Fail]);
same_variants!(
    WsjfPart,
    storymap_core::WsjfPart,
    [Value, TimeCriticality, RiskReduction, JobSize]
);
same_variants!(
    StoryTextField,
    storymap_core::StoryField,
    [
        AsA,
        IWant,
        SoThat,
        Why,
        Notes,
        Description,
        BlockedReason,
        ParkedReason,
        NeedsInputFrom
    ]
);
same_variants!(
    SplitPattern,
    refine::SplitPattern,
    [
        Spike,
        Paths,
        Interfaces,
        Data,
        Rules,
        WorkflowSteps,
        Crud,
        HappyUnhappy
    ]
);
same_variants!(
    BacklogSort,
    refine::BacklogSort,
    [Rank, Wsjf, Readiness, Estimate, Objective]
);
