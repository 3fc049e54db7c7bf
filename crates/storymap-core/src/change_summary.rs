//! Plain sentences for what one change did (see `change_effect`): "ben changed the
//! estimate from 3 to 5", "ana moved it to Checkout / Release 2". Values are read as they
//! were just before and just after the change.

use automerge::{Automerge, ChangeHash, ChangeMetadata, ObjId, ObjType, ReadDoc, Value, ROOT};

use crate::authors::author_of;
use crate::change_effect::{Effect, ItemTouch, StoryTouch};
use crate::comments::mentions;
use crate::field_key::{field_label, quoted, PLACE_FIELDS, POSITION};
use crate::read::{map_field, str_field};
use crate::schema::*;
use crate::StoryStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Restored,
    Moved,
    Edited,
    CriterionAdded,
    CriterionEdited,
    CriterionRemoved,
    CommentAdded,
    CommentEdited,
    CommentRemoved,
    /// A link added, edited or removed.
    Link,
    Backbone,
    Settings,
}

/// One thing one change did, e.g. "ben changed the estimate from 3 to 5".
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeEntry {
    /// The change's hash, hex.
    pub hash: String,
    pub author: String,
    pub unix_time: i64,
    pub kind: ChangeKind,
    /// The field ("estimate", "position", "criterion:<id>", "step:<id>"), when one.
    pub field: Option<String>,
    pub summary: String,
    /// For an edited scalar field (the estimate, say): its value just before and just
    /// after the change; `None` when absent or for other kinds of entry.
    pub before: Option<String>,
    pub after: Option<String>,
    /// For a comment written or edited: the names it `@mentions`, as written then.
    pub mentions: Vec<String>,
}

/// One change as the views need it.
pub(crate) struct Change {
    pub(crate) hash: ChangeHash,
    pub(crate) deps: Vec<ChangeHash>,
    pub(crate) author: String,
    pub(crate) unix_time: i64,
    pub(crate) message: String,
    pub(crate) actor: automerge::ActorId,
    pub(crate) ops: (u64, u64),
}

impl Change {
    /// The author comes from the document: Automerge records it once per actor, so a
    /// change's own metadata may not carry it.
    pub(crate) fn from_meta(doc: &Automerge, meta: ChangeMetadata<'_>) -> Change {
        Change {
            hash: meta.hash,
            deps: meta.deps,
            author: author_of(doc, &meta.actor),
            unix_time: meta.timestamp,
            message: meta.message.map(|m| m.into_owned()).unwrap_or_default(),
            actor: meta.actor.into_owned(),
            ops: (meta.start_op, meta.max_op),
        }
    }

    fn entry(&self, kind: ChangeKind, field: Option<String>, summary: String) -> ChangeEntry {
        ChangeEntry {
            hash: self.hash.to_string(),
            author: self.author.clone(),
            unix_time: self.unix_time,
            kind,
            field,
            summary,
            before: None,
            after: None,
            mentions: Vec::new(),
        }
    }
}

/// A field's value at `heads` (the text of a Text field).
fn str_at(doc: &Automerge, obj: &ObjId, key: &str, heads: &[ChangeHash]) -> Option<String> {
    match doc.get_at(obj, key, heads).ok()?? {
        (Value::Scalar(s), _) => s.as_str().map(str::to_owned),
        (Value::Object(ObjType::Text), id) => doc.text_at(&id, heads).ok(),
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

/// A step's or slice's title as of `heads`, else now.
fn title_in(doc: &Automerge, collection: &str, id: &str, heads: &[ChangeHash]) -> String {
    map_field(doc, &ROOT, collection)
        .and_then(|c| map_field(doc, &c, id))
        .and_then(|obj| str_at(doc, &obj, TITLE, heads).or_else(|| str_field(doc, &obj, TITLE)))
        .unwrap_or_else(|| "a removed place".to_owned())
}

/// How one field's change reads ("ana changed the estimate from 3 to 5"); `None` for the
/// fields a move or a split already tells.
fn field_summary(
    who: &str,
    field: &str,
    before: Option<String>,
    now: Option<String>,
) -> Option<String> {
    let label = field_label(field);
    Some(match field {
        f if PLACE_FIELDS.contains(&f) || f == CREATED_AT => return None,
        SPLIT_FROM | SPLIT_FROM_TITLE => return None,
        DESCRIPTION => format!("{who} edited the description"),
        // Writing the value already shown settles a conflict over it.
        STATUS if before.is_some() && before == now => format!(
            "{who} kept the status {}",
            StoryStatus::parse(now.as_deref().unwrap_or_default()).default_label()
        ),
        _ if before.is_some() && before == now => format!(
            "{who} kept the {label} {}",
            quoted(now.as_deref().unwrap_or_default())
        ),
        STATUS => {
            let name = |s: Option<String>| StoryStatus::parse(&s.unwrap_or_default());
            format!(
                "{who} changed the status from {} to {}",
                name(before).default_label(),
                name(now).default_label()
            )
        }
        ESTIMATE => match (before, now) {
            (None, Some(now)) => format!("{who} estimated it at {now}"),
            (Some(before), Some(now)) => {
                format!("{who} changed the estimate from {before} to {now}")
            }
            (_, None) => format!("{who} cleared the estimate"),
        },
        SPLIT_INTO => format!("{who} split the story"),
        FLAG_RISKY | FLAG_UNCLEAR | FLAG_RESEARCH_NEEDED | FLAG_DISCUSSION_NEEDED => {
            let verb = if now.is_some() { "set" } else { "cleared" };
            format!("{who} {verb} the {label}")
        }
        // The value is an id: say what happened, not which id.
        OBJECTIVE_ID if now.is_none() => format!("{who} took it off its objective"),
        OBJECTIVE_ID if before.is_none() => format!("{who} aligned it to an objective"),
        LABELS | DEPENDS_ON | READY_CHECKS | WSJF | OBJECTIVE_ID => {
            format!("{who} changed the {label}")
        }
        _ => match (before, now) {
            (None, Some(now)) => format!("{who} set the {label} to {}", quoted(&now)),
            (Some(before), Some(now)) => format!(
                "{who} changed the {label} from {} to {}",
                quoted(&before),
                quoted(&now)
            ),
            (_, None) => format!("{who} cleared the {label}"),
        },
    })
}

pub(crate) fn story_entries<'a>(
    doc: &'a Automerge,
    change: &'a Change,
    touch: &'a StoryTouch,
) -> impl Iterator<Item = ChangeEntry> + 'a {
    let who = &change.author;
    let after = [change.hash];
    let mut out = Vec::new();
    let item = &touch.item;
    if item.created {
        out.push(change.entry(ChangeKind::Added, None, format!("{who} added the story")));
        return out.into_iter();
    }
    match item.deleted {
        Some(true) => out.push(change.entry(
            ChangeKind::Removed,
            None,
            format!("{who} removed the story"),
        )),
        Some(false) => out.push(change.entry(
            ChangeKind::Restored,
            None,
            format!("{who} restored the story"),
        )),
        None => {}
    }
    let obj = item.obj.as_ref();
    let at = |key: &str, heads: &[ChangeHash]| obj.and_then(|o| str_at(doc, o, key, heads));
    if item
        .fields
        .iter()
        .any(|f| PLACE_FIELDS.contains(&f.as_str()))
    {
        let step = at(STEP_ID, &after).unwrap_or_default();
        let release = at(RELEASE_ID, &after).unwrap_or_default();
        let place = format!(
            "{} / {}",
            title_in(doc, STEPS, &step, &after),
            title_in(doc, RELEASES, &release, &after)
        );
        let only_rank = item.fields.iter().all(|f| f != STEP_ID && f != RELEASE_ID);
        let summary = if only_rank {
            format!("{who} reordered it within {place}")
        } else {
            format!("{who} moved it to {place}")
        };
        out.push(change.entry(ChangeKind::Moved, Some(POSITION.to_owned()), summary));
    }
    for field in &item.fields {
        let (before, now) = (at(field, &change.deps), at(field, &after));
        let Some(summary) = field_summary(who, field, before, now) else {
            continue;
        };
        let mut entry = change.entry(ChangeKind::Edited, Some(field.clone()), summary);
        entry.before = at(field, &change.deps);
        entry.after = at(field, &after);
        out.push(entry);
    }
    for (id, criterion) in &touch.criteria {
        out.extend(criterion_entry(doc, change, id, criterion));
    }
    for ((collection, id), item) in &touch.discussion {
        out.extend(discussion_entry(doc, change, (collection, id), item));
    }
    out.into_iter()
}

/// "ana commented: "…"", "ben removed the link "Wireframe"".
fn discussion_entry(
    doc: &Automerge,
    change: &Change,
    (collection, id): (&str, &str),
    touch: &ItemTouch,
) -> Option<ChangeEntry> {
    let who = &change.author;
    let obj = touch.obj.as_ref()?;
    let is_comment = collection == COMMENTS;
    let key = if is_comment { TEXT } else { TITLE };
    let text = str_at(doc, obj, key, &[change.hash]).unwrap_or_default();
    let mentioned = if is_comment && touch.deleted != Some(true) {
        mentions(&text)
    } else {
        Vec::new()
    };
    let mut shown = text;
    if shown.chars().count() > 80 {
        shown = shown.chars().take(79).chain(['…']).collect();
    }
    let shown = quoted(&shown);
    let (kind, summary) = match (is_comment, touch.created, touch.deleted) {
        (true, true, _) | (true, _, Some(false)) => {
            (ChangeKind::CommentAdded, format!("{who} commented {shown}"))
        }
        (true, _, Some(true)) => (
            ChangeKind::CommentRemoved,
            format!("{who} deleted a comment"),
        ),
        (true, ..) => (
            ChangeKind::CommentEdited,
            format!("{who} edited a comment to {shown}"),
        ),
        (false, true, _) | (false, _, Some(false)) => {
            (ChangeKind::Link, format!("{who} added the link {shown}"))
        }
        (false, _, Some(true)) => (ChangeKind::Link, format!("{who} removed the link {shown}")),
        (false, ..) => (ChangeKind::Link, format!("{who} edited the link {shown}")),
    };
    let field = if is_comment { "comment" } else { "link" };
    let mut entry = change.entry(kind, Some(format!("{field}:{id}")), summary);
    entry.mentions = mentioned;
    Some(entry)
}

fn criterion_entry(
    doc: &Automerge,
    change: &Change,
    id: &str,
    touch: &ItemTouch,
) -> Option<ChangeEntry> {
    let who = &change.author;
    let after = [change.hash];
    let obj = touch.obj.as_ref()?;
    let text = |heads: &[ChangeHash]| quoted(&str_at(doc, obj, TEXT, heads).unwrap_or_default());
    let has = |key: &str| touch.fields.iter().any(|f| f == key);
    let (kind, summary) = if touch.created || touch.deleted == Some(false) {
        let verb = if touch.created { "added" } else { "restored" };
        let summary = format!("{who} {verb} the criterion {}", text(&after));
        (ChangeKind::CriterionAdded, summary)
    } else if touch.deleted == Some(true) {
        let summary = format!("{who} removed the criterion {}", text(&after));
        (ChangeKind::CriterionRemoved, summary)
    } else {
        let summary = if has(TEXT) {
            format!(
                "{who} changed the criterion {} to {}",
                text(&change.deps),
                text(&after)
            )
        } else if has(DONE) {
            let done = matches!(
                doc.get_at(obj, DONE, &after),
                Ok(Some((Value::Scalar(s), _))) if s.as_bool() == Some(true)
            );
            let verb = if done { "ticked" } else { "unticked" };
            format!("{who} {verb} the criterion {}", text(&after))
        } else if touch.fields.iter().all(|f| f == RANK) {
            format!("{who} reordered the criterion {}", text(&after))
        } else {
            format!("{who} edited the criterion {}", text(&after))
        };
        (ChangeKind::CriterionEdited, summary)
    };
    Some(change.entry(kind, Some(format!("criterion:{id}")), summary))
}

pub(crate) fn map_level_entries<'a>(
    doc: &'a Automerge,
    change: &'a Change,
    effect: &'a Effect,
) -> impl Iterator<Item = ChangeEntry> + 'a {
    let who = &change.author;
    let after = [change.hash];
    let mut out = Vec::new();
    let name = || quoted(&str_at(doc, &ROOT, NAME, &after).unwrap_or_default());
    if effect.created_map {
        let summary = format!("{who} created the map {}", name());
        out.push(change.entry(ChangeKind::Added, None, summary));
    } else if effect.renamed_map {
        let summary = format!("{who} renamed the map to {}", name());
        out.push(change.entry(ChangeKind::Settings, Some(NAME.to_owned()), summary));
    }
    if effect.settings {
        let summary = match change.message.as_str() {
            "" => format!("{who} changed the map's settings"),
            message => format!("{who} changed the map's settings ({message})"),
        };
        out.push(change.entry(ChangeKind::Settings, Some(SETTINGS.to_owned()), summary));
    }
    for outline in &effect.outline {
        let (word, key) = match outline.collection.as_str() {
            ACTIVITIES => ("activity", "activity"),
            STEPS => ("step", "step"),
            _ => ("release slice", "release"),
        };
        let item = &outline.item;
        let title = |heads: &[ChangeHash]| {
            let title = item.obj.as_ref().and_then(|o| str_at(doc, o, TITLE, heads));
            quoted(&title.unwrap_or_default())
        };
        let summary = if item.created {
            format!("{who} added the {word} {}", title(&after))
        } else if let Some(deleted) = item.deleted {
            let verb = if deleted { "deleted" } else { "restored" };
            format!("{who} {verb} the {word} {}", title(&after))
        } else if item.fields.iter().any(|f| f == TITLE) {
            format!(
                "{who} renamed the {word} {} to {}",
                title(&change.deps),
                title(&after)
            )
        } else {
            format!("{who} moved the {word} {}", title(&after))
        };
        let field = Some(format!("{key}:{}", outline.id));
        out.push(change.entry(ChangeKind::Backbone, field, summary));
    }
    out.into_iter()
}
