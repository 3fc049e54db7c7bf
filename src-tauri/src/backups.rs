//! Rolling backups on a thread of their own, so the window never waits for one: a pass
//! after the start map opens (the sample map exists by then on a first run) and every hour
//! after, so a new day's backup follows within the hour. A failure is told to the window
//! (and logged), and the next pass tries again.

use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::time::Duration;

use storymap_api::events::BACKUP_FAILED;
use storymap_api::ApiError;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

const EVERY: Duration = Duration::from_secs(60 * 60);

pub struct BackupRunner(Sender<()>);

impl BackupRunner {
    pub fn start(app: AppHandle) -> BackupRunner {
        let (wake, woken) = channel::<()>();
        std::thread::spawn(move || loop {
            match woken.recv_timeout(EVERY) {
                Ok(()) | Err(RecvTimeoutError::Timeout) => {
                    let done = app.state::<AppState>().with(|w| w.back_up_today());
                    if let Err(error) = done {
                        eprintln!("storymap: backup failed: {}", error.message);
                        let told = ApiError::new(
                            error.code,
                            format!(
                                "Today's backup was not written: {}. Storymap tries again within the hour.",
                                error.message
                            ),
                        );
                        let _ = app.emit(BACKUP_FAILED.name, told);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return,
            }
        });
        BackupRunner(wake)
    }

    /// Asks for a pass now (after the start map opened).
    pub fn wake(&self) {
        let _ = self.0.send(());
    }
}
