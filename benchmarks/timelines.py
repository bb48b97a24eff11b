"""Timeline17 scored on what `eventwire timeline` prints, with the news-tls measures.

Usage:  python benchmarks/timelines.py [--quick] [--topics A,B] [--keep DIR]
        (needs ../shared/eval/timelines beside the repository; prints "skipped" otherwise)

Per topic, as a user would do it: the topic's articles are written as JSON Lines records
(``text`` and ``published``, the page text as the data set has it, boilerplate included) and
given to ``eventwire ingest`` (the whole pipeline: cleaning, language pass, stories) in a new
store; then ``eventwire timeline --json`` prints the dated stories.  For each gold timeline the
protocol of news-tls gives the number of dates and of sentences per date and the gold's first
and last day: the entries inside that span with the most reports are kept, one per date, and
each contributes the first sentences of its summary.  Scores: alignment-based ROUGE-1/-2 F
("align, date-to-date") and date F1, beside the published DATEWISE figures.

Split: the topics are divided by a fixed hash of their name into a development half and a
held-out half; both are printed.  Nothing in eventwire was tuned on the held-out half.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from eventwire.stories.tls import evaluate, gold_shape  # the scoring only: news-tls measures

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval" / "timelines"
PUBLISHED = {"rouge1": 0.120, "rouge2": 0.035, "date_f1": 0.544}  # DATEWISE, Ghalandari & Ifrim 2020
QUICK = ("H1N1_reuters", "EgyptianProtest_cnn")
EVENTWIRE = [sys.executable, "-m", "eventwire.cli"]
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def half(name: str) -> str:
    """A fixed split: 'dev' or 'held-out', from a hash of the name."""
    return "held-out" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 else "dev"


def load(topics: set[str] | None):
    gold, skipped = defaultdict(list), []
    for line in (SHARED / "t17_timelines.jsonl").open(encoding="utf-8"):
        t = json.loads(line)
        if topics and t["topic"] not in topics:
            continue
        tl: dict[date, list[str]] = defaultdict(list)
        for e in t["entries"]:
            try:
                day = date.fromisoformat(e["date"][:10])
            except ValueError:  # a malformed gold date (day 0): left out
                skipped.append(f"{t['topic']}/{t['timeline_file']}: {e['date']!r}")
                continue
            tl[day].extend(e["sentences"])
        gold[t["topic"]].append((t["timeline_file"], dict(tl)))
    articles = defaultdict(list)
    with gzip.open(SHARED / "t17_articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["topic"] in gold and a.get("pub_date"):
                articles[a["topic"]].append(a)
    return gold, articles, skipped


def run_topic(topic: str, articles: list[dict], folder: Path) -> list[dict]:
    """Ingest the topic's articles with the CLI into a new store; the timeline it prints."""
    records = folder / f"{topic}.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"url": f"https://t17.example/{topic}/{a['doc_id']}", "text": a["text"],
                                  "published": a["pub_date"][:10]}) + "\n")
    db = folder / f"{topic}.db"
    done = subprocess.run([*EVENTWIRE, "ingest", str(records), "--db", str(db)], capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some inputs failed, the rest is stored
        raise SystemExit(f"ingest failed for {topic}: {done.stderr[-2000:]}")
    done = subprocess.run([*EVENTWIRE, "timeline", "--json", "--db", str(db)], capture_output=True, text=True,
                          check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def predicted(entries: list[dict], n_dates: int, n_sents: int, start: date, end: date) -> dict[date, list[str]]:
    """The timeline's entries inside the span, most reported first, one per date."""
    inside = []
    for e in entries:
        try:
            day = date.fromisoformat((e.get("date") or "")[:10])
        except ValueError:
            continue
        if start <= day <= end:
            inside.append((len(e.get("sources") or ()), day, e))
    inside.sort(key=lambda x: (-x[0], x[1]))
    out: dict[date, list[str]] = {}
    for _, day, e in inside:
        if day in out:
            continue
        text = " ".join((e.get("summary") or e.get("headline") or "").split())
        out[day] = [s for s in _SENT.split(text) if s][:n_sents]
        if len(out) == n_dates:
            break
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help=f"only {', '.join(QUICK)}")
    ap.add_argument("--topics", help="comma-separated topic names")
    ap.add_argument("--keep", help="keep the stores in this folder")
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print(f"skipped: {SHARED} is absent")
        return 0
    topics = set(args.topics.split(",")) if args.topics else set(QUICK) if args.quick else None
    gold, articles, skipped = load(topics)
    print(f"Timeline17: {sum(len(v) for v in gold.values())} timelines, "
          f"{sum(len(v) for v in articles.values())} articles, {len(gold)} topics; through "
          "`eventwire ingest` then `eventwire timeline --json`")
    if skipped:
        print("gold entries left out (unreadable dates): " + "; ".join(skipped))
    print(f"{'topic':<24} {'half':<8} {'timeline':<36} {'dates':>5} {'k':>2} {'R1-F':>6} {'R2-F':>6} {'dateF1':>6}")
    rows = defaultdict(list)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for topic in sorted(gold):
            entries = run_topic(topic, articles[topic], folder)
            for name, tl in gold[topic]:
                n_dates, n_sents, start, end = gold_shape(tl)
                s = evaluate(predicted(entries, n_dates, n_sents, start, end), tl)
                rows[half(topic)].append(s)
                print(f"{topic:<24} {half(topic):<8} {name[:36]:<36} {n_dates:>5} {n_sents:>2} "
                      f"{s.rouge1:6.3f} {s.rouge2:6.3f} {s.date_f1:6.3f}", flush=True)
    took = time.perf_counter() - started
    for part in ("dev", "held-out"):
        rs = rows.get(part)
        if rs:
            mean = {k: sum(getattr(r, k) for r in rs) / len(rs) for k in ("rouge1", "rouge2", "date_f1")}
            print(f"{'mean, ' + part + ' half, ' + str(len(rs)) + ' timelines':<77} "
                  f"{mean['rouge1']:6.3f} {mean['rouge2']:6.3f} {mean['date_f1']:6.3f}")
    every = [r for rs in rows.values() for r in rs]
    if every:
        mean = {k: sum(getattr(r, k) for r in every) / len(every) for k in ("rouge1", "rouge2", "date_f1")}
        print(f"{'mean, all ' + str(len(every)) + ' timelines':<77} "
              f"{mean['rouge1']:6.3f} {mean['rouge2']:6.3f} {mean['date_f1']:6.3f}")
    print(f"{'DATEWISE (news-tls, published, all 19)':<77} "
          f"{PUBLISHED['rouge1']:6.3f} {PUBLISHED['rouge2']:6.3f} {PUBLISHED['date_f1']:6.3f}")
    print(f"ingest and timeline for {len(gold)} topics took {took:.0f} s")
    return 0 if every else 1


if __name__ == "__main__":
    sys.exit(main())
