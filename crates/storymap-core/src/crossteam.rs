//! Cross-team dependencies: a story that waits on another team's item — the team, their
//! item (a key or a title), the slice of this map or the date it is needed by, and where
//! the ask stands (asked, agreed, done) — and the warnings a POPM needs before a session.
//!
//! In the document each is an entry of the story's `externalDependencies` map (keyed by id,
//! ranked in the order added; deletes are flags), made on first use like `links`.

use automerge::{ObjId, ReadDoc};
use chrono::NaiveDate;

use crate::read_fields::{entries, is_deleted, str_field};
use crate::schema::*;
use crate::{CoreError, MapModel, Rank, Story, StoryStatus};

/// A story rarely waits on more than a few teams; this bounds a hostile file.
pub const MAX_EXTERNAL_PER_STORY: usize = 20;
pub const MAX_TEAM_CHARS: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ExternalStatus {
    Asked,
    Agreed,
    Done,
}

impl ExternalStatus {
    pub const ALL: [ExternalStatus; 3] = [Self::Asked, Self::Agreed, Self::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asked => "asked",
            Self::Agreed => "agreed",
            Self::Done => "done",
        }
    }

    /// Anything else (a newer version's value) reads as asked: the cautious reading.
    pub fn parse(text: &str) -> ExternalStatus {
        match text {
            "agreed" => Self::Agreed,
            "done" => Self::Done,
            _ => Self::Asked,
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ExternalDependency {
    pub id: String,
    pub team: String,
    /// Their item: a key ("PAY-88") or a title.
    pub item: String,
    /// A release slice id of this map, or a date `YYYY-MM-DD`.
    pub needed_by: Option<String>,
    pub status: ExternalStatus,
}

/// When a dependency is needed, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeededBy<'a> {
    Slice(&'a str),
    Date(NaiveDate),
}

impl ExternalDependency {
    pub fn needed_by(&self) -> Option<NeededBy<'_>> {
        let text = self.needed_by.as_deref()?;
        Some(match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => NeededBy::Date(date),
            Err(_) => NeededBy::Slice(text),
        })
    }

    pub fn is_open(&self) -> bool {
        self.status != ExternalStatus::Done
    }
}

/// `needed_by` as stored: a release slice (`is_slice`), or a real date; empty means none.
pub fn check_needed_by(
    is_slice: impl Fn(&str) -> bool,
    needed_by: Option<&str>,
) -> Result<Option<String>, CoreError> {
    let Some(text) = needed_by.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok();
    if date || is_slice(text) {
        return Ok(Some(text.to_owned()));
    }
    Err(CoreError::InvalidInput(format!(
        "'needed by' is a release slice of the map or a date like 2027-03-31 (got '{text}')"
    )))
}

/// The story's live cross-team dependencies in the order they were added.
pub(crate) fn read<R: ReadDoc>(doc: &R, story: &ObjId) -> Vec<ExternalDependency> {
    let mut found: Vec<(Rank, ExternalDependency)> = entries(doc, story, EXTERNAL_DEPENDENCIES)
        .into_iter()
        .filter(|(_, d)| !is_deleted(doc, d))
        .map(|(id, d)| {
            let text = |key| str_field(doc, &d, key).unwrap_or_default();
            let rank = Rank::parse(&text(RANK)).unwrap_or_else(|_| Rank::last_resort());
            let needed_by = Some(text(NEEDED_BY)).filter(|t| !t.is_empty());
            let dependency = ExternalDependency {
                team: text(TEAM),
                item: text(ITEM),
                needed_by,
                status: ExternalStatus::parse(&text(STATUS)),
                id,
            };
            (rank, dependency)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    found.into_iter().map(|(_, d)| d).collect()
}

/// Writes a file's cross-team dependencies into a new story, ranked in file order.
pub(crate) fn put(
    tx: &mut automerge::transaction::Transaction<'_>,
    story: &ObjId,
    dependencies: &[ExternalDependency],
) -> Result<(), CoreError> {
    use automerge::transaction::Transactable;
    if dependencies.is_empty() {
        return Ok(());
    }
    let container = tx.put_object(story, EXTERNAL_DEPENDENCIES, automerge::ObjType::Map)?;
    let ranks = Rank::sequence(None, dependencies.len());
    for (d, rank) in dependencies.iter().zip(ranks) {
        let entry = tx.put_object(&container, d.id.as_str(), automerge::ObjType::Map)?;
        tx.put(&entry, TEAM, d.team.as_str())?;
        tx.put(&entry, ITEM, d.item.as_str())?;
        if let Some(needed_by) = &d.needed_by {
            tx.put(&entry, NEEDED_BY, needed_by.as_str())?;
        }
        tx.put(&entry, STATUS, d.status.as_str())?;
        tx.put(&entry, RANK, rank.as_string())?;
    }
    Ok(())
}

/// A file's cross-team dependencies: a few per story, each with a team and an item, needed
/// by a slice of the file or a date, under an id of its own.
pub(crate) fn check(model: &MapModel) -> Result<(), CoreError> {
    let is_slice = |id: &str| model.releases.iter().any(|r| r.id == id);
    for story in &model.stories {
        let list = &story.details.external_dependencies;
        let problem =
            |what: String| CoreError::InvalidInput(format!("story '{}': {what}", story.title));
        if list.len() > MAX_EXTERNAL_PER_STORY {
            return Err(problem(format!(
                "it waits on {} other teams' items; at most {MAX_EXTERNAL_PER_STORY}",
                list.len()
            )));
        }
        let mut ids = std::collections::HashSet::new();
        for d in list {
            if d.id.trim().is_empty() || !ids.insert(d.id.as_str()) {
                return Err(problem(
                    "a cross-team dependency id is empty or used twice".into(),
                ));
            }
            crate::edit::shared::required("team", &d.team, MAX_TEAM_CHARS)
                .map_err(|e| problem(e.to_string()))?;
            crate::edit::shared::required("their item", &d.item, crate::limits::MAX_TITLE_CHARS)
                .map_err(|e| problem(e.to_string()))?;
            check_needed_by(is_slice, d.needed_by.as_deref())
                .map_err(|e| problem(e.to_string()))?;
        }
    }
    Ok(())
}

/// What a POPM should hear about `story`'s cross-team dependencies on `today`:
/// - planned before delivery: not done, needed by a slice that comes after the story's own
///   (the other team delivers later than the story is planned);
/// - not agreed in time: still only asked, and needed within one sprint of `today` (or
///   already past), or needed by the story's slice or an earlier one.
pub fn crossteam_warnings(model: &MapModel, story: &Story, today: NaiveDate) -> Vec<String> {
    if story.details.external_dependencies.is_empty() || story.status == StoryStatus::Done {
        return Vec::new();
    }
    let position = |id: &str| model.releases.iter().position(|r| r.id == id);
    let title = |id: &str| {
        let slice = model.releases.iter().find(|r| r.id == id);
        slice.map_or(id.to_owned(), |r| r.title.clone())
    };
    let own = position(&story.release_id);
    let sprint_days = i64::from(model.settings.capacity.sprint_length_days);
    let mut warnings = Vec::new();
    for d in story
        .details
        .external_dependencies
        .iter()
        .filter(|d| d.is_open())
    {
        match d.needed_by() {
            Some(NeededBy::Slice(slice)) => {
                if let (Some(own), Some(theirs)) = (own, position(slice)) {
                    if own < theirs {
                        warnings.push(format!(
                            "Planned in {} but {} delivers '{}' with {} ({})",
                            title(&story.release_id),
                            d.team,
                            d.item,
                            title(slice),
                            d.status.as_str()
                        ));
                    } else if d.status == ExternalStatus::Asked {
                        warnings.push(format!(
                            "Nothing agreed with {} on '{}', needed by {}",
                            d.team,
                            d.item,
                            title(slice)
                        ));
                    }
                }
            }
            Some(NeededBy::Date(date)) if d.status == ExternalStatus::Asked => {
                let days = (date - today).num_days();
                if days <= sprint_days {
                    warnings.push(format!(
                        "Nothing agreed with {} on '{}', needed by {date}",
                        d.team, d.item
                    ));
                }
            }
            _ => {}
        }
    }
    warnings
}

/// Each open one of `story`'s, as the update says it.
pub fn open_lines<'m>(model: &'m MapModel, story: &'m Story) -> impl Iterator<Item = String> + 'm {
    let open = story
        .details
        .external_dependencies
        .iter()
        .filter(|d| d.is_open());
    open.map(move |d| open_line(model, story, d))
}

/// "'Pay by card' waits on Payments for 'PSP contract' (asked, needed by MVP)".
pub fn open_line(model: &MapModel, story: &Story, d: &ExternalDependency) -> String {
    let needed = match d.needed_by() {
        Some(NeededBy::Slice(id)) => {
            let slice = model.releases.iter().find(|r| r.id == id);
            format!(", needed by {}", slice.map_or(id, |r| r.title.as_str()))
        }
        Some(NeededBy::Date(date)) => format!(", needed by {date}"),
        None => String::new(),
    };
    format!(
        "'{}' waits on {} for '{}' ({}{needed})",
        story.title,
        d.team,
        d.item,
        d.status.as_str()
    )
}
