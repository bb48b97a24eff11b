"""Readers beside a writer, and two writers: readers never see "database is locked"; a second
ingest into a store another process is writing is refused at once with E306 and a clear line."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from eventwire.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _ingest(corpus: Path, db: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _running(db: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return bool(conn.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def test_readers_beside_a_writer_and_a_second_writer_refused(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "examples" / "corpus", corpus)
    db = tmp_path / "s.db"
    first = _ingest(corpus, db)
    deadline = time.time() + 120
    while not _running(db) and time.time() < deadline and first.poll() is None:
        time.sleep(0.02)
    assert _running(db), "the first ingest never started its run"
    second = _ingest(corpus, db)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 2, (out, err)
    assert "E306" in err and "another eventwire process" in err

    reads = 0
    while first.poll() is None:  # read all the way through the language pass, stories and events
        store = Store(db, readonly=True)
        try:
            store.count()
            list(store.conn.execute("SELECT count(*) FROM analyses"))
            reads += 1
        finally:
            store.close()
    first.communicate()
    assert first.returncode == 0
    assert reads > 10  # every read succeeded (a lock error would have raised)
