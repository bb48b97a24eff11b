"""Timelines from a small store written at test time (no spaCy), and the HTML page."""
from __future__ import annotations

import json
import re

import pytest
import typer
from typer.testing import CliRunner

from eventwire.records import Article
from eventwire.store import Store
from eventwire.stories import timeline as tl
from eventwire.stories.html import render, safe_url

HOSTILE = '<script>alert("x")</script> "quoted" \'single\' & <b>bold</b>'


def _article(i: int, title: str, day: str | None, body: str, url: str | None = None, outlet: str = "Wire") -> Article:
    return Article(id=f"a{i:03d}" + "0" * 20, source=f"file{i}.txt", path=f"file{i}.txt", format="txt", url=url,
                   outlet=outlet, outlet_basis="test", title=title, byline=None, published=day,
                   published_basis="test", published_confidence=1.0, language="en", body=body,
                   ingested_at="2021-07-01T00:00:00+00:00")


def _entity(conn, aid: str, k: int, name: str, country: str | None, actor: str | None = None) -> None:
    conn.execute("INSERT INTO entities (article_id, entity, name, label, actor_name, country) VALUES (?, ?, ?, ?, ?, ?)",
                 (aid, k, name, "GPE" if actor is None else "PERSON", actor, country))


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.db")
    arts = [
        _article(1, "Moscow and Washington open arms talks", "2021-06-01",
                 "Negotiators from Russia and the United States met in Geneva. The talks lasted all day.",
                 url="https://example.org/1"),
        _article(2, "Arms talks begin in Geneva", "2021-06-01",
                 "Delegations from Washington and Moscow sat down in Geneva on Tuesday.", outlet="Other"),
        _article(3, "Talks stall over missiles", "2021-06-03",
                 "The arms talks between Russia and the United States stalled.", url="javascript:alert(1)"),
        _article(4, "Harvest festival in Peru", "2021-06-02", "Farmers in Peru celebrated the harvest."),
        _article(5, "Undated arms piece", None, "Arms talks are hard."),
    ]
    for a in arts:
        assert s.add_article(a, input_sha256=None, group=None)
    with s.transaction() as conn:
        for i in (1, 2, 3):
            aid = arts[i - 1].id
            _entity(conn, aid, 0, "Russia", "RUS")
            _entity(conn, aid, 1, "United States", "USA")
        _entity(conn, arts[0].id, 2, "Sergei Ryabkov", "RUS", "Sergei Ryabkov")
        _entity(conn, arts[3].id, 0, "Peru", "PER")
        conn.execute('INSERT INTO sentences VALUES (?, 0, 0, 51)', (arts[0].id,))
        conn.execute("INSERT INTO quotes (article_id, i, start, \"end\", text, speaker, partial) VALUES (?, 0, 0, 10, ?, ?, 0)",
                     (arts[0].id, "We have made real progress on the main questions today", "Sergei Ryabkov"))
    yield s
    s.close()


def test_topic_timeline_groups_by_day_and_actors(store):
    entries = tl.timeline(store, "arms")
    assert [e["date"] for e in entries] == ["2021-06-01", "2021-06-03"]  # undated article left out
    first = entries[0]
    assert len(first["sources"]) == 2  # same day, same actors: one story
    assert first["headline"] == "Moscow and Washington open arms talks"
    assert first["summary"].startswith("Negotiators from Russia")
    assert first["quote"] == {"text": "We have made real progress on the main questions today", "speaker": "Sergei Ryabkov"}
    assert set(first["actors"]) >= {"RUS", "USA"}
    assert {"article_id", "outlet", "url", "source", "title"} <= set(first["sources"][0])


def test_actor_pair_and_dates(store):
    assert [e["date"] for e in tl.timeline(store, actors=["USA", "RUS"])] == ["2021-06-01", "2021-06-03"]
    assert [e["date"] for e in tl.timeline(store, actors=["ryabkov"])] == ["2021-06-01"]
    assert [e["date"] for e in tl.timeline(store, actors=["PER"])] == ["2021-06-02"]
    assert tl.timeline(store, actors=["PER", "USA"]) == []
    assert [e["date"] for e in tl.timeline(store, "arms", date_from="2021-06-02")] == ["2021-06-03"]
    assert [e["date"] for e in tl.timeline(store, date_to="2021-06-02")] == ["2021-06-01", "2021-06-02"]


def test_bad_query_is_a_usage_error(store):
    from eventwire.errors import EventwireError

    with pytest.raises(EventwireError):
        tl.timeline(store, '"unbalanced')


def test_group_articles_needs_shared_actors():
    days = {"a": "2021-01-01", "b": "2021-01-01", "c": "2021-01-01", "d": "2021-01-02"}
    actors = {"a": {"USA", "RUS", "X"}, "b": {"USA", "RUS"}, "c": {"FRA", "USA", "GER"}, "d": {"USA", "RUS"}}
    groups = sorted(sorted(g) for g in tl.group_articles(days, actors))
    assert groups == [["a", "b"], ["c"], ["d"]]


def test_stories_module_used_when_present(store, monkeypatch):
    ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY n")]

    def stories(_store):
        return [{"id": "s1", "date": "2021-06-01", "headline": "Story headline", "summary": "Story summary",
                 "articles": [ids[0], ids[1]], "thread": "t1"},
                {"id": "s2", "date": "2021-06-02", "headline": "Peru", "summary": "", "articles": [ids[3]], "thread": None}]

    def story(_store, sid):  # as stories.store.story gives it
        return {"id": sid, "members": [], "key_quotes": [{"text": "A quote", "speaker": "Someone", "articles": []}],
                "main_actors": [{"name": "Russia", "country": "RUS"}]}

    monkeypatch.setattr(tl, "_stories_api", lambda: (stories, story))
    entries = tl.timeline(store, "arms")
    # article 3 is in no story yet: an entry of its own
    assert [e["headline"] for e in entries] == ["Story headline", "Talks stall over missiles"]
    assert entries[0]["quote"] == {"text": "A quote", "speaker": "Someone"}
    assert entries[0]["actors"] == ["Russia"] and entries[0]["story"] == "s1" and len(entries[0]["sources"]) == 2


def _app(db_path):
    app = typer.Typer()

    @app.callback()
    def _root():  # keep "timeline" a subcommand
        pass

    tl.register(app, lambda db: Store(db or db_path, readonly=True))
    return app


def test_command_json_terminal_html(store, tmp_path):
    runner = CliRunner()
    app = _app(store.path)
    r = runner.invoke(app, ["timeline", "arms", "--json"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["date"] for row in rows] == ["2021-06-01", "2021-06-03"]
    r = runner.invoke(app, ["timeline", "--actor", "USA", "--actor", "RUS", "--from", "2021-06-02"])
    assert r.exit_code == 0 and "Talks stall over missiles" in r.stdout and "open arms talks" not in r.stdout
    page = tmp_path / "t.html"
    r = runner.invoke(app, ["timeline", "arms", "--html", str(page)])
    assert r.exit_code == 0 and "<blockquote>" in page.read_text(encoding="utf-8")
    assert runner.invoke(app, ["timeline", "arms", "--json", "--html", str(page)]).exit_code == 2
    assert runner.invoke(app, ["timeline", "--from", "June"]).exit_code == 2
    assert runner.invoke(app, ["timeline", '"unbalanced']).exit_code == 2


def test_terminal_output_shows_markup_literally(tmp_path):
    s = Store(tmp_path / "h.db")
    s.add_article(_article(1, "[bold red]not markup[/] \x1b[31m", "2021-01-01", "Body [link=x]text[/link]."),
                  input_sha256=None, group=None)
    s.close()
    r = CliRunner().invoke(_app(str(tmp_path / "h.db")), ["timeline"])
    assert r.exit_code == 0
    assert "[bold red]not markup[/]" in r.stdout and "\x1b" not in r.stdout and "\\x1b" in r.stdout


# ------------------------------------------------------------------------ HTML


def test_html_escapes_everything_and_allows_only_http_links():
    entries = [{
        "date": "2021-06-01", "headline": HOSTILE, "summary": HOSTILE + "\x00\x1b[31m",
        "quote": {"text": HOSTILE, "speaker": '"><img src=x onerror=alert(1)>'},
        "actors": ["<i>RUS</i>"],
        "sources": [
            {"article_id": "1", "outlet": "Good", "url": "https://example.org/a?b=1&c=2", "source": "x", "title": None},
            {"article_id": "2", "outlet": "Bad", "url": "javascript:alert(1)", "source": "f.txt", "title": None},
            {"article_id": "3", "outlet": "Bad2", "url": " JaVaScRiPt:alert(1)", "source": None, "title": None},
            {"article_id": "4", "outlet": '" onmouseover="alert(1)', "url": "https://ok.example/\" onclick=\"x", "source": None, "title": None},
            {"article_id": "5", "outlet": "Data", "url": "data:text/html,<script>alert(1)</script>", "source": None, "title": None},
        ],
    }]
    page = render(entries, '<script>alert("title")</script>')
    assert "<script" not in page.lower()
    assert "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "onerror=alert(1)&gt;" in page  # shown, as text
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs == ["https://example.org/a?b=1&amp;c=2"]  # the only safe URL; "&" escaped
    assert "javascript:alert(1)" in page  # shown as text, not as a link
    assert 'onmouseover="' not in page and 'onclick="' not in page
    assert "\x00" not in page and "\x1b" not in page
    assert "<style>" in page and "http-equiv=\"Content-Security-Policy\"" in page
    assert not re.search(r"<link|<[^>]*\ssrc=|<[^>]*\son\w+=", page)  # no external assets, no handlers


def test_safe_url():
    assert safe_url("https://a.example/x") == "https://a.example/x"
    assert safe_url("HTTP://A.example") == "HTTP://A.example"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.example", "https://", "ftp://a", "https://a b",
                "https://a\nb", None, ""):
        assert safe_url(bad) is None


def test_html_page_shape():
    page = render([{"date": "2021-06-03", "headline": "H", "summary": "S", "quote": None, "actors": [],
                    "sources": []}], "T")
    assert page.startswith("<!DOCTYPE html>") and "3 Jun" in page and "2021" in page and "<blockquote>" not in page
    assert "Nothing matched" in render([], "Empty")
