//! Files the workspace writes for the user (exports): whole or not at all, and named in
//! progress reports by their file name.

use std::path::{Path, PathBuf};

use crate::{ApiError, ErrorCode};

/// Writes `bytes` to `path` through a partial file, so a failure never leaves half a file
/// and an existing file is replaced only once the new one is complete.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let write = std::fs::write(&partial, bytes).and_then(|_| std::fs::rename(&partial, path));
    write.map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        ApiError::new(
            ErrorCode::Storage,
            format!("cannot write {}: {e}", path.display()),
        )
    })
}

/// "Exporting map.pdf": what a progress report about `path` is called.
pub(crate) fn operation(verb: &str, path: &Path) -> String {
    let name = path.file_name().unwrap_or(path.as_os_str());
    format!("{verb} {}", name.to_string_lossy())
}
