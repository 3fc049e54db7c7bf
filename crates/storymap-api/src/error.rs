//! The error every handler returns: a fixed `code` the UI branches on, and a message for people.

use serde::{Deserialize, Serialize};
use storymap_core::CoreError;
use storymap_store::StoreError;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    CorruptData,
    /// The database file itself cannot be read: `Workspace::repair` can rebuild it.
    DatabaseDamaged,
    ForeignDocument,
    StorageFull,
    Storage,
    /// The sync server cannot be reached or stopped answering; edits are kept.
    Network,
    /// The user stopped the work (a join); nothing of it was kept.
    Cancelled,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
        }
    }
}

/// The code of a domain error, shared by edits and by documents read from the store.
fn core_code(error: &CoreError) -> ErrorCode {
    match error {
        CoreError::NotFound { .. } => ErrorCode::NotFound,
        CoreError::InvalidInput(_) => ErrorCode::InvalidInput,
        CoreError::ForeignDocument(_)
        | CoreError::RefusedChanges(_)
        | CoreError::NewerSchema { .. } => ErrorCode::ForeignDocument,
        CoreError::Corrupt(_) | CoreError::Malformed(_) => ErrorCode::CorruptData,
    }
}

impl From<CoreError> for ApiError {
    fn from(error: CoreError) -> Self {
        ApiError::new(core_code(&error), error.to_string())
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        ApiError::new(store_code(&error), error.to_string())
    }
}

/// The code the UI gets for a store error.
fn store_code(error: &StoreError) -> ErrorCode {
    match error {
        StoreError::MapNotFound(_) => ErrorCode::NotFound,
        StoreError::DiskFull => ErrorCode::StorageFull,
        StoreError::Corrupt { .. } => ErrorCode::DatabaseDamaged,
        StoreError::NewerDatabase { .. } => ErrorCode::CorruptData,
        StoreError::NotStorymap { .. } => ErrorCode::ForeignDocument,
        StoreError::ReadOnly { .. } => ErrorCode::Storage,
        // A stored document that is not foreign but fails to read is damaged.
        StoreError::Refused { source } => core_code(source),
        StoreError::Document { source, .. } => match core_code(source) {
            ErrorCode::ForeignDocument => ErrorCode::ForeignDocument,
            _ => ErrorCode::CorruptData,
        },
        StoreError::Busy | StoreError::Sqlite(_) => ErrorCode::Storage,
    }
}

impl From<storymap_sync::SyncError> for ApiError {
    fn from(error: storymap_sync::SyncError) -> Self {
        use storymap_sync::SyncError::*;
        let code = match &error {
            InvalidShareUrl(_)
            | InvalidServerUrl(_)
            | UnencryptedServer { .. }
            | NotShareable(_) => ErrorCode::InvalidInput,
            ServerUnreachable { .. } | Interrupted { .. } | Protocol { .. } => ErrorCode::Network,
            NotOnServer { .. } => ErrorCode::NotFound,
            Store(_) => ErrorCode::Storage,
            Stopped => ErrorCode::Internal,
            Cancelled => ErrorCode::Cancelled,
            // The store side's own error, with its own code (a peer's changes refused as
            // foreign, a full disk), not a generic storage error.
            Replica(inner) => {
                if let Some(api) = inner.downcast_ref::<ApiError>() {
                    return api.clone();
                }
                match inner.downcast_ref::<StoreError>() {
                    Some(store) => store_code(store),
                    None => ErrorCode::Storage,
                }
            }
        };
        ApiError::new(code, error.to_string())
    }
}

impl From<ApiError> for storymap_sync::SyncError {
    fn from(error: ApiError) -> Self {
        storymap_sync::SyncError::Replica(std::sync::Arc::new(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storymap_sync::SyncError;

    #[test]
    fn errors_keep_their_code_through_the_sync_layer() {
        let refused = ApiError::new(
            ErrorCode::ForeignDocument,
            "the changes from ben make the map's stories a number; nothing was merged",
        );
        let through = ApiError::from(SyncError::from(refused.clone()));
        assert_eq!(through, refused);
        let full = ApiError::from(SyncError::from(StoreError::DiskFull));
        assert_eq!(full.code, ErrorCode::StorageFull);
        assert_eq!(full.message, StoreError::DiskFull.to_string());
        let down = SyncError::ServerUnreachable {
            url: "ws://10.0.0.2:3030".into(),
            reason: "connection refused".into(),
        };
        assert_eq!(ApiError::from(down).code, ErrorCode::Network);
    }
}
