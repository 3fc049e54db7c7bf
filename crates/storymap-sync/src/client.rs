//! The runtime around [`Session`]: a WebSocket to the server (tokio-tungstenite), timers,
//! and the store calls off the async threads. Everything it decides is the session's.
//! Two ways to run it: once (the CLI's `sync --once`, joining by link) or live (the app).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use automerge::ChangeHash;
use futures::SinkExt;
use tokio_tungstenite::tungstenite::Message as WsMessage;

use crate::document_id::document_id;
use crate::replica::ReplicaDocuments;
use crate::server::check_server_url;
use crate::session::{Effect, Input, Session};
use crate::socket::{dial, next_message, Heard, Socket};
use crate::{Replica, SyncError, SyncState};

/// Reports a status change of a map's sync.
pub type OnStatus = Arc<dyn Fn(SyncState) + Send + Sync>;
/// A big transfer under way: a map joined by link arriving, or a first share leaving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transfer {
    Joining {
        received: usize,
    },
    Sharing {
        sent: usize,
    },
    /// The transfer reported before is over (in step, or the sync stopped).
    Finished,
}

/// Reports each step of a [`Transfer`], for a progress bar.
pub type OnTransfer = Arc<dyn Fn(Transfer) + Send + Sync>;

/// What [`SyncClient::sync_once`] did.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncReport {
    pub map_id: String,
    /// The map's heads, the same on both sides when the sync finished.
    pub heads: Vec<ChangeHash>,
}

/// Transfers smaller than this (a map of a few thousand stories) report no progress.
const TRANSFER_WORTH_SHOWING: usize = 1 << 20;

/// How often `sync_once` dials again after its connection dropped midway.
const ONCE_REDIALS: u32 = 3;

/// How one connection of `sync_once` ended.
enum Once {
    InStep(Vec<ChangeHash>),
    Dropped(String),
    Silent,
}

/// How long a dial may take in the live loop before it counts as a failure.
const DIAL_WAIT: Duration = Duration::from_secs(5);

pub struct SyncClient {
    replica: Arc<dyn Replica>,
    session: Arc<Mutex<Option<Session>>>,
    on_transfer: Option<OnTransfer>,
    /// A transfer was reported and is not finished yet.
    transferring: std::sync::atomic::AtomicBool,
}

/// Runs store work (it blocks: SQLite, the workspace's lock) off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, SyncError> + Send + 'static,
) -> Result<T, SyncError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| SyncError::Store("the store task panicked".into()))?
}

impl SyncClient {
    pub fn new(replica: Arc<dyn Replica>) -> SyncClient {
        SyncClient {
            replica,
            session: Arc::new(Mutex::new(None)),
            on_transfer: None,
            transferring: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// Reports a join's bytes received and a first share's bytes sent, then their end.
    pub fn on_transfer(mut self, report: OnTransfer) -> SyncClient {
        self.on_transfer = Some(report);
        self
    }

    /// Reports the end of a transfer under way, if one is: for a caller that stopped the
    /// sync's future before it ended (a join cancelled).
    pub fn finish_transfer(&self) {
        self.report(Transfer::Finished);
    }

    fn report(&self, transfer: Transfer) {
        use std::sync::atomic::Ordering;
        let bytes = match transfer {
            Transfer::Joining { received } => received,
            Transfer::Sharing { sent } => sent,
            Transfer::Finished => usize::MAX,
        };
        // A small map comes and goes in well under a second: no bar that flashes.
        if bytes < TRANSFER_WORTH_SHOWING {
            return;
        }
        let under_way = transfer != Transfer::Finished;
        let was = self.transferring.swap(under_way, Ordering::SeqCst);
        if let (Some(report), true) = (&self.on_transfer, under_way || was) {
            report(transfer);
        }
    }

    /// Runs `f` on the session with the store as its documents, off the async threads
    /// (the store calls block); records in-step maps; returns what is left to do.
    async fn step(
        &self,
        f: impl FnOnce(&mut Session, &mut ReplicaDocuments) -> Result<Vec<Effect>, SyncError>
            + Send
            + 'static,
    ) -> Result<Vec<Effect>, SyncError> {
        let (session, replica) = (self.session.clone(), self.replica.clone());
        blocking(move || {
            let mut guard = session.lock().map_err(|_| SyncError::Stopped)?;
            let session = guard.as_mut().ok_or(SyncError::Stopped)?;
            let effects = f(session, &mut ReplicaDocuments(&*replica))?;
            let mut rest = Vec::with_capacity(effects.len());
            for effect in effects {
                match effect {
                    Effect::InStep {
                        map_id,
                        heads,
                        server,
                        saved_state,
                    } => replica.in_step(&map_id, &heads, server.as_deref(), &saved_state)?,
                    other => rest.push(other),
                }
            }
            Ok(rest)
        })
        .await
    }

    /// Sends what the session asked to send and reports statuses; returns a retry delay.
    async fn carry_out(
        &self,
        effects: Vec<Effect>,
        socket: Option<&mut Socket>,
        on_status: &OnStatus,
    ) -> Result<Option<Duration>, String> {
        let mut retry = None;
        let mut socket = socket;
        for effect in effects {
            match effect {
                Effect::Send(bytes) => {
                    if let Some(socket) = socket.as_deref_mut() {
                        socket
                            .send(WsMessage::Binary(bytes.into()))
                            .await
                            .map_err(|e| format!("the connection failed: {e}"))?;
                    }
                }
                Effect::Status { state, .. } => {
                    if !matches!(state, SyncState::Syncing | SyncState::Connecting) {
                        self.report(Transfer::Finished);
                    }
                    on_status(state)
                }
                Effect::Joining { received, .. } => self.report(Transfer::Joining { received }),
                Effect::Sharing { sent, .. } => self.report(Transfer::Sharing { sent }),
                Effect::RetryIn(delay) => retry = Some(delay),
                Effect::InStep { .. } => {}
            }
        }
        Ok(retry)
    }

    async fn begin(&self, map_id: &str, server: &str) -> Result<samod_core::DocumentId, SyncError> {
        let document = document_id(map_id)?;
        let me = format!("storymap-{}", uuid::Uuid::new_v4());
        let replica = self.replica.clone();
        let storage_id = blocking(move || replica.storage_id()).await?;
        let mut session = Session::new(server, &me, Some(storage_id));
        let replica = self.replica.clone();
        let (id, doc) = (map_id.to_owned(), document.to_string());
        let session = blocking(move || {
            session.add_map(&id, &doc, &mut ReplicaDocuments(&*replica))?;
            Ok(session)
        })
        .await?;
        *self.session.lock().map_err(|_| SyncError::Stopped)? = Some(session);
        Ok(document)
    }

    /// Syncs one map until both sides have each other's changes, then disconnects. A map
    /// this data directory does not have yet (joined by link) arrives whole and is stored
    /// only once complete. `wait` bounds the dial and any silence, not the whole transfer;
    /// a connection that drops midway is dialled again, up to [`ONCE_REDIALS`] times.
    pub async fn sync_once(
        &self,
        map_id: &str,
        server: &str,
        wait: Duration,
    ) -> Result<SyncReport, SyncError> {
        let result = self.once(map_id, server, wait).await;
        self.report(Transfer::Finished);
        result
    }

    async fn once(
        &self,
        map_id: &str,
        server: &str,
        wait: Duration,
    ) -> Result<SyncReport, SyncError> {
        check_server_url(server)?;
        self.begin(map_id, server).await?;
        let mut redials = 0;
        loop {
            let socket =
                dial(server, wait)
                    .await
                    .map_err(|reason| SyncError::ServerUnreachable {
                        url: server.to_owned(),
                        reason,
                    })?;
            match self.once_on(map_id, socket, wait).await? {
                Once::InStep(heads) => {
                    return Ok(SyncReport {
                        map_id: map_id.to_owned(),
                        heads,
                    })
                }
                Once::Dropped(reason) if redials < ONCE_REDIALS => {
                    redials += 1;
                    // The session compares again from what both sides last agreed on.
                    self.step(move |s, d| s.handle(Input::Disconnected(reason), d))
                        .await?;
                }
                Once::Dropped(_) | Once::Silent => {
                    return Err(SyncError::Interrupted {
                        url: server.to_owned(),
                    })
                }
            }
        }
    }

    /// One connection of [`SyncClient::sync_once`]: until in step, dropped or silent.
    async fn once_on(
        &self,
        map_id: &str,
        mut socket: Socket,
        wait: Duration,
    ) -> Result<Once, SyncError> {
        let quiet: OnStatus = Arc::new(|_| {});
        let mut effects = self.step(|s, d| s.handle(Input::Connected, d)).await?;
        let outcome = loop {
            if let Err(reason) = self.carry_out(effects, Some(&mut socket), &quiet).await {
                break Once::Dropped(reason);
            }
            if self.in_step(map_id)? {
                let (id, replica) = (map_id.to_owned(), self.replica.clone());
                let heads = blocking(move || replica.heads(&id)).await?;
                break Once::InStep(heads);
            }
            effects = match tokio::time::timeout(wait, next_message(&mut socket)).await {
                Ok(Heard::Message(bytes)) => {
                    self.step(move |s, d| s.handle(Input::Received(&bytes), d))
                        .await?
                }
                Ok(Heard::Closed(reason)) => break Once::Dropped(reason),
                Err(_) => break Once::Silent,
            };
        };
        let _ = socket.close(None).await;
        Ok(outcome)
    }

    fn in_step(&self, map_id: &str) -> Result<bool, SyncError> {
        let guard = self.session.lock().map_err(|_| SyncError::Stopped)?;
        Ok(guard.as_ref().is_some_and(|s| s.is_in_step(map_id)))
    }

    /// Keeps one map in step with the server until `local` closes: reconnects with
    /// backoff, pushes after each local edit (a message on `local`), merges what arrives,
    /// and reports every status change. Going offline loses nothing: edits stay in the
    /// store and are compared again on reconnection.
    pub async fn run_live(
        &self,
        map_id: &str,
        server: &str,
        on_status: OnStatus,
        mut local: tokio::sync::mpsc::UnboundedReceiver<()>,
    ) -> Result<(), SyncError> {
        let result = self.live(map_id, server, &on_status, &mut local).await;
        self.report(Transfer::Finished);
        if let Err(error) = &result {
            on_status(SyncState::Error {
                reason: error.to_string(),
            });
        }
        result
    }

    async fn live(
        &self,
        map_id: &str,
        server: &str,
        on_status: &OnStatus,
        local: &mut tokio::sync::mpsc::UnboundedReceiver<()>,
    ) -> Result<(), SyncError> {
        check_server_url(server)?;
        self.begin(map_id, server).await?;
        on_status(SyncState::Connecting);
        loop {
            let reason = match dial(server, DIAL_WAIT).await {
                Ok(socket) => match self.connected(map_id, socket, on_status, local).await? {
                    Some(reason) => reason,
                    None => return Ok(()),
                },
                Err(reason) => reason,
            };
            let effects = self
                .step(move |s, d| s.handle(Input::Disconnected(reason), d))
                .await?;
            let delay = self
                .carry_out(effects, None, on_status)
                .await
                .ok()
                .flatten()
                .unwrap_or(DIAL_WAIT);
            // Edits made while offline are compared on reconnection; only a closed
            // channel (the app stopped this sync) ends the wait early.
            let sleep = tokio::time::sleep(delay);
            tokio::pin!(sleep);
            loop {
                tokio::select! {
                    () = &mut sleep => break,
                    edit = local.recv() => if edit.is_none() { return Ok(()); },
                }
            }
        }
    }

    /// One connection: until it drops (`Some(why)`) or the app stops the sync (`None`).
    async fn connected(
        &self,
        map_id: &str,
        mut socket: Socket,
        on_status: &OnStatus,
        local: &mut tokio::sync::mpsc::UnboundedReceiver<()>,
    ) -> Result<Option<String>, SyncError> {
        let effects = self.step(|s, d| s.handle(Input::Connected, d)).await?;
        if let Err(reason) = self.carry_out(effects, Some(&mut socket), on_status).await {
            return Ok(Some(reason));
        }
        loop {
            let effects = tokio::select! {
                heard = next_message(&mut socket) => match heard {
                    Heard::Message(bytes) => {
                        self.step(move |s, d| s.handle(Input::Received(&bytes), d)).await?
                    }
                    Heard::Closed(reason) => return Ok(Some(reason)),
                },
                edit = local.recv() => {
                    if edit.is_none() {
                        let _ = socket.close(None).await;
                        return Ok(None);
                    }
                    let id = map_id.to_owned();
                    self.step(move |s, d| s.handle(Input::LocalChange(&id), d)).await?
                }
            };
            if let Err(reason) = self.carry_out(effects, Some(&mut socket), on_status).await {
                return Ok(Some(reason));
            }
        }
    }
}
