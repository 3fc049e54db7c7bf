//! `storymap export png|svg|pdf|html`: the map, or one release slice, as an image file or
//! the stakeholder page.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use storymap_api::{ApiError, ImageFormat, ImageScope, PaperSize, Workspace};

#[derive(Args)]
pub struct ImageArgs {
    /// Map name or id.
    #[arg(long)]
    map: String,
    /// Draw only this release slice (its name or id), under the backbone.
    #[arg(long, value_name = "NAME")]
    slice: Option<String>,
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

#[derive(Args)]
pub struct PdfArgs {
    #[command(flatten)]
    image: ImageArgs,
    /// Landscape paper size.
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    paper: Paper,
}

#[derive(Clone, Copy, ValueEnum)]
enum Paper {
    A4,
    Letter,
}

pub fn png(workspace: &Workspace, args: ImageArgs) -> Result<(), ApiError> {
    export(workspace, ImageFormat::Png, args)
}

pub fn svg(workspace: &Workspace, args: ImageArgs) -> Result<(), ApiError> {
    export(workspace, ImageFormat::Svg, args)
}

pub fn pdf(workspace: &Workspace, args: PdfArgs) -> Result<(), ApiError> {
    let paper = match args.paper {
        Paper::A4 => PaperSize::A4,
        Paper::Letter => PaperSize::Letter,
    };
    export(workspace, ImageFormat::Pdf { paper }, args.image)
}

pub fn html(workspace: &mut Workspace, args: ImageArgs) -> Result<(), ApiError> {
    let (map_id, scope) = scope(workspace, &args)?;
    workspace.export_html(&map_id, scope, &args.output)
}

fn export(workspace: &Workspace, format: ImageFormat, args: ImageArgs) -> Result<(), ApiError> {
    let (map_id, scope) = scope(workspace, &args)?;
    workspace.export_image(&map_id, format, scope, &args.output)
}

/// The map's id and what of it to draw: the whole map, or the slice `--slice` names.
fn scope(workspace: &Workspace, args: &ImageArgs) -> Result<(String, ImageScope), ApiError> {
    let map_id = workspace.resolve_map(&args.map)?;
    let scope = match &args.slice {
        Some(name) => ImageScope::Slice {
            release_id: workspace.resolve_slice(&map_id, name)?,
        },
        None => ImageScope::WholeMap,
    };
    Ok((map_id, scope))
}
