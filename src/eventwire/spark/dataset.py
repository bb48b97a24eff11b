"""The Parquet dataset the Spark engine writes, and ``load``: a dataset into a SQLite store.

Layout: one folder per store table, its rows as Parquet files with the store's own columns;
the article-level tables (articles, sentences, entities, mentions, quotes, times, event reports,
story members), ``events`` and ``stories`` are partitioned by day (``day=2019-05-02``,
``day=undated``).  ``eventwire.json`` at the top says what wrote it and the run's report.

The dataset reads directly with DuckDB or pyarrow (see the README); ``load`` needs only
pyarrow (a default dependency), not Spark.
"""
from __future__ import annotations

import json
import os
import time

from ..errors import EventwireError
from .stages import BY_ARTICLE, BY_OWN_DATE

FORMAT = "eventwire-dataset"
FORMAT_VERSION = 1
MANIFEST = "eventwire.json"
PARTITION = frozenset(BY_ARTICLE) | frozenset(BY_OWN_DATE)
# tables in the order they are loaded (articles before what refers to them)
LOAD_ORDER = (
    "inputs", "articles", "errors", "furniture_lines", "furniture_groups", "analyses", "sentences",
    "entities", "mentions", "quotes", "times", "kb_facts", "event_mentions", "events", "event_links",
    "stories", "story_members", "story_signatures", "story_vocab", "threads",
)
BATCH_ROWS = 5_000


def write_manifest(out: str, report: dict) -> None:
    """``eventwire.json`` beside the tables (a local folder or any URI pyarrow's file systems
    open: hdfs://, s3://)."""
    from pyarrow import fs

    from .. import __version__

    text = json.dumps({"format": FORMAT, "version": FORMAT_VERSION, "eventwire": __version__,
                       "tables": sorted(report.get("tables", {})), "report": report}, indent=2)
    if "://" in out:
        filesystem, root = fs.FileSystem.from_uri(out)
    else:
        filesystem, root = fs.LocalFileSystem(), os.path.abspath(out)
    filesystem.create_dir(root, recursive=True)
    with filesystem.open_output_stream(f"{root.rstrip('/')}/{MANIFEST}") as fh:
        fh.write(text.encode("utf-8"))


def read_manifest(folder: str) -> dict:
    path = os.path.join(folder, MANIFEST)
    try:
        with open(path, encoding="utf-8") as fh:
            manifest = json.load(fh)
    except FileNotFoundError:
        raise EventwireError("E309", f"{folder}: no {MANIFEST} (write one with `eventwire ingest "
                                     "--engine spark ... --out DIR`)") from None
    except (OSError, ValueError) as exc:
        raise EventwireError("E309", f"{path}: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise EventwireError("E309", f"{path}: not an eventwire dataset manifest")
    if int(manifest.get("version", 0)) > FORMAT_VERSION:
        raise EventwireError("E309", f"{path}: dataset format {manifest.get('version')} is newer than this "
                                     f"eventwire reads ({FORMAT_VERSION}): upgrade eventwire")
    return manifest


def _table(folder: str, table: str):
    import pyarrow as pa
    import pyarrow.dataset as ds

    path = os.path.join(folder, table)
    if not os.path.isdir(path):
        return None
    partitioning = ds.partitioning(pa.schema([("day", pa.string())]), flavor="hive") if table in PARTITION else None
    return ds.dataset(path, format="parquet", partitioning=partitioning)


def load(folder: str, store, *, progress=None) -> dict:
    """Insert a dataset's rows into an empty store; returns rows per table (and what was ignored
    as a duplicate).  The store is written in one transaction: a failed load leaves it empty."""
    manifest = read_manifest(folder)
    if store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]:
        raise EventwireError("E308", f"{store.path} already holds articles; load into a new store "
                                     "(--db NEW.db), or ingest the inputs into this one")
    from .stages import table_columns

    columns = table_columns()
    counts: dict[str, int] = {}
    ignored: dict[str, int] = {}
    t0 = time.perf_counter()
    run_id = store.start_run("load")
    status = "failed"
    try:
        with store.transaction():
            for table in LOAD_ORDER:
                data = _table(folder, table)
                if data is None:
                    continue
                names = [c for c, _ in columns[table] if c in data.schema.names]
                if table == "errors":
                    names = [c for c in names if c not in ("id", "run_id")]
                sql = (f"INSERT OR IGNORE INTO {table} ({', '.join(_quote(c) for c in names)}) "
                       f"VALUES ({', '.join('?' * len(names))})")
                added = seen = 0
                for batch in data.to_batches(columns=names, batch_size=BATCH_ROWS):
                    rows = batch.to_pylist()
                    cur = store.conn.executemany(sql, [tuple(r[c] for c in names) for r in rows])
                    added += max(cur.rowcount, 0)
                    seen += len(rows)
                    if progress is not None:
                        progress(table, seen)
                if table == "errors":
                    store.conn.execute("UPDATE errors SET run_id = ? WHERE run_id IS NULL", (run_id,))
                counts[table] = added
                if seen != added:
                    ignored[table] = seen - added
        status = "done"
    finally:
        store.finish_run(run_id, status, {"dataset": os.path.abspath(folder), "rows": counts})
    return {"dataset": folder, "rows": counts, "ignored": ignored, "seconds": round(time.perf_counter() - t0, 3),
            "written_by": manifest.get("eventwire")}


def _quote(column: str) -> str:
    return f'"{column}"'
