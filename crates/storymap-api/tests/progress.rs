//! Long work reports its steps to the host's progress sink: image exports, `.storymap` files
//! in and out, and the text exports. Reported from the first moment (a zero wait), so the
//! tests do not depend on how fast the machine is; the Jira import's steps are checked
//! through the CLI (`storymap-cli/tests/cli.rs`).

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use storymap_api::{
    ApiError, ImageFormat, ImageScope, PaperSize, ProgressSink, ProgressView, Workspace, QUIET_FOR,
    SAMPLE_MAP_JSON,
};

type Seen = Arc<Mutex<Vec<ProgressView>>>;
type FileExport = fn(&Workspace, &str, &Path) -> Result<(), ApiError>;

/// A workspace with the sample map whose progress reports, after `after`, are recorded.
fn sample(dir: &Path, after: Duration) -> (Workspace, String, Seen) {
    let mut workspace = Workspace::open(&dir.join("data")).unwrap();
    let map_id = workspace.import_json(SAMPLE_MAP_JSON).unwrap().map.id;
    let seen = record(&mut workspace, after);
    (workspace, map_id, seen)
}

fn record(workspace: &mut Workspace, after: Duration) -> Seen {
    let seen: Seen = Arc::default();
    let into = seen.clone();
    let sink: ProgressSink = Arc::new(move |view: &ProgressView| {
        into.lock().unwrap().push(view.clone());
    });
    workspace.set_progress_sink(sink, after);
    seen
}

/// The steps reported since the last call, like the CLI prints them ("Drawing pages 1 of
/// 2"), after checking they belong to `operation` and that only the last one closes the bar.
fn steps(seen: &Seen, operation: &str) -> Vec<String> {
    let views: Vec<ProgressView> = seen.lock().unwrap().drain(..).collect();
    assert!(views.iter().all(|v| v.operation == operation), "{views:?}");
    let (last, reports) = views.split_last().expect("something reported");
    assert!(last.finished, "the last report closes the bar: {views:?}");
    assert!(reports.iter().all(|v| !v.finished), "{views:?}");
    assert_eq!(last.step, reports.last().unwrap().step);
    reports
        .iter()
        .map(|v| match v.total {
            0 => v.step.clone(),
            total => format!("{} {} of {total}", v.step, v.done),
        })
        .collect()
}

#[test]
fn an_image_export_reports_reading_laying_out_drawing_and_writing() {
    let dir = tempfile::tempdir().unwrap();
    let (workspace, map_id, seen) = sample(dir.path(), Duration::ZERO);
    let export = |format, name: &str| {
        let path = dir.path().join(name);
        workspace
            .export_image(&map_id, format, ImageScope::WholeMap, &path)
            .unwrap();
    };
    export(ImageFormat::Png, "map.png");
    assert_eq!(
        steps(&seen, "Exporting map.png"),
        [
            "Reading the map",
            "Laying out the map",
            "Drawing the map",
            "Compressing the image",
            "Writing the file"
        ]
    );
    export(ImageFormat::Svg, "map.svg");
    assert_eq!(
        steps(&seen, "Exporting map.svg"),
        ["Reading the map", "Drawing the map", "Writing the file"]
    );
    let paper = PaperSize::Letter;
    export(ImageFormat::Pdf { paper }, "map.pdf");
    let pdf = steps(&seen, "Exporting map.pdf");
    let pages = pdf.len() - 4;
    let mut expected = vec!["Reading the map".to_owned(), "Laying out the map".into()];
    expected.extend((0..=pages).map(|done| format!("Drawing pages {done} of {pages}")));
    expected.push("Writing the file".into());
    assert_eq!(pdf, expected);
    assert!(pages >= 1);
}

#[test]
fn a_storymap_file_reports_its_export_and_its_import_added_then_merged() {
    let dir = tempfile::tempdir().unwrap();
    let (mut workspace, map_id, seen) = sample(dir.path(), Duration::ZERO);
    let file = dir.path().join("shop.storymap");
    workspace.export_map_file(&map_id, &file).unwrap();
    assert_eq!(
        steps(&seen, "Exporting shop.storymap"),
        ["Reading the map", "Writing the file"]
    );

    let mut other = Workspace::open(&dir.path().join("other")).unwrap();
    let other_seen = record(&mut other, Duration::ZERO);
    assert!(!other.import_map_file(&file).unwrap().merged);
    assert_eq!(
        steps(&other_seen, "Importing shop.storymap"),
        ["Reading the file", "Saving"]
    );
    assert!(workspace.import_map_file(&file).unwrap().merged);
    assert_eq!(
        steps(&seen, "Importing shop.storymap"),
        ["Reading the file", "Merging"]
    );

    let error = other
        .import_map_file(&dir.path().join("missing.storymap"))
        .unwrap_err();
    assert!(error.message.contains("missing.storymap"), "{error:?}");
    // Even a failed import closes its bar.
    assert_eq!(
        steps(&other_seen, "Importing missing.storymap"),
        ["Reading the file"]
    );
}

#[test]
fn the_text_exports_report_reading_and_writing() {
    let dir = tempfile::tempdir().unwrap();
    let (workspace, map_id, seen) = sample(dir.path(), Duration::ZERO);
    let cases: [(&str, FileExport); 3] = [
        ("map.csv", Workspace::export_jira_csv_file),
        ("map.md", Workspace::export_markdown_file),
        ("map.json", Workspace::export_json_file),
    ];
    for (name, export) in cases {
        export(&workspace, &map_id, &dir.path().join(name)).unwrap();
        assert_eq!(
            steps(&seen, &format!("Exporting {name}")),
            ["Reading the map", "Writing the file"]
        );
    }
    let json = std::fs::read_to_string(dir.path().join("map.json")).unwrap();
    assert_eq!(json, workspace.export_json(&map_id).unwrap());
}

#[test]
fn work_under_a_second_reports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (workspace, map_id, seen) = sample(dir.path(), QUIET_FOR);
    let path = dir.path().join("map.md");
    workspace.export_markdown_file(&map_id, &path).unwrap();
    assert!(path.exists());
    assert!(seen.lock().unwrap().is_empty());
}
