//! Where one map's sync stands, as the status pill shows it.

/// Reported whenever it changes; `LocalOnly` maps never start a sync at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncState {
    LocalOnly,
    /// Dialling the server (first attempt).
    Connecting,
    /// Connected; changes are on their way in one direction or both.
    Syncing,
    /// Both sides have each other's changes.
    UpToDate,
    /// The server cannot be reached; retrying with backoff. Edits are kept.
    Offline {
        reason: String,
    },
    /// Sync stopped for a reason retrying will not fix.
    Error {
        reason: String,
    },
}

/// One line for a log or the command line: "offline: REASON".
impl std::fmt::Display for SyncState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SyncState::LocalOnly => f.write_str("not shared"),
            SyncState::Connecting => f.write_str("connecting"),
            SyncState::Syncing => f.write_str("syncing"),
            SyncState::UpToDate => f.write_str("up to date"),
            SyncState::Offline { reason } => write!(f, "offline: {reason}"),
            SyncState::Error { reason } => write!(f, "stopped: {reason}"),
        }
    }
}
