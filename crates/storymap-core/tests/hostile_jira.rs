//! Fuzzing the Jira CSV import with proptest: arbitrary text and damaged exports through
//! parse, plan and apply. Never panics; a problem carries a message. Long run: see
//! docs/hostile-input.md.

mod hostile_common;

use hostile_common::*;
use proptest::prelude::*;
use storymap_core::jira::{parse_csv, plan_import, StatusMap};
use storymap_core::MapDocument;

const CSV_TOKENS: &[&str] = &[
    ",",
    ",",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    ";",
    "\t",
    " ",
    "Summary",
    "Issue key",
    "Issue id",
    "Issue Type",
    "Status",
    "Epic",
    "Story",
    "Sub-task",
    "Parent",
    "Parent id",
    "Epic Link",
    "Labels",
    "Description",
    "Sprint",
    "Fix versions",
    "Custom field (Story point estimate)",
    "Custom field (Acceptance Criteria)",
    "SHOP-1",
    "10001",
    "To Do",
    "Done",
    "- [ ] ",
    "* ",
    "3",
    "-1",
    "1e308",
    "NaN",
    "é",
    "\u{0}",
];

/// A cell of tokens: quoted (inner quotes doubled), bare (without what would end it, so
/// the row keeps its width), or now and then raw (may break the row).
fn csv_cell() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        4 => prop::sample::select(CSV_TOKENS).prop_map(str::to_owned),
        1 => ".{0,8}",
    ];
    (0..9u8, prop::collection::vec(token, 0..4)).prop_map(|(style, tokens)| {
        let text = tokens.concat();
        match style {
            0..=3 => format!("\"{}\"", text.replace('"', "\"\"")),
            4..=7 => text.replace([',', '"', '\r', '\n'], ""),
            _ => text,
        }
    })
}

const HEADER: &str = "Summary,Issue key,Issue id,Issue Type,Status,Parent,Description,Labels";

fn csv_text() -> impl Strategy<Value = String> {
    // Rows of the header's width reach the planner; raw token soup tests the reader.
    let row = prop::collection::vec(csv_cell(), 8).prop_map(|cells| cells.join(","));
    let rows =
        prop::collection::vec(row, 0..12).prop_map(|rows| format!("{HEADER}\n{}", rows.join("\n")));
    let soup = prop::collection::vec(csv_cell(), 0..60).prop_map(|cells| cells.concat());
    prop_oneof![rows, soup]
}

#[derive(Debug, Clone)]
enum TextEdit {
    Bytes(ByteEdit),
    Token(usize, &'static str),
    HugeCell(usize),
    EmptyCells(usize),
}

fn text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        byte_edit().prop_map(TextEdit::Bytes),
        (any::<usize>(), prop::sample::select(CSV_TOKENS))
            .prop_map(|(at, t)| TextEdit::Token(at, t)),
        any::<usize>().prop_map(TextEdit::HugeCell),
        any::<usize>().prop_map(TextEdit::EmptyCells),
    ]
}

fn mutate_text(bytes: &mut Vec<u8>, edit: &TextEdit) {
    match edit {
        TextEdit::Bytes(edit) => mutate(bytes, edit),
        TextEdit::Token(at, token) => {
            mutate(bytes, &ByteEdit::Insert(*at, token.as_bytes().into()))
        }
        TextEdit::HugeCell(at) => {
            let cell = format!("\"{}\"", "long cell, \"quoted\"\n".repeat(20_000));
            mutate(bytes, &ByteEdit::Insert(*at, cell.into_bytes()));
        }
        TextEdit::EmptyCells(at) => mutate(bytes, &ByteEdit::Insert(*at, b",,,,,,,,".to_vec())),
    }
}

fn check_jira(text: &str, onto_real_map: bool) {
    let sheet = match parse_csv(text) {
        Ok(sheet) => sheet,
        Err(problem) => {
            assert!(!problem.message.trim().is_empty(), "{problem:?}");
            return;
        }
    };
    let mut map = if onto_real_map {
        real_map()
    } else {
        MapDocument::create("m1", "Shop", "ana", 1_700_000_000).unwrap()
    };
    let plan = plan_import(&sheet, &map.read().unwrap(), &StatusMap::default());
    let _ = (
        plan.creates(),
        plan.updates(),
        plan.unchanged(),
        plan.nothing_imported(),
    );
    let mut next = 0;
    let edits = plan.edits(&mut || {
        next += 1;
        format!("id{next}")
    });
    if edits.is_empty() {
        return;
    }
    match map.apply_all(&plan.label(), &edits, (1_700_000_100, "ana")) {
        Ok(_) => {
            check_reads(&map);
        }
        Err(error) => check_error(&error),
    }
}

const JIRA_FIXTURES: &[&str] = &[
    "cloud.csv",
    "server.csv",
    "bad-rows.csv",
    "broken.csv",
    "all-skipped.csv",
    "cloud.exported.csv",
];

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn jira_import_of_arbitrary_text_never_panics(text in csv_text(), onto_real_map: bool) {
        check_jira(&text, onto_real_map);
    }

    #[test]
    fn jira_import_of_a_damaged_export_never_panics(
        fixture_index in 0..JIRA_FIXTURES.len(),
        edits in prop::collection::vec(text_edit(), 1..6),
        onto_real_map: bool,
    ) {
        let mut bytes = fixture("jira", JIRA_FIXTURES[fixture_index]);
        for edit in &edits {
            mutate_text(&mut bytes, edit);
        }
        check_jira(&String::from_utf8_lossy(&bytes), onto_real_map);
    }
}

/// The Jira crashers found, kept as inputs in tests/fixtures/hostile/*.csv.
#[test]
fn jira_crashers_found_by_fuzzing_stay_fixed() {
    let dir = format!(
        "{}/../../tests/fixtures/hostile",
        env!("CARGO_MANIFEST_DIR")
    );
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("csv") {
            let name = path.file_name().unwrap().to_str().unwrap();
            let text = String::from_utf8_lossy(&fixture("hostile", name)).into_owned();
            check_jira(&text, false);
            check_jira(&text, true);
        }
    }
}
