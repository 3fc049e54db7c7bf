//! Errors of the domain: what a caller did wrong, or what is wrong with a document.

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("no {kind} with id {id} in this map")]
    NotFound { kind: &'static str, id: String },
    #[error("{0}")]
    InvalidInput(String),
    #[error("not a story map document: {0}")]
    ForeignDocument(String),
    /// A peer's changes that would break the map's schema (`merge_check.rs`): "the changes
    /// from ben make the map's stories a number; nothing was merged".
    #[error("{0}")]
    RefusedChanges(String),
    #[error("this map was written by a newer Storymap (schema {found}, this version reads up to {supported}); update Storymap to open it")]
    NewerSchema { found: u64, supported: u64 },
    #[error("the map document is damaged: {0}")]
    Corrupt(#[from] automerge::AutomergeError),
    #[error("the map document is damaged: {0}")]
    Malformed(String),
}

impl CoreError {
    pub(crate) fn not_found(kind: &'static str, id: &str) -> Self {
        CoreError::NotFound {
            kind,
            id: id.to_owned(),
        }
    }
}
