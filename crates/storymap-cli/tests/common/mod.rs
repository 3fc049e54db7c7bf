//! Running the `storymap` binary on a data directory, shared by the CLI's tests.
#![allow(dead_code)] // each test file uses some of these

use std::path::Path;
use std::process::{Command, Output};

pub fn storymap(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storymap"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("STORYMAP_DATA_DIR")
        .output()
        .expect("storymap runs")
}

/// The trimmed standard output of a run that must succeed.
pub fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .trim()
        .to_owned()
}

/// The standard error of a run that must fail, without a panic.
pub fn stderr(output: &Output) -> String {
    assert!(
        !output.status.success(),
        "expected a failure, got: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    let text = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(!text.contains("panicked"), "panic trace: {text}");
    text
}

/// `story add` to the map "Shop", activity "Buy", step "Pay", slice "MVP".
pub fn add_to_shop(data_dir: &Path, title: &str) -> Output {
    storymap(
        data_dir,
        &[
            "story",
            "add",
            "--map",
            "Shop",
            "--activity",
            "Buy",
            "--step",
            "Pay",
            "--release",
            "MVP",
            "--title",
            title,
        ],
    )
}

/// Makes the map "Shop" with one story, "Pay by card" (Buy › Pay, MVP).
pub fn make_shop(data_dir: &Path) {
    stdout(&storymap(data_dir, &["map", "create", "Shop"]));
    stdout(&add_to_shop(data_dir, "Pay by card"));
}
