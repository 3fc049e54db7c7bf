//! Fuzzing sync messages (issue #14): a teammate's or a server's Automerge sync messages,
//! damaged on the way. A copy of the map decodes and applies them; what it received then
//! reaches the map through `MapDocument::merge`, as a message's changes do in
//! `Workspace::sync_receive`. Each case: the decoder or the merge refuses with a message, or
//! the map reads; nothing panics, and the local map is never left unreadable by a refusal.

mod hostile_common;

use automerge::sync::{Message, State, SyncDoc};
use automerge::Automerge;
use hostile_common::*;
use proptest::prelude::*;
use storymap_core::{CardEdit, EditContext, MapDocument};

/// Ben's copy of the map, with a day's edits Ana does not have.
fn teammate(map: &MapDocument) -> MapDocument {
    let mut ben = MapDocument::load(&map.save()).unwrap();
    ben.set_author("ben");
    let story = map.read().unwrap().stories[0].clone();
    let context = |n: u32| EditContext {
        new_id: format!("ben-{n}"),
        unix_time: 1_700_000_100 + i64::from(n),
        author: "ben".into(),
    };
    let add = CardEdit::AddStory {
        step_id: story.step_id.clone(),
        release_id: story.release_id.clone(),
        title: "Pay with a voucher".into(),
    };
    ben.apply(&add.into(), &context(1)).unwrap();
    let rename = CardEdit::RenameStory {
        story_id: story.id.clone(),
        title: "Pay by card or wallet".into(),
    };
    ben.apply(&rename.into(), &context(2)).unwrap();
    ben
}

/// Which message of the exchange is damaged, and how.
#[derive(Debug, Clone)]
struct Damage {
    message: usize,
    edits: Vec<ByteEdit>,
}

/// Syncs a copy of Ana's map with Ben's, damaging one of Ben's messages on the way;
/// returns the copy as it ended.
fn exchange(map: &MapDocument, ben: &MapDocument, damage: &Damage) -> Automerge {
    let mut ours = map.automerge().clone();
    let mut theirs = ben.automerge().clone();
    let (mut our_state, mut their_state) = (State::new(), State::new());
    let mut sent = 0;
    for _ in 0..8 {
        let mut quiet = true;
        if let Some(message) = ours.generate_sync_message(&mut our_state) {
            quiet = false;
            theirs
                .receive_sync_message(&mut their_state, message)
                .unwrap();
        }
        if let Some(message) = theirs.generate_sync_message(&mut their_state) {
            quiet = false;
            let mut bytes = message.encode();
            if sent == damage.message {
                for edit in &damage.edits {
                    mutate(&mut bytes, edit);
                }
            }
            sent += 1;
            // A message that cannot be decoded or applied is dropped here; the app's session
            // ends the connection with a protocol error instead (storymap-sync).
            if let Ok(message) = Message::decode(&bytes) {
                let _ = ours.receive_sync_message(&mut our_state, message);
            }
        }
        if quiet {
            break;
        }
    }
    ours
}

fn check_sync(damage: &Damage) {
    let mut map = real_map();
    let ben = teammate(&map);
    let received = exchange(&map, &ben, damage);
    let before = map.save();
    match map.merge(&received.save_after(&map.heads())) {
        Ok(_) => {
            check_reads(&map);
        }
        Err(error) => {
            check_error(&error);
            // The store reloads a refused merge from disk; the bytes it had still read.
            let reloaded = MapDocument::load(&before).unwrap();
            assert!(reloaded.read().is_ok());
        }
    }
}

fn damage() -> impl Strategy<Value = Damage> {
    (0..4usize, prop::collection::vec(byte_edit(), 1..5))
        .prop_map(|(message, edits)| Damage { message, edits })
}

proptest! {
    // Each case syncs a real map: fewer cases by default, PROPTEST_CASES for the long run.
    #![proptest_config(config(48))]

    #[test]
    fn a_damaged_sync_message_is_dropped_or_merged_never_a_panic(damage in damage()) {
        check_sync(&damage);
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn arbitrary_bytes_as_a_sync_message_are_refused_by_the_decoder_or_harmless(
        bytes in prop::collection::vec(any::<u8>(), 0..512)
    ) {
        let map = real_map();
        let mut ours = map.automerge().clone();
        if let Ok(message) = Message::decode(&bytes) {
            let _ = ours.receive_sync_message(&mut State::new(), message);
        }
        let mut merged = real_map();
        match merged.merge(&ours.save_after(&map.heads())) {
            Ok(_) => {
                check_reads(&merged);
            }
            Err(error) => check_error(&error),
        }
    }
}

/// Undamaged, the exchange brings Ben's day: the check above is not vacuous.
#[test]
fn an_undamaged_exchange_brings_the_teammates_edits() {
    let mut map = real_map();
    let ben = teammate(&map);
    let no_damage = Damage {
        message: usize::MAX,
        edits: Vec::new(),
    };
    let received = exchange(&map, &ben, &no_damage);
    map.merge(&received.save_after(&map.heads()))
        .unwrap()
        .expect("something new");
    let titles: Vec<String> = map
        .read()
        .unwrap()
        .stories
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert!(
        titles.contains(&"Pay with a voucher".to_owned()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Pay by card or wallet".to_owned()),
        "{titles:?}"
    );
}
