"""One Spark session for every Spark test (its start-up is paid once).

Without pyspark or Java the Spark tests skip, except where ``EVENTWIRE_REQUIRE_SPARK=1`` (CI
sets it, after installing both): there they fail."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def _unavailable(why: str):
    if os.environ.get("EVENTWIRE_REQUIRE_SPARK") == "1":
        pytest.fail(f"Spark tests required but {why}")
    pytest.skip(why)


@pytest.fixture(scope="session")
def spark():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        _unavailable("pyspark is not installed (pip install 'eventwire[spark]')")
    if not shutil.which("java"):
        _unavailable("no java on PATH (apt install openjdk-17-jre-headless)")
    from eventwire.spark.job import session

    s = session("local[2]")
    yield s
    s.stop()


@pytest.fixture(scope="session")
def both(spark, tmp_path_factory):
    """The example corpus through the embedded engine and through Spark + load:
    (embedded store, loaded store, dataset folder, Spark's report, load's report)."""
    import eventwire
    from eventwire.spark import job

    examples = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    tmp = tmp_path_factory.mktemp("engines")
    embedded, loaded, out = tmp / "embedded.db", tmp / "loaded.db", tmp / "dataset"
    with eventwire.open(embedded) as ew:
        ew.ingest([str(examples)])
    report = job.run([str(examples)], str(out), spark=spark)
    with eventwire.open(loaded) as ew:
        loaded_report = ew.load(out)
    return embedded, loaded, out, report, loaded_report
