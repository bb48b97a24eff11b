"""Publication dates inferred from text alone, on real articles: Timeline17, through the CLI.

    .venv/bin/python benchmarks/pubdates.py [--topics N] [--show-wrong] [--show-missed K]

Every article of ``../shared/eval/timelines/t17_articles.jsonl.gz`` is written as a JSON Lines
record holding only its text (no date, no URL: what a crawler that lost the page hands over),
one file per topic, and ingested with ``eventwire ingest FILES --no-analyze`` into a new store;
``eventwire articles --json`` is read back and each article's ``published`` compared with the
gold publication date.  Counts: right, wrong, none (no date given).

"Carries its date" means the gold date is written in the text in full (day, month and year, in
any common form, tokenised spacing allowed); "stamped" means it is so written within the first
400 characters, where a page's date stamp sits.  Articles whose text carries no date can only be
dated from the rest of the corpus.

Split: by a hash of topic + doc id, a development half (read for errors while building) and a
held-out half (read for figures only; ``--show-wrong`` and ``--show-missed`` print the
development half only).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "eval" / "timelines" / "t17_articles.jsonl.gz"
STAMP_CHARS = 400

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]


def half(key: str) -> str:
    return "held-out" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 else "dev"


def written_forms(day: date) -> re.Pattern:
    """The ways a full date is commonly written, spacing around commas and dots loose."""
    full = _MONTHS[day.month - 1]
    month = rf"(?:{full}|{full[:3]}\.?|{full[:4]}\.?)"
    d, m, y = day.day, day.month, day.year
    forms = [
        rf"\b{month}\s+0?{d}(?:st|nd|rd|th)?\s*,?\s+{y}\b",
        rf"\b0?{d}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}\s*,?\s+{y}\b",
        rf"\b{y}[-/.]0?{m}[-/.]0?{d}\b",
    ]
    return re.compile("|".join(forms), re.I)


def run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], text=True, capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=0, help="only the first N topics (quick runs)")
    parser.add_argument("--show-wrong", action="store_true")
    parser.add_argument("--show-missed", type=int, default=0, help="print K development articles that carry their date but got none")
    args = parser.parse_args()
    if not ARTICLES.exists():
        print(f"skipped: {ARTICLES} not found")
        return
    rows = [json.loads(line) for line in gzip.open(ARTICLES, "rt", encoding="utf-8")]
    topics = sorted({r["topic"] for r in rows})
    if args.topics:
        topics = topics[: args.topics]
        rows = [r for r in rows if r["topic"] in topics]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        gold: dict[str, dict] = {}
        files = []
        for topic in topics:
            path = tmp_path / f"{topic}.jsonl"
            with path.open("w", encoding="utf-8") as f:
                n = 0
                for r in rows:
                    if r["topic"] == topic:
                        n += 1
                        f.write(json.dumps({"text": r["text"]}, ensure_ascii=False) + "\n")
                        gold[f"{path.name}#{n}"] = r
            files.append(str(path))
        db = tmp_path / "t17.db"
        start = time.perf_counter()
        done = run(["ingest", *files, "--db", str(db), "--no-analyze"])
        seconds = time.perf_counter() - start
        if done.returncode not in (0, 1):
            raise SystemExit(f"eventwire ingest failed: {done.stderr[-2000:]}")
        listed = run(["articles", "--db", str(db), "--json"])
        got = {}
        for line in listed.stdout.splitlines():
            rec = json.loads(line)
            got[Path(rec["source"].split("#")[0]).name + "#" + rec["source"].split("#")[1]] = rec
    print(f"{len(gold)} articles, {len(topics)} topics; ingest {seconds:.0f} s; "
          f"{len(gold) - len(got)} not stored as separate articles (same text as another)")
    counts: dict[str, Counter] = defaultdict(Counter)
    wrong, missed = [], []
    for key, r in gold.items():
        rec = got.get(key)
        truth = date.fromisoformat(r["pub_date"])
        forms = written_forms(truth)
        found = forms.search(r["text"])
        carries = "stamped" if found and found.start() < STAMP_CHARS else ("carries" if found else "no date in text")
        value = rec and rec["published"]
        verdict = "none" if not value else ("right" if value == r["pub_date"] else "wrong")
        if rec is None:
            verdict = "duplicate"
        part = half(r["topic"] + "/" + r["doc_id"])
        for group in (part, "all"):
            counts[(group, carries)][verdict] += 1
            counts[(group, "any")][verdict] += 1
        if verdict == "wrong":
            wrong.append((part, r["topic"], r["doc_id"], r["pub_date"], value, rec["published_basis"]))
        if verdict == "none" and carries != "no date in text" and part == "dev":
            missed.append((r, rec))
    print(f"{'half':9s} {'text':16s} {'articles':>8s} {'right':>7s} {'wrong':>6s} {'none':>6s} {'right %':>8s}")
    for group in ("dev", "held-out", "all"):
        for carries in ("stamped", "carries", "no date in text", "any"):
            c = counts.get((group, carries))
            if not c:
                continue
            n = c["right"] + c["wrong"] + c["none"]
            print(f"{group:9s} {carries:16s} {n:8d} {c['right']:7d} {c['wrong']:6d} {c['none']:6d} "
                  f"{c['right'] / n if n else 0:8.1%}")
    if args.show_wrong:
        for part, *rest in wrong:
            if part == "dev":
                print("  wrong", *rest)
    for r, rec in missed[: args.show_missed]:
        print("  missed", r["topic"], r["doc_id"], r["pub_date"], "|", rec["published_basis"][:150])
        print("    ", r["text"][:300].replace("\n", " | "))


if __name__ == "__main__":
    main()
