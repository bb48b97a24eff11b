"""Timelines: the dated stories of a topic or of actors, oldest first.

``timeline(store, query, actors, date_from, date_to)`` selects articles by a
full-text query (FTS5 syntax, over ``articles_fts``) and/or by actors (every
given actor must be named: a country code such as ``USA`` matches entities and
quote speakers resolved to that country; any other string matches entity and
actor names, case-insensitively, as a substring), then returns one entry per
story among them::

    {"date": "2018-07-16", "headline": ..., "summary": ...,
     "quote": {"text": ..., "speaker": ...} | None,
     "actors": [...], "story": story id | None,
     "sources": [{"article_id", "outlet", "url", "source", "title"}, ...]}

When the stories module (``eventwire.stories.store``) and its tables are
there, its stories are used: a story is kept when one of its articles is
selected (selected articles in no story yet get entries of their own).  Otherwise the selected articles are grouped here: same publication
day, and sharing actors (two, or one when neither article names more than two);
articles with no actors stay alone.

``register(app, open_store)`` adds the ``timeline`` command to a Typer app.
"""
from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Optional

from ..errors import EventwireError
from ..unionfind import UnionFind

_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
SUMMARY_CHARS = 320


# ------------------------------------------------------------------ selection


def _day(value) -> str | None:
    if value is None:
        return None
    text = str(value)[:10]
    return text if re.match(r"^\d{4}-\d\d-\d\d$", text) else None


def select_articles(store, query: str | None = None, actors: Sequence[str] = (),
                    date_from=None, date_to=None) -> list[str]:
    """Ids of dated articles matching the query and all actors, in the date range, oldest first."""
    conn: sqlite3.Connection = store.conn
    where, args = ["a.published IS NOT NULL"], []
    if query is not None:
        if not query.strip():
            raise EventwireError("E303", "the query is empty")
        where.append("a.n IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(query)
    for actor in actors:
        actor = actor.strip()
        if not actor:
            continue
        if _COUNTRY_CODE.match(actor):
            where.append("(a.id IN (SELECT article_id FROM entities WHERE country = ?)"
                         " OR a.id IN (SELECT article_id FROM quotes WHERE country = ?))")
            args += [actor, actor]
        else:
            like = f"%{actor.lower()}%"
            where.append("(a.id IN (SELECT article_id FROM entities WHERE lower(name) LIKE ? OR lower(actor_name) LIKE ?)"
                         " OR a.id IN (SELECT article_id FROM quotes WHERE lower(speaker) LIKE ? OR lower(actor_name) LIKE ?))")
            args += [like] * 4
    if date_from:
        where.append("substr(a.published, 1, 10) >= ?")
        args.append(str(date_from)[:10])
    if date_to:
        where.append("substr(a.published, 1, 10) <= ?")
        args.append(str(date_to)[:10])
    sql = f"SELECT a.id FROM articles a WHERE {' AND '.join(where)} ORDER BY a.published, a.n"
    try:
        return [r[0] for r in conn.execute(sql, args)]
    except sqlite3.OperationalError as exc:
        msg = str(exc)
        if query is not None and "locked" not in msg and "no such table" not in msg:
            raise EventwireError(
                "E303", f"{query!r}: {msg}. Put words with punctuation in double quotes, e.g. '\"U.S.-Russia\"'"
            ) from None
        raise


# ---------------------------------------------------------------- article data


def _articles(conn, ids: Sequence[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        rows = conn.execute(
            f"SELECT id, n, title, outlet, url, source, published, body FROM articles WHERE id IN ({','.join('?' * len(part))})",
            part,
        )
        for r in rows:
            out[r[0]] = {"id": r[0], "n": r[1], "title": r[2], "outlet": r[3], "url": r[4], "source": r[5],
                         "published": r[6], "body": r[7]}
    return out


def _actors_of(conn, ids: Sequence[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        rows = conn.execute(
            f"SELECT article_id, actor_name, country FROM entities WHERE article_id IN ({','.join('?' * len(part))})"
            " AND (actor_name IS NOT NULL OR country IS NOT NULL)",
            part,
        )
        for aid, name, country in rows:
            out[aid].add(name or country)
    return out


def _lead(conn, art: dict) -> str:
    """The article's first sentences, up to SUMMARY_CHARS, from the language pass when there."""
    body = art["body"] or ""
    rows = conn.execute('SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY i LIMIT 6', (art["id"],)).fetchall()
    pieces: list[str] = []
    if rows:
        for start, end in rows:
            sentence = " ".join(body[start:end].split())
            if not sentence or (art["title"] and sentence == " ".join(art["title"].split())):
                continue
            if pieces and len(" ".join(pieces)) + len(sentence) > SUMMARY_CHARS:
                break
            pieces.append(sentence)
    text = " ".join(pieces) if pieces else " ".join(next((p for p in body.split("\n\n") if p.strip()), "").split())
    if len(text) > SUMMARY_CHARS:
        text = text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
    return text


def _key_quote(conn, ids: Sequence[str]) -> dict | None:
    """The best direct quote among the articles: with a speaker, whole, of a readable length."""
    best, best_score = None, -1.0
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        rows = conn.execute(
            f"SELECT text, speaker, actor_name, partial, article_id FROM quotes WHERE article_id IN ({','.join('?' * len(part))})",
            part,
        )
        for text, speaker, actor_name, partial, aid in rows:
            length = len(text or "")
            if length < 20:
                continue
            score = (2.0 if (speaker or actor_name) else 0.0) + (0.0 if partial else 1.0) + (1.0 if 40 <= length <= 280 else 0.0)
            score += min(length, 280) / 1000
            if score > best_score:
                best, best_score = {"text": text, "speaker": speaker or actor_name, "article_id": aid}, score
    return best


def _source(art: dict) -> dict:
    return {"article_id": art["id"], "outlet": art["outlet"], "url": art["url"], "source": art["source"],
            "title": art["title"]}


# -------------------------------------------------------------------- stories


def _stories_api():
    """(stories, story) from the stories module, or None when it is not there yet."""
    try:
        from . import store as stories_store  # written by the stories engineer
    except ImportError:
        return None
    list_fn, one_fn = getattr(stories_store, "stories", None), getattr(stories_store, "story", None)
    if list_fn is None:
        return None
    return list_fn, one_fn


def _member_ids(value) -> list[str]:
    if not isinstance(value, (list, tuple)):
        return []
    out = []
    for m in value:
        if isinstance(m, str):
            out.append(m)
        elif isinstance(m, dict) and (m.get("article_id") or m.get("id")):
            out.append(m.get("article_id") or m.get("id"))
    return out


def _from_stories(store, ids: Sequence[str], date_from, date_to) -> tuple[list[dict], list[str]] | None:
    """Entries for the stories holding selected articles, and the selected ids no story holds;
    None when there are no stories (module or tables absent, nothing grouped)."""
    api = _stories_api()
    if api is None:
        return None
    list_fn, one_fn = api
    try:
        rows = list_fn(store)
    except (sqlite3.OperationalError, EventwireError):
        return None  # tables not created yet
    if not rows:
        return None
    wanted = set(ids)
    covered: set[str] = set()
    conn = store.conn
    entries = []
    for s in rows:
        detail = None
        members = _member_ids(s.get("articles"))
        if not members and one_fn is not None:
            detail = one_fn(store, s["id"]) or {}
            members = _member_ids(detail.get("members") or detail.get("articles"))
        covered.update(members)
        if not wanted.intersection(members):
            continue
        day = _day(s.get("date"))
        if day is None or (date_from and day < str(date_from)[:10]) or (date_to and day > str(date_to)[:10]):
            continue
        if "key_quotes" not in s and "main_actors" not in s and detail is None and one_fn is not None:
            detail = one_fn(store, s["id"]) or {}
        info = {**(detail or {}), **s}
        arts = _articles(conn, members)
        quote = None
        for q in info.get("key_quotes") or info.get("quotes") or []:
            if isinstance(q, dict) and q.get("text"):
                quote = {"text": q["text"], "speaker": q.get("speaker") or q.get("actor_name")}
                break
        if quote is None:
            quote = _key_quote(conn, members)
        main = info.get("main_actors") or info.get("actors") or []
        entries.append({
            "date": day,
            "headline": s.get("headline") or next((a["title"] for a in arts.values() if a["title"]), None),
            "summary": s.get("summary") or "",
            "quote": {"text": quote["text"], "speaker": quote["speaker"]} if quote else None,
            "actors": [a if isinstance(a, str) else (a.get("name") or a.get("code") or "") for a in main][:6],
            "story": s.get("id"),
            "thread": s.get("thread"),
            "sources": [_source(arts[m]) for m in members if m in arts],
        })
    return entries, [i for i in ids if i not in covered]


# ------------------------------------------------------------------- fallback


def group_articles(days: dict[str, str], actors: dict[str, set[str]]) -> list[list[str]]:
    """Clusters of article ids: same day, and sharing two actors (one when neither
    article names more than two).  ``days`` maps id -> day, in the order wanted."""
    sets = UnionFind(days)

    by_day: dict[str, list[str]] = defaultdict(list)
    for aid, day in days.items():
        by_day[day].append(aid)
    for members in by_day.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                sa, sb = actors.get(a, set()), actors.get(b, set())
                shared = len(sa & sb)
                if shared >= 2 or (shared == 1 and max(len(sa), len(sb)) <= 2):
                    sets.union(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for aid in days:
        groups[sets.find(aid)].append(aid)
    return list(groups.values())


def _fallback(store, ids: Sequence[str]) -> list[dict]:
    conn = store.conn
    arts = _articles(conn, ids)
    ids = [i for i in ids if i in arts and _day(arts[i]["published"])]
    actors = _actors_of(conn, ids)
    entries = []
    for group in group_articles({i: _day(arts[i]["published"]) for i in ids}, actors):
        # the article sharing most actors with the others leads; ties: the first
        counts: dict[str, int] = defaultdict(int)
        for a in group:
            for name in actors.get(a, ()):
                counts[name] += 1
        lead = max(group, key=lambda a: (sum(counts[n] for n in actors.get(a, ())), -group.index(a)))
        main = sorted(counts, key=lambda n: (-counts[n], n))[:6]
        quote = _key_quote(conn, group)
        entries.append({
            "date": _day(arts[lead]["published"]),
            "headline": arts[lead]["title"] or _lead(conn, arts[lead])[:100] or "(untitled)",
            "summary": _lead(conn, arts[lead]),
            "quote": {"text": quote["text"], "speaker": quote["speaker"]} if quote else None,
            "actors": main,
            "story": None,
            "thread": None,
            "sources": [_source(arts[a]) for a in [lead, *[g for g in group if g != lead]]],
        })
    entries.sort(key=lambda e: (e["date"], e["headline"] or ""))
    return entries


def timeline(store, query: str | None = None, actors: Sequence[str] = (), date_from=None, date_to=None) -> list[dict]:
    """The dated stories of a topic (FTS query) and/or actors, oldest first (see module doc)."""
    if isinstance(actors, str):
        actors = (actors,)
    ids = select_articles(store, query, actors, date_from, date_to)
    if not ids:
        return []
    found = _from_stories(store, ids, date_from, date_to)
    if found is None:
        return _fallback(store, ids)
    entries, ungrouped = found
    if ungrouped:  # articles added since the stories were built
        entries += _fallback(store, ungrouped)
    entries.sort(key=lambda e: (e["date"], e["headline"] or ""))
    return entries


# ------------------------------------------------------------------------ CLI

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _safe(value) -> str:
    if value is None:
        return ""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", str(value))


def register(app, open_store: Callable) -> None:
    """Add ``timeline`` to a Typer app.  ``open_store(db)`` gives a context manager yielding
    a Store or an object with a ``.store`` (such as ``Eventwire``, or ``cli._open(db)``)."""
    import typer
    from rich.text import Text

    @app.command("timeline")
    def timeline_command(
        query: Optional[str] = typer.Argument(None, help='FTS5 query: words, "a phrase", AND/OR/NOT, prefix*.'),
        actor: list[str] = typer.Option([], "--actor", help="An actor every article must name: a country code "
                                        "(USA, RUS) or a name; repeat for a pair."),
        date_from: Optional[str] = typer.Option(None, "--from", help="First day (YYYY-MM-DD)."),
        date_to: Optional[str] = typer.Option(None, "--to", help="Last day (YYYY-MM-DD)."),
        json_out: bool = typer.Option(False, "--json", help="JSON Lines output, one entry a line."),
        html_file: Optional[str] = typer.Option(None, "--html", help="Write a self-contained HTML page to this file."),
        db: Optional[str] = typer.Option(None, "--db", help="Store file (default: $EVENTWIRE_DB, else ./eventwire.db)."),
    ) -> None:
        """The dated stories of a topic or of actors, oldest first (terminal, JSON Lines or HTML)."""
        from ..terminal import console

        out = console()
        err = console(stderr=True)
        if json_out and html_file:
            err.print(Text("error: choose one of --json and --html"))
            raise typer.Exit(2)
        for label, value in (("--from", date_from), ("--to", date_to)):
            if value is not None and not _day(value):
                err.print(Text(f"error: {label} wants a date as YYYY-MM-DD, not {_safe(value)!r}"))
                raise typer.Exit(2)
        try:
            with open_store(db) as handle:
                entries = timeline(getattr(handle, "store", handle), query, actor, date_from, date_to)
        except EventwireError as exc:
            err.print(Text(f"error: {_safe(exc)}"))
            raise typer.Exit(2) from None
        if json_out:
            for e in entries:
                sys.stdout.write(json.dumps(e, ensure_ascii=False) + "\n")
            return
        if html_file:
            from .html import render

            title = "Timeline: " + (" · ".join(x for x in [query or "", " & ".join(actor)] if x) or "all stories")
            with open(html_file, "w", encoding="utf-8") as f:
                f.write(render(entries, title))
            err.print(Text(f"{len(entries)} entries -> {_safe(html_file)}"))
            return
        if not entries:
            err.print(Text("no stories match"))
            return
        for e in entries:
            out.print(Text.assemble((_safe(e["date"]) + "  ", "cyan"), (_safe(e["headline"] or "(untitled)"), "bold")))
            if e["summary"]:
                out.print(Text("            " + _safe(e["summary"])))
            if e["quote"]:
                who = e["quote"]["speaker"] or "unknown speaker"
                out.print(Text.assemble("            “", Text(_safe(" ".join(str(e["quote"]["text"]).split()).rstrip(",")), style="italic"), "” — ",
                                        Text(_safe(who), style="green")))
            outlets = ", ".join(_safe(s["outlet"] or s["source"] or s["article_id"][:10]) for s in e["sources"][:5])
            more = f" +{len(e['sources']) - 5}" if len(e["sources"]) > 5 else ""
            out.print(Text(f"            {len(e['sources'])} source(s): {outlets}{more}", style="dim"))
