#!/usr/bin/env python3
"""Runs the examples in the documentation, so that they stay true.

    doc_examples.py SOURCE_DIR BUILD_DIR

Every fenced block whose info string ends in " test" is run, file by file in
order, in one scratch directory per file that holds links to the build
(`build/`) and the sample corpus (`corpus/`) and an index of that corpus
(`cables.db`), with `build/bin` on PATH and the Python package importable:
- `sh test`: the block runs in bash and must succeed;
- `console test`: a transcript; each `$ command` runs and its output (stdout and
  stderr) must be the lines that follow it, exactly;
- `python test`: runs with Debian's python3 and must succeed;
- `cpp test`: compiled as C++20 against the built library, then run; a block
  without `main` is its body, after `#include <cable/cable.hpp>`;
- `query test`: one query a line (a `#` comment after it is dropped), each of
  which `cable search` must run.
Blocks not marked are the commands that build, test or benchmark (scripts/test
and bench/run run those themselves), diagrams, and samples of output.
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```([a-z]+) test\n(.*?)^```\n", re.S | re.M)


def fail(where, msg):
    print(f"FAIL {where}: {msg}", file=sys.stderr)
    sys.exit(1)


def run(cmd, where, cwd, env, **kw):
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, **kw)
    if r.returncode != 0:
        fail(where, f"status {r.returncode}\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    return r


def transcript(block, where, cwd, env):
    steps = re.split(r"^\$ ", block, flags=re.M)[1:]
    for step in steps:
        command, _, expected = step.partition("\n")
        r = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True,
                           text=True, timeout=300)
        got = (r.stdout + r.stderr).rstrip("\n")
        if got != expected.rstrip("\n"):
            fail(where, f"$ {command}\nexpected:\n{expected}\ngot:\n{got}")


def main():
    source, build = (pathlib.Path(p).resolve() for p in sys.argv[1:3])
    docs = [source / "README.md"] + sorted((source / "docs").glob("*.md"))
    env = dict(os.environ, PATH=f"{build / 'bin'}:{os.environ['PATH']}",
               PYTHONPATH=str(build / "python"), NO_COLOR="1")
    total = 0
    for doc in docs:
        blocks = FENCE.findall(doc.read_text())
        if not blocks:
            continue
        with tempfile.TemporaryDirectory(prefix="cable-doc-") as work:
            os.symlink(build, os.path.join(work, "build"))
            os.symlink(source / "corpus", os.path.join(work, "corpus"))
            run(["cable", "index", "--db", "cables.db", "corpus"], f"{doc.name}: index", work,
                env)
            for k, (lang, code) in enumerate(blocks, 1):
                where = f"{doc.relative_to(source)} example {k} ({lang})"
                if lang == "sh":
                    run(["bash", "-euo", "pipefail", "-c", code], where, work, env)
                elif lang == "console":
                    transcript(code, where, work, env)
                elif lang == "python":
                    run(["/usr/bin/python3", "-c", code], where, work, env)
                elif lang == "cpp":
                    src = os.path.join(work, f"example{k}.cpp")
                    exe = os.path.join(work, f"example{k}")
                    if "int main" not in code:
                        code = ("#include <cable/cable.hpp>\n#include <iostream>\n"
                                f"int main() {{\n{code}\n}}\n")
                    pathlib.Path(src).write_text(code)
                    run(["c++", "-std=c++20", src, "-o", exe,
                         f"-I{source / 'libcable/include'}", f"-I{build / 'libcable/include'}",
                         "-Wno-unused-variable",
                         f"-L{build / 'lib'}", "-lcable", f"-Wl,-rpath,{build / 'lib'}"],
                        where, work, env)
                    run([exe], where, work, env)
                elif lang == "query":
                    for line in code.splitlines():
                        query = line.split("#")[0].strip()
                        if query:
                            run(["cable", "search", "--db", "cables.db", "--", query],
                                f"{where}: {query}", work, env)
                else:
                    fail(where, f"no runner for '{lang} test' blocks")
                total += 1
        print(f"{doc.relative_to(source)}: {len(blocks)} examples ran")
    print(f"{total} documentation examples ran and held")


if __name__ == "__main__":
    main()
