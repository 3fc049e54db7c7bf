//! The events Rust sends the window, each declared once: its name and its payload type.
//! `src-tauri` emits them through [`AppEvent`], so a payload cannot go out under the wrong
//! name; `ui/src/bindings/events.ts` is rendered from the same declarations.

use std::marker::PhantomData;

use serde::Serialize;

use crate::dto_sync::{RemoteChange, SyncStatus};
use crate::progress::ProgressView;
use crate::ApiError;

/// An event name tied to the one payload type it carries.
pub struct AppEvent<T> {
    pub name: &'static str,
    payload: PhantomData<fn(T)>,
}

impl<T: Serialize> AppEvent<T> {
    const fn new(name: &'static str) -> Self {
        AppEvent {
            name,
            payload: PhantomData,
        }
    }
}

/// An event as the UI listens to it: `(name, payload's TypeScript type, doc)`.
pub struct EventSpec {
    pub name: &'static str,
    pub payload: String,
    pub doc: String,
}

macro_rules! events {
    ($($(#[doc = $doc:literal])+ $constant:ident: $payload:ty = $name:literal;)+) => {
        $(
            $(#[doc = $doc])+
            pub const $constant: AppEvent<$payload> = AppEvent::new($name);
        )+

        /// Every event above, for the generated bindings.
        pub fn specs(config: &ts_rs::Config) -> Vec<EventSpec> {
            vec![$(EventSpec {
                name: $name,
                payload: <$payload as ts_rs::TS>::name(config),
                doc: [$($doc),+].map(str::trim).join(" "),
            }),+]
        }
    };
}

events! {
    /// Where a map's sync stands, each time that changes.
    SYNC_STATUS: SyncStatus = "sync-status";
    /// Teammates' changes merged into a map this device has.
    REMOTE_CHANGE: RemoteChange = "remote-change";
    /// The list of maps changed outside the window (a map joined or received by sync).
    MAPS_CHANGED: () = "maps-changed";
    /// Where long work (an import, a large image) stands, once it has run for a second.
    PROGRESS: ProgressView = "progress";
    /// The day's backup pass failed (say, a full disk); it is tried again within the hour.
    BACKUP_FAILED: ApiError = "backup-failed";
    /// Storymap was started again to open a file or an invitation: ask with `takeLaunchRequest`.
    LAUNCH_REQUEST: () = "launch-request";
}
