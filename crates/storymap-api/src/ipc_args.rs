//! Every argument the window sends, checked before a handler sees it: ids, names and texts
//! bounded, paths absolute. The window is trusted code, but a bug or an injected script in
//! it must get `invalidInput`, not a megabyte id stored in the settings or a relative path
//! written beside the binary. `src-tauri`'s `commands!` calls [`IpcArg::check`] on each
//! argument of each command, so a command whose argument type has no check does not build.
//! Edits (`MapEdit`) carry their own bounds: the core refuses them with the same code.

use std::path::PathBuf;

use storymap_core::limits::{thousands, MAX_TITLE_CHARS};

use crate::{
    ApiError, BacklogQuery, ChangesSince, ErrorCode, ImageFormat, ImageScope, JiraStatusMapping,
    JiraTarget, MapEdit, PresentationFocus, SyncSettingsInput, ViewPrefs, MAX_IMPORT_BYTES,
};

/// Ids are UUIDs here, but a map imported from a file keeps the ids it had.
pub const MAX_ID_CHARS: usize = 200;
pub const MAX_URL_CHARS: usize = 2_048;
pub const MAX_PATH_BYTES: usize = 4_096;
/// More slices than any map has: a list past it is not this device's collapsed slices.
pub const MAX_COLLAPSED_SLICES: usize = 1_000;

/// What a text argument is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRule {
    Id,
    Title,
    Url,
    /// A whole CSV pasted or read by the window.
    Document,
    /// Several lines a person wrote (a stakeholder update).
    LongText,
}

/// The rule for a text argument named `name` (a command's parameter or a DTO field).
pub fn rule_for(name: &str) -> Option<TextRule> {
    match name {
        _ if name.ends_with("_id") || name == "hash" => Some(TextRule::Id),
        "name" | "title" | "display_name" | "label" | "jira_status" | "file_name" => {
            Some(TextRule::Title)
        }
        "url" | "server_url" => Some(TextRule::Url),
        "csv_text" => Some(TextRule::Document),
        "text" => Some(TextRule::LongText),
        _ => None,
    }
}

fn invalid(message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

fn check_text(name: &str, text: &str) -> Result<(), ApiError> {
    let shown = name.replace('_', " ");
    let rule = rule_for(name).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Internal,
            format!("the argument {shown} has no check"),
        )
    })?;
    let (max, single_line) = match rule {
        TextRule::Id => (MAX_ID_CHARS, true),
        TextRule::Title => (MAX_TITLE_CHARS, true),
        TextRule::Url => (MAX_URL_CHARS, true),
        // Bytes bound chars; the reader refuses bigger files the same way.
        TextRule::Document => (MAX_IMPORT_BYTES as usize, false),
        TextRule::LongText => (crate::workspace_session::MAX_UPDATE_CHARS, false),
    };
    if rule == TextRule::Id && text.is_empty() {
        return Err(invalid(format!("the {shown} is empty")));
    }
    if text.len() > max && text.chars().count() > max {
        return Err(invalid(format!(
            "the {shown} is longer than {} characters",
            thousands(max)
        )));
    }
    if single_line {
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            return Err(invalid(format!(
                "the {shown} contains the control character U+{:04X}",
                c as u32
            )));
        }
    }
    Ok(())
}

/// An argument the window sends, checked as a whole before any handler runs.
pub trait IpcArg {
    fn check(&self, name: &str) -> Result<(), ApiError>;
}

impl IpcArg for String {
    fn check(&self, name: &str) -> Result<(), ApiError> {
        check_text(name, self)
    }
}

impl<T: IpcArg> IpcArg for Option<T> {
    fn check(&self, name: &str) -> Result<(), ApiError> {
        self.as_ref().map_or(Ok(()), |value| value.check(name))
    }
}

impl IpcArg for PathBuf {
    fn check(&self, name: &str) -> Result<(), ApiError> {
        let shown = self.display();
        if self.as_os_str().len() > MAX_PATH_BYTES {
            return Err(invalid(format!(
                "the {name} is longer than {} bytes",
                thousands(MAX_PATH_BYTES)
            )));
        }
        if !self.is_absolute() {
            return Err(invalid(format!(
                "the {name} '{shown}' is not a full path: choose the file in the dialog"
            )));
        }
        Ok(())
    }
}

/// A file's bytes (a `.storymap` file dropped on the window), bounded like a file read.
impl IpcArg for Vec<u8> {
    fn check(&self, name: &str) -> Result<(), ApiError> {
        if self.len() as u64 > crate::files::MAX_IMPORT_BYTES {
            return Err(invalid(format!(
                "the {name} is larger than {} MB",
                crate::files::MAX_IMPORT_BYTES / (1024 * 1024)
            )));
        }
        Ok(())
    }
}

impl IpcArg for BacklogQuery {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        self.release_id.check("release_id")?;
        self.activity_id.check("activity_id")?;
        self.label.check("label")
    }
}

impl IpcArg for ViewPrefs {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        // The zoom is clamped when saved; the list is this device's to keep small.
        if self.collapsed_release_ids.len() > MAX_COLLAPSED_SLICES {
            return Err(invalid(format!(
                "{} collapsed slices is more than a map has",
                thousands(self.collapsed_release_ids.len())
            )));
        }
        self.collapsed_release_ids
            .iter()
            .try_for_each(|id| id.check("release_id"))
    }
}

impl IpcArg for SyncSettingsInput {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        self.server_url.check("server_url")?;
        self.display_name.check("display_name")
    }
}

impl IpcArg for ImageScope {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        match self {
            ImageScope::WholeMap => Ok(()),
            ImageScope::Slice { release_id } => release_id.check("release_id"),
        }
    }
}

impl IpcArg for ChangesSince {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        match self {
            ChangesSince::LastSync | ChangesSince::LastOpened | ChangesSince::LastSession => Ok(()),
            // Parsed as a date by the handler, which names a bad one.
            ChangesSince::Date { date } if date.len() <= 64 => Ok(()),
            ChangesSince::Date { .. } => Err(invalid("the date is not a date".into())),
        }
    }
}

impl IpcArg for PresentationFocus {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        match self {
            PresentationFocus::Story { story_id } => story_id.check("story_id"),
            PresentationFocus::Slice { release_id } => release_id.check("release_id"),
            PresentationFocus::Activity { activity_id } => activity_id.check("activity_id"),
        }
    }
}

impl IpcArg for JiraTarget {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        match self {
            JiraTarget::NewMap { name } => name.check("name"),
            JiraTarget::ExistingMap { map_id } => map_id.check("map_id"),
        }
    }
}

impl IpcArg for Vec<JiraStatusMapping> {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        self.iter()
            .try_for_each(|mapping| mapping.jira_status.check("jira_status"))
    }
}

/// A yes/no choice: nothing to bound.
impl IpcArg for bool {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        Ok(())
    }
}

/// A count of things to list: the answer is bounded by what the map holds.
impl IpcArg for u32 {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        Ok(())
    }
}

/// Closed sets: serde refused anything else before the command ran.
impl IpcArg for ImageFormat {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        Ok(())
    }
}

/// Every text in an edit is bounded by the core (`storymap_core::limits`) and every id is
/// looked up in the map, both with `invalidInput`/`notFound`, before anything is written.
impl IpcArg for MapEdit {
    fn check(&self, _: &str) -> Result<(), ApiError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
