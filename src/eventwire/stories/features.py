"""What the story stages need to know about one article, read from the store.

``load_features(store, ids)`` reads titles, bodies, dates, sentences, entities
(with resolved actors), quotes and time expressions in a few bulk queries, and
derives the words, numbers and the date of the happening the article reports.
The TF-IDF vector is filled by ``similarity.fit`` over the articles at hand.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

CHUNK = 500
LEAD_SENTENCES = 2  # the lead: the first sentences of the body
LEAD_CHARS = 600
PAST_DAYS = 30  # a lead's date further back than this is background, not the happening

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves said says say told tell according also
mr ms mrs one two new would could may might must shall us it's that's there's we're i'm don't didn't isn't
""".split())

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'stated'/'states', 'talks'/'talk'."""
    for suf, keep in (("ing", 4), ("edly", 4), ("ed", 4), ("ies", 3), ("es", 4), ("s", 3), ("ly", 4)):
        if word.endswith(suf) and len(word) - len(suf) >= keep:
            word = word[: -len(suf)]
            if suf == "ies":
                word += "y"
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def _content_word(w: str) -> str:
    """The stemmed content word of a lower-cased token, or "" when it is not one."""
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) < 2 or w in STOPWORDS:
        return ""
    return stem(w)


_WORDS: dict[str, str] = {}  # token -> _content_word(token): tokens repeat, the rules need not
_WORDS_MAX = 500_000


def words(text: str) -> list[str]:
    """Content words, lower-cased and stemmed."""
    cache = _WORDS
    out = []
    for w in WORD.findall(text.lower().replace("’", "'")):
        c = cache.get(w)
        if c is None:
            c = _content_word(w)
            if len(cache) < _WORDS_MAX:
                cache[w] = c
        if c:
            out.append(c)
    return out


def numbers(text: str) -> set[str]:
    out = set()
    for m in NUMBER.finditer(text):
        n = m.group(0).replace(",", "").rstrip(".")
        if len(n) >= 2 or "." in n:
            out.add(n)
    return out


@dataclass
class ArticleFeatures:
    id: str
    title: str
    body: str
    published: str | None = None
    happening: str | None = None  # ISO date of what the article reports
    happening_basis: str = ""
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    confidence: float = 0.0  # of the publication date
    n: int = 0  # store order
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)  # name, label, actor, kind, country, sector, mentions
    actors: Counter = field(default_factory=Counter)  # actor key -> mentions
    quotes: list[dict] = field(default_factory=list)  # text, speaker
    quote_words: list[frozenset] = field(default_factory=list)
    times: list[dict] = field(default_factory=list)  # text, value, kind, start
    numbers: set[str] = field(default_factory=set)
    events: list[dict] = field(default_factory=list)  # coded event mentions: start, root, quad, source, target
    acts: frozenset = frozenset()  # the lead's acts: (root, source party, target party), see ``lead_acts``
    tf: Counter = field(default_factory=Counter)  # content word -> count (title counted twice)
    vec: dict[str, float] = field(default_factory=dict)  # L2-normalised TF-IDF, set by similarity.fit

    @property
    def lead_end(self) -> int:
        if self.sentences:
            end = self.sentences[min(LEAD_SENTENCES, len(self.sentences)) - 1][1]
            return min(end, max(LEAD_CHARS, self.sentences[0][1]))
        return min(len(self.body), LEAD_CHARS)

    def sentence_texts(self, limit: int | None = None) -> list[tuple[int, int, str]]:
        spans = self.sentences or [(0, len(self.body))]
        if limit is not None:
            spans = spans[:limit]
        return [(s, e, self.body[s:e].strip()) for s, e in spans if self.body[s:e].strip()]

    @property
    def metadata_score(self) -> float:
        """How well the article is documented: used to pick the original among copies."""
        return sum(bool(x) for x in (self.outlet, self.url, self.byline, self.published)) + self.confidence

    @property
    def date(self) -> str | None:
        return self.happening or self.published


@functools.lru_cache(maxsize=100_000)
def day(value: str | None) -> int | None:
    """Days since 0001-01-01 of an ISO date (its first ten characters)."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def happening_date(published: str | None, times: Sequence[dict], lead_end: int) -> tuple[str | None, str]:
    """The most common past day-precise time value in the lead, else the publication date."""
    pub = day(published)
    found: list[tuple[int, str]] = []
    for t in times:
        v = t.get("value") or ""
        if t.get("start", 0) >= lead_end or "/" in v or not re.match(r"\d{4}-\d{2}-\d{2}", v):
            continue
        d = day(v)
        if d is None:
            continue
        if pub is not None and not (pub - PAST_DAYS <= d <= pub):
            continue
        found.append((t.get("start", 0), v[:10]))
    if found:
        found.sort()
        counts = Counter(v for _, v in found)
        best = max(counts.values())
        for _, v in found:  # ties: the first said
            if counts[v] == best:
                return v, f"lead time expression(s) {v} x{best}"
    if published:
        return published[:10], "publication date"
    return None, "no date"


NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})  # entity labels


def actor_key(e: dict) -> str:
    return (e.get("actor") or e["name"]).strip().lower()


def _in(ids: Sequence[str]) -> str:
    return ", ".join("?" * len(ids))


def load_features(store, ids: Sequence[str] | None = None) -> list[ArticleFeatures]:
    """Features of the given articles (all when ``ids`` is None), in publication order."""
    if ids is None:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY coalesce(published, '9999'), n")]
    ids = list(dict.fromkeys(ids))
    out: list[ArticleFeatures] = []
    for i in range(0, len(ids), CHUNK):
        out.extend(_load_chunk(store.conn, ids[i: i + CHUNK]))
    out.sort(key=lambda f: (f.published or "9999", f.n))
    return out


def _load_chunk(conn, ids: Sequence[str]) -> list[ArticleFeatures]:
    feats: dict[str, ArticleFeatures] = {}
    q = _in(ids)
    for r in conn.execute(
        f"""SELECT id, n, title, body, published, outlet, url, byline, published_confidence
            FROM articles WHERE id IN ({q})""", ids):
        feats[r[0]] = ArticleFeatures(
            id=r[0], n=r[1], title=r[2] or "", body=r[3] or "", published=(r[4] or None) and r[4][:10],
            outlet=r[5], url=r[6], byline=r[7], confidence=r[8] or 0.0)
    for aid, s, e in conn.execute(
            f'SELECT article_id, start, "end" FROM sentences WHERE article_id IN ({q}) ORDER BY article_id, i', ids):
        feats[aid].sentences.append((s, e))
    counts = {(a, e): c for a, e, c in conn.execute(
        f"SELECT article_id, entity, count(*) FROM mentions WHERE article_id IN ({q}) GROUP BY 1, 2", ids)}
    for r in conn.execute(
            f"""SELECT article_id, entity, name, label, actor_name, kind, country, sector
                FROM entities WHERE article_id IN ({q}) ORDER BY article_id, entity""", ids):
        feats[r[0]].entities.append({
            "name": r[2], "label": r[3], "actor": r[4], "kind": r[5], "country": r[6], "sector": r[7],
            "mentions": counts.get((r[0], r[1]), 1)})
    for r in conn.execute(
            f"SELECT article_id, text, speaker, actor_name FROM quotes WHERE article_id IN ({q}) ORDER BY article_id, i",
            ids):
        feats[r[0]].quotes.append({"text": r[1], "speaker": r[3] or r[2]})
    for r in conn.execute(
            f'SELECT article_id, text, value, kind, start FROM times WHERE article_id IN ({q}) ORDER BY article_id, start',
            ids):
        feats[r[0]].times.append({"text": r[1], "value": r[2], "kind": r[3], "start": r[4]})
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_mentions'").fetchone():
        for r in conn.execute(
                f"""SELECT article_id, sentence_start, root, quad, source, target FROM event_mentions
                    WHERE article_id IN ({q}) AND NOT negated AND NOT hypothetical ORDER BY article_id, i""", ids):
            feats[r[0]].events.append({"start": r[1], "root": r[2], "quad": r[3], "source": r[4], "target": r[5]})
    for f in feats.values():
        finish(f)
    return list(feats.values())


def finish(f: ArticleFeatures) -> ArticleFeatures:
    """Derive words, numbers, actors, quote words and the happening's date."""
    f.tf = Counter(words(f.body))
    for w in words(f.title):
        f.tf[w] += 2
    f.numbers = numbers(f.body)
    f.actors = Counter()
    for e in f.entities:
        if e["label"] in NOT_ACTORS:
            continue
        f.actors[actor_key(e)] += e.get("mentions", 1)
    f.quote_words = [frozenset(words(q["text"])) for q in f.quotes]
    f.happening, f.happening_basis = happening_date(f.published, f.times, f.lead_end)
    f.acts = lead_acts(f.events, f.lead_end)
    return f


def _party(code: str | None) -> str:
    """The party an actor code stands for at the level two reports agree on: its first three letters
    (a country, or a bare sector such as GOV when the coder found no country)."""
    return (code or "")[:3]


def lead_acts(events: Sequence[dict], lead_end: int) -> frozenset:
    """What the lead says happened: (CAMEO root, source party, target party) of each event coded in
    the lead's sentences (not negated, not hypothetical)."""
    return frozenset((e["root"], _party(e["source"]), _party(e["target"])) for e in events
                     if e["start"] < lead_end and e["root"])


MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})  # intend to cooperate, consult, cooperate: both sides act


def same_act(a: frozenset, b: frozenset) -> bool | None:
    """Whether two leads report the same act by the same actors: True when they share a CAMEO root
    done by the same party (or, for mutual acts such as meetings and agreements, between the same two
    parties either way round); False when both
    leads have acts and none matches; None when either lead has no coded act (the coder cannot tell).
    A reaction by another government, a retaliation (the roles swapped but a different root) or a
    court order after an arrest do not match."""
    if not a or not b:
        return None
    for root, src, tgt in a:
        for root2, src2, tgt2 in b:
            if root != root2:
                continue
            if (src and src == src2) or (root in MUTUAL_ROOTS and {src, tgt} == {src2, tgt2} and src and tgt):
                return True
    return False
