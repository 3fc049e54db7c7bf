//! The map's refinement settings: the team's Definition of Ready, the point limit for a
//! sprint, T-shirt sizes in points, the status names, the label colours and the team's
//! capacity (velocity, sprint length, ready target band).

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ReadDoc, ScalarValue};

use super::shared::{bounded, clean_title, dor_items, ensure_map, live_dor_item, settings};
use super::tx::EditTx;
use crate::capacity::{check_band, check_sprint_length, check_velocity, SprintBand};
use crate::history::{Entity, Recorder};
use crate::label_colors::{check_label, parse_color, MAX_LABEL_COLORS};
use crate::read::{map_field, str_field};
use crate::refine::TShirt;
use crate::schema::*;
use crate::{CoreError, Rank, StoryStatus};

/// Points are between 0 and this, for the sprint limit and for a T-shirt size.
pub const MAX_POINTS: f64 = 100.0;

#[derive(Debug, Clone, PartialEq)]
pub enum SettingsEdit {
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
    /// Draws a label in a colour (`#rrggbb`) on this map; `None` takes the colour off.
    SetLabelColor {
        label: String,
        color: Option<String>,
    },
    /// Renames a status for this map; an empty label goes back to the default.
    SetStatusLabel {
        status: StoryStatus,
        label: String,
    },
    /// Points the team finishes per sprint; `None`: not set (no sprint counts).
    SetVelocity {
        points: Option<f64>,
    },
    SetSprintLength {
        days: u32,
    },
    /// How many sprints of ready work the team aims to keep.
    SetReadyTarget {
        band: SprintBand,
    },
}

fn dor_last_rank(rec: &Recorder<'_, '_>, items: &ObjId) -> Option<Rank> {
    let tx = &*rec.tx;
    tx.keys(items)
        .filter_map(|k| map_field(tx, items, &k))
        .filter_map(|item| str_field(tx, &item, RANK).and_then(|r| Rank::parse(&r).ok()))
        .max()
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &SettingsEdit) -> Result<String, CoreError> {
    match edit {
        SettingsEdit::AddDorItem { text } => {
            let text = clean_title("Definition of Ready item", text)?;
            let items = dor_items(rec)?;
            let last = dor_last_rank(rec, &items);
            let rank = Rank::between(last.as_ref(), None);
            let id = rec.create();
            let item = rec.tx.put_object(&items, &id, ObjType::Map)?;
            rec.tx.put(&item, TEXT, text.as_str())?;
            rec.tx.put(&item, RANK, rank.as_string())?;
            rec.created(Entity::DorItem(id));
            Ok(format!("Add '{text}' to the Definition of Ready"))
        }
        SettingsEdit::RenameDorItem { item_id, text } => {
            live_dor_item(rec, item_id)?;
            let text = clean_title("Definition of Ready item", text)?;
            rec.set_str(&Entity::DorItem(item_id.clone()), TEXT, &text)?;
            Ok(format!("Rename a Definition of Ready item to '{text}'"))
        }
        SettingsEdit::DeleteDorItem { item_id } => {
            live_dor_item(rec, item_id)?;
            rec.delete(&Entity::DorItem(item_id.clone()))?;
            Ok("Remove an item from the Definition of Ready".to_owned())
        }
        SettingsEdit::SetSmallLimit { points } => {
            if !points.is_finite() || *points <= 0.0 || *points > MAX_POINTS {
                return Err(CoreError::InvalidInput(format!(
                    "the point limit for a sprint must be between 0 and {MAX_POINTS} (got {points})"
                )));
            }
            settings(rec)?;
            let value = Some(ScalarValue::F64(*points));
            rec.set(&Entity::Settings, SMALL_LIMIT, value)?;
            Ok(format!("Set the point limit for a sprint to {points}"))
        }
        SettingsEdit::SetTShirtPoints { size, points } => {
            if !points.is_finite() || *points < 0.0 || *points > MAX_POINTS {
                return Err(CoreError::InvalidInput(format!(
                    "a T-shirt size must count for 0 to {MAX_POINTS} points (got {points})"
                )));
            }
            let settings = settings(rec)?;
            ensure_map(rec, &settings, TSHIRT_POINTS)?;
            let entity = Entity::SettingsPart(TSHIRT_POINTS);
            rec.set(&entity, size.as_str(), Some(ScalarValue::F64(*points)))?;
            Ok(format!("Count size {} as {points} points", size.as_str()))
        }
        SettingsEdit::SetLabelColor { label, color } => {
            set_label_color(rec, label, color.as_deref())
        }
        SettingsEdit::SetVelocity { points } => set_velocity(rec, *points),
        SettingsEdit::SetSprintLength { days } => {
            let days = check_sprint_length(*days)?;
            settings(rec)?;
            let value = Some(ScalarValue::Uint(u64::from(days)));
            rec.set(&Entity::Settings, SPRINT_LENGTH_DAYS, value)?;
            Ok(format!("Set the sprint length to {days} days"))
        }
        SettingsEdit::SetReadyTarget { band } => {
            let SprintBand { min, max } = check_band(*band)?;
            let settings = settings(rec)?;
            ensure_map(rec, &settings, READY_TARGET_SPRINTS)?;
            let entity = Entity::SettingsPart(READY_TARGET_SPRINTS);
            rec.set(&entity, TARGET_MIN, Some(ScalarValue::F64(min)))?;
            rec.set(&entity, TARGET_MAX, Some(ScalarValue::F64(max)))?;
            Ok(format!("Aim for {min}–{max} sprints of ready work"))
        }
        SettingsEdit::SetStatusLabel { status, label } => {
            let label = bounded("status name", label, 40)?;
            let settings = settings(rec)?;
            ensure_map(rec, &settings, STATUS_LABELS)?;
            let entity = Entity::SettingsPart(STATUS_LABELS);
            let value = (!label.is_empty()).then(|| ScalarValue::Str(label.as_str().into()));
            rec.set(&entity, status.as_str(), value)?;
            Ok(match label.as_str() {
                "" => format!("Name status {} as by default", status.as_str()),
                name => format!("Call status {} '{name}'", status.as_str()),
            })
        }
    }
}

fn set_label_color(
    rec: &mut EditTx<'_, '_>,
    label: &str,
    color: Option<&str>,
) -> Result<String, CoreError> {
    let label = label.trim();
    check_label(label)?;
    let color = color.map(|c| parse_color(label, c)).transpose()?;
    let settings = settings(rec)?;
    let colors = ensure_map(rec, &settings, LABEL_COLORS)?;
    let count = rec.tx.keys(&colors).filter(|k| k != label).count();
    if color.is_some() && count >= MAX_LABEL_COLORS {
        return Err(CoreError::InvalidInput(format!(
            "a map colours at most {MAX_LABEL_COLORS} labels; take a colour off first"
        )));
    }
    let entity = Entity::SettingsPart(LABEL_COLORS);
    let value = color.as_deref().map(|c| ScalarValue::Str(c.into()));
    rec.set(&entity, label, value)?;
    Ok(match color {
        Some(color) => format!("Colour label {label} {color}"),
        None => format!("Take the colour off label {label}"),
    })
}

fn set_velocity(rec: &mut EditTx<'_, '_>, points: Option<f64>) -> Result<String, CoreError> {
    let points = points.map(check_velocity).transpose()?;
    settings(rec)?;
    rec.set(&Entity::Settings, VELOCITY, points.map(ScalarValue::F64))?;
    Ok(match points {
        Some(points) => format!("Set the velocity to {points} points per sprint"),
        None => "Clear the velocity".to_owned(),
    })
}
