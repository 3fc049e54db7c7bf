//! The boundary between Storymap's core and its shells (the Tauri app, the CLI): DTOs
//! shared with the UI, error codes, and [`Workspace`], the handlers over one data directory.
//! Nothing here knows Tauri, so both shells and the tests drive the same code.

mod about;
mod convert;
mod convert_presentation;
mod convert_refine;
mod convert_session;
mod convert_settings;
mod crossteam_views;
mod data_dir;
mod discussion_views;
mod dto;
mod dto_image;
mod dto_sync;
mod edits;
mod error;
mod files;
mod health_views;
mod history;
mod history_views;
mod invitation;
pub mod ipc_args;
mod jira_views;
mod objective_views;
mod persona_views;
mod progress;
mod refine_views;
pub mod rules;
mod session_views;
mod sync_replica;
mod workspace;
mod workspace_backup;
mod workspace_edit;
mod workspace_export;
mod workspace_file_preview;
mod workspace_health;
mod workspace_history;
mod workspace_html;
mod workspace_image;
mod workspace_jira;
mod workspace_repair;
mod workspace_session;
mod workspace_sync;

pub mod bindings;
pub mod events;

pub use about::{AboutView, LicenceView};
pub use crossteam_views::*;
pub use data_dir::{resolve_data_dir, DATABASE_FILE, DATA_DIR_ENV};
pub use discussion_views::{CommentView, LinkView};
pub use dto::*;
pub use dto_image::*;
pub use dto_sync::*;
pub use edits::*;
pub use error::{ApiError, ErrorCode};
pub use files::{read_import_file, MAX_IMPORT_BYTES};
pub use health_views::*;
pub use history_views::*;
pub use invitation::{
    invitation_link, join_target, parse_invitation, Invitation, LaunchRequest, INVITATION_SCHEME,
};
pub use jira_views::*;
pub use objective_views::*;
pub use persona_views::PersonaView;
pub use progress::{ProgressSink, ProgressView, QUIET_FOR};
pub use refine_views::*;
pub use session_views::*;
pub use storymap_sync::PeerState;
pub use sync_replica::{SyncReceived, WorkspaceAccess, WorkspaceReplica};
pub use workspace::Workspace;
pub use workspace_backup::backups_to_keep;
pub use workspace_file_preview::MapFilePreview;
pub use workspace_repair::{repair_stamp_now, RepairSource};

/// The sample map a first run opens on (the export JSON format).
pub const SAMPLE_MAP_JSON: &str = include_str!("../../../assets/sample-map.json");
