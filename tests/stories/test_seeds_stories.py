"""Stories and the thread of the five seeds, ingested as JSON Lines with their gold
publication dates (skips without ../shared)."""
from __future__ import annotations

import pytest

from eventwire.stories import group, stories, threads


@pytest.fixture(scope="module")
def seeds(seeds_store):
    gold, ew, files = seeds_store
    group(ew.store)  # already grouped by ingest: a no-op that must not disturb anything
    return gold, ew, files


def test_stories_match_gold(seeds):
    gold, ew, files = seeds
    got = {frozenset(files[a] for a in s["articles"]) for s in stories(ew.store)}
    want = {frozenset(s["members"]) for s in gold["stories"]}
    assert got == want


def test_stories_are_dated_on_their_happening(seeds):
    gold, ew, files = seeds
    want = {frozenset(s["members"]): s["date"] for s in gold["stories"]}
    for s in stories(ew.store):
        assert s["date"] == want[frozenset(files[a] for a in s["articles"])]


def test_one_thread_in_date_order(seeds):
    gold, ew, files = seeds
    ts = threads(ew.store)
    assert len(ts) == 1
    by_id = {s["id"]: s for s in stories(ew.store)}
    order = [sorted(files[a] for a in by_id[sid]["articles"]) for sid in ts[0]["stories"]]
    want = []
    for f in gold["thread"]["members"]:
        grp = sorted(next(s["members"] for s in gold["stories"] if f in s["members"]))
        if grp not in want:
            want.append(grp)
    assert order == want
    assert all(s["thread"] == ts[0]["id"] for s in by_id.values())


def test_stories_have_headline_summary_and_actors(seeds):
    _, ew, _ = seeds
    for s in stories(ew.store):
        assert s["headline"] and s["summary"]
        assert 0 < len(s["summary"]) <= 600
        assert s["main_actors"]
