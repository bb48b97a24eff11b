"""What a change to the coder does to the project's probe sentences: every line of
benchmarks/data/probes-*.txt goes through ``eventwire code - --json`` twice, once with this
working tree and once with the code of an earlier commit, and each sentence whose events changed
is printed with its main events before and after (the probes carry no labels: read the list).

    .venv/bin/python benchmarks/probes_diff.py REV        # e.g. HEAD~5, a tag, a commit

The earlier commit is checked out into a temporary git worktree and run with this virtual
environment (its ``src`` first on the path); nothing is installed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATE = "2024-03-05"


def probes() -> list[str]:
    return [line.strip() for p in sorted((ROOT / "benchmarks" / "data").glob("probes-*.txt"))
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def code(src: Path, lines: list[str]) -> dict[int, list]:
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", "code", "-", "--json", "--date", DATE],
                          input="\n".join(lines) + "\n", text=True, capture_output=True, env=env, check=False)
    out: dict[int, list] = {}
    for row in done.stdout.splitlines():
        e = json.loads(row)
        out.setdefault(e["input"], []).append(e)
    return out


def summary(events: list) -> list[tuple]:
    return sorted((e["cameo"], e.get("source") or "-", e.get("target") or "-", e["main"]) for e in events)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    lines = probes()
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), argv[0]], check=True)
        try:
            before = code(tree / "src", lines)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    after = code(ROOT / "src", lines)
    changed = 0
    for i, text in enumerate(lines):
        a, b = summary(before.get(i, [])), summary(after.get(i, []))
        if a != b:
            changed += 1
            print(f"[{i}] {text[:160]}")
            print(f"    before: {[x[:3] for x in a if x[3]]} ({len(a)} events)")
            print(f"    after:  {[x[:3] for x in b if x[3]]} ({len(b)} events)")
    print(f"{changed} of {len(lines)} probe sentences coded differently from {argv[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
