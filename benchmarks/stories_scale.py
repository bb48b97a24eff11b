"""Time to group 1,000 / 3,000 / 10,000 articles into stories and threads.

    .venv/bin/python benchmarks/stories_scale.py [--sizes 1000,3000,10000]

The example corpus is ingested and analysed once; its analysed articles are
then replicated in a fresh store (rows copied, not re-analysed: a new id,
dates shifted by whole weeks per replica, a few words of the body swapped for
words of the same length so offsets stay valid) up to each size, and
``eventwire.stories.group`` is timed on it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import tempfile
import time
from pathlib import Path

import eventwire
from eventwire.store import Store
from eventwire.stories import group, stories, threads

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
TABLES = ("sentences", "entities", "mentions", "quotes", "times", "analyses")


def shift(value, days: int):
    if not value or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value
    try:
        d = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)
    except ValueError:
        return value
    return d.isoformat() + value[10:]


def perturb(body: str, rng: random.Random) -> str:
    words = list(re.finditer(r"\b[a-z]{5,}\b", body))
    chars = list(body)
    for m in rng.sample(words, min(6, len(words))):
        w = list(m.group(0))
        rng.shuffle(w)
        chars[m.start(): m.end()] = w
    return "".join(chars)


def replicate(base: Path, out: Path, n: int, seed: int = 7) -> None:
    shutil.copy(base, out)
    st = Store(out)
    conn = st.conn
    cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] != "n"]
    rows = conn.execute(f"SELECT {', '.join(cols)} FROM articles").fetchall()
    per = {t: {} for t in TABLES}
    for t in TABLES:
        for r in conn.execute(f"SELECT * FROM {t}"):
            per[t].setdefault(r[0], []).append(tuple(r))
    rng = random.Random(seed)
    ci = {c: i for i, c in enumerate(cols)}
    made = len(rows)
    k = 0
    with st.transaction():
        while made < n:
            k += 1
            days = 7 * k
            for r in rows:
                if made >= n:
                    break
                r = list(r)
                old = r[ci["id"]]
                new = f"{old[:8]}{k:08x}"
                r[ci["id"]] = new
                r[ci["published"]] = shift(r[ci["published"]], days)
                r[ci["body"]] = perturb(r[ci["body"]], rng)
                r[ci["source"]] = f"{r[ci['source']]}#replica{k}"
                conn.execute(f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", r)
                for t in TABLES:
                    for row in per[t].get(old, []):
                        row = list(row)
                        row[0] = new
                        if t == "times":
                            row[4] = shift(row[4], days)
                        conn.execute(f"INSERT INTO {t} VALUES ({', '.join('?' * len(row))})", row)
                made += 1
    st.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,3000,10000")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.db"
        with eventwire.open(base) as ew:
            ew.ingest(EXAMPLES)
        first = prev = None
        for n in sizes:
            db = Path(tmp) / f"n{n}.db"
            replicate(base, db, n)
            st = Store(db)
            t0, c0 = time.perf_counter(), time.process_time()
            counts = group(st)
            secs, cpu = time.perf_counter() - t0, time.process_time() - c0
            ns, nt = len(stories(st)), len(threads(st))
            st.close()
            growth = f"  x{secs / prev[1]:.2f} time for x{n / prev[0]:.1f} articles" if prev else ""
            print(f"{n:6d} articles: {secs:6.1f} s (cpu {cpu:5.1f} s)  ({counts['articles']} grouped, {ns} stories,"
                  f" {nt} threads, {n / secs:,.0f} articles/s, {1000 * secs / n:.2f} ms/article){growth}")
            first = first or (n, secs)
            prev = (n, secs)
        if first and prev and prev[0] > first[0]:
            print(f"growth {first[0]:,} -> {prev[0]:,}: x{prev[1] / first[1]:.2f} time for x{prev[0] / first[0]:.1f}"
                  f" articles (linear: x{prev[0] / first[0]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
