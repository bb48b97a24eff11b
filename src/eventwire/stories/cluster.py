"""Incremental story grouping.

``assign(store, new_ids)`` puts each new article into the best existing story
(similarity to its members above ``THRESHOLD`` and happening dates within
``WINDOW_DAYS``) or opens a new story.  Nothing already grouped is regrouped.
Candidates come from an inverted index keyed by (rare term or actor, date
bucket), so each article is compared with a handful of stories, not all.
Reprints (MinHash LSH) join the story of the article they reprint, whatever
its date.
"""
from __future__ import annotations

import bisect
import gc
import heapq
import json
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .copies import Copy, ReprintIndex, from_signature, minhash, original_key, relate, resolve, signature
from .features import ArticleFeatures, day, load_features, same_act, words
from .similarity import Idf, cosine, fit, quotes_match, similarity_above, tfidf
from .store import ensure_schema, save_stories

THRESHOLD = 0.25  # similarity to the nearest member needed to join a story
WINDOW_DAYS = 1  # a story is one happening: its members' happening dates lie within a day (time zones)
ALIKE_UNDATED = 0.3  # an undated article with no coded act in common joins on words this alike
ALIKE_NEXT_DAY = 0.5  # a report dated a day apart with no coded act in common: words this alike
KEY_TERMS = 10  # highest TF-IDF words per article used as index keys
KEY_ACTORS = 6
MAX_CANDIDATES = 12  # stories compared in full per article
MAX_COMPARE = 8  # members of a story compared with a new article


@dataclass
class StoryChange:
    story_id: str
    article_id: str
    action: str  # "opened" | "joined"
    role: str
    score: float = 0.0


@dataclass
class _Story:
    id: str
    members: list[ArticleFeatures] = field(default_factory=list)
    copies: dict[str, Copy] = field(default_factory=dict)  # copy article id -> Copy
    scores: dict[str, float] = field(default_factory=dict)
    touched: bool = False
    byid: dict[str, ArticleFeatures] = field(default_factory=dict)
    sorted_days: list[int] = field(default_factory=list)  # members' happening days, ascending
    # members by original_key, all of them and split into originals / copies: kept sorted as members
    # join, so the comparison pool and the earliest members are read off the front, not re-sorted
    by_key: list[tuple] = field(default_factory=list)
    orig_keys: list[tuple] = field(default_factory=list)
    copy_keys: list[tuple] = field(default_factory=list)
    _pool: list[ArticleFeatures] | None = None

    def days(self) -> list[int]:
        return [d for d in (day(m.date) for m in self.members) if d is not None]

    def append(self, f: ArticleFeatures) -> None:
        self.members.append(f)
        self.byid[f.id] = f
        d = day(f.date)
        if d is not None:
            bisect.insort(self.sorted_days, d)
        k = original_key(f)
        bisect.insort(self.by_key, k)
        bisect.insort(self.copy_keys if f.id in self.copies else self.orig_keys, k)
        self._pool = None

    def set_copy(self, c: Copy) -> None:
        was = c.article_id in self.copies
        self.copies[c.article_id] = c
        f = self.byid.get(c.article_id)
        if not was and f is not None:  # an original becomes a copy
            k = original_key(f)
            i = bisect.bisect_left(self.orig_keys, k)
            if i < len(self.orig_keys) and self.orig_keys[i] == k:
                del self.orig_keys[i]
                bisect.insort(self.copy_keys, k)
                self._pool = None

    def gap(self, d: int) -> int | None:
        """Days from ``d`` to the nearest member's day (None when no member is dated)."""
        ds = self.sorted_days
        if not ds:
            return None
        i = bisect.bisect_left(ds, d)
        return min(abs(d - ds[j]) for j in (i - 1, i) if 0 <= j < len(ds))

    def pool(self) -> list[ArticleFeatures]:
        """The members a new article is compared with: originals first, each earliest first."""
        if self._pool is None:
            keys = self.orig_keys[:MAX_COMPARE]
            keys += self.copy_keys[:MAX_COMPARE - len(keys)]
            self._pool = [self.byid[k[-1]] for k in keys]
        return self._pool

    def earliest(self, k: int) -> list[ArticleFeatures]:
        """The ``k`` members first by ``original_key``."""
        return [self.byid[key[-1]] for key in self.by_key[:k]]


def _bucket(d: int | None) -> int | None:
    return None if d is None else d // max(WINDOW_DAYS, 1)


def _keys(f: ArticleFeatures) -> list[str]:
    cached = f.__dict__.get("_index_keys")
    if cached is not None and cached[0] is f.vec:
        return cached[1]
    keys = _make_keys(f)
    f.__dict__["_index_keys"] = (f.vec, keys)
    return keys


def _make_keys(f: ArticleFeatures) -> list[str]:
    terms = heapq.nlargest(KEY_TERMS, f.vec.items(), key=lambda kv: kv[1])  # = sorted(...)[:KEY_TERMS]
    aidf = getattr(f, "actor_idf", None)
    actors = sorted(f.actors, key=lambda k: -(f.actors[k] * (aidf(k) if aidf else 1.0)))[:KEY_ACTORS]
    return [f"w:{t}" for t, _ in terms] + [f"a:{a}" for a in actors]


class _Index:
    def __init__(self) -> None:
        self.post: dict[tuple[str, int | None], set[str]] = defaultdict(set)
        self.anydate: dict[str, set[str]] = defaultdict(set)  # for undated articles

    def add(self, f: ArticleFeatures, sid: str) -> None:
        b = _bucket(day(f.date))
        for k in _keys(f):
            self.post[(k, b)].add(sid)
            self.anydate[k].add(sid)

    def candidates(self, f: ArticleFeatures) -> list[str]:
        """Stories sharing index keys with ``f`` in its date buckets (any date when undated)."""
        b = _bucket(day(f.date))
        score: Counter = Counter()
        for k in _keys(f):
            if b is None:
                score.update(self.anydate.get(k, ()))
                continue
            for bb in (b - 1, b, b + 1, None):
                for sid in self.post.get((k, bb), ()):
                    score[sid] += 1
        # most shared keys first, ties by id (not by insertion order, which differs between engines)
        return [sid for sid, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]]


def joinable(a: ArticleFeatures, b: ArticleFeatures, score: float) -> bool:
    """Whether two articles alike by ``score`` may report one happening.

    Reports of one happening are dated within ``WINDOW_DAYS`` of each other.  On the same day, words
    suffice.  A day apart, or when either is undated, the leads must report the same act (the same
    CAMEO root between common parties: not a retaliation, a reaction or a correction the next day),
    or, when the coder found no act in a lead, the texts must be very alike (``ALIKE_NEXT_DAY``; an
    undated article ``ALIKE_UNDATED``, above the same-day ``THRESHOLD``: it does not join a story
    months away on loose word overlap).
    """
    da, db = day(a.date), day(b.date)
    gap = abs(da - db) if da is not None and db is not None else None
    if gap is not None and gap > WINDOW_DAYS:
        return False
    if gap == 0:
        return True
    act = same_act(a.acts, b.acts)
    if act is False:
        return False
    return act is True or score >= (ALIKE_UNDATED if gap is None else ALIKE_NEXT_DAY)


def _load_vocab(store) -> tuple[dict[str, int], int]:
    df = dict(store.conn.execute("SELECT term, df FROM story_vocab"))
    n = store.conn.execute("SELECT count(*) FROM story_signatures").fetchone()[0]
    return df, n


def assign(store, new_ids: Sequence[str], vocab: tuple[dict[str, int], int, dict[str, int]] | None = None) -> list[StoryChange]:
    """Group new articles into stories (incrementally); returns what changed.

    ``vocab``: (document frequency of each word, articles, document frequency of each actor key)
    over a larger corpus than the store holds, for word and actor weights as over that corpus (the
    Spark engine groups a block of it at a time)."""
    # A large batch allocates many long-lived objects (features, index sets) and no cycles worth
    # collecting: the cyclic GC's full passes over them grew with the batch, so it waits until the end.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _assign(store, new_ids, vocab)
    finally:
        if enabled:
            gc.enable()


def _assign(store, new_ids: Sequence[str], vocab: tuple[dict[str, int], int, dict[str, int]] | None = None) -> list[StoryChange]:
    ensure_schema(store)
    done = {r[0] for r in store.conn.execute("SELECT article_id FROM story_members")} if new_ids else set()
    new_ids = [i for i in dict.fromkeys(new_ids) if i not in done]
    if not new_ids:
        return []
    new = load_features(store, new_ids)
    if not new:
        return []
    # vocabulary: what is stored plus the new articles
    df, n = _load_vocab(store)
    new_df: Counter = Counter()
    for f in new:
        new_df.update(set(f.tf))
    for t, c in new_df.items():
        df[t] = df.get(t, 0) + c
    idf = Idf(df, n + len(new)) if vocab is None else Idf(vocab[0], vocab[1])

    # existing stories whose dates may meet the new articles'
    stories: dict[str, _Story] = {}
    member_of: dict[str, str] = {}
    new_days = [d for d in (day(f.date) for f in new) if d is not None]
    rows: list = []
    if new_days:
        import datetime as dt
        lo = dt.date.fromordinal(max(1, min(new_days) - WINDOW_DAYS - 1)).isoformat()
        hi = dt.date.fromordinal(max(new_days) + WINDOW_DAYS + 1).isoformat()
        rows = store.conn.execute(
            """SELECT m.story_id, m.article_id, m.role, m.copy_of, m.copy_score, m.score FROM story_members m
               WHERE m.story_id IN (SELECT id FROM stories WHERE date BETWEEN ? AND ? OR date IS NULL)""",
            (lo, hi)).fetchall()
    if any(day(f.date) is None for f in new):
        rows += store.conn.execute(
            """SELECT m.story_id, m.article_id, m.role, m.copy_of, m.copy_score, m.score FROM story_members m
               WHERE m.story_id IN (SELECT id FROM stories WHERE date IS NULL)""").fetchall()
    old_feats = {f.id: f for f in load_features(store, [r[1] for r in rows])} if rows else {}
    for sid, aid, role, copy_of, cscore, score in rows:
        f = old_feats.get(aid)
        if f is None or aid in member_of:
            continue
        s = stories.setdefault(sid, _Story(sid))
        s.append(f)
        s.scores[aid] = score or 0.0
        member_of[aid] = sid
        if copy_of:
            s.set_copy(Copy(aid, copy_of, role, cscore or 0.0))
    fit(list(old_feats.values()) + new, idf, None if vocab is None else Idf(vocab[2], vocab[1]))
    index = _Index()
    for s in stories.values():
        for m in s.members:
            index.add(m, s.id)

    # reprints: every stored signature
    reprints = ReprintIndex()
    for aid, blob in store.conn.execute("SELECT article_id, minhash FROM story_signatures"):
        reprints.add(aid, from_signature(blob))
    sigs: dict[str, bytes] = {}

    changes: list[StoryChange] = []
    order = sorted(new, key=lambda f: (f.date or "9999", f.published or "9999", f.n))
    for f in order:
        mh = minhash(f)
        sigs[f.id] = signature(mh)
        target: _Story | None = None
        best = 0.0
        copy: Copy | None = None
        for other, j in reprints.query(mh):
            sid = member_of.get(other)
            if sid is None:
                row = store.conn.execute("SELECT story_id FROM story_members WHERE article_id = ?", (other,)).fetchone()
                sid = row and row[0]
                if sid and sid not in stories:
                    _load_story(store, sid, stories, member_of, idf, index)
            if sid:
                target = stories[sid]
                best = j
                orig = target.byid.get(other)
                if orig is not None:
                    first, second = sorted((f, orig), key=original_key)
                    copy = Copy(second.id, first.id, "reprint", round(j, 4))
                break
        if target is None:
            fd = day(f.date)
            for sid in index.candidates(f):
                s = stories[sid]
                if fd is not None:
                    g = s.gap(fd)
                    if g is not None and g > WINDOW_DAYS:
                        continue
                for m in s.pool():  # the first story holding the best-scoring member wins, as before
                    sc = similarity_above(f, m, best)
                    if sc is not None and sc > best and joinable(f, m, sc):
                        best, target = sc, s
            if best < THRESHOLD:
                target = None
        if target is None:
            target = _Story("s-" + f.id)
            stories[target.id] = target
            action = "opened"
        else:
            action = "joined"
            if copy is None:
                for m in target.earliest(20):
                    c = relate(f, m)
                    if c is not None and (copy is None or c.score > copy.score):
                        copy = c
        target.append(f)
        target.scores[f.id] = round(best, 4)
        target.touched = True
        if copy is not None:
            target.set_copy(copy)
        member_of[f.id] = target.id
        index.add(f, target.id)
        reprints.add(f.id, mh)
        changes.append(StoryChange(target.id, f.id, action, "", round(best, 4)))

    # roles, dates, headlines, summaries of the stories that changed
    story_rows, member_rows = [], []
    roles: dict[str, str] = {}
    from ..store.db import now
    stamp = now()
    for s in stories.values():
        if not s.touched:
            continue
        row, mrows = describe(s, idf)
        row["updated"] = stamp
        story_rows.append(row)
        member_rows.extend(mrows)
        roles.update({m["article_id"]: m["role"] for m in mrows})
    for c in changes:
        c.role = roles.get(c.article_id, "report")
    with store.transaction():
        save_stories(store, story_rows, member_rows)
        store.conn.executemany("INSERT OR REPLACE INTO story_signatures VALUES (?, ?)", list(sigs.items()))
        store.conn.executemany(
            "INSERT INTO story_vocab (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            list(new_df.items()))
    return changes


def _load_story(store, sid, stories, member_of, idf, index) -> None:
    rows = store.conn.execute(
        "SELECT article_id, role, copy_of, copy_score, score FROM story_members WHERE story_id = ?", (sid,)).fetchall()
    feats = {f.id: f for f in load_features(store, [r[0] for r in rows])}
    fit(list(feats.values()), idf)
    s = stories.setdefault(sid, _Story(sid))
    for aid, role, copy_of, cscore, score in rows:
        if aid in feats and aid not in member_of:
            s.append(feats[aid])
            s.scores[aid] = score or 0.0
            member_of[aid] = sid
            index.add(feats[aid], sid)
            if copy_of:
                s.set_copy(Copy(aid, copy_of, role, cscore or 0.0))


# ------------------------------------------------------------------ describing a story


def describe(s: _Story, idf: Idf) -> tuple[dict, list[dict]]:
    byid = {m.id: m for m in s.members}
    copies = {c.article_id: c for c in resolve(list(s.copies.values()), byid)}
    originals = [m for m in s.members if m.id not in copies]
    first = min(originals or s.members, key=original_key)
    members = []
    for m in s.members:
        c = copies.get(m.id)
        role = c.kind if c else ("original" if m.id == first.id else "report")
        members.append({
            "article_id": m.id, "story_id": s.id, "role": role, "copy_of": c.of if c else None,
            "copy_score": c.score if c else None, "score": s.scores.get(m.id, 0.0),
            "happening": m.happening, "happening_basis": m.happening_basis,
        })
    dates = Counter(m.date for m in s.members if m.date)
    date = None
    if dates:
        top = max(dates.values())
        date = min(d for d, c in dates.items() if c == top)
    pubs = sorted(m.published for m in s.members if m.published)
    row = {
        "id": s.id, "date": date, "headline": headline(originals or s.members, idf),
        "summary": summary(originals or s.members, idf), "thread": None,
        "key_quotes": key_quotes(s.members), "actors": main_actors(s.members), "size": len(s.members),
        "first_published": pubs[0] if pubs else None, "last_published": pubs[-1] if pubs else None,
    }
    return row, members


def _centroid(members: Sequence[ArticleFeatures]) -> dict[str, float]:
    c: Counter = Counter()
    for m in members:
        for t, v in m.vec.items():
            c[t] += v
    norm = math.sqrt(sum(v * v for v in c.values())) or 1.0
    return {t: v / norm for t, v in c.items()}


def headline(members: Sequence[ArticleFeatures], idf: Idf) -> str | None:
    """The most central title: the one closest to the story's centroid."""
    titled = [m for m in members if m.title]
    if not titled:
        return None
    if len(titled) == 1:
        return titled[0].title
    cen = _centroid(members)
    return max(titled, key=lambda m: (round(cosine(tfidf(Counter(words(m.title)), idf), cen), 6),
                                      -len(m.title))).title


def summary(members: Sequence[ArticleFeatures], idf: Idf, limit: int = 2, chars: int = 420) -> str:
    """One to three central sentences of the members' leads."""
    cen = _centroid(members)
    cands = []
    for m in members:
        for i, (_, _, text) in enumerate(m.sentence_texts(3)):
            text = " ".join(text.split())
            if len(text) < 40 or text.count("\u201c") + text.count('"') >= 2 and len(text) < 80:
                continue
            w = frozenset(words(text))
            score = cosine(tfidf(Counter(words(text)), idf), cen) - 0.05 * i
            cands.append((score, text, w))
    cands.sort(key=lambda x: -x[0])
    chosen: list[tuple[str, frozenset]] = []
    total = 0
    for _, text, w in cands:
        if any(len(w & cw) / max(1, min(len(w), len(cw))) > 0.5 for _, cw in chosen):
            continue
        if chosen and total + len(text) > chars:
            continue
        chosen.append((text, w))
        total += len(text)
        if len(chosen) >= limit:
            break
    return " ".join(t for t, _ in chosen)


def key_quotes(members: Sequence[ArticleFeatures], limit: int = 3) -> list[dict]:
    groups: list[dict] = []
    for m in sorted(members, key=original_key):
        for q, w in zip(m.quotes, m.quote_words):
            if len(w) < 3:
                continue
            for g in groups:
                if quotes_match(g["words"], w):
                    g["articles"].add(m.id)
                    break
            else:
                groups.append({"text": q["text"], "speaker": q["speaker"], "words": w, "articles": {m.id}})
    groups.sort(key=lambda g: (-len(g["articles"]), -(g["speaker"] is not None), -len(g["words"])))
    return [{"text": g["text"], "speaker": g["speaker"], "articles": len(g["articles"])} for g in groups[:limit]]


def main_actors(members: Sequence[ArticleFeatures], limit: int = 15) -> list[dict]:
    arts: Counter = Counter()
    ments: Counter = Counter()
    info: dict[str, dict] = {}
    for m in members:
        seen = set()
        for e in m.entities:
            if not e.get("actor") or e["label"] not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            name = e["actor"]
            ments[name] += e.get("mentions", 1)
            if name not in seen:
                arts[name] += 1
                seen.add(name)
            info.setdefault(name, {"name": name, "kind": e.get("kind"), "country": e.get("country"),
                                   "sector": e.get("sector")})
    ranked = sorted(arts, key=lambda a: (-arts[a], -ments[a], a))[:limit]
    return [{**info[a], "articles": arts[a], "mentions": ments[a]} for a in ranked]
