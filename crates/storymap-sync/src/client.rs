//! [`SyncClient`]: one samod repo over the data directory, and the two ways to sync a
//! map with a server: once (the CLI, joining by link) or live (the app).
//!
//! The mirror, both ways: samod's copy of a map starts as the stored map (see
//! `storage`); what samod receives is pulled as `save_after(pulled heads)` and merged
//! through the [`Replica`]; local edits are pushed as the replica's changes after
//! samod's heads. Merging what is already known is a no-op on both sides, so an echo
//! costs a little work and never a duplicate.

use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use automerge::ChangeHash;
use futures::StreamExt;
use samod::{BackoffConfig, ConnectionId, DialerEvent, DialerHandle, DocHandle, Repo};

use crate::document_id::document_id;
use crate::server::{check_server_url, diagnose, next_retry_within};
use crate::{Replica, SqliteStorage, SyncError, SyncState};

pub struct SyncClient {
    repo: Repo,
}

/// What [`SyncClient::sync_once`] did.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncReport {
    pub map_id: String,
    /// The map's heads, the same on both sides when the sync finished.
    pub heads: Vec<ChangeHash>,
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, SyncError> + Send + 'static,
) -> Result<T, SyncError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| SyncError::Store("the store task panicked".into()))?
}

async fn samod_heads(handle: &DocHandle) -> Result<Vec<ChangeHash>, SyncError> {
    Ok(handle.with_document_async(|doc| doc.get_heads()).await?)
}

/// Merges what samod holds beyond `pulled` into the store; returns samod's heads.
async fn pull(
    handle: &DocHandle,
    replica: &Arc<dyn Replica>,
    map_id: &str,
    pulled: &[ChangeHash],
) -> Result<Vec<ChangeHash>, SyncError> {
    let since = pulled.to_vec();
    let (bytes, heads) = handle
        .with_document_async(move |doc| (doc.save_after(&since), doc.get_heads()))
        .await?;
    if !bytes.is_empty() {
        let (replica, map_id) = (replica.clone(), map_id.to_owned());
        blocking(move || replica.merge(&map_id, &bytes)).await?;
    }
    Ok(heads)
}

/// Hands samod the local changes it lacks. Returns the store's heads, which samod then
/// has all of, so pulling after them brings exactly what the store lacks — or `None` when
/// the store does not have the map (joining it), so everything samod holds is to be pulled.
/// (Not samod's heads: samod may already hold changes from the server the store lacks.)
async fn push(
    handle: &DocHandle,
    replica: &Arc<dyn Replica>,
    map_id: &str,
) -> Result<Option<Vec<ChangeHash>>, SyncError> {
    let theirs = samod_heads(handle).await?;
    let (replica, id) = (replica.clone(), map_id.to_owned());
    let Some((bytes, ours)) = blocking(move || replica.changes_after(&id, &theirs)).await? else {
        return Ok(None);
    };
    handle
        .with_document_async(move |doc| {
            // Already-known changes are skipped; unreadable bytes cannot come from our store.
            let _ = doc.load_incremental(&bytes);
        })
        .await?;
    Ok(Some(ours))
}

/// Resolves when both sides have each other's changes on `connection`.
fn in_step(
    handle: &DocHandle,
    connection: ConnectionId,
) -> Pin<Box<dyn Future<Output = ()> + Send>> {
    let ours = handle.they_have_our_changes(connection);
    let theirs = handle.we_have_their_changes(connection);
    Box::pin(async move {
        futures::join!(ours, theirs);
    })
}

/// Waits until the connection and we are in step, giving up (`false`) only after `silence`
/// with no message either way: a big upload on a loaded machine takes as long as it takes,
/// while a server that stopped answering is noticed as soon as it has been quiet that long.
async fn in_step_unless_silent(
    handle: &DocHandle,
    connection: ConnectionId,
    silence: Duration,
) -> bool {
    // Subscribed first, so no message between the check and the wait goes unseen.
    let (_, mut activity) = handle.peers();
    let mut done = in_step(handle, connection);
    loop {
        tokio::select! {
            () = &mut done => return true,
            heard = tokio::time::timeout(silence, activity.next()) => match heard {
                // One connection per repo here, so any word is a word from the server.
                Ok(Some(_)) => {}
                Ok(None) => return tokio::time::timeout(silence, done).await.is_ok(),
                Err(_) => return false,
            }
        }
    }
}

/// Live sync never gives up: it retries, slower and slower, until the app stops it.
const LIVE_BACKOFF: BackoffConfig = BackoffConfig {
    initial_delay: Duration::from_millis(500),
    max_delay: Duration::from_secs(30),
    max_retries: None,
};

/// How long a look at an unreachable server may take in the live loop, which waits for it.
const PROBE_WAIT: Duration = Duration::from_secs(5);

/// "REASON; trying again (attempt 3), the next try within 2 s if this one fails".
fn retrying(reason: &str, attempt: u32) -> String {
    let next = next_retry_within(&LIVE_BACKOFF, attempt + 1);
    format!(
        "{reason}; trying again (attempt {}), the next try within {} s if this one fails",
        attempt + 1,
        next.as_secs_f32().ceil()
    )
}

impl SyncClient {
    /// A samod repo on the data directory's database file.
    pub async fn start(database: &Path) -> Result<SyncClient, SyncError> {
        let storage = SqliteStorage::open(database)?;
        let repo = Repo::build_tokio().with_storage(storage).load().await;
        Ok(SyncClient { repo })
    }

    pub async fn stop(self) {
        self.repo.stop().await;
    }

    /// Dials the server, waiting at most `wait` for the first connection.
    async fn connect(
        &self,
        server: &str,
        wait: Duration,
    ) -> Result<(DialerHandle, ConnectionId), SyncError> {
        let url = check_server_url(server)?;
        let backoff = BackoffConfig {
            initial_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(1),
            max_retries: Some(3),
        };
        let dialer = self.repo.dial_websocket(url.clone(), backoff)?;
        let events = dialer.events();
        let unreachable = |reason: String| SyncError::ServerUnreachable {
            url: server.to_owned(),
            reason,
        };
        // samod names why a connection dropped, not why a dial failed: then we look.
        let mut last_reason: Option<String> = None;
        let mut deadline_events = events;
        let deadline = tokio::time::sleep(wait);
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                _ = &mut deadline => {
                    dialer.close();
                    return Err(unreachable(reason_or_diagnose(last_reason, &url, wait).await));
                }
                event = deadline_events.next() => match event {
                    Some(DialerEvent::Connected { .. }) => break,
                    Some(DialerEvent::Disconnected { reason }) => last_reason = Some(reason),
                    Some(DialerEvent::Reconnecting { .. }) => {}
                    Some(DialerEvent::MaxRetriesReached | DialerEvent::PermanentFailure) | None => {
                        dialer.close();
                        return Err(unreachable(reason_or_diagnose(last_reason, &url, wait).await));
                    }
                }
            }
        }
        drop(deadline_events);
        let connection = dialer
            .connection_id()
            .ok_or_else(|| SyncError::Interrupted {
                url: server.to_owned(),
            })?;
        Ok((dialer, connection))
    }

    /// Syncs one map until both sides have each other's changes, then disconnects. A map
    /// this data directory does not have yet (joined by link) is fetched whole. `wait`
    /// bounds the dial and any silence on the connection, not the whole transfer.
    pub async fn sync_once(
        &self,
        map_id: &str,
        server: &str,
        replica: Arc<dyn Replica>,
        wait: Duration,
    ) -> Result<SyncReport, SyncError> {
        let document = document_id(map_id)?;
        let (dialer, connection) = self.connect(server, wait).await?;
        let interrupted = || SyncError::Interrupted {
            url: server.to_owned(),
        };
        let result = async {
            let handle = self.find_handle(document, server).await?;
            // Only what arrives after this point is new to the store.
            let pulled = push(&handle, &replica, map_id).await?.unwrap_or_default();
            if !in_step_unless_silent(&handle, connection, wait).await {
                return Err(interrupted());
            }
            let heads = pull(&handle, &replica, map_id, &pulled).await?;
            let (r, id, h) = (replica.clone(), map_id.to_owned(), heads.clone());
            blocking(move || r.synced(&id, &h)).await?;
            Ok(SyncReport {
                map_id: map_id.to_owned(),
                heads,
            })
        }
        .await;
        dialer.close();
        result
    }

    /// The map's samod handle: a map we have is found at once (from our storage); one we
    /// joined waits for the server.
    async fn find_handle(
        &self,
        document: samod::DocumentId,
        server: &str,
    ) -> Result<DocHandle, SyncError> {
        self.repo
            .find(document)
            .await?
            .ok_or_else(|| SyncError::NotOnServer {
                url: server.to_owned(),
            })
    }

    /// Keeps one map in step with the server until `stop` fires: reconnects with backoff,
    /// pushes after each local edit (a message on `local`), merges what arrives, and
    /// reports every status change. Going offline loses nothing: edits stay in the store
    /// and are pushed on reconnection.
    pub async fn run_live(
        &self,
        map_id: &str,
        server: &str,
        replica: Arc<dyn Replica>,
        on_status: Arc<dyn Fn(SyncState) + Send + Sync>,
        mut local: tokio::sync::mpsc::UnboundedReceiver<()>,
    ) -> Result<(), SyncError> {
        let url = check_server_url(server)?;
        let document = document_id(map_id)?;
        on_status(SyncState::Connecting);
        let dialer = self.repo.dial_websocket(url.clone(), LIVE_BACKOFF)?;
        // Whether the last failure was a dropped connection (samod said why) rather than
        // a dial that failed (we find out why).
        let mut dropped = false;
        let mut events = dialer.events();
        let result = async {
            let handle = self.find_handle(document, server).await?;
            // Listening first, then what samod already received is merged at once.
            let mut changes = handle.changes();
            let ours = push(&handle, &replica, map_id).await?.unwrap_or_default();
            let mut pulled = pull(&handle, &replica, map_id, &ours).await?;
            let mut waiting: Option<Pin<Box<dyn Future<Output = ()> + Send>>> = None;
            let arm = |handle: &DocHandle| dialer.connection_id().map(|c| in_step(handle, c));
            if dialer.is_connected() {
                on_status(SyncState::Syncing);
                waiting = arm(&handle);
            }
            loop {
                tokio::select! {
                    changed = changes.next() => {
                        if changed.is_none() { return Err(SyncError::Stopped); }
                        pulled = pull(&handle, &replica, map_id, &pulled).await?;
                    }
                    edit = local.recv() => {
                        if edit.is_none() { return Ok(()); }
                        pull(&handle, &replica, map_id, &pulled).await?;
                        if let Some(heads) = push(&handle, &replica, map_id).await? {
                            pulled = heads;
                        }
                        if dialer.is_connected() {
                            on_status(SyncState::Syncing);
                            waiting = arm(&handle);
                        }
                    }
                    event = events.next() => match event {
                        Some(DialerEvent::Connected { .. }) => {
                            dropped = false;
                            on_status(SyncState::Syncing);
                            waiting = arm(&handle);
                        }
                        Some(DialerEvent::Disconnected { reason }) => {
                            dropped = true;
                            waiting = None;
                            on_status(SyncState::Offline { reason });
                        }
                        Some(DialerEvent::Reconnecting { attempt }) => {
                            if !std::mem::take(&mut dropped) {
                                let reason = diagnose(&url, PROBE_WAIT).await;
                                on_status(SyncState::Offline { reason: retrying(&reason, attempt) });
                            }
                        }
                        Some(DialerEvent::MaxRetriesReached | DialerEvent::PermanentFailure) | None => {
                            return Err(SyncError::ServerUnreachable {
                                url: server.to_owned(),
                                reason: "gave up reconnecting".into(),
                            });
                        }
                    },
                    _ = async { waiting.as_mut().expect("guarded").await }, if waiting.is_some() => {
                        waiting = None;
                        pulled = pull(&handle, &replica, map_id, &pulled).await?;
                        let (r, id, h) = (replica.clone(), map_id.to_owned(), pulled.clone());
                        blocking(move || r.synced(&id, &h)).await?;
                        on_status(SyncState::UpToDate);
                    }
                }
            }
        }
        .await;
        dialer.close();
        if let Err(error) = &result {
            on_status(SyncState::Error {
                reason: error.to_string(),
            });
        }
        result
    }
}

/// Why a dial failed: samod's reason when a connection dropped, else what a probe of our
/// own finds (samod does not say why a dial failed).
async fn reason_or_diagnose(
    last_reason: Option<String>,
    url: &samod::Url,
    wait: Duration,
) -> String {
    match last_reason {
        Some(reason) => reason,
        None => diagnose(url, wait).await,
    }
}
