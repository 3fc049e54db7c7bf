//! The local user's undo and redo stacks for the open map. Only edits made here are
//! recorded, so undo never reaches a teammate's synced change; the core skips fields
//! changed by someone else since (see `storymap_core::UndoRecord`).

use storymap_core::UndoRecord;

use crate::dto::HistoryState;

/// Older steps fall off past this depth.
const DEPTH: usize = 100;

#[derive(Default)]
pub(crate) struct LocalHistory {
    map_id: String,
    undo: Vec<UndoRecord>,
    redo: Vec<UndoRecord>,
}

impl LocalHistory {
    /// Starts afresh when another map is edited.
    pub fn for_map(&mut self, map_id: &str) -> &mut Self {
        if self.map_id != map_id {
            *self = LocalHistory {
                map_id: map_id.to_owned(),
                ..LocalHistory::default()
            };
        }
        self
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// A new local edit: undoable, and what was undone can no longer be redone.
    pub fn record(&mut self, record: UndoRecord) {
        if record.writes.is_empty() {
            return;
        }
        self.redo.clear();
        push_bounded(&mut self.undo, record);
    }

    pub fn take_undo(&mut self) -> Option<UndoRecord> {
        self.undo.pop()
    }

    pub fn take_redo(&mut self) -> Option<UndoRecord> {
        self.redo.pop()
    }

    pub fn push_undo(&mut self, record: UndoRecord) {
        push_bounded(&mut self.undo, record);
    }

    pub fn push_redo(&mut self, record: UndoRecord) {
        push_bounded(&mut self.redo, record);
    }

    pub fn state(&self) -> HistoryState {
        HistoryState {
            undo: self.undo.last().map(|r| r.label.clone()),
            redo: self.redo.last().map(|r| r.label.clone()),
        }
    }
}

fn push_bounded(stack: &mut Vec<UndoRecord>, record: UndoRecord) {
    if stack.len() == DEPTH {
        stack.remove(0);
    }
    stack.push(record);
}
