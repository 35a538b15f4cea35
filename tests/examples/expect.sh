#!/usr/bin/env bash
# Runs an example program and checks both that it succeeds and that its
# output holds the text expected (ctest's PASS_REGULAR_EXPRESSION would
# ignore the exit status). With --fresh, DIR (the example's index) is
# removed first, so an index left by an older build is never reused.
# Usage: expect.sh [--fresh DIR] TEXT COMMAND [ARG...]
set -uo pipefail
if [ "$1" = --fresh ]; then
  rm -rf -- "$2"
  shift 2
fi
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
