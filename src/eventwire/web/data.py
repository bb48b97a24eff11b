"""What the HTTP API and the pages read: the CLI's records, filtered in SQL and paged by key.

Every list is ordered by a key that never changes for a row (an article's rowid, an event's
(date, id), a quote's (article, position)), and the ``next`` token carries the last key seen,
so a page is one indexed range scan however deep the reader goes (keyset paging, not OFFSET).
Rows carry the keys the CLI prints for the same command (``--json``); some add keys (``url``).
The store is opened read-only for each request (``Store(path, readonly=True)``): readers never
block the one writer, and an ingest may run while the site serves.
"""
from __future__ import annotations

import base64
import json
from collections import Counter
from typing import Any

from ..errors import EventwireError
from ..events.store import (EVENT_COLUMNS, _event_dict, actor_clause, country_code, country_pair, dyad_clause,
                            event_mentions, has_schema, parse_dyad, register_functions)
from ..store import Store
from ..store.db import QUOTE_COLUMNS, quote_dict, quote_filters

MAX_ROWS = 1000  # the row cap of one page
DEFAULT_ROWS = 100


class BadRequest(ValueError):
    """A filter or token the API cannot use (HTTP 400 with the message)."""


def encode(key: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode().rstrip("=")


def decode(token: str | None, size: int) -> list | None:
    if not token:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, TypeError):
        raise BadRequest("the next token is not one this API gave") from None
    if not isinstance(key, list) or len(key) != size or not all(isinstance(k, (str, int, float)) for k in key):
        raise BadRequest("the next token is not one this API gave")
    return key


def cap(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_ROWS
    if limit < 1:
        raise BadRequest("limit must be at least 1")
    return min(limit, MAX_ROWS)


def _page(rows: list, limit: int, key) -> tuple[list, str | None]:
    """Rows of one page and the token of the next (None at the end); ``rows`` holds limit + 1."""
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode(key(rows[-1]))
    return rows, None


def _dates(where: list, args: list, col: str, date_from: str | None, date_to: str | None) -> None:
    if date_from:
        where.append(f"{col} >= ?")
        args.append(date_from)
    if date_to:
        where.append(f"{col} <= ?")
        args.append(date_to + "\uffff")  # the whole last day, whatever follows the date


# ------------------------------------------------------------------ articles


def articles(store: Store, *, outlet=None, date_from=None, date_to=None, language=None,
             after: str | None = None, limit: int | None = None) -> tuple[list[dict], str | None]:
    limit = cap(limit)
    where, args = [], []
    if outlet:
        where.append("outlet = ?")
        args.append(outlet)
    if language:
        where.append("language = ?")
        args.append(language)
    _dates(where, args, "published", date_from, date_to)
    key = decode(after, 1)
    if key:
        where.append("n < ?")
        args.append(int(key[0]))
    sql = "SELECT n, id FROM articles" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY n DESC LIMIT ?"
    found = store.conn.execute(sql, [*args, limit + 1]).fetchall()
    rows = [(n, store.article(aid).to_json()) for n, aid in found]
    page, token = _page(rows, limit, lambda r: [r[0]])
    return [r for _, r in page], token


def article_detail(store: Store, article_id: str) -> dict:
    """An article with everything found in it, at its offsets."""
    art = store.article(article_id)
    out = art.to_json()
    out["quotes"] = store.quotes(article_id=article_id)
    out["times"] = store.times(article_id=article_id)
    out["mentions"] = [
        {"start": r[0], "end": r[1], "text": r[2], "label": r[3], "actor": r[4], "country": r[5], "sector": r[6]}
        for r in store.conn.execute(
            """SELECT m.start, m."end", m.text, m.label, e.actor_name, e.country, e.sector
               FROM mentions m LEFT JOIN entities e ON e.article_id = m.article_id AND e.entity = m.entity
               WHERE m.article_id = ? ORDER BY m.start""", (article_id,))]
    out["events"] = mentions_of(store, article_id=article_id)
    member = store.conn.execute("SELECT story_id, role, copy_of FROM story_members WHERE article_id = ?",
                                (article_id,)).fetchone() if _has(store, "story_members") else None
    out["story"] = {"id": member[0], "role": member[1], "copy_of": member[2]} if member else None
    return out


def _has(store: Store, table: str) -> bool:
    return store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                              (table,)).fetchone() is not None


# ------------------------------------------------------------------- search


def search(store: Store, q: str, *, outlet=None, date_from=None, date_to=None, after: str | None = None,
           limit: int | None = None) -> tuple[list[dict], str | None, dict]:
    """Full-text hits (FTS5 syntax), best first, with facet counts over all hits."""
    limit = cap(limit)
    if not q or not q.strip():
        raise BadRequest("q is empty: give words to search for")
    where, args = ["articles_fts MATCH ?"], [q]
    if outlet:
        where.append("a.outlet = ?")
        args.append(outlet)
    _dates(where, args, "a.published", date_from, date_to)
    key = decode(after, 2)
    base = f"FROM articles_fts JOIN articles a ON a.n = articles_fts.rowid WHERE {' AND '.join(where)}"
    try:  # ranks of every hit (cheap), then snippets for the page only
        hits = store.conn.execute(
            f"""SELECT a.n, bm25(articles_fts, 3.0, 1.0) AS rank, a.id, coalesce(a.outlet, '(unknown)'),
                       coalesce(substr(a.published, 1, 7), 'undated') {base} ORDER BY rank, a.n""", args).fetchall()
        ranked = [(r[0], r[1]) for r in hits]
    except Exception as exc:  # noqa: BLE001 - FTS syntax errors come as OperationalError
        raise BadRequest(f"{q!r}: {exc}. Put words with punctuation in double quotes") from None
    if key:
        ranked = [r for r in ranked if (r[1], r[0]) > (float(key[0]), int(key[1]))]
    wanted = ranked[:limit + 1]
    got = {r[0]: r for r in store.conn.execute(
        f"""SELECT a.n, a.id, a.title, a.outlet, a.published, a.source, a.url,
                   snippet(articles_fts, 1, '[', ']', ' … ', 12)
            {base} AND articles_fts.rowid IN ({",".join(str(int(n)) for n, _ in wanted) or "NULL"})""", args)}
    rows = [{"id": got[n][1], "title": got[n][2], "outlet": got[n][3], "published": got[n][4], "source": got[n][5],
             "url": got[n][6], "snippet": got[n][7], "rank": rank, "_n": n} for n, rank in wanted if n in got]
    page, token = _page(rows, limit, lambda r: [r["rank"], r["_n"]])
    for r in page:
        del r["_n"]
    return page, token, facets(store, hits)


def facets(store: Store, hits: list) -> dict:
    """Counts by outlet, month, country, actor and event type over every hit (rows of
    (n, rank, id, outlet, month)): outlet and month from the rows, the rest in SQL over their ids."""
    months = Counter(h[4] for h in hits)
    out: dict[str, list] = {
        "outlet": sorted(Counter(h[3] for h in hits).items(), key=lambda kv: (-kv[1], kv[0]))[:12],
        "month": sorted(months.items(), reverse=True)[:24],
    }
    ids = json.dumps([h[2] for h in hits])
    scope = "IN (SELECT value FROM json_each(?))"

    def counts(sql: str) -> list[tuple]:
        return [tuple(r) for r in store.conn.execute(sql, (ids,))]

    out["country"] = counts(f"""SELECT country, count(DISTINCT article_id) c FROM entities WHERE country IS NOT NULL
                                AND article_id {scope} GROUP BY country ORDER BY c DESC, country LIMIT 12""")
    out["actor"] = counts(f"""SELECT actor_name, count(DISTINCT article_id) c FROM entities
                              WHERE actor_name IS NOT NULL AND article_id {scope}
                              GROUP BY actor_name ORDER BY c DESC, actor_name LIMIT 12""")
    out["event_type"] = counts(f"""SELECT plover, count(DISTINCT article_id) c FROM event_mentions
                                   WHERE article_id {scope} GROUP BY plover ORDER BY c DESC, plover LIMIT 12"""
                               ) if has_schema(store) else []
    return out


# ------------------------------------------------------------------- quotes


def quotes(store: Store, *, speaker=None, article_id=None, country=None, outlet=None, date_from=None,
           date_to=None, after: str | None = None, limit: int | None = None) -> tuple[list[dict], str | None]:
    limit = cap(limit)
    where, args = quote_filters(speaker, article_id)
    if country:
        where.append("q.country = ?")
        args.append(country)
    if outlet:
        where.append("a.outlet = ?")
        args.append(outlet)
    _dates(where, args, "a.published", date_from, date_to)
    key = decode(after, 2)
    if key:
        where.append("(a.n, q.i) > (?, ?)")
        args += [int(key[0]), int(key[1])]
    sql = (f"SELECT {QUOTE_COLUMNS}, a.n, q.i, a.title, a.outlet FROM quotes q JOIN articles a ON a.id = q.article_id"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.n, q.i LIMIT ?")
    rows = [{**quote_dict(r), "title": r[18], "outlet": r[19], "_key": [r[16], r[17]]}
            for r in store.conn.execute(sql, [*args, limit + 1])]
    page, token = _page(rows, limit, lambda r: r["_key"])
    for r in page:
        del r["_key"]
    return page, token


# ------------------------------------------------------------------- actors


def actors(store: Store, *, name=None, country=None, sector=None, after: str | None = None,
           limit: int | None = None) -> tuple[list[dict], str | None]:
    limit = cap(limit)
    rows = store.actors()
    if name:
        rows = [r for r in rows if name.casefold() in (r["name"] or "").casefold()]
    if country:
        rows = [r for r in rows if r["country"] == country]
    if sector:
        rows = [r for r in rows if r["sector"] == sector]
    start = int(decode(after, 1)[0]) if after else 0
    page = rows[start:start + limit]
    return page, (encode([start + limit]) if start + limit < len(rows) else None)


def actor_detail(store: Store, name: str) -> dict:
    """An actor's names and roles, quotes, events and top counterparts."""
    seen = store.conn.execute(
        """SELECT e.actor_name, e.kind, e.country, e.sector, group_concat(DISTINCT e.role),
                  group_concat(DISTINCT e.name), count(DISTINCT e.article_id)
           FROM entities e WHERE e.actor_name = ? GROUP BY e.actor_name""", (name,)).fetchone()
    if seen is None:
        raise KeyError(name)
    code = (seen[2] or "") + (seen[3] or "") or None
    said, _ = quotes(store, speaker=name, limit=50)
    said = [q for q in said if (q["speaker_actor"] or {}).get("name") == name or q["speaker"] == name]
    evs, _ = events(store, actor=name, limit=100)
    counterparts: Counter = Counter()
    for e in evs:
        other = e["target_actor"] if (e["source_actor"] == name) else e["source_actor"]
        other_code = e["target"] if (e["source_actor"] == name) else e["source"]
        if other:
            counterparts[(other, other_code)] += 1
    return {"name": seen[0], "kind": seen[1], "country": seen[2], "sector": seen[3], "code": code,
            "roles": sorted(set((seen[4] or "").split(",")) - {""}),
            "names": sorted(set((seen[5] or "").split(",")) - {""}), "articles": seen[6],
            "quotes": said, "events": evs,
            "counterparts": [{"name": n, "code": c, "events": k} for (n, c), k in counterparts.most_common(10)]}


# ------------------------------------------------------------------- stories


def stories(store: Store, *, date_from=None, date_to=None, min_size: int | None = None, thread=None,
            after: str | None = None, limit: int | None = None) -> tuple[list[dict], str | None]:
    from ..stories.store import stories as all_stories

    limit = cap(limit)
    rows = all_stories(store)
    if thread:
        rows = [s for s in rows if s.get("thread") == thread]
    if min_size:
        rows = [s for s in rows if (s.get("size") or 0) >= min_size]
    if date_from:
        rows = [s for s in rows if (s.get("date") or "") >= date_from]
    if date_to:
        rows = [s for s in rows if s.get("date") and s["date"] <= date_to]
    start = int(decode(after, 1)[0]) if after else 0
    page = rows[start:start + limit]
    return page, (encode([start + limit]) if start + limit < len(rows) else None)


def story_detail(store: Store, story_id: str) -> dict:
    from ..stories.store import story

    found = story(store, story_id)
    if found is None:
        raise KeyError(story_id)
    return found


# ------------------------------------------------------------------- events


def _actor_filter(where: list, args: list, actor: str) -> None:
    s, sa = actor_clause(actor, "source", "source_actor")
    t, ta = actor_clause(actor, "target", "target_actor")
    where.append(f"({s} OR {t})")
    args += [*sa, *ta]


def events(store: Store, *, actor=None, dyad=None, date_from=None, date_to=None, root=None, plover=None,
           quad: int | None = None, min_mentions: int | None = None, outlet=None, happened: bool | None = True,
           after: str | None = None, limit: int | None = None) -> tuple[list[dict], str | None]:
    """Events, one per happening (``eventwire events --json`` keys), oldest first, undated last."""
    limit = cap(limit)
    if not has_schema(store):
        return [], None
    register_functions(store.conn)
    where, args = [], []
    pair = code = None
    if actor and country_code(store, actor.strip()):
        code = actor.strip()  # answered below from events_source3/target3, merged in order
    elif actor:
        _actor_filter(where, args, actor)
    if dyad:
        try:
            a, b = parse_dyad(dyad)
        except ValueError as exc:
            raise BadRequest(str(exc)) from None
        if country_pair(store, a, b):
            pair = (a, b)
            if code is not None:  # an actor filter beside the pair: the plain clause
                _actor_filter(where, args, code)
                code = None  # answered below from the events_pair index, both directions merged in order
        else:
            clause, dargs = dyad_clause(a, b)
            where.append(clause)
            args += dargs
    _dates(where, args, "date", date_from, date_to)
    for col, value in (("root", root), ("plover", plover), ("quad", quad)):
        if value is not None and value != "":
            where.append(f"{col} = ?")
            args.append(value)
    if min_mentions:
        where.append("mentions >= ?")
        args.append(int(min_mentions))
    if outlet:
        where.append("id IN (SELECT l.event_id FROM event_links l JOIN articles a ON a.id = l.article_id "
                     "WHERE a.outlet = ?)")
        args.append(outlet)
    if happened is not None:
        where.append("happened = ?")
        args.append(int(happened))
    key = decode(after, 2)
    if key:  # written so that the (date, id) order of an index serves it as a range
        where.append("coalesce(date, '9999') >= ? AND (coalesce(date, '9999') > ? OR id > ?)")
        args += [str(key[0]), str(key[0]), str(key[1])]
    cols = ", ".join(EVENT_COLUMNS)
    if code is not None and pair is None:
        rest = "".join(f" AND {w}" for w in where)
        first = f"SELECT {cols}, coalesce(date, '9999') AS ew_k FROM events WHERE substr(source, 1, 3) = ?{rest}"
        second = (f"SELECT {cols}, coalesce(date, '9999') AS ew_k FROM events WHERE substr(target, 1, 3) = ? "
                  f"AND coalesce(substr(source, 1, 3), '') <> ?{rest}")  # an event with no source is the target's
        sql = f"{first} UNION ALL {second} ORDER BY ew_k, id LIMIT ?"
        rows = [_event_dict(r[:-1]) for r in store.conn.execute(sql, [code, *args, code, code, *args, limit + 1])]
    elif pair is not None:
        branch = (f"SELECT {cols}, coalesce(date, '9999') AS ew_k FROM events "
                  "WHERE substr(source, 1, 3) = ? AND substr(target, 1, 3) = ?"
                  + "".join(f" AND {w}" for w in where))
        sql = f"{branch} UNION ALL {branch} ORDER BY ew_k, id LIMIT ?"
        params = [pair[0], pair[1], *args, pair[1], pair[0], *args, limit + 1]
        rows = [_event_dict(r[:-1]) for r in store.conn.execute(sql, params)]
    else:
        sql = f"SELECT {cols} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY coalesce(date, '9999'), id LIMIT ?"
        rows = [_event_dict(r) for r in store.conn.execute(sql, [*args, limit + 1])]
    return _page(rows, limit, lambda r: [r["date"] or "9999", r["id"]])


def event_detail(store: Store, event_id: str) -> dict:
    row = store.conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE id = ?", (event_id,)).fetchone() \
        if has_schema(store) else None
    if row is None:
        raise KeyError(event_id)
    out = _event_dict(row)
    out["reports"] = mentions_of(store, event_id=event_id)
    return out


def mentions_of(store: Store, *, article_id: str | None = None, event_id: str | None = None) -> list[dict]:
    """Sentence-events (reports), as ``events.store.event_mentions`` gives them, with their
    article's title, outlet and publication date."""
    rows = event_mentions(store, article_id=article_id, event_id=event_id)
    ids = json.dumps(sorted({m["article_id"] for m in rows}))
    meta = {r[0]: r[1:] for r in store.conn.execute(
        "SELECT id, title, outlet, published FROM articles WHERE id IN (SELECT value FROM json_each(?))", (ids,))}
    for m in rows:
        m["title"], m["outlet"], m["published"] = meta.get(m["article_id"], (None, None, None))
    return rows


def dyad(store: Store, a: str, b: str, by: str = "month") -> dict:
    from ..events.dyad import dyad as dyad_series

    try:
        return dyad_series(store, a, b, by=by)
    except ValueError as exc:
        raise BadRequest(str(exc)) from None


def timeline(store: Store, q: str | None, actors_: list[str], date_from=None, date_to=None) -> list[dict]:
    from ..stories.timeline import timeline as tl

    try:
        return tl(store, q, actors_, date_from, date_to)
    except EventwireError as exc:
        raise BadRequest(str(exc)) from None


def summary(store: Store) -> dict[str, Any]:
    return store.summary()
