"""Where stories, their members and threads live in the store.

``SCHEMA`` is idempotent (CREATE ... IF NOT EXISTS): the lead appends it as a
migration; until then ``ensure_schema(store)`` creates the tables on demand.
"""
from __future__ import annotations

import json

SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id              TEXT PRIMARY KEY,          -- 's-' + the id of the article that opened it (stable)
    date            TEXT,                      -- ISO date of the happening
    headline        TEXT,
    summary         TEXT,
    thread          TEXT,
    key_quotes      TEXT NOT NULL DEFAULT '[]', -- JSON: [{text, speaker, articles}]
    actors          TEXT NOT NULL DEFAULT '[]', -- JSON: [{name, kind, country, sector, articles, mentions}]
    size            INTEGER NOT NULL DEFAULT 0,
    first_published TEXT,
    last_published  TEXT,
    updated         TEXT
);
CREATE INDEX IF NOT EXISTS stories_date ON stories(date);
CREATE INDEX IF NOT EXISTS stories_thread ON stories(thread);
CREATE TABLE IF NOT EXISTS story_members (
    article_id      TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id        TEXT NOT NULL,
    role            TEXT NOT NULL,             -- original | report | reprint | rewrite
    copy_of         TEXT,                      -- for reprints and rewrites: the article copied
    copy_score      REAL,
    score           REAL,                      -- similarity to the story when it joined
    happening       TEXT,
    happening_basis TEXT
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story_id);
CREATE TABLE IF NOT EXISTS story_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash    BLOB NOT NULL                   -- 128 uint64 MinHash values of word 5-gram shingles
);
CREATE TABLE IF NOT EXISTS story_vocab (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL                      -- grouped articles containing the (stemmed) word
);
CREATE TABLE IF NOT EXISTS threads (
    id      TEXT PRIMARY KEY,                  -- 't-' + the id of its first story
    start   TEXT,
    "end"   TEXT,
    label   TEXT,
    actors  TEXT NOT NULL DEFAULT '[]',
    stories TEXT NOT NULL DEFAULT '[]'         -- JSON: story ids in date order
);
"""


TABLES = {"stories", "story_members", "story_signatures", "story_vocab", "threads"}


def has_schema(store) -> bool:
    have = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return TABLES <= have


def ensure_schema(store) -> None:
    """Create the story tables when absent (safe before and after the lead's migration).
    Does nothing when they exist, so it never commits a caller's open transaction."""
    if not has_schema(store):
        store.conn.executescript(SCHEMA)


def _story_row(r) -> dict:
    return {
        "id": r[0], "date": r[1], "headline": r[2], "summary": r[3], "thread": r[4],
        "key_quotes": json.loads(r[5]), "main_actors": json.loads(r[6])[:5], "size": r[7],
        "first_published": r[8], "last_published": r[9],
    }


COLS = "id, date, headline, summary, thread, key_quotes, actors, size, first_published, last_published"


def stories(store, *, thread: str | None = None) -> list[dict]:
    """All stories, by date: id, date, headline, summary, articles (ids), thread, size, ..."""
    if not has_schema(store):  # nothing grouped yet (works on read-only stores)
        return []
    members: dict[str, list[str]] = {}
    for sid, aid in store.conn.execute(
            """SELECT m.story_id, m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id
               ORDER BY coalesce(a.published, '9999'), a.n"""):
        members.setdefault(sid, []).append(aid)
    sql = f"SELECT {COLS} FROM stories"
    args: list = []
    if thread:
        sql += " WHERE thread = ?"
        args.append(thread)
    sql += " ORDER BY coalesce(date, '9999'), id"
    out = []
    for r in store.conn.execute(sql, args):
        d = _story_row(r)
        d["articles"] = members.get(d["id"], [])
        out.append(d)
    return out


def story(store, story_id: str) -> dict | None:
    """One story (or an unambiguous id prefix) with its members and roles, key quotes, main actors."""
    if not has_schema(store):  # nothing grouped yet (works on read-only stores)
        return None
    r = store.conn.execute(f"SELECT {COLS} FROM stories WHERE id = ?", (story_id,)).fetchone()
    if r is None:
        rows = store.conn.execute(f"SELECT {COLS} FROM stories WHERE id LIKE ? || '%' LIMIT 2",
                                  (story_id.replace("%", "").replace("_", ""),)).fetchall()
        if len(rows) != 1:
            return None
        r = rows[0]
    d = _story_row(r)
    d["main_actors"] = json.loads(r[6])[:8]
    d["members"] = [
        {"article_id": m[0], "role": m[1], "copy_of": m[2], "copy_score": m[3], "score": m[4], "happening": m[5],
         "title": m[6], "outlet": m[7], "published": m[8], "source": m[9]}
        for m in store.conn.execute(
            """SELECT m.article_id, m.role, m.copy_of, m.copy_score, m.score, m.happening,
                      a.title, a.outlet, a.published, a.source
               FROM story_members m JOIN articles a ON a.id = m.article_id
               WHERE m.story_id = ? ORDER BY coalesce(a.published, '9999'), a.n""", (d["id"],))
    ]
    d["articles"] = [m["article_id"] for m in d["members"]]
    return d


def threads(store) -> list[dict]:
    if not has_schema(store):  # nothing grouped yet (works on read-only stores)
        return []
    return [
        {"id": r[0], "start": r[1], "end": r[2], "label": r[3], "actors": json.loads(r[4]), "stories": json.loads(r[5])}
        for r in store.conn.execute('SELECT id, start, "end", label, actors, stories FROM threads ORDER BY start, id')
    ]


def save_stories(store, stories_: list[dict], members: list[dict]) -> None:
    """Upsert stories (dicts with the ``stories`` columns) and members (``story_members`` columns).
    The caller holds the transaction."""
    store.conn.executemany(
        f"""INSERT OR REPLACE INTO stories ({COLS}, updated)
            VALUES (:id, :date, :headline, :summary, :thread, :key_quotes, :actors, :size,
                    :first_published, :last_published, :updated)""",
        [{**s, "key_quotes": json.dumps(s.get("key_quotes", []), ensure_ascii=False),
          "actors": json.dumps(s.get("actors", []), ensure_ascii=False)} for s in stories_],
    )
    store.conn.executemany(
        """INSERT OR REPLACE INTO story_members
           (article_id, story_id, role, copy_of, copy_score, score, happening, happening_basis)
           VALUES (:article_id, :story_id, :role, :copy_of, :copy_score, :score, :happening, :happening_basis)""",
        members,
    )


def save_threads(store, rows: list[dict], story_thread: dict[str, str]) -> None:
    store.conn.execute("DELETE FROM threads")
    store.conn.executemany(
        'INSERT INTO threads (id, start, "end", label, actors, stories) VALUES (?, ?, ?, ?, ?, ?)',
        [(t["id"], t["start"], t["end"], t["label"], json.dumps(t["actors"], ensure_ascii=False),
          json.dumps(t["stories"])) for t in rows],
    )
    store.conn.executemany("UPDATE stories SET thread = ? WHERE id = ?", [(t, s) for s, t in story_thread.items()])
