#!/usr/bin/env bash
# Memory of the release app showing the sample map: PSS summed over the main process and
# its WebKit children (web, network), read from /proc/PID/smaps_rollup after the window
# has settled. Also prints the release binary's size. Not part of the test suite.
#
#   bash tests/perf/app-memory.sh [SECONDS_TO_SETTLE]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
settle=${1:-15}
export WEBKIT_DISABLE_DMABUF_RENDERER=1 NO_AT_BRIDGE=1

npm run --silent build:ui >/dev/null
cargo build --quiet --release -p storymap-app
binary=target/release/storymap-app
echo "release binary: $(stat -c %s "$binary") bytes ($(du -h "$binary" | cut -f1))"

data_dir=$(mktemp -d)
trap 'kill "$app_pid" 2>/dev/null || true; rm -rf "$data_dir"' EXIT
xvfb-run -a -s "-screen 0 1440x900x24" "$binary" --data-dir "$data_dir" &
sleep "$settle"
app_pid=$(pgrep -n -f "$binary --data-dir $data_dir")

descendants() {
  echo "$1"
  for child in $(pgrep -P "$1"); do descendants "$child"; done
}
total=0
for pid in $(descendants "$app_pid"); do
  pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
  printf '  %-8s %-28s %8d kB\n' "$pid" "$(tr -d '\0' <"/proc/$pid/comm" 2>/dev/null)" "$pss"
  total=$((total + pss))
done
echo "PSS total: $((total / 1024)) MB over $(descendants "$app_pid" | wc -l) processes"
