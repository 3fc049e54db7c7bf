//! `Workspace::export_image` on the sample map: each format written whole, slices found by
//! name, and a missing slice answered with a code the UI can branch on.

use storymap_api::{ErrorCode, ImageFormat, ImageScope, PaperSize, Workspace, SAMPLE_MAP_JSON};

fn sample() -> (tempfile::TempDir, Workspace, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(&dir.path().join("data")).unwrap();
    let map_id = workspace.import_json(SAMPLE_MAP_JSON).unwrap().map.id;
    (dir, workspace, map_id)
}

#[test]
fn each_format_is_written_whole() {
    let (dir, workspace, map_id) = sample();
    let cases = [
        (ImageFormat::Png, "map.png", &b"\x89PNG"[..]),
        (ImageFormat::Svg, "map.svg", &b"<svg"[..]),
        (
            ImageFormat::Pdf {
                paper: PaperSize::Letter,
            },
            "map.pdf",
            &b"%PDF"[..],
        ),
    ];
    for (format, name, magic) in cases {
        let path = dir.path().join(name);
        workspace
            .export_image(&map_id, format, ImageScope::WholeMap, &path)
            .unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{name} starts wrong");
    }
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    assert!(svg.contains(">Online grocery shop<") && svg.contains(">Later<"));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(left.is_empty(), "partial files left: {left:?}");
}

#[test]
fn a_slice_is_found_by_name_and_drawn_alone() {
    let (dir, workspace, map_id) = sample();
    let release_id = workspace.resolve_slice(&map_id, "release 2").unwrap();
    assert_eq!(
        workspace.resolve_slice(&map_id, &release_id).unwrap(),
        release_id
    );
    let path = dir.path().join("r2.svg");
    workspace
        .export_image(
            &map_id,
            ImageFormat::Svg,
            ImageScope::Slice { release_id },
            &path,
        )
        .unwrap();
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.contains(">Release 2<") && !svg.contains(">MVP<") && !svg.contains(">Later<"));
}

#[test]
fn a_missing_slice_or_map_is_not_found() {
    let (dir, workspace, map_id) = sample();
    let error = workspace.resolve_slice(&map_id, "Someday").unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
    assert_eq!(
        error.message,
        "'Online grocery shop' has no release slice named 'Someday'; its slices are: MVP, Release 2, Later"
    );
    let path = dir.path().join("x.png");
    let scope = ImageScope::Slice {
        release_id: "gone".into(),
    };
    let error = workspace
        .export_image(&map_id, ImageFormat::Png, scope, &path)
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
    assert!(!path.exists());
    let error = workspace
        .export_image("no-such-map", ImageFormat::Svg, ImageScope::WholeMap, &path)
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
}
