"""Time expressions of the hand-annotated seed articles (skips without ../shared).

Each seed's raw text is parsed and given its gold publication date; a gold
time counts as found when an expression overlapping its time words (the
gold text without a leading cue such as "the Kremlin said") has the gold
value.  The seeds and gold are read at test time, never copied.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.nlp.times import find_times

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "corpus" / "seeds-gold.json"

_TIME_WORD = re.compile(
    r"(?i)\b(?:on|in|at|next|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july"
    r"|august|september|october|november|december|yesterday|today|tomorrow)\b|\d"
)


def time_words(text: str) -> int:
    """Offset in a gold text where its time words begin."""
    found = _TIME_WORD.search(text)
    return found.start() if found else 0


def gold_hits(text: str, gold_times: list[dict], found) -> list[bool]:
    hits = []
    for gold in gold_times:
        skip = time_words(gold["text"])
        spans = [
            (m.start() + skip, m.end())
            for m in re.finditer(re.escape(gold["text"]), text)
        ]
        hits.append(
            any(t.start < end and start < t.end and t.value == gold["value"] for start, end in spans for t in found)
        )
    return hits


@pytest.mark.shared
@pytest.mark.slow
def test_seed_gold_times(nlp):
    if not GOLD.is_file():
        pytest.skip("shared corpus not available")
    articles = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    hits: list[bool] = []
    misses: list[str] = []
    for article in articles:
        text = (SHARED / "corpus" / "seeds" / article["file"]).read_text(encoding="utf-8")
        found = find_times(nlp(text), article["published"])
        article_hits = gold_hits(text, article["times"], found)
        hits.extend(article_hits)
        misses.extend(f"{article['file']}: {g}" for g, ok in zip(article["times"], article_hits) if not ok)
    assert len(hits) >= 20
    assert sum(hits) / len(hits) >= 0.9, misses
