import sqlite3

import pytest

from eventwire.errors import EventwireError
from eventwire.records import Article, ReadError, Removed
from eventwire.store import Store
from eventwire.store.schema import SCHEMA_VERSION


def art(i: int, **kw) -> Article:
    base = dict(
        id=f"a{i:015d}", source=f"f{i}.txt", path=f"f{i}.txt", format="txt", url=None, outlet="Wire",
        outlet_basis="dateline", title=f"Talks number {i} open in Vienna", byline=None,
        published=f"2020-01-{i + 1:02d}", published_basis="record date", published_confidence=1.0,
        language="en", body=f"Delegates met in Vienna for round {i} of the talks.\n\nNo deal was reached.",
        removed=(Removed("Advertisement", "advertisement"),), ingested_at="2026-01-01T00:00:00+00:00",
    )
    base.update(kw)
    return Article(**base)


def test_new_store_is_wal_and_versioned(tmp_path):
    db = tmp_path / "x.db"
    with Store(db) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with Store(db) as s:  # reopening does not migrate twice
        assert s.count() == 0


def test_add_is_idempotent_and_roundtrips(tmp_path):
    with Store(tmp_path / "x.db") as s:
        sha = s.add_input(b"raw bytes", source="f0.txt", path="f0.txt", format="txt", encoding="utf-8")
        assert s.add_article(art(0), input_sha256=sha, group="g") is True
        assert s.add_article(art(0), input_sha256=sha, group="g") is False
        assert s.count() == 1 and s.count("inputs") == 1
        back = s.article(art(0).id)
        assert back == art(0)
        assert s.raw_input(art(0).id) == b"raw bytes"
        assert s.article(art(0).id[:6]).id == art(0).id  # unique prefix


def test_unknown_id(tmp_path):
    with Store(tmp_path / "x.db") as s:
        with pytest.raises(EventwireError, match="E304"):
            s.article("nope")


def test_search_ranks_and_snippets(tmp_path):
    with Store(tmp_path / "x.db") as s:
        for i in range(3):
            s.add_article(art(i), input_sha256=None, group=None)
        s.add_article(art(9, title="Ceasefire agreed in Geneva", body="A ceasefire was agreed in Geneva."), input_sha256=None, group=None)
        hits = s.search("ceasefire")
        assert [h.id for h in hits] == [art(9).id]
        assert "[ceasefire]" in hits[0].snippet.lower()
        assert len(s.search("Vienna")) == 3


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "title:", "((", "   "])
def test_malformed_query_is_a_clear_error(tmp_path, query):
    with Store(tmp_path / "x.db") as s:
        s.add_article(art(0), input_sha256=None, group=None)
        with pytest.raises(EventwireError, match="E303"):
            s.search(query)


def test_update_keeps_fts_in_sync(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.add_article(art(0), input_sha256=None, group=None)
        s.update_article(art(0).id, body="Entirely different words now.")
        assert s.search("Delegates") == []
        assert len(s.search("different")) == 1


def test_transaction_rolls_back_whole_batch(tmp_path):
    with Store(tmp_path / "x.db") as s:
        with pytest.raises(RuntimeError):
            with s.transaction():
                s.add_article(art(0), input_sha256=None, group=None)
                s.add_article(art(1), input_sha256=None, group=None)
                raise RuntimeError("crash mid-batch")
        assert s.count() == 0
        assert s.search("Vienna") == []


def test_readonly_reader_beside_writer(tmp_path):
    db = tmp_path / "x.db"
    writer = Store(db)
    writer.add_article(art(0), input_sha256=None, group=None)
    reader = Store(db, readonly=True)
    assert reader.count() == 1
    with pytest.raises(sqlite3.OperationalError):
        reader.conn.execute("DELETE FROM articles")
    writer.add_article(art(1), input_sha256=None, group=None)
    assert reader.count() == 2
    reader.close()
    writer.close()


def test_refuses_foreign_and_newer_files(tmp_path):
    other = tmp_path / "other.db"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE t (x)")
    c.commit()
    c.close()
    with pytest.raises(EventwireError, match="E302"):
        Store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(EventwireError, match="E302"):
        Store(junk)
    newer = tmp_path / "newer.db"
    Store(newer).close()
    c = sqlite3.connect(newer)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    c.commit()
    c.close()
    with pytest.raises(EventwireError, match="E301"):
        Store(newer)
    with pytest.raises(EventwireError, match="E302"):
        Store(tmp_path / "missing.db", readonly=True)


def test_errors_keep_small_raw_inputs(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.add_error(ReadError("bad.json", "E106", "line 3: not JSON", b"{oops"))
        assert s.errors()[0]["code"] == "E106"
        assert s.conn.execute("SELECT raw FROM errors").fetchone()[0] == b"{oops"


def test_summary(tmp_path):
    with Store(tmp_path / "x.db") as s:
        for i in range(2):
            s.add_article(art(i), input_sha256=None, group=None)
        s.add_article(art(5, outlet=None, published=None), input_sha256=None, group=None)
        got = s.summary()
        assert got["articles"] == 3 and got["dated"] == 2
        assert got["outlets"] == {"Wire": 2, "(unknown)": 1}
        assert got["date_range"] == ["2020-01-01", "2020-01-02"]
