//! The sync loop without IO: one connection to a sync server, as a state machine. The
//! runtime (`client.rs`) feeds it what happened — connected, a message arrived, a local
//! edit, the connection dropped — and carries out what it answers: messages to send,
//! statuses to show, a retry to schedule. The maps' documents are reached through
//! [`Documents`] (the workspace's warm copy in the app, plain documents in tests), so no
//! document exists twice and everything received takes the store's write path.
//!
//! Modelled on samod-core's sans-IO design; tested over a simulated network in
//! `tests/simulated_network.rs`.

use std::collections::BTreeMap;

use automerge::sync::{Message, State as PeerState, SyncDoc};
use automerge::Automerge;

pub use crate::session_io::{retry_delay, Documents, Effect, Input};
use crate::wire::Wire;
use crate::{SyncError, SyncState};

struct MapLink {
    document: String,
    peer: PeerState,
    /// A map being joined grows here until it is in step, then is handed over whole.
    joining: Option<Automerge>,
    received: usize,
    /// Bytes of a first share sent so far.
    shared: usize,
    in_step: bool,
}

struct Server {
    peer: String,
    storage_id: Option<String>,
}

pub struct Session {
    url: String,
    me: String,
    storage_id: Option<String>,
    server: Option<Server>,
    failures: u32,
    maps: BTreeMap<String, MapLink>,
}

impl Session {
    /// `me` is this connection's peer id; `storage_id` this data directory's, which the
    /// server keeps our sync state under between connections.
    pub fn new(url: &str, me: &str, storage_id: Option<String>) -> Session {
        Session {
            url: url.to_owned(),
            me: me.to_owned(),
            storage_id,
            server: None,
            failures: 0,
            maps: BTreeMap::new(),
        }
    }

    /// Adds a map to sync on this connection (`document`: its automerge-repo id).
    pub fn add_map(
        &mut self,
        map_id: &str,
        document: &str,
        docs: &mut dyn Documents,
    ) -> Result<Vec<Effect>, SyncError> {
        self.maps.insert(
            map_id.to_owned(),
            MapLink {
                document: document.to_owned(),
                peer: PeerState::new(),
                joining: None,
                received: 0,
                shared: 0,
                in_step: false,
            },
        );
        let mut effects = Vec::new();
        if self.server.is_some() {
            self.start(map_id, docs, &mut effects)?;
        }
        Ok(effects)
    }

    pub fn is_in_step(&self, map_id: &str) -> bool {
        self.maps.get(map_id).is_some_and(|link| link.in_step)
    }

    pub fn handle(
        &mut self,
        input: Input<'_>,
        docs: &mut dyn Documents,
    ) -> Result<Vec<Effect>, SyncError> {
        let mut effects = Vec::new();
        match input {
            Input::Connected => effects.push(Effect::Send(
                Wire::Join {
                    sender: self.me.clone(),
                    storage_id: self.storage_id.clone(),
                }
                .encode(),
            )),
            Input::Received(bytes) => self.received(bytes, docs, &mut effects)?,
            Input::LocalChange(map_id) => {
                if let (Some(link), true) = (self.maps.get_mut(map_id), self.server.is_some()) {
                    link.in_step = false;
                    self.send(map_id, docs, &mut effects)?;
                }
            }
            Input::Disconnected(reason) => self.disconnected(reason, &mut effects),
        }
        Ok(effects)
    }

    fn protocol(&self, reason: impl Into<String>) -> SyncError {
        SyncError::Protocol {
            url: self.url.clone(),
            reason: reason.into(),
        }
    }

    fn received(
        &mut self,
        bytes: &[u8],
        docs: &mut dyn Documents,
        effects: &mut Vec<Effect>,
    ) -> Result<(), SyncError> {
        let message = Wire::decode(bytes).map_err(|e| self.protocol(e.to_string()))?;
        match message {
            Wire::Peer {
                sender, storage_id, ..
            } => {
                self.server = Some(Server {
                    peer: sender,
                    storage_id,
                });
                self.failures = 0;
                let ids: Vec<String> = self.maps.keys().cloned().collect();
                for map_id in ids {
                    self.start(&map_id, docs, effects)?;
                }
            }
            Wire::Sync { document, data, .. } | Wire::Request { document, data, .. } => {
                let map_id = self
                    .maps
                    .iter()
                    .find(|(_, link)| link.document == document)
                    .map(|(id, _)| id.clone());
                // A message about a document we did not ask for is not ours to keep.
                if let Some(map_id) = map_id {
                    self.sync_message(&map_id, &data, docs, effects)?;
                }
            }
            Wire::DocUnavailable { document } => {
                if self.maps.values().any(|link| link.document == document) {
                    return Err(SyncError::NotOnServer {
                        url: self.url.clone(),
                    });
                }
            }
            Wire::Error { message } => return Err(self.protocol(message)),
            Wire::Join { .. } | Wire::Other(_) => {}
        }
        Ok(())
    }

    /// Starts a map's sync with the server: from the state saved last time it was in step
    /// (so only what changed since is compared), or by asking for it when it is not here.
    fn start(
        &mut self,
        map_id: &str,
        docs: &mut dyn Documents,
        effects: &mut Vec<Effect>,
    ) -> Result<(), SyncError> {
        let server_storage = self.server.as_ref().and_then(|s| s.storage_id.clone());
        let has_map = docs.has_map(map_id)?;
        let saved = match (&server_storage, has_map) {
            (Some(server), true) => docs.saved_state(map_id, server)?,
            _ => None,
        };
        let link = self.maps.get_mut(map_id).expect("started maps are added");
        // A saved state that does not decode only costs a fuller comparison.
        link.peer = saved
            .and_then(|bytes| PeerState::decode(&bytes).ok())
            .unwrap_or_default();
        link.joining = (!has_map).then(Automerge::new);
        link.received = 0;
        link.shared = 0;
        link.in_step = false;
        effects.push(Effect::Status {
            map_id: map_id.to_owned(),
            state: SyncState::Syncing,
        });
        self.send(map_id, docs, effects)
    }

    /// Sends the map's next sync message, if Automerge has one.
    fn send(
        &mut self,
        map_id: &str,
        docs: &mut dyn Documents,
        effects: &mut Vec<Effect>,
    ) -> Result<(), SyncError> {
        let Some(server) = &self.server else {
            return Ok(());
        };
        let link = self.maps.get_mut(map_id).expect("sent maps are added");
        let message = match &link.joining {
            Some(doc) => doc.generate_sync_message(&mut link.peer),
            None => docs.generate(map_id, &mut link.peer)?.map(|mut message| {
                // Without flags the server takes us for a peer that reads only changes, so
                // it never answers a map we have with the whole document (a full load).
                message.flags = None;
                message
            }),
        };
        if let Some(message) = message {
            // A server with no heads has nothing of the map: this is its first share.
            let first_share = link.joining.is_none()
                && !message.changes.is_empty()
                && link
                    .peer
                    .their_heads
                    .as_ref()
                    .is_some_and(|heads| heads.is_empty());
            let (document, sender, target, data) = (
                link.document.clone(),
                self.me.clone(),
                server.peer.clone(),
                message.encode(),
            );
            let data_len = data.len();
            let wire = if link.joining.is_some() {
                Wire::Request {
                    document,
                    sender,
                    target,
                    data,
                }
            } else {
                Wire::Sync {
                    document,
                    sender,
                    target,
                    data,
                }
            };
            if first_share {
                link.shared += data_len;
                effects.push(Effect::Sharing {
                    map_id: map_id.to_owned(),
                    sent: link.shared,
                });
            }
            effects.push(Effect::Send(wire.encode()));
        }
        Ok(())
    }

    fn sync_message(
        &mut self,
        map_id: &str,
        data: &[u8],
        docs: &mut dyn Documents,
        effects: &mut Vec<Effect>,
    ) -> Result<(), SyncError> {
        let mut message = Message::decode(data).map_err(|e| self.protocol(e.to_string()))?;
        let link = self.maps.get_mut(map_id).expect("found above");
        link.in_step = false;
        match &mut link.joining {
            Some(doc) => {
                link.received += data.len();
                doc.receive_sync_message(&mut link.peer, message)
                    .map_err(|e| SyncError::Protocol {
                        url: self.url.clone(),
                        reason: e.to_string(),
                    })?;
                effects.push(Effect::Joining {
                    map_id: map_id.to_owned(),
                    received: link.received,
                });
            }
            None => {
                // Read as a peer that sends only changes (see `send`) — unless it has
                // nothing of the map yet (a first share), which the whole document serves
                // best: one save here, one load there.
                let server_is_empty = message.heads.is_empty();
                if !server_is_empty {
                    message.flags = None;
                }
                docs.receive(map_id, &mut link.peer, message)?;
                if !server_is_empty {
                    link.peer.their_capabilities = None;
                }
            }
        }
        self.send(map_id, docs, effects)?;
        self.check_in_step(map_id, docs, effects)
    }

    fn check_in_step(
        &mut self,
        map_id: &str,
        docs: &mut dyn Documents,
        effects: &mut Vec<Effect>,
    ) -> Result<(), SyncError> {
        let link = self.maps.get_mut(map_id).expect("checked maps are added");
        let ours = match &link.joining {
            Some(doc) => doc.get_heads(),
            None => docs.heads(map_id)?,
        };
        // A join is done once something arrived and both sides have the same heads.
        if ours.is_empty() || link.peer.their_heads.as_ref() != Some(&ours) {
            return Ok(());
        }
        if let Some(doc) = link.joining.take() {
            docs.add_joined(map_id, doc)?;
        }
        link.in_step = true;
        effects.push(Effect::InStep {
            map_id: map_id.to_owned(),
            heads: ours,
            server: self.server.as_ref().and_then(|s| s.storage_id.clone()),
            saved_state: link.peer.encode(),
        });
        effects.push(Effect::Status {
            map_id: map_id.to_owned(),
            state: SyncState::UpToDate,
        });
        Ok(())
    }

    fn disconnected(&mut self, reason: String, effects: &mut Vec<Effect>) {
        self.server = None;
        self.failures += 1;
        let delay = retry_delay(self.failures);
        for (map_id, link) in &mut self.maps {
            // What was in flight may be lost: the next connection starts again from the
            // state saved when last in step (`start`). A half-joined map is dropped.
            link.joining = None;
            link.in_step = false;
            effects.push(Effect::Status {
                map_id: map_id.clone(),
                state: SyncState::Offline {
                    reason: format!(
                        "{reason}; trying again within {} s (attempt {})",
                        delay.as_secs_f32().ceil(),
                        self.failures + 1
                    ),
                },
            });
        }
        effects.push(Effect::RetryIn(delay));
    }
}
