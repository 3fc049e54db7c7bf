//! `storymap export …` and `storymap import …`: files in and out, to a path or standard output.

use std::io::Write;
use std::path::PathBuf;

use storymap_api::{ApiError, Workspace};

use crate::{image, io_error, jira, print, ExportCommand, ImportCommand};

/// Writes `contents` to `output`, or to standard output when there is none.
fn write_to(
    output: Option<PathBuf>,
    contents: &[u8],
    out: &mut impl Write,
) -> Result<(), ApiError> {
    match output {
        Some(path) => std::fs::write(&path, contents)
            .map_err(io_error(format!("cannot write {}", path.display()))),
        None => out
            .write_all(contents)
            .map_err(io_error("cannot write to standard output".into())),
    }
}

pub fn export(
    workspace: &mut Workspace,
    command: ExportCommand,
    out: &mut impl Write,
) -> Result<(), ApiError> {
    match command {
        ExportCommand::Storymap { map, output } => {
            let map_id = workspace.resolve_map(&map)?;
            workspace.export_map_file(&map_id, &output)
        }
        ExportCommand::Png(args) => image::png(workspace, args),
        ExportCommand::Svg(args) => image::svg(workspace, args),
        ExportCommand::Pdf(args) => image::pdf(workspace, args),
        ExportCommand::JiraCsv { map, output } => {
            let map_id = workspace.resolve_map(&map)?;
            match output {
                Some(path) => workspace.export_jira_csv_file(&map_id, &path),
                None => write_to(None, workspace.export_jira_csv(&map_id)?.as_bytes(), out),
            }
        }
        ExportCommand::Markdown { map, output } => {
            let map_id = workspace.resolve_map(&map)?;
            match output {
                Some(path) => workspace.export_markdown_file(&map_id, &path),
                None => write_to(None, workspace.export_markdown(&map_id)?.as_bytes(), out),
            }
        }
        ExportCommand::Json { map, output } => {
            let map_id = workspace.resolve_map(&map)?;
            let view = workspace.view(&map_id)?;
            let json = serde_json::to_string_pretty(&view).expect("DTOs serialise") + "\n";
            write_to(output, json.as_bytes(), out)
        }
    }
}

pub fn import(
    workspace: &mut Workspace,
    command: ImportCommand,
    out: &mut impl Write,
) -> Result<(), ApiError> {
    match command {
        ImportCommand::Storymap { file } => {
            let received = workspace.import_map_file(&file)?;
            print(out, &format!("{}  {}", received.map.id, received.summary))
        }
        ImportCommand::JiraCsv {
            file,
            map,
            status_map,
            dry_run,
        } => {
            let statuses = jira::status_map(status_map.as_deref())?;
            let target = jira::target(workspace, map.as_deref(), &file);
            if dry_run {
                let view = workspace.preview_jira_csv_file(&file, &target, &statuses)?;
                return print(out, &jira::preview(&view));
            }
            let view = workspace.import_jira_csv_file(&file, &target, &statuses)?;
            if !view.warnings.is_empty() {
                eprintln!("{}", jira::warnings(&view.warnings));
            }
            print(out, &jira::imported(&view))
        }
    }
}
