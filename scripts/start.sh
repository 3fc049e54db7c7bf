#!/usr/bin/env bash
# Builds and starts the Storymap desktop app. Extra arguments go to the app:
#
#   bash scripts/start.sh                      # default data directory
#   bash scripts/start.sh --data-dir /tmp/sm   # another data directory
#
# Without a display ($DISPLAY empty, as on a headless machine) the app runs under Xvfb.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/setup.sh

echo "start: building the UI (npm run build:ui)"
npm run build:ui --silent

echo "start: building the app (cargo build -p storymap-app)"
cargo build -p storymap-app

export WEBKIT_DISABLE_DMABUF_RENDERER=1 NO_AT_BRIDGE=1
app=target/debug/storymap-app
if [[ -z ${DISPLAY:-} ]]; then
  echo "start: no DISPLAY, so running the app under Xvfb (a virtual 1920x1080 screen: nothing is shown; Ctrl-C stops it)"
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$app" "$@"
fi
echo "start: running $app $*"
exec "$app" "$@"
