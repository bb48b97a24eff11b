"""How fast the command line answers: wall and CPU time of each read command, as a user runs it.

    .venv/bin/python benchmarks/cli_start.py [--db STORE] [--rounds 5]

Without ``--db`` the bundled example corpus is ingested (with the language pass) into a new store
first.  Each command runs ``--rounds`` times as a fresh process (``python -m eventwire.cli``); the
median wall time and the median CPU time of the child are printed, next to ``python -c pass``
(the interpreter's own start) measured in the same run.  ``python -X importtime`` shows what is
left to import.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = [["--help"], ["articles"], ["search", "summit"], ["events"], ["dyad", "USA", "RUS"], ["stories"],
            ["quotes"], ["actors"], ["timeline", "summit"]]


def timed(args: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = Path(tmp.name) / "examples.db"
        subprocess.run([sys.executable, "-m", "eventwire.cli", "ingest", str(ROOT / "examples" / "corpus"),
                        "--db", str(db)], check=True, capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    rows = [("python -c pass", [sys.executable, "-c", "pass"])]
    for cmd in COMMANDS:
        extra = [] if cmd == ["--help"] else ["--db", str(db)]
        rows.append(("eventwire " + " ".join(cmd), [sys.executable, "-m", "eventwire.cli", *cmd, *extra]))
    print(f"store: {db}; {args.rounds} rounds, medians")
    print(f"{'command':32s} {'wall s':>8s} {'cpu s':>8s}")
    for label, argv in rows:
        walls, cpus = zip(*(timed(argv) for _ in range(args.rounds)))
        print(f"{label:32s} {statistics.median(walls):8.3f} {statistics.median(cpus):8.3f}")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
