//! The TypeScript twins of the DTOs (by ts-rs) and of the commands, rendered as the files
//! committed in `ui/src/bindings/`. `tests/bindings.rs` fails when they drift;
//! `UPDATE_BINDINGS=1 cargo test -p storymap-api --test bindings` rewrites them.

use ts_rs::{Config, TS};

use crate::dto::*;
use crate::dto_image::*;
use crate::dto_sync::*;
use crate::edits::*;
use crate::error::{ApiError, ErrorCode};
use crate::history_views::*;
use crate::jira_views::*;
use crate::session_views::*;

/// A Tauri command as the UI calls it; `src-tauri/src/commands.rs` registers the same names.
pub struct CommandSpec {
    pub name: &'static str,
    pub args: &'static [(&'static str, &'static str)],
    pub returns: &'static str,
    pub doc: &'static str,
}

pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "list_maps",
        args: &[],
        returns: "Array<MapSummary>",
        doc: "Every map in the data directory, latest edited first.",
    },
    CommandSpec {
        name: "open_start_map",
        args: &[],
        returns: "MapView",
        doc: "The last map opened, or the sample map on the very first run.",
    },
    CommandSpec {
        name: "open_map",
        args: &[("mapId", "string")],
        returns: "MapView",
        doc: "A map, remembered as the last one opened.",
    },
    CommandSpec {
        name: "create_map",
        args: &[("name", "string")],
        returns: "MapView",
        doc: "A new map with one release slice, MVP.",
    },
    CommandSpec {
        name: "apply_edit",
        args: &[("mapId", "string"), ("edit", "MapEdit")],
        returns: "MapChange",
        doc: "One edit, saved before the promise resolves; answers what changed.",
    },
    CommandSpec {
        name: "undo",
        args: &[("mapId", "string")],
        returns: "MapChange",
        doc: "Reverts the local user's last edit on the map, leaving teammates' changes alone.",
    },
    CommandSpec {
        name: "redo",
        args: &[("mapId", "string")],
        returns: "MapChange",
        doc: "Applies again the edit the last undo reverted.",
    },
    CommandSpec {
        name: "backlog",
        args: &[("mapId", "string"), ("query", "BacklogQuery")],
        returns: "BacklogView",
        doc: "The stories as one ranked list, sorted and filtered, with its header counts.",
    },
    CommandSpec {
        name: "split_patterns",
        args: &[("title", "string")],
        returns: "Array<SplitPatternView>",
        doc: "Every splitting pattern with the titles it suggests for a story.",
    },
    CommandSpec {
        name: "view_prefs",
        args: &[("mapId", "string")],
        returns: "ViewPrefs",
        doc: "How this device shows the map (collapsed slices, zoom).",
    },
    CommandSpec {
        name: "save_view_prefs",
        args: &[("mapId", "string"), ("prefs", "ViewPrefs")],
        returns: "null",
        doc: "Remembers how this device shows the map.",
    },
    CommandSpec {
        name: "sync_settings",
        args: &[("mapId", "string")],
        returns: "SyncSettingsView",
        doc: "The map's sync settings on this device, its share link and the display name.",
    },
    CommandSpec {
        name: "save_sync_settings",
        args: &[("mapId", "string"), ("settings", "SyncSettingsInput")],
        returns: "SyncSettingsView",
        doc: "Turns sync on or off for the map, sets its server and the display name.",
    },
    CommandSpec {
        name: "sync_status",
        args: &[("mapId", "string")],
        returns: "SyncStatus",
        doc: "Where the map's sync stands now; later changes arrive as `sync-status` events.",
    },
    CommandSpec {
        name: "join_map",
        args: &[("url", "string"), ("serverUrl", "string")],
        returns: "ReceivedMapView",
        doc: "Fetches a shared map by its automerge: link and keeps it in sync with that server.",
    },
    CommandSpec {
        name: "export_map_file",
        args: &[("mapId", "string"), ("path", "string")],
        returns: "null",
        doc: "Writes the map with its whole history as a .storymap file.",
    },
    CommandSpec {
        name: "export_image",
        args: &[
            ("mapId", "string"),
            ("format", "ImageFormat"),
            ("scope", "ImageScope"),
            ("path", "string"),
        ],
        returns: "null",
        doc: "Draws the map or one slice as a PNG, SVG or paginated PDF and writes it to the path.",
    },
    CommandSpec {
        name: "import_map_file",
        args: &[("path", "string")],
        returns: "ReceivedMapView",
        doc: "Reads a .storymap file: merged into the same map when we have it, else added.",
    },
    CommandSpec {
        name: "changes_since",
        args: &[("mapId", "string"), ("since", "ChangesSince")],
        returns: "ChangesView",
        doc: "What changed since the last sync, the last opening or a date: per story, who and when.",
    },
    CommandSpec {
        name: "story_timeline",
        args: &[("mapId", "string"), ("storyId", "string")],
        returns: "Array<ChangeEntryView>",
        doc: "A story's whole history, newest first.",
    },
    CommandSpec {
        name: "conflicts",
        args: &[("mapId", "string")],
        returns: "Array<ConflictView>",
        doc: "Fields teammates set differently at the same time; settle one with a resolveConflict edit.",
    },
    CommandSpec {
        name: "history_points",
        args: &[("mapId", "string"), ("limit", "number")],
        returns: "Array<HistoryPointView>",
        doc: "Points in the map's history to view or restore, newest first.",
    },
    CommandSpec {
        name: "map_at",
        args: &[("mapId", "string"), ("hash", "string")],
        returns: "MapView",
        doc: "The map as it was right after one change (read-only).",
    },
    CommandSpec {
        name: "sessions",
        args: &[("mapId", "string")],
        returns: "Array<SessionListItem>",
        doc: "The map's refinement sessions, past and open, newest first.",
    },
    CommandSpec {
        name: "session",
        args: &[("mapId", "string"), ("sessionId", "string")],
        returns: "SessionView",
        doc: "One session as the room sees it; votes stay hidden until revealed.",
    },
    CommandSpec {
        name: "session_summary",
        args: &[("mapId", "string"), ("sessionId", "string | null")],
        returns: "SessionSummaryView",
        doc: "What a session did (the latest when sessionId is null) and the stakeholder update.",
    },
    CommandSpec {
        name: "presentation",
        args: &[("mapId", "string"), ("focus", "PresentationFocus")],
        returns: "PresentationView",
        doc: "What the projector shows: a story, slice or activity, never private notes.",
    },
    CommandSpec {
        name: "preview_jira_csv_file",
        args: &[
            ("path", "string"),
            ("target", "JiraTarget"),
            ("statusMap", "Array<JiraStatusMapping>"),
        ],
        returns: "JiraPreviewView",
        doc: "What importing a Jira CSV export would create and update, its columns and warnings; writes nothing.",
    },
    CommandSpec {
        name: "import_jira_csv_file",
        args: &[
            ("path", "string"),
            ("target", "JiraTarget"),
            ("statusMap", "Array<JiraStatusMapping>"),
        ],
        returns: "JiraImportView",
        doc: "Imports a Jira CSV export as one change (one undo step on an existing map); a file that is not a table imports nothing.",
    },
    CommandSpec {
        name: "preview_jira_csv",
        args: &[
            ("csvText", "string"),
            ("target", "JiraTarget"),
            ("statusMap", "Array<JiraStatusMapping>"),
        ],
        returns: "JiraPreviewView",
        doc: "Like previewJiraCsvFile, on CSV text (pasted or read by the UI).",
    },
    CommandSpec {
        name: "import_jira_csv",
        args: &[
            ("csvText", "string"),
            ("target", "JiraTarget"),
            ("statusMap", "Array<JiraStatusMapping>"),
        ],
        returns: "JiraImportView",
        doc: "Like importJiraCsvFile, on CSV text.",
    },
    CommandSpec {
        name: "export_jira_csv_file",
        args: &[("mapId", "string"), ("path", "string")],
        returns: "null",
        doc: "Writes the map as a CSV for Jira's External System Import (epics, stories, issue keys kept).",
    },
    CommandSpec {
        name: "export_markdown_file",
        args: &[("mapId", "string"), ("path", "string")],
        returns: "null",
        doc: "Writes the map as a Markdown outline: activities, steps, slices, stories.",
    },
];

fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn commands_ts() -> String {
    let mut types: Vec<&str> = COMMANDS
        .iter()
        .flat_map(|c| c.args.iter().map(|(_, t)| *t).chain([c.returns]))
        .map(|t| t.trim_start_matches("Array<").trim_end_matches('>'))
        .filter(|t| t.starts_with(|c: char| c.is_ascii_uppercase()))
        .collect();
    types.sort();
    types.dedup();
    let mut out = String::from(
        "// This file is generated from the Rust command definitions (crates/storymap-api/src/bindings.rs). Do not edit this file manually.\n\
         import { invoke } from \"@tauri-apps/api/core\";\n",
    );
    for t in types {
        out += &format!("import type {{ {t} }} from \"./{t}\";\n");
    }
    out +=
        "\n/** Rejections carry an `ApiError` `{ code, message }`. */\nexport const commands = {\n";
    for c in COMMANDS {
        let params: Vec<String> = c.args.iter().map(|(n, t)| format!("{n}: {t}")).collect();
        let names: Vec<&str> = c.args.iter().map(|(n, _)| *n).collect();
        let payload = if names.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", names.join(", "))
        };
        out += &format!(
            "  /** {} */\n  {}: ({}) => invoke<{}>(\"{}\"{}),\n",
            c.doc,
            camel_case(c.name),
            params.join(", "),
            c.returns,
            c.name,
            payload
        );
    }
    out += "};\n";
    out
}

fn file<T: TS + 'static>(config: &Config) -> (String, String) {
    let contents = T::export_to_string(config).expect("ts-rs renders every DTO");
    (format!("{}.ts", T::name(config)), contents)
}

/// Every generated file: `(file name, contents)`.
pub fn render() -> Vec<(String, String)> {
    let config = Config::new();
    vec![
        file::<MapSummary>(&config),
        file::<MapRef>(&config),
        file::<StepView>(&config),
        file::<ActivityView>(&config),
        file::<ReleaseView>(&config),
        file::<AcceptanceCriterionView>(&config),
        file::<StoryStatus>(&config),
        file::<StoryView>(&config),
        file::<MapView>(&config),
        file::<MapEdit>(&config),
        file::<BackboneEdit>(&config),
        file::<SliceEdit>(&config),
        file::<CardEdit>(&config),
        file::<StoryEdit>(&config),
        file::<CriteriaEdit>(&config),
        file::<EstimateEdit>(&config),
        file::<DependencyEdit>(&config),
        file::<SplitEdit>(&config),
        file::<SettingsEdit>(&config),
        file::<SessionEdit>(&config),
        file::<AgendaEdit>(&config),
        file::<RoomEdit>(&config),
        file::<PokerEdit>(&config),
        file::<HistoryEdit>(&config),
        file::<SliceRollup>(&config),
        file::<WsjfInputsView>(&config),
        file::<WsjfScoreView>(&config),
        file::<DorCheckView>(&config),
        file::<InvestLetter>(&config),
        file::<Verdict>(&config),
        file::<InvestHintView>(&config),
        file::<RefinementView>(&config),
        file::<DorRule>(&config),
        file::<DorItemView>(&config),
        file::<TShirtSize>(&config),
        file::<TShirtPointsView>(&config),
        file::<StatusLabelView>(&config),
        file::<MapSettingsView>(&config),
        file::<StoryTextField>(&config),
        file::<WsjfPart>(&config),
        file::<SplitChildInput>(&config),
        file::<SplitPattern>(&config),
        file::<SplitPatternView>(&config),
        file::<BacklogSort>(&config),
        file::<BacklogQuery>(&config),
        file::<BacklogView>(&config),
        file::<HistoryState>(&config),
        file::<MapChange>(&config),
        file::<ViewPrefs>(&config),
        file::<SyncStateView>(&config),
        file::<SyncStatus>(&config),
        file::<SyncSettingsView>(&config),
        file::<SyncSettingsInput>(&config),
        file::<ReceivedMapView>(&config),
        file::<RemoteChange>(&config),
        file::<ChangesSince>(&config),
        file::<ChangeKindView>(&config),
        file::<ChangeEntryView>(&config),
        file::<StoryChangesView>(&config),
        file::<ChangesView>(&config),
        file::<ConflictValueView>(&config),
        file::<ConflictView>(&config),
        file::<HistoryPointView>(&config),
        file::<ImageFormat>(&config),
        file::<PaperSize>(&config),
        file::<ImageScope>(&config),
        file::<Deck>(&config),
        file::<SessionStoryState>(&config),
        file::<SessionNoteKind>(&config),
        file::<SessionListItem>(&config),
        file::<AgendaItemView>(&config),
        file::<SessionStoryView>(&config),
        file::<ParticipantView>(&config),
        file::<VoteView>(&config),
        file::<PokerStatsView>(&config),
        file::<PokerRoundView>(&config),
        file::<SessionNoteView>(&config),
        file::<SessionView>(&config),
        file::<NeedsInputView>(&config),
        file::<SummaryNoteView>(&config),
        file::<SplitView>(&config),
        file::<EstimateChangeView>(&config),
        file::<CriteriaAddedView>(&config),
        file::<SessionSummaryView>(&config),
        file::<PresentationFocus>(&config),
        file::<PresentedStoryView>(&config),
        file::<PresentedCardView>(&config),
        file::<PresentedColumnView>(&config),
        file::<PresentationView>(&config),
        file::<JiraTarget>(&config),
        file::<JiraStatusMapping>(&config),
        file::<JiraCountsView>(&config),
        file::<JiraColumnView>(&config),
        file::<JiraWarningView>(&config),
        file::<JiraStoryAction>(&config),
        file::<JiraStoryPreview>(&config),
        file::<JiraPreviewView>(&config),
        file::<JiraImportView>(&config),
        file::<ErrorCode>(&config),
        file::<ApiError>(&config),
        ("commands.ts".to_owned(), commands_ts()),
    ]
}
