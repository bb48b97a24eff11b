"""The JSON API, in process (httpx's ASGI transport): the CLI's keys, filters, keyset paging,
exports, errors, the ingest endpoint's token."""
from __future__ import annotations

import csv
import io
import json

import pytest


def test_lists_have_the_command_lines_keys(client, web_db):
    from typer.testing import CliRunner

    from eventwire.cli import app as cli

    for path, command in (("/api/events", "events"), ("/api/quotes", "quotes"), ("/api/actors", "actors"),
                          ("/api/stories", "stories")):
        rows = client.get(path, params={"limit": 5}).json()["rows"]
        out = CliRunner().invoke(cli, [command, "--db", str(web_db), "--json"]).stdout.splitlines()
        assert rows and out, path
        assert set(json.loads(out[0])) <= set(rows[0]), (path, set(json.loads(out[0])) - set(rows[0]))


def test_keyset_paging_walks_every_event_once(client):
    every = client.get("/api/events", params={"limit": 1000}).json()["rows"]
    seen, token = [], None
    while True:
        page = client.get("/api/events", params={"limit": 7, **({"next": token} if token else {})}).json()
        seen += [r["id"] for r in page["rows"]]
        token = page["next"]
        if not token:
            break
    assert seen == [r["id"] for r in every] and len(seen) == len(set(seen)) > 7


def test_event_filters(client):
    rows = client.get("/api/events", params={"dyad": "USA-RUS", "limit": 1000}).json()["rows"]
    assert rows and all({r["source"][:3], r["target"][:3]} == {"USA", "RUS"} for r in rows)
    quad = client.get("/api/events", params={"quad": 4, "limit": 1000}).json()["rows"]
    assert all(r["quad"] == 4 for r in quad)
    root = rows[0]["root"]
    assert all(r["root"] == root for r in client.get("/api/events", params={"root": root}).json()["rows"])
    dated = [r for r in rows if r["date"]]
    day = dated[0]["date"][:10]
    ranged = client.get("/api/events", params={"from": day, "to": day, "dyad": "USA-RUS"}).json()["rows"]
    assert ranged and all(r["date"].startswith(day) for r in ranged)
    assert client.get("/api/events", params={"min_mentions": 999}).json()["rows"] == []


def test_exports(client):
    text = client.get("/api/events.csv", params={"limit": 5}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 5 and "goldstein" in rows[0]
    lines = client.get("/api/quotes", params={"format": "jsonl", "limit": 3}).text.splitlines()
    assert len(lines) == 3 and "speaker" in json.loads(lines[0])
    assert client.get("/api/events.xml").status_code == 404


def test_search_with_facets_and_bad_queries(client):
    got = client.get("/api/search", params={"q": "sanctions"}).json()
    assert got["rows"] and {"outlet", "month", "country", "actor", "event_type"} <= set(got["facets"])
    assert client.get("/api/search", params={"q": '"'}).status_code == 400
    assert client.get("/api/events", params={"next": "not-a-token"}).status_code == 400


def test_article_detail_has_everything_at_offsets(client):
    event = client.get("/api/events", params={"limit": 1}).json()["rows"][0]
    art = client.get(f"/api/articles/{event['article_id']}").json()
    body = art["body"]
    for q in art["quotes"]:
        assert body[q["start"]:q["end"]]
    for e in art["events"]:
        assert body[e["sentence_start"]:e["sentence_end"]] == e["sentence"]
    assert client.get("/api/articles/nope").status_code == 404


def test_dyad_series(client):
    got = client.get("/api/dyad/USA/RUS").json()
    assert got["totals"]["events"] == sum(b["events"] for b in got["buckets"]) > 0


@pytest.mark.parametrize("token, header, status", [(None, None, 403), ("s3cret", None, 401),
                                                   ("s3cret", "Bearer wrong", 401)])
def test_ingest_is_refused_without_the_token(web_db, token, header, status):
    import anyio
    import httpx

    from eventwire.web import create_app

    app = create_app(web_db, token=token)

    async def go():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            return await c.post("/api/ingest", files={"files": ("a.txt", b"Some text.")},
                                headers={"Authorization": header} if header else {})
    assert anyio.run(go).status_code == status


def test_ingest_with_the_token(tmp_path):
    import anyio
    import httpx

    import eventwire
    from eventwire.web import create_app

    db = tmp_path / "up.db"
    eventwire.open(db).close()
    app = create_app(db, token="s3cret")
    text = ("Finland and Estonia signed a ferry safety accord in Tallinn on Tuesday, officials said.\n\n"
            "The accord covers inspections of ships on the route between the two capitals.\n").encode()

    async def go():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            return await c.post("/api/ingest", files={"files": ("ferry.txt", text)},
                                headers={"Authorization": "Bearer s3cret"})
    r = anyio.run(go)
    assert r.status_code == 200 and r.json()["added"] == 1


@pytest.mark.parametrize("params", [{"actor": "USA"}, {"actor": "RUS"}, {"dyad": "USA-RUS"}, {"dyad": "RUS-UKR"},
                                    {"actor": "USA", "dyad": "USA-RUS"}, {"actor": "Putin"}])
def test_indexed_paths_give_the_command_lines_rows(client, web_db, params):
    """Country codes are answered from the events_pair/source3/target3 indexes; the rows must be
    the ones `eventwire events` prints for the same filter."""
    from eventwire.events.store import events
    from eventwire.store import Store

    with Store(web_db, readonly=True) as store:
        want = [e["id"] for e in events(store, actor=params.get("actor"), dyad=params.get("dyad"))]
    got, token = [], None
    while True:
        page = client.get("/api/events", params={**params, "limit": 3, **({"next": token} if token else {})}).json()
        got += [r["id"] for r in page["rows"]]
        token = page["next"]
        if not token:
            break
    assert got == want


def test_dyad_series_counted_in_sql_matches_the_python_count(web_db, monkeypatch):
    from eventwire.events import dyad as dyad_module
    from eventwire.store import Store

    with Store(web_db, readonly=True) as store:
        for by in ("month", "day"):
            fast = dyad_module.dyad(store, "USA", "RUS", by=by)
            monkeypatch.setattr(dyad_module, "country_pair", lambda *a: False)
            slow = dyad_module.dyad(store, "USA", "RUS", by=by)
            monkeypatch.undo()
            assert fast == slow and fast["totals"]["events"] > 0



def test_an_event_with_no_source_is_listed_under_its_target(tmp_path, web_db):
    """The actor filter's second branch (the actor as target) once dropped events whose source is
    empty (NULL <> 'USA' is not true in SQL): the API then listed fewer rows than `eventwire events`."""
    import shutil
    import sqlite3

    from fastapi.testclient import TestClient

    from eventwire.events.store import events
    from eventwire.store import Store
    from eventwire.web import create_app

    db = tmp_path / "copy.db"
    shutil.copy(web_db, db)
    con = sqlite3.connect(db)
    cols = [r[1] for r in con.execute("PRAGMA table_info(events)")]
    row = dict(zip(cols, con.execute("SELECT * FROM events WHERE substr(target, 1, 3) = 'USA' LIMIT 1").fetchone()))
    row.update(id="0" * 16, source=None)
    con.execute(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", list(row.values()))
    con.commit()
    con.close()
    with Store(db, readonly=True) as store:
        want = [e["id"] for e in events(store, actor="USA")]
    assert "0" * 16 in want
    with TestClient(create_app(db)) as c:
        got, token = [], None
        while True:
            page = c.get("/api/events", params={"actor": "USA", "limit": 50, **({"next": token} if token else {})}).json()
            got += [r["id"] for r in page["rows"]]
            token = page["next"]
            if not token:
                break
    assert got == want
