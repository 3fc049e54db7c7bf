//! The team's capacity settings: velocity (points per sprint, or not set), sprint length
//! and the band of ready sprints the team aims to keep. Checked here, read from and written
//! to the map's settings object; the health they feed is `refine::health`.

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ReadDoc, Value};

use crate::read_fields::{children, holder};
use crate::schema::{READY_TARGET_SPRINTS, SPRINT_LENGTH_DAYS, TARGET_MAX, TARGET_MIN, VELOCITY};
use crate::CoreError;

/// Points per sprint above this are taken for a typo.
pub const MAX_VELOCITY: f64 = 1000.0;
/// A sprint is at most this many days (a month of working days and then some).
pub const MAX_SPRINT_LENGTH_DAYS: u32 = 60;
/// A target band ends at most this many sprints out.
pub const MAX_TARGET_SPRINTS: f64 = 20.0;

/// How many sprints of ready work the team aims to keep, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SprintBand {
    pub min: f64,
    pub max: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Capacity {
    /// Points the team finishes per sprint; `None` until the team sets it.
    pub velocity: Option<f64>,
    pub sprint_length_days: u32,
    pub ready_target: SprintBand,
}

impl Default for Capacity {
    fn default() -> Self {
        Capacity {
            velocity: None,
            sprint_length_days: 10,
            ready_target: SprintBand { min: 1.0, max: 2.0 },
        }
    }
}

pub fn check_velocity(points: f64) -> Result<f64, CoreError> {
    if points.is_finite() && points > 0.0 && points <= MAX_VELOCITY {
        return Ok(points);
    }
    Err(CoreError::InvalidInput(format!(
        "velocity must be more than 0 and at most {MAX_VELOCITY} points per sprint (got {points})"
    )))
}

pub fn check_sprint_length(days: u32) -> Result<u32, CoreError> {
    if (1..=MAX_SPRINT_LENGTH_DAYS).contains(&days) {
        return Ok(days);
    }
    Err(CoreError::InvalidInput(format!(
        "a sprint lasts 1 to {MAX_SPRINT_LENGTH_DAYS} days (got {days})"
    )))
}

pub fn check_band(band: SprintBand) -> Result<SprintBand, CoreError> {
    let SprintBand { min, max } = band;
    let in_range = |v: f64| v.is_finite() && (0.0..=MAX_TARGET_SPRINTS).contains(&v);
    if !in_range(min) || !in_range(max) {
        return Err(CoreError::InvalidInput(format!(
            "the ready target must be between 0 and {MAX_TARGET_SPRINTS} sprints (got {min}–{max})"
        )));
    }
    if min > max {
        return Err(CoreError::InvalidInput(format!(
            "the ready target's lower end ({min}) is above its upper end ({max})"
        )));
    }
    Ok(band)
}

/// Checks settings that come from a file.
pub fn check(capacity: &Capacity) -> Result<(), CoreError> {
    if let Some(v) = capacity.velocity {
        check_velocity(v)?;
    }
    check_sprint_length(capacity.sprint_length_days)?;
    check_band(capacity.ready_target).map(|_| ())
}

fn number<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Option<f64> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(s), _) => s.as_f64().or_else(|| s.as_u64().map(|v| v as f64)),
        _ => None,
    }
}

/// The capacity in the settings' copies (see `read_fields::all_maps`). A value off its
/// range (from a peer) reads as the default; two peers who each moved one end of the band
/// can leave min above max, read with the ends swapped.
pub(crate) fn read<R: ReadDoc>(doc: &R, settings: &[ObjId]) -> Capacity {
    let field = |copies: &[ObjId], key| holder(doc, copies, key).and_then(|o| number(doc, o, key));
    let mut capacity = Capacity {
        velocity: field(settings, VELOCITY).and_then(|v| check_velocity(v).ok()),
        ..Capacity::default()
    };
    if let Some(days) = field(settings, SPRINT_LENGTH_DAYS) {
        if let Ok(days) = check_sprint_length(days as u32) {
            capacity.sprint_length_days = days;
        }
    }
    let band = children(doc, settings, READY_TARGET_SPRINTS);
    if let (Some(a), Some(b)) = (field(&band, TARGET_MIN), field(&band, TARGET_MAX)) {
        let band = SprintBand {
            min: a.min(b),
            max: a.max(b),
        };
        if let Ok(band) = check_band(band) {
            capacity.ready_target = band;
        }
    }
    capacity
}

/// Writes an imported map's capacity into its settings object (only what differs from
/// the defaults).
pub(crate) fn put(
    tx: &mut automerge::transaction::Transaction<'_>,
    settings: &ObjId,
    capacity: &Capacity,
) -> Result<(), CoreError> {
    let default = Capacity::default();
    if let Some(v) = capacity.velocity {
        tx.put(settings, VELOCITY, check_velocity(v)?)?;
    }
    if capacity.sprint_length_days != default.sprint_length_days {
        let days = check_sprint_length(capacity.sprint_length_days)?;
        tx.put(settings, SPRINT_LENGTH_DAYS, u64::from(days))?;
    }
    if capacity.ready_target != default.ready_target {
        let band = check_band(capacity.ready_target)?;
        let obj = tx.put_object(settings, READY_TARGET_SPRINTS, ObjType::Map)?;
        tx.put(&obj, TARGET_MIN, band.min)?;
        tx.put(&obj, TARGET_MAX, band.max)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_with_a_reason() {
        assert_eq!(check_velocity(20.0).unwrap(), 20.0);
        let refused = |r: Result<f64, CoreError>| r.unwrap_err().to_string();
        assert!(refused(check_velocity(0.0)).contains("more than 0"));
        assert!(refused(check_velocity(-3.0)).contains("got -3"));
        assert!(refused(check_velocity(1001.0)).contains("at most 1000"));
        assert!(refused(check_velocity(f64::NAN)).contains("velocity"));
        assert!(check_sprint_length(0).is_err());
        assert!(check_sprint_length(61).is_err());
        assert_eq!(check_sprint_length(14).unwrap(), 14);
        let band = |min, max| check_band(SprintBand { min, max });
        assert!(band(0.0, 0.0).is_ok());
        assert!(band(1.5, 3.0).is_ok());
        let upside_down = band(3.0, 2.0).unwrap_err().to_string();
        assert_eq!(
            upside_down,
            "the ready target's lower end (3) is above its upper end (2)"
        );
        assert!(band(1.0, 21.0).is_err());
        assert!(band(-1.0, 2.0).is_err());
    }
}
