//! The relational projection of a map: written in the same transaction as each change,
//! read to draw a map without loading its Automerge document.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use storymap_core::{
    AcceptanceCriterion, Activity, MapModel, MapSettings, Rank, ReleaseSlice, Step, Story,
    StoryStatus,
};

use crate::StoreError;

/// One map in the map list.
#[derive(Debug, Clone, PartialEq)]
pub struct MapListing {
    pub id: String,
    pub name: String,
    pub story_count: u32,
    pub updated_at: String,
}

pub(crate) fn write_outline(
    db: &Connection,
    map_id: &str,
    activities: &[Activity],
    releases: &[ReleaseSlice],
) -> Result<(), StoreError> {
    db.execute("DELETE FROM outline WHERE map_id = ?1", [map_id])?;
    let mut insert = db.prepare_cached(
        "INSERT INTO outline (map_id, id, kind, parent_id, title, rank, position, jira_key, persona_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (position, activity) in activities.iter().enumerate() {
        insert.execute(params![
            map_id,
            activity.id,
            "activity",
            None::<&str>,
            activity.title,
            activity.rank.as_string(),
            position as i64,
            activity.jira_key,
            activity.persona_id
        ])?;
        for (position, step) in activity.steps.iter().enumerate() {
            insert.execute(params![
                map_id,
                step.id,
                "step",
                activity.id,
                step.title,
                step.rank.as_string(),
                position as i64,
                None::<&str>,
                None::<&str>
            ])?;
        }
    }
    for (position, release) in releases.iter().enumerate() {
        insert.execute(params![
            map_id,
            release.id,
            "release",
            None::<&str>,
            release.title,
            release.rank.as_string(),
            position as i64,
            None::<&str>,
            None::<&str>
        ])?;
    }
    Ok(())
}

pub(crate) fn upsert_story(db: &Connection, map_id: &str, story: &Story) -> Result<(), StoreError> {
    db.prepare_cached(
        "INSERT OR REPLACE INTO stories
           (map_id, id, title, description, activity_id, step_id, release_id, rank, status, estimate, details)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        map_id,
        story.id,
        story.title,
        story.description,
        story.activity_id,
        story.step_id,
        story.release_id,
        story.rank.as_string(),
        story.status.as_str(),
        story.estimate,
        serde_json::to_string(&story.details).expect("story details serialize"),
    ])?;
    db.prepare_cached("DELETE FROM acceptance_criteria WHERE map_id = ?1 AND story_id = ?2")?
        .execute(params![map_id, story.id])?;
    let mut insert = db.prepare_cached(
        r#"INSERT INTO acceptance_criteria (map_id, story_id, id, text, done, position, given, "when", "then")
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"#,
    )?;
    for (position, criterion) in story.acceptance_criteria.iter().enumerate() {
        insert.execute(params![
            map_id,
            story.id,
            criterion.id,
            criterion.text,
            criterion.done,
            position as i64,
            criterion.given,
            criterion.when,
            criterion.then,
        ])?;
    }
    Ok(())
}

/// `true` when the story was there.
pub(crate) fn delete_story(
    db: &Connection,
    map_id: &str,
    story_id: &str,
) -> Result<bool, StoreError> {
    let deleted = db
        .prepare_cached("DELETE FROM stories WHERE map_id = ?1 AND id = ?2")?
        .execute(params![map_id, story_id])?;
    Ok(deleted > 0)
}

/// Whether the projection holds the story: what an upsert adds to the story count.
pub(crate) fn has_story(db: &Connection, map_id: &str, story_id: &str) -> Result<bool, StoreError> {
    Ok(db
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM stories WHERE map_id = ?1 AND id = ?2)")?
        .query_row(params![map_id, story_id], |row| row.get(0))?)
}

/// Replaces the whole projection of a map (after an import or a merge from elsewhere).
pub(crate) fn write_all(db: &Connection, model: &MapModel) -> Result<(), StoreError> {
    write_outline(db, &model.id, &model.activities, &model.releases)?;
    write_settings(db, &model.id, &model.settings)?;
    db.execute("DELETE FROM stories WHERE map_id = ?1", [&model.id])?;
    for story in &model.stories {
        upsert_story(db, &model.id, story)?;
    }
    Ok(())
}

/// Refreshes the listing columns of `maps` after an edit that added `added` stories (less
/// those it removed): counting every story again would cost the map on every edit.
pub(crate) fn touch_listing_by(
    db: &Connection,
    map_id: &str,
    name: &str,
    now: &str,
    added: i64,
) -> Result<(), StoreError> {
    db.prepare_cached(
        "UPDATE maps SET name = ?2, updated_at = ?3, story_count = story_count + ?4 WHERE id = ?1",
    )?
    .execute(params![map_id, name, now, added])?;
    Ok(())
}

/// Refreshes the listing columns of `maps`, counting the stories.
pub(crate) fn touch_listing(
    db: &Connection,
    map_id: &str,
    name: &str,
    now: &str,
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE maps SET name = ?2, updated_at = ?3,
           story_count = (SELECT count(*) FROM stories WHERE map_id = ?1)
         WHERE id = ?1",
        params![map_id, name, now],
    )?;
    Ok(())
}

/// The release slices in display order.
pub(crate) fn read_releases(
    db: &Connection,
    map_id: &str,
) -> Result<Vec<ReleaseSlice>, StoreError> {
    let mut query = db.prepare_cached(
        "SELECT id, title, rank FROM outline WHERE map_id = ?1 AND kind = 'release' ORDER BY position",
    )?;
    let rows = query.query_map([map_id], |row| {
        Ok(ReleaseSlice {
            id: row.get(0)?,
            title: row.get(1)?,
            rank: rank(row.get(2)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Writes the map's refinement settings (JSON; defaults when never changed).
pub(crate) fn write_settings(
    db: &Connection,
    map_id: &str,
    settings: &MapSettings,
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE maps SET settings = ?2 WHERE id = ?1",
        params![
            map_id,
            serde_json::to_string(settings).expect("settings serialize")
        ],
    )?;
    Ok(())
}

/// Projection JSON written by this version; unreadable JSON (a damaged row) reads as the
/// defaults rather than hiding the story.
fn from_json<T: serde::de::DeserializeOwned + Default>(json: Option<String>) -> T {
    json.and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default()
}

fn rank(text: String) -> Rank {
    Rank::parse(&text).unwrap_or_else(|_| Rank::first())
}

/// The map's activities (with their steps) and release slices, each in rank order.
fn read_outline(
    db: &Connection,
    map_id: &str,
) -> Result<(Vec<Activity>, Vec<ReleaseSlice>), StoreError> {
    let mut activities: Vec<Activity> = Vec::new();
    let mut steps: HashMap<String, Vec<(i64, Step)>> = HashMap::new();
    let mut releases: Vec<(i64, ReleaseSlice)> = Vec::new();
    let mut activity_rows: Vec<(i64, Activity)> = Vec::new();
    let mut query = db.prepare_cached(
        "SELECT id, kind, parent_id, title, rank, position, jira_key, persona_id
         FROM outline WHERE map_id = ?1",
    )?;
    let rows = query.query_map([map_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, Option<String>>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, i64>(5)?,
            row.get::<_, Option<String>>(6)?,
            row.get::<_, Option<String>>(7)?,
        ))
    })?;
    for row in rows {
        let (id, kind, parent, title, rank_text, position, jira_key, persona_id) = row?;
        match kind.as_str() {
            "activity" => activity_rows.push((
                position,
                Activity {
                    id,
                    title,
                    rank: rank(rank_text),
                    steps: Vec::new(),
                    jira_key,
                    persona_id,
                },
            )),
            "step" => steps.entry(parent.unwrap_or_default()).or_default().push((
                position,
                Step {
                    id,
                    title,
                    rank: rank(rank_text),
                },
            )),
            _ => releases.push((
                position,
                ReleaseSlice {
                    id,
                    title,
                    rank: rank(rank_text),
                },
            )),
        }
    }
    activity_rows.sort_by_key(|(p, _)| *p);
    for (_, mut activity) in activity_rows {
        let mut own = steps.remove(&activity.id).unwrap_or_default();
        own.sort_by_key(|(p, _)| *p);
        activity.steps = own.into_iter().map(|(_, s)| s).collect();
        activities.push(activity);
    }
    releases.sort_by_key(|(p, _)| *p);
    Ok((activities, releases.into_iter().map(|(_, r)| r).collect()))
}

/// Every story's acceptance criteria, by story, with their positions.
fn read_criteria(
    db: &Connection,
    map_id: &str,
) -> Result<HashMap<String, Vec<(i64, AcceptanceCriterion)>>, StoreError> {
    let mut criteria: HashMap<String, Vec<(i64, AcceptanceCriterion)>> = HashMap::new();
    let mut query = db.prepare_cached(
        r#"SELECT story_id, id, text, done, position, given, "when", "then"
         FROM acceptance_criteria WHERE map_id = ?1"#,
    )?;
    for row in query.query_map([map_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i64>(4)?,
            AcceptanceCriterion {
                id: row.get(1)?,
                text: row.get(2)?,
                done: row.get(3)?,
                given: row.get(5)?,
                when: row.get(6)?,
                then: row.get(7)?,
            },
        ))
    })? {
        let (story_id, position, criterion) = row?;
        criteria
            .entry(story_id)
            .or_default()
            .push((position, criterion));
    }

    Ok(criteria)
}

/// The map's stories, each with its criteria in order.
fn read_stories(db: &Connection, map_id: &str) -> Result<Vec<Story>, StoreError> {
    let mut criteria = read_criteria(db, map_id)?;
    let mut query = db.prepare_cached(
        "SELECT id, title, description, activity_id, step_id, release_id, rank, status, estimate, details
         FROM stories WHERE map_id = ?1",
    )?;
    let stories = query
        .query_map([map_id], |row| {
            Ok(Story {
                id: row.get(0)?,
                title: row.get(1)?,
                description: row.get(2)?,
                activity_id: row.get(3)?,
                step_id: row.get(4)?,
                release_id: row.get(5)?,
                rank: rank(row.get(6)?),
                status: StoryStatus::parse(&row.get::<_, String>(7)?),
                estimate: row.get(8)?,
                acceptance_criteria: Vec::new(),
                details: from_json(row.get(9)?),
            })
        })?
        .map(|row| {
            let mut story = row?;
            if let Some(mut own) = criteria.remove(&story.id) {
                own.sort_by_key(|(p, _)| *p);
                story.acceptance_criteria = own.into_iter().map(|(_, c)| c).collect();
            }
            Ok(story)
        })
        .collect::<Result<Vec<_>, rusqlite::Error>>()?;

    Ok(stories)
}

pub(crate) fn read_model(db: &Connection, map_id: &str) -> Result<MapModel, StoreError> {
    let (name, settings): (String, Option<String>) = db
        .query_row(
            "SELECT name, settings FROM maps WHERE id = ?1",
            [map_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| StoreError::MapNotFound(map_id.to_owned()))?;

    let (activities, releases) = read_outline(db, map_id)?;
    let stories = read_stories(db, map_id)?;
    Ok(
        MapModel::new(map_id.to_owned(), name, activities, releases, stories)
            .with_settings(from_json(settings)),
    )
}

pub(crate) fn list_maps(db: &Connection) -> Result<Vec<MapListing>, StoreError> {
    let mut query = db.prepare_cached(
        "SELECT id, name, story_count, updated_at FROM maps ORDER BY updated_at DESC, name",
    )?;
    let rows = query.query_map([], |row| {
        Ok(MapListing {
            id: row.get(0)?,
            name: row.get(1)?,
            story_count: row.get(2)?,
            updated_at: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
