//! The one transaction type every edit family writes through: the Automerge transaction
//! with its undo [`Recorder`], what the edit needs from outside (id, time, author), the
//! placement index that replaces scans of the whole map, and what the edit did.

use std::ops::{Deref, DerefMut};

use automerge::transaction::Transaction;

use crate::history::{Entity, FieldWrite, Recorder};
use crate::placement::Placement;
use crate::schema::DEPENDS_ON;

/// What an edit needs from outside the pure core: the id for anything it creates, the
/// wall-clock time in Unix seconds stamped on the change, and who makes it (the device's
/// user name: the change's author, a session's facilitator, a note's author).
#[derive(Debug, Clone)]
pub struct EditContext {
    pub new_id: String,
    pub unix_time: i64,
    pub author: String,
}

/// What an edit did: what it created, the fields it wrote (for undo), and which rows of
/// the projection it touched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    /// For the change message and the Undo menu, e.g. "Move story 'Pay by card'".
    pub label: String,
    pub created_id: Option<String>,
    pub map_renamed: bool,
    /// Activities, steps or release slices changed: the backbone rows are rewritten.
    pub outline_changed: bool,
    /// The Definition of Ready, size table or point limit changed: every story's
    /// readiness may have changed.
    pub settings_changed: bool,
    pub stories: Vec<String>,
    /// Refinement sessions written (they are not in the projection: read from the document).
    pub sessions: Vec<String>,
    pub writes: Vec<FieldWrite>,
}

impl Applied {
    /// What a set of field writes touched.
    pub(crate) fn from_writes(label: String, writes: Vec<FieldWrite>) -> Applied {
        let mut applied = Applied {
            label,
            ..Applied::default()
        };
        for write in &writes {
            applied.note(&write.entity);
        }
        applied.writes = writes;
        applied
    }

    fn note(&mut self, entity: &Entity) {
        match entity {
            Entity::Map => self.map_renamed = true,
            Entity::Activity(_) | Entity::Step(_) | Entity::Release(_) => {
                self.outline_changed = true
            }
            Entity::Settings
            | Entity::SettingsPart(_)
            | Entity::DorItem(_)
            | Entity::Objective(_)
            | Entity::Persona(_) => self.settings_changed = true,
            session @ (Entity::Session(_) | Entity::SessionItem(..) | Entity::RoundVotes(..)) => {
                let id = session.session_id().expect("a part of a session");
                if !self.sessions.iter().any(|s| s == id) {
                    self.sessions.push(id.to_owned());
                }
            }
            story => {
                let id = story
                    .story_id()
                    .expect("the other entities are parts of a story");
                self.touch_stories([id.to_owned()]);
            }
        }
    }

    /// Stories a dependency link written by this edit points at.
    pub fn linked_stories(&self) -> Vec<String> {
        self.writes
            .iter()
            .filter(|w| matches!(&w.entity, Entity::StoryPart(_, part) if *part == DEPENDS_ON))
            .map(|w| w.field.clone())
            .collect()
    }

    pub(crate) fn touch_stories(&mut self, stories: impl IntoIterator<Item = String>) {
        let stories = stories.into_iter();
        if stories.size_hint().1.is_some_and(|n| n <= 1) {
            for story in stories {
                if !self.stories.contains(&story) {
                    self.stories.push(story);
                }
            }
            return;
        }
        // A set for many: a moved step can bring thousands of stories.
        let mut seen: rustc_hash::FxHashSet<String> = self.stories.iter().cloned().collect();
        for story in stories {
            if seen.insert(story.clone()) {
                self.stories.push(story);
            }
        }
    }

    /// Another edit of the same batch, folded into this one.
    pub(crate) fn absorb(&mut self, other: Applied) {
        self.map_renamed |= other.map_renamed;
        self.outline_changed |= other.outline_changed;
        self.settings_changed |= other.settings_changed;
        self.touch_stories(other.stories);
        for session in other.sessions {
            if !self.sessions.contains(&session) {
                self.sessions.push(session);
            }
        }
        self.created_id = self.created_id.take().or(other.created_id);
        self.writes.extend(other.writes);
    }
}

/// One edit in progress. Derefs to its [`Recorder`], so family code writes
/// `rec.set_str(..)` and reads `rec.tx`.
pub(crate) struct EditTx<'a, 'b> {
    rec: Recorder<'a, 'b>,
    pub new_id: &'a str,
    pub time: i64,
    pub author: &'a str,
    /// Stories per cell in rank order and dependency links, as of this transaction.
    pub placement: &'a Placement,
    pub created_id: Option<String>,
    /// Stories whose projection rows change although the edit wrote none of their fields
    /// (a moved step changes its stories' activity).
    pub touched: Vec<String>,
}

impl<'a, 'b> EditTx<'a, 'b> {
    pub fn new(
        tx: &'a mut Transaction<'b>,
        context: (&'a str, i64, &'a str),
        placement: &'a Placement,
    ) -> Self {
        let (new_id, time, author) = context;
        EditTx {
            rec: Recorder::new(tx),
            new_id,
            time,
            author,
            placement,
            created_id: None,
            touched: Vec::new(),
        }
    }

    /// Marks the edit's new id as what it created, and returns it.
    pub fn create(&mut self) -> String {
        self.created_id = Some(self.new_id.to_owned());
        self.new_id.to_owned()
    }

    pub fn finish(self, label: String) -> Applied {
        let mut applied = Applied::from_writes(label, self.rec.writes);
        applied.created_id = self.created_id;
        applied.touch_stories(self.touched);
        applied
    }
}

impl<'a, 'b> Deref for EditTx<'a, 'b> {
    type Target = Recorder<'a, 'b>;
    fn deref(&self) -> &Self::Target {
        &self.rec
    }
}

impl DerefMut for EditTx<'_, '_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.rec
    }
}
