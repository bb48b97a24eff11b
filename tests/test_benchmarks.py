"""The benchmark scripts run and print their figures."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ingest_benchmark_quick():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ingest.py"), "--quick"],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)  # a hang, not a speed
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # label, then docs, seconds, docs/s, cpu seconds
    figures = r"[^\d\n]*\s(\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)"
    rows = {}
    for label in ("(a) trafilatura alone", "(b) eventwire ingest", "(b0) same", "(c) eventwire ingest",
                  "(d) eventwire ingest"):
        found = re.search("^" + re.escape(label) + figures, out, re.M)
        assert found, f"no figures for {label}:\n{out}"
        docs, seconds, rate, cpu = int(found[1]), float(found[2]), float(found[3]), float(found[4])
        assert docs > 0 and seconds > 0 and rate > 0 and cpu > 0
        assert abs(rate * seconds - docs) <= 0.1 * docs  # seconds are rounded to 0.01
        rows[label.split()[0]] = docs
    assert rows["(a)"] == rows["(b)"] == rows["(b0)"]  # the same HTML documents
    assert rows["(c)"] == rows["(b)"] + rows["(d)"]  # the whole corpus: HTML and plain text
    assert re.search(r"overhead \(b\)/\(a\) - 1: [+-]\d+\.\d% wall, [+-]\d+\.\d% cpu", out)
    assert re.search(r"corpus: 3 copies of examples/corpus = (\d+) articles", out)
    assert "0 errors" in out and not re.search(r"[1-9]\d* errors", out)
