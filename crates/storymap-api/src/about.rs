//! "About Storymap": the version, where this device keeps its maps, and the licences of
//! what Storymap ships — its own, and the Inter font the window and the images are set in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Workspace;

/// The Inter font's copyright and licence (OFL 1.1), as shipped in `assets/fonts/`.
const INTER_LICENCE: &str = include_str!("../../../assets/fonts/LICENSE-Inter.txt");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AboutView {
    /// The app's version, from its Cargo.toml.
    pub version: String,
    /// Where this device keeps its maps, backups and settings.
    pub data_dir: String,
    pub licences: Vec<LicenceView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LicenceView {
    /// What it covers: "Storymap", "Inter (font)".
    pub name: String,
    /// e.g. "SIL Open Font License 1.1".
    pub licence: String,
    /// The notice to show in full.
    pub text: String,
}

impl Workspace {
    /// About this app, with the version the shell was built as.
    pub fn about(&self, version: &str) -> AboutView {
        AboutView {
            version: version.to_owned(),
            data_dir: self.data_dir().display().to_string(),
            licences: vec![
                LicenceView {
                    name: "Storymap".into(),
                    licence: "MIT License".into(),
                    text: "Storymap is free software under the MIT License: use, copy, modify and \
                           share it, keeping this notice. It comes without warranty of any kind."
                        .into(),
                },
                LicenceView {
                    name: "Inter (font)".into(),
                    licence: "SIL Open Font License 1.1".into(),
                    text: INTER_LICENCE.into(),
                },
            ],
        }
    }
}
