//! The committed `ui/src/bindings/` match the Rust: the DTOs and events (rendered by
//! `storymap_api::bindings`) and the command wrappers (rendered from `commands!`, so a command
//! registered here and missing or different in the UI's bindings fails this test).
//! `UPDATE_BINDINGS=1 cargo test -p storymap-app --lib bindings` rewrites them.

use std::path::PathBuf;

use storymap_api::bindings::{render, render_commands};

use crate::command_table::specs;

fn rendered() -> Vec<(String, String)> {
    let mut files = render();
    files.push(("commands.ts".to_owned(), render_commands(&specs())));
    files
}

#[test]
fn committed_typescript_bindings_match_the_rust_types_events_and_commands() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings");
    let rendered = rendered();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        for (name, contents) in &rendered {
            std::fs::write(dir.join(name), contents).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (name, contents) in &rendered {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        if &committed != contents {
            stale.push(name.clone());
        }
    }
    let mut extra: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !rendered.iter().any(|(r, _)| r == n))
        .collect();
    extra.sort();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "ui/src/bindings drifted from the Rust (stale: {stale:?}, not generated: {extra:?}); \
         run `UPDATE_BINDINGS=1 cargo test -p storymap-app --lib bindings`"
    );
}

#[test]
fn every_command_is_wrapped_once_with_its_arguments_in_camel_case() {
    let commands = render_commands(&specs());
    let names: Vec<String> = specs().into_iter().map(|c| c.name).collect();
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "a command declared twice");
    assert!(commands.contains(
        "applyEdit: (mapId: string, edit: MapEdit) => invoke<MapChange>(\"apply_edit\", { mapId, edit })"
    ));
    assert!(commands.contains("sessionId: string | null"));
}
