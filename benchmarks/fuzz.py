"""Long fuzzing run: tests/fuzz with the "long" hypothesis profile (thousands of inputs per stage,
a fresh random seed each run), then how many inputs each stage took and whether any failed.

Usage:  python benchmarks/fuzz.py [EXAMPLES]     (default 5000 per stage; the spaCy stages a quarter)
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    examples = int(argv[0]) if argv else 5000
    env = {**os.environ, "HYPOTHESIS_PROFILE": "long", "EVENTWIRE_FUZZ_EXAMPLES": str(examples),
           "PYTHONPATH": str(ROOT / "src")}
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "--hypothesis-show-statistics", str(ROOT / "tests" / "fuzz")],
                          env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    total = 0
    for name, passing in re.findall(r"tests/fuzz/test_fuzz.py::(\w+):\s+- during generate phase.*?"
                                    r"(\d+) passing", done.stdout, re.S):
        print(f"{name:<50} {int(passing):>6} inputs")
        total += int(passing)
    summary = "no crash, every output the same twice" if done.returncode == 0 else "FAILURES (below)"
    print(f"{total} inputs in {seconds:.0f} s: {summary}")
    if done.returncode:
        print(done.stdout[-6000:])
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
