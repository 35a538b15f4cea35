#!/usr/bin/env bash
# The Python package from an install prefix (docs/python.md): install the
# build into a temporary prefix, then import and use it from there alone.
# Usage: python_install.sh BUILD_DIR SOURCE_DIR PYTHON
set -euo pipefail
build=$1 source=$(cd "$2" && pwd) python=$3
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
cd "$prefix"
PYTHONPATH="$prefix/lib/python3/dist-packages" "$python" - "$source/corpus" <<'PY'
import sys
import cable
index = cable.Index("db")
assert index.add(sys.argv[1]).cables_added == 5
hits = index.search("tag:KTIP trafficking").hits
assert hits and hits[0].cable == "09PARIS268"
print("imported from", cable.__file__)
assert "/lib/python3/dist-packages/cable/" in cable.__file__, cable.__file__
PY
