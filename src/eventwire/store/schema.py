"""The store's schema, as an ordered list of migrations.

``PRAGMA user_version`` holds the number of migrations applied.  A new
version of eventwire appends migrations; it never edits an old one.  Opening
a store whose version is newer than this code knows is refused (E301), so an
old eventwire never scribbles over a newer store.
"""
from __future__ import annotations

APPLICATION_ID = 0x45577772  # "EWwr": marks a SQLite file as an eventwire store

MIGRATIONS: list[str] = [
    # 1: the spine: inputs kept verbatim, articles, FTS5 index, errors, runs, furniture
    """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT
    );

    -- Every document as read, verbatim, keyed by the hash of its bytes.
    CREATE TABLE inputs (
        sha256     TEXT PRIMARY KEY,
        source     TEXT NOT NULL,
        path       TEXT NOT NULL,
        format     TEXT NOT NULL,
        encoding   TEXT,
        size       INTEGER NOT NULL,
        raw        BLOB NOT NULL,
        first_seen TEXT NOT NULL
    );

    CREATE TABLE articles (
        n                    INTEGER PRIMARY KEY,   -- stable rowid for the FTS index
        id                   TEXT NOT NULL UNIQUE,  -- hash of the normalised content
        input_sha256         TEXT REFERENCES inputs(sha256),
        source               TEXT NOT NULL,
        path                 TEXT NOT NULL,
        format               TEXT NOT NULL,
        url                  TEXT,
        outlet               TEXT,
        outlet_basis         TEXT,
        title                TEXT,
        byline               TEXT,
        published            TEXT,
        published_basis      TEXT NOT NULL,
        published_confidence REAL NOT NULL DEFAULT 0,
        language             TEXT,
        dateline             TEXT,
        flags                TEXT NOT NULL DEFAULT '[]',  -- JSON list
        body                 TEXT NOT NULL,
        removed              TEXT NOT NULL DEFAULT '[]',  -- JSON list of {line, reason}
        furniture_group      TEXT,
        ingested_at          TEXT NOT NULL
    );
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_group ON articles(furniture_group);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='n', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.n, coalesce(new.title, ''), new.body);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.n, coalesce(old.title, ''), old.body);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.n, coalesce(old.title, ''), old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.n, coalesce(new.title, ''), new.body);
    END;

    -- Inputs that could not be read or extracted, with what was read when small.
    CREATE TABLE errors (
        id     INTEGER PRIMARY KEY,
        run_id INTEGER,
        path   TEXT NOT NULL,
        code   TEXT NOT NULL,
        reason TEXT NOT NULL,
        raw    BLOB,
        at     TEXT NOT NULL
    );

    CREATE TABLE runs (
        id         INTEGER PRIMARY KEY,
        command    TEXT NOT NULL,
        started    TEXT NOT NULL,
        finished   TEXT,
        status     TEXT NOT NULL DEFAULT 'running',  -- running | done | failed
        stats      TEXT NOT NULL DEFAULT '{}'
    );

    -- Corpus-level furniture: how many documents of a group carry a line.
    CREATE TABLE furniture_lines (
        grp  TEXT NOT NULL,
        line TEXT NOT NULL,
        docs INTEGER NOT NULL,
        PRIMARY KEY (grp, line)
    );
    CREATE TABLE furniture_groups (
        grp  TEXT PRIMARY KEY,
        docs INTEGER NOT NULL
    );
    """,
    # 2: the language pass: sentences, mentions, entities with actors, quotes, times, learned actors
    """
    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version    INTEGER NOT NULL,
        flags      TEXT NOT NULL DEFAULT '[]',
        at         TEXT NOT NULL
    );
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        i          INTEGER NOT NULL,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        PRIMARY KEY (article_id, i)
    );
    -- One row per within-article entity (a cluster of mentions), with what it resolved to.
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity     INTEGER NOT NULL,
        name       TEXT NOT NULL,
        label      TEXT NOT NULL,
        descriptors TEXT NOT NULL DEFAULT '[]',
        actor_name TEXT,
        kind       TEXT,
        country    TEXT,
        sector     TEXT,
        role       TEXT,
        as_of      TEXT,
        basis      TEXT,
        PRIMARY KEY (article_id, entity)
    );
    CREATE INDEX entities_actor ON entities(actor_name);
    CREATE INDEX entities_country ON entities(country);
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        text       TEXT NOT NULL,
        label      TEXT NOT NULL,
        entity     INTEGER
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE TABLE quotes (
        article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        i               INTEGER NOT NULL,
        start           INTEGER NOT NULL,
        "end"           INTEGER NOT NULL,
        text            TEXT NOT NULL,
        speaker         TEXT,
        speaker_mention TEXT,
        speaker_start   INTEGER,
        speaker_end     INTEGER,
        cue             TEXT,
        partial         INTEGER NOT NULL DEFAULT 0,
        via             TEXT,
        actor_name      TEXT,
        country         TEXT,
        sector          TEXT,
        actor_basis     TEXT,
        PRIMARY KEY (article_id, i)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        text       TEXT NOT NULL,
        value      TEXT,
        kind       TEXT NOT NULL,
        basis      TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX times_article ON times(article_id);
    CREATE INDEX times_value ON times(value);
    -- The knowledge base learned from the corpus (persons introduced with a role).
    CREATE TABLE kb_facts (
        name       TEXT NOT NULL,
        country    TEXT,
        sector     TEXT,
        role       TEXT,
        as_of      TEXT,
        article_id TEXT NOT NULL,
        UNIQUE (name, article_id, role)
    );
    """,
]

def _append_stage_schemas() -> None:
    """Later stages keep their tables' SQL beside their code; each is one migration, in this order."""
    from ..events.store import SCHEMA as EVENTS
    from ..stories.store import SCHEMA as STORIES

    MIGRATIONS.append(EVENTS)  # 3: coded events, one per happening
    MIGRATIONS.append(STORIES)  # 4: stories, their members, threads
    MIGRATIONS.append("ALTER TABLE quotes ADD COLUMN speaker_kind TEXT;")  # 5: what a quote's speaker is


_append_stage_schemas()
SCHEMA_VERSION = len(MIGRATIONS)
