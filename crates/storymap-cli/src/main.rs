//! `storymap`: the headless command line on the same data directory as the app.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod backlog;
mod backup;
mod exchange;
mod image;
mod jira;
mod progress;
mod repair;
mod report;
mod session;
mod sync;

use clap::{Parser, Subcommand};
use storymap_api::{resolve_data_dir, ApiError, ChangesSince, ErrorCode, Workspace, DATA_DIR_ENV};
use storymap_api::{CardEdit, MapEdit};

#[derive(Parser)]
#[command(
    name = "storymap",
    version,
    about = "Story maps from the command line, on the same data as the Storymap app."
)]
struct Cli {
    /// The data directory (default: $STORYMAP_DATA_DIR, else the platform data directory).
    #[arg(long, global = true, env = DATA_DIR_ENV, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Your name on the changes you make (kept for next time, like the app's display name).
    #[arg(long = "name", id = "display_name", global = true, value_name = "NAME")]
    display_name: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create, list and import maps.
    #[command(subcommand)]
    Map(MapCommand),
    /// Add stories.
    #[command(subcommand)]
    Story(StoryCommand),
    /// Export a map.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Import a map from a file.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Print the link teammates join a map with (automerge:…).
    Share {
        /// Map name or id.
        #[arg(long)]
        map: String,
    },
    /// Fetch a shared map from a sync server by its link and add it here.
    Join {
        /// The automerge:… link from Share, or a storymap://join?… invitation (which names
        /// the server too).
        url: String,
        /// The sync server, e.g. ws://sync.example.org:3030 (needed for an automerge: link).
        #[arg(long, value_name = "WS_URL")]
        server: Option<String>,
    },
    /// What changed since the last sync, since the map was last opened here, or since a date.
    Changes {
        /// Map name or id.
        #[arg(long)]
        map: String,
        /// last-sync, last-opened, last-session (the latest refinement session's start) or a date (YYYY-MM-DD).
        #[arg(long, default_value = "last-sync")]
        since: String,
    },
    /// Fields teammates set differently at the same time, with each value and its author.
    Conflicts {
        /// Map name or id.
        #[arg(long)]
        map: String,
    },
    /// The backlog's counts and health: ready sprints against the target, each slice's needs.
    Backlog {
        #[arg(long)]
        map: String,
        #[arg(long)]
        json: bool,
    },
    /// Rolling backups of every map: list, write one now, restore one.
    #[command(subcommand)]
    Backup(backup::BackupCommand),
    /// Rebuild a damaged database from the maps' data (or only from backups), keeping it aside.
    Repair {
        #[arg(long)]
        backups_only: bool,
    },
    /// Refinement sessions: list them, print a summary and stakeholder update.
    #[command(subcommand)]
    Session(session::SessionCommand),
    /// Sync a map with a sync server.
    Sync {
        /// Map name or id.
        #[arg(long)]
        map: String,
        #[arg(long, value_name = "WS_URL")]
        server: String,
        /// Exit once both sides have each other's changes (default: keep syncing until Ctrl+C).
        #[arg(long)]
        once: bool,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// A .storymap file: merged into the map with the same id, or added as a new map.
    Storymap { file: PathBuf },
    /// A Jira CSV export: epics → activities, stories → cards, sub-tasks → criteria.
    /// Rows with a known issue key update their story; the import is one change.
    JiraCsv {
        file: PathBuf,
        /// The map to import into (name or id); a new map of this name when none has it.
        /// Default: a new map named after the file.
        #[arg(long)]
        map: Option<String>,
        /// Jira statuses to read differently, e.g. "In Review=refining,Blocked=refining".
        #[arg(long, value_name = "MAPPINGS")]
        status_map: Option<String>,
        /// Print what would be created and updated, the columns and the warnings; import nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand)]
enum MapCommand {
    /// Create a map and print its id.
    Create { name: String },
    /// List the maps.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Import a map from a Storymap JSON export and print its new id.
    Import { file: PathBuf },
}

#[derive(Subcommand)]
enum StoryCommand {
    /// Add a story and print its id; the activity, step and release slice are created when missing.
    Add {
        /// Map name or id.
        #[arg(long)]
        map: String,
        #[arg(long)]
        activity: String,
        #[arg(long)]
        step: String,
        #[arg(long)]
        release: String,
        #[arg(long)]
        title: String,
    },
    /// Rename a story.
    Rename {
        /// Map name or id.
        #[arg(long)]
        map: String,
        /// Story id.
        #[arg(long)]
        story: String,
        #[arg(long)]
        title: String,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// The map's Automerge document with its whole history, for e-mail or a shared drive.
    Storymap {
        /// Map name or id.
        #[arg(long)]
        map: String,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// A CSV for Jira's External System Import: epics, stories, issue keys (docs/formats.md).
    JiraCsv {
        /// Map name or id.
        #[arg(long)]
        map: String,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A readable, git-diffable Markdown outline of the map.
    Markdown {
        /// Map name or id.
        #[arg(long)]
        map: String,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The whole map as JSON (docs/formats.md).
    Json {
        /// Map name or id.
        #[arg(long)]
        map: String,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The map (or one slice) as a PNG image, drawn at 2×.
    Png(image::ImageArgs),
    /// The map (or one slice) as a self-contained SVG image.
    Svg(image::ImageArgs),
    /// The map (or one slice) as a paginated landscape PDF to print and hand out.
    Pdf(image::PdfArgs),
    /// The stakeholder page: the map (or one slice) as one self-contained, read-only HTML file.
    Html(image::ImageArgs),
}

fn io_error(what: String) -> impl FnOnce(std::io::Error) -> ApiError {
    move |e| ApiError::new(ErrorCode::Storage, format!("{what}: {e}"))
}

/// An error writing to standard output. A reader that closed it (`storymap export json |
/// head -1`) wanted no more: the command ends quietly with success, as Unix tools do.
fn stdout_error(error: std::io::Error) -> ApiError {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    io_error("cannot write to standard output".into())(error)
}

/// One line on standard output.
fn print(out: &mut impl Write, text: &str) -> Result<(), ApiError> {
    writeln!(out, "{text}").map_err(stdout_error)
}

fn map_command(
    workspace: &mut Workspace,
    command: MapCommand,
    out: &mut impl Write,
) -> Result<(), ApiError> {
    match command {
        MapCommand::Create { name } => print(out, &workspace.create_map(&name)?.map.id),
        MapCommand::List { json } => {
            let maps = workspace.list_maps()?;
            if json {
                return print(
                    out,
                    &serde_json::to_string_pretty(&maps).expect("DTOs serialise"),
                );
            }
            for map in maps {
                print(
                    out,
                    &format!("{}  {:>5} stories  {}", map.id, map.story_count, map.name),
                )?;
            }
            Ok(())
        }
        MapCommand::Import { file } => {
            let json = String::from_utf8(storymap_api::read_import_file(&file)?).map_err(|_| {
                ApiError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "{} is not UTF-8 text: not a Storymap JSON export",
                        file.display()
                    ),
                )
            })?;
            let view = workspace
                .import_json(&json)
                .map_err(|e| ApiError::new(e.code, format!("{}: {}", file.display(), e.message)))?;
            print(out, &view.map.id)
        }
    }
}

fn story_command(
    workspace: &mut Workspace,
    command: StoryCommand,
    out: &mut impl Write,
) -> Result<(), ApiError> {
    match command {
        StoryCommand::Add {
            map,
            activity,
            step,
            release,
            title,
        } => {
            let map_id = workspace.resolve_map(&map)?;
            print(
                out,
                &workspace.add_story_at(&map_id, &activity, &step, &release, &title)?,
            )
        }
        StoryCommand::Rename { map, story, title } => {
            let map_id = workspace.resolve_map(&map)?;
            let edit = MapEdit::from(CardEdit::RenameStory {
                story_id: story,
                title,
            });
            workspace.apply_edit(&map_id, edit).map(|_| ())
        }
    }
}

fn changes_command(
    workspace: &mut Workspace,
    map: &str,
    since: &str,
    out: &mut impl Write,
) -> Result<(), ApiError> {
    let map_id = workspace.resolve_map(map)?;
    let since = match since {
        "last-sync" => ChangesSince::LastSync,
        "last-opened" => ChangesSince::LastOpened,
        "last-session" => ChangesSince::LastSession,
        date => ChangesSince::Date { date: date.into() },
    };
    print(
        out,
        &report::changes(&workspace.changes_since(&map_id, since)?),
    )
}

fn run(cli: Cli) -> Result<(), ApiError> {
    let data_dir = resolve_data_dir(cli.data_dir).ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("no data directory: pass --data-dir DIR or set {DATA_DIR_ENV}"),
        )
    })?;
    if let Command::Repair { backups_only } = cli.command {
        return print(
            &mut std::io::stdout().lock(),
            &repair::run(&data_dir, backups_only)?,
        );
    }
    let mut workspace = Workspace::open(&data_dir)?;
    if let Some(name) = cli.display_name.as_deref() {
        workspace.set_display_name(name.trim())?;
    }
    workspace.set_progress_sink(progress::stderr_sink(), progress::quiet_for());
    let out = &mut std::io::stdout().lock();
    match cli.command {
        Command::Map(command) => map_command(&mut workspace, command, out),
        Command::Story(command) => story_command(&mut workspace, command, out),
        Command::Changes { map, since } => changes_command(&mut workspace, &map, &since, out),
        Command::Session(command) => print(out, &session::run(&mut workspace, command)?),
        Command::Backup(command) => print(out, &backup::run(&mut workspace, command)?),
        Command::Backlog { map, json } => print(out, &backlog::run(&mut workspace, &map, json)?),
        Command::Repair { .. } => unreachable!("repaired before the workspace opens"),
        Command::Conflicts { map } => {
            let map_id = workspace.resolve_map(&map)?;
            print(out, &report::conflicts(&workspace.conflicts(&map_id)?))
        }
        Command::Export(command) => exchange::export(&mut workspace, command, out),
        Command::Import(command) => exchange::import(&mut workspace, command, out),
        Command::Share { map } => print(out, &sync::share_link(&mut workspace, &map)?),
        Command::Join { url, server } => {
            let (url, server) = storymap_api::join_target(&url, server)?;
            let map_id = sync::map_id_from_link(&url)?;
            let name = sync::sync(workspace, &map_id, &server, true)?;
            print(out, &format!("{map_id}  {name}"))
        }
        Command::Sync { map, server, once } => {
            let map_id = workspace.resolve_map(&map)?;
            let name = sync::sync(workspace, &map_id, &server, once)?;
            print(out, &format!("Synced '{name}' with {server}"))
        }
    }
}

fn main() -> ExitCode {
    // A bug must still end in one readable line, not a panic trace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("storymap: internal error: {info}");
    }));
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("storymap: error: {}", error.message);
            ExitCode::FAILURE
        }
    }
}
