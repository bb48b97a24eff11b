"""Article similarity against human judgements: SemEval-2022 task 8 (en-en pairs).

    .venv/bin/python benchmarks/similarity.py [--pairs PATH] [--db CACHE.db] [--tune]

Runs eventwire's extraction and language pass on the texts (once; ``--db`` keeps
the store for re-runs), then prints the Pearson correlation between
``eventwire.stories.similarity`` and the human Overall score (1 = very similar ..
4 = very dissimilar, so a good measure correlates negatively: "agreement" = -r),
next to a plain TF-IDF cosine baseline.  ``--tune`` searches the component weights
by 5-fold cross-validation and reports the out-of-fold figure, never the in-sample one.
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import eventwire
from eventwire.stories.features import load_features
from eventwire.stories.similarity import WEIGHTS, Idf, combine, components, cosine, fit, tfidf

PAIRS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "stories" / "semeval2022_en_en_pairs.jsonl"


def pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    return sxy / (sx * sy) if sx and sy else 0.0


def build(pairs: list[dict], db: Path) -> None:
    texts = {}
    for p in pairs:
        texts.setdefault(p["id1"], p["text1"])
        texts.setdefault(p["id2"], p["text2"])
    feed = db.with_suffix(".jsonl")
    with feed.open("w", encoding="utf-8") as f:
        for tid, text in texts.items():
            f.write(json.dumps({"url": f"https://semeval.invalid/{tid}", "text": text}) + "\n")
    t0 = time.perf_counter()
    with eventwire.open(db) as ew:
        report = ew.ingest(feed)
    print(f"ingested {report.added} of {len(texts)} texts with the language pass in {time.perf_counter() - t0:.0f} s")


def plain_tf(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, default=PAIRS)
    ap.add_argument("--db", type=Path, help="store to build or reuse (default: a temporary one)")
    ap.add_argument("--tune", action="store_true", help="5-fold CV search of the component weights")
    args = ap.parse_args(argv)
    if not args.pairs.exists():
        print(f"{args.pairs} is absent", file=sys.stderr)
        return 2
    pairs = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines() if line.strip()]
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = Path(tmp.name) / "semeval.db"
    if not db.exists():
        build(pairs, db)
    with eventwire.open(db) as ew:
        store = ew.store
        by_text = {}
        for a in store.articles():
            by_text[a.source.rsplit("/", 1)[-1]] = a.id
        feats = load_features(store)
    fmap = {f.id: f for f in feats}
    fit(feats)
    plain_idf = Idf.fit(plain_tf(f.title + " " + f.body) for f in feats)
    plain = {f.id: tfidf(plain_tf(f.title + " " + f.body), plain_idf) for f in feats}
    rows = []
    for p in pairs:
        a, b = by_text.get(p["id1"]), by_text.get(p["id2"])
        if a is None or b is None:
            continue
        rows.append((components(fmap[a], fmap[b]), cosine(plain[a], plain[b]), float(p["Overall"])))
    print(f"pairs scored: {len(rows)} of {len(pairs)}")
    y = [r[2] for r in rows]
    r_base = pearson([r[1] for r in rows], y)
    r_ours = pearson([combine(r[0]) for r in rows], y)
    print(f"plain TF-IDF cosine baseline : r = {r_base:+.3f}   agreement (-r) = {-r_base:.3f}")
    print(f"eventwire similarity (WEIGHTS): r = {r_ours:+.3f}   agreement (-r) = {-r_ours:.3f}")
    for k in ("text", "entities", "quotes", "numbers", "date"):
        sub = [(r[0][k], r[2]) for r in rows if k in r[0]]
        if len(sub) > 2:
            rk = pearson([s[0] for s in sub], [s[1] for s in sub])
            print(f"  component {k:9s}: present in {len(sub):3d} pairs, r = {rk:+.3f}")
    if args.tune:
        grid = [0.0, 0.05, 0.1, 0.2, 0.4]
        keys = ("entities", "quotes", "numbers", "date")
        combos = [dict(zip(keys, ws), text=0.8) for ws in itertools.product(grid, repeat=len(keys))]
        idx = list(range(len(rows)))
        random.Random(7).shuffle(idx)
        folds = [idx[i::5] for i in range(5)]
        oof = [0.0] * len(rows)
        chosen = []
        for k in range(5):
            test = set(folds[k])
            train = [i for i in idx if i not in test]
            best = max(combos, key=lambda w: -pearson([combine(rows[i][0], w) for i in train], [y[i] for i in train]))
            chosen.append(best)
            for i in folds[k]:
                oof[i] = combine(rows[i][0], best)
        r_cv = pearson(oof, y)
        print(f"5-fold CV (weights tuned on 4/5, scored on the held-out 1/5): r = {r_cv:+.3f}   agreement = {-r_cv:.3f}")
        for w in chosen:
            print("  fold weights:", w)
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
