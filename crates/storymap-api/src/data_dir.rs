//! Where a data directory is: `--data-dir`, else `STORYMAP_DATA_DIR`, else the platform's
//! data directory (`~/.local/share/storymap` on Linux).

use std::path::PathBuf;

pub const DATA_DIR_ENV: &str = "STORYMAP_DATA_DIR";
pub const DATABASE_FILE: &str = "storymap.sqlite3";

pub fn resolve_data_dir(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| {
        std::env::var_os(DATA_DIR_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .or_else(|| {
        directories::ProjectDirs::from("app", "Storymap", "storymap")
            .map(|d| d.data_dir().to_owned())
    })
}
