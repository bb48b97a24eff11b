"""Benchmark: actor resolution against the shared actor-resolution cases.

Reads ``shared/eval/events/actor_resolution_cases.jsonl`` (beside the
repository root; skipped when absent).  Each case names a function of the
system the cases were written for; they map to eventwire as follows:

  search_nat(text)                       -> ActorResolver.search_nat(text)
  short_text_to_agent(text)              -> ActorResolver.short_text_to_agent(text)
  agent_to_code(text, context, date)     -> ActorResolver.resolve(text, descriptors=[context],
                                                                  date=date as ISO)
  query_wiki(...)                        -> not applicable (Wikipedia look-ups; no country)

The figure is the country part: among cases whose expectation names a
country ("cc" or "result.country" non-empty), the share resolved to it.
International bodies are expected as IGO, UNO (UN system) or EUR (EU): an
actor counts when it is (or acts for) an international organisation and, for
UNO / EUR, that organisation belongs to the bloc.  Sector agreement is reported too, for information.

    python benchmarks/actors.py [--no-builtin] [--show-misses]
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

from eventwire.nlp.actors import ActorResolver
from eventwire.nlp.gazetteer import igo_family
from eventwire.records import Actor

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
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


def run_case(resolver: ActorResolver, case: dict) -> tuple[str | None, Actor | None]:
    """(country found, actor) for one case; country is a bloc code for IGO actors."""
    args = list(case["args"]) + ["", ""]
    fn = case["function"]
    if fn == "search_nat":
        return resolver.search_nat(args[0])[0], None
    if fn == "short_text_to_agent":
        actor = resolver.short_text_to_agent(args[0])
    elif fn == "agent_to_code":
        descriptors = [args[1]] if args[1] else []
        actor = resolver.resolve(args[0], descriptors=descriptors, date=case_date(args[2]))
    else:
        return None, None
    if actor is None:
        return None, None
    family = igo_family(actor.name) if actor.country is None else None
    return (family or actor.country), actor


def country_matches(expected: str, found: str | None) -> bool:
    if expected == "IGO":
        return found in _BLOCS
    return found == expected


def evaluate(path: Path = CASES, builtin: bool = True) -> dict:
    """Counts and accuracy of the country part, per function."""
    resolver = ActorResolver(builtin=builtin)
    per_fn: dict[str, Counter] = {}
    sectors = Counter()
    misses = []
    start = time.perf_counter()
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    for case in cases:
        expected = expected_country(case)
        if not expected:
            continue
        found, actor = run_case(resolver, case)
        ok = country_matches(expected, found)
        counts = per_fn.setdefault(case["function"], Counter())
        counts["cases"] += 1
        counts["correct"] += ok
        if not ok:
            misses.append((case["function"], case["args"][:3], expected, found))
        want_sector = case["expect"].get("result.code_1")
        if isinstance(want_sector, str) and want_sector and actor is not None:
            sectors["cases"] += 1
            sectors["correct"] += actor.sector == want_sector
    elapsed = time.perf_counter() - start
    total = sum(c["cases"] for c in per_fn.values())
    correct = sum(c["correct"] for c in per_fn.values())
    return {"cases": total, "correct": correct, "accuracy": correct / total if total else 0.0,
            "per_function": {k: dict(v) for k, v in per_fn.items()},
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
    for fn, counts in sorted(result["per_function"].items()):
        print(f"  {fn:22s} {counts['correct']:4d}/{counts['cases']:<4d} "
              f"{counts['correct'] / counts['cases']:.1%}")
    if result["sector_cases"]:
        print(f"sector (code_1) agreement where an actor was found: "
              f"{result['sector_correct']}/{result['sector_cases']} "
              f"{result['sector_correct'] / result['sector_cases']:.1%}")
    if args.show_misses:
        for fn, case_args, expected, found in result["misses"]:
            print(f"  miss {fn}: {case_args} expected {expected} got {found}")


if __name__ == "__main__":
    main()
