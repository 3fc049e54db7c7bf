//! The sans-IO session over a simulated network (`sim`): real Automerge maps, a double of
//! automerge-repo's sync server, and messages delivered in order, dropped, duplicated or
//! reordered as each test says. Every test ends with both sides converged: the same
//! heads everywhere, every edit present once.

mod sim;

use std::collections::BTreeMap;

use automerge::ReadDoc;
use sim::{add_story, assert_converged, doc_id, new_map, stories, Network, Way};
use storymap_sync::{Effect, SyncError, SyncState, Wire};

const MAP: &str = "6f1c1a0e-2d4b-4c8e-9a57-3b0f5d2e8c11";
const OTHER_MAP: &str = "0b9d2c4e-7a61-4f3b-8e2d-5c1a9f7b3e20";

/// Alice shares a map with one story and Bob joins it: both in step with the server.
fn shared() -> (Network, usize, usize, Vec<String>) {
    let mut net = Network::new();
    let (a, b) = (net.add_client("alice"), net.add_client("bob"));
    let mut doc = new_map("alice", "Checkout");
    add_story(&mut doc, "pay by card");
    net.clients[a].docs.maps.insert(MAP.to_owned(), doc);
    for c in [a, b] {
        net.add_map(c, MAP, &doc_id(MAP));
        net.connect(c);
        net.run();
    }
    let expected = vec!["pay by card".to_owned()];
    assert_converged(&net, MAP, &[a, b], &expected);
    (net, a, b, expected)
}

fn edit(net: &mut Network, c: usize, map_id: &str, story: String, expected: &mut Vec<String>) {
    net.edit(c, map_id, &story);
    expected.push(story);
}

#[test]
fn a_shared_map_is_joined_by_request_whole_and_only_once_in_step() {
    let mut net = Network::new();
    let (a, b) = (net.add_client("alice"), net.add_client("bob"));
    let mut doc = new_map("alice", "Checkout");
    add_story(&mut doc, "pay by card");
    net.clients[a].docs.maps.insert(MAP.to_owned(), doc);
    net.add_map(a, MAP, &doc_id(MAP));
    net.connect(a);
    net.run();
    let mut expected = vec!["pay by card".to_owned()];
    assert_converged(&net, MAP, &[a], &expected);
    // The server had nothing of the map: its first share reports what was sent, once.
    let sharing: Vec<usize> = net.clients[a]
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::Sharing { sent, .. } => Some(*sent),
            _ => None,
        })
        .collect();
    assert_eq!(sharing.len(), 1, "{sharing:?}");
    assert!(sharing[0] > 0);
    for i in 0..20 {
        edit(&mut net, a, MAP, format!("story {i}"), &mut expected);
    }
    net.run();

    // A first try loses the server's answer (the whole map): nothing of it is kept.
    net.add_map(b, MAP, &doc_id(MAP));
    net.connect(b);
    for way in [Way::ToServer, Way::ToClient, Way::ToServer] {
        assert!(net.deliver(b, way));
    }
    assert_eq!(net.in_flight(b), 1, "the server's answer");
    net.disconnect(b, "connection reset");
    assert!(net.clients[b].docs.maps.is_empty());
    net.connect(b);
    assert!(matches!(
        Wire::decode(&net.clients[b].sent_frames()[0]).unwrap(),
        Wire::Join { .. }
    ));
    let mut deliveries = 0;
    net.run_checked(|net| {
        deliveries += 1;
        let bob = &net.clients[b];
        let has_map = bob.docs.maps.contains_key(MAP);
        // Never half a map: it is there exactly when the session said it is in step.
        assert_eq!(has_map, bob.in_step_count(MAP) > 0, "after {deliveries}");
        if has_map {
            assert_eq!(stories(bob.docs.map(MAP)).len(), 21);
        }
    });
    let bob = &net.clients[b];
    let sent: Vec<Wire> = bob
        .sent_frames()
        .iter()
        .map(|f| Wire::decode(f).unwrap())
        .collect();
    assert!(matches!(sent[1], Wire::Request { .. }), "{:?}", sent[1]);
    assert!(bob
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Joining { .. })));
    let alice_shared = |e: &Effect| matches!(e, Effect::Sharing { .. });
    assert_eq!(
        net.clients[a]
            .effects
            .iter()
            .filter(|e| alice_shared(e))
            .count(),
        1,
        "later edits are not a first share"
    );
    assert_eq!(bob.docs.joined, [MAP]);
    assert_converged(&net, MAP, &[a, b], &expected);

    // Joined, the map syncs both ways like any other, and is never handed over again.
    edit(&mut net, b, MAP, "bob's first".to_owned(), &mut expected);
    edit(&mut net, a, MAP, "alice's reply".to_owned(), &mut expected);
    net.run();
    assert_converged(&net, MAP, &[a, b], &expected);
    net.disconnect(b, "bye");
    net.connect(b);
    net.run();
    assert_eq!(net.clients[b].docs.joined, [MAP]);
    assert_converged(&net, MAP, &[a, b], &expected);
}

/// A map with a history (200 stories, in step), a day offline on both sides, then Alice
/// comes back (from the sync state saved when she was last in step, or from a fresh one
/// when `forget` is set), then Bob. Returns the bytes Alice sent on coming back.
fn day_offline(forget: bool) -> usize {
    let (mut net, a, b, mut expected) = shared();
    for i in 0..200 {
        edit(&mut net, a, MAP, format!("last month {i}"), &mut expected);
    }
    net.run();
    assert_converged(&net, MAP, &[a, b], &expected);
    let key = (MAP.to_owned(), "server-storage".to_owned());
    assert!(net.clients[a].docs.saved.contains_key(&key));
    net.disconnect(a, "laptop closed");
    net.disconnect(b, "laptop closed");
    for i in 0..50 {
        edit(
            &mut net,
            a,
            MAP,
            format!("alice offline {i}"),
            &mut expected,
        );
        edit(&mut net, b, MAP, format!("bob offline {i}"), &mut expected);
    }
    assert_eq!(
        net.in_flight(a) + net.in_flight(b),
        0,
        "offline edits stay home"
    );
    if forget {
        net.clients[a].docs.saved.clear();
    }
    let mark = net.clients[a].effects.len();
    net.connect(a);
    net.run();
    let sent = net.clients[a].sent_since(mark);
    net.connect(b);
    net.run();
    assert_converged(&net, MAP, &[a, b], &expected);
    assert_eq!(
        net.server.docs[&doc_id(MAP)].get_changes(&[]).len(),
        2 + 200 + 100
    );
    sent
}

#[test]
fn a_day_offline_on_both_sides_converges_and_the_saved_state_sends_less() {
    let from_saved = day_offline(false);
    let from_fresh = day_offline(true);
    assert!(
        from_saved < from_fresh,
        "from the saved state {from_saved} bytes, from a fresh one {from_fresh}"
    );
}

#[test]
fn a_connection_lost_mid_push_converges_and_retries_back_off_until_a_peer_answers() {
    let (mut net, a, b, mut expected) = shared();
    for i in 0..3 {
        edit(&mut net, a, MAP, format!("alice {i}"), &mut expected);
    }
    // The first push reaches the server; the rest, and the server's answer, are lost.
    assert!(net.deliver(a, Way::ToServer));
    assert!(net.in_flight(a) > 0);
    net.drop_in_flight(a);
    net.disconnect(a, "connection reset");
    net.run();
    assert_eq!(
        stories(net.clients[b].docs.map(MAP)).len(),
        2,
        "bob got the first"
    );
    // Two dials that fail before the server answers.
    for _ in 0..2 {
        net.connect(a);
        net.drop_in_flight(a);
        net.disconnect(a, "timed out");
    }
    assert_eq!(net.clients[a].retries(), [0.5, 1.0, 2.0]);
    assert!(matches!(
        net.clients[a].last_status(MAP),
        Some(SyncState::Offline { reason }) if reason.contains("trying again within 2 s (attempt 4)")
    ));
    edit(&mut net, b, MAP, "bob meanwhile".to_owned(), &mut expected);
    net.run();

    net.connect(a);
    net.run();
    assert_converged(&net, MAP, &[a, b], &expected);
    // A server that answered resets the backoff.
    net.disconnect(a, "connection reset");
    assert_eq!(net.clients[a].retries(), [0.5, 1.0, 2.0, 0.5]);
    net.connect(a);
    net.run();
    assert_converged(&net, MAP, &[a, b], &expected);
}

#[test]
fn duplicated_and_reordered_messages_converge_without_duplicates() {
    let (mut net, a, b, mut expected) = shared();
    for i in 0..5 {
        edit(&mut net, a, MAP, format!("alice {i}"), &mut expected);
        edit(&mut net, b, MAP, format!("bob {i}"), &mut expected);
    }
    for _ in 0..8 {
        for c in [a, b] {
            net.duplicate(c, Way::ToServer);
            net.reverse(c, Way::ToClient);
            net.duplicate(c, Way::ToClient);
            net.deliver(c, Way::ToServer);
            net.deliver(c, Way::ToClient);
        }
    }
    net.run();
    assert_converged(&net, MAP, &[a, b], &expected);

    // A reconnection whose hello and answers arrive twice, the answers last first.
    net.disconnect(a, "flaky wifi");
    edit(&mut net, a, MAP, "alice after".to_owned(), &mut expected);
    net.connect(a);
    net.duplicate(a, Way::ToServer);
    for _ in 0..6 {
        net.deliver(a, Way::ToServer);
        net.reverse(a, Way::ToClient);
        net.duplicate(a, Way::ToClient);
        net.deliver(a, Way::ToClient);
    }
    net.run();
    assert_converged(&net, MAP, &[a, b], &expected);
}

#[test]
fn a_server_restarted_from_an_older_copy_gets_everything_back() {
    let (mut net, a, b, mut expected) = shared();
    let older = net.server.docs[&doc_id(MAP)].clone();
    for i in 0..10 {
        edit(&mut net, a, MAP, format!("alice {i}"), &mut expected);
    }
    edit(&mut net, b, MAP, "bob".to_owned(), &mut expected);
    net.run();
    assert_converged(&net, MAP, &[a, b], &expected);

    net.disconnect(a, "server restarting");
    net.disconnect(b, "server restarting");
    net.server
        .restart_with(BTreeMap::from([(doc_id(MAP), older)]));
    assert_eq!(stories(&net.server.docs[&doc_id(MAP)]), ["pay by card"]);
    // Bob has one more edit the server never saw.
    edit(&mut net, b, MAP, "bob offline".to_owned(), &mut expected);
    net.connect(a);
    net.connect(b);
    net.run();
    assert_converged(&net, MAP, &[a, b], &expected);
}

#[test]
fn two_maps_on_one_session_each_stay_in_step_with_their_own_changes() {
    let (mut net, a, b, mut expected) = shared();
    net.clients[a]
        .docs
        .maps
        .insert(OTHER_MAP.to_owned(), new_map("alice", "Search"));
    net.add_map(a, OTHER_MAP, &doc_id(OTHER_MAP));
    net.run();
    net.add_map(b, OTHER_MAP, &doc_id(OTHER_MAP));
    net.run();
    let mut other = Vec::new();
    assert_converged(&net, OTHER_MAP, &[a, b], &other);
    for i in 0..4 {
        edit(&mut net, a, OTHER_MAP, format!("search {i}"), &mut other);
        edit(&mut net, b, MAP, format!("checkout {i}"), &mut expected);
    }
    edit(
        &mut net,
        b,
        OTHER_MAP,
        "search by bob".to_owned(),
        &mut other,
    );
    net.run();
    assert_converged(&net, MAP, &[a, b], &expected);
    assert_converged(&net, OTHER_MAP, &[a, b], &other);
    let title = |c: usize, map: &str| {
        let doc = net.clients[c].docs.map(map);
        doc.get(automerge::ROOT, "title")
            .unwrap()
            .unwrap()
            .0
            .to_string()
    };
    assert_eq!(title(b, MAP), "\"Checkout\"");
    assert_eq!(title(b, OTHER_MAP), "\"Search\"");
    assert_eq!(net.clients[b].docs.joined, [MAP, OTHER_MAP]);
}

#[test]
fn joining_a_map_the_server_lacks_is_not_on_server_and_keeps_nothing() {
    let mut net = Network::new();
    let b = net.add_client("bob");
    net.add_map(b, OTHER_MAP, &doc_id(OTHER_MAP));
    net.connect(b);
    net.run();
    let bob = &net.clients[b];
    assert!(
        matches!(&bob.errors[..], [SyncError::NotOnServer { url }] if url == "ws://sim"),
        "{:?}",
        bob.errors
    );
    assert!(bob.docs.maps.is_empty() && bob.docs.joined.is_empty());
    assert!(!bob.session.is_in_step(OTHER_MAP));
    assert!(net.server.docs.is_empty(), "a request creates nothing");
}

#[test]
fn a_garbage_message_is_a_protocol_error_and_changes_nothing() {
    let (mut net, a, b, mut expected) = shared();
    let heads = net.clients[a].docs.map(MAP).get_heads();
    let saved = net.clients[a].docs.saved.clone();
    let server = net.server.peer.clone();
    let garbage = [
        b"not cbor at all".to_vec(),
        Wire::Sync {
            document: doc_id(MAP),
            sender: server.clone(),
            target: "alice".to_owned(),
            data: vec![0x42, 0xff, 0xff, 0xff],
        }
        .encode(),
        Wire::Error {
            message: "unsupported".to_owned(),
        }
        .encode(),
    ];
    for bytes in garbage {
        let error = net.receive_raw(a, &bytes).unwrap_err();
        assert!(matches!(error, SyncError::Protocol { .. }), "{error:?}");
        assert!(error.to_string().contains("nothing was changed"), "{error}");
        let alice = &net.clients[a];
        assert_eq!(alice.docs.map(MAP).get_heads(), heads);
        assert_eq!(alice.docs.saved, saved);
        assert!(alice.session.is_in_step(MAP));
    }
    // The connection goes on as before.
    edit(
        &mut net,
        a,
        MAP,
        "after the garbage".to_owned(),
        &mut expected,
    );
    net.run();
    assert_converged(&net, MAP, &[a, b], &expected);
}
