//! What Storymap was started to do: open a `.storymap` file named on the command line (a
//! double-click in the file manager runs `storymap-app FILE`), or join the map of a
//! `storymap://join?…` invitation (the package registers the scheme, so a click on one runs
//! `storymap-app LINK`) — or either, handed over by a second launch through the
//! single-instance plugin. Kept until the window asks (`take_launch_request`), since it can
//! arrive before the UI is ready to show it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use storymap_api::events::LAUNCH_REQUEST;
use storymap_api::{parse_invitation, ApiError, LaunchRequest, INVITATION_SCHEME};
use tauri::{AppHandle, Emitter, Manager};

/// Flags of ours that take a value, which is then not a file to open.
const FLAGS_WITH_VALUE: [&str; 1] = ["--data-dir"];

/// A file or a link, as the command line gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Launch {
    File(PathBuf),
    Link(String),
}

impl Launch {
    /// What the window is asked to do; an invitation that does not read says why.
    pub fn request(self) -> Result<LaunchRequest, ApiError> {
        match self {
            Launch::File(path) => Ok(LaunchRequest::File {
                path: path.display().to_string(),
            }),
            Launch::Link(link) => Ok(LaunchRequest::Join {
                invitation: parse_invitation(&link)?,
            }),
        }
    }
}

/// What a command line asks: its first argument that is neither a flag nor a flag's value —
/// an invitation link, a `file://` URI or a path (relative ones from `cwd`, the launcher's).
pub fn launch_argument(args: impl IntoIterator<Item = String>, cwd: &Path) -> Option<Launch> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if FLAGS_WITH_VALUE.contains(&arg.as_str()) {
            args.next();
            continue;
        }
        if arg.starts_with('-') || arg.trim().is_empty() {
            continue;
        }
        if arg.starts_with(&format!("{INVITATION_SCHEME}:")) {
            return Some(Launch::Link(arg));
        }
        if arg.starts_with("file:") {
            return url::Url::parse(&arg)
                .ok()?
                .to_file_path()
                .ok()
                .map(Launch::File);
        }
        return Some(Launch::File(cwd.join(arg)));
    }
    None
}

/// The request waiting for the window, if any.
#[derive(Default)]
pub struct PendingLaunch(Mutex<Option<Launch>>);

impl PendingLaunch {
    pub fn new(launch: Option<Launch>) -> Self {
        PendingLaunch(Mutex::new(launch))
    }

    /// The waiting request, once: a second call answers `None`.
    pub fn take(&self) -> Option<Launch> {
        self.0.lock().ok()?.take()
    }

    fn put(&self, launch: Launch) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(launch);
        }
    }
}

/// A second launch (`storymap-app FILE|LINK` while Storymap runs): the running window comes
/// to the front and, when it was given something to open, is told to ask for it.
pub fn second_launch(app: &AppHandle, args: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    if let Some(launch) = launch_argument(args, Path::new(&cwd)) {
        app.state::<PendingLaunch>().put(launch);
        let _ = app.emit(LAUNCH_REQUEST.name, ());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn launch(args: &[&str]) -> Option<Launch> {
        launch_argument(args.iter().map(|a| a.to_string()), Path::new("/home/ana"))
    }

    fn file(path: &str) -> Option<Launch> {
        Some(Launch::File(path.into()))
    }

    #[test]
    fn the_request_is_the_first_argument_that_is_not_a_flag() {
        assert_eq!(launch(&["storymap-app"]), None);
        assert_eq!(
            launch(&["storymap-app", "/tmp/Checkout.storymap"]),
            file("/tmp/Checkout.storymap")
        );
        assert_eq!(
            launch(&["storymap-app", "Downloads/Checkout.storymap"]),
            file("/home/ana/Downloads/Checkout.storymap")
        );
        assert_eq!(
            launch(&["storymap-app", "--data-dir", "/data", "map.storymap"]),
            file("/home/ana/map.storymap")
        );
        assert_eq!(
            launch(&["storymap-app", "--data-dir=/data", "--verbose"]),
            None
        );
    }

    #[test]
    fn a_file_uri_from_the_desktop_is_decoded_and_a_link_kept_as_given() {
        assert_eq!(
            launch(&[
                "storymap-app",
                "file:///home/ana/My%20maps/Checkout.storymap"
            ]),
            file("/home/ana/My maps/Checkout.storymap")
        );
        assert_eq!(
            launch(&["storymap-app", "file://remote-host/x.storymap"]),
            None
        );
        let link = "storymap://join?map=automerge%3Ax&server=ws%3A%2F%2Fa";
        assert_eq!(
            launch(&["storymap-app", link]),
            Some(Launch::Link(link.into()))
        );
    }

    #[test]
    fn a_file_becomes_a_request_and_a_bad_link_an_error() {
        let request = Launch::File("/tmp/a.storymap".into()).request().unwrap();
        assert_eq!(
            request,
            LaunchRequest::File {
                path: "/tmp/a.storymap".into()
            }
        );
        let refused = Launch::Link("storymap://join?map=nope".into()).request();
        assert!(refused
            .unwrap_err()
            .message
            .contains("not a Storymap invitation"));
    }

    #[test]
    fn a_pending_request_is_handed_over_once() {
        let pending = PendingLaunch::new(file("/tmp/a.storymap"));
        assert_eq!(pending.take(), file("/tmp/a.storymap"));
        assert_eq!(pending.take(), None);
        pending.put(Launch::Link("storymap://join".into()));
        assert_eq!(pending.take(), Some(Launch::Link("storymap://join".into())));
    }
}
