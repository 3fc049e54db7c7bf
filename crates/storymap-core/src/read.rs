//! Reading the map document into the [`MapModel`], tolerant of values a newer or buggy
//! peer may have written: a missing or mistyped field reads as a default, never a panic.

use std::collections::{HashMap, HashSet};

use automerge::{ObjId, ReadDoc};

use crate::comments::{read_comments, read_links};
use crate::model::{
    AcceptanceCriterion, Activity, MapModel, ReleaseSlice, Step, Story, StoryDetails, StoryStatus,
};
pub(crate) use crate::read_fields::{
    all_maps, bool_field, entries, entries_of, holder, int_field, is_deleted, keys_in_all,
    map_field, non_empty, parse_rank, sorted, str_field, Fields,
};
pub(crate) use crate::read_settings::read_settings;
use crate::refine::WsjfInputs;
use crate::schema::*;
use crate::{CoreError, Rank, StoryFlag};

/// The members of a map used as a set (`{ key: true }`) in all its copies, sorted; a
/// member's copies agree, as removals write into each copy holding it.
pub(crate) fn key_set<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Vec<String> {
    members(doc, &all_maps(doc, obj, key))
}

/// The members of a set's copies (see [`key_set`]).
pub(crate) fn members<R: ReadDoc>(doc: &R, copies: &[ObjId]) -> Vec<String> {
    match copies {
        [] => Vec::new(),
        [set] => {
            let mut keys: Vec<String> = doc.keys(set).filter(|k| bool_field(doc, set, k)).collect();
            keys.sort();
            keys
        }
        _ => keys_in_all(doc, copies)
            .into_iter()
            .filter(|k| holder(doc, copies, k).is_some_and(|set| bool_field(doc, set, k)))
            .collect(),
    }
}

/// How many keys all copies of a map hold together.
pub(crate) fn key_count<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> usize {
    keys_in_all(doc, &all_maps(doc, obj, key)).len()
}

fn wsjf_part<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Option<u8> {
    int_field(doc, obj, key)
        .and_then(|v| u8::try_from(v).ok())
        .filter(|v| crate::refine::WSJF_SCALE.contains(v))
}

/// A story's WSJF parts; a part off the scale reads as unscored.
pub(crate) fn read_wsjf<R: ReadDoc>(doc: &R, obj: &ObjId) -> WsjfInputs {
    wsjf_of(doc, &all_maps(doc, obj, WSJF))
}

fn wsjf_of<R: ReadDoc>(doc: &R, copies: &[ObjId]) -> WsjfInputs {
    let part = |key| holder(doc, copies, key).and_then(|w| wsjf_part(doc, w, key));
    WsjfInputs {
        value: part(WSJF_VALUE),
        time_criticality: part(WSJF_TIME_CRITICALITY),
        risk_reduction: part(WSJF_RISK_REDUCTION),
        job_size: part(WSJF_JOB_SIZE),
    }
}

fn read_details<R: ReadDoc>(doc: &R, obj: &ObjId, fields: &Fields) -> StoryDetails {
    let text = |key| fields.str(doc, key).unwrap_or_default();
    let optional = |key| non_empty(fields.str(doc, key));
    let set = |key| members(doc, &fields.maps(doc, obj, key));
    StoryDetails {
        as_a: text(AS_A),
        i_want: text(I_WANT),
        so_that: text(SO_THAT),
        why: text(WHY),
        notes: text(NOTES),
        // Absent or anything but `false` reads as private: nothing leaks by default.
        notes_private: !fields.is_false(NOTES_PRIVATE),
        labels: set(LABELS),
        flags: StoryFlag::ALL
            .into_iter()
            .filter(|f| fields.bool(f.key()))
            .collect(),
        blocked_reason: optional(BLOCKED_REASON),
        parked_reason: optional(PARKED_REASON),
        needs_input_from: optional(NEEDS_INPUT_FROM),
        wsjf: wsjf_of(doc, &fields.maps(doc, obj, WSJF)),
        depends_on: set(DEPENDS_ON),
        ready_checks: set(READY_CHECKS),
        split_from: optional(SPLIT_FROM),
        split_from_title: optional(SPLIT_FROM_TITLE),
        split_into: set(SPLIT_INTO),
        jira_key: optional(JIRA_KEY),
        objective_id: optional(OBJECTIVE_ID),
        persona_id: optional(PERSONA_ID),
        // Most stories have no discussion: skip the lookups.
        comments: if fields.has(COMMENTS) {
            read_comments(doc, obj)
        } else {
            Vec::new()
        },
        links: if fields.has(LINKS) {
            read_links(doc, obj)
        } else {
            Vec::new()
        },
        external_dependencies: if fields.has(EXTERNAL_DEPENDENCIES) {
            crate::crossteam::read(doc, obj)
        } else {
            Vec::new()
        },
    }
}

/// A rank that fails to parse sorts last rather than hiding the item.
fn rank_field<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Rank {
    parse_rank(str_field(doc, obj, key))
}

/// Checks that a document is a story map this version can read.
pub(crate) fn check_document<R: ReadDoc>(doc: &R) -> Result<(), CoreError> {
    match str_field(doc, &automerge::ROOT, KIND) {
        Some(kind) if kind == DOCUMENT_KIND => {}
        Some(kind) => return Err(CoreError::ForeignDocument(format!("its kind is '{kind}'"))),
        None => return Err(CoreError::ForeignDocument("it has no 'kind' field".into())),
    }
    match int_field(doc, &automerge::ROOT, SCHEMA_VERSION_KEY) {
        // Cast to u64, a negative version read as "schema 18446744073709551615, newer".
        Some(found) if found < 0 => Err(CoreError::ForeignDocument(format!(
            "its schemaVersion is {found}"
        ))),
        Some(found) if (found as u64) > SCHEMA_VERSION => Err(CoreError::NewerSchema {
            found: found as u64,
            supported: SCHEMA_VERSION,
        }),
        Some(_) => Ok(()),
        None => Err(CoreError::ForeignDocument("it has no schemaVersion".into())),
    }
}

pub(crate) fn read_story<R: ReadDoc>(
    doc: &R,
    id: &str,
    obj: &ObjId,
    step_activity: &dyn Fn(&str) -> Option<String>,
) -> Option<Story> {
    let fields = Fields::of(doc, obj);
    // A split story leaves the map; it lives on in its children's lineage.
    if fields.bool(DELETED) || !members(doc, &fields.maps(doc, obj, SPLIT_INTO)).is_empty() {
        return None;
    }
    let step_id = fields.str(doc, STEP_ID)?;
    let activity_id = step_activity(&step_id)?;
    let text = |key| fields.str(doc, key).unwrap_or_default();
    Some(Story {
        id: id.to_owned(),
        title: text(TITLE),
        description: text(DESCRIPTION),
        activity_id,
        step_id,
        release_id: text(RELEASE_ID),
        rank: parse_rank(fields.str(doc, RANK)),
        status: StoryStatus::parse(&text(STATUS)),
        estimate: fields.str(doc, ESTIMATE).filter(|e| !e.is_empty()),
        acceptance_criteria: read_criteria(doc, &fields.maps(doc, obj, ACCEPTANCE_CRITERIA)),
        details: read_details(doc, obj, &fields),
    })
}

/// A story's live criteria from every copy of its criteria map, by rank (ties by id).
fn read_criteria<R: ReadDoc>(doc: &R, copies: &[ObjId]) -> Vec<AcceptanceCriterion> {
    let mut seen = HashSet::new();
    let mut criteria: Vec<(Rank, AcceptanceCriterion)> = copies
        .iter()
        .flat_map(|copy| entries_of(doc, copy))
        .filter(|(id, _)| seen.insert(id.clone()))
        .filter_map(|(id, c)| {
            let fields = Fields::of(doc, &c);
            if fields.bool(DELETED) {
                return None;
            }
            let text = |key| fields.str(doc, key).unwrap_or_default();
            let criterion = AcceptanceCriterion {
                text: text(TEXT),
                done: fields.bool(DONE),
                given: text(GIVEN),
                when: text(WHEN),
                then: text(THEN),
                id,
            };
            Some((parse_rank(fields.str(doc, RANK)), criterion))
        })
        .collect();
    criteria.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    criteria.into_iter().map(|(_, c)| c).collect()
}

/// Steps and slices that hold live stories. A step or slice deleted while a teammate
/// added a story to it stays drawn, so that story never vanishes.
fn occupied<R: ReadDoc>(doc: &R) -> (HashSet<String>, HashSet<String>) {
    let mut steps = HashSet::new();
    let mut releases = HashSet::new();
    for (_, obj) in entries(doc, &automerge::ROOT, STORIES) {
        if is_deleted(doc, &obj) {
            continue;
        }
        steps.extend(str_field(doc, &obj, STEP_ID));
        releases.extend(str_field(doc, &obj, RELEASE_ID));
    }
    (steps, releases)
}

/// Activities with their steps, and release slices, each in display order. Deleted ones
/// are left out unless they still hold live stories (see [`occupied`]).
pub(crate) fn read_outline<R: ReadDoc>(doc: &R) -> (Vec<Activity>, Vec<ReleaseSlice>) {
    let root = automerge::ROOT;
    let deleted_in = |key| {
        entries(doc, &root, key)
            .iter()
            .any(|(_, o)| is_deleted(doc, o))
    };
    // Scanning the stories is only needed once something was deleted.
    let (occupied_steps, occupied_releases) =
        if deleted_in(STEPS) || deleted_in(RELEASES) || deleted_in(ACTIVITIES) {
            occupied(doc)
        } else {
            Default::default()
        };
    let mut steps_by_activity: HashMap<String, Vec<(Rank, String, Step)>> = HashMap::new();
    for (id, obj) in entries(doc, &root, STEPS) {
        if is_deleted(doc, &obj) && !occupied_steps.contains(&id) {
            continue;
        }
        let Some(activity_id) = str_field(doc, &obj, ACTIVITY_ID) else {
            continue;
        };
        let rank = rank_field(doc, &obj, RANK);
        let step = Step {
            id: id.clone(),
            title: str_field(doc, &obj, TITLE).unwrap_or_default(),
            rank: rank.clone(),
        };
        steps_by_activity
            .entry(activity_id)
            .or_default()
            .push((rank, id, step));
    }
    let activities = sorted(
        entries(doc, &root, ACTIVITIES)
            .into_iter()
            .filter_map(|(id, obj)| {
                let rank = rank_field(doc, &obj, RANK);
                let steps = sorted(steps_by_activity.remove(&id).unwrap_or_default());
                if is_deleted(doc, &obj) && steps.is_empty() {
                    return None;
                }
                let activity = Activity {
                    id: id.clone(),
                    title: str_field(doc, &obj, TITLE).unwrap_or_default(),
                    rank: rank.clone(),
                    steps,
                    jira_key: non_empty(str_field(doc, &obj, JIRA_KEY)),
                    persona_id: non_empty(str_field(doc, &obj, PERSONA_ID)),
                };
                Some((rank, id, activity))
            })
            .collect(),
    );
    let releases = sorted(
        entries(doc, &root, RELEASES)
            .into_iter()
            .filter(|(id, obj)| !is_deleted(doc, obj) || occupied_releases.contains(id))
            .map(|(id, obj)| {
                let rank = rank_field(doc, &obj, RANK);
                let release = ReleaseSlice {
                    id: id.clone(),
                    title: str_field(doc, &obj, TITLE).unwrap_or_default(),
                    rank: rank.clone(),
                };
                (rank, id, release)
            })
            .collect(),
    );
    (activities, releases)
}

/// Whether the story's step or release slice is deleted.
pub(crate) fn story_parent_deleted<R: ReadDoc>(doc: &R, story_id: &str) -> bool {
    let root = automerge::ROOT;
    let Some(story) = map_field(doc, &root, STORIES).and_then(|c| map_field(doc, &c, story_id))
    else {
        return false;
    };
    [(STEPS, STEP_ID), (RELEASES, RELEASE_ID)]
        .into_iter()
        .any(|(collection, key)| {
            str_field(doc, &story, key)
                .and_then(|id| {
                    map_field(doc, &root, collection).and_then(|c| map_field(doc, &c, &id))
                })
                .is_some_and(|parent| is_deleted(doc, &parent))
        })
}

/// One story, or `None` when it does not exist or its step is gone.
pub(crate) fn read_one_story<R: ReadDoc>(doc: &R, story_id: &str) -> Option<Story> {
    let root = automerge::ROOT;
    let story = map_field(doc, &root, STORIES).and_then(|c| map_field(doc, &c, story_id))?;
    let steps = map_field(doc, &root, STEPS)?;
    let step_activity = |step_id: &str| {
        map_field(doc, &steps, step_id).and_then(|s| str_field(doc, &s, ACTIVITY_ID))
    };
    read_story(doc, story_id, &story, &step_activity)
}

pub(crate) fn read_map<R: ReadDoc>(doc: &R) -> Result<MapModel, CoreError> {
    check_document(doc)?;
    let root = automerge::ROOT;
    let (activities, releases) = read_outline(doc);
    let step_activity: HashMap<&str, &str> = activities
        .iter()
        .flat_map(|a| a.steps.iter().map(move |s| (s.id.as_str(), a.id.as_str())))
        .collect();
    let lookup = |step_id: &str| step_activity.get(step_id).map(|a| (*a).to_owned());
    let stories: Vec<Story> = entries(doc, &root, STORIES)
        .iter()
        .filter_map(|(id, obj)| read_story(doc, id, obj, &lookup))
        .collect();
    Ok(MapModel::new(
        str_field(doc, &root, MAP_ID).unwrap_or_default(),
        str_field(doc, &root, NAME).unwrap_or_default(),
        activities,
        releases,
        stories,
    )
    .with_settings(read_settings(doc)))
}
