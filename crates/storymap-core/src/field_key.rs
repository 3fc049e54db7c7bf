//! The stable names of a story's fields as history views, conflicts and restores use them
//! ("title", "position", "criterion:<id>:text"), with the words a summary uses for each.

use crate::schema::*;
use crate::CoreError;

/// A story's fields replaced whole, which concurrent edits can leave with several values.
pub(crate) const SCALAR_FIELDS: [&str; 11] = [
    TITLE,
    STATUS,
    ESTIMATE,
    AS_A,
    I_WANT,
    SO_THAT,
    WHY,
    NOTES,
    BLOCKED_REASON,
    PARKED_REASON,
    NEEDS_INPUT_FROM,
];

/// The fields that say where a card is: moving writes them together.
pub(crate) const PLACE_FIELDS: [&str; 3] = [STEP_ID, RELEASE_ID, RANK];

pub(crate) const POSITION: &str = "position";

/// One field of a story, parsed from its stable key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FieldKey {
    /// One of [`SCALAR_FIELDS`] or the description.
    Scalar(&'static str),
    /// Step, release slice and rank together.
    Position,
    /// An acceptance criterion's text.
    CriterionText(String),
}

impl FieldKey {
    pub(crate) fn parse(key: &str) -> Result<FieldKey, CoreError> {
        if key == POSITION {
            return Ok(FieldKey::Position);
        }
        if let Some(id) = key
            .strip_prefix("criterion:")
            .and_then(|rest| rest.strip_suffix(":text"))
            .filter(|id| !id.is_empty())
        {
            return Ok(FieldKey::CriterionText(id.to_owned()));
        }
        SCALAR_FIELDS
            .into_iter()
            .chain([DESCRIPTION])
            .find(|f| *f == key)
            .map(FieldKey::Scalar)
            .ok_or_else(|| CoreError::InvalidInput(format!("'{key}' is not a story field")))
    }
}

/// How a summary names a story field: "the estimate", "why it matters".
pub(crate) fn field_label(key: &str) -> String {
    match key {
        TITLE => "title",
        STATUS => "status",
        ESTIMATE => "estimate",
        AS_A => "'As a'",
        I_WANT => "'I want'",
        SO_THAT => "'So that'",
        WHY => "why it matters",
        NOTES => "notes",
        BLOCKED_REASON => "blocker",
        PARKED_REASON => "parking reason",
        NEEDS_INPUT_FROM => "needs input from",
        DESCRIPTION => "description",
        LABELS => "labels",
        OBJECTIVE_ID => "objective",
        PERSONA_ID => "persona",
        EXTERNAL_DEPENDENCIES => "cross-team dependencies",
        FLAG_RISKY => "risky flag",
        FLAG_UNCLEAR => "unclear flag",
        FLAG_RESEARCH_NEEDED => "research-needed flag",
        FLAG_DISCUSSION_NEEDED => "discussion-needed flag",
        DEPENDS_ON => "dependencies",
        READY_CHECKS => "readiness checks",
        WSJF => "WSJF scores",
        POSITION => "position",
        JIRA_KEY => "Jira key",
        other => other,
    }
    .to_owned()
}

/// A value as a summary quotes it: at most 60 characters, in quotes.
pub(crate) fn quoted(text: &str) -> String {
    const MAX: usize = 60;
    let text = text.trim();
    if text.chars().count() > MAX {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("'{}…'", cut.trim_end())
    } else {
        format!("'{text}'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_to_fields_and_unknown_ones_are_refused() {
        assert_eq!(FieldKey::parse("title").unwrap(), FieldKey::Scalar(TITLE));
        assert_eq!(FieldKey::parse("position").unwrap(), FieldKey::Position);
        assert_eq!(
            FieldKey::parse("criterion:k-0:text").unwrap(),
            FieldKey::CriterionText("k-0".into())
        );
        for bad in ["rank", "criterion::text", "deleted"] {
            assert!(matches!(
                FieldKey::parse(bad),
                Err(CoreError::InvalidInput(_))
            ));
        }
        assert_eq!(
            quoted(&"x".repeat(70)).chars().count(),
            62,
            "60 and the quotes"
        );
    }
}
