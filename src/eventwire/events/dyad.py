"""The events between two actors over time.

``dyad(store, "USA", "RUS", by="month")`` takes the merged events that
happened between the two actors, in both directions, and buckets them by
month (``2018-07``), ISO week (``2018-W29``) or day (``2018-07-16``).  Each
bucket, and the totals, give the number of events, the count per quad class,
the Goldstein sum and mean (cooperation is positive, conflict negative), how
many went each way, and the ids of the events behind it.

Actors match as in ``events.store``: a code-like token (USA, RUSGOV) by code
prefix, a name (Putin) by a case-insensitive substring of the actor's name.
An event dated only to a month (or year) is put in that month's (year's)
bucket whatever ``by`` is; undated events go to the ``undated`` bucket, last.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .store import actor_matches, country_pair, events as stored_events, has_schema

if TYPE_CHECKING:  # pragma: no cover
    from ..store import Store

QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
BUCKETS = ("month", "week", "day")
UNDATED = "undated"


def bucket_of(date: str | None, by: str) -> str:
    """The bucket label of a date: month 2018-07, week 2018-W29, day 2018-07-16."""
    if not date:
        return UNDATED
    day = date[:10]
    try:
        d = dt.date.fromisoformat(day) if len(day) == 10 else None
    except ValueError:
        d = None
    if d is None:
        return date[:7] if len(date) >= 7 and date[4] == "-" else date[:4]
    if by == "month":
        return d.strftime("%Y-%m")
    if by == "week":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    return d.isoformat()


def _empty(label: str | None = None) -> dict:
    out = {"bucket": label} if label is not None else {}
    out.update({"events": 0, "mentions": 0, "a_to_b": 0, "b_to_a": 0, "quad": {name: 0 for name in QUADS.values()},
                "goldstein_sum": 0.0, "goldstein_mean": None, "ids": []})
    return out


def _add(acc: dict, ev: dict, a_first: bool) -> None:
    acc["events"] += 1
    acc["mentions"] += ev["mentions"]
    acc["a_to_b" if a_first else "b_to_a"] += 1
    name = QUADS.get(ev["quad"])
    if name:
        acc["quad"][name] += 1
    acc["goldstein_sum"] += ev["goldstein"]
    acc["ids"].append(ev["id"])


def _finish(acc: dict) -> dict:
    acc["goldstein_sum"] = round(acc["goldstein_sum"], 3)
    acc["goldstein_mean"] = round(acc["goldstein_sum"] / acc["events"], 3) if acc["events"] else None
    return acc


def dyad(store: "Store", a: str, b: str, by: str = "month") -> dict:
    """Events between actors ``a`` and ``b`` (both directions), bucketed in time."""
    if by not in BUCKETS:
        raise ValueError(f"by must be one of {', '.join(BUCKETS)}, not {by!r}")
    if by in ("month", "day") and has_schema(store) and country_pair(store, a, b):
        return _counted_in_sql(store, a, b, by)
    if has_schema(store) and country_pair(store, a, b):
        # two country codes: only the columns the series needs, straight from the events_pair index
        cols = ("id", "date", "quad", "goldstein", "mentions", "source", "source_actor")
        evs = [dict(zip(cols, r)) for r in store.conn.execute(
            f"""SELECT {", ".join(cols)} FROM events WHERE happened = 1 AND
                ((substr(source, 1, 3) = ? AND substr(target, 1, 3) = ?)
                 OR (substr(source, 1, 3) = ? AND substr(target, 1, 3) = ?))
                ORDER BY coalesce(date, '9999'), id""", (a, b, b, a))]
    else:
        evs = stored_events(store, dyad=(a, b))
    buckets: dict[str, dict] = {}
    total = _empty()
    for ev in evs:
        a_first = actor_matches(a, ev["source"], ev["source_actor"])
        label = bucket_of(ev["date"], by)
        acc = buckets.setdefault(label, _empty(label))
        _add(acc, ev, a_first)
        _add(total, ev, a_first)
    order = sorted(buckets, key=lambda k: (k == UNDATED, k))
    return {
        "a": a, "b": b, "by": by,
        "buckets": [_finish(buckets[k]) for k in order],
        "totals": _finish(total),
    }


def _counted_in_sql(store: "Store", a: str, b: str, by: str) -> dict:
    """``dyad`` for two country codes by month or day, counted by SQLite (the same buckets and
    sums as the Python path: a 1M-event store answers in milliseconds, not seconds)."""
    full = "date(substr(date, 1, 10)) IS NOT NULL AND date(substr(date, 1, 10)) = substr(date, 1, 10)"
    partial = "CASE WHEN length(date) >= 7 AND substr(date, 5, 1) = '-' THEN substr(date, 1, 7) ELSE substr(date, 1, 4) END"
    size = 7 if by == "month" else 10
    label = (f"CASE WHEN date IS NULL OR date = '' THEN '{UNDATED}' WHEN {full} THEN substr(date, 1, {size}) "
             f"ELSE {partial} END")
    rows = store.conn.execute(
        f"""SELECT {label} AS bucket, count(*), sum(mentions), sum(substr(source, 1, 3) = ?),
                   sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), sum(goldstein), group_concat(id)
            FROM (SELECT * FROM events WHERE happened = 1 AND
                  ((substr(source, 1, 3) = ? AND substr(target, 1, 3) = ?)
                   OR (substr(source, 1, 3) = ? AND substr(target, 1, 3) = ?))
                  ORDER BY coalesce(date, '9999'), id)
            GROUP BY bucket""", (a, a, b, b, a)).fetchall()
    buckets, total = {}, _empty()
    for r in rows:
        acc = _empty(r[0])
        acc.update({"events": r[1], "mentions": r[2], "a_to_b": r[3], "b_to_a": r[1] - r[3],
                    "goldstein_sum": r[8], "ids": r[9].split(",")})
        acc["quad"] = {QUADS[k + 1]: r[4 + k] for k in range(4)}
        buckets[r[0]] = _finish(acc)
        for key in ("events", "mentions", "a_to_b", "b_to_a", "goldstein_sum"):
            total[key] += acc[key]
        for name in QUADS.values():
            total["quad"][name] += acc["quad"][name]
        total["ids"] += acc["ids"]
    order = sorted(buckets, key=lambda k: (k == UNDATED, k))
    return {"a": a, "b": b, "by": by, "buckets": [buckets[k] for k in order], "totals": _finish(total)}

