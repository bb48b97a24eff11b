"""Speed of the language pass, next to the spaCy pipeline alone on the same texts.

    .venv/bin/python benchmarks/language.py            # ~400 articles, 3 repeats
    .venv/bin/python benchmarks/language.py --quick    # a smoke run

The texts are the bundled example corpus's English article bodies (as
eventwire extracts them), repeated to the requested count.  Measured, in one
run, medians of --repeat timings:

* spaCy alone: ``nlp.pipe`` over the bodies (all components of the model),
  with 1 and with 2 processes;
* eventwire's language pass: ``LanguagePass.pipe`` (parse + names, actors,
  quotes, time expressions), with 1 and with 2 processes.

The knowledge base is reset between repeats so each run does the same work.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import eventwire  # noqa: E402
from eventwire.nlp.kb import KnowledgeBase  # noqa: E402
from eventwire.nlp.pipeline import LanguagePass, load_model  # noqa: E402


def corpus_articles(n: int):
    with tempfile.TemporaryDirectory() as tmp:
        with eventwire.open(Path(tmp) / "b.db") as ew:
            ew.ingest(ROOT / "examples" / "corpus", analyze=False)
            base = [a for a in ew.articles() if a.language == "en"]
    out = []
    for i in range(n):
        a = base[i % len(base)]
        out.append(replace(a, id=f"{a.id}-{i}"))
    return out


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="40 articles, 1 repeat, 1 process")
    args = ap.parse_args()
    if args.quick:
        args.articles, args.repeat = 40, 1
    arts = corpus_articles(args.articles)
    texts = [a.body for a in arts]
    chars = sum(map(len, texts))
    nlp = load_model()
    procs = [1] if args.quick else [1, 2]
    print(f"{len(arts)} articles, {chars / len(arts):.0f} characters each on average; "
          f"{os.cpu_count()} cores; {platform.python_version()}; median of {args.repeat}")
    rows = []
    for n in procs:
        spacy_s = timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=n)), args.repeat)

        def ours():
            lp = LanguagePass(nlp, kb=KnowledgeBase())
            return sum(1 for _ in lp.pipe(arts, batch_size=16, n_process=n))

        ours_s = timed(ours, args.repeat)
        rows.append((n, spacy_s, ours_s))
    print(f"{'processes':>9}  {'spaCy alone art/s':>18}  {'language pass art/s':>20}  {'pass / spaCy time':>18}")
    for n, spacy_s, ours_s in rows:
        print(f"{n:>9}  {len(arts) / spacy_s:>18.1f}  {len(arts) / ours_s:>20.1f}  {ours_s / spacy_s:>18.2f}")
    best_spacy = min(r[1] for r in rows if r[0] == 1)
    best_ours = min(r[2] for r in rows)
    print(f"best language pass vs one full single-process spaCy pass: {best_ours / best_spacy:.2f}x the time")


if __name__ == "__main__":
    main()
