#!/usr/bin/env bash
# Runs one CLI test script with CABLE=<path of the cable tool> and compares its
# standard output with <script>.stdout.exact. CABLE_UPDATE_GOLDEN=1 rewrites it.
set -euo pipefail
cable_bin="$1"
script="$2"
here=$(cd "$(dirname "$0")" && pwd)
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
CABLE="$cable_bin" bash "$here/$script" >"$actual"
if [ "${CABLE_UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$actual" "$here/$script.stdout.exact"
  exit 0
fi
diff -u "$here/$script.stdout.exact" "$actual"
