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
    // Made absolute once, so every path the window gets back (a backup's) is a full path.
    .map(|dir| std::path::absolute(&dir).unwrap_or(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_data_dir_becomes_a_full_path() {
        let dir = resolve_data_dir(Some("maps".into())).unwrap();
        assert!(dir.is_absolute(), "{}", dir.display());
        assert!(dir.ends_with("maps"));
    }
}
