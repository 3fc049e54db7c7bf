//! A `.storymap` file opened from the desktop: what the preview shows before anything is
//! written, for a map new here and for one we have, and a file that is not a map.

use storymap_api::{ErrorCode, Workspace};

#[test]
fn the_preview_tells_what_a_file_holds_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut ana = Workspace::open(&dir.path().join("ana")).unwrap();
    ana.set_display_name("Ana Lee").unwrap();
    let map = ana.open_start_map().unwrap();
    let file = dir.path().join("Online grocery shop.storymap");
    ana.export_map_file(&map.map.id, &file).unwrap();

    let ben = Workspace::open(&dir.path().join("ben")).unwrap();
    let maps_before = ben.list_maps().unwrap();
    let preview = ben.preview_map_file(&file).unwrap();
    assert_eq!(preview.file_name, "Online grocery shop.storymap");
    assert_eq!(preview.map_id, map.map.id);
    assert_eq!(preview.map_name, map.map.name);
    assert_eq!(preview.story_count as usize, map.stories.len());
    assert!(!preview.already_here, "new on Ben's laptop");
    assert!(preview.last_change_at.is_some());
    assert_eq!(
        ben.list_maps().unwrap(),
        maps_before,
        "a preview writes nothing"
    );

    let here = ana.preview_map_file(&file).unwrap();
    assert!(here.already_here, "Ana has it: opening merges");

    let notes = dir.path().join("notes.storymap");
    std::fs::write(&notes, "not a map").unwrap();
    let refused = ben.preview_map_file(&notes).unwrap_err();
    assert_ne!(refused.code, ErrorCode::Internal);
    assert!(
        refused
            .message
            .contains("notes.storymap is not a Storymap map file"),
        "{}",
        refused.message
    );
}

#[test]
fn a_dropped_file_is_kept_and_previewed_and_the_next_drop_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut ana = Workspace::open(&dir.path().join("ana")).unwrap();
    let map = ana.open_start_map().unwrap();
    let file = dir.path().join("shop.storymap");
    ana.export_map_file(&map.map.id, &file).unwrap();
    let bytes = std::fs::read(&file).unwrap();

    let mut ben = Workspace::open(&dir.path().join("ben")).unwrap();
    // A name with folders in it keeps only its last part.
    let preview = ben
        .receive_dropped_file("../../etc/shop.storymap", &bytes)
        .unwrap();
    assert_eq!(preview.file_name, "shop.storymap");
    assert!(preview
        .path
        .starts_with(&dir.path().join("ben").join("dropped").display().to_string()));
    assert_eq!(preview.map_name, map.map.name);
    let received = ben
        .import_map_file(std::path::Path::new(&preview.path))
        .unwrap();
    assert!(!received.merged);

    let refused = ben.receive_dropped_file("notes.txt", b"hello").unwrap_err();
    assert!(
        refused
            .message
            .contains("notes.txt is not a Storymap map file"),
        "{}",
        refused.message
    );
    assert!(
        !std::path::Path::new(&preview.path).exists(),
        "the next drop replaced it"
    );
}
