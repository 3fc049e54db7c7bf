//! The error every handler returns: a fixed `code` the UI branches on, and a message for people.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    CorruptData,
    ForeignDocument,
    StorageFull,
    Storage,
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

impl From<storymap_core::CoreError> for ApiError {
    fn from(error: storymap_core::CoreError) -> Self {
        use storymap_core::CoreError as E;
        let code = match &error {
            E::NotFound { .. } => ErrorCode::NotFound,
            E::InvalidInput(_) => ErrorCode::InvalidInput,
            E::ForeignDocument(_) | E::NewerSchema { .. } => ErrorCode::ForeignDocument,
            E::Corrupt(_) => ErrorCode::CorruptData,
        };
        ApiError::new(code, error.to_string())
    }
}

impl From<storymap_store::StoreError> for ApiError {
    fn from(error: storymap_store::StoreError) -> Self {
        use storymap_store::StoreError as E;
        let code = match &error {
            E::MapNotFound(_) => ErrorCode::NotFound,
            E::DiskFull => ErrorCode::StorageFull,
            E::Corrupt { .. } | E::NewerDatabase { .. } => ErrorCode::CorruptData,
            E::Document { source, .. } => {
                return ApiError::new(ApiError::from_core_code(source), error.to_string())
            }
            E::Sqlite(_) => ErrorCode::Storage,
        };
        ApiError::new(code, error.to_string())
    }
}

impl ApiError {
    fn from_core_code(error: &storymap_core::CoreError) -> ErrorCode {
        match error {
            storymap_core::CoreError::ForeignDocument(_)
            | storymap_core::CoreError::NewerSchema { .. } => ErrorCode::ForeignDocument,
            _ => ErrorCode::CorruptData,
        }
    }
}
