//! Building a whole map document from a [`MapModel`] (the sample map, a JSON import):
//! validated first, then written as one change so a bad file leaves nothing behind.

use std::collections::HashSet;

use automerge::transaction::Transactable;
use automerge::ObjType;

use crate::document::commit_options;
use crate::edit::shared::{clean_title, put_titled};
use crate::limits::check_sizes;
use crate::schema::*;
use crate::{CoreError, MapDocument, MapModel, Rank, StoryDetails};

pub struct MapImport;

impl MapImport {
    /// The map keeps the model's entity ids and display order (ranks are minted afresh
    /// from that order); it gets `map_id` as its own id.
    pub fn build(
        model: &MapModel,
        map_id: &str,
        author: &str,
        unix_time: i64,
    ) -> Result<MapDocument, CoreError> {
        validate(model)?;
        let mut map = MapDocument::create(map_id, &model.name, author, unix_time)?;
        map.automerge_mut()
            .transact_with(
                |_| commit_options(format!("Import {} stories", model.stories.len()), unix_time),
                |tx| -> Result<(), CoreError> {
                    put_backbone(tx, &model.activities)?;
                    for (release, rank) in model
                        .releases
                        .iter()
                        .zip(Rank::sequence(None, model.releases.len()))
                    {
                        put_titled(tx, RELEASES, &release.id, &release.title, &rank)?;
                    }
                    // Stories arrive in display order, so ranks rise within each cell.
                    let mut last_in_cell = std::collections::HashMap::<(&str, &str), Rank>::new();
                    for story in &model.stories {
                        let cell = (story.step_id.as_str(), story.release_id.as_str());
                        let rank = Rank::between(last_in_cell.get(&cell), None);
                        last_in_cell.insert(cell, rank.clone());
                        let obj = put_titled(tx, STORIES, &story.id, &story.title, &rank)?;
                        tx.put(&obj, STEP_ID, story.step_id.as_str())?;
                        tx.put(&obj, RELEASE_ID, story.release_id.as_str())?;
                        tx.put(&obj, STATUS, story.status.as_str())?;
                        if let Some(estimate) = &story.estimate {
                            tx.put(&obj, ESTIMATE, estimate.as_str())?;
                        }
                        tx.put(
                            &obj,
                            CREATED_AT,
                            automerge::ScalarValue::Timestamp(unix_time * 1000),
                        )?;
                        let text = tx.put_object(&obj, DESCRIPTION, ObjType::Text)?;
                        if !story.description.is_empty() {
                            tx.splice_text(&text, 0, 0, &story.description)?;
                        }
                        let criteria = tx.put_object(&obj, ACCEPTANCE_CRITERIA, ObjType::Map)?;
                        let ranks = Rank::sequence(None, story.acceptance_criteria.len());
                        for (criterion, rank) in story.acceptance_criteria.iter().zip(ranks) {
                            let c =
                                tx.put_object(&criteria, criterion.id.as_str(), ObjType::Map)?;
                            tx.put(&c, TEXT, criterion.text.as_str())?;
                            tx.put(&c, DONE, criterion.done)?;
                            tx.put(&c, RANK, rank.as_string())?;
                            for (key, part) in [
                                (GIVEN, &criterion.given),
                                (WHEN, &criterion.when),
                                (THEN, &criterion.then),
                            ] {
                                if !part.is_empty() {
                                    tx.put(&c, key, part.as_str())?;
                                }
                            }
                        }
                        put_details(tx, &obj, &story.details)?;
                        put_discussion(tx, &obj, &story.details)?;
                        crate::crossteam::put(tx, &obj, &story.details.external_dependencies)?;
                    }
                    crate::read_settings::put_settings(tx, &model.settings)?;
                    Ok(())
                },
            )
            .map_err(|failure| failure.error)?;
        Ok(map)
    }
}

/// The activities in file order, with their Jira keys, personas and steps.
fn put_backbone(
    tx: &mut automerge::transaction::Transaction<'_>,
    activities: &[crate::Activity],
) -> Result<(), CoreError> {
    for (activity, rank) in activities
        .iter()
        .zip(Rank::sequence(None, activities.len()))
    {
        let obj = put_titled(tx, ACTIVITIES, &activity.id, &activity.title, &rank)?;
        let texts = [
            (JIRA_KEY, &activity.jira_key),
            (PERSONA_ID, &activity.persona_id),
        ];
        for (key, value) in texts {
            if let Some(value) = value {
                tx.put(&obj, key, value.as_str())?;
            }
        }
        for (step, rank) in activity
            .steps
            .iter()
            .zip(Rank::sequence(None, activity.steps.len()))
        {
            let obj = put_titled(tx, STEPS, &step.id, &step.title, &rank)?;
            tx.put(&obj, ACTIVITY_ID, activity.id.as_str())?;
        }
    }
    Ok(())
}

/// A story's refinement fields, as the document stores them.
fn put_details(
    tx: &mut automerge::transaction::Transaction<'_>,
    obj: &automerge::ObjId,
    details: &StoryDetails,
) -> Result<(), CoreError> {
    let texts = [
        (AS_A, Some(&details.as_a)),
        (I_WANT, Some(&details.i_want)),
        (SO_THAT, Some(&details.so_that)),
        (WHY, Some(&details.why)),
        (NOTES, Some(&details.notes)),
        (BLOCKED_REASON, details.blocked_reason.as_ref()),
        (PARKED_REASON, details.parked_reason.as_ref()),
        (NEEDS_INPUT_FROM, details.needs_input_from.as_ref()),
        (SPLIT_FROM, details.split_from.as_ref()),
        (SPLIT_FROM_TITLE, details.split_from_title.as_ref()),
        (JIRA_KEY, details.jira_key.as_ref()),
        (OBJECTIVE_ID, details.objective_id.as_ref()),
        (PERSONA_ID, details.persona_id.as_ref()),
    ];
    for (key, value) in texts {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            tx.put(obj, key, value.as_str())?;
        }
    }
    if !details.notes_private {
        tx.put(obj, NOTES_PRIVATE, false)?;
    }
    for flag in &details.flags {
        tx.put(obj, flag.key(), true)?;
    }
    for (key, members) in [
        (LABELS, &details.labels),
        (DEPENDS_ON, &details.depends_on),
        (READY_CHECKS, &details.ready_checks),
    ] {
        if !members.is_empty() {
            let set = tx.put_object(obj, key, ObjType::Map)?;
            for member in members {
                tx.put(&set, member.as_str(), true)?;
            }
        }
    }
    let w = &details.wsjf;
    let parts = [
        (WSJF_VALUE, w.value),
        (WSJF_TIME_CRITICALITY, w.time_criticality),
        (WSJF_RISK_REDUCTION, w.risk_reduction),
        (WSJF_JOB_SIZE, w.job_size),
    ];
    if parts.iter().any(|(_, v)| v.is_some()) {
        let wsjf = tx.put_object(obj, WSJF, ObjType::Map)?;
        for (key, value) in parts {
            if let Some(v) = value {
                tx.put(&wsjf, key, automerge::ScalarValue::Uint(u64::from(v)))?;
            }
        }
    }
    Ok(())
}

/// A story's comments (with their authors and times) and links (ranked in file order).
fn put_discussion(
    tx: &mut automerge::transaction::Transaction<'_>,
    obj: &automerge::ObjId,
    details: &StoryDetails,
) -> Result<(), CoreError> {
    if !details.comments.is_empty() {
        let comments = tx.put_object(obj, COMMENTS, ObjType::Map)?;
        for c in &details.comments {
            let comment = tx.put_object(&comments, c.id.as_str(), ObjType::Map)?;
            tx.put(&comment, AUTHOR, c.author.as_str())?;
            tx.put(&comment, AT, c.at)?;
            tx.put(&comment, TEXT, c.text.as_str())?;
            if let Some(edited) = c.edited_at {
                tx.put(&comment, EDITED_AT, edited)?;
            }
        }
    }
    if !details.links.is_empty() {
        let links = tx.put_object(obj, LINKS, ObjType::Map)?;
        let ranks = Rank::sequence(None, details.links.len());
        for (l, rank) in details.links.iter().zip(ranks) {
            let link = tx.put_object(&links, l.id.as_str(), ObjType::Map)?;
            tx.put(&link, TITLE, l.title.as_str())?;
            tx.put(&link, URL, l.url.trim())?;
            tx.put(&link, RANK, rank.as_string())?;
        }
    }
    Ok(())
}

fn validate(model: &MapModel) -> Result<(), CoreError> {
    clean_title("map", &model.name)?;
    crate::label_colors::check(&model.settings.label_colors)?;
    crate::capacity::check(&model.settings.capacity)?;
    crate::objectives::check(model)?;
    crate::personas::check(model)?;
    crate::crossteam::check(model)?;
    let mut ids = HashSet::new();
    let mut unique = |kind: &str, id: &str| {
        if id.trim().is_empty() {
            return Err(CoreError::InvalidInput(format!("a {kind} has an empty id")));
        }
        if !ids.insert(id.to_owned()) {
            let twice = format!("the id '{id}' is used twice");
            return Err(CoreError::InvalidInput(twice));
        }
        Ok(())
    };
    for activity in &model.activities {
        unique("activity", &activity.id)?;
        clean_title("activity", &activity.title)?;
        for step in &activity.steps {
            unique("step", &step.id)?;
            clean_title("step", &step.title)?;
        }
    }
    for release in &model.releases {
        unique("release slice", &release.id)?;
        clean_title("release slice", &release.title)?;
    }
    let steps: HashSet<&str> = model.step_ids().collect();
    let releases: HashSet<&str> = model.releases.iter().map(|r| r.id.as_str()).collect();
    for story in &model.stories {
        unique("story", &story.id)?;
        clean_title("story", &story.title)
            .map_err(|e| CoreError::InvalidInput(format!("story {}: {e}", story.id)))?;
        if !steps.contains(story.step_id.as_str()) {
            return Err(CoreError::InvalidInput(format!(
                "story '{}' is placed under step '{}', which the map does not have",
                story.title, story.step_id
            )));
        }
        if let Some(estimate) = &story.estimate {
            crate::refine::Estimate::parse(estimate)
                .map_err(|e| CoreError::InvalidInput(format!("story '{}': {e}", story.title)))?;
        }
        if !releases.contains(story.release_id.as_str()) {
            return Err(CoreError::InvalidInput(format!(
                "story '{}' is placed in release slice '{}', which the map does not have",
                story.title, story.release_id
            )));
        }
        check_sizes(story)
            .map_err(|e| CoreError::InvalidInput(format!("story '{}': {e}", story.title)))?;
        let w = &story.details.wsjf;
        for (part, value) in [
            ("user-business value", w.value),
            ("time criticality", w.time_criticality),
            ("risk reduction", w.risk_reduction),
            ("job size", w.job_size),
        ] {
            crate::refine::check_part(part, value)
                .map_err(|e| CoreError::InvalidInput(format!("story '{}': {e}", story.title)))?;
        }
    }
    validate_dependencies(model)
}

/// Every dependency names a story of the file, and the links have no cycle.
fn validate_dependencies(model: &MapModel) -> Result<(), CoreError> {
    let ids: HashSet<&str> = model.stories.iter().map(|s| s.id.as_str()).collect();
    let mut links: std::collections::HashMap<String, Vec<String>> = Default::default();
    for story in &model.stories {
        for dependency in &story.details.depends_on {
            if !ids.contains(dependency.as_str()) {
                return Err(CoreError::InvalidInput(format!(
                    "story '{}' depends on '{dependency}', which the map does not have",
                    story.title
                )));
            }
            if let Some(cycle) = crate::refine::find_cycle(
                |id| links.get(id).map_or(&[][..], Vec::as_slice),
                &story.id,
                dependency,
            ) {
                return Err(CoreError::InvalidInput(format!(
                    "the dependencies make a cycle: {}",
                    cycle.join(" → ")
                )));
            }
            links
                .entry(story.id.clone())
                .or_default()
                .push(dependency.clone());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::large_map;

    #[test]
    fn import_keeps_ids_and_display_order() {
        let model = large_map(40, 30);
        let map = MapImport::build(&model, "m-new", "ana", 1).unwrap();
        let read = map.read().unwrap();
        assert_eq!(read.id, "m-new");
        let titles = |m: &MapModel| {
            m.stories
                .iter()
                .map(|s| (s.id.clone(), s.title.clone(), s.description.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(&read), titles(&model));
        assert_eq!(read.activities.len(), model.activities.len());
    }

    #[test]
    fn import_refuses_dangling_and_duplicate_ids() {
        let mut model = large_map(5, 0);
        model.stories[0].step_id = "ghost".into();
        let err = MapImport::build(&model, "m", "ana", 1).err().unwrap();
        assert!(err.to_string().contains("step 'ghost'"), "{err}");

        let mut model = large_map(5, 0);
        model.stories[1].id = model.stories[0].id.clone();
        let err = MapImport::build(&model, "m", "ana", 1).err().unwrap();
        assert!(err.to_string().contains("used twice"), "{err}");
    }

    #[test]
    fn import_refuses_bad_refinement_data_by_story() {
        let refused = |change: &dyn Fn(&mut MapModel)| {
            let mut model = large_map(3, 0);
            change(&mut model);
            MapImport::build(&model, "m", "ana", 1)
                .err()
                .unwrap()
                .to_string()
        };
        let title = large_map(3, 0).stories[0].title.clone();
        assert_eq!(
            refused(&|m| m.stories[0].estimate = Some("4".into())),
            format!("story '{title}': '4' is not an estimate: use story points (0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100), ? or a T-shirt size (XS, S, M, L, XL, XXL)")
        );
        assert_eq!(
            refused(&|m| m.stories[0].details.wsjf.value = Some(4)),
            format!(
                "story '{title}': user-business value must be one of 1, 2, 3, 5, 8, 13, 20 (got 4)"
            )
        );
        assert_eq!(
            refused(&|m| m.stories[0].details.depends_on = vec!["ghost".into()]),
            format!("story '{title}' depends on 'ghost', which the map does not have")
        );
        let cycle = refused(&|m| {
            let (a, b) = (m.stories[0].id.clone(), m.stories[1].id.clone());
            m.stories[0].details.depends_on = vec![b.clone()];
            m.stories[1].details.depends_on = vec![a];
        });
        assert!(
            cycle.starts_with("the dependencies make a cycle: "),
            "{cycle}"
        );
    }
}
