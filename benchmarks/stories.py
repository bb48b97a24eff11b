"""Stories: is a story one happening?  Measured through the CLI on two sets.

    .venv/bin/python benchmarks/stories.py [--set hard|semeval|both] [--show]

**hard** (``benchmarks/data/stories-hard.jsonl``, written for the project): real happenings
reported by two or three invented outlets each, in the project's own words, with the hard
negatives that word overlap merges: two summits of one pair eight months apart, an expulsion and
the retaliation three days later and a third country's expulsions twelve days later, the
announcement of a visit and the visit, an arrest and the next day's court order and
condemnations, a summit and the next day's walk-back.  Records carry only ``url`` and ``text``,
as a crawler hands them over.  ``eventwire ingest`` then ``eventwire stories --json``; scored
with BCubed precision/recall/F1 against the happening labels in ``stories-hard-gold.json``, next
to a plain TF-IDF cosine + average-link baseline (merge while the mean cosine between two
clusters is at least 0.25, i.e. distance at most 0.75) in the same run.  Also: dates right /
wrong / none, and whether each gold thread's stories share a thread.  **Development**: the set was
read while the grouping rules were written.

**held-out own set** (``benchmarks/data/stories-heldout.jsonl``): written the same way after the
rules were fixed (Article 50 and the EU's guidelines two days later, a missile test and the
sanctions three weeks later, Gulf states cutting ties with Qatar and Kuwait's mediation the next
day, a coup attempt and the state of emergency four days later); run for figures only.

**semeval** (``../shared/eval/stories/semeval2022_en_en_pairs.jsonl``): every text ingested
once, grouped by ``eventwire ingest``; a pair is "same happening" when the human Overall score is
at most 1.5 and "different" when it is at least 3 (pairs between are left out).  Pairwise
precision / recall of eventwire's same-story decision, next to the TF-IDF baseline's (same pair
same cluster, average link at 0.25).  Split by a hash of the pair id: development half and
held-out half (read for figures only).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HARD = ROOT / "benchmarks" / "data" / "stories-hard.jsonl"
HARD_GOLD = ROOT / "benchmarks" / "data" / "stories-hard-gold.json"
# written after the grouping rules were fixed, run once for figures, never read for errors
HELDOUT = ROOT / "benchmarks" / "data" / "stories-heldout.jsonl"
HELDOUT_GOLD = ROOT / "benchmarks" / "data" / "stories-heldout-gold.json"
PAIRS = ROOT.parent / "shared" / "eval" / "stories" / "semeval2022_en_en_pairs.jsonl"
BASELINE_SIM = 0.25


def half(key: str) -> str:
    return "held-out" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 else "dev"


def cli(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", *args], text=True, capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    if done.returncode not in (0, 1):
        raise SystemExit(f"eventwire {args[0]} failed: {done.stderr[-2000:]}")
    return done.stdout


def grouped(feed: Path, db: Path) -> tuple[dict[str, str], dict[str, dict], list[dict]]:
    """(source -> story id, source -> article record, stories) as the CLI gives them."""
    start = time.perf_counter()
    cli("ingest", str(feed), "--db", str(db))
    seconds = time.perf_counter() - start
    arts = [json.loads(line) for line in cli("articles", "--db", str(db), "--json").splitlines()]
    by_id = {a["id"]: a for a in arts}
    stories = [json.loads(line) for line in cli("stories", "--db", str(db), "--json").splitlines()]
    story_of = {}
    for s in stories:
        for aid in s["articles"]:
            story_of[by_id[aid]["source"]] = s["id"]
    print(f"  ingest + language pass + grouping: {len(arts)} articles in {seconds:.1f} s")
    return story_of, {a["source"]: a for a in arts}, stories


# ------------------------------------------------------------------ baseline

_WORD = re.compile(r"[a-z0-9]+")


def tfidf_vectors(texts: dict[str, str]) -> dict[str, dict[str, float]]:
    tfs = {k: Counter(_WORD.findall(t.lower())) for k, t in texts.items()}
    df = Counter(w for tf in tfs.values() for w in tf)
    n = len(tfs)
    out = {}
    for k, tf in tfs.items():
        vec = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out[k] = {w: v / norm for w, v in vec.items()}
    return out


def cos(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def average_link(texts: dict[str, str], threshold: float = BASELINE_SIM) -> dict[str, int]:
    """Agglomerative clustering, average link on cosine similarity, stopping below ``threshold``."""
    vecs = tfidf_vectors(texts)
    keys = list(texts)
    sim = {(a, b): cos(vecs[a], vecs[b]) for i, a in enumerate(keys) for b in keys[i + 1:]}
    clusters = {i: [k] for i, k in enumerate(keys)}

    def link(x, y):
        vals = [sim.get((a, b), sim.get((b, a), 0.0)) for a in clusters[x] for b in clusters[y]]
        return sum(vals) / len(vals)

    while len(clusters) > 1:
        ids = list(clusters)
        best, pair = -1.0, None
        for i, x in enumerate(ids):
            for y in ids[i + 1:]:
                v = link(x, y)
                if v > best:
                    best, pair = v, (x, y)
        if best < threshold:
            break
        x, y = pair
        clusters[x] += clusters.pop(y)
    return {k: cid for cid, members in clusters.items() for k in members}


def bcubed(pred: dict[str, object], gold: dict[str, object]) -> tuple[float, float, float]:
    items = list(gold)
    p = r = 0.0
    for i in items:
        same_pred = {j for j in items if pred[j] == pred[i]}
        same_gold = {j for j in items if gold[j] == gold[i]}
        both = len(same_pred & same_gold)
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ------------------------------------------------------------------ the sets


def run_hard(show: bool, feed: Path = HARD, gold_path: Path = HARD_GOLD, part: str = "development") -> None:
    gold = {g["url"]: g for g in json.loads(gold_path.read_text(encoding="utf-8"))}
    texts = {json.loads(line)["url"]: json.loads(line)["text"] for line in feed.read_text(encoding="utf-8").splitlines()}
    print(f"{feed.name}: {len(gold)} articles, {len({g['happening'] for g in gold.values()})} happenings, "
          f"{len({g['thread'] for g in gold.values()})} threads ({part})")
    with tempfile.TemporaryDirectory() as tmp:
        story_of, arts, stories = grouped(feed, Path(tmp) / "hard.db")
    truth = {u: g["happening"] for u, g in gold.items()}
    p, r, f = bcubed({u: story_of.get(u, u) for u in gold}, truth)
    print(f"  eventwire stories   BCubed P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({len(set(story_of.values()))} stories)")
    base = average_link(texts)
    p, r, f = bcubed(base, truth)
    print(f"  TF-IDF average link BCubed P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({len(set(base.values()))} clusters)")
    verdicts = Counter()
    for u, g in gold.items():
        got = arts[u]["published"]
        verdicts["none" if not got else "right" if got == g["published"] else "wrong"] += 1
    print(f"  publication dates: {verdicts['right']} right, {verdicts['wrong']} wrong, {verdicts['none']} none")
    thread_of = {s["id"]: s["thread"] for s in stories}
    linked = 0
    threads = defaultdict(set)
    for u, g in gold.items():
        threads[g["thread"]].add(thread_of.get(story_of.get(u)))
    linked = sum(len(t) == 1 and None not in t for t in threads.values())
    print(f"  gold threads whose stories share one thread: {linked}/{len(threads)}")
    if show and part == "development":  # the held-out set is read for figures only
        for s in stories:
            members = [u for u, sid in story_of.items() if sid == s["id"]]
            print(f"   {s['date']} {s['id']} thread {s['thread']}: " + ", ".join(sorted(truth[u] for u in members)))


def run_semeval() -> None:
    if not PAIRS.exists():
        print(f"semeval: skipped, {PAIRS} not found")
        return
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {}
    for p in pairs:
        texts.setdefault(p["id1"], p["text1"])
        texts.setdefault(p["id2"], p["text2"])
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "semeval.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            for tid, text in texts.items():
                f.write(json.dumps({"url": f"https://semeval.invalid/{tid}", "text": text}) + "\n")
        print(f"semeval: {len(texts)} texts, {len(pairs)} pairs")
        story_of, _, _ = grouped(feed, Path(tmp) / "semeval.db")
    base = average_link({k: v for k, v in texts.items()})
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for p in pairs:
        overall = float(p["Overall"])
        label = "same" if overall <= 1.5 else "different" if overall >= 3 else None
        if label is None:
            continue
        a, b = f"https://semeval.invalid/{p['id1']}", f"https://semeval.invalid/{p['id2']}"
        ours = a in story_of and story_of.get(a) == story_of.get(b)
        theirs = base[p["id1"]] == base[p["id2"]]
        for part in (half(p["pair_id"]), "all"):
            for name, said in (("eventwire", ours), ("tfidf", theirs)):
                c = counts[(part, name)]
                c["tp"] += said and label == "same"
                c["fp"] += said and label == "different"
                c["fn"] += (not said) and label == "same"
                c["pairs"] += 1
    print(f"  {'half':9s} {'method':22s} {'pairs':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for part in ("dev", "held-out", "all"):
        for name, label in (("eventwire", "eventwire stories"), ("tfidf", "TF-IDF average link")):
            c = counts[(part, name)]
            prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
            rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            print(f"  {part:9s} {label:22s} {c['pairs']:5d} {prec:6.3f} {rec:6.3f} {f1:6.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("hard", "semeval", "both"), default="both")
    ap.add_argument("--show", action="store_true", help="print the stories of the hard set")
    args = ap.parse_args()
    if args.set in ("hard", "both"):
        run_hard(args.show)
        run_hard(False, HELDOUT, HELDOUT_GOLD, "held out")
    if args.set in ("semeval", "both"):
        run_semeval()


if __name__ == "__main__":
    main()
