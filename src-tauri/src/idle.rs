//! Compaction when the user pauses, on a thread of its own (like backups): every edit,
//! undo, redo or merge restarts a short timer; when it runs out, the open map's change
//! rows are folded into its snapshot (`Workspace::compact_idle`, a whole-document save of
//! ~1 s at 10,000 stories) while nobody waits on an edit. Edits compact only when long
//! overdue.

use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::state::AppState;

/// How long without a write counts as a pause.
const PAUSE: Duration = Duration::from_secs(3);

pub struct IdleCompactor(Sender<()>);

impl IdleCompactor {
    pub fn start(app: AppHandle) -> IdleCompactor {
        let (touch, touched) = channel::<()>();
        std::thread::spawn(move || {
            while touched.recv().is_ok() {
                // Each further write within the pause starts it again.
                loop {
                    match touched.recv_timeout(PAUSE) {
                        Ok(()) => continue,
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                // A failure (a full disk) only keeps the rows; the next pause tries again.
                let _ = app.state::<AppState>().with(|w| w.compact_idle());
            }
        });
        IdleCompactor(touch)
    }

    /// Something was written to the open map.
    pub fn touch(&self) {
        let _ = self.0.send(());
    }
}
