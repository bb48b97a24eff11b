"""Stores in odd places and states: a folder, an older schema opened for reading, a read-only
file, a run left 'running' by a killed process, two writers at once."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from eventwire.errors import EventwireError
from eventwire.store import Store
from eventwire.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

from test_db import art


def test_a_folder_is_not_a_store(tmp_path):
    with pytest.raises(EventwireError, match="E305") as caught:
        Store(tmp_path)
    assert "eventwire.db" in str(caught.value)
    with pytest.raises(EventwireError, match="E305"):
        Store(tmp_path, readonly=True)


def _older_store(path, version: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for number in range(version):
        conn.executescript("BEGIN;\n" + MIGRATIONS[number] + f"\nPRAGMA user_version = {number + 1};"
                           f"\nPRAGMA application_id = {APPLICATION_ID};\nCOMMIT;")
    conn.close()


def test_an_older_store_opened_for_reading_is_migrated_then_read(tmp_path):
    path = tmp_path / "old.db"
    _older_store(path, SCHEMA_VERSION - 1)
    store = Store(path, readonly=True)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert list(store.articles()) == []


def test_an_older_store_that_cannot_be_written_is_refused_saying_older(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    _older_store(path, SCHEMA_VERSION - 1)
    real = Store._connect

    def read_only_medium(self, readonly, immutable=False):
        if not readonly:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real(self, readonly, immutable)

    monkeypatch.setattr(Store, "_connect", read_only_medium)
    with pytest.raises(EventwireError, match="E307") as caught:
        Store(path, readonly=True)
    assert "older" in str(caught.value) and "newer" not in str(caught.value)


def test_a_store_sqlite_cannot_lock_is_read_as_immutable(tmp_path, monkeypatch):
    """On read-only media (or a folder the reader cannot write, where WAL's -shm file cannot be
    made) the plain read-only open fails; the store is then read as immutable."""
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add_article(art(1), input_sha256=None, group=None)
    real = Store._connect
    tried = []

    def no_locking_here(self, readonly, immutable=False):
        tried.append(immutable)
        conn = real(self, readonly, immutable)
        if readonly and not immutable:
            raise sqlite3.OperationalError("unable to open database file")
        return conn

    monkeypatch.setattr(Store, "_connect", no_locking_here)
    reader = Store(path, readonly=True)
    assert tried == [False, True]
    assert [a.id for a in reader.articles()] == [art(1).id]


def test_a_run_left_running_by_a_killed_process_is_marked_interrupted(tmp_path):
    path = tmp_path / "s.db"
    code = ("import os, sys; sys.path.insert(0, %r)\nfrom eventwire.store import Store\n"
            "s = Store(%r); s.start_run('ingest'); os._exit(9)") % (os.path.join(os.getcwd(), "src"), str(path))
    subprocess.run([sys.executable, "-c", code])
    store = Store(path)
    assert store.conn.execute("SELECT status FROM runs").fetchone()[0] == "running"
    run = store.start_run("ingest")
    statuses = dict(store.conn.execute("SELECT id, status FROM runs"))
    assert statuses[1] == "interrupted" and statuses[run] == "running"
    store.finish_run(run, "done", {})


def test_a_second_writer_is_refused_while_the_first_holds_the_store(tmp_path):
    path = tmp_path / "s.db"
    first, second = Store(path), Store(path)
    with first.exclusive():
        with pytest.raises(EventwireError, match="E306") as caught:
            second.start_run("ingest")
        assert str(os.getpid()) in str(caught.value)
        reader = Store(path, readonly=True)
        assert list(reader.articles()) == []  # reading goes on
    run = second.start_run("ingest")  # free again
    second.finish_run(run, "done", {})
