//! Files the workspace writes for the user (exports): whole or not at all, and named in
//! progress reports by their file name; and files it reads (imports), bounded in size.

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

/// The largest file an import reads: ten times a 10,000-story Jira export, so a wrong or
/// hostile file is refused before it fills memory.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a file to import whole, refusing one over [`MAX_IMPORT_BYTES`] before reading it.
pub fn read_import_file(path: &Path) -> Result<Vec<u8>, ApiError> {
    let cannot_read = |e: std::io::Error| {
        ApiError::new(
            ErrorCode::NotFound,
            format!("cannot read {}: {e}", path.display()),
        )
    };
    let size = std::fs::metadata(path).map_err(cannot_read)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "{} is {} MB, more than the {} MB an import reads: is it the right file?",
                path.display(),
                size / (1024 * 1024),
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
        ));
    }
    std::fs::read(path).map_err(cannot_read)
}
