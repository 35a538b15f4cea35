#!/usr/bin/env bash
# Runs an example program and checks both that it succeeds and that its
# output holds the text expected (ctest's PASS_REGULAR_EXPRESSION would
# ignore the exit status).
# Usage: expect.sh TEXT COMMAND [ARG...]
set -uo pipefail
expected=$1
shift
output=$("$@")
status=$?
printf '%s\n' "$output"
if [ "$status" -ne 0 ]; then
  echo "expect.sh: $1 exited with status $status" >&2
  exit 1
fi
if ! grep -qF -- "$expected" <<<"$output"; then
  echo "expect.sh: the output of $1 lacks: $expected" >&2
  exit 1
fi
