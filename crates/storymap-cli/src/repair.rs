//! `storymap repair [--backups-only]`: rebuilds a damaged database and prints what came back.

use std::path::Path;

use storymap_api::{
    repair_stamp_now, ApiError, RepairReport, RepairSource, RepairedFrom, Workspace,
};

/// Runs the repair on `data_dir` and renders its report.
pub fn run(data_dir: &Path, backups_only: bool) -> Result<String, ApiError> {
    let source = if backups_only {
        RepairSource::BackupsOnly
    } else {
        RepairSource::MapData
    };
    let (_, report) = Workspace::repair(data_dir, &repair_stamp_now(), source)?;
    Ok(render(&report))
}

fn render(report: &RepairReport) -> String {
    let mut lines = vec![match &report.damaged_file {
        Some(path) => format!("Repaired. The damaged database is kept at {path}"),
        None => "Repaired. There was no database file to keep".to_owned(),
    }];
    if report.maps.is_empty() {
        lines.push("No maps were found in the data or the backups".to_owned());
    }
    for map in &report.maps {
        let from = match &map.from {
            RepairedFrom::MapData => "rebuilt from the map data".to_owned(),
            RepairedFrom::Backup { date } => format!("restored from the backup of {date}"),
            RepairedFrom::Lost => "lost: neither its data nor a backup could be read".to_owned(),
        };
        lines.push(format!("  {}  {from}", map.name));
    }
    lines.join("\n")
}
