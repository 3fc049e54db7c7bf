#!/usr/bin/env bash
# Builds Storymap's installable packages with the Tauri CLI from npm (@tauri-apps/cli):
# a .deb and an .rpm holding the app, the `storymap` command line, icons, the desktop entry,
# the .storymap file type and the font licence.
#
#   bash scripts/package.sh            # release build → target/release/bundle/{deb,rpm}/
#   bash scripts/package.sh --debug    # the test build's binaries (what CI installs and tests)
#   BUNDLES=deb bash scripts/package.sh   # only the .deb
#
# The Tauri CLI wants tauri.conf.json beside a Cargo.toml with a [package]; ours is at the
# root beside the workspace manifest (the app crate finds it through build.rs). So this
# script writes src-tauri/tauri.conf.json (ignored by git) from the root one with its paths
# made relative to src-tauri, builds the binaries with cargo, then bundles them.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

profile=release
if [[ ${1:-} == --debug ]]; then
  profile=debug
fi
target_dir=${CARGO_TARGET_DIR:-target}

npm ls @tauri-apps/cli >/dev/null 2>&1 || npm ci --no-audit --no-fund
npm run build:ui

if [[ $profile == release ]]; then
  cargo build --release -p storymap-app -p storymap-cli
else
  # The same command as scripts/test.sh, so CI bundles the binaries its journeys ran.
  cargo build --workspace --bins --tests
fi

node - "$profile" "$target_dir" <<'JS'
const fs = require("fs");
const path = require("path");
const [profile, targetDir] = process.argv.slice(2);
const config = JSON.parse(fs.readFileSync("tauri.conf.json", "utf8"));
const fromSrcTauri = (p) => path.relative("src-tauri", path.resolve(p));
config.build.frontendDist = fromSrcTauri(config.build.frontendDist);
config.bundle.active = true;
config.bundle.icon = config.bundle.icon.map(fromSrcTauri);
for (const kind of ["deb", "rpm"]) {
  const linux = config.bundle.linux[kind];
  linux.files = Object.fromEntries(Object.entries(linux.files).map(([to, from]) => [to, fromSrcTauri(from)]));
  // The command line beside the app, on the PATH.
  linux.files["/usr/bin/storymap"] = fromSrcTauri(path.join(targetDir, profile, "storymap"));
  linux.postInstallScript = fromSrcTauri(linux.postInstallScript);
  linux.postRemoveScript = fromSrcTauri(linux.postRemoveScript);
  linux.desktopTemplate = fromSrcTauri(linux.desktopTemplate);
}
fs.writeFileSync("src-tauri/tauri.conf.json", JSON.stringify(config, null, 2) + "\n");
JS

bundle_args=(--bundles "${BUNDLES:-deb,rpm}")
if [[ $profile == debug ]]; then
  bundle_args+=(--debug)
fi
TAURI_APP_PATH=src-tauri npx tauri bundle "${bundle_args[@]}"

echo
echo "Packages:"
ls -1 "$target_dir/$profile/bundle/"{deb,rpm}/*.{deb,rpm} 2>/dev/null || true
