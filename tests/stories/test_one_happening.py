"""A story is one happening: same act, same actors, within about a day (stories/cluster.joinable)."""
from __future__ import annotations

import json
from pathlib import Path

import eventwire
from eventwire.stories import stories
from eventwire.stories.cluster import ALIKE_NEXT_DAY, ALIKE_UNDATED, THRESHOLD, joinable
from eventwire.stories.features import ArticleFeatures, same_act

ROOT = Path(__file__).resolve().parents[2]
HARD = ROOT / "benchmarks" / "data" / "stories-hard.jsonl"
HARD_GOLD = ROOT / "benchmarks" / "data" / "stories-hard-gold.json"


def art(day: str | None, *acts: tuple[str, str, str]) -> ArticleFeatures:
    return ArticleFeatures(id=f"a{day}{acts}", title="", body="", published=day, acts=frozenset(acts))


EXPEL = ("16", "GBR", "RUS")
RETALIATE = ("16", "RUS", "GBR")  # the same root with the roles swapped: a retaliation
MEET = ("04", "USA", "PRK")
MEET_OTHER_WAY = ("04", "PRK", "USA")
CONDEMN = ("11", "USA", "RUS")


def test_same_act_needs_the_same_root_by_the_same_party() -> None:
    assert same_act(frozenset([EXPEL]), frozenset([EXPEL])) is True
    assert same_act(frozenset([MEET]), frozenset([MEET_OTHER_WAY])) is True  # a meeting is mutual
    assert same_act(frozenset([EXPEL]), frozenset([RETALIATE])) is False
    assert same_act(frozenset([EXPEL]), frozenset([CONDEMN])) is False
    assert same_act(frozenset([EXPEL]), frozenset()) is None


def test_more_than_a_day_apart_never_joins() -> None:
    assert not joinable(art("2021-03-05", MEET), art("2021-03-07", MEET), 0.99)


def test_same_day_words_suffice() -> None:
    assert joinable(art("2021-03-05"), art("2021-03-05"), THRESHOLD)


def test_a_day_apart_needs_the_same_act_or_very_alike_words() -> None:
    assert joinable(art("2021-03-05", MEET), art("2021-03-06", MEET_OTHER_WAY), THRESHOLD)
    assert not joinable(art("2021-03-05", EXPEL), art("2021-03-06", RETALIATE), 0.99)
    assert not joinable(art("2021-03-05", MEET), art("2021-03-06"), ALIKE_NEXT_DAY - 0.01)
    assert joinable(art("2021-03-05", MEET), art("2021-03-06"), ALIKE_NEXT_DAY)


def test_undated_articles_need_more_than_loose_word_overlap() -> None:
    assert not joinable(art(None), art("2021-03-05"), ALIKE_UNDATED - 0.01)
    assert joinable(art(None), art("2021-03-05"), ALIKE_UNDATED)
    assert not joinable(art(None, EXPEL), art("2021-03-05", RETALIATE), 0.99)


def test_hard_negatives_through_ingest(tmp_path) -> None:
    """The project's own multi-outlet set: summits months apart, expulsion and retaliation,
    announcement and visit, arrest and next-day court order, summit and walk-back."""
    gold = {g["url"]: g["happening"] for g in json.loads(HARD_GOLD.read_text(encoding="utf-8"))}
    with eventwire.open(tmp_path / "hard.db") as ew:
        ew.ingest(HARD)
        url = {a.id: a.url for a in ew.articles()}
        story_of = {url[a]: s["id"] for s in ew.stories() for a in s["articles"]}
        dated = {a.url: a.published for a in ew.articles()}
    assert set(story_of) == set(gold)
    # no story mixes two happenings
    for sid in set(story_of.values()):
        assert len({gold[u] for u, s in story_of.items() if s == sid}) == 1
    # and most happenings are one story
    assert len(set(story_of.values())) <= len(set(gold.values())) + 2
    golddates = {g["url"]: g["published"] for g in json.loads(HARD_GOLD.read_text(encoding="utf-8"))}
    assert all(dated[u] in (None, golddates[u]) for u in gold)  # never a wrong date
    assert sum(dated[u] == golddates[u] for u in gold) >= 0.9 * len(gold)
