"""Merging reports of one happening (events/dedup.py)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from test_store import BODIES, aid, art, corpus, ev, meeting  # noqa: E402

from eventwire.events import store as es  # noqa: E402
from eventwire.events.dedup import country_of, day_of, event_id, merge  # noqa: E402


def _meeting_event(s):
    (row,) = es.events(s, dyad="USAGOV-RUSGOV")
    return row


def test_same_dyad_root_and_day_merge_across_articles(tmp_path):
    s = corpus(tmp_path)
    e = _meeting_event(s)
    assert e["mentions"] == 2 and e["num_articles"] == 2 and e["num_sources"] == 2
    assert e["articles"] == [aid("a1"), aid("a2")]
    assert e["sources"] == ["https://example.org/r/1", "https://example.org/ap/2"]
    assert e["root"] == "04" and e["cameo"] == "042" and e["date"] == "2018-07-16"  # one each: the more specific
    assert e["sentence"] == "Donald Trump met Vladimir Putin in Helsinki on Monday."  # first report (a1, then a2)
    assert e["source_actor"] in {"Donald Trump", "Trump"} and e["location"] == "Helsinki"
    assert e["is_root"] is True
    assert e["id"] == event_id("USAGOV", "RUSGOV", "04", "2018-07-16")
    assert {m["event_id"] for m in es.event_mentions(s)} == {r["id"] for r in es.events(s, happened=None)}


def test_most_reported_code_wins(tmp_path):
    s = corpus(tmp_path)
    es.save_event_mentions(s, aid("a1"), [
        meeting("a1", "Donald Trump met Vladimir Putin in Helsinki on Monday.", "042"),
        meeting("a1", "The two leaders spoke for two hours.", "040"),
    ])
    merge(s, [aid("a1")])
    e = _meeting_event(s)
    assert e["cameo"] == "042" and e["goldstein"] == 1.9 and e["mentions"] == 3 and e["num_articles"] == 2


def test_other_day_other_event(tmp_path):
    s = corpus(tmp_path)
    es.save_event_mentions(s, aid("a2"), [meeting("a2", "Putin and Trump held talks in Helsinki on Monday.",
                                                  date="2018-07-17")])
    merge(s, [aid("a2")])
    rows = es.events(s, dyad="USAGOV-RUSGOV")
    assert [r["mentions"] for r in rows] == [1, 1]
    assert [r["date"] for r in rows] == ["2018-07-16", "2018-07-17"]


def test_negated_reports_are_kept_but_did_not_happen(tmp_path):
    s = corpus(tmp_path)
    (denied,) = es.events(s, actor="UKR", happened=False)
    assert denied["status"] == "negated" and denied["happened"] is False and denied["mentions"] == 1
    assert denied["id"] != event_id("RUS", "UKR", "19", "2018-08-08")  # never the id of a real attack
    # a report that the attack did happen is a separate, real event
    s.add_article(art("a5", published="2018-08-08", body="Russia attacked Ukraine on Wednesday."),
                  input_sha256=None, group=None)
    es.save_event_mentions(s, aid("a5"), [ev("Russia attacked Ukraine on Wednesday.",
                                             "Russia attacked Ukraine on Wednesday.", "190", -10.0, 4, "ASSAULT",
                                             "RUS", "UKR", "2018-08-08")])
    merge(s, [aid("a5")])
    (real,) = es.events(s, actor="UKR")
    assert real["id"] == event_id("RUS", "UKR", "19", "2018-08-08") and real["mentions"] == 1
    assert len(es.events(s, actor="UKR", happened=None)) == 2


def test_incremental_merge_equals_full_merge_and_is_idempotent(tmp_path):
    s = corpus(tmp_path)
    full = es.events(s, happened=None)
    report = merge(s, [aid("a2")])
    assert report.articles == 2  # a2 and a1 (same event); a3, a4 untouched
    assert es.events(s, happened=None) == full
    merge(s, [aid("a2")])
    merge(s)
    assert es.events(s, happened=None) == full


def test_removing_a_report_updates_only_its_event(tmp_path):
    s = corpus(tmp_path)
    others = [e for e in es.events(s) if e["root"] != "04"]
    es.save_event_mentions(s, aid("a2"), [])
    merge(s, [aid("a2")])
    e = _meeting_event(s)
    assert e["mentions"] == 1 and e["articles"] == [aid("a1")]
    assert [x for x in es.events(s) if x["root"] != "04"] == others
    # a deleted article: its mentions go with it, its events after the next merge
    s.conn.execute("DELETE FROM articles WHERE id = ?", (aid("a1"),))
    merge(s, [aid("a1")])
    assert es.events(s, dyad="USAGOV-RUSGOV") == []


def test_undated_reports_do_not_merge_across_articles(tmp_path):
    s = corpus(tmp_path, do_merge=False)
    for key in ("b1", "b2"):
        body = "Russia protested against the new US sanctions."
        s.add_article(art(key, published=None, body=body), input_sha256=None, group=None)
        es.save_event_mentions(s, aid(key), [ev(body, body, "111", -2.0, 3, "ACCUSE", "RUS", "USA", None)])
    merge(s)
    undated = [e for e in es.events(s) if e["date"] is None]
    assert len(undated) == 2 and all(e["mentions"] == 1 for e in undated)


def _story_corpus(tmp_path, days):
    s = corpus(tmp_path, do_merge=False)
    codes = [("RUSMIL", "UKRMIL"), ("RUS", "UKR")]
    for n, (day, (src, tgt)) in enumerate(zip(days, codes)):
        key = f"s{n}"
        body = "Russian forces shelled Ukrainian positions near Avdiivka."
        s.add_article(art(key, published=day, body=body), input_sha256=None, group=None)
        es.save_event_mentions(s, aid(key), [ev(body, body, "195" if n else "194", -10.0, 4, "ASSAULT", src, tgt, day)])
        s.conn.execute("INSERT INTO story_members (article_id, story_id, role) VALUES (?, 'story-1', 'report')",
                       (aid(key),))
    merge(s)
    return s


def test_same_story_within_two_days_merges(tmp_path):
    s = _story_corpus(tmp_path, ["2018-08-01", "2018-08-03"])
    (e,) = es.events(s, actor="UKR")
    assert e["mentions"] == 2 and e["story_id"] == "story-1" and e["date"] == "2018-08-01"
    assert e["id"] == event_id("RUSMIL", "UKRMIL", "19", "2018-08-01")  # its earliest part's id
    report = merge(s, [aid("s1")])
    assert report.articles == 2 and es.events(s, actor="UKR") == [e]


def test_same_story_further_apart_does_not_merge(tmp_path):
    s = _story_corpus(tmp_path, ["2018-08-01", "2018-08-04"])
    assert [e["mentions"] for e in es.events(s, actor="UKR")] == [1, 1]


def test_day_of_and_country_of():
    assert day_of("2018-07-16", "2018-07-20") == "2018-07-16"
    assert day_of("2018-07-16T10:00", None) == "2018-07-16"
    assert day_of("2018-07", "2018-07-20") == "2018-07-20"
    assert day_of("2018-07", "2018-09-01") == "2018-07"
    assert day_of("2021-03-08/2021-03-09", None) == "2021-03-08"
    assert day_of(None, "2018-07-20") == "2018-07-20"
    assert day_of(None, None) is None
    assert country_of("RUSGOV") == "RUS" and country_of("IGO") is None and country_of(None) is None
    assert BODIES  # the shared corpus is importable


def _undated_story(tmp_path, n: int, dated_days=()):
    """``n`` undated reprints of one report in one story, beside reports dated ``dated_days``."""
    s = corpus(tmp_path, do_merge=False)
    body = "Russian forces shelled Ukrainian positions near Avdiivka."
    days = list(dated_days) + [None] * n
    for k, day in enumerate(days):
        key = f"u{k}"
        s.add_article(art(key, published=day, body=body), input_sha256=None, group=None)
        es.save_event_mentions(s, aid(key), [ev(body, body, "194", -10.0, 4, "ASSAULT", "RUSMIL", "UKRMIL", day)])
        s.conn.execute("INSERT INTO story_members (article_id, story_id, role) VALUES (?, 'story-u', 'report')",
                       (aid(key),))
    merge(s)
    return s


def test_undated_reprints_of_one_story_are_one_happening_at_scale(tmp_path):
    s = _undated_story(tmp_path, 300)
    (e,) = es.events(s, actor="UKR")
    assert e["mentions"] == 300 and e["date"] is None


def test_undated_reports_join_the_storys_dated_happening(tmp_path):
    s = _undated_story(tmp_path, 50, ["2018-08-01", "2018-08-02"])
    (e,) = es.events(s, actor="UKR")
    assert e["mentions"] == 52 and e["date"] == "2018-08-01"
    assert e["id"] == event_id("RUSMIL", "UKRMIL", "19", "2018-08-01")


def test_undated_reports_stay_apart_when_the_story_has_several_happenings(tmp_path):
    s = _undated_story(tmp_path, 3, ["2018-08-01", "2018-08-09"])
    assert sorted(e["mentions"] for e in es.events(s, actor="UKR")) == [1, 1, 1, 1, 1]


def test_a_stated_intent_or_threat_of_an_act_to_come_happened(tmp_path):
    """The pledge or the threat is the act coded, made the day it was said; a plain future act
    ("will meet") still waits to happen."""
    from eventwire.events.dedup import status_of

    assert status_of(False, False, True, "036") == "happened"  # "said it would send a delegation"
    assert status_of(False, False, True, "1313") == "happened"  # "said it would cut ties"
    assert status_of(False, False, True, "040") == "future"  # "will meet next week"
    assert status_of(True, False, True, "036") == "negated"
    assert status_of(False, True, True, "138") == "hypothetical"
    s = corpus(tmp_path)
    body = "Chile said on Friday it would send a trade mission to Peru next spring."
    s.add_article(art("a6", published="2019-05-03", body=body), input_sha256=None, group=None)
    es.save_event_mentions(s, aid("a6"), [ev(body, body, "036", 4.0, 1, "AGREE", "CHL", "PER", "2019-05-03",
                                             future=True)])
    merge(s, [aid("a6")])
    (pledge,) = es.events(s, actor="PER")
    assert pledge["status"] == "happened" and pledge["cameo"] == "036"
