#!/usr/bin/env bash
# Runs every check and test of Storymap, failing fast: formatting, lints, Rust tests, UI
# type-check/lint/tests, then the end-to-end journeys in the real window under Xvfb.
#
#   bash scripts/test.sh          # locally (incremental builds)
#   CI=true bash scripts/test.sh  # as CI does (via .ci/run): CARGO_INCREMENTAL=0
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if [[ ${CI:-} == true ]]; then
  export CARGO_INCREMENTAL=0
fi
export WEBKIT_DISABLE_DMABUF_RENDERER=1 NO_AT_BRIDGE=1

started=$SECONDS
stage_name=""
stage_started=$SECONDS

finish_stage() {
  if [[ -n $stage_name ]]; then
    echo "--- ${stage_name}: ok in $((SECONDS - stage_started)) s"
  fi
}

stage() {
  finish_stage
  stage_name=$1
  stage_started=$SECONDS
  printf '\n=== [%s, +%d s] %s\n' "$(date +%H:%M:%S)" "$((SECONDS - started))" "$stage_name"
}

on_exit() {
  local rc=$?
  if ((rc != 0)); then
    echo >&2
    echo "!!! FAILED in stage '${stage_name}' (exit ${rc}) after $((SECONDS - started)) s total" >&2
  fi
}
trap on_exit EXIT

stage "setup (system packages, npm dependencies, tauri-driver)"
bash scripts/setup.sh --with-test-tools

stage "cargo fmt --check"
cargo fmt --all --check

stage "file sizes (400 lines at most)"
bash scripts/check-sizes.sh

# The app crate embeds ui/dist at compile time: build the UI before any cargo build.
stage "build UI (npm run build:ui)"
npm run build:ui

stage "cargo clippy (all targets, -D warnings, functions under 80 lines)"
cargo clippy --workspace --all-targets -- -D warnings

# One build for the tests and the binaries the journeys run: `cargo build -p storymap-app`
# alone resolves other features than the test build (dev-dependencies unify with
# `--tests`) and rebuilt ~750 crates, 9 minutes of a cold CI run.
stage "cargo build (workspace: binaries and tests)"
cargo build --workspace --bins --tests

stage "cargo test"
cargo test --workspace

stage "UI typecheck"
npm run typecheck

stage "UI lint"
npm run lint

stage "UI tests (vitest)"
npm run test:ui

stage "end-to-end journeys (real window under Xvfb)"
xvfb-run -a -s "-screen 0 1920x1080x24" npm run test:e2e

stage "the installed package (.deb built, installed, its journey, removed)"
bash scripts/test-package.sh

finish_stage
stage_name="done"
echo
echo "All stages passed in $((SECONDS - started)) s total."
