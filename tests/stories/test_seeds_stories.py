"""Stories and the thread of the five seeds, ingested as JSON Lines with their gold
publication dates (skips without ../shared)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventwire
from eventwire.stories import group, stories, threads

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside the repository)")
    return path


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    gold = json.loads(shared_path("corpus", "seeds-gold.json").read_text(encoding="utf-8"))
    folder = shared_path("corpus", "seeds")
    tmp = tmp_path_factory.mktemp("seeds-stories")
    feed = tmp / "seeds.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for g in gold["articles"]:
            text = (folder / g["file"]).read_text(encoding="utf-8")
            f.write(json.dumps({"url": f"https://seeds.invalid/{g['file']}", "text": text, "date": g["published"]}) + "\n")
    ew = eventwire.open(tmp / "seeds.db")
    assert ew.ingest(feed).added == 5
    group(ew.store)
    files = {a.id: a.source.rsplit("/", 1)[-1] for a in ew.articles()}
    yield gold, ew, files
    ew.close()


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
