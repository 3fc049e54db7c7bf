//! The edits of refinement: a story's why and narrative, status and flags, estimate, WSJF,
//! labels, dependencies, Definition-of-Ready ticks, acceptance criteria, splitting, and
//! the map's refinement settings. Each is one transaction recording its writes for undo.

use std::collections::HashMap;

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ReadDoc, ScalarValue, ROOT};

use crate::edit::{clean_title, live, place, siblings, siblings_in, slot_ranks, title_of};
use crate::history::{Entity, Recorder};
use crate::read::{bool_field, entries, is_deleted, key_set, map_field, str_field};
use crate::refine::{check_part, find_cycle, Estimate, TShirt};
use crate::schema::*;
use crate::{CoreError, Rank, StoryStatus};

/// A story's free-text fields. `Description` is Automerge Text (character-level merging);
/// the others are replaced whole. Empty text clears a field (and lifts a block or parking).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryField {
    AsA,
    IWant,
    SoThat,
    Why,
    Notes,
    Description,
    BlockedReason,
    ParkedReason,
    NeedsInputFrom,
}

impl StoryField {
    fn key(self) -> &'static str {
        match self {
            StoryField::AsA => AS_A,
            StoryField::IWant => I_WANT,
            StoryField::SoThat => SO_THAT,
            StoryField::Why => WHY,
            StoryField::Notes => NOTES,
            StoryField::Description => DESCRIPTION,
            StoryField::BlockedReason => BLOCKED_REASON,
            StoryField::ParkedReason => PARKED_REASON,
            StoryField::NeedsInputFrom => NEEDS_INPUT_FROM,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            StoryField::AsA => "'As a'",
            StoryField::IWant => "'I want'",
            StoryField::SoThat => "'So that'",
            StoryField::Why => "why it matters",
            StoryField::Notes => "notes",
            StoryField::Description => "description",
            StoryField::BlockedReason => "blocker",
            StoryField::ParkedReason => "parking reason",
            StoryField::NeedsInputFrom => "needs input from",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WsjfPart {
    Value,
    TimeCriticality,
    RiskReduction,
    JobSize,
}

impl WsjfPart {
    fn key(self) -> &'static str {
        match self {
            WsjfPart::Value => WSJF_VALUE,
            WsjfPart::TimeCriticality => WSJF_TIME_CRITICALITY,
            WsjfPart::RiskReduction => WSJF_RISK_REDUCTION,
            WsjfPart::JobSize => WSJF_JOB_SIZE,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            WsjfPart::Value => "user-business value",
            WsjfPart::TimeCriticality => "time criticality",
            WsjfPart::RiskReduction => "risk reduction / opportunity enablement",
            WsjfPart::JobSize => "job size",
        }
    }
}

/// One new story of a split: its title and the original's criteria it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitChild {
    pub title: String,
    pub criterion_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RefineEdit {
    SetText {
        story_id: String,
        field: StoryField,
        text: String,
    },
    SetStatus {
        story_id: String,
        status: StoryStatus,
    },
    /// `None` clears the estimate; text is checked against the scale.
    SetEstimate {
        story_id: String,
        estimate: Option<String>,
    },
    SetWsjf {
        story_id: String,
        part: WsjfPart,
        value: Option<u8>,
    },
    SetLabel {
        story_id: String,
        label: String,
        on: bool,
    },
    /// Refused when it would close a cycle.
    SetDependency {
        story_id: String,
        depends_on: String,
        on: bool,
    },
    /// Ticks a hand-checked Definition-of-Ready item.
    SetReadyCheck {
        story_id: String,
        item_id: String,
        on: bool,
    },
    /// One criterion per non-empty line (pasting a list creates several).
    AddCriteria {
        story_id: String,
        text: String,
    },
    UpdateCriterion {
        story_id: String,
        criterion_id: String,
        text: String,
        given: String,
        when: String,
        then: String,
    },
    SetCriterionDone {
        story_id: String,
        criterion_id: String,
        done: bool,
    },
    MoveCriterion {
        story_id: String,
        criterion_id: String,
        to_index: usize,
    },
    DeleteCriterion {
        story_id: String,
        criterion_id: String,
    },
    /// Replaces a story by new ones in its place; the original leaves the map, linked both
    /// ways. Criteria not assigned go to the first child, so none is lost.
    Split {
        story_id: String,
        children: Vec<SplitChild>,
    },
    AddDorItem {
        text: String,
    },
    RenameDorItem {
        item_id: String,
        text: String,
    },
    DeleteDorItem {
        item_id: String,
    },
    SetSmallLimit {
        points: f64,
    },
    SetTShirtPoints {
        size: TShirt,
        points: f64,
    },
    /// Renames a status for this map; an empty label goes back to the default.
    SetStatusLabel {
        status: StoryStatus,
        label: String,
    },
    /// Whether the story's notes stay off the projector (they do by default).
    SetNotesPrivate {
        story_id: String,
        private: bool,
    },
}

/// At most this many stories come out of one split.
const MAX_SPLIT: usize = 10;

fn story(rec: &Recorder<'_, '_>, id: &str) -> Result<ObjId, CoreError> {
    live(rec.tx, STORIES, "story", id)
}

/// A map inside `parent`, created when missing (creating an empty map changes nothing a
/// reader sees, so it needs no undo).
fn ensure_map(rec: &mut Recorder<'_, '_>, parent: &ObjId, key: &str) -> Result<ObjId, CoreError> {
    match map_field(rec.tx, parent, key) {
        Some(obj) => Ok(obj),
        None => Ok(rec.tx.put_object(parent, key, ObjType::Map)?),
    }
}

fn settings(rec: &mut Recorder<'_, '_>) -> Result<ObjId, CoreError> {
    ensure_map(rec, &ROOT, SETTINGS)
}

/// The Definition-of-Ready map, written out with the defaults the first time it is edited
/// (fixed ids, so two people doing that concurrently write the same thing).
fn dor_items(rec: &mut Recorder<'_, '_>) -> Result<ObjId, CoreError> {
    let settings = settings(rec)?;
    if let Some(obj) = map_field(rec.tx, &settings, DEFINITION_OF_READY) {
        return Ok(obj);
    }
    let obj = rec
        .tx
        .put_object(&settings, DEFINITION_OF_READY, ObjType::Map)?;
    let items = crate::refine::default_definition_of_ready();
    for (item, rank) in items.iter().zip(Rank::sequence(None, items.len())) {
        let entry = rec.tx.put_object(&obj, &item.id, ObjType::Map)?;
        rec.tx.put(&entry, TEXT, item.text.as_str())?;
        rec.tx.put(&entry, RANK, rank.as_string())?;
        if let Some(rule) = item.rule {
            rec.tx.put(&entry, RULE, rule.as_str())?;
        }
    }
    Ok(obj)
}

fn live_dor_item(rec: &mut Recorder<'_, '_>, item_id: &str) -> Result<(), CoreError> {
    let items = dor_items(rec)?;
    map_field(rec.tx, &items, item_id)
        .filter(|item| !is_deleted(rec.tx, item))
        .map(|_| ())
        .ok_or_else(|| CoreError::not_found("Definition of Ready item", item_id))
}

fn live_criterion(
    rec: &Recorder<'_, '_>,
    story: &ObjId,
    story_id: &str,
    id: &str,
) -> Result<(), CoreError> {
    map_field(rec.tx, story, ACCEPTANCE_CRITERIA)
        .and_then(|c| map_field(rec.tx, &c, id))
        .filter(|c| !is_deleted(rec.tx, c))
        .map(|_| ())
        .ok_or_else(|| CoreError::NotFound {
            kind: "acceptance criterion",
            id: format!("{id} (story {story_id})"),
        })
}

/// Live criteria of a story in order: (rank, id).
fn criteria(rec: &Recorder<'_, '_>, story: &ObjId) -> Vec<(Rank, String)> {
    siblings_in(rec.tx, story, ACCEPTANCE_CRITERIA, |_| true)
}

/// Lines of pasted text as criteria: list markers ("- ", "* ", "1. ", "[ ] ") stripped.
pub fn criteria_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let line = line.trim();
            let line = line
                .strip_prefix("- [ ] ")
                .or_else(|| line.strip_prefix("[ ] "))
                .or_else(|| line.strip_prefix("- "))
                .or_else(|| line.strip_prefix("* "))
                .or_else(|| line.strip_prefix("• "))
                .unwrap_or(line);
            let numbered = line
                .split_once(". ")
                .or_else(|| line.split_once(") "))
                .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            numbered.map_or(line, |(_, rest)| rest).trim().to_owned()
        })
        .filter(|line| !line.is_empty())
        .collect()
}

fn bounded(what: &str, text: &str, max: usize) -> Result<String, CoreError> {
    if text.chars().count() > max {
        return Err(CoreError::InvalidInput(format!(
            "the {what} is longer than {max} characters"
        )));
    }
    Ok(text.trim().to_owned())
}

/// Every story's dependencies, for cycle checks.
fn dependency_links(rec: &Recorder<'_, '_>) -> HashMap<String, Vec<String>> {
    let tx = &*rec.tx;
    entries(tx, &ROOT, STORIES)
        .into_iter()
        .filter(|(_, s)| !is_deleted(tx, s))
        .map(|(id, s)| (id, key_set(tx, &s, DEPENDS_ON)))
        .collect()
}

fn set_member_of(
    rec: &mut Recorder<'_, '_>,
    story_id: &str,
    story: &ObjId,
    set: &'static str,
    key: &str,
    on: bool,
) -> Result<(), CoreError> {
    ensure_map(rec, story, set)?;
    let value = on.then_some(ScalarValue::Boolean(true));
    rec.set(&Entity::StoryPart(story_id.to_owned(), set), key, value)
}

/// Applies a refinement edit; returns its label and the id of what it created first.
pub(crate) fn apply(
    rec: &mut Recorder<'_, '_>,
    edit: &RefineEdit,
    new_id: &str,
    time: i64,
) -> Result<(String, Option<String>), CoreError> {
    let label = match edit {
        RefineEdit::SetText {
            story_id,
            field,
            text,
        } => {
            let obj = story(rec, story_id)?;
            let max = if *field == StoryField::Description {
                20_000
            } else {
                2_000
            };
            let text = bounded(field.describe(), text, max)?;
            let entity = Entity::Story(story_id.clone());
            if *field == StoryField::Description {
                if map_field(rec.tx, &obj, DESCRIPTION).is_none()
                    && rec.tx.get(&obj, DESCRIPTION)?.is_none()
                {
                    rec.tx.put_object(&obj, DESCRIPTION, ObjType::Text)?;
                }
                rec.set_str(&entity, DESCRIPTION, &text)?;
            } else if text.is_empty() {
                rec.set(&entity, field.key(), None)?;
            } else {
                rec.set_str(&entity, field.key(), &text)?;
            }
            format!(
                "Edit the {} of '{}'",
                field.describe(),
                title_of(rec.tx, &obj)
            )
        }
        RefineEdit::SetNotesPrivate { story_id, private } => {
            let obj = story(rec, story_id)?;
            let entity = Entity::Story(story_id.clone());
            rec.set(&entity, NOTES_PRIVATE, Some(ScalarValue::Boolean(*private)))?;
            let verb = if *private { "Keep private" } else { "Share" };
            format!("{verb} the notes of '{}'", title_of(rec.tx, &obj))
        }
        RefineEdit::SetStatus { story_id, status } => {
            let obj = story(rec, story_id)?;
            rec.set_str(&Entity::Story(story_id.clone()), STATUS, status.as_str())?;
            format!("Set '{}' to {}", title_of(rec.tx, &obj), status.as_str())
        }
        RefineEdit::SetEstimate { story_id, estimate } => {
            let obj = story(rec, story_id)?;
            let entity = Entity::Story(story_id.clone());
            match estimate.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
                Some(text) => {
                    let estimate = Estimate::parse(text)?;
                    rec.set_str(&entity, ESTIMATE, &estimate.to_string())?;
                }
                None => rec.set(&entity, ESTIMATE, None)?,
            }
            format!("Estimate '{}'", title_of(rec.tx, &obj))
        }
        RefineEdit::SetWsjf {
            story_id,
            part,
            value,
        } => {
            let obj = story(rec, story_id)?;
            check_part(part.describe(), *value)?;
            ensure_map(rec, &obj, WSJF)?;
            let entity = Entity::StoryPart(story_id.clone(), WSJF);
            rec.set(
                &entity,
                part.key(),
                value.map(|v| ScalarValue::Uint(u64::from(v))),
            )?;
            format!(
                "Score the {} of '{}'",
                part.describe(),
                title_of(rec.tx, &obj)
            )
        }
        RefineEdit::SetLabel {
            story_id,
            label,
            on,
        } => {
            let obj = story(rec, story_id)?;
            let label = bounded("label", label, 60)?;
            if label.is_empty() {
                return Err(CoreError::InvalidInput("a label needs a name".into()));
            }
            set_member_of(rec, story_id, &obj, LABELS, &label, *on)?;
            let verb = if *on { "Label" } else { "Unlabel" };
            format!("{verb} '{}' {label}", title_of(rec.tx, &obj))
        }
        RefineEdit::SetDependency {
            story_id,
            depends_on,
            on,
        } => {
            let obj = story(rec, story_id)?;
            if *on {
                let other = story(rec, depends_on)?;
                if let Some(cycle) = find_cycle(&dependency_links(rec), story_id, depends_on) {
                    let titles: Vec<String> = cycle
                        .iter()
                        .map(|id| {
                            map_field(rec.tx, &ROOT, STORIES)
                                .and_then(|c| map_field(rec.tx, &c, id))
                                .map(|s| format!("'{}'", title_of(rec.tx, &s)))
                                .unwrap_or_else(|| id.clone())
                        })
                        .collect();
                    return Err(CoreError::InvalidInput(format!(
                        "that would make a dependency cycle: {}",
                        titles.join(" → ")
                    )));
                }
                set_member_of(rec, story_id, &obj, DEPENDS_ON, depends_on, true)?;
                format!(
                    "Make '{}' depend on '{}'",
                    title_of(rec.tx, &obj),
                    title_of(rec.tx, &other)
                )
            } else {
                set_member_of(rec, story_id, &obj, DEPENDS_ON, depends_on, false)?;
                format!("Remove a dependency of '{}'", title_of(rec.tx, &obj))
            }
        }
        RefineEdit::SetReadyCheck {
            story_id,
            item_id,
            on,
        } => {
            let obj = story(rec, story_id)?;
            live_dor_item(rec, item_id)?;
            set_member_of(rec, story_id, &obj, READY_CHECKS, item_id, *on)?;
            format!("Check readiness of '{}'", title_of(rec.tx, &obj))
        }
        RefineEdit::AddCriteria { story_id, text } => {
            let obj = story(rec, story_id)?;
            let lines = criteria_lines(text);
            if lines.is_empty() {
                return Err(CoreError::InvalidInput(
                    "the acceptance criterion is empty".into(),
                ));
            }
            let container = ensure_map(rec, &obj, ACCEPTANCE_CRITERIA)?;
            let last = criteria(rec, &obj).pop().map(|(r, _)| r);
            let ranks = Rank::sequence(last.as_ref(), lines.len());
            for (i, (line, rank)) in lines.iter().zip(ranks).enumerate() {
                let id = format!("{new_id}-{i}");
                let line = bounded("acceptance criterion", line, 2_000)?;
                let criterion = rec.tx.put_object(&container, &id, ObjType::Map)?;
                rec.tx.put(&criterion, TEXT, line.as_str())?;
                rec.tx.put(&criterion, DONE, false)?;
                rec.tx.put(&criterion, RANK, rank.as_string())?;
                rec.created(Entity::Criterion(story_id.clone(), id));
            }
            let title = title_of(rec.tx, &obj);
            return Ok((
                match lines.len() {
                    1 => format!("Add a criterion to '{title}'"),
                    n => format!("Add {n} criteria to '{title}'"),
                },
                Some(format!("{new_id}-0")),
            ));
        }
        RefineEdit::UpdateCriterion {
            story_id,
            criterion_id,
            text,
            given,
            when,
            then,
        } => {
            let obj = story(rec, story_id)?;
            live_criterion(rec, &obj, story_id, criterion_id)?;
            let entity = Entity::Criterion(story_id.clone(), criterion_id.clone());
            for (key, value) in [(TEXT, text), (GIVEN, given), (WHEN, when), (THEN, then)] {
                let value = bounded("acceptance criterion", value, 2_000)?;
                let value =
                    (!value.is_empty() || key == TEXT).then(|| ScalarValue::Str(value.into()));
                rec.set(&entity, key, value)?;
            }
            format!("Edit a criterion of '{}'", title_of(rec.tx, &obj))
        }
        RefineEdit::SetCriterionDone {
            story_id,
            criterion_id,
            done,
        } => {
            let obj = story(rec, story_id)?;
            live_criterion(rec, &obj, story_id, criterion_id)?;
            let entity = Entity::Criterion(story_id.clone(), criterion_id.clone());
            rec.set(&entity, DONE, Some(ScalarValue::Boolean(*done)))?;
            format!("Tick a criterion of '{}'", title_of(rec.tx, &obj))
        }
        RefineEdit::MoveCriterion {
            story_id,
            criterion_id,
            to_index,
        } => {
            let obj = story(rec, story_id)?;
            live_criterion(rec, &obj, story_id, criterion_id)?;
            let others: Vec<_> = criteria(rec, &obj)
                .into_iter()
                .filter(|(_, id)| id != criterion_id)
                .collect();
            let entity = Entity::Criterion(story_id.clone(), criterion_id.clone());
            let of_story = |id| Entity::Criterion(story_id.clone(), id);
            place(rec, &others, *to_index, entity, of_story)?;
            format!("Reorder the criteria of '{}'", title_of(rec.tx, &obj))
        }
        RefineEdit::DeleteCriterion {
            story_id,
            criterion_id,
        } => {
            let obj = story(rec, story_id)?;
            live_criterion(rec, &obj, story_id, criterion_id)?;
            rec.delete(&Entity::Criterion(story_id.clone(), criterion_id.clone()))?;
            format!("Delete a criterion of '{}'", title_of(rec.tx, &obj))
        }
        RefineEdit::Split { story_id, children } => {
            return split(rec, story_id, children, new_id, time);
        }
        RefineEdit::AddDorItem { text } => {
            let text = clean_title("Definition of Ready item", text)?;
            let items = dor_items(rec)?;
            let last = dor_last_rank(rec, &items);
            let rank = Rank::between(last.as_ref(), None);
            let item = rec.tx.put_object(&items, new_id, ObjType::Map)?;
            rec.tx.put(&item, TEXT, text.as_str())?;
            rec.tx.put(&item, RANK, rank.as_string())?;
            rec.created(Entity::DorItem(new_id.to_owned()));
            return Ok((
                format!("Add '{text}' to the Definition of Ready"),
                Some(new_id.to_owned()),
            ));
        }
        RefineEdit::RenameDorItem { item_id, text } => {
            live_dor_item(rec, item_id)?;
            let text = clean_title("Definition of Ready item", text)?;
            rec.set_str(&Entity::DorItem(item_id.clone()), TEXT, &text)?;
            format!("Rename a Definition of Ready item to '{text}'")
        }
        RefineEdit::DeleteDorItem { item_id } => {
            live_dor_item(rec, item_id)?;
            rec.delete(&Entity::DorItem(item_id.clone()))?;
            "Remove an item from the Definition of Ready".to_owned()
        }
        RefineEdit::SetSmallLimit { points } => {
            if !points.is_finite() || *points <= 0.0 || *points > 100.0 {
                return Err(CoreError::InvalidInput(format!(
                    "the point limit for a sprint must be between 0 and 100 (got {points})"
                )));
            }
            settings(rec)?;
            rec.set(
                &Entity::Settings,
                SMALL_LIMIT,
                Some(ScalarValue::F64(*points)),
            )?;
            format!("Set the point limit for a sprint to {points}")
        }
        RefineEdit::SetTShirtPoints { size, points } => {
            if !points.is_finite() || *points < 0.0 || *points > 100.0 {
                return Err(CoreError::InvalidInput(format!(
                    "a T-shirt size must count for 0 to 100 points (got {points})"
                )));
            }
            let settings = settings(rec)?;
            ensure_map(rec, &settings, TSHIRT_POINTS)?;
            let entity = Entity::SettingsPart(TSHIRT_POINTS);
            rec.set(&entity, size.as_str(), Some(ScalarValue::F64(*points)))?;
            format!("Count size {} as {points} points", size.as_str())
        }
        RefineEdit::SetStatusLabel { status, label } => {
            let label = bounded("status name", label, 40)?;
            let settings = settings(rec)?;
            ensure_map(rec, &settings, STATUS_LABELS)?;
            let entity = Entity::SettingsPart(STATUS_LABELS);
            let value = (!label.is_empty()).then(|| ScalarValue::Str(label.as_str().into()));
            rec.set(&entity, status.as_str(), value)?;
            match label.as_str() {
                "" => format!("Name status {} as by default", status.as_str()),
                name => format!("Call status {} '{name}'", status.as_str()),
            }
        }
    };
    Ok((label, None))
}

fn dor_last_rank(rec: &Recorder<'_, '_>, items: &ObjId) -> Option<Rank> {
    let tx = &*rec.tx;
    tx.keys(items)
        .filter_map(|k| map_field(tx, items, &k))
        .filter_map(|item| str_field(tx, &item, RANK).and_then(|r| Rank::parse(&r).ok()))
        .max()
}

fn split(
    rec: &mut Recorder<'_, '_>,
    story_id: &str,
    children: &[SplitChild],
    new_id: &str,
    time: i64,
) -> Result<(String, Option<String>), CoreError> {
    let original = story(rec, story_id)?;
    if !(2..=MAX_SPLIT).contains(&children.len()) {
        return Err(CoreError::InvalidInput(format!(
            "a split makes 2 to {MAX_SPLIT} stories (got {})",
            children.len()
        )));
    }
    let titles = children
        .iter()
        .map(|c| clean_title("story", &c.title))
        .collect::<Result<Vec<_>, _>>()?;
    let own_criteria: Vec<String> = criteria(rec, &original)
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    let mut assigned: HashMap<&str, usize> = HashMap::new();
    for (child, spec) in children.iter().enumerate() {
        for id in &spec.criterion_ids {
            if !own_criteria.contains(id) {
                return Err(CoreError::not_found("acceptance criterion", id));
            }
            if assigned.insert(id.as_str(), child).is_some() {
                return Err(CoreError::InvalidInput(format!(
                    "acceptance criterion {id} is given to two stories"
                )));
            }
        }
    }
    let tx = &*rec.tx;
    let step = str_field(tx, &original, STEP_ID).unwrap_or_default();
    let release = str_field(tx, &original, RELEASE_ID).unwrap_or_default();
    let title = title_of(tx, &original);
    // The children take the original's slot in its cell.
    let cell = siblings(tx, STORIES, |obj| {
        str_field(tx, obj, STEP_ID).as_deref() == Some(step.as_str())
            && str_field(tx, obj, RELEASE_ID).as_deref() == Some(release.as_str())
    });
    let at = cell
        .iter()
        .position(|(_, id)| id == story_id)
        .unwrap_or(cell.len());
    let without_original: Vec<(Rank, String)> =
        cell.into_iter().filter(|(_, id)| id != story_id).collect();
    let copied: Vec<(&str, String)> = [STATUS, AS_A, I_WANT, SO_THAT, WHY]
        .into_iter()
        .filter_map(|key| str_field(tx, &original, key).map(|v| (key, v)))
        .collect();
    let sets: Vec<(&'static str, Vec<String>)> = [LABELS, DEPENDS_ON]
        .into_iter()
        .map(|key| (key, key_set(tx, &original, key)))
        .collect();
    let source_criteria = map_field(tx, &original, ACCEPTANCE_CRITERIA);
    let ranks = slot_ranks(rec, &without_original, at, titles.len(), Entity::Story)?;
    let mut child_ids = Vec::new();
    for (i, (child_title, rank)) in titles.iter().zip(ranks).enumerate() {
        let child_id = format!("{new_id}-{i}");
        let child =
            crate::edit::new_story(rec, &child_id, child_title, &rank, (&step, &release), time)?;
        let tx = &mut *rec.tx;
        for (key, value) in &copied {
            tx.put(&child, *key, value.as_str())?;
        }
        // A child needs estimating again, so it is back in refinement.
        tx.put(&child, STATUS, StoryStatus::Refining.as_str())?;
        tx.put(&child, SPLIT_FROM, story_id)?;
        tx.put(&child, SPLIT_FROM_TITLE, title.as_str())?;
        for (key, members) in &sets {
            let set = tx.put_object(&child, *key, ObjType::Map)?;
            for member in members {
                tx.put(&set, member.as_str(), true)?;
            }
        }
        if let Some(source) = &source_criteria {
            let target =
                map_field(tx, &child, ACCEPTANCE_CRITERIA).expect("new stories have criteria");
            for id in &own_criteria {
                if assigned.get(id.as_str()).copied().unwrap_or(0) != i {
                    continue;
                }
                let from = map_field(tx, source, id).expect("listed above");
                let to = tx.put_object(&target, id.as_str(), ObjType::Map)?;
                for key in [TEXT, RANK, GIVEN, WHEN, THEN] {
                    if let Some(value) = str_field(tx, &from, key) {
                        tx.put(&to, key, value)?;
                    }
                }
                let done = bool_field(tx, &from, DONE);
                tx.put(&to, DONE, done)?;
            }
        }
        child_ids.push(child_id);
    }
    ensure_map(rec, &original, SPLIT_INTO)?;
    for child in &child_ids {
        rec.set(
            &Entity::StoryPart(story_id.to_owned(), SPLIT_INTO),
            child,
            Some(ScalarValue::Boolean(true)),
        )?;
    }
    Ok((
        format!("Split '{title}' into {}", child_ids.len()),
        child_ids.first().cloned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::criteria_lines;

    #[test]
    fn pasted_lists_become_one_criterion_per_line() {
        let pasted = "Given a basket\n\n- Shows the total\n* Includes fees\n1. Updates live\n2) In euros\n- [ ] Rounds to cents\n   \n";
        assert_eq!(
            criteria_lines(pasted),
            [
                "Given a basket",
                "Shows the total",
                "Includes fees",
                "Updates live",
                "In euros",
                "Rounds to cents"
            ]
        );
    }
}
