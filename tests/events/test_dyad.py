"""Events between two actors over time (events/dyad.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from test_store import corpus  # noqa: E402

from eventwire.events.dyad import bucket_of, dyad  # noqa: E402
from eventwire.events.store import events  # noqa: E402


def test_cooperation_positive_conflict_negative_by_month(tmp_path):
    s = corpus(tmp_path)
    d = dyad(s, "USA", "RUS", by="month")
    assert [b["bucket"] for b in d["buckets"]] == ["2018-07", "2018-08"]
    july, august = d["buckets"]
    assert july["events"] == 1 and july["mentions"] == 2
    assert july["quad"]["verbal_cooperation"] == 1 and july["goldstein_sum"] > 0 and july["goldstein_mean"] > 0
    assert august["events"] == 2  # sanctions (USA -> RUS) and a protest (RUS -> USA)
    assert august["quad"] == {"verbal_cooperation": 0, "material_cooperation": 0, "verbal_conflict": 1,
                              "material_conflict": 1}
    assert august["goldstein_sum"] == -10.0 and august["goldstein_mean"] == -5.0
    assert august["a_to_b"] == 1 and august["b_to_a"] == 1
    ids = {e["id"] for e in events(s, dyad="USA-RUS")}
    assert set(july["ids"]) | set(august["ids"]) == ids
    t = d["totals"]
    assert t["events"] == 3 and t["goldstein_sum"] == round(july["goldstein_sum"] - 10.0, 3)
    assert t["a_to_b"] == 2 and t["b_to_a"] == 1


def test_direction_follows_the_order_asked(tmp_path):
    s = corpus(tmp_path)
    d = dyad(s, "RUS", "USA")
    assert d["totals"]["a_to_b"] == 1 and d["totals"]["b_to_a"] == 2


def test_by_week_and_day_and_by_name(tmp_path):
    s = corpus(tmp_path)
    assert [b["bucket"] for b in dyad(s, "USA", "RUS", by="week")["buckets"]] == ["2018-W29", "2018-W32"]
    assert [b["bucket"] for b in dyad(s, "USA", "RUS", by="day")["buckets"]] == ["2018-07-16", "2018-08-08", "2018-08-09"]
    by_name = dyad(s, "Putin", "Trump")
    assert by_name["totals"]["events"] == 1 and by_name["totals"]["b_to_a"] == 1
    assert dyad(s, "USA", "UKR")["buckets"] == []  # the denied attack is not an event, nor USA's
    with pytest.raises(ValueError):
        dyad(s, "USA", "RUS", by="year")


def test_bucket_of():
    assert bucket_of("2018-07-16", "month") == "2018-07"
    assert bucket_of("2018-12-31", "week") == "2019-W01"
    assert bucket_of("2018-07-16", "day") == "2018-07-16"
    assert bucket_of("2018-07", "day") == "2018-07"
    assert bucket_of(None, "month") == "undated"
