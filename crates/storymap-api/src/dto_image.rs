//! What a map image export asks for: the format (and paper for a PDF) and the scope.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The file to write: a PNG at 2× (crisp on any screen), a self-contained SVG, or a
/// paginated landscape PDF to print and hand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ImageFormat {
    Png,
    Svg,
    Pdf { paper: PaperSize },
}

/// Landscape paper for the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PaperSize {
    A4,
    Letter,
}

/// The whole map, or one release slice (with the backbone above it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ImageScope {
    WholeMap,
    Slice { release_id: String },
}
