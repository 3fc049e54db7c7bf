//! A simulated network for the sans-IO [`Session`]: maps as plain Automerge documents
//! ([`MemoryDocs`]), a double of automerge-repo's sync server ([`SimServer`]), and the
//! messages in flight between them ([`Network`]), delivered, dropped, duplicated or
//! reordered as a test says. No sockets, no clocks, no randomness.

use std::collections::{HashMap, VecDeque};

use automerge::sync::{Message, State, SyncDoc};
use automerge::transaction::Transactable;
use automerge::{ActorId, Automerge, AutomergeError, ChangeHash, ObjType, ReadDoc, ROOT};
use storymap_sync::{document_id, Documents, Effect, Input, Session, SyncError, SyncState};

mod server;
pub use server::SimServer;

/// A map with a title and a list of stories, written by `actor`.
pub fn new_map(actor: &str, title: &str) -> Automerge {
    let mut doc = Automerge::new().with_actor(ActorId::from(actor.as_bytes()));
    doc.transact::<_, _, AutomergeError>(|tx| {
        tx.put(ROOT, "title", title)?;
        tx.put_object(ROOT, "stories", ObjType::List)?;
        Ok(())
    })
    .expect("a new map");
    doc
}

pub fn add_story(doc: &mut Automerge, text: &str) {
    let (_, list) = doc
        .get(ROOT, "stories")
        .unwrap()
        .expect("a map has stories");
    doc.transact::<_, _, AutomergeError>(|tx| tx.insert(&list, tx.length(&list), text))
        .expect("a story");
}

/// The map's stories, in list order.
pub fn stories(doc: &Automerge) -> Vec<String> {
    let Some((_, list)) = doc.get(ROOT, "stories").unwrap() else {
        return Vec::new();
    };
    (0..doc.length(&list))
        .map(|i| {
            doc.get(&list, i)
                .unwrap()
                .unwrap()
                .0
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// The session's side of the maps: plain documents by map id.
pub struct MemoryDocs {
    actor: ActorId,
    pub maps: HashMap<String, Automerge>,
    /// Sync states kept from `Effect::InStep`, by (map, server storage id).
    pub saved: HashMap<(String, String), Vec<u8>>,
    /// Every map handed over by `add_joined`, in order.
    pub joined: Vec<String>,
}

impl MemoryDocs {
    pub fn new(actor: &str) -> MemoryDocs {
        MemoryDocs {
            actor: ActorId::from(actor.as_bytes()),
            maps: HashMap::new(),
            saved: HashMap::new(),
            joined: Vec::new(),
        }
    }

    pub fn map(&self, map_id: &str) -> &Automerge {
        self.maps.get(map_id).expect("the map is here")
    }

    pub fn edit(&mut self, map_id: &str, story: &str) {
        add_story(self.maps.get_mut(map_id).expect("the map is here"), story);
    }

    fn doc(&mut self, map_id: &str) -> Result<&mut Automerge, SyncError> {
        self.maps
            .get_mut(map_id)
            .ok_or_else(|| SyncError::Store(format!("no map {map_id}")))
    }
}

impl Documents for MemoryDocs {
    fn has_map(&mut self, map_id: &str) -> Result<bool, SyncError> {
        Ok(self.maps.contains_key(map_id))
    }
    fn heads(&mut self, map_id: &str) -> Result<Vec<ChangeHash>, SyncError> {
        Ok(self.doc(map_id)?.get_heads())
    }
    fn generate(&mut self, map_id: &str, state: &mut State) -> Result<Option<Message>, SyncError> {
        Ok(self.doc(map_id)?.generate_sync_message(state))
    }
    fn receive(
        &mut self,
        map_id: &str,
        state: &mut State,
        message: Message,
    ) -> Result<(), SyncError> {
        self.doc(map_id)?
            .receive_sync_message(state, message)
            .map_err(|e| SyncError::Store(e.to_string()))
    }
    fn add_joined(&mut self, map_id: &str, mut doc: Automerge) -> Result<(), SyncError> {
        assert!(!self.maps.contains_key(map_id), "{map_id} joined twice");
        doc.set_actor(self.actor.clone());
        self.joined.push(map_id.to_owned());
        self.maps.insert(map_id.to_owned(), doc);
        Ok(())
    }
    fn saved_state(&mut self, map_id: &str, server: &str) -> Result<Option<Vec<u8>>, SyncError> {
        Ok(self
            .saved
            .get(&(map_id.to_owned(), server.to_owned()))
            .cloned())
    }
}

/// One client: its session, its maps, and everything its session answered.
pub struct Client {
    pub peer: String,
    pub session: Session,
    pub docs: MemoryDocs,
    pub effects: Vec<Effect>,
    pub errors: Vec<SyncError>,
    connected: bool,
}

impl Client {
    /// Every message the session sent, in order.
    pub fn sent_frames(&self) -> Vec<Vec<u8>> {
        self.effects
            .iter()
            .filter_map(|e| match e {
                Effect::Send(bytes) => Some(bytes.clone()),
                _ => None,
            })
            .collect()
    }

    /// The bytes of every message the session sent since `effects[mark]`.
    pub fn sent_since(&self, mark: usize) -> usize {
        self.effects[mark..]
            .iter()
            .map(|e| match e {
                Effect::Send(bytes) => bytes.len(),
                _ => 0,
            })
            .sum()
    }

    pub fn retries(&self) -> Vec<f32> {
        self.effects
            .iter()
            .filter_map(|e| match e {
                Effect::RetryIn(delay) => Some(delay.as_secs_f32()),
                _ => None,
            })
            .collect()
    }

    pub fn in_step_count(&self, map_id: &str) -> usize {
        self.effects
            .iter()
            .filter(|e| matches!(e, Effect::InStep { map_id: m, .. } if m == map_id))
            .count()
    }

    pub fn last_status(&self, map_id: &str) -> Option<&SyncState> {
        self.effects.iter().rev().find_map(|e| match e {
            Effect::Status { map_id: m, state } if m == map_id => Some(state),
            _ => None,
        })
    }
}

/// Which way a message travels.
#[derive(Clone, Copy, Debug)]
pub enum Way {
    ToServer,
    ToClient,
}

/// The connections between clients and the server, with their messages in flight.
pub struct Network {
    pub server: SimServer,
    pub clients: Vec<Client>,
    to_server: Vec<VecDeque<Vec<u8>>>,
    to_client: Vec<VecDeque<Vec<u8>>>,
}

impl Network {
    pub fn new() -> Network {
        Network {
            server: SimServer::new("sync-server", "server-storage"),
            clients: Vec::new(),
            to_server: Vec::new(),
            to_client: Vec::new(),
        }
    }

    /// A client whose peer id is `peer`, its storage id `<peer>-storage`, and its actor `peer`.
    pub fn add_client(&mut self, peer: &str) -> usize {
        self.clients.push(Client {
            peer: peer.to_owned(),
            session: Session::new("ws://sim", peer, Some(format!("{peer}-storage"))),
            docs: MemoryDocs::new(peer),
            effects: Vec::new(),
            errors: Vec::new(),
            connected: false,
        });
        self.to_server.push(VecDeque::new());
        self.to_client.push(VecDeque::new());
        self.clients.len() - 1
    }

    fn apply(&mut self, c: usize, result: Result<Vec<Effect>, SyncError>) {
        let client = &mut self.clients[c];
        match result {
            Ok(effects) => {
                for effect in effects {
                    match &effect {
                        Effect::Send(bytes) if client.connected => {
                            self.to_server[c].push_back(bytes.clone())
                        }
                        Effect::InStep {
                            map_id,
                            server: Some(server),
                            saved_state,
                            ..
                        } => {
                            let key = (map_id.clone(), server.clone());
                            client.docs.saved.insert(key, saved_state.clone());
                        }
                        _ => {}
                    }
                    client.effects.push(effect);
                }
            }
            Err(error) => client.errors.push(error),
        }
    }

    fn input(&mut self, c: usize, input: Input<'_>) {
        let client = &mut self.clients[c];
        let result = client.session.handle(input, &mut client.docs);
        self.apply(c, result);
    }

    pub fn add_map(&mut self, c: usize, map_id: &str, document: &str) {
        let client = &mut self.clients[c];
        let result = client.session.add_map(map_id, document, &mut client.docs);
        self.apply(c, result);
    }

    pub fn connect(&mut self, c: usize) {
        self.clients[c].connected = true;
        self.input(c, Input::Connected);
    }

    /// The connection drops: what was in flight on it is lost.
    pub fn disconnect(&mut self, c: usize, reason: &str) {
        self.to_server[c].clear();
        self.to_client[c].clear();
        self.clients[c].connected = false;
        self.server.disconnect(&self.clients[c].peer.clone());
        self.input(c, Input::Disconnected(reason.to_owned()));
    }

    pub fn edit(&mut self, c: usize, map_id: &str, story: &str) {
        self.clients[c].docs.edit(map_id, story);
        self.input(c, Input::LocalChange(map_id));
    }

    /// Bytes arriving at the client as if from the server, and what the session made of them.
    pub fn receive_raw(&mut self, c: usize, bytes: &[u8]) -> Result<Vec<Effect>, SyncError> {
        let client = &mut self.clients[c];
        client
            .session
            .handle(Input::Received(bytes), &mut client.docs)
    }

    fn queue(&mut self, c: usize, way: Way) -> &mut VecDeque<Vec<u8>> {
        match way {
            Way::ToServer => &mut self.to_server[c],
            Way::ToClient => &mut self.to_client[c],
        }
    }

    pub fn in_flight(&self, c: usize) -> usize {
        self.to_server[c].len() + self.to_client[c].len()
    }

    /// Loses every message in flight on the connection, both ways.
    pub fn drop_in_flight(&mut self, c: usize) {
        self.to_server[c].clear();
        self.to_client[c].clear();
    }

    /// Every message in flight one way arrives twice.
    pub fn duplicate(&mut self, c: usize, way: Way) {
        let queue = self.queue(c, way);
        *queue = queue.iter().flat_map(|m| [m.clone(), m.clone()]).collect();
    }

    /// The messages in flight one way arrive last first.
    pub fn reverse(&mut self, c: usize, way: Way) {
        let queue = self.queue(c, way);
        *queue = queue.drain(..).rev().collect();
    }

    /// Delivers the next message in flight one way, if any.
    pub fn deliver(&mut self, c: usize, way: Way) -> bool {
        let Some(bytes) = self.queue(c, way).pop_front() else {
            return false;
        };
        match way {
            Way::ToClient => self.input(c, Input::Received(&bytes)),
            Way::ToServer => {
                let from = self.clients[c].peer.clone();
                for (to, reply) in self.server.handle(&from, &bytes) {
                    let to = self.clients.iter().position(|c| c.peer == to).unwrap();
                    self.to_client[to].push_back(reply);
                }
            }
        }
        true
    }

    /// Delivers in order, one message per connection and way in turn, until nothing is in
    /// flight; `check` looks at the network after every delivery.
    pub fn run_checked(&mut self, mut check: impl FnMut(&Network)) {
        for _ in 0..10_000 {
            let mut moved = false;
            for c in 0..self.clients.len() {
                for way in [Way::ToServer, Way::ToClient] {
                    if self.deliver(c, way) {
                        moved = true;
                        check(self);
                    }
                }
            }
            if !moved {
                return;
            }
        }
        panic!("the network never settled");
    }

    pub fn run(&mut self) {
        self.run_checked(|_| {});
    }
}

pub fn doc_id(map_id: &str) -> String {
    document_id(map_id).unwrap().to_string()
}

fn sorted(mut items: Vec<String>) -> Vec<String> {
    items.sort();
    items
}

/// The server and every client in `clients` have the same heads, exactly the `expected`
/// stories (each once), and the clients are in step and up to date.
pub fn assert_converged(net: &Network, map_id: &str, clients: &[usize], expected: &[String]) {
    let server = &net.server.docs[&doc_id(map_id)];
    let want = sorted(expected.to_vec());
    assert_eq!(sorted(stories(server)), want, "the server's {map_id}");
    for &c in clients {
        let client = &net.clients[c];
        let doc = client.docs.map(map_id);
        assert_eq!(
            doc.get_heads(),
            server.get_heads(),
            "{}'s heads",
            client.peer
        );
        assert_eq!(sorted(stories(doc)), want, "{}'s {map_id}", client.peer);
        assert!(client.session.is_in_step(map_id), "{} in step", client.peer);
        assert_eq!(client.last_status(map_id), Some(&SyncState::UpToDate));
        assert!(client.errors.is_empty(), "{:?}", client.errors);
    }
}
