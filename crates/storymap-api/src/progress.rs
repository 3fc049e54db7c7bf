//! Progress of long work (a Jira import, a large image): told to the host — the window's
//! progress bar, the CLI's stderr — once the work has run for a second, at most once per
//! percent or step, and always closed with a finished report, even when the work fails.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where long work stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgressView {
    /// What is running, e.g. "Importing stories.csv".
    pub operation: String,
    /// The part of it running now, e.g. "Adding to the map".
    pub step: String,
    /// Items of this step done, out of `total` (0 of 0 when the step cannot be counted).
    pub done: u32,
    pub total: u32,
    /// The last report of the operation: the bar goes away.
    pub finished: bool,
}

impl ProgressView {
    /// A big transfer of sync: a map joined by link arriving, a first share leaving (their
    /// size is not known ahead, so the bar sweeps and the step says how much has gone).
    pub fn sync_transfer(transfer: storymap_sync::Transfer) -> ProgressView {
        use storymap_sync::Transfer;
        let megabytes = |bytes: usize| bytes as f64 / 1_048_576.0;
        let (operation, step) = match transfer {
            Transfer::Joining { received } => (
                "Joining the shared map",
                format!("Receiving the map ({:.1} MB)", megabytes(received)),
            ),
            Transfer::Sharing { sent } => (
                "Sharing the map",
                format!("Sending it to the sync server ({:.1} MB)", megabytes(sent)),
            ),
            Transfer::Finished => ("Syncing the map", "Done".to_owned()),
        };
        ProgressView {
            operation: operation.into(),
            step,
            done: 0,
            total: 0,
            finished: transfer == Transfer::Finished,
        }
    }
}

/// The host's listener for progress reports.
pub type ProgressSink = Arc<dyn Fn(&ProgressView) + Send + Sync>;

/// Work shorter than this shows no progress at all: a bar that flashes is noise.
pub const QUIET_FOR: Duration = Duration::from_secs(1);

/// Where progress goes, and after how long work starts reporting.
#[derive(Clone)]
pub(crate) struct ProgressTarget {
    pub(crate) sink: ProgressSink,
    pub(crate) after: Duration,
}

/// One operation's reporter; dropping it sends the finished report if any was shown.
pub(crate) struct Progress {
    sink: Option<ProgressSink>,
    quiet_until: Instant,
    last: Option<ProgressView>,
    operation: String,
}

impl Progress {
    pub(crate) fn new(target: Option<&ProgressTarget>, operation: impl Into<String>) -> Progress {
        let now = Instant::now();
        Progress {
            sink: target.map(|t| t.sink.clone()),
            quiet_until: target.map_or(now, |t| now + t.after),
            last: None,
            operation: operation.into(),
        }
    }

    /// Reports `done` of `total` in `step`, when it is worth showing.
    pub(crate) fn report(&mut self, step: &str, done: usize, total: usize) {
        let Some(sink) = &self.sink else { return };
        if Instant::now() < self.quiet_until {
            return;
        }
        let percent = |done: usize, total: usize| (done * 100).checked_div(total).unwrap_or(0);
        if let Some(last) = &self.last {
            let same_step = last.step == step;
            let last_percent = percent(last.done as usize, last.total as usize);
            if same_step && percent(done, total) == last_percent {
                return;
            }
        }
        let view = ProgressView {
            operation: self.operation.clone(),
            step: step.to_owned(),
            done: u32::try_from(done).unwrap_or(u32::MAX),
            total: u32::try_from(total).unwrap_or(u32::MAX),
            finished: false,
        };
        sink(&view);
        self.last = Some(view);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let (Some(sink), Some(last)) = (&self.sink, self.last.take()) {
            sink(&ProgressView {
                finished: true,
                ..last
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    fn recorder() -> (ProgressSink, Arc<Mutex<Vec<ProgressView>>>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let into = seen.clone();
        let sink: ProgressSink = Arc::new(move |view: &ProgressView| {
            into.lock().unwrap().push(view.clone());
        });
        (sink, seen)
    }

    #[test]
    fn short_work_reports_nothing_and_long_work_reports_each_percent_then_finishes() {
        let (sink, seen) = recorder();
        {
            let target = ProgressTarget {
                sink: sink.clone(),
                after: QUIET_FOR,
            };
            let mut quick = Progress::new(Some(&target), "Importing quick.csv");
            quick.report("Adding to the map", 1, 2);
        }
        assert!(seen.lock().unwrap().is_empty(), "under a second: no bar");

        {
            let target = ProgressTarget {
                sink: sink.clone(),
                after: Duration::ZERO,
            };
            let mut long = Progress::new(Some(&target), "Importing big.csv");
            for done in 0..=1000 {
                long.report("Adding to the map", done, 1000);
            }
            long.report("Saving", 0, 0);
        }
        let seen = seen.lock().unwrap();
        // 0 %, 1 %, …, 100 % of the stories, then the save, then the close.
        assert_eq!(seen.len(), 101 + 1 + 1);
        assert_eq!((seen[50].done, seen[50].total), (500, 1000));
        assert_eq!(seen[101].step, "Saving");
        assert!(seen[..102].iter().all(|v| !v.finished));
        let last = seen.last().unwrap();
        assert!(last.finished && last.step == "Saving" && last.operation == "Importing big.csv");
    }
}
