//! The server double: what `@automerge/automerge-repo-sync-server` does for the tests.

use std::collections::BTreeMap;

use automerge::sync::{Message, State, SyncDoc};
use automerge::Automerge;
use storymap_sync::Wire;

/// A double of `@automerge/automerge-repo-sync-server`: one document per document id,
/// one sync state per (client peer, document), and the states of clients that are not
/// ephemeral (they have a storage id) kept between their connections.
pub struct SimServer {
    pub peer: String,
    pub storage_id: String,
    pub docs: BTreeMap<String, Automerge>,
    /// Connected clients: peer id → storage id.
    clients: BTreeMap<String, Option<String>>,
    states: BTreeMap<(String, String), State>,
    saved: BTreeMap<(String, String), Vec<u8>>,
}

type Outgoing = Vec<(String, Vec<u8>)>;

impl SimServer {
    pub fn new(peer: &str, storage_id: &str) -> SimServer {
        SimServer {
            peer: peer.to_owned(),
            storage_id: storage_id.to_owned(),
            docs: BTreeMap::new(),
            clients: BTreeMap::new(),
            states: BTreeMap::new(),
            saved: BTreeMap::new(),
        }
    }

    /// A restart from an older copy: `docs` replace what it had, and every sync state is gone.
    pub fn restart_with(&mut self, docs: BTreeMap<String, Automerge>) {
        self.docs = docs;
        self.clients.clear();
        self.states.clear();
        self.saved.clear();
    }

    /// What a message from `from` makes the server send, to whom.
    pub fn handle(&mut self, from: &str, bytes: &[u8]) -> Outgoing {
        match Wire::decode(bytes).expect("clients send automerge-repo messages") {
            Wire::Join { sender, storage_id } => {
                assert_eq!(sender, from);
                self.clients.insert(sender.clone(), storage_id);
                let peer = Wire::Peer {
                    sender: self.peer.clone(),
                    target: sender,
                    storage_id: Some(self.storage_id.clone()),
                };
                vec![(from.to_owned(), peer.encode())]
            }
            Wire::Request { document, .. } if !self.docs.contains_key(&document) => {
                vec![(from.to_owned(), Wire::DocUnavailable { document }.encode())]
            }
            Wire::Sync { document, data, .. } | Wire::Request { document, data, .. } => {
                self.sync(from, &document, &data)
            }
            other => panic!("a client sent {other:?}"),
        }
    }

    /// Like the real server, the in-memory state of a peer that left is kept only as far
    /// as it survives encoding (its shared heads).
    pub fn disconnect(&mut self, peer: &str) {
        self.clients.remove(peer);
        for ((p, _), state) in self.states.iter_mut() {
            if p == peer {
                *state = State::decode(&state.encode()).expect("a sync state");
            }
        }
    }

    fn sync(&mut self, from: &str, document: &str, data: &[u8]) -> Outgoing {
        let message = Message::decode(data).expect("clients send sync messages");
        let storage = self.clients.get(from).cloned().flatten();
        let key = (from.to_owned(), document.to_owned());
        let saved = storage
            .as_ref()
            .and_then(|s| self.saved.get(&(s.clone(), document.to_owned())));
        let state = self.states.entry(key).or_insert_with(|| {
            saved.map_or_else(State::new, |bytes| {
                State::decode(bytes).expect("a sync state")
            })
        });
        // A sync message about a document it does not have creates it (a first share).
        let doc = self.docs.entry(document.to_owned()).or_default();
        let before = doc.get_heads();
        doc.receive_sync_message(state, message)
            .expect("a valid sync message");
        if let Some(storage) = storage {
            self.saved
                .insert((storage, document.to_owned()), state.encode());
        }
        let changed = doc.get_heads() != before;
        let mut out = Vec::new();
        for ((peer, doc_id), state) in self.states.iter_mut() {
            let connected = self.clients.contains_key(peer);
            if doc_id != document || !connected || (peer != from && !changed) {
                continue;
            }
            if let Some(reply) = self.docs[document].generate_sync_message(state) {
                let wire = Wire::Sync {
                    document: document.to_owned(),
                    sender: self.peer.clone(),
                    target: peer.clone(),
                    data: reply.encode(),
                };
                out.push((peer.clone(), wire.encode()));
            }
        }
        out
    }
}
