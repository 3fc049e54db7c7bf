//! What the hostile-input targets share: the real map they start from, and the checks.

// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use proptest::prelude::*;
use storymap_core::generate::refined_map;
use storymap_core::{CoreError, MapDocument, MapImport, MapModel};

pub fn config(cases: u32) -> ProptestConfig {
    // PROPTEST_CASES overrides the default for the long run.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        max_shrink_iters: 256,
        ..ProptestConfig::default()
    }
}

/// A real map with activities, steps, slices, stories, criteria, labels and dependencies.
pub fn real_map() -> MapDocument {
    MapImport::build(&refined_map(12), "m1", "ana", 1_700_000_000).unwrap()
}

pub fn check_error(error: &CoreError) {
    assert!(!error.to_string().trim().is_empty(), "{error:?}");
}

/// Reads a map that was accepted, as every caller would right after.
pub fn check_reads(map: &MapDocument) -> Option<MapModel> {
    match map.read() {
        Ok(model) => {
            let _ = storymap_core::markdown(&model);
            Some(model)
        }
        Err(error) => {
            check_error(&error);
            None
        }
    }
}

pub fn fixture(dir: &str, name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../tests/fixtures/{dir}/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

// ---- 1. Loading a `.storymap` file ----

#[derive(Debug, Clone)]
pub enum ByteEdit {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
}

pub fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(at, mask)| ByteEdit::Flip(at, mask)),
        any::<usize>().prop_map(ByteEdit::Truncate),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| ByteEdit::Insert(at, bytes)),
        (any::<usize>(), 1..64usize).prop_map(|(at, len)| ByteEdit::Remove(at, len)),
    ]
}

pub fn mutate(bytes: &mut Vec<u8>, edit: &ByteEdit) {
    let len = bytes.len().max(1);
    match edit {
        ByteEdit::Flip(at, mask) => {
            if let Some(b) = bytes.get_mut(at % len) {
                *b ^= mask;
            }
        }
        ByteEdit::Truncate(at) => bytes.truncate(at % len),
        ByteEdit::Insert(at, more) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, more.iter().copied());
        }
        ByteEdit::Remove(at, n) => {
            let at = at % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
    }
}

pub fn check_load(bytes: &[u8]) {
    match MapDocument::load_verified(bytes) {
        Ok(map) => {
            check_reads(&map);
        }
        Err(error) => check_error(&error),
    }
}
