"""Quotes of the hand-annotated seed articles (skips without ../shared).

Each seed is read at test time (never copied), lightly cleaned by a tiny
local filter (page furniture: lines shorter than six words without terminal
punctuation), parsed, and searched for quotes.  A gold quote is found when a
quote's text equals it ignoring surrounding punctuation and whitespace.

Its speaker is right when it equals the gold name, or when the article never
writes the gold full name and the speaker is its surname (the fullest form
the article offers: gold names come from outside knowledge the
within-article step does not have).  Both the strict and this count are
printed; the thresholds apply to the second.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.nlp.quotes import find_quotes

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "corpus" / "seeds-gold.json"
TERMINAL = re.compile(r"[.!?:\"”’')…]$")


def furniture_free(text: str) -> str:
    """Drop short lines that end without punctuation (menus, labels, credits)."""
    kept = [line for line in text.split("\n")
            if not line.strip() or TERMINAL.search(line.strip()) or len(line.split()) >= 6]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def bare(text: str) -> str:
    return re.sub(r"^\W+|\W+$", "", text)


def speaker_ok(speaker: str | None, gold: str, text: str, strict: bool) -> bool:
    if speaker == gold:
        return True
    return (not strict and speaker is not None and gold not in text
            and speaker == gold.split()[-1])


@pytest.mark.shared
def test_seed_quotes_and_speakers(nlp):
    if not GOLD.exists():
        pytest.skip("no ../shared corpus")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    total = found = right = strict = 0
    for article in gold["articles"]:
        text = furniture_free((SHARED / "corpus" / "seeds" / article["file"]).read_text(encoding="utf-8"))
        quotes = find_quotes(nlp(text))
        for item in article["quotes"]:
            total += 1
            hits = [q for q in quotes if bare(q.text) == bare(item["text"])]
            if not hits:
                continue
            found += 1
            right += speaker_ok(hits[0].speaker, item["speaker"], text, strict=False)
            strict += speaker_ok(hits[0].speaker, item["speaker"], text, strict=True)
    print(f"seed quotes: {found}/{total} found, speakers {right}/{total} "
          f"(strict full-name match {strict}/{total})")
    assert found >= 26
    assert right >= 24
