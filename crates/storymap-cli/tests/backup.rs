//! `storymap backup now | list | restore` on a real data directory.

mod common;

use common::{make_shop, stdout, storymap};

#[test]
fn a_backup_is_written_listed_and_restored_beside_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let none = stdout(&storymap(dir.path(), &["backup", "list"]));
    assert!(none.starts_with("No backups yet in "), "{none}");
    make_shop(dir.path());
    let written = stdout(&storymap(dir.path(), &["backup", "now"]));
    assert!(written.contains("  Shop  "), "{written}");
    let again = stdout(&storymap(dir.path(), &["backup", "now"]));
    assert_eq!(again, "Every map's latest backup is up to date");
    let listed = stdout(&storymap(dir.path(), &["backup", "list", "--map", "Shop"]));
    assert_eq!(listed, written);
    let path = listed.rsplit("  ").next().unwrap();
    assert!(path.ends_with(".storymap"), "{path}");
    let date = &listed[..10];
    let restored = stdout(&storymap(dir.path(), &["backup", "restore", path]));
    assert!(
        restored.starts_with(&format!("Restored 'Shop (backup of {date})' (1 story): ")),
        "{restored}"
    );
    let maps = stdout(&storymap(dir.path(), &["map", "list"]));
    assert_eq!(maps.lines().count(), 2, "{maps}");
}
