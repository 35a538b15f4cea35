#!/usr/bin/env bash
# libcable as a dependency: install the build into a temporary prefix, then
# from that prefix alone build and run examples/consumer with find_package(Cable)
# and the same program with only pkg-config, and check the tool, its man page,
# the C header and the Python package are there.
# With a static libcable the consumers link every dependency (find_dependency,
# pkg-config --static). CABLE_CONSUMER_CXX and CABLE_CONSUMER_FLAGS, when set,
# are the compiler and flags the consumers build with (the sanitizer build's).
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/cable share/man/man1/cable.1 include/cable/cable.hpp include/cable/export.hpp \
         include/cable/version.hpp include/cable.h lib/pkgconfig/cable.pc \
         lib/cmake/Cable/CableConfig.cmake lib/cmake/Cable/CableConfigVersion.cmake \
         lib/python3/dist-packages/cable/__init__.py; do
  [ -e "$prefix/$f" ] || { echo "install_test: $f was not installed" >&2; exit 1; }
done
"$prefix/bin/cable" --version

# Only the public API is exported from the shared library: no internal namespace.
# The symbols are read once: `nm | grep -q` fails under pipefail whenever grep
# stops reading before nm has written everything (SIGPIPE).
if [ -e "$prefix/lib/libcable.so" ]; then
  symbols=$(nm -D --defined-only -C "$prefix/lib/libcable.so")
  internal=$(grep -cE ' [A-Za-z] cable::(index|query|normalize|parse|read|text|json)::' \
    <<<"$symbols" || true)
  [ "$internal" -eq 0 ] || { echo "install_test: $internal internal symbols exported" >&2; exit 1; }
  grep -q ' T cable_search$' <<<"$symbols" ||
    { echo "install_test: the C API is not exported" >&2; exit 1; }
fi

# find_package(Cable 0.1 REQUIRED) -> Cable::cable
cxx=${CABLE_CONSUMER_CXX:-c++}
flags=${CABLE_CONSUMER_FLAGS:-}
cmake -S "$source/examples/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="$flags" >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer" "$work/db1" "$source/corpus" | tee "$work/out1"
grep -q "09PARIS268" "$work/out1"

# pkg-config alone
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
static=
[ -e "$prefix/lib/libcable.so" ] || static=--static
# shellcheck disable=SC2046,SC2086 # pkg-config's output is words; $flags too
"$cxx" -std=c++20 $flags "$source/examples/consumer/main.cpp" -o "$work/pc" \
  $(pkg-config --cflags --libs $static cable) -Wl,-rpath,"$prefix/lib"
"$work/pc" "$work/db2" "$source/corpus" | tee "$work/out2"
grep -q "09PARIS268" "$work/out2"
echo "install_test: the installed ${static:+static }package builds and runs with CMake and" \
  "with pkg-config"
