//! Long work's progress on stderr: one line redrawn in place on a terminal, one line per step
//! when stderr is a file or a pipe (a log should not fill with percentages).

use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use storymap_api::{ProgressSink, ProgressView, QUIET_FOR};

/// "Importing big.csv: Adding to the map 4000 of 10000 (40 %)".
pub fn line(view: &ProgressView) -> String {
    let counted = if view.total > 0 {
        format!(
            " {} of {} ({} %)",
            view.done,
            view.total,
            u64::from(view.done) * 100 / u64::from(view.total)
        )
    } else {
        String::new()
    };
    format!("{}: {}{counted}", view.operation, view.step)
}

/// How long work runs before it reports: a second, or `STORYMAP_PROGRESS_AFTER_MS` (0 in the
/// tests, so they see the lines without depending on how fast the machine is).
pub fn quiet_for() -> Duration {
    std::env::var("STORYMAP_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(QUIET_FOR, Duration::from_millis)
}

pub fn stderr_sink() -> ProgressSink {
    let terminal = std::io::stderr().is_terminal();
    let last_step = Mutex::new(String::new());
    Arc::new(move |view: &ProgressView| {
        let mut err = std::io::stderr().lock();
        if terminal {
            let end = if view.finished { "\n" } else { "" };
            let _ = write!(err, "\r\x1b[2K{}{end}", line(view));
        } else if !view.finished {
            let mut last = last_step.lock().unwrap_or_else(|e| e.into_inner());
            if *last != view.step {
                let _ = writeln!(err, "{}", line(view));
                last.clone_from(&view.step);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counted_step_shows_its_share_and_an_uncounted_one_only_its_name() {
        let mut view = ProgressView {
            operation: "Importing big.csv".into(),
            step: "Adding to the map".into(),
            done: 4_000,
            total: 10_000,
            finished: false,
        };
        assert_eq!(
            line(&view),
            "Importing big.csv: Adding to the map 4000 of 10000 (40 %)"
        );
        view.step = "Saving".into();
        view.total = 0;
        assert_eq!(line(&view), "Importing big.csv: Saving");
    }
}
