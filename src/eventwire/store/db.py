"""SQLite store: one writer, read-only readers, WAL.

Consistency rule: everything that belongs to one input file is written in
one transaction (``Store.transaction``).  A crash mid-run therefore leaves
whole files stored or not at all; re-running the ingest skips what is there
(ids are content hashes) and completes the rest.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import EventwireError
from ..records import Article, ReadError, Removed
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

ARTICLE_COLUMNS = (
    "id", "source", "path", "format", "url", "outlet", "outlet_basis", "title", "byline",
    "published", "published_basis", "published_confidence", "language", "dateline", "flags",
    "body", "removed", "ingested_at",
)
MAX_ERROR_RAW = 1_000_000  # bytes of a failed input kept in the errors table


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def default_db() -> str:
    return os.environ.get("EVENTWIRE_DB") or "eventwire.db"


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str
    snippet: str
    rank: float


# ------------------------------------------------------------- language pass


QUOTE_COLUMNS = """q.article_id, a.source, a.published, q.speaker, q.actor_name, q.country, q.sector,
                   q.actor_basis, q.text, q.partial, q.via, q.cue, q.speaker_mention, q.start, q."end",
                   q.speaker_kind"""


def quote_filters(speaker: str | None, article_id: str | None) -> tuple[list[str], list]:
    """SQL conditions (and arguments) for `eventwire quotes --speaker/--article`."""
    where, args = [], []
    if speaker:
        where.append("(q.speaker LIKE ? OR q.actor_name LIKE ? OR q.speaker_mention LIKE ?)")
        args += [f"%{speaker}%"] * 3
    if article_id:
        where.append("q.article_id = ?")
        args.append(article_id)
    return where, args


def quote_dict(r) -> dict:
    """A row of ``QUOTE_COLUMNS`` as the dict `eventwire quotes --json` prints."""
    actor = {"name": r[4], "country": r[5], "sector": r[6], "basis": r[7]} if (r[4] or r[5]) else None
    return {"article_id": r[0], "source": r[1], "published": r[2], "speaker": r[3], "speaker_actor": actor,
            "text": r[8], "partial": bool(r[9]), "via": r[10], "cue": r[11], "speaker_mention": r[12],
            "start": r[13], "end": r[14], "speaker_kind": r[15]}


def _actor_cols(actor) -> tuple:
    if actor is None:
        return (None, None, None, None, None, None, None)
    return (actor.name, actor.kind, actor.country, actor.sector, actor.role, actor.as_of, actor.basis)


class AnalysisStore:
    """Reading and writing the language pass's results (mixed into Store)."""

    conn: sqlite3.Connection

    def save_analysis(self, analysis, version: int) -> None:
        """Replace one article's analysis, all or nothing."""
        aid = analysis.article_id
        with self.transaction():
            for table in ("sentences", "entities", "mentions", "quotes", "times", "analyses"):
                self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
            self.conn.executemany(
                "INSERT INTO sentences VALUES (?, ?, ?, ?)",
                [(aid, i, s.start, s.end) for i, s in enumerate(analysis.sentences)],
            )
            self.conn.executemany(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (aid, i, e.name, e.label, json.dumps(list(e.descriptors), ensure_ascii=False), *_actor_cols(e.actor))
                    for i, e in enumerate(analysis.entities)
                ],
            )
            self.conn.executemany(
                "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
                [(aid, m.start, m.end, m.text, m.label, m.entity) for m in analysis.mentions],
            )
            self.conn.executemany(
                """INSERT INTO quotes (article_id, i, start, "end", text, speaker, speaker_mention, speaker_start,
                       speaker_end, cue, partial, via, actor_name, country, sector, actor_basis, speaker_kind)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    (aid, i, q.start, q.end, q.text, q.speaker, q.speaker_mention, q.speaker_start, q.speaker_end,
                     q.cue, int(q.partial), q.via,
                     *((q.speaker_actor.name, q.speaker_actor.country, q.speaker_actor.sector, q.speaker_actor.basis)
                       if q.speaker_actor else (None, None, None, None)), q.speaker_kind)
                    for i, q in enumerate(analysis.quotes)
                ],
            )
            self.conn.executemany(
                "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(aid, t.start, t.end, t.text, t.value, t.kind, t.basis) for t in analysis.times],
            )
            self.conn.execute(
                "INSERT INTO analyses VALUES (?, ?, ?, ?)", (aid, version, json.dumps(list(analysis.flags)), now())
            )

    def unanalysed(self, version: int) -> list[str]:
        """Ids of articles without an analysis of this version, in publication order."""
        rows = self.conn.execute(
            """SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id
               WHERE n.version IS NULL OR n.version < ?
               ORDER BY coalesce(a.published, '9999'), a.n""",
            (version,),
        )
        return [r[0] for r in rows]

    def quotes(self, *, speaker: str | None = None, article_id: str | None = None) -> list[dict]:
        where, args = quote_filters(speaker, article_id)
        sql = f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY coalesce(a.published, '9999'), a.n, q.i"
        return [quote_dict(r) for r in self.conn.execute(sql, args)]

    def times(self, *, article_id: str | None = None) -> list[dict]:
        sql = """SELECT t.article_id, a.source, a.published, t.text, t.value, t.kind, t.basis, t.start, t."end"
                 FROM times t JOIN articles a ON a.id = t.article_id"""
        args: list = []
        if article_id:
            sql += " WHERE t.article_id = ?"
            args.append(article_id)
        sql += " ORDER BY coalesce(a.published, '9999'), a.n, t.start"
        keys = ("article_id", "source", "published", "text", "value", "kind", "basis", "start", "end")
        return [dict(zip(keys, r)) for r in self.conn.execute(sql, args)]

    def actors(self) -> list[dict]:
        """Resolved actors with their number of mentions and where they were learned."""
        rows = self.conn.execute(
            """SELECT e.actor_name, e.kind, e.country, e.sector,
                      group_concat(DISTINCT e.role), group_concat(DISTINCT e.basis),
                      count(DISTINCT e.article_id), sum(m.n), min(a.published), max(a.published)
               FROM entities e
               JOIN articles a ON a.id = e.article_id
               LEFT JOIN (SELECT article_id, entity, count(*) n FROM mentions GROUP BY article_id, entity) m
                      ON m.article_id = e.article_id AND m.entity = e.entity
               WHERE e.actor_name IS NOT NULL
               GROUP BY e.actor_name, e.country, e.sector
               ORDER BY sum(m.n) DESC, e.actor_name"""
        )
        out = []
        for r in rows:
            out.append({
                "name": r[0], "kind": r[1], "country": r[2], "sector": r[3],
                "code": (r[2] or "") + (r[3] or "") or None,
                "roles": sorted(set((r[4] or "").split(",")) - {""}),
                "provenance": sorted(set((r[5] or "").split(",")) - {""}),
                "articles": r[6], "mentions": r[7] or 0, "first": r[8], "last": r[9],
            })
        return out

    KB_COLUMNS = ("name", "country", "sector", "role", "as_of", "article_id")

    def kb_rows(self) -> list[dict]:
        """Facts the knowledge base learned, as dicts, oldest first."""
        cols = ", ".join(self.KB_COLUMNS)
        return [dict(zip(self.KB_COLUMNS, r)) for r in self.conn.execute(f"SELECT {cols} FROM kb_facts ORDER BY rowid")]

    def save_kb(self, rows: Iterable[dict]) -> None:
        with self.transaction():
            self.conn.executemany(
                "INSERT OR IGNORE INTO kb_facts VALUES (?, ?, ?, ?, ?, ?)",
                [tuple(r.get(c) for c in self.KB_COLUMNS) for r in rows],
            )


class Store(AnalysisStore):
    """An eventwire store.  ``Store(path)`` opens for writing (creating and
    migrating as needed); ``Store(path, readonly=True)`` opens an existing
    store for reading only, safe beside a running writer."""

    def __init__(self, path: str | os.PathLike | None = None, *, readonly: bool = False):
        self.path = str(path or default_db())
        self.readonly = readonly
        self._lock_depth, self._lock_fd = 0, None
        if os.path.isdir(self.path):
            raise EventwireError("E305", f"{self.path} is a folder; give the store's file "
                                         f"(for example {os.path.join(self.path, 'eventwire.db')})")
        if readonly and not Path(self.path).exists():
            raise EventwireError("E302", f"{self.path}: no such store (run `eventwire ingest` first)")
        try:
            self.conn = self._connect(readonly)
            self._check_and_migrate()
        except sqlite3.OperationalError as exc:
            if not readonly:
                raise EventwireError("E305", f"{self.path}: {exc} (is the folder writable, and the "
                                             "file an eventwire store?)") from None
            # a store on read-only media, or one whose folder we cannot write (WAL needs its
            # -shm file): read it as immutable
            self.conn = self._connect(readonly, immutable=True)
            self._check_and_migrate()

    def _connect(self, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
        if readonly:
            uri = Path(self.path).resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        else:
            conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._in_tx = False
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        return conn

    # ------------------------------------------------------------------ lifecycle

    def _check_and_migrate(self) -> None:
        conn = self.conn
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise EventwireError("E302", f"{self.path}: {exc}") from None
        if version > SCHEMA_VERSION:
            raise EventwireError(
                "E301", f"{self.path} has schema {version}, this eventwire knows {SCHEMA_VERSION}: upgrade eventwire"
            )
        if version and app_id != APPLICATION_ID:
            raise EventwireError("E302", f"{self.path}: a SQLite file, but not an eventwire store")
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise EventwireError("E302", f"{self.path}: a SQLite file with other tables, not an eventwire store")
        if self.readonly:
            if version < SCHEMA_VERSION:
                self._migrate_for_reading(version)
            return
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        for number in range(version, SCHEMA_VERSION):
            # executescript commits first; the migration and the version bump commit together.
            conn.executescript(
                "BEGIN;\n" + MIGRATIONS[number]
                + f"\nPRAGMA user_version = {number + 1};\nPRAGMA application_id = {APPLICATION_ID};\nCOMMIT;"
            )
        if version == 0:
            with self.transaction():
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('created', ?)", (now(),))

    def _migrate_for_reading(self, version: int) -> None:
        """An older store opened for reading: migrate it once through a writer (each step is one
        transaction, so a reader beside it sees the old or the new schema, never half)."""
        try:
            Store(self.path).close()
        except (EventwireError, sqlite3.Error) as exc:
            raise EventwireError(
                "E307", f"{self.path} has the older schema {version} (this eventwire reads {SCHEMA_VERSION}) "
                        f"and could not be upgraded here: {exc}; open it once where it can be written") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing block; nests (inner blocks join the outer one)."""
        if self._in_tx:
            yield self.conn
            return
        self._in_tx = True
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._in_tx = False

    # -------------------------------------------------------------------- writing

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_input(self, raw: bytes, *, source: str, path: str, format: str, encoding: str | None) -> str:
        digest = sha256(raw)
        with self.transaction():
            self.conn.execute(
                "INSERT OR IGNORE INTO inputs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (digest, source, path, format, encoding, len(raw), raw, now()),
            )
        return digest

    def add_article(self, article: Article, *, input_sha256: str | None, group: str | None) -> bool:
        """Insert unless an article with this id exists; True when added."""
        row = _article_row(article)
        with self.transaction():
            cur = self.conn.execute(
                f"INSERT OR IGNORE INTO articles ({', '.join(ARTICLE_COLUMNS)}, input_sha256, furniture_group) "
                f"VALUES ({', '.join('?' * (len(ARTICLE_COLUMNS) + 2))})",
                (*row, input_sha256, group),
            )
        return cur.rowcount == 1

    def update_article(self, article_id: str, **fields) -> None:
        allowed = set(ARTICLE_COLUMNS) - {"id"}
        bad = set(fields) - allowed
        if bad:
            raise ValueError(f"not article columns: {sorted(bad)}")
        values = [_encode(k, v) for k, v in fields.items()]
        with self.transaction():
            self.conn.execute(
                f"UPDATE articles SET {', '.join(f'{k} = ?' for k in fields)} WHERE id = ?",
                (*values, article_id),
            )

    def add_error(self, error: ReadError, run_id: int | None = None) -> None:
        raw = error.raw if error.raw is not None and len(error.raw) <= MAX_ERROR_RAW else None
        with self.transaction():
            self.conn.execute(
                "INSERT INTO errors (run_id, path, code, reason, raw, at) VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, error.path, error.code, error.reason, raw, now()),
            )

    def start_run(self, command: str) -> int:
        """Record a run; takes the writer lock (see ``exclusive``) until ``finish_run``."""
        self._acquire()
        try:
            with self.transaction():
                cur = self.conn.execute("INSERT INTO runs (command, started) VALUES (?, ?)", (command, now()))
        except BaseException:
            self._release()
            raise
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, status: str, stats: dict) -> None:
        try:
            with self.transaction():
                self.conn.execute(
                    "UPDATE runs SET finished = ?, status = ?, stats = ? WHERE id = ?",
                    (now(), status, json.dumps(stats), run_id),
                )
        finally:
            self._release()

    # ------------------------------------------------------------ one writer at a time

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the store's writer lock: a second ingest or analysis into the same store, from any
        process, is refused at once with E306 rather than interleaving its batches.  Readers are
        never blocked.  The lock is a ``flock`` on ``<store>.lock`` (released by the system when a
        process dies); on taking it, runs still marked ``running`` are left over from a killed
        process and are marked ``interrupted``.  Re-entrant within one Store."""
        self._acquire()
        try:
            yield
        finally:
            self._release()

    def _acquire(self) -> None:
        if self._lock_depth == 0 and self.path != ":memory:":
            import fcntl

            try:
                fd = os.open(self.path + ".lock", os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                fd = None  # a folder we cannot write beside the store: no lock, as before
            if fd is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                    os.close(fd)
                    raise EventwireError(
                        "E306", f"{self.path}: another eventwire process (pid {holder}) is writing to it; "
                                "run again when it has finished (reading works meanwhile)") from None
                os.ftruncate(fd, 0)
                os.pwrite(fd, str(os.getpid()).encode(), 0)
                self._lock_fd = fd
                with self.transaction():
                    self.conn.execute("UPDATE runs SET status = 'interrupted', finished = ? "
                                      "WHERE status = 'running'", (now(),))
        self._lock_depth += 1

    def _release(self) -> None:
        self._lock_depth -= 1
        if self._lock_depth == 0 and self._lock_fd is not None:
            import fcntl

            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    # ------------------------------------------------------------ furniture model

    def furniture_rows(self) -> tuple[list[tuple[str, str, int]], list[tuple[str, int]]]:
        lines = [tuple(r) for r in self.conn.execute("SELECT grp, line, docs FROM furniture_lines")]
        groups = [tuple(r) for r in self.conn.execute("SELECT grp, docs FROM furniture_groups")]
        return lines, groups

    def save_furniture(self, lines: Iterable[tuple[str, str, int]], groups: Iterable[tuple[str, int]]) -> None:
        with self.transaction():
            self.conn.executemany("INSERT OR REPLACE INTO furniture_lines VALUES (?, ?, ?)", lines)
            self.conn.executemany("INSERT OR REPLACE INTO furniture_groups VALUES (?, ?)", groups)

    # -------------------------------------------------------------------- reading

    def article(self, article_id: str) -> Article:
        row = self.conn.execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            # allow unambiguous id prefixes, as git does
            rows = self.conn.execute(
                f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id LIKE ? || '%' LIMIT 2",
                (article_id.replace("%", "").replace("_", ""),),
            ).fetchall()
            if len(rows) != 1 or len(article_id) < 4:
                raise EventwireError("E304", article_id)
            row = rows[0]
        return _article_from_row(row)

    def articles(
        self,
        *,
        outlet: str | None = None,
        group: str | None = None,
        ids: Sequence[str] | None = None,
        undated: bool = False,
        limit: int | None = None,
    ) -> Iterator[Article]:
        where, args = [], []
        if undated:
            where.append("published IS NULL")
        if outlet is not None:
            where.append("outlet = ?")
            args.append(outlet)
        if group is not None:
            where.append("furniture_group = ?")
            args.append(group)
        if ids is not None:
            where.append(f"id IN ({', '.join('?' * len(ids))})")
            args.extend(ids)
        sql = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY coalesce(published, '9999'), n"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for row in self.conn.execute(sql, args):
            yield _article_from_row(row)

    def article_index(self, *, outlet: str | None = None, limit: int | None = None) -> Iterator[tuple]:
        """(id, published, outlet, title, language) of articles, in ``articles`` order, without
        reading bodies: what a listing needs."""
        sql = "SELECT id, published, outlet, title, language FROM articles"
        args: list = []
        if outlet is not None:
            sql += " WHERE outlet = ?"
            args.append(outlet)
        sql += " ORDER BY coalesce(published, '9999'), n"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        yield from self.conn.execute(sql, args)

    def raw_input(self, article_id: str) -> bytes | None:
        row = self.conn.execute(
            "SELECT i.raw FROM articles a JOIN inputs i ON i.sha256 = a.input_sha256 WHERE a.id = ?", (article_id,)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def count(self, table: str = "articles") -> int:
        if table not in {"articles", "inputs", "errors", "runs"}:
            raise ValueError(table)
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def errors(self, limit: int = 100) -> list[dict]:
        rows = self.conn.execute(
            "SELECT path, code, reason, at FROM errors ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [dict(r) for r in rows]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search (FTS5 syntax: words, "phrases", AND/OR/NOT, prefix*), best first."""
        if not query.strip():
            raise EventwireError("E303", "the query is empty")
        try:
            rows = self.conn.execute(
                """SELECT a.id, a.title, a.outlet, a.published, a.source,
                          snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snip,
                          bm25(articles_fts, 3.0, 1.0) AS rank
                   FROM articles_fts JOIN articles a ON a.n = articles_fts.rowid
                   WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?""",
                (query, int(limit)),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            msg = str(exc)
            if "locked" not in msg and "no such table" not in msg:
                raise EventwireError(
                    "E303", f"{query!r}: {msg}. Put words with punctuation in double quotes, e.g. '\"U.S.-Russia\"'"
                ) from None
            raise
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows]

    def summary(self) -> dict:
        conn = self.conn
        outlets = conn.execute(
            "SELECT coalesce(outlet, '(unknown)') o, count(*) c FROM articles GROUP BY o ORDER BY c DESC, o"
        ).fetchall()
        languages = conn.execute(
            "SELECT coalesce(language, '(unknown)') l, count(*) c FROM articles GROUP BY l ORDER BY c DESC, l"
        ).fetchall()
        lo, hi, dated = conn.execute(
            "SELECT min(published), max(published), count(published) FROM articles"
        ).fetchone()
        formats = conn.execute("SELECT format, count(*) FROM articles GROUP BY format ORDER BY 2 DESC").fetchall()
        analysed, quotes, times, actors = conn.execute(
            """SELECT (SELECT count(*) FROM analyses), (SELECT count(*) FROM quotes), (SELECT count(*) FROM times),
                      (SELECT count(DISTINCT actor_name) FROM entities WHERE actor_name IS NOT NULL)"""
        ).fetchone()
        stories, threads, events, reports = conn.execute(
            """SELECT (SELECT count(*) FROM stories), (SELECT count(DISTINCT thread) FROM stories),
                      (SELECT count(*) FROM events WHERE happened = 1), (SELECT count(*) FROM event_mentions)"""
        ).fetchone()
        return {
            "stories": stories,
            "threads": threads,
            "events": events,
            "event_reports": reports,
            "analysed": analysed,
            "quotes": quotes,
            "times": times,
            "actors": actors,
            "articles": self.count("articles"),
            "inputs": self.count("inputs"),
            "errors": self.count("errors"),
            "dated": dated,
            "date_range": [lo, hi],
            "outlets": {r[0]: r[1] for r in outlets},
            "languages": {r[0]: r[1] for r in languages},
            "formats": {r[0]: r[1] for r in formats},
        }


# ---------------------------------------------------------------------- row codec


def _encode(column: str, value):
    if column == "flags":
        return json.dumps(list(value))
    if column == "removed":
        return json.dumps([{"line": r.line, "reason": r.reason} for r in value], ensure_ascii=False)
    return value


def _article_row(a: Article) -> tuple:
    return tuple(_encode(c, getattr(a, c)) for c in ARTICLE_COLUMNS)


def _article_from_row(row: sqlite3.Row) -> Article:
    d = dict(zip(ARTICLE_COLUMNS, row))
    d["flags"] = tuple(json.loads(d["flags"]))
    d["removed"] = tuple(Removed(r["line"], r["reason"]) for r in json.loads(d["removed"]))
    return Article(**d)
