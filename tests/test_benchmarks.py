"""The benchmark scripts run and print their figures."""
from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ingest_benchmark_quick():
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ingest.py"), "--quick"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    took = time.perf_counter() - start
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert took < 20, f"--quick took {took:.1f} s"
    number = r"\s+(\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)"
    rows = {}
    for label in ("(a) trafilatura alone", "(b) eventwire ingest", "(c) eventwire ingest", "(d) eventwire ingest"):
        found = re.search(re.escape(label) + r"[^\n]*?" + number + r"\s*$", out, re.M)
        assert found, f"no figures for {label}:\n{out}"
        docs, seconds, rate = int(found[1]), float(found[2]), float(found[3])
        assert docs > 0 and seconds > 0 and rate > 0
        rows[label[:3]] = docs
    assert rows["(a)"] == rows["(b)"]  # the same HTML documents
    assert rows["(c)"] == rows["(b)"] + rows["(d)"]  # the whole corpus: HTML and plain text
    assert re.search(r"overhead \(b\)/\(a\) - 1: [+-]\d+\.\d%", out)
    assert re.search(r"corpus: 3 copies of examples/corpus = (\d+) articles", out)
    assert "0 errors" in out and not re.search(r"[1-9]\d* errors", out)
