"""Sentence-events and merged events in the store (events/store.py).

The helpers at the top (``art``, ``ev``, ``corpus``) build a small hand-coded
corpus; the other tests/events files import them from here."""
from __future__ import annotations

import sqlite3

import pytest

from eventwire.events import store as es
from eventwire.events.dedup import merge
from eventwire.records import Article, Event
from eventwire.store import Store

# ----------------------------------------------------------------- helpers

BODIES = {
    "a1": "Donald Trump met Vladimir Putin in Helsinki on Monday.\n\nThe two leaders spoke for two hours.",
    "a2": "Putin and Trump held talks in Helsinki on Monday.\n\nReporters waited outside.",
    "a3": "The White House said on Wednesday it would respond.\n\n"
          "The United States imposed sanctions on Russia on Wednesday.\n\n"
          "Russia did not attack Ukraine, the Kremlin said.",
    "a4": "Russia protested against the new US sanctions.\n\nMoscow summoned the US ambassador.",
}


def art(key: str, *, published: str | None = "2018-07-16", outlet: str | None = "Wire",
        url: str | None = None, body: str | None = None) -> Article:
    return Article(
        id=f"{key}-0000000000000", source=f"{key}.txt", path=f"{key}.txt", format="txt", url=url, outlet=outlet,
        outlet_basis="record", title=f"Story {key}", byline=None, published=published,
        published_basis="record date", published_confidence=1.0 if published else 0.0, language="en",
        body=body if body is not None else BODIES[key], ingested_at="2026-01-01T00:00:00+00:00",
    )


def aid(key: str) -> str:
    return f"{key}-0000000000000"


def ev(body: str, sentence: str, cameo: str, goldstein: float, quad: int, plover: str,
       source: str | None, target: str | None, date: str | None, **kw) -> Event:
    start = body.index(sentence)
    return Event(
        sentence_start=start, sentence_end=start + len(sentence), sentence=sentence, cameo=cameo, root=cameo[:2],
        goldstein=goldstein, quad=quad, plover=plover, source=source, target=target, date=date, **kw,
    )


def meeting(key: str, sentence: str, cameo: str = "040", date: str = "2018-07-16", **kw) -> Event:
    base = dict(source_actor="Donald Trump", target_actor="Vladimir Putin", location="Helsinki")
    base.update(kw)
    return ev(BODIES[key], sentence, cameo, 1.0 if cameo == "040" else 1.9, 1, "CONSULT", "USAGOV", "RUSGOV", date,
              **base)


def corpus(tmp_path, *, do_merge: bool = True) -> Store:
    """Four articles: a meeting reported twice (a1, a2), sanctions and a denied
    attack (a3), a protest the other way round (a4)."""
    s = Store(tmp_path / "x.db")
    es.ensure_schema(s)
    s.add_article(art("a1", outlet="Reuters", url="https://example.org/r/1"), input_sha256=None, group=None)
    s.add_article(art("a2", outlet="AP", url="https://example.org/ap/2"), input_sha256=None, group=None)
    s.add_article(art("a3", published="2018-08-08", outlet="Reuters", url="https://example.org/r/3"),
                  input_sha256=None, group=None)
    s.add_article(art("a4", published="2018-08-09", outlet="TASS"), input_sha256=None, group=None)
    es.save_event_mentions(s, aid("a1"), [meeting("a1", "Donald Trump met Vladimir Putin in Helsinki on Monday.")])
    es.save_event_mentions(s, aid("a2"), [meeting("a2", "Putin and Trump held talks in Helsinki on Monday.", "042",
                                                  source_actor="Trump", target_actor="Putin")])
    b3 = BODIES["a3"]
    es.save_event_mentions(s, aid("a3"), [
        ev(b3, "The United States imposed sanctions on Russia on Wednesday.", "163", -8.0, 4, "SANCTION",
           "USA", "RUS", "2018-08-08", source_actor="United States", target_actor="Russia", trigger="imposed sanctions"),
        ev(b3, "Russia did not attack Ukraine, the Kremlin said.", "190", -10.0, 4, "ASSAULT",
           "RUS", "UKR", "2018-08-08", source_actor="Russia", target_actor="Ukraine", negated=True),
    ])
    es.save_event_mentions(s, aid("a4"), [
        ev(BODIES["a4"], "Russia protested against the new US sanctions.", "111", -2.0, 3, "ACCUSE",
           "RUS", "USA", "2018-08-09", source_actor="Russia", target_actor="United States"),
    ])
    if do_merge:
        merge(s)
    return s


# ------------------------------------------------------------------- tests


def test_ensure_schema_is_idempotent_and_schema_works_as_a_migration(tmp_path):
    s = Store(tmp_path / "x.db")
    assert es.has_schema(s)  # a store is created with the events migration applied
    es.ensure_schema(s)
    es.ensure_schema(s)
    assert es.has_schema(s)
    # the SCHEMA string also runs as a plain script, twice (the lead appends it as a migration)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY)")
    conn.executescript(es.SCHEMA)
    conn.executescript(es.SCHEMA)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(es.TABLES) <= names


def test_save_roundtrips_every_field(tmp_path):
    s = corpus(tmp_path, do_merge=False)
    rows = es.event_mentions(s, article_id=aid("a3"))
    assert [r["cameo"] for r in rows] == ["163", "190"]
    first, second = rows
    assert first["sentence"] == BODIES["a3"][first["sentence_start"]:first["sentence_end"]]
    assert first["source"] == "USA" and first["target_actor"] == "Russia" and first["trigger"] == "imposed sanctions"
    assert first["goldstein"] == -8.0 and first["quad"] == 4 and first["plover"] == "SANCTION"
    assert second["negated"] is True and first["negated"] is False
    assert first["event_id"] is None and es.unmerged(s) == 5


def test_resaving_an_article_replaces_its_rows(tmp_path):
    s = corpus(tmp_path)
    before = es.event_mentions(s)
    events_before = es.events(s, happened=None)
    es.save_event_mentions(s, aid("a3"), [ev(BODIES["a3"], "The United States imposed sanctions on Russia on Wednesday.",
                                             "163", -8.0, 4, "SANCTION", "USA", "RUS", "2018-08-08",
                                             source_actor="United States", target_actor="Russia",
                                             trigger="imposed sanctions"),
                                          ev(BODIES["a3"], "Russia did not attack Ukraine, the Kremlin said.", "190",
                                             -10.0, 4, "ASSAULT", "RUS", "UKR", "2018-08-08", source_actor="Russia",
                                             target_actor="Ukraine", negated=True)])
    merge(s, [aid("a3")])
    assert es.event_mentions(s) == before  # same rows, same event ids
    assert es.events(s, happened=None) == events_before
    es.save_event_mentions(s, aid("a3"), [])
    assert es.event_mentions(s, article_id=aid("a3")) == []
    assert len(es.event_mentions(s)) == 3


def test_events_have_the_promised_keys(tmp_path):
    s = corpus(tmp_path)
    rows = es.events(s)
    keys = {"id", "article_id", "source", "target", "source_actor", "target_actor", "cameo", "root", "plover",
            "goldstein", "date", "sentence", "mentions", "quad", "plover_mode", "location", "sources", "articles"}
    assert rows and all(keys <= set(r) for r in rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert all(r["happened"] for r in rows)  # the denied attack is left out by default
    assert len(es.events(s, happened=None)) == len(rows) + 1


def test_actor_filter_codes_by_prefix_names_by_substring(tmp_path):
    s = corpus(tmp_path)
    assert len(es.events(s, actor="RUS")) == 3  # RUSGOV and RUS
    assert len(es.events(s, actor="RUSGOV")) == 1
    assert len(es.events(s, actor="putin")) == 1
    assert len(es.events(s, actor="Russia")) == 2  # by name
    assert es.events(s, actor="Helsinki") == []
    assert len(es.events(s, actor="UKR", happened=None)) == 1


def test_dyad_filter_either_direction(tmp_path):
    s = corpus(tmp_path)
    assert len(es.events(s, dyad="USA-RUS")) == 3
    assert len(es.events(s, dyad=("RUS", "USA"))) == 3
    assert len(es.events(s, dyad="USAGOV:RUSGOV")) == 1
    assert es.parse_dyad("Jean-Claude Juncker:Putin") == ("Jean-Claude Juncker", "Putin")
    with pytest.raises(ValueError):
        es.parse_dyad("USA")


def test_actor_matches_is_the_twin_of_the_sql(tmp_path):
    assert es.actor_matches("USA", "USAGOV", None)
    assert not es.actor_matches("USAGOV", "USA", None)
    assert es.actor_matches("Erdoğan", None, "Recep Tayyip ERDOĞAN")
    assert es.actor_matches("NATO", "IGOWSTNAT", "nato")
    s = Store(tmp_path / "x.db")
    es.ensure_schema(s)
    es.register_functions(s.conn)
    clause, args = es.actor_clause("erdoğan", "?", "?")
    assert s.conn.execute("SELECT " + clause.replace("ew_fold(?)", "ew_fold('Recep Tayyip ERDOĞAN')"),
                          args).fetchone()[0] == 1


def test_readonly_store_without_event_tables_reads_nothing(tmp_path):
    Store(tmp_path / "x.db").close()
    with Store(tmp_path / "x.db", readonly=True) as s:
        es.ensure_schema(s)  # a no-op, not an error
        assert es.events(s) == [] and es.event_mentions(s) == [] and es.unmerged(s) == 0
