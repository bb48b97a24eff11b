"""SIGKILL during ingest, the language pass, stories and events, and during `analyze`: after every
kill the store is consistent (no half-written article), and a rerun ends with exactly the store
an uninterrupted run gives.  A short version of benchmarks/kills.py (which gives the figures)."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _kills():
    spec = importlib.util.spec_from_file_location("kills_bench", ROOT / "benchmarks" / "kills.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_killed_runs_leave_a_consistent_store_and_a_rerun_completes_it(tmp_path):
    corpus = tmp_path / "corpus"
    for outlet in ("wirewatch", "eastern-courier", "records"):  # a story across outlets, JSON records
        shutil.copytree(ROOT / "examples" / "corpus" / outlet, corpus / outlet)
    got = _kills().rounds(corpus, tmp_path, n=2, seed=7, per_round=2, log=lambda *_: None)
    assert got["want"]["counts"][1] > 0 and got["want"]["counts"][4] > 0  # analysed, with events
    assert got["kills"] >= 2, "the runs finished before any kill: nothing was tested"
    assert got["problems"] == []
