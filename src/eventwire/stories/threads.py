"""Threads: stories linked into storylines by shared actors and topics over time.

Two stories are linked when their main actors (the top ``TOP_ACTORS`` by how
many members name them) overlap strongly (IDF-weighted overlap coefficient,
IDF over all stories, at least two shared) and their dates lie within
``WINDOW_DAYS``; a thread is a connected group of linked stories, ordered by
date, and keeps the id of its first story.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict

from .features import day
from .similarity import Idf
from ..unionfind import UnionFind
from .store import ensure_schema, save_threads

WINDOW_DAYS = 1100  # storylines (summit run-ups, follow-ups) can span years
THRESHOLD = 0.35
TOP_ACTORS = 8
MAX_POSTING = 0.3  # keys carried by more than this share of stories do not propose candidates


def _profile(actors: list[dict], headline: str | None, summary: str | None, size: int) -> dict[str, float]:
    p: dict[str, float] = {}
    for a in [a for a in actors if a.get("kind") != "place"][:TOP_ACTORS]:
        p["a:" + a["name"].lower()] = 1.0
    return p


def _score(a: dict[str, float], b: dict[str, float], idf: Idf,
           wa: float | None = None, wb: float | None = None) -> float:
    """IDF-weighted overlap coefficient; ``wa``/``wb``: the profiles' weights when known."""
    inter = sum(min(a[k], b[k]) * idf(k) for k in a.keys() & b.keys())
    if wa is None:
        wa = _weight(a, idf)
    if wb is None:
        wb = _weight(b, idf)
    least = min(wa, wb)
    return inter / least if least else 0.0


def _weight(p: dict[str, float], idf: Idf) -> float:
    return sum(v * idf(k) for k, v in p.items())


def link(store) -> dict[str, str]:
    """Recompute threads over all stories; returns story id -> thread id (and saves them)."""
    ensure_schema(store)
    rows = store.conn.execute("SELECT id, date, headline, summary, actors, size FROM stories ORDER BY id").fetchall()
    prof = {r[0]: _profile(json.loads(r[4]), r[2], r[3], r[5]) for r in rows}
    dates = {r[0]: r[1] for r in rows}
    idf = Idf.fit(prof.values())
    weight = {sid: _weight(p, idf) for sid, p in prof.items()}
    post: dict[str, list[str]] = defaultdict(list)
    for sid, p in prof.items():
        for k in p:
            post[k].append(sid)
    limit = max(5, MAX_POSTING * len(prof))
    sets = UnionFind(prof)

    for sid, p in prof.items():
        cand: Counter = Counter()
        for k in p:
            if k.startswith("a:") and len(post[k]) <= limit:
                cand.update(post[k])
        d0 = day(dates[sid])
        for other, shared in cand.most_common(50):
            if other <= sid or shared < 2:
                continue
            d1 = day(dates[other])
            if d0 is not None and d1 is not None and abs(d0 - d1) > WINDOW_DAYS:
                continue
            root, other_root = sets.find(sid), sets.find(other)
            if root == other_root:  # already in one thread: linking them again changes nothing
                continue
            if _score(p, prof[other], idf, weight[sid], weight[other]) >= THRESHOLD:
                sets.union(root, other_root)
    groups: dict[str, list[str]] = defaultdict(list)
    for sid in prof:
        groups[sets.find(sid)].append(sid)
    out_rows, story_thread = [], {}
    for members in groups.values():
        members.sort(key=lambda s: (dates[s] or "9999", s))
        tid = "t-" + members[0].removeprefix("s-")
        actors: Counter = Counter()
        for s in members:
            for k in prof[s]:
                if k.startswith("a:"):
                    actors[k[2:]] += 1
        top = [a for a, _ in actors.most_common(5)]
        out_rows.append({
            "id": tid, "start": dates[members[0]], "end": dates[members[-1]],
            "label": " / ".join(top[:3]), "actors": top, "stories": members,
        })
        for s in members:
            story_thread[s] = tid
    with store.transaction():
        save_threads(store, out_rows, story_thread)
    return story_thread
