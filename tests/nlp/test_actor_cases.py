"""The country part of the shared actor-resolution cases must stay at or above 85%.

Reads ../shared/eval/events/actor_resolution_cases.jsonl through the benchmark
harness (benchmarks/actors.py); skipped when the shared folder is absent.
"""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT.parent / "shared" / "eval" / "events" / "actor_resolution_cases.jsonl"


@pytest.mark.shared
def test_country_accuracy_floor():
    if not CASES.exists():
        pytest.skip("shared evaluation data not present")
    spec = importlib.util.spec_from_file_location("actors_benchmark", ROOT / "benchmarks" / "actors.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.evaluate(CASES)
    assert result["cases"] >= 200
    assert result["accuracy"] >= 0.85, f"{result['correct']}/{result['cases']}"
