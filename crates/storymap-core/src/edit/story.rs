//! A story's text and flags: why, narrative, notes and their privacy, blocker, parking,
//! status, labels, session flags and hand-ticked Definition-of-Ready items.

use automerge::transaction::Transactable;
use automerge::{ObjType, ReadDoc, ScalarValue};

use super::shared::{bounded, live_dor_item, set_member, story, title_of};
use super::tx::EditTx;
use crate::history::Entity;
use crate::limits::*;
use crate::read::map_field;
use crate::schema::*;
use crate::{CoreError, StoryFlag, StoryStatus};

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

#[derive(Debug, Clone, PartialEq)]
pub enum StoryEdit {
    SetText {
        story_id: String,
        field: StoryField,
        text: String,
    },
    /// Whether the story's notes stay off the projector (they do by default).
    SetNotesPrivate { story_id: String, private: bool },
    SetStatus {
        story_id: String,
        status: StoryStatus,
    },
    SetLabel {
        story_id: String,
        label: String,
        on: bool,
    },
    /// Puts a marker for the session on a story, or takes it off.
    SetFlag {
        story_id: String,
        flag: StoryFlag,
        on: bool,
    },
    /// Ticks a hand-checked Definition-of-Ready item.
    SetReadyCheck {
        story_id: String,
        item_id: String,
        on: bool,
    },
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &StoryEdit) -> Result<String, CoreError> {
    match edit {
        StoryEdit::SetText {
            story_id,
            field,
            text,
        } => set_text(rec, story_id, *field, text),
        StoryEdit::SetNotesPrivate { story_id, private } => {
            let obj = story(rec, story_id)?;
            let entity = Entity::Story(story_id.clone());
            rec.set(&entity, NOTES_PRIVATE, Some(ScalarValue::Boolean(*private)))?;
            let verb = if *private { "Keep private" } else { "Share" };
            Ok(format!("{verb} the notes of '{}'", title_of(rec.tx, &obj)))
        }
        StoryEdit::SetStatus { story_id, status } => {
            let obj = story(rec, story_id)?;
            rec.set_str(&Entity::Story(story_id.clone()), STATUS, status.as_str())?;
            Ok(format!(
                "Set '{}' to {}",
                title_of(rec.tx, &obj),
                status.as_str()
            ))
        }
        StoryEdit::SetLabel {
            story_id,
            label,
            on,
        } => {
            let obj = story(rec, story_id)?;
            let label = bounded("label", label, MAX_LABEL_CHARS)?;
            if label.is_empty() {
                return Err(CoreError::InvalidInput("a label needs a name".into()));
            }
            let labels = crate::read::key_set(rec.tx, &obj, LABELS);
            if *on && !labels.contains(&label) && labels.len() >= MAX_LABELS_PER_STORY {
                return Err(CoreError::InvalidInput(format!(
                    "a story holds at most {MAX_LABELS_PER_STORY} labels; remove one first"
                )));
            }
            set_member(rec, (story_id, &obj), LABELS, &label, *on)?;
            let verb = if *on { "Label" } else { "Unlabel" };
            Ok(format!("{verb} '{}' {label}", title_of(rec.tx, &obj)))
        }
        StoryEdit::SetFlag { story_id, flag, on } => {
            let obj = story(rec, story_id)?;
            let value = on.then_some(ScalarValue::Boolean(true));
            rec.set(&Entity::Story(story_id.clone()), flag.key(), value)?;
            let verb = if *on { "Flag" } else { "Unflag" };
            let title = title_of(rec.tx, &obj);
            Ok(format!(
                "{verb} '{title}' as {}",
                flag.label().to_lowercase()
            ))
        }
        StoryEdit::SetReadyCheck {
            story_id,
            item_id,
            on,
        } => {
            let obj = story(rec, story_id)?;
            live_dor_item(rec, item_id)?;
            set_member(rec, (story_id, &obj), READY_CHECKS, item_id, *on)?;
            Ok(format!("Check readiness of '{}'", title_of(rec.tx, &obj)))
        }
    }
}

fn set_text(
    rec: &mut EditTx<'_, '_>,
    story_id: &str,
    field: StoryField,
    text: &str,
) -> Result<String, CoreError> {
    let obj = story(rec, story_id)?;
    let max = if field == StoryField::Description {
        MAX_DESCRIPTION_CHARS
    } else {
        MAX_TEXT_CHARS
    };
    let text = bounded(field.describe(), text, max)?;
    let entity = Entity::Story(story_id.to_owned());
    if field == StoryField::Description {
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
    Ok(format!(
        "Edit the {} of '{}'",
        field.describe(),
        title_of(rec.tx, &obj)
    ))
}
