"""How alike two articles are, in [0, 1].

A weighted mean of: TF-IDF cosine of the texts (IDF fitted over the articles
at hand), overlap of entities/actors (IDF-weighted), shared quotes (fuzzy:
two translations of one quote share most content words), shared numbers,
and how close the dates of the happenings are.  The text (and the date, when both
are known) form the mean; entities, quotes and numbers add bounded bonuses, so
their absence costs nothing.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from .features import ArticleFeatures, day

# Checked with 5-fold cross-validation on SemEval-2022 task 8 en-en pairs (benchmarks/similarity.py):
# there the text alone does best; entities, quotes and numbers are kept as bounded bonuses because
# they are what joins two translations of one statement (few shared words, the same quotes and names).
WEIGHTS = {"text": 0.8, "date": 0.1, "entities": 0.2, "quotes": 0.15, "numbers": 0.05}
BONUS = frozenset({"entities", "quotes", "numbers"})  # add to the score; not in the denominator
DATE_SCALE = 3.0  # days: the date component halves every ~2 days apart
QUOTE_MATCH = 0.5  # share of the shorter quote's content words


class Idf:
    """Smoothed inverse document frequencies (as scikit-learn's ``smooth_idf``)."""

    def __init__(self, df: Mapping[str, int] | None = None, n: int = 0):
        self.df = dict(df or {})
        self.n = n
        self._memo: dict[str, float] = {}

    @classmethod
    def fit(cls, docs: Iterable[Iterable[str]]) -> "Idf":
        df: Counter = Counter()
        n = 0
        for d in docs:
            df.update(set(d))
            n += 1
        return cls(df, n)

    def __call__(self, term: str) -> float:
        v = self._memo.get(term)
        if v is None:  # memoised: called millions of times for a few thousand terms
            v = self._memo[term] = math.log((1 + self.n) / (1 + self.df.get(term, 0))) + 1.0
        return v


def tfidf(tf: Mapping[str, int], idf: Idf) -> dict[str, float]:
    vec = {t: (1.0 + math.log(c)) * idf(t) for t, c in tf.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # terms missing from b would add 0.0: skipping them keeps the sum (and its order) exact
    return sum([v * b[t] for t, v in a.items() if t in b])


def fit(features: list[ArticleFeatures], idf: Idf | None = None, actor_idf: Idf | None = None) -> tuple[Idf, Idf]:
    """Fit word and actor IDF over ``features`` (unless given) and set each ``vec``.
    Returns (word idf, actor idf)."""
    idf = idf or Idf.fit(f.tf for f in features)
    actor_idf = actor_idf or Idf.fit(f.actors for f in features)
    for f in features:
        f.vec = tfidf(f.tf, idf)
        f.actor_idf = actor_idf  # type: ignore[attr-defined]
    return idf, actor_idf


def weighted_jaccard(a: Mapping[str, float], b: Mapping[str, float], weight) -> float:
    keys = set(a) | set(b)
    if not keys:
        return 0.0
    inter = sum([weight(k) for k in set(a) & set(b)])
    total = sum([weight(k) for k in keys])
    return inter / total if total else 0.0


def quotes_match(a: frozenset, b: frozenset, threshold: float = QUOTE_MATCH) -> bool:
    if not a or not b:
        return False
    shared = len(a & b)
    return shared >= min(3, len(a), len(b)) and shared / min(len(a), len(b)) >= threshold


def shared_quotes(a: ArticleFeatures, b: ArticleFeatures) -> tuple[int, int]:
    """(quotes of the article with fewer quotes that the other one also has, its number of quotes)."""
    qa, qb = [q for q in a.quote_words if q], [q for q in b.quote_words if q]
    if len(qa) > len(qb):
        qa, qb = qb, qa
    return sum(any(quotes_match(x, y) for y in qb) for x in qa), len(qa)


def components(a: ArticleFeatures, b: ArticleFeatures, _text: float | None = None) -> dict[str, float]:
    """Each measurable component of the similarity, in [0, 1]."""
    out: dict[str, float] = {}
    if _text is None:
        va, vb = a.vec, b.vec
        if not va or not vb:
            idf = Idf.fit([a.tf, b.tf])
            va, vb = tfidf(a.tf, idf), tfidf(b.tf, idf)
        _text = max(0.0, min(1.0, cosine(va, vb)))
    out["text"] = _text
    if a.actors and b.actors:
        aidf = getattr(a, "actor_idf", None) or Idf.fit([a.actors, b.actors])
        out["entities"] = weighted_jaccard(a.actors, b.actors, aidf)
    if a.quote_words and b.quote_words:
        k, n = shared_quotes(a, b)
        out["quotes"] = k / n if n else 0.0
    if a.numbers and b.numbers:
        out["numbers"] = len(a.numbers & b.numbers) / min(len(a.numbers), len(b.numbers))
    da, db = day(a.date), day(b.date)
    if da is not None and db is not None:
        out["date"] = 2.0 ** (-abs(da - db) / DATE_SCALE * 1.5)
    return out


def combine(parts: Mapping[str, float], weights: Mapping[str, float] | None = None) -> float:
    weights = weights or WEIGHTS
    num = sum(weights.get(k, 0.0) * v for k, v in parts.items())
    den = sum(weights.get(k, 0.0) for k in parts if k not in BONUS)
    return min(1.0, num / den) if den else 0.0


def similarity(a: ArticleFeatures, b: ArticleFeatures, weights: Mapping[str, float] | None = None) -> float:
    """How alike two articles are: 0 (nothing in common) .. 1 (the same)."""
    return combine(components(a, b), weights)


def similarity_above(a: ArticleFeatures, b: ArticleFeatures, floor: float,
                     weights: Mapping[str, float] | None = None) -> float | None:
    """``similarity(a, b)``, or None when it cannot exceed ``floor``: the text cosine (and date) are
    computed first and the other components only when their largest possible bonus could lift the
    score above ``floor``.  Used to skip hopeless comparisons; the scores it returns are exact."""
    weights = weights or WEIGHTS
    if not a.vec or not b.vec:
        return similarity(a, b, weights)
    text = max(0.0, min(1.0, cosine(a.vec, b.vec)))
    num = weights.get("text", 0.0) * text
    den = weights.get("text", 0.0)
    da, db = day(a.date), day(b.date)
    if da is not None and db is not None:
        num += weights.get("date", 0.0) * 2.0 ** (-abs(da - db) / DATE_SCALE * 1.5)
        den += weights.get("date", 0.0)
    if a.actors and b.actors:
        num += weights.get("entities", 0.0)
    if a.quote_words and b.quote_words:
        num += weights.get("quotes", 0.0)
    if a.numbers and b.numbers:
        num += weights.get("numbers", 0.0)
    if den and min(1.0, num / den) + 1e-9 <= floor:
        return None
    return combine(components(a, b, text), weights)
