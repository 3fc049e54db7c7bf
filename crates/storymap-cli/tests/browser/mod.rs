//! Opens a local HTML file in headless Chromium, as a reader opening an attachment would:
//! the DOM it rendered, and every network request the page made (from Chromium's net log).
//!
//! Nothing waits on a clock: `--dump-dom` returns after the page's load event, by which
//! time every subresource the page names has been requested, and the net log is complete
//! once the process exits. The proxy and resolver rules make any request fail at once
//! instead of reaching the network.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The page as Chromium saw it.
pub struct Visit {
    /// The DOM after loading, serialised (`--dump-dom`).
    pub dom: String,
    /// URLs the page itself asked for over the network (not Chromium's own update checks).
    pub page_requests: Vec<String>,
}

fn chromium() -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
            .find(|path| path.is_file())
    });
    found.unwrap_or_else(|| {
        panic!(
            "Chromium is not installed; this test opens the exported page in it. \
             Run `bash scripts/setup.sh --with-test-tools` (Debian package `chromium`)."
        )
    })
}

/// Opens `file` and returns what it rendered and requested.
pub fn visit(file: &Path) -> Visit {
    let work = tempfile::tempdir().unwrap();
    let net_log = work.path().join("net-log.json");
    let output = Command::new(chromium())
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ])
        .arg(format!(
            "--user-data-dir={}",
            work.path().join("profile").display()
        ))
        .arg(format!("--log-net-log={}", net_log.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Visit {
        dom: String::from_utf8(output.stdout).unwrap(),
        page_requests: page_requests(&net_log),
    }
}

/// The URL requests a page made: those started for a document loaded from a file
/// (its network isolation key is the file:// site). Chromium's own background requests
/// carry no page's key.
fn page_requests(net_log: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(net_log).expect("chromium wrote its net log");
    let log: serde_json::Value = serde_json::from_str(&text).expect("the net log is JSON");
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        .as_u64()
        .expect("the net log names its event types");
    let mut urls: Vec<String> = log["events"]
        .as_array()
        .expect("the net log lists events")
        .iter()
        .filter(|event| event["type"].as_u64() == Some(start_job))
        .map(|event| &event["params"])
        .filter(|params| {
            params["network_isolation_key"]
                .as_str()
                .is_some_and(|key| key.starts_with("file://"))
                || params["initiator"].as_str() == Some("null")
        })
        .filter_map(|params| params["url"].as_str().map(str::to_owned))
        .collect();
    urls.sort();
    urls.dedup();
    urls
}
