//! A change the server relays that breaks the schema (a teammate's copy made `stories` a
//! number) reaches `Workspace::merge_remote` — what both shells' `Replica::merge` call —
//! and is refused with its code, the map unchanged, as often as it is sent; the sync
//! layer gets the message. No network: the bytes are fixtures (tests/fixtures/peer/).

use storymap_api::{ErrorCode, Workspace};

const MAP: &str = "9b2f1c3e-0d4a-4c5b-8e6f-7a8b9c0d1e2f";

fn fixture(name: &str) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/peer");
    std::fs::read(format!("{dir}/{name}")).unwrap()
}

fn titles(workspace: &mut Workspace) -> Vec<String> {
    let view = workspace.open_map(MAP).unwrap();
    view.stories.into_iter().map(|s| s.title).collect()
}

#[test]
fn a_refused_remote_change_is_an_error_with_its_code_every_time_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(dir.path()).unwrap();
    // Joining: the map arrives whole and is added.
    assert!(workspace
        .merge_remote(MAP, &fixture("base.storymap"))
        .unwrap()
        .is_none());
    assert_eq!(titles(&mut workspace), ["Pay by card"]);

    let hostile = fixture("stories-a-number.changes");
    for _ in 0..2 {
        let error = workspace.merge_remote(MAP, &hostile).unwrap_err();
        assert_eq!(error.code, ErrorCode::ForeignDocument, "{}", error.message);
        let what = "the changes from ben make the map's stories a number; nothing was merged";
        assert!(error.message.contains(what), "{}", error.message);
        assert_eq!(error.message, what, "the stored map is not blamed");
        let sync_error = storymap_sync::SyncError::from(error);
        assert!(sync_error.to_string().contains(what), "{sync_error}");
        // …and the code comes back whole from the sync layer.
        let back = storymap_api::ApiError::from(sync_error);
        assert_eq!(back.code, ErrorCode::ForeignDocument);
        assert_eq!(titles(&mut workspace), ["Pay by card"]);
    }

    // A valid change from the same teammate, not built on the refused one, still merges.
    let merged = workspace
        .merge_remote(MAP, &fixture("rename.changes"))
        .unwrap()
        .expect("a change for the window");
    assert_eq!(merged.label, "Merged 1 change by ben");
    assert_eq!(titles(&mut workspace), ["Pay by phone"]);
}
