"""The language pass on the seeds, ingested as JSON Lines records carrying their gold
publication dates, as a crawler would hand them over (skips without ../shared)."""
from __future__ import annotations

import re

import pytest


def norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip(" \t\n\"'“”,.;:…-").lower()


def core(text: str) -> str:
    return re.sub(r"^(on|in|at|over|the)\s+", "", text.strip().lower())


def overlaps(found: str, gold: str) -> bool:
    """The found expression and the gold span share their time words."""
    a, b = core(found), core(gold)
    return a in b or b in a


@pytest.fixture(scope="module")
def seeds(seeds_store):
    return seeds_store


def test_dates_come_from_the_records(seeds):
    gold, ew, ids = seeds
    want = {g["file"]: g["published"] for g in gold["articles"]}
    for a in ew.articles():
        assert a.published == want[ids[a.id]]


def test_quotes_and_speakers(seeds):
    gold, ew, ids = seeds
    found = {}
    for q in ew.quotes():
        found.setdefault(ids[q["article_id"]], []).append(q)
    n_gold = n_found = n_speaker = 0
    misses = []
    for g in gold["articles"]:
        mine = found.get(g["file"], [])
        for gq in g["quotes"]:
            n_gold += 1
            hit = next((q for q in mine if norm(q["text"]) == norm(gq["text"])), None)
            if hit is None:
                misses.append(("missing", g["file"], gq["text"][:50]))
                continue
            n_found += 1
            names = {hit["speaker"], (hit["speaker_actor"] or {}).get("name")}
            if gq["speaker"] in names:
                n_speaker += 1
            else:
                misses.append(("speaker", g["file"], gq["speaker"], names))
    print(f"quotes found {n_found}/{n_gold}, speaker right {n_speaker}/{n_gold}; misses: {misses}")
    assert n_found >= 26, misses
    assert n_speaker >= 24, misses


def test_time_expressions(seeds):
    gold, ew, ids = seeds
    by_file = {}
    for t in ew.times():
        by_file.setdefault(ids[t["article_id"]], []).append(t)
    total = right = 0
    for g in gold["articles"]:
        mine = by_file.get(g["file"], [])
        for gt in g["times"]:
            total += 1
            if any(t["value"] == gt["value"] and overlaps(t["text"], gt["text"]) for t in mine):
                right += 1
    print(f"time expressions right {right}/{total}")
    assert right / total >= 0.9


@pytest.mark.parametrize("surname,country,sector", [
    ("Peskov", "RUS", "GOV"), ("Putin", "RUS", "GOV"), ("Bolton", "USA", "GOV"),
    ("Pompeo", "USA", "GOV"), ("Sanders", "USA", "GOV"), ("Sullivan", "USA", "GOV"),
])
def test_named_officials_resolve(seeds, surname, country, sector):
    gold, ew, ids = seeds
    actors = [a for a in ew.actors() if a["name"] and a["name"].split()[-1] == surname]
    assert actors, surname
    best = max(actors, key=lambda a: a["mentions"])
    assert (best["country"], best["sector"]) == (country, sector), actors
