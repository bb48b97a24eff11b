"""Merging reports of the same happening into one event.

Many articles, and often several sentences of one article, report the same
meeting or strike.  Like GDELT (NumMentions, NumArticles, NumSources), the
store keeps one event per happening and counts its reports:

1. **Same key**: sentence-events with the same source, target, CAMEO root and
   day are one event.  An actor is its code (RUSGOV), or its name when it has
   no code.  The day is the event's date, else the article's publication date;
   an event with neither is never merged across articles.
2. **Same story** (only when a ``story_members(story_id, article_id)`` table
   exists): events in articles of one story with the same source country,
   target country (the actor itself when it has no country) and root, no more
   than 2 days apart (from the earliest), are one event.  Reports with no day (an
   undated article) join the story's one such event, or each other when none is
   dated; when the story holds several, they stay apart.
3. **What happened**: negated, hypothetical and future reports are merged
   among themselves, never with reports that it happened; their events are
   kept with ``happened = 0`` and ``status`` saying why.

The merged event takes the most reported CAMEO code (the more specific one on
a tie: 042 over 040) with its Goldstein score, quad class and PLOVER type; the
most reported actors, day and location; and the first report's sentence and
article.

Ids are stable: ``sha256(source|target|root|day)`` (plus the status for
events that did not happen), so re-merging gives the same ids, and an event
merged from a story keeps the id of its earliest part.

``merge(store, article_ids)`` redoes only what those articles touch: the
events they feed or fed, every other report with the same key, and the rest
of their stories, transitively.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..unionfind import UnionFind
from .store import EVENT_COLUMNS, ensure_schema

if TYPE_CHECKING:  # pragma: no cover
    from ..store import Store

STORY_WINDOW_DAYS = 2
NOT_HAPPENED = ("negated", "hypothetical", "future")  # statuses that do not count as happened events
_CHUNK = 500


# -------------------------------------------------------------------- helpers


def day_of(date: str | None, published: str | None) -> str | None:
    """The day an event is filed under: its own date when it names a day, else
    the publication day (when consistent with a month/year date), else the
    partial date itself, else None."""
    date = (date or "").strip()
    published = (published or "").strip()
    if len(date) >= 10 and _is_day(date[:10]):
        return date[:10]
    if date:
        if published[:10] and _is_day(published[:10]) and published.startswith(date[:7]):
            return published[:10]
        return date.split("/")[0] or None
    if published[:10] and _is_day(published[:10]):
        return published[:10]
    return None


def _is_day(s: str) -> bool:
    try:
        dt.date.fromisoformat(s)
    except ValueError:
        return False
    return len(s) == 10


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    try:
        import pycountry

        return frozenset(c.alpha_3 for c in pycountry.countries)
    except Exception:  # pragma: no cover - pycountry is a dependency
        return frozenset()


def country_of(code: str | None) -> str | None:
    """The ISO alpha-3 country an actor code starts with: RUSGOV -> RUS, IGO -> None."""
    if code and len(code) >= 3 and code[:3] in _countries():
        return code[:3]
    return None


# codes that are the statement itself: an intent ("pledged to send aid", 03x) or a threat ("said it
# would expel the envoys", 13x) is made the day it is said, whatever lies ahead of the act it names
STATEMENT_ROOTS = ("03", "13")


def status_of(negated, hypothetical, future, root: str | None = None) -> str:
    """What the reports say of an act: negated, hypothetical, future or happened.  A future act
    coded as its statement of intent or threat (``STATEMENT_ROOTS``) happened: the statement was made."""
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if future and (root or "")[:2] not in STATEMENT_ROOTS:
        return "future"
    return "happened"


def event_id(source_key: str, target_key: str, root: str, day: str | None, status: str = "happened") -> str:
    parts = [source_key, target_key, root, day or ""]
    if status != "happened":
        parts.append(status)
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def specificity(cameo: str) -> int:
    """How specific a CAMEO code is: 040 and 100 (root level) 2, 042 3, 0421 4."""
    return len(cameo[:2]) + len(cameo[2:].rstrip("0"))


def _chunks(items: Sequence, n: int = _CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


# ---------------------------------------------------------------- the mentions


@dataclass
class _M:
    rowid: int
    article_id: str
    i: int
    cameo: str
    root: str
    goldstein: float
    quad: int
    plover: str
    plover_mode: str | None
    source: str | None
    target: str | None
    source_actor: str | None
    target_actor: str | None
    location: str | None
    sentence: str
    confidence: float
    src_key: str
    tgt_key: str
    status: str
    day: str | None
    order: tuple  # first-report order: (published or '9999', article n, i)
    lead: bool  # in the article's first paragraph
    url: str | None
    outlet: str | None

    @property
    def key(self) -> tuple:
        day = self.day if self.day else f"undated:{self.article_id}"
        return (self.src_key, self.tgt_key, self.root, day, self.status)


_LOAD = """
SELECT m.rowid, m.article_id, m.i, m.cameo, m.root, m.goldstein, m.quad, m.plover, m.plover_mode,
       m.source, m.target, m.source_actor, m.target_actor, m.location, m.sentence, m.confidence,
       m.src_key, m.tgt_key, m.negated, m.hypothetical, m.future, m.date,
       a.published, a.n, m.sentence_start < coalesce(nullif(instr(a.body, char(10) || char(10)), 0) - 1, length(a.body)),
       coalesce(a.url, a.source), a.outlet
FROM event_mentions m JOIN articles a ON a.id = m.article_id
"""


def _mention(r) -> _M:
    published = r[22]
    return _M(
        rowid=r[0], article_id=r[1], i=r[2], cameo=r[3], root=r[4], goldstein=r[5], quad=r[6], plover=r[7],
        plover_mode=r[8], source=r[9], target=r[10], source_actor=r[11], target_actor=r[12], location=r[13],
        sentence=r[14], confidence=r[15], src_key=r[16], tgt_key=r[17], status=status_of(r[18], r[19], r[20], r[4]),
        day=day_of(r[21], published), order=(published or "9999", r[23], r[2]), lead=bool(r[24]),
        url=r[25], outlet=r[26],
    )


def _load(conn: sqlite3.Connection, article_ids: Sequence[str] | None) -> list[_M]:
    if article_ids is None:
        return [_mention(r) for r in conn.execute(_LOAD)]
    out: list[_M] = []
    for chunk in _chunks(list(article_ids)):
        out += [_mention(r) for r in conn.execute(_LOAD + f" WHERE m.article_id IN ({', '.join('?' * len(chunk))})", chunk)]
    return out


# ------------------------------------------------------------------ affected set


def _closure(conn: sqlite3.Connection, article_ids: Iterable[str], stories: bool) -> set[str]:
    """Every article whose events must be redone when these articles changed."""
    arts: set[str] = set(article_ids)
    frontier = set(arts)
    while frontier:
        new: set[str] = set()
        ids = sorted(frontier)
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            # the articles of the events these articles fed (before they changed)
            new |= {r[0] for r in conn.execute(
                f"""SELECT DISTINCT l2.article_id FROM event_links l1 JOIN event_links l2 ON l2.event_id = l1.event_id
                    WHERE l1.article_id IN ({marks})""", chunk)}
            if stories:
                new |= {r[0] for r in conn.execute(
                    f"""SELECT DISTINCT s2.article_id FROM story_members s1 JOIN story_members s2 ON s2.story_id = s1.story_id
                        WHERE s1.article_id IN ({marks})""", chunk)}
        # every article with a report of the same key
        keys = {(m.src_key, m.tgt_key, m.root, m.day, m.status) for m in _load(conn, ids) if m.day}
        coarse = {k[:3] for k in keys}
        for src, tgt, root in coarse:
            for m in (_mention(r) for r in conn.execute(
                    _LOAD + " WHERE m.src_key = ? AND m.tgt_key = ? AND m.root = ?", (src, tgt, root))):
                if m.article_id not in arts and (src, tgt, root, m.day, m.status) in keys:
                    new.add(m.article_id)
        frontier = new - arts
        arts |= frontier
    return arts


# ----------------------------------------------------------------------- merge


def _story_side(code: str | None, key: str) -> str:
    return country_of(code) or key


def _story_unions(conn: sqlite3.Connection, groups: dict[tuple, list[_M]], uf: UnionFind) -> dict[tuple, str]:
    """Union same-story groups; returns each group's (smallest) story id."""
    by_article: dict[str, list[str]] = defaultdict(list)
    arts = sorted({m.article_id for ms in groups.values() for m in ms})
    for chunk in _chunks(arts):
        for story, aid in conn.execute(
                f"SELECT story_id, article_id FROM story_members WHERE article_id IN ({', '.join('?' * len(chunk))})", chunk):
            by_article[aid].append(str(story))
    group_story: dict[tuple, str] = {}
    buckets: dict[tuple, list[tuple]] = defaultdict(list)  # (story, src country, tgt country, root, status) -> group keys
    undated: dict[tuple, list[tuple]] = defaultdict(list)  # the same, for reports with no day at all
    for key, ms in groups.items():
        stories = sorted({s for m in ms for s in by_article.get(m.article_id, ())})
        if stories:
            group_story[key] = stories[0]
        day = key[3]
        dated = _is_day(day)
        if not dated and not day.startswith("undated:"):
            continue  # a month or a year: too coarse to join a day
        m0 = ms[0]
        sides = (_story_side(m0.source, m0.src_key), _story_side(m0.target, m0.tgt_key))
        for s in stories:
            (buckets if dated else undated)[(s, *sides, key[2], key[4])].append(key)
    for bucket in buckets.keys() | undated.keys():
        keys = sorted(buckets.get(bucket, ()), key=lambda k: k[3])
        anchor = None
        firsts = []
        for k in keys:
            d = dt.date.fromisoformat(k[3])
            if anchor is None or (d - anchor).days > STORY_WINDOW_DAYS:
                anchor = d
                firsts.append(k)
            else:
                uf.union(firsts[-1], k)
        # reports with no day (an undated reprint) join the story's one happening of that kind;
        # with none dated they are one happening among themselves; with several, none is chosen
        lost = sorted(undated.get(bucket, ()))
        if lost and len(firsts) <= 1:
            head = firsts[0] if firsts else lost[0]
            for k in lost:
                uf.union(head, k)
    return group_story


def _most(values: Iterable, tiebreak=None):
    """The most common non-None value; ties broken by ``tiebreak`` (max), else the first seen."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    tied = [v for v in counts if counts[v] == best]
    return max(tied, key=tiebreak) if tiebreak else tied[0]


def _event_row(part_keys: list[tuple], ms: list[_M], story_id: str | None) -> tuple:
    ms = sorted(ms, key=lambda m: m.order)
    first = ms[0]
    status = first.status
    # id: the earliest part's key hash (a single-key event: its own key)
    k0 = min(part_keys, key=lambda k: (k[3], k))
    eid = event_id(k0[0], k0[1], k0[2], k0[3], status)  # an undated key's "day" names its article
    cameo = _most((m.cameo for m in ms), tiebreak=lambda c: (specificity(c), [-ord(ch) for ch in c]))
    coded = [m for m in ms if m.cameo == cameo]
    goldstein = round(sum(m.goldstein for m in coded) / len(coded), 3)
    quad = _most(m.quad for m in coded)
    plover = _most(m.plover for m in coded)
    plover_mode = _most(m.plover_mode for m in coded) or _most(m.plover_mode for m in ms)
    source = _most((m.source for m in ms), tiebreak=len)
    target = _most((m.target for m in ms), tiebreak=len)
    days = [m.day for m in ms if m.day]
    date = _most(days, tiebreak=lambda d: [-ord(ch) for ch in d]) if days else None
    articles = list(dict.fromkeys(m.article_id for m in ms))
    sources = list(dict.fromkeys(m.url for m in ms if m.url))
    outlets = {m.outlet or m.url or m.article_id for m in ms}
    row = {
        "id": eid, "source": source, "target": target,
        "source_actor": _most(m.source_actor for m in ms), "target_actor": _most(m.target_actor for m in ms),
        "source_country": country_of(source), "target_country": country_of(target),
        "cameo": cameo, "root": coded[0].root, "quad": quad, "goldstein": goldstein,
        "plover": plover, "plover_mode": plover_mode, "date": date, "location": _most(m.location for m in ms),
        "status": status, "happened": int(status not in NOT_HAPPENED), "is_root": int(any(m.lead for m in ms)),
        "mentions": len(ms), "num_articles": len(articles), "num_sources": len(outlets),
        "articles": json.dumps(articles), "sources": json.dumps(sources, ensure_ascii=False),
        "article_id": first.article_id, "sentence": first.sentence, "story_id": story_id,
        "confidence": round(sum(m.confidence for m in ms) / len(ms), 3),
    }
    return tuple(row[c] for c in EVENT_COLUMNS)


@dataclass
class MergeReport:
    articles: int = 0  # articles whose events were redone
    mentions: int = 0
    events: int = 0  # events written
    happened: int = 0
    removed: int = 0  # events deleted before rewriting
    event_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"articles": self.articles, "mentions": self.mentions, "events": self.events,
                "happened": self.happened, "removed": self.removed}


def merge(store: "Store", article_ids: Iterable[str] | None = None) -> MergeReport:
    """Rebuild merged events: all of them, or only those the given articles
    touch (after ``save_event_mentions`` for them, or after deleting them)."""
    ensure_schema(store)
    conn = store.conn
    stories = _has_table(conn, "story_members")
    report = MergeReport()
    with store.transaction():
        if article_ids is None:
            report.removed = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            conn.execute("DELETE FROM events")
            conn.execute("DELETE FROM event_links")
            mentions = _load(conn, None)
            report.articles = len({m.article_id for m in mentions})
        else:
            arts = sorted(_closure(conn, article_ids, stories))
            report.articles = len(arts)
            for chunk in _chunks(arts):
                marks = ", ".join("?" * len(chunk))
                old = [r[0] for r in conn.execute(
                    f"SELECT DISTINCT event_id FROM event_links WHERE article_id IN ({marks})", chunk)]
                for ochunk in _chunks(old):
                    omarks = ", ".join("?" * len(ochunk))
                    report.removed += conn.execute(f"DELETE FROM events WHERE id IN ({omarks})", ochunk).rowcount
                    conn.execute(f"DELETE FROM event_links WHERE event_id IN ({omarks})", ochunk)
            mentions = _load(conn, arts)
        report.mentions = len(mentions)

        groups: dict[tuple, list[_M]] = defaultdict(list)
        for m in mentions:
            groups[m.key].append(m)
        uf = UnionFind(groups)
        group_story = _story_unions(conn, groups, uf) if stories else {}
        clusters: dict[tuple, list[tuple]] = defaultdict(list)
        for key in groups:
            clusters[uf.find(key)].append(key)

        rows, links, assign = [], [], []
        for parts in clusters.values():
            ms = [m for k in parts for m in groups[k]]
            story = min((group_story[k] for k in parts if k in group_story), default=None)
            row = _event_row(parts, ms, story)
            eid = row[0]
            rows.append(row)
            links += [(eid, a) for a in {m.article_id for m in ms}]
            assign += [(eid, m.rowid) for m in ms]
            report.event_ids.append(eid)
            report.happened += row[EVENT_COLUMNS.index("happened")]
        conn.executemany(
            f"INSERT OR REPLACE INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
            rows,
        )
        conn.executemany("INSERT OR IGNORE INTO event_links VALUES (?, ?)", links)
        conn.executemany("UPDATE event_mentions SET event_id = ? WHERE rowid = ?", assign)
        report.events = len(rows)
    return report
