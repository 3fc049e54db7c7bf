//! `storymap export png|svg|pdf` on the sample map, and a slice name that does not exist.

mod common;

use common::storymap;
use std::process::{Command, Output};

fn succeeds(output: Output) {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn with_sample_map() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sample-map.json");
    succeeds(storymap(dir.path(), &["map", "import", sample]));
    dir
}

const MAP: &str = "Online grocery shop";

#[test]
fn exports_the_map_as_png_svg_and_pdf() {
    let dir = with_sample_map();
    for (format, magic) in [("png", &b"\x89PNG"[..]), ("svg", b"<svg"), ("pdf", b"%PDF")] {
        let file = dir.path().join(format!("map.{format}"));
        let file = file.to_str().unwrap();
        succeeds(storymap(
            dir.path(),
            &["export", format, "--map", MAP, "-o", file],
        ));
        let bytes = std::fs::read(file).unwrap();
        assert!(bytes.starts_with(magic), "{format} starts wrong");
    }
    let letter = dir.path().join("letter.pdf");
    succeeds(storymap(
        dir.path(),
        &[
            "export",
            "pdf",
            "--map",
            MAP,
            "--paper",
            "letter",
            "-o",
            letter.to_str().unwrap(),
        ],
    ));
    let pdf = String::from_utf8_lossy(&std::fs::read(letter).unwrap()).into_owned();
    assert!(
        pdf.contains("/MediaBox [0 0 792 612]"),
        "not landscape Letter"
    );
}

#[test]
fn exports_one_slice_by_name() {
    let dir = with_sample_map();
    let file = dir.path().join("later.svg");
    succeeds(storymap(
        dir.path(),
        &[
            "export",
            "svg",
            "--map",
            MAP,
            "--slice",
            "Later",
            "-o",
            file.to_str().unwrap(),
        ],
    ));
    let svg = std::fs::read_to_string(file).unwrap();
    assert!(svg.contains(">Later<") && !svg.contains(">MVP<"));
}

#[test]
fn a_slice_that_does_not_exist_fails_with_the_slices_it_has() {
    let dir = with_sample_map();
    let file = dir.path().join("x.png");
    let output = storymap(
        dir.path(),
        &[
            "export",
            "png",
            "--map",
            MAP,
            "--slice",
            "Someday",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim(),
        "storymap: error: 'Online grocery shop' has no release slice named 'Someday'; its slices are: MVP, Release 2, Later"
    );
    assert!(!file.exists());
}

#[test]
fn a_long_export_reports_each_step_on_stderr() {
    let dir = with_sample_map();
    let file = dir.path().join("map.pdf");
    // Reporting from the first moment, so the test does not depend on the machine's speed.
    let output = Command::new(env!("CARGO_BIN_EXE_storymap"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["export", "pdf", "--map", MAP, "-o", file.to_str().unwrap()])
        .env("STORYMAP_PROGRESS_AFTER_MS", "0")
        .output()
        .unwrap();
    assert!(output.status.success() && file.exists());
    let progress: Vec<String> = String::from_utf8(output.stderr)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("Exporting map.pdf: "))
        .map(str::to_owned)
        .collect();
    // Not a terminal: one line per step, not one per page.
    let [reading, layout, pages, writing] = progress.as_slice() else {
        panic!("{progress:?}");
    };
    assert_eq!(
        [reading, layout, writing],
        ["Reading the map", "Laying out the map", "Writing the file"]
    );
    assert!(
        pages.starts_with("Drawing pages 0 of ") && pages.ends_with(" (0 %)"),
        "{pages}"
    );
}
