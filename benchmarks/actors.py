"""Benchmark: actor resolution against the shared actor-resolution cases, through ``eventwire resolve``.

Reads ``shared/eval/events/actor_resolution_cases.jsonl`` (beside the
repository root; skipped when absent).  Every case goes to the command a user
runs, ``eventwire resolve - --json`` (one JSON line per case: name, context, date):

  search_nat(text)                       -> resolve(text): the actor's country
  short_text_to_agent(text)              -> resolve(text)
  agent_to_code(text, context, date)     -> resolve(text, context=context, date=date as ISO)
  query_wiki(...)                        -> not applicable (Wikipedia look-ups; no country)

The figure is the country part: among cases whose expectation names a
country ("cc" or "result.country" non-empty), the share resolved to it.
International bodies are expected as IGO, UNO (UN system) or EUR (EU): an
actor counts when it is (or acts for) an international organisation and, for
UNO / EUR, that organisation belongs to the bloc.  Sector agreement is reported too, for information.
The cases are split by a hash of the test name into a development half (read for errors while
building) and a held-out half (read for figures only).  ``--no-builtin`` is a *component*
ablation (the resolver without its built-in people and organisation lists; no CLI option).

    python benchmarks/actors.py [--no-builtin] [--show-misses]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CASES = SHARED / "eval" / "events" / "actor_resolution_cases.jsonl"
_BLOCS = {"IGO", "UNO", "EUR", "NAT", "AFR"}
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")


def case_date(text: str) -> str | None:
    """A case's date argument as ISO ("today", "1 july 2021", "October 1, 2021")."""
    text = (text or "").strip()
    if not text:
        return None
    if text.lower() == "today":
        return date.today().isoformat()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.title() if fmt != "%Y-%m-%d" else text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def expected_country(case: dict) -> str | None:
    exp = case["expect"]
    return (exp.get("cc") or exp.get("result.country") or None) if isinstance(
        exp.get("cc", exp.get("result.country", "")), str) else None


def half(case: dict) -> str:
    """A fixed split: 'dev' or 'held-out', from a hash of the case's name."""
    return "held-out" if int(hashlib.sha1(case["test"].encode()).hexdigest(), 16) % 2 else "dev"


def query(case: dict) -> dict | None:
    """The ``eventwire resolve`` input line for a case (None: not a resolution case)."""
    args = list(case["args"]) + ["", ""]
    fn = case["function"]
    if fn in ("search_nat", "short_text_to_agent"):
        return {"name": args[0]}
    if fn == "agent_to_code":
        return {"name": args[0], "context": args[1] or None, "date": case_date(args[2])}
    return None


def resolve_cli(queries: list[dict]) -> list[dict | None]:
    """Each query's actor as ``eventwire resolve - --json`` prints it (one subprocess)."""
    stdin = "".join(json.dumps(q) + "\n" for q in queries)
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", "resolve", "-", "--json"], input=stdin,
                          text=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    if done.returncode:
        raise RuntimeError(f"eventwire resolve failed: {done.stderr[-2000:]}")
    found: list[dict | None] = [None] * len(queries)
    for line in done.stdout.splitlines():
        if line.strip():
            rec = json.loads(line)
            found[rec["input"]] = rec["actor"]
    return found


def resolve_internal(queries: list[dict]) -> list[dict | None]:
    """Component ablation: the resolver without its built-in lists (users cannot run this)."""
    from dataclasses import asdict

    from eventwire.nlp.actors import ActorResolver
    resolver = ActorResolver(builtin=False)
    out = []
    for q in queries:
        actor = resolver.resolve(q["name"], descriptors=[q["context"]] if q.get("context") else [], date=q.get("date"))
        out.append(None if actor is None else {**asdict(actor), "code": actor.code})
    return out


def country_of(actor: dict | None) -> str | None:
    """The country an actor stands for; a bloc code for international organisations."""
    if actor is None:
        return None
    if actor.get("country"):
        return actor["country"]
    from eventwire.nlp.gazetteer import igo_family
    return igo_family(actor["name"])


def country_matches(expected: str, found: str | None) -> bool:
    if expected == "IGO":
        return found in _BLOCS
    return found == expected


def evaluate(path: Path = CASES, builtin: bool = True) -> dict:
    """Counts and accuracy of the country part, per function and per half."""
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    cases = [c for c in cases if expected_country(c) and query(c) is not None]
    start = time.perf_counter()
    actors = (resolve_cli if builtin else resolve_internal)([query(c) for c in cases])
    elapsed = time.perf_counter() - start
    per_fn: dict[str, Counter] = {}
    per_half: dict[str, Counter] = {"dev": Counter(), "held-out": Counter()}
    sectors = Counter()
    misses = []
    for case, actor in zip(cases, actors):
        expected = expected_country(case)
        found = country_of(actor)
        ok = country_matches(expected, found)
        for counts in (per_fn.setdefault(case["function"], Counter()), per_half[half(case)]):
            counts["cases"] += 1
            counts["correct"] += ok
        if not ok:
            misses.append((half(case), case["function"], case["args"][:3], expected, found))
        want_sector = case["expect"].get("result.code_1")
        if isinstance(want_sector, str) and want_sector and actor is not None:
            sectors["cases"] += 1
            sectors["correct"] += actor.get("sector") == want_sector
    total = sum(c["cases"] for c in per_fn.values())
    correct = sum(c["correct"] for c in per_fn.values())
    return {"cases": total, "correct": correct, "accuracy": correct / total if total else 0.0,
            "per_function": {k: dict(v) for k, v in per_fn.items()},
            "per_half": {k: dict(v) for k, v in per_half.items()},
            "sector_cases": sectors["cases"], "sector_correct": sectors["correct"],
            "seconds": elapsed, "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-builtin", action="store_true", help="without the built-in actor dictionaries")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    if not CASES.exists():
        print(f"skipped: {CASES} not found")
        return
    result = evaluate(builtin=not args.no_builtin)
    print(f"country cases: {result['cases']}  correct: {result['correct']}  "
          f"accuracy: {result['accuracy']:.1%}  ({result['seconds']:.2f}s)")
    for part, counts in result["per_half"].items():
        if counts.get("cases"):
            print(f"  {part:22s} {counts['correct']:4d}/{counts['cases']:<4d} "
                  f"{counts['correct'] / counts['cases']:.1%}")
    for fn, counts in sorted(result["per_function"].items()):
        print(f"  {fn:22s} {counts['correct']:4d}/{counts['cases']:<4d} "
              f"{counts['correct'] / counts['cases']:.1%}")
    if result["sector_cases"]:
        print(f"sector (code_1) agreement where an actor was found: "
              f"{result['sector_correct']}/{result['sector_cases']} "
              f"{result['sector_correct'] / result['sector_cases']:.1%}")
    if args.show_misses:
        for part, fn, case_args, expected, found in result["misses"]:
            if part == "dev":  # the held-out half is read for figures only
                print(f"  miss {fn}: {case_args} expected {expected} got {found}")


if __name__ == "__main__":
    main()
