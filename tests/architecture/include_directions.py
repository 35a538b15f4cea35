#!/usr/bin/env python3
"""The folders of libcable/src/ include one another only in the directions
docs/architecture.md allows (its `include-directions` block).

    include_directions.py SOURCE_DIR

Every `#include "folder/…"` of a file of libcable/src/ must name its own
folder, a folder its line of the block lists, or `cable/` (the public API);
a folder of libcable/src/ the block does not list fails too, and so does a
block with a cycle. Exits 1 with each offending include, file and line.
"""
import os
import re
import sys


def allowed_directions(doc):
    m = re.search(r"```include-directions\n(.*?)```", doc, re.S)
    if not m:
        return None
    allowed = {}
    for line in m.group(1).splitlines():
        if line.strip():
            folder, _, below = line.partition(":")
            allowed[folder.strip()] = set(below.split())
    return allowed


def cycle(allowed):
    """A folder on a cycle of the block, or None."""
    state = {}

    def visit(f):
        state[f] = "open"
        for g in allowed.get(f, ()):
            if state.get(g) == "open" or (g not in state and visit(g)):
                return True
        state[f] = "done"
        return False

    return next((f for f in allowed if f not in state and visit(f)), None)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))))
    with open(os.path.join(root, "docs", "architecture.md"), encoding="utf-8") as f:
        allowed = allowed_directions(f.read())
    if allowed is None:
        print("docs/architecture.md has no include-directions block", file=sys.stderr)
        return 1
    problems = []
    on_cycle = cycle(allowed)
    if on_cycle:
        problems.append(f"docs/architecture.md: the directions have a cycle through {on_cycle}/")
    src = os.path.join(root, "libcable", "src")
    for folder in sorted(os.listdir(src)):
        if os.path.isdir(os.path.join(src, folder)) and folder not in allowed:
            problems.append(f"libcable/src/{folder}/: a folder docs/architecture.md does not list")
    include = re.compile(r'^\s*#\s*include\s+"([A-Za-z_]+)/')
    for dirpath, _, files in os.walk(src):
        rel = os.path.relpath(dirpath, src)
        folder = rel.split(os.sep)[0]
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                for n, line in enumerate(f, 1):
                    m = include.match(line)
                    if not m or m.group(1) in ("cable", folder):
                        continue
                    if rel == "." or m.group(1) not in allowed.get(folder, set()):
                        where = os.path.relpath(path, root)
                        problems.append(f"{where}:{n}: {folder}/ may not include {m.group(1)}/ "
                                        f"(docs/architecture.md)")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(allowed)} folders, {len(problems)} wrong includes")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
