//! `storymap export …` and `storymap import …`: files in and out, to a path or standard output.

use std::io::Write;

use storymap_api::{ApiError, Workspace};

use crate::{image, jira, print, stdout_error, ExportCommand, ImportCommand};

/// Writes an export to standard output (no `--output` given).
fn write_out(contents: &str, out: &mut impl Write) -> Result<(), ApiError> {
    out.write_all(contents.as_bytes()).map_err(stdout_error)
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
        ExportCommand::Html(args) => image::html(workspace, args),
        ExportCommand::JiraCsv { map, output } => {
            let map_id = workspace.resolve_map(&map)?;
            match output {
                Some(path) => workspace.export_jira_csv_file(&map_id, &path),
                None => write_out(&workspace.export_jira_csv(&map_id)?, out),
            }
        }
        ExportCommand::Markdown { map, output } => {
            let map_id = workspace.resolve_map(&map)?;
            match output {
                Some(path) => workspace.export_markdown_file(&map_id, &path),
                None => write_out(&workspace.export_markdown(&map_id)?, out),
            }
        }
        ExportCommand::Json { map, output } => {
            let map_id = workspace.resolve_map(&map)?;
            match output {
                Some(path) => workspace.export_json_file(&map_id, &path),
                None => write_out(&workspace.export_json(&map_id)?, out),
            }
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
