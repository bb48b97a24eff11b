"""Latency of the HTTP API over a large store: `eventwire serve` in its own process over a store of
1,000,000 synthetic events (and 20,000 synthetic articles for search), requests from this process.

Usage:  python benchmarks/web_latency.py [EVENTS] [REQUESTS]     (default 1000000, 200 per endpoint)

Prints p50 and p95 wall latency per endpoint: events by dyad and by actor (first page of 100),
the dyad series (by month), and full-text search (first page of 25).  The synthetic events are
spread over 60 countries (skewed, as news is: a few pairs get most events), ten years and every
CAMEO root.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

COUNTRIES = ["USA", "RUS", "CHN", "UKR", "FRA", "DEU", "GBR", "IRN", "ISR", "TUR", "IND", "PAK", "JPN", "KOR",
             "PRK", "SYR", "IRQ", "EGY", "SAU", "BRA", "MEX", "CAN", "AUS", "ZAF", "NGA", "KEN", "ETH", "SDN",
             "VEN", "COL", "ARG", "CHL", "PER", "POL", "ITA", "ESP", "NLD", "BEL", "SWE", "NOR", "FIN", "GRC",
             "SRB", "HUN", "ROU", "BLR", "GEO", "ARM", "AZE", "KAZ", "AFG", "BGD", "IDN", "PHL", "VNM", "THA",
             "MYS", "MMR", "LBN", "JOR"]
WORDS = ("talks sanctions ceasefire election protest summit treaty border troops aid minister president "
         "parliament court strike vote trade envoy accord refugees drills embassy missile grain pipeline").split()


def build(db: Path, n_events: int, n_articles: int = 20_000) -> None:
    from eventwire.events.store import ensure_schema, EVENT_COLUMNS
    from eventwire.records import Article
    from eventwire.store import Store

    rng = random.Random(7)
    weights = [1 / (i + 1) for i in range(len(COUNTRIES))]
    with Store(db) as store:
        ensure_schema(store)
        with store.transaction():
            for i in range(n_articles):
                words = " ".join(rng.choice(WORDS) for _ in range(120))
                art = Article(id=f"{i:016x}", source=f"synthetic/{i}.txt", path=f"synthetic/{i}.txt", format="txt",
                              url=None, outlet=f"Outlet {i % 40}", outlet_basis="record", title=f"Report {i} on "
                              + " ".join(rng.choice(WORDS) for _ in range(5)), byline=None,
                              published=f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                              published_basis="record date", published_confidence=1.0, language="en",
                              body=words + ".", removed=(), ingested_at="2026-12-06T00:00:00+00:00")
                store.add_article(art, input_sha256=None, group=None)
        cols = ", ".join(EVENT_COLUMNS)
        marks = ", ".join("?" * len(EVENT_COLUMNS))
        batch = []
        for i in range(n_events):
            a, b = rng.choices(COUNTRIES, weights, k=2)
            root = rng.randint(1, 20)
            quad = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 17 else 4
            day = f"{2015 + rng.randrange(10)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
            eid = hashlib.sha1(f"{i}".encode()).hexdigest()[:16]
            aid = f"{rng.randrange(n_articles):016x}"
            row = {"id": eid, "source": a + "GOV", "target": b, "source_actor": f"{a} government",
                   "target_actor": f"{b} officials", "source_country": a, "target_country": b, "cameo": f"{root:02d}0",
                   "root": f"{root:02d}", "quad": quad, "goldstein": round(rng.uniform(-10, 10), 1),
                   "plover": "CONSULT", "plover_mode": None, "date": day, "location": None, "status": "happened",
                   "happened": 1, "is_root": 0, "mentions": rng.randint(1, 5), "num_articles": 1, "num_sources": 1,
                   "articles": json.dumps([aid]), "sources": json.dumps([f"synthetic/{aid}"]), "article_id": aid,
                   "sentence": "A synthetic sentence.", "story_id": None, "confidence": 1.0}
            batch.append(tuple(row[c] for c in EVENT_COLUMNS))
            if len(batch) >= 50_000:
                with store.transaction():
                    store.conn.executemany(f"INSERT INTO events ({cols}) VALUES ({marks})", batch)
                batch = []
        if batch:
            with store.transaction():
                store.conn.executemany(f"INSERT INTO events ({cols}) VALUES ({marks})", batch)
        store.conn.execute("ANALYZE")


def main(argv: list[str]) -> int:
    n_events = int(argv[0]) if argv else 1_000_000
    n_requests = int(argv[1]) if len(argv) > 1 else 200
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.db"
        t0 = time.perf_counter()
        build(db, n_events)
        print(f"store: {n_events:,} events, 20,000 articles, built in {time.perf_counter() - t0:.0f} s "
              f"({db.stat().st_size / 1e6:,.0f} MB)")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port)],
                                  env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=60) as client:
                for _ in range(200):
                    try:
                        client.get("/api")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                top = COUNTRIES[:12]
                cases = {
                    "events?dyad=A-B": lambda: ("/api/events", {"dyad": "-".join(rng.sample(top, 2)), "limit": 100}),
                    "events?actor=A": lambda: ("/api/events", {"actor": rng.choice(COUNTRIES), "limit": 100}),
                    "events?dyad=A-B&from&to": lambda: ("/api/events", {"dyad": "-".join(rng.sample(top, 2)),
                                                                         "from": "2019-01-01", "to": "2019-12-31"}),
                    "dyad/A/B (by month)": lambda: (f"/api/dyad/{'/'.join(rng.sample(top, 2))}", {}),
                    "search?q=WORD": lambda: ("/api/search", {"q": " ".join(rng.sample(WORDS, 2)), "limit": 25}),
                }
                print(f"{'endpoint':<28} {'p50 ms':>8} {'p95 ms':>8}  ({n_requests} requests each, one at a time)")
                for name, make in cases.items():
                    times = []
                    for _ in range(n_requests):
                        path, params = make()
                        t = time.perf_counter()
                        r = client.get(path, params=params)
                        times.append((time.perf_counter() - t) * 1000)
                        assert r.status_code == 200, (path, params, r.status_code, r.text[:200])
                    times.sort()
                    print(f"{name:<28} {statistics.median(times):8.1f} {times[int(0.95 * len(times)) - 1]:8.1f}")
        finally:
            server.terminate()
            server.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
