"""Coded events in the store: one row per sentence-event, one row per happening.

Two tables (and a link table):

``event_mentions``
    One row per event the coder found in one sentence of one article
    (``records.Event``), with every field of the record.  ``event_id`` says
    which happening it was merged into (NULL until ``dedup.merge`` runs).
    Negated, hypothetical and future reports are kept here, with their flags.

``events``
    One row per happening: the reports of the same (source, target, CAMEO
    root, day) merged (see ``events.dedup``), with GDELT-style counts
    (``mentions``, ``num_articles``, ``num_sources``), the articles and
    source URLs behind it, and the first sentence that reported it.
    ``happened`` is 0 for events reported only as negated, hypothetical or
    future: they are kept (with ``status``), but readers skip them by default.

``event_links``
    Which articles each event draws on, so that ``dedup.merge`` can redo only
    the events an article touches.

Writing: ``save_event_mentions(store, article_id, events)`` replaces one
article's rows; then ``dedup.merge(store, article_ids=[...])`` rebuilds the
events those articles touch.  Reading: ``events(store, actor=, dyad=)``.

Actor filters: a token that looks like an actor code (``USA``, ``RUSGOV``,
``IGO``: capitals and digits) matches codes by prefix (``RUS`` matches
``RUSGOV``, ``RUSMIL``) or an actor name exactly; anything else (``Putin``,
``Vladimir Putin``) matches actor names as a case-insensitive substring.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..records import Event

if TYPE_CHECKING:  # pragma: no cover
    from ..store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS event_mentions (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    i              INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    sentence       TEXT NOT NULL,
    cameo          TEXT NOT NULL,
    root           TEXT NOT NULL,
    goldstein      REAL NOT NULL,
    quad           INTEGER NOT NULL,
    plover         TEXT NOT NULL,
    plover_mode    TEXT,
    source         TEXT,
    target         TEXT,
    source_actor   TEXT,
    target_actor   TEXT,
    date           TEXT,
    date_basis     TEXT NOT NULL DEFAULT '',
    location       TEXT,
    trigger        TEXT,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    negated        INTEGER NOT NULL DEFAULT 0,
    hypothetical   INTEGER NOT NULL DEFAULT 0,
    future         INTEGER NOT NULL DEFAULT 0,
    confidence     REAL NOT NULL DEFAULT 1,
    src_key        TEXT NOT NULL,  -- the source code, else 'name:' + folded name, else ''
    tgt_key        TEXT NOT NULL,
    event_id       TEXT,           -- events.id it was merged into
    PRIMARY KEY (article_id, i)
);
CREATE INDEX IF NOT EXISTS event_mentions_key ON event_mentions(src_key, tgt_key, root);
CREATE INDEX IF NOT EXISTS event_mentions_event ON event_mentions(event_id);

CREATE TABLE IF NOT EXISTS events (
    id             TEXT PRIMARY KEY,  -- stable hash of source, target, CAMEO root, day
    source         TEXT,
    target         TEXT,
    source_actor   TEXT,
    target_actor   TEXT,
    source_country TEXT,
    target_country TEXT,
    cameo          TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad           INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    plover         TEXT NOT NULL,
    plover_mode    TEXT,
    date           TEXT,
    location       TEXT,
    status         TEXT NOT NULL DEFAULT 'happened',  -- happened | negated | hypothetical | future
    happened       INTEGER NOT NULL DEFAULT 1,
    is_root        INTEGER NOT NULL DEFAULT 0,  -- reported in an article's first paragraph
    mentions       INTEGER NOT NULL,            -- sentence-events merged (GDELT NumMentions)
    num_articles   INTEGER NOT NULL,
    num_sources    INTEGER NOT NULL,            -- distinct outlets
    articles       TEXT NOT NULL DEFAULT '[]',  -- JSON list of article ids, first report first
    sources        TEXT NOT NULL DEFAULT '[]',  -- JSON list of article URLs (the input source when no URL)
    article_id     TEXT,                        -- the first article that reported it
    sentence       TEXT,                        -- the first sentence that reported it
    story_id       TEXT,
    confidence     REAL NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_source ON events(source);
CREATE INDEX IF NOT EXISTS events_target ON events(target);
CREATE INDEX IF NOT EXISTS events_pair ON events(substr(source, 1, 3), substr(target, 1, 3), coalesce(date, '9999'), id);
CREATE INDEX IF NOT EXISTS events_source3 ON events(substr(source, 1, 3), coalesce(date, '9999'), id);
CREATE INDEX IF NOT EXISTS events_target3 ON events(substr(target, 1, 3), coalesce(date, '9999'), id);
CREATE INDEX IF NOT EXISTS events_source_actor ON events(source_actor COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS events_target_actor ON events(target_actor COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS event_links (
    event_id   TEXT NOT NULL,
    article_id TEXT NOT NULL,  -- no foreign key: a link outlives a deleted article until the next merge
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX IF NOT EXISTS event_links_article ON event_links(article_id);
"""

MENTION_COLUMNS = (
    "article_id", "i", "sentence_start", "sentence_end", "sentence", "cameo", "root", "goldstein", "quad",
    "plover", "plover_mode", "source", "target", "source_actor", "target_actor", "date", "date_basis",
    "location", "trigger", "trigger_start", "trigger_end", "negated", "hypothetical", "future", "confidence",
    "src_key", "tgt_key", "event_id",
)
EVENT_COLUMNS = (
    "id", "source", "target", "source_actor", "target_actor", "source_country", "target_country", "cameo",
    "root", "quad", "goldstein", "plover", "plover_mode", "date", "location", "status", "happened", "is_root",
    "mentions", "num_articles", "num_sources", "articles", "sources", "article_id", "sentence", "story_id",
    "confidence",
)
TABLES = ("event_mentions", "events", "event_links")

_CODE_LIKE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")


# ------------------------------------------------------------------- schema


def _statements(sql: str) -> list[str]:
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line.split("--", 1)[0] + ("\n" if "--" in line else "")
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    return out


def has_schema(store: "Store") -> bool:
    """True when the store has the event tables."""
    names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return set(TABLES) <= names


def ensure_schema(store: "Store") -> None:
    """Create the event tables if they are missing (idempotent; a no-op on a
    read-only store, whose readers then see no events)."""
    if getattr(store, "readonly", False):
        return
    if has_schema(store):
        missing = [stmt for stmt in _statements(SCHEMA) if stmt.upper().startswith("CREATE INDEX")
                   and store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                                          (stmt.split()[5],)).fetchone() is None]
        if not missing:
            return
        statements = missing  # indexes added since the store was made
    else:
        statements = _statements(SCHEMA)
    with store.transaction():
        for stmt in statements:
            store.conn.execute(stmt)


# ------------------------------------------------------------------ writing


def actor_key(code: str | None, name: str | None) -> str:
    """What identifies an actor when merging: its code, else its folded name."""
    if code:
        return code
    if name:
        return "name:" + fold(name)
    return ""


def _mention_row(article_id: str, i: int, e: Event) -> tuple:
    return (
        article_id, i, e.sentence_start, e.sentence_end, e.sentence, e.cameo, e.root or e.cameo[:2],
        float(e.goldstein), int(e.quad), e.plover, e.plover_mode, e.source, e.target, e.source_actor,
        e.target_actor, e.date, e.date_basis or "", e.location, e.trigger, e.trigger_start, e.trigger_end,
        int(bool(e.negated)), int(bool(e.hypothetical)), int(bool(e.future)), float(e.confidence),
        actor_key(e.source, e.source_actor), actor_key(e.target, e.target_actor), None,
    )


def save_event_mentions(store: "Store", article_id: str, events: Sequence[Event]) -> int:
    """Replace one article's sentence-events (all or nothing); returns how many.

    The merged ``events`` table is not touched: call
    ``dedup.merge(store, article_ids=[...])`` after a batch of saves."""
    ensure_schema(store)
    rows = [_mention_row(article_id, i, e) for i, e in enumerate(events)]
    with store.transaction():
        store.conn.execute("DELETE FROM event_mentions WHERE article_id = ?", (article_id,))
        store.conn.executemany(
            f"INSERT INTO event_mentions ({', '.join(MENTION_COLUMNS)}) VALUES ({', '.join('?' * len(MENTION_COLUMNS))})",
            rows,
        )
    return len(rows)


def unmerged_articles(store: "Store") -> list[str]:
    """Articles with sentence-events not merged into events yet (a run stopped between the two)."""
    ensure_schema(store)
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT article_id FROM event_mentions WHERE event_id IS NULL ORDER BY article_id")]


# ------------------------------------------------------------------ reading


def is_code(token: str) -> bool:
    """Does this filter token look like an actor code (USA, RUSGOV, IGO)?"""
    return bool(_CODE_LIKE.match(token))


def actor_clause(token: str, code_col: str, name_col: str) -> tuple[str, list]:
    """SQL (and arguments) matching one side of an event against an actor filter token."""
    token = token.strip()
    if is_code(token):
        # a code-like token has no spaces and is ASCII, so NOCASE equality is ew_fold equality here;
        # both terms can use an index (events_source / events_source_actor), which a 1M-event store needs
        return (f"({code_col} GLOB ? OR {name_col} = ? COLLATE NOCASE)",
                [_glob_escape(token) + "*", token])
    return f"(instr(ew_fold({name_col}), ?) > 0)", [fold(token)]


def actor_matches(token: str, code: str | None, name: str | None) -> bool:
    """The Python twin of ``actor_clause``."""
    token = token.strip()
    if is_code(token):
        return bool(code and code.startswith(token)) or bool(name and fold(name) == fold(token))
    return bool(name) and fold(token) in fold(name)


def fold(s: str | None) -> str | None:
    """Case- and space-folded text, for matching names (Unicode-aware, unlike SQLite's lower())."""
    return None if s is None else " ".join(s.casefold().split())


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the actor filters use (``ew_fold``); idempotent."""
    conn.create_function("ew_fold", 1, fold, deterministic=True)


def _glob_escape(s: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", s)


def parse_dyad(dyad: str | Sequence[str]) -> tuple[str, str]:
    """'USA-RUS', 'USA:RUS' or ('USA', 'RUS') -> ('USA', 'RUS').  Use ':' when a
    name has a hyphen in it ('Jean-Claude Juncker:Putin')."""
    if not isinstance(dyad, str):
        a, b = dyad
        return a.strip(), b.strip()
    for sep in (":", ",", "-"):
        if sep in dyad:
            a, b = dyad.split(sep, 1)
            if a.strip() and b.strip():
                return a.strip(), b.strip()
    raise ValueError(f"{dyad!r}: a dyad is two actors, e.g. USA-RUS or 'Donald Trump:Vladimir Putin'")


def dyad_clause(a: str, b: str, prefix: str = "") -> tuple[str, list]:
    """SQL matching events between a and b, in either direction."""
    sa, aa = actor_clause(a, f"{prefix}source", f"{prefix}source_actor")
    tb, ab = actor_clause(b, f"{prefix}target", f"{prefix}target_actor")
    sb, ab2 = actor_clause(b, f"{prefix}source", f"{prefix}source_actor")
    ta, aa2 = actor_clause(a, f"{prefix}target", f"{prefix}target_actor")
    return f"(({sa} AND {tb}) OR ({sb} AND {ta}))", [*aa, *ab, *ab2, *aa2]


def country_code(store: "Store", a: str) -> bool:
    """True when ``actor_clause(a, ...)`` reduces to "the code starts with a" (a 3-letter code token
    no actor is named after): ``events_source3``/``events_target3`` then answer it in date order."""
    return country_pair(store, a, a)


def country_pair(store: "Store", a: str, b: str) -> bool:
    """True when ``dyad_clause(a, b)`` reduces to "the codes start with a and b" (two 3-letter code
    tokens that no actor is named after), so that ``events_pair`` can answer it in date order."""
    if not (len(a) == len(b) == 3 and is_code(a) and is_code(b)):
        return False
    named = store.conn.execute(
        "SELECT 1 FROM events WHERE source_actor COLLATE NOCASE IN (?, ?) OR target_actor COLLATE NOCASE IN (?, ?) "
        "LIMIT 1", (a, b, a, b)).fetchone()
    return named is None


def _event_dict(row) -> dict:
    d = dict(zip(EVENT_COLUMNS, row))
    d["articles"] = json.loads(d["articles"])
    d["sources"] = json.loads(d["sources"])
    d["happened"] = bool(d["happened"])
    d["is_root"] = bool(d["is_root"])
    return d


def events(
    store: "Store",
    actor: str | None = None,
    dyad: str | Sequence[str] | None = None,
    *,
    happened: bool | None = True,
    ids: Sequence[str] | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Merged events, oldest first (undated last).

    ``actor``: either side matches (see the module docstring); ``dyad``: 'A-B'
    or (a, b), either direction; ``happened``: True (default) only events that
    happened, False only those reported as negated/hypothetical/future, None all.
    Each dict has the ``events`` columns, with ``articles``/``sources`` as lists."""
    if not has_schema(store):
        return []
    register_functions(store.conn)
    where, args = [], []
    if actor:
        s, sa = actor_clause(actor, "source", "source_actor")
        t, ta = actor_clause(actor, "target", "target_actor")
        where.append(f"({s} OR {t})")
        args += [*sa, *ta]
    if dyad:
        a, b = parse_dyad(dyad)
        if country_pair(store, a, b):  # the same rows, from the events_pair index
            clause = ("((substr(source, 1, 3) = ? AND substr(target, 1, 3) = ?) "
                      "OR (substr(source, 1, 3) = ? AND substr(target, 1, 3) = ?))")
            dargs = [a, b, b, a]
        else:
            clause, dargs = dyad_clause(a, b)
        where.append(clause)
        args += dargs
    if happened is not None:
        where.append("happened = ?")
        args.append(int(happened))
    if ids is not None:
        if not ids:
            return []
        where.append(f"id IN ({', '.join('?' * len(ids))})")
        args += list(ids)
    sql = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY coalesce(date, '9999'), id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_event_dict(r) for r in store.conn.execute(sql, args)]


def event_mentions(store: "Store", *, article_id: str | None = None, event_id: str | None = None) -> list[dict]:
    """Sentence-events as stored (flags as booleans), in article order."""
    if not has_schema(store):
        return []
    where, args = [], []
    if article_id is not None:
        where.append("m.article_id = ?")
        args.append(article_id)
    if event_id is not None:
        where.append("m.event_id = ?")
        args.append(event_id)
    cols = ", ".join(f"m.{c}" for c in MENTION_COLUMNS)
    sql = f"SELECT {cols} FROM event_mentions m JOIN articles a ON a.id = m.article_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY coalesce(a.published, '9999'), a.n, m.i"
    out = []
    for r in store.conn.execute(sql, args):
        d = dict(zip(MENTION_COLUMNS, r))
        for flag in ("negated", "hypothetical", "future"):
            d[flag] = bool(d[flag])
        del d["src_key"], d["tgt_key"]
        out.append(d)
    return out


def unmerged(store: "Store") -> int:
    """Sentence-events saved but not merged into events yet."""
    if not has_schema(store):
        return 0
    return store.conn.execute("SELECT count(*) FROM event_mentions WHERE event_id IS NULL").fetchone()[0]
