"""Crash consistency: SIGKILL `eventwire ingest` (reading, language pass, stories, events) and
`eventwire analyze` at random moments, check the store after every kill, then rerun to the end
and compare with an uninterrupted run.

Usage:  python benchmarks/kills.py [ROUNDS] [SEED]     (default 12 rounds of 2 kills, seed 1)

After each kill: ``PRAGMA integrity_check`` and ``foreign_key_check`` are clean, the FTS index
passes its own integrity check, and no article is half-written: every article has its raw input
and its FTS row, and the analysis rows (sentences, quotes, times, event reports) exist only for
articles whose analysis is recorded as done (one transaction writes both).  After the kills, one
more `ingest` must end with exactly the store an uninterrupted run gives: the same articles, the
same analysis rows, the same events and the same stories (``fingerprint``).

The test suite runs a short version of this (tests/test_kills.py); the figures in
benchmarks/RESULTS.md come from this script.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", *args]


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def check(db: Path) -> list[str]:
    """What is wrong with the store at ``db`` (empty when it is consistent)."""
    problems = []
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check failed")
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign keys point nowhere")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:
            return problems  # killed before the schema was written: an empty file is fine
        rw = sqlite3.connect(db)  # the FTS check is a write statement that changes nothing
        try:
            rw.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"FTS index: {exc}")
        finally:
            rw.close()
        if conn.execute("SELECT count(*) FROM articles a LEFT JOIN inputs i ON i.sha256 = a.input_sha256 "
                        "WHERE a.input_sha256 IS NOT NULL AND i.sha256 IS NULL").fetchone()[0]:
            problems.append("an article without its raw input")
        fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        arts = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        if fts != arts:
            problems.append(f"{arts} articles but {fts} FTS rows")
        for table in ("sentences", "quotes", "times", "mentions", "entities", "event_mentions"):
            if table in tables and conn.execute(
                    f"SELECT count(*) FROM {table} t LEFT JOIN analyses a ON a.article_id = t.article_id "
                    "WHERE a.article_id IS NULL").fetchone()[0]:
                problems.append(f"{table} rows for an article whose analysis is not recorded")
        if conn.execute("SELECT count(*) FROM analyses a LEFT JOIN sentences s ON s.article_id = a.article_id "
                        "WHERE s.article_id IS NULL AND a.flags NOT LIKE '%skipped%'").fetchone()[0]:
            problems.append("an analysis recorded without its sentences")
    finally:
        conn.close()
    return problems


def fingerprint(db: Path) -> dict:
    """What a user reads from the store, without times of day or run ids."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)

    def rows(sql: str) -> str:
        data = json.dumps(sorted(map(list, conn.execute(sql))), default=str)
        return hashlib.sha256(data.encode()).hexdigest()[:16]

    try:
        return {
            "articles": rows("SELECT id, title, published, published_basis, body, flags FROM articles"),
            "analyses": rows("SELECT article_id, version, flags FROM analyses"),
            "quotes": rows("SELECT article_id, start, \"end\", speaker FROM quotes"),
            "times": rows("SELECT article_id, start, \"end\", value FROM times"),
            "event_reports": rows("SELECT article_id, i, cameo, source, target, date FROM event_mentions"),
            "events": rows("SELECT id, cameo, source, target, date FROM events"),
            "stories": rows("SELECT m.story_id, m.article_id, m.role FROM story_members m"),
            "counts": [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                       for t in ("articles", "analyses", "quotes", "event_mentions", "events", "story_members")],
        }
    finally:
        conn.close()


def reference(folder: Path, db: Path) -> dict:
    subprocess.run(_command("ingest", str(folder), "--db", str(db)), env=_env(), check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return fingerprint(db)


def kill_and_resume(folder: Path, db: Path, waits: list[float], log=print) -> tuple[int, list[str], dict]:
    """Start a run and SIGKILL it after each of ``waits`` seconds (every fourth an `analyze`, once
    the store exists), checking the store after each kill; then one run to the end.  Returns
    (kills made, problems found, fingerprint after the final run)."""
    problems: list[str] = []
    made = 0
    for k, wait in enumerate(waits):
        args = ("analyze", "--db", str(db)) if k % 4 == 3 and db.exists() else ("ingest", str(folder), "--db", str(db))
        proc = subprocess.Popen(_command(*args), env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=wait)
            log(f"  {args[0]} finished before the kill at {wait:.1f} s")
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            made += 1
        found = check(db) if db.exists() else []
        problems += [f"after a kill of {args[0]} at {wait:.1f} s: {p}" for p in found]
    subprocess.run(_command("ingest", str(folder), "--db", str(db)), env=_env(), check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    problems += [f"after the final run: {p}" for p in check(db)]
    return made, problems, fingerprint(db)


def rounds(folder: Path, tmp: Path, n: int, seed: int, per_round: int = 2, log=print) -> dict:
    """``n`` rounds on fresh stores, each with ``per_round`` kills at random moments of a run's
    length, then a final run compared with an uninterrupted one."""
    rng = random.Random(seed)
    t0 = time.perf_counter()
    want = reference(folder, tmp / "ref.db")
    length = time.perf_counter() - t0
    total = {"kills": 0, "problems": [], "different": 0, "rounds": n, "run_seconds": length, "want": want}
    for r in range(n):
        db = tmp / f"round{r}.db"
        waits = [rng.uniform(0.3, length) for _ in range(per_round)]
        made, problems, got = kill_and_resume(folder, db, waits, log=log)
        total["kills"] += made
        total["problems"] += problems
        if got != want:
            total["different"] += 1
            diff = [key for key in want if want[key] != got[key]]
            total["problems"].append(f"round {r + 1} (kills at {', '.join(f'{w:.1f}' for w in waits)} s): "
                                     f"final store differs from the uninterrupted one in {diff}")
    return total


def main(argv: list[str]) -> int:
    import tempfile

    n = int(argv[0]) if argv else 12
    seed = int(argv[1]) if len(argv) > 1 else 1
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        got = rounds(CORPUS, Path(tmp), n, seed)
        print(f"example corpus ({got['want']['counts'][0]} articles): an uninterrupted ingest takes "
              f"{got['run_seconds']:.1f} s")
        print(f"{n} rounds, {got['kills']} SIGKILLs during ingest and analyze (seed {seed}, "
              f"{time.perf_counter() - t0:.0f} s): problems after a kill {len(got['problems'])}; "
              f"final stores different from the uninterrupted run: {got['different']}")
        for p in got["problems"][:20]:
            print("  " + p)
        return 0 if not got["problems"] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
