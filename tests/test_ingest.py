"""The ingest run: idempotence, interruption, bad input, corpus passes."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import eventwire
from eventwire import ingest as ingest_mod
from eventwire.records import RawDoc
from eventwire.store import Store


def integrity(db) -> None:
    """The invariants a crash must never break."""
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = c.execute(
        "SELECT count(*) FROM articles a LEFT JOIN inputs i ON i.sha256 = a.input_sha256 WHERE i.sha256 IS NULL"
    ).fetchone()[0]
    assert orphans == 0
    n_articles = c.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_fts = c.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    assert n_articles == n_fts
    c.close()


def test_ingest_then_reingest_adds_nothing(tmp_path, small_corpus):
    db = tmp_path / "x.db"
    with eventwire.open(db) as ew:
        first = ew.ingest(small_corpus, analyze=False)
        assert (first.added, first.errors) == (10, 0)
        before = [a.to_json() for a in ew.articles()]
        again = ew.ingest([small_corpus, small_corpus / "story03.txt"], analyze=False)
        assert (again.added, again.existing) == (0, 11)
        assert [a.to_json() for a in ew.articles()] == before
        assert ew.store.count("inputs") == 10
    integrity(db)


def test_same_content_from_another_path_is_the_same_article(tmp_path, small_corpus):
    copy = tmp_path / "copy.txt"
    copy.write_bytes((small_corpus / "story01.txt").read_bytes().replace(b"\n", b"\r\n"))
    with eventwire.open(tmp_path / "x.db") as ew:
        ew.ingest(small_corpus, analyze=False)
        assert ew.ingest(copy, analyze=False).added == 0


def test_articles_have_clean_metadata(tmp_path, small_corpus):
    with eventwire.open(tmp_path / "x.db") as ew:
        ew.ingest(small_corpus, analyze=False)
        a = next(a for a in ew.articles() if a.source.endswith("story00.txt"))
        assert a.title == "Austria and Chile resume talks on trade accord"
        assert a.byline == "Ana Lima"
        assert "Advertisement" not in a.body
        assert a.language == "en"
        assert ew.raw(a.id) == (small_corpus / "story00.txt").read_bytes()
        assert ew.search("Austria")[0].id == a.id


def test_interrupted_run_leaves_store_consistent_and_rerun_completes(tmp_path, small_corpus, monkeypatch):
    db = tmp_path / "x.db"
    real = ingest_mod.extract
    calls = {"n": 0}

    def flaky(doc, **kw):
        calls["n"] += 1
        if calls["n"] == 6:
            raise KeyboardInterrupt  # the user pressed Ctrl-C mid-run
        return real(doc, **kw)

    monkeypatch.setattr(ingest_mod, "extract", flaky)
    monkeypatch.setattr(ingest_mod, "BATCH", 1)
    with eventwire.open(db) as ew:
        with pytest.raises(KeyboardInterrupt):
            ew.ingest(small_corpus, analyze=False)
    integrity(db)
    with Store(db) as s:
        assert s.count() == 5
        assert s.conn.execute("SELECT status FROM runs").fetchone()[0] == "failed"
    monkeypatch.setattr(ingest_mod, "extract", real)
    with eventwire.open(db) as ew:
        report = ew.ingest(small_corpus, analyze=False)
        assert (report.added, report.existing) == (5, 5)
        assert ew.store.count() == 10
    integrity(db)


def test_killed_process_leaves_store_consistent(tmp_path):
    """SIGKILL a real ingest mid-run; the store stays consistent and a rerun completes."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        (folder / f"n{i:04d}.txt").write_text(
            f"Report number {i} on the ceasefire\n\nOfficials in city {i} said on Monday that the ceasefire held "
            f"for a {i}th day, and that aid convoys number {i * 7} had reached the border.\n",
            encoding="utf-8",
        )
    db = tmp_path / "k.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire.cli", "ingest", str(folder), "--db", str(db), "--no-analyze"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 600  # waits for the writer; ends early once it has written
    while time.time() < deadline:
        if db.exists():
            try:
                c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
                n = c.execute("SELECT count(*) FROM articles").fetchone()[0]
                c.close()
                if n >= 20:
                    break
            except sqlite3.Error:
                pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    integrity(db)
    with eventwire.open(db) as ew:
        partial = ew.store.count()
        assert 0 < partial <= 400
        report = ew.ingest(folder, analyze=False)
        assert report.added + report.existing == 400
        assert ew.store.count() == 400
    integrity(db)


BAD = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 40,
    "picture.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 500,
    "truncated.html": b"<html><head><title>Cut short</title></head><body><p>The summit opened in Vienna on Monday with leaders",
    "broken.jsonl": b'{"title": "One", "text": "A valid record about the talks in Oslo, where the envoys met."}\n{not json\n',
}


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path, small_corpus):
    bad = tmp_path / "bad"
    bad.mkdir()
    for name, data in BAD.items():
        (bad / name).write_bytes(data)
    big = bad / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(50_000_000)  # sparse 50 MB file
    db = tmp_path / "x.db"
    with eventwire.open(db) as ew:
        ew.ingest(small_corpus, analyze=False)
        before = [a.to_json() for a in ew.articles()]
        report = ew.ingest([bad, tmp_path / "does-not-exist"], analyze=False)
        errs = {os.path.basename(e["path"].split(":")[0].split("#")[0]): e["code"] for e in ew.errors()}
        assert errs["empty.txt"] == "E102"
        assert errs["binary.txt"] == "E103"
        assert errs["picture.png"] in {"E103", "E109"}
        assert errs["huge.txt"] == "E104"
        assert errs["does-not-exist"] == "E101"
        assert "broken.jsonl" in errs and errs["broken.jsonl"] == "E106"
        assert not report.ok
        after = [a.to_json() for a in ew.articles() if a.id in {b["id"] for b in before}]
        assert after == before  # nothing stored was changed
        titles = {a.title for a in ew.articles()}
        assert "One" in titles  # the valid record of the broken file is kept
    integrity(db)


def test_other_language_is_stored_with_a_flag(tmp_path):
    f = tmp_path / "es.txt"
    f.write_text(
        "Los ministros se reúnen en Madrid\n\nLos ministros de exteriores de varios países se reunieron el lunes en Madrid "
        "para hablar de la crisis humanitaria y acordaron enviar más ayuda a la región durante las próximas semanas.\n",
        encoding="utf-8",
    )
    with eventwire.open(tmp_path / "x.db") as ew:
        ew.ingest(f, analyze=False)
        a = next(ew.articles())
        assert a.language == "es"
        assert "language:es" in a.flags


def test_content_id_is_stable_over_whitespace():
    a = RawDoc(source="a", path="a", format="txt", raw=b"", text="One  two\r\nthree")
    b = RawDoc(source="b", path="b", format="txt", raw=b"", text="One two\nthree ")
    assert ingest_mod.content_id(a) == ingest_mod.content_id(b)
    c = RawDoc(source="c", path="c", format="json", raw=b"", text="One two three", url="https://x.example/1")
    assert ingest_mod.content_id(c) != ingest_mod.content_id(a)


def test_furniture_repeated_across_an_outlet_is_removed(tmp_path):
    folder = tmp_path / "outlet"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(
            f"Harbour talks, day {i}\n\nThe port authority and the union met for the {i}th time on Thursday, "
            f"and both sides said the dispute over shift {i} was close to settled.\n\n"
            "Subscribe to the Harbour Gazette morning briefing\n",
            encoding="utf-8",
        )
    with eventwire.open(tmp_path / "x.db") as ew:
        report = ew.ingest(folder, analyze=False)
        assert report.added == 6
        for a in ew.articles():
            assert "Subscribe to the Harbour Gazette" not in a.body
            assert any(r.reason == "repeated-in-outlet" for r in a.removed) or any(
                "Subscribe" in r.line for r in a.removed
            )
