//! What Storymap was started to open: a `.storymap` file named on the command line (a
//! double-click in the file manager runs `storymap-app FILE`), or handed over by a second
//! launch through the single-instance plugin. The path is kept until the window asks for
//! it (`take_launch_file`), since it can arrive before the UI is ready to show it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use storymap_api::events::LAUNCH_FILE;
use tauri::{AppHandle, Emitter, Manager};

/// Flags of ours that take a value, which is then not a file to open.
const FLAGS_WITH_VALUE: [&str; 1] = ["--data-dir"];

/// The file a command line names: its first argument that is neither a flag nor a flag's
/// value, as a `file://` URI or a path (relative ones from `cwd`, the launcher's directory).
pub fn file_argument(args: impl IntoIterator<Item = String>, cwd: &Path) -> Option<PathBuf> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if FLAGS_WITH_VALUE.contains(&arg.as_str()) {
            args.next();
            continue;
        }
        if arg.starts_with('-') || arg.trim().is_empty() {
            continue;
        }
        if arg.starts_with("file:") {
            return url::Url::parse(&arg).ok()?.to_file_path().ok();
        }
        return Some(cwd.join(arg));
    }
    None
}

/// The file waiting for the window, if any.
#[derive(Default)]
pub struct PendingLaunch(Mutex<Option<PathBuf>>);

impl PendingLaunch {
    pub fn new(file: Option<PathBuf>) -> Self {
        PendingLaunch(Mutex::new(file))
    }

    /// The waiting file, once: a second call answers `None`.
    pub fn take(&self) -> Option<PathBuf> {
        self.0.lock().ok()?.take()
    }

    fn put(&self, file: PathBuf) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(file);
        }
    }
}

/// A second launch (`storymap-app FILE` while Storymap runs): the running window comes to
/// the front and, when a file was named, is told to ask for it.
pub fn second_launch(app: &AppHandle, args: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    if let Some(file) = file_argument(args, Path::new(&cwd)) {
        app.state::<PendingLaunch>().put(file);
        let _ = app.emit(LAUNCH_FILE.name, ());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(args: &[&str]) -> Option<PathBuf> {
        file_argument(args.iter().map(|a| a.to_string()), Path::new("/home/ana"))
    }

    #[test]
    fn the_file_is_the_first_argument_that_is_not_a_flag() {
        assert_eq!(file(&["storymap-app"]), None);
        assert_eq!(
            file(&["storymap-app", "/tmp/Checkout.storymap"]),
            Some("/tmp/Checkout.storymap".into())
        );
        assert_eq!(
            file(&["storymap-app", "Downloads/Checkout.storymap"]),
            Some("/home/ana/Downloads/Checkout.storymap".into())
        );
        assert_eq!(
            file(&["storymap-app", "--data-dir", "/data", "map.storymap"]),
            Some("/home/ana/map.storymap".into())
        );
        assert_eq!(
            file(&["storymap-app", "--data-dir=/data", "--verbose"]),
            None
        );
    }

    #[test]
    fn a_file_uri_from_the_desktop_is_decoded() {
        assert_eq!(
            file(&[
                "storymap-app",
                "file:///home/ana/My%20maps/Checkout.storymap"
            ]),
            Some("/home/ana/My maps/Checkout.storymap".into())
        );
        assert_eq!(
            file(&["storymap-app", "file://remote-host/x.storymap"]),
            None
        );
    }

    #[test]
    fn a_pending_file_is_handed_over_once() {
        let pending = PendingLaunch::new(Some("/tmp/a.storymap".into()));
        assert_eq!(pending.take(), Some("/tmp/a.storymap".into()));
        assert_eq!(pending.take(), None);
        pending.put("/tmp/b.storymap".into());
        assert_eq!(pending.take(), Some("/tmp/b.storymap".into()));
    }
}
