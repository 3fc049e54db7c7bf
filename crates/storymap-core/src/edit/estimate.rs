//! Sizing a story: its estimate (checked against the scale) and its WSJF scores.

use automerge::ScalarValue;

use super::shared::{ensure_map, story, title_of, write_estimate};
use super::tx::EditTx;
use crate::history::Entity;
use crate::refine::check_part;
use crate::schema::*;
use crate::CoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WsjfPart {
    Value,
    TimeCriticality,
    RiskReduction,
    JobSize,
}

impl WsjfPart {
    /// Every part, in the order [`crate::refine::WsjfInputs::parts`] gives them.
    pub const ALL: [WsjfPart; 4] = [
        WsjfPart::Value,
        WsjfPart::TimeCriticality,
        WsjfPart::RiskReduction,
        WsjfPart::JobSize,
    ];

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

#[derive(Debug, Clone, PartialEq)]
pub enum EstimateEdit {
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
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &EstimateEdit) -> Result<String, CoreError> {
    match edit {
        EstimateEdit::SetEstimate { story_id, estimate } => {
            let obj = story(rec, story_id)?;
            write_estimate(rec, story_id, estimate.as_deref())?;
            Ok(format!("Estimate '{}'", title_of(rec.tx, &obj)))
        }
        EstimateEdit::SetWsjf {
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
            Ok(format!(
                "Score the {} of '{}'",
                part.describe(),
                title_of(rec.tx, &obj)
            ))
        }
    }
}
