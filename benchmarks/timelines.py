"""Timeline summarisation on Timeline17, scored with the news-tls measures.

Usage:  python benchmarks/timelines.py [--quick] [--topics A,B] [--lines 10] [--processes 2]
        (needs ../shared/eval/timelines beside the repository; nothing is cached)

Per topic: furniture-free lines of each article (the first --lines), parsed with
eventwire's spaCy pipeline, sentences split and time expressions normalised
against the publication date; the DATEWISE-like summariser of
``eventwire.stories.tls`` builds, for each gold timeline, as many dates as the
gold has, with its mean number of sentences per date, inside the gold's span.
Prints per timeline and mean: alignment-based ROUGE-1/-2 F ("align,
date-to-date") and date F1, beside the published DATEWISE figures.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from eventwire.stories import tls

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "timelines"
PUBLISHED = {"rouge1": 0.120, "rouge2": 0.035, "date_f1": 0.544}  # DATEWISE, Ghalandari & Ifrim 2020
SKIPPED: list[str] = []
QUICK = ("H1N1_reuters", "EgyptianProtest_cnn")


def load(topics: set[str] | None):
    gold = defaultdict(list)
    for line in (SHARED / "t17_timelines.jsonl").open(encoding="utf-8"):
        t = json.loads(line)
        if topics and t["topic"] not in topics:
            continue
        tl: dict[date, list[str]] = defaultdict(list)
        for e in t["entries"]:
            try:
                day = date.fromisoformat(e["date"][:10])
            except ValueError:  # a malformed gold date (day 0): left out
                SKIPPED.append(f"{t['topic']}/{t['timeline_file']}: {e['date']!r}")
                continue
            tl[day].extend(e["sentences"])
        gold[t["topic"]].append((t["timeline_file"], dict(tl)))
    articles = defaultdict(list)
    with gzip.open(SHARED / "t17_articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["topic"] in gold and a.get("pub_date"):
                articles[a["topic"]].append(tls.RawArticle(a["doc_id"], a["pub_date"][:10], a["text"]))
    return gold, articles


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help=f"only {', '.join(QUICK)}")
    ap.add_argument("--topics", help="comma-separated topic names")
    ap.add_argument("--lines", type=int, default=10, help="content lines parsed per article")
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print(f"skipped: {SHARED} is absent")
        return 0
    topics = set(args.topics.split(",")) if args.topics else set(QUICK) if args.quick else None
    gold, articles = load(topics)
    print(f"Timeline17: {sum(len(v) for v in gold.values())} timelines, "
          f"{sum(len(v) for v in articles.values())} articles, {len(gold)} topics; {args.lines} lines per article")
    if SKIPPED:
        print("gold entries left out (unreadable dates): " + "; ".join(SKIPPED))
    print(f"{'topic':<24} {'timeline':<44} {'dates':>5} {'k':>2} {'R1-F':>6} {'R2-F':>6} {'dateF1':>6}")
    rows = []
    started = time.perf_counter()
    parsed_sents = 0
    for topic in sorted(gold):
        prepared = tls.prepare(articles[topic], max_lines=args.lines)
        sentences = tls.analyse(prepared, n_process=args.processes)
        parsed_sents += len(sentences)
        for name, tl in gold[topic]:
            n_dates, n_sents, start, end = tls.gold_shape(tl)
            pred = tls.summarise(sentences, n_dates, n_sents, start, end)
            s = tls.evaluate(pred, tl)
            rows.append(s)
            print(f"{topic:<24} {name[:44]:<44} {n_dates:>5} {n_sents:>2} {s.rouge1:6.3f} {s.rouge2:6.3f} {s.date_f1:6.3f}",
                  flush=True)
    took = time.perf_counter() - started
    if not rows:
        print("no timelines")
        return 1
    mean = {k: sum(getattr(r, k) for r in rows) / len(rows) for k in ("rouge1", "rouge2", "date_f1")}
    print(f"{'mean over ' + str(len(rows)) + ' timelines':<69} "
          f"{mean['rouge1']:6.3f} {mean['rouge2']:6.3f} {mean['date_f1']:6.3f}")
    print(f"{'DATEWISE (news-tls, published, all 19)':<69} "
          f"{PUBLISHED['rouge1']:6.3f} {PUBLISHED['rouge2']:6.3f} {PUBLISHED['date_f1']:6.3f}")
    print(f"{parsed_sents} sentences parsed in {took:.0f} s ({args.processes} processes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
