//! Reading the map document into the [`MapModel`], tolerant of values a newer or buggy
//! peer may have written: a missing or mistyped field reads as a default, never a panic.

use std::collections::{HashMap, HashSet};

use automerge::{ObjId, ReadDoc, Value};

use crate::comments::{read_comments, read_links};
use crate::model::{
    AcceptanceCriterion, Activity, MapModel, MapSettings, ReleaseSlice, Step, Story, StoryDetails,
    StoryStatus,
};
pub(crate) use crate::read_fields::{
    bool_field, entries, int_field, is_deleted, map_field, str_field,
};
use crate::refine::{DorItem, DorRule, WsjfInputs};
use crate::schema::*;
use crate::{CoreError, Rank, StoryFlag};

fn f64_field<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Option<f64> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(s), _) => s.as_f64(),
        _ => None,
    }
}

/// The keys of a map used as a set (`{ key: true }`), sorted.
pub(crate) fn key_set<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Vec<String> {
    let Some(set) = map_field(doc, obj, key) else {
        return Vec::new();
    };
    let mut keys: Vec<String> = doc
        .keys(&set)
        .filter(|k| bool_field(doc, &set, k))
        .collect();
    keys.sort();
    keys
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

fn wsjf_part<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Option<u8> {
    int_field(doc, obj, key)
        .and_then(|v| u8::try_from(v).ok())
        .filter(|v| crate::refine::WSJF_SCALE.contains(v))
}

/// A story's WSJF parts; a part off the scale reads as unscored.
pub(crate) fn read_wsjf<R: ReadDoc>(doc: &R, obj: &ObjId) -> WsjfInputs {
    let wsjf = map_field(doc, obj, WSJF);
    let part = |key| wsjf.as_ref().and_then(|w| wsjf_part(doc, w, key));
    WsjfInputs {
        value: part(WSJF_VALUE),
        time_criticality: part(WSJF_TIME_CRITICALITY),
        risk_reduction: part(WSJF_RISK_REDUCTION),
        job_size: part(WSJF_JOB_SIZE),
    }
}

fn read_details<R: ReadDoc>(doc: &R, obj: &ObjId) -> StoryDetails {
    let text = |key| str_field(doc, obj, key).unwrap_or_default();
    StoryDetails {
        as_a: text(AS_A),
        i_want: text(I_WANT),
        so_that: text(SO_THAT),
        why: text(WHY),
        notes: text(NOTES),
        // Absent or anything but `false` reads as private: nothing leaks by default.
        notes_private: !matches!(
            doc.get(obj, NOTES_PRIVATE),
            Ok(Some((Value::Scalar(s), _))) if s.as_bool() == Some(false)
        ),
        labels: key_set(doc, obj, LABELS),
        flags: StoryFlag::ALL
            .into_iter()
            .filter(|f| bool_field(doc, obj, f.key()))
            .collect(),
        blocked_reason: non_empty(str_field(doc, obj, BLOCKED_REASON)),
        parked_reason: non_empty(str_field(doc, obj, PARKED_REASON)),
        needs_input_from: non_empty(str_field(doc, obj, NEEDS_INPUT_FROM)),
        wsjf: read_wsjf(doc, obj),
        depends_on: key_set(doc, obj, DEPENDS_ON),
        ready_checks: key_set(doc, obj, READY_CHECKS),
        split_from: non_empty(str_field(doc, obj, SPLIT_FROM)),
        split_from_title: non_empty(str_field(doc, obj, SPLIT_FROM_TITLE)),
        split_into: key_set(doc, obj, SPLIT_INTO),
        jira_key: non_empty(str_field(doc, obj, JIRA_KEY)),
        comments: read_comments(doc, obj),
        links: read_links(doc, obj),
    }
}

/// The map's settings; a map that never changed them reads the defaults.
pub(crate) fn read_settings<R: ReadDoc>(doc: &R) -> MapSettings {
    let mut settings = MapSettings::default();
    let Some(obj) = map_field(doc, &automerge::ROOT, SETTINGS) else {
        return settings;
    };
    if let Some(limit) = f64_field(doc, &obj, SMALL_LIMIT).filter(|l| l.is_finite() && *l > 0.0) {
        settings.small_limit = limit;
    }
    if let Some(sizes) = map_field(doc, &obj, TSHIRT_POINTS) {
        for (size, points) in settings.tshirt_points.0.iter_mut() {
            if let Some(p) =
                f64_field(doc, &sizes, size.as_str()).filter(|p| p.is_finite() && *p >= 0.0)
            {
                *points = p;
            }
        }
    }
    if let Some(labels) = map_field(doc, &obj, STATUS_LABELS) {
        for (status, label) in settings.status_labels.iter_mut() {
            if let Some(name) = non_empty(str_field(doc, &labels, status.as_str())) {
                *label = name;
            }
        }
    }
    settings.label_colors = crate::label_colors::read(doc, &obj);
    settings.capacity = crate::capacity::read(doc, &obj);
    if map_field(doc, &obj, DEFINITION_OF_READY).is_some() {
        let items = entries(doc, &obj, DEFINITION_OF_READY)
            .into_iter()
            .filter(|(_, item)| !is_deleted(doc, item))
            .map(|(id, item)| {
                let dor = DorItem {
                    text: str_field(doc, &item, TEXT).unwrap_or_default(),
                    rule: str_field(doc, &item, RULE).and_then(|r| DorRule::parse(&r)),
                    id: id.clone(),
                };
                (rank_field(doc, &item, RANK), id, dor)
            })
            .collect();
        settings.definition_of_ready = sorted(items);
    }
    settings
}

/// A rank that fails to parse sorts last rather than hiding the item.
fn rank_field<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Rank {
    str_field(doc, obj, key)
        .and_then(|text| Rank::parse(&text).ok())
        .unwrap_or_else(Rank::last_resort)
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
    // A split story leaves the map; it lives on in its children's lineage.
    if is_deleted(doc, obj) || !key_set(doc, obj, SPLIT_INTO).is_empty() {
        return None;
    }
    let step_id = str_field(doc, obj, STEP_ID)?;
    let activity_id = step_activity(&step_id)?;
    let mut criteria: Vec<(Rank, AcceptanceCriterion)> = entries(doc, obj, ACCEPTANCE_CRITERIA)
        .into_iter()
        .filter(|(_, c)| !is_deleted(doc, c))
        .map(|(id, c)| {
            let criterion = AcceptanceCriterion {
                text: str_field(doc, &c, TEXT).unwrap_or_default(),
                done: bool_field(doc, &c, DONE),
                given: str_field(doc, &c, GIVEN).unwrap_or_default(),
                when: str_field(doc, &c, WHEN).unwrap_or_default(),
                then: str_field(doc, &c, THEN).unwrap_or_default(),
                id,
            };
            (rank_field(doc, &c, RANK), criterion)
        })
        .collect();
    criteria.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    Some(Story {
        id: id.to_owned(),
        title: str_field(doc, obj, TITLE).unwrap_or_default(),
        description: str_field(doc, obj, DESCRIPTION).unwrap_or_default(),
        activity_id,
        step_id,
        release_id: str_field(doc, obj, RELEASE_ID).unwrap_or_default(),
        rank: rank_field(doc, obj, RANK),
        status: StoryStatus::parse(&str_field(doc, obj, STATUS).unwrap_or_default()),
        estimate: str_field(doc, obj, ESTIMATE).filter(|e| !e.is_empty()),
        acceptance_criteria: criteria.into_iter().map(|(_, c)| c).collect(),
        details: read_details(doc, obj),
    })
}

fn sorted<T>(mut items: Vec<(Rank, String, T)>) -> Vec<T> {
    items.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    items.into_iter().map(|(_, _, t)| t).collect()
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
