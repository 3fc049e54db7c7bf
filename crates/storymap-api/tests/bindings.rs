//! The committed TypeScript bindings match the Rust types; set UPDATE_BINDINGS=1 to rewrite.

use std::path::PathBuf;

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings");
    let rendered = storymap_api::bindings::render();
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
        "ui/src/bindings drifted from the Rust types (stale: {stale:?}, not generated: {extra:?}); \
         run `UPDATE_BINDINGS=1 cargo test -p storymap-api --test bindings`"
    );
}
