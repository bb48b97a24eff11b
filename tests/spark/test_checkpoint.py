"""A Spark run stopped midway resumes from the work it saved, and ends with the same dataset."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import eventwire
from eventwire.spark import checkpoint, job

sys.path.insert(0, str(Path(__file__).parent))
from test_engine import EXAMPLES, TABLES, rows  # noqa: E402

pytestmark = pytest.mark.slow


class Stop(Exception):
    """Stands for a killed driver: raised right after a step is saved."""


def stop_after(monkeypatch, step: str) -> None:
    for method in ("save", "save_frame"):
        def saving(self, name, data, note=None, _save=getattr(checkpoint.Checkpoints, method), **kw):
            out = _save(self, name, data, note, **kw)
            if name == step:
                raise Stop(list(self.resumed))  # what this run had taken from the saved work
            return out

        monkeypatch.setattr(checkpoint.Checkpoints, method, saving)


def test_fingerprint_follows_the_inputs_and_options(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text("one")
    key = checkpoint.fingerprint([str(f)], [], {"max_bytes": 1})
    assert key == checkpoint.fingerprint([str(f)], [], {"max_bytes": 1})
    assert key != checkpoint.fingerprint([str(f)], [], {"max_bytes": 2})
    f.write_text("two!")
    assert key != checkpoint.fingerprint([str(f)], [], {"max_bytes": 1})
    os.utime(f, ns=(1, 1))
    assert checkpoint.fingerprint([str(f)], [], {"max_bytes": 1}) != checkpoint.fingerprint(
        [str(f)], [], {"max_bytes": 1, "x": 0})


def test_the_code_digest_follows_code_and_data_not_caches(tmp_path: Path):
    (tmp_path / "data").mkdir()
    (tmp_path / "rules.py").write_text("A = 1\n")
    (tmp_path / "data" / "lexicon.txt").write_text("010 say\n")
    first = checkpoint.code_digest(tmp_path)
    (tmp_path / "rules.cpython-311.pyc").write_bytes(b"\0")
    assert checkpoint.code_digest(tmp_path) == first
    (tmp_path / "data" / "lexicon.txt").write_text("010 say\n011 decline comment\n")
    assert checkpoint.code_digest(tmp_path) != first
    assert len(checkpoint.code_digest()) == 64  # the installed package


def test_a_stopped_run_resumes_and_writes_what_a_whole_run_writes(spark, both, tmp_path: Path, monkeypatch):
    embedded = both[0]
    out = tmp_path / "dataset"
    monkeypatch.setattr(job, "ARTICLES_PER_PARTITION", 12)  # a language pass of several waves
    with monkeypatch.context() as m:
        stop_after(m, "wave-00000")
        with pytest.raises(Stop):
            job.run([str(EXAMPLES)], str(out), spark=spark)
    assert (out / checkpoint.WORK / "wave-00000.note" / "_SUCCESS").exists()
    # a step killed while it was being written (no note) is done again, not trusted
    (out / checkpoint.WORK / "wave-00001").mkdir()
    with monkeypatch.context() as m:
        stop_after(m, "analysed")
        with pytest.raises(Stop) as stopped:
            job.run([str(EXAMPLES)], str(out), spark=spark)
    assert stopped.value.args[0] == ["prepared", "side", "language-plan", "wave-00000"]
    report = job.run([str(EXAMPLES)], str(out), spark=spark)
    assert report["resumed"] == ["prepared", "side", "analysed"]
    assert report["language"]["waves"] >= 2 and set(report["seconds"]) == {
        "read_extract", "dating", "language", "stories", "write"}
    assert not (out / checkpoint.WORK).exists()
    loaded = tmp_path / "loaded.db"
    with eventwire.open(loaded) as ew:
        ew.load(out)
    for table in TABLES:
        assert rows(loaded, table) == rows(embedded, table), table


def test_changed_inputs_or_fresh_discard_the_saved_work(spark, tmp_path: Path, monkeypatch, small_corpus: Path):
    out = tmp_path / "dataset"

    def stopped_at(step: str, **kw) -> list[str]:
        with monkeypatch.context() as m:
            stop_after(m, step)
            with pytest.raises(Stop) as stop:
                job.run([str(small_corpus)], str(out), spark=spark, **kw)
        return stop.value.args[0]

    assert stopped_at("prepared") == []
    assert stopped_at("language-plan") == ["prepared", "side"]
    (out / "eventwire.json").write_text("{}")  # as a finished run before would have left it
    assert stopped_at("wave-00000") == ["prepared", "side", "language-plan"]
    assert not (out / "eventwire.json").exists()  # an unfinished dataset has no manifest: `load` refuses it
    assert stopped_at("language-plan", fresh=True) == []
    story = sorted(small_corpus.iterdir())[0]
    story.write_text(story.read_text() + "\nA sentence added after the run stopped.\n")
    assert stopped_at("grouped") == []
    report = job.run([str(small_corpus)], str(out), spark=spark)
    assert report["resumed"] == ["prepared", "side", "analysed", "grouped-blocks", "grouped-threads", "grouped"]
    assert report["stored"] == 10 and report["tables"]["articles"] == 10
    assert report["stories"]["events"] == report["tables"]["events"] > 0
