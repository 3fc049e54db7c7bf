#!/usr/bin/env bash
# Jira CSV import at scale through the release CLI: a generated Jira Cloud export
# (tests/perf/jira-csv.mjs) imported into a new map, then the same file again into that
# map (nothing changed, so every story is compared and left alone). Prints wall time and peak memory (max RSS, /usr/bin/time).
# Not part of the test suite; see docs/performance.md.
#
#   bash tests/perf/jira-import.sh [ROWS ...]      (default: 1000)
#   TIMEOUT=1200 bash tests/perf/jira-import.sh 10000   (gives up on a step after 20 min)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
target=${CARGO_TARGET_DIR:-target}
cli=$target/release/storymap
timeout=${TIMEOUT:-0}

cargo build --quiet --release -p storymap-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One step: its time and memory, and the CLI's one-line report.
measure() {
  local what=$1 rows=$2 csv=$3 data=$4
  local status=0
  timeout "$timeout" /usr/bin/time -f "%e %M" -o "$work/time" \
    "$cli" --data-dir "$data" --name bench import jira-csv "$csv" --map "Jira $rows" \
    >"$work/out" 2>"$work/err" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "| $rows | $what | failed or timed out (exit $status) after ${timeout}s limit | | |"
    return 1
  fi
  read -r seconds kb <"$work/time"
  printf '| %s | %s | %s | %d | %s |\n' "$rows" "$what" "$seconds" $((kb / 1024)) \
    "$(cut -d' ' -f3- "$work/out")"
}

echo "| rows | step | wall s | max RSS MB | CLI report |"
echo "|---:|---|---:|---:|---|"
for rows in "${@:-1000}"; do
  csv=$work/jira-$rows.csv
  node tests/perf/jira-csv.mjs "$rows" >"$csv"
  data=$work/data-$rows
  measure "import into a new map" "$rows" "$csv" "$data" || continue
  measure "same file again" "$rows" "$csv" "$data" || continue
done
