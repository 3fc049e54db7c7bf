#!/usr/bin/env bash
# Issue #14's repro, as a benchmark: a map imported from a ROWS-row Jira export, then EDITS
# `storymap story add` runs (each a cold process that opens the map and adds one story, so
# change rows pile up between compactions), then 5 more adds timed one by one. Prints each
# timed add's wall time and their median. Not part of the test suite; see docs/performance.md.
#
#   bash tests/perf/open-after-edits.sh [ROWS] [EDITS]      (default: 1000 150)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
target=${CARGO_TARGET_DIR:-target}
cli=$target/release/storymap
rows=${1:-1000}
edits=${2:-150}

cargo build --quiet --release -p storymap-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node tests/perf/jira-csv.mjs "$rows" >"$work/export.csv"
run() { "$cli" --data-dir "$work/data" --name bench "$@"; }
run import jira-csv "$work/export.csv" --map "Jira $rows" >/dev/null 2>&1
add() {
  run story add --map "Jira $rows" --activity Bench --step Adds --release Later --title "$1" >/dev/null
}
for n in $(seq 1 "$edits"); do add "Story $n"; done
times=()
for n in 1 2 3 4 5; do
  start=$(date +%s.%N)
  add "Timed $n"
  times+=("$(echo "$(date +%s.%N) - $start" | bc)")
done
echo "rows=$rows edits before=$edits: one more story add (cold process), 5 runs: ${times[*]}"
printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | xargs printf 'median: %.2f s\n'
