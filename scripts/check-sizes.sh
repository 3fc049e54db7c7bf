#!/usr/bin/env bash
# No source file under crates/, src-tauri/ or ui/src passes 400 lines: a file that long holds
# more than one idea. Tests, test support and the generated bindings are exempt.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=400
too_long=$(
  find crates src-tauri/src ui/src -type f \
    \( -name '*.rs' -o -name '*.ts' -o -name '*.tsx' -o -name '*.css' \) \
    -not -path '*/tests/*' -not -name 'tests.rs' -not -name '*.test.ts' -not -name '*.test.tsx' \
    -not -path 'ui/src/test/*' -not -path 'ui/src/bindings/*' -not -path '*/target/*' \
    -print0 |
    xargs -0 wc -l | awk -v limit="$limit" '$2 != "total" && $1 > limit { print "  " $2 ": " $1 " lines" }'
)
if [ -n "$too_long" ]; then
  echo "Files over $limit lines (split them by idea):"
  echo "$too_long"
  exit 1
fi
echo "Every source file is at most $limit lines."
