//! Every shared map syncs, open or not (issue #13 item 4), through the sync session's
//! store side (`Workspace::sync_generate` / `sync_receive`): a teammate's story reaches a
//! map that is not open — its projection and the list are updated, the open map stays
//! open and untouched — and opening that map afterwards shows it, from its warm copy.
//! Two workspaces on real SQLite files talk Automerge's sync protocol in memory.

mod one_story;

use one_story::{one_story, story_of};
use storymap_api::{CardEdit, MapEdit, PeerState, SyncReceived, SyncSettingsInput, Workspace};

fn share(workspace: &mut Workspace, map: &str) {
    workspace
        .save_sync_settings(
            map,
            SyncSettingsInput {
                enabled: true,
                server_url: Some("ws://127.0.0.1:3030".into()),
                make_default: false,
                display_name: "Ana".into(),
            },
        )
        .unwrap();
}

/// Syncs `map` between two workspaces until neither has anything to send; what the
/// receiving side of each message reported.
fn sync(a: &mut Workspace, b: &mut Workspace, map: &str) -> Vec<&'static str> {
    let (mut a_state, mut b_state) = (PeerState::new(), PeerState::new());
    let mut outcomes = Vec::new();
    loop {
        let to_b = a.sync_generate(map, &mut a_state).unwrap();
        let to_a = b.sync_generate(map, &mut b_state).unwrap();
        if to_a.is_none() && to_b.is_none() {
            return outcomes;
        }
        for (message, receiver, state) in
            [(to_b, &mut *b, &mut b_state), (to_a, &mut *a, &mut a_state)]
        {
            if let Some(message) = message {
                outcomes.push(match receiver.sync_receive(map, state, message).unwrap() {
                    SyncReceived::Nothing => "nothing",
                    SyncReceived::Open(_) => "open",
                    SyncReceived::Background => "background",
                });
            }
        }
    }
}

#[test]
fn a_teammates_change_to_a_map_that_is_not_open_updates_its_projection_and_list() {
    let (ana_dir, ben_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut ana = Workspace::open(ana_dir.path()).unwrap();
    let (shared, story) = one_story(&mut ana);
    share(&mut ana, &shared);
    let file = ana_dir.path().join("shared.storymap");
    ana.export_map_file(&shared, &file).unwrap();
    let mut ben = Workspace::open(ben_dir.path()).unwrap();
    ben.import_map_file(&file).unwrap();
    // Ana opens another map and edits it: the shared one is put away, still warm.
    let other = ana.create_map("Returns").unwrap().map.id;
    ana.open_map(&other).unwrap();
    ana.apply_edit(
        &other,
        storymap_api::SliceEdit::AddRelease {
            title: "Now".into(),
        }
        .into(),
    )
    .unwrap();

    ben.open_map(&shared).unwrap();
    let card = story_of(&ben, &shared, &story);
    let (step, release) = (card.step_id, card.release_id);
    let add = CardEdit::AddStory {
        step_id: step,
        release_id: release,
        title: "Pay by invoice".into(),
    };
    ben.apply_edit(&shared, MapEdit::from(add)).unwrap();

    let outcomes = sync(&mut ana, &mut ben, &shared);
    assert!(outcomes.contains(&"background"), "{outcomes:?}");
    assert!(
        !outcomes.contains(&"open"),
        "the open map is not patched: {outcomes:?}"
    );
    let listed = ana.list_maps().unwrap();
    let count = |id: &str| listed.iter().find(|m| m.id == id).unwrap().story_count;
    assert_eq!(count(&shared), 2, "the projection of the map not open");
    assert_eq!(count(&other), 0);
    assert_eq!(
        ana.sync_heads(&shared).unwrap(),
        ben.sync_heads(&shared).unwrap(),
        "in step"
    );

    // Opening it shows the story, and so does a restart (it was stored, not only warm).
    let titles = |view: &storymap_api::MapView| -> Vec<String> {
        view.stories.iter().map(|s| s.title.clone()).collect()
    };
    assert!(titles(&ana.open_map(&shared).unwrap()).contains(&"Pay by invoice".to_owned()));
    drop(ana);
    let mut reopened = Workspace::open(ana_dir.path()).unwrap();
    assert!(titles(&reopened.open_map(&shared).unwrap()).contains(&"Pay by invoice".to_owned()));
}

#[test]
fn changes_to_the_open_map_reach_the_window_as_a_remote_change() {
    let (ana_dir, ben_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut ana = Workspace::open(ana_dir.path()).unwrap();
    let (shared, story) = one_story(&mut ana);
    let file = ana_dir.path().join("shared.storymap");
    ana.export_map_file(&shared, &file).unwrap();
    let mut ben = Workspace::open(ben_dir.path()).unwrap();
    ben.import_map_file(&file).unwrap();
    let rename = CardEdit::RenameStory {
        story_id: story.clone(),
        title: "Pay by card or wallet".into(),
    };
    ben.apply_edit(&shared, MapEdit::from(rename)).unwrap();
    ana.open_map(&shared).unwrap();

    let outcomes = sync(&mut ana, &mut ben, &shared);
    assert!(outcomes.contains(&"open"), "{outcomes:?}");
    assert_eq!(
        story_of(&ana, &shared, &story).title,
        "Pay by card or wallet"
    );
}
