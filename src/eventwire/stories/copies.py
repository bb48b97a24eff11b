"""Copies: reprints (the same text, near enough) and rewrites (the same report reworded).

Reprints are found with MinHash LSH over word 5-gram shingles (datasketch,
128 permutations, Jaccard threshold 0.8).  Rewrites (synonyms swapped,
sentences reordered, quotes lightly altered) are found among similar
articles by sentence alignment on content words, backed by shared quotes
(fuzzy), shared entities and shared numbers.  Of two copies the original is
the one published first, then the one with the better metadata.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from .features import ArticleFeatures, day, words
from .similarity import components, cosine, quotes_match

NUM_PERM = 128
SCHEME = "affine32"  # datasketch 2 hashing scheme; stored signatures are read back with it
SHINGLE = 5
REPRINT_THRESHOLD = 0.8
REWRITE_TEXT = 0.45  # TF-IDF cosine at least
REWRITE_ALIGNED = 0.6  # share of the shorter article's sentences found in the other
SENTENCE_MATCH = 0.6  # content-word overlap of two sentences (of the shorter)
MAX_DAYS = 60  # a copy appears within this many days of its original

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Copy:
    article_id: str
    of: str  # the article it copies
    kind: str  # "reprint" | "rewrite"
    score: float


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    toks = _TOKEN.findall(text.lower())
    if len(toks) < k:
        return {" ".join(toks).encode()} if toks else set()
    return {" ".join(toks[i: i + k]).encode() for i in range(len(toks) - k + 1)}


def minhash(f: ArticleFeatures) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    sh = _shingles(f)
    if sh:
        m.update_batch(list(sh))
    return m


def signature(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_signature(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype=np.uint64)
    dtype = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).hashvalues.dtype
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=values.astype(dtype))


class ReprintIndex:
    """MinHash LSH over article bodies; ``query`` gives (id, estimated Jaccard) of near-duplicates."""

    def __init__(self, threshold: float = REPRINT_THRESHOLD):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, MinHash] = {}

    def add(self, aid: str, m: MinHash) -> None:
        if aid in self.sigs:
            return
        self.sigs[aid] = m
        self.lsh.insert(aid, m)

    def query(self, m: MinHash) -> list[tuple[str, float]]:
        out = []
        for aid in self.lsh.query(m):
            j = m.jaccard(self.sigs[aid])
            if j >= self.threshold:
                out.append((aid, j))
        return sorted(out, key=lambda x: -x[1])


def original_key(f: ArticleFeatures) -> tuple:
    """Sort key: the first is the original (published first, then better metadata)."""
    return (f.published or "9999", -f.metadata_score, f.n, f.id)


def _sentences(f: ArticleFeatures) -> list[frozenset]:
    cached = f.__dict__.get("_sentence_words")
    if cached is None:
        cached = [s for s in (frozenset(words(t)) for _, _, t in f.sentence_texts()) if len(s) >= 3]
        f.__dict__["_sentence_words"] = cached
    return cached


def _shingles(f: ArticleFeatures) -> set[bytes]:
    cached = f.__dict__.get("_shingles")
    if cached is None:
        cached = f.__dict__["_shingles"] = shingles(f.body)
    return cached


def aligned(a: ArticleFeatures, b: ArticleFeatures) -> float:
    """Share of the shorter article's sentences that have a counterpart in the other (any order)."""
    sa, sb = _sentences(a), _sentences(b)
    if not sa or not sb:
        return 0.0
    if len(sa) > len(sb):
        sa, sb = sb, sa
    hit = 0
    for s in sa:
        for t in sb:
            if len(s & t) / min(len(s), len(t)) >= SENTENCE_MATCH:
                hit += 1
                break
    return hit / len(sa)


def rewrite_score(a: ArticleFeatures, b: ArticleFeatures) -> float:
    """> 0 when one article is a rewrite of the other: the share of aligned sentences,
    lifted by shared quotes, entities and numbers."""
    da, db = day(a.published), day(b.published)
    if da is not None and db is not None and abs(da - db) > MAX_DAYS:
        return 0.0
    parts = components(a, b)
    if parts.get("text", 0.0) < REWRITE_TEXT:
        return 0.0
    al = aligned(a, b)
    if al < REWRITE_ALIGNED:
        return 0.0
    evidence = [parts[k] for k in ("entities", "quotes", "numbers") if k in parts]
    if evidence and max(evidence) < 0.3:
        return 0.0
    return round(0.6 * al + 0.4 * (sum(evidence) / len(evidence) if evidence else parts["text"]), 4)


def relate(a: ArticleFeatures, b: ArticleFeatures, reprint_jaccard: float | None = None) -> Copy | None:
    """The copy relation between two articles, if any (the later one copies the earlier)."""
    first, second = sorted((a, b), key=original_key)
    if a.vec and b.vec and cosine(a.vec, b.vec) < REWRITE_TEXT:
        return None  # too little in common to be either
    if reprint_jaccard is None:
        sa, sb = _shingles(a), _shingles(b)
        if sa and sb:
            reprint_jaccard = len(sa & sb) / len(sa | sb)
    if reprint_jaccard is not None and reprint_jaccard >= REPRINT_THRESHOLD:
        return Copy(second.id, first.id, "reprint", round(reprint_jaccard, 4))
    s = rewrite_score(a, b)
    if s > 0:
        return Copy(second.id, first.id, "rewrite", s)
    return None


def find_copies(features: list[ArticleFeatures], candidates=None) -> list[Copy]:
    """Copies among ``features`` (vectors fitted): reprints by LSH, rewrites among
    ``candidates(f)`` (default: every pair; the story stage passes its neighbours)."""
    index = ReprintIndex()
    out: dict[tuple[str, str], Copy] = {}
    ordered = sorted(features, key=original_key)
    for f in ordered:
        m = minhash(f)
        for other, j in index.query(m):
            out[(f.id, other)] = Copy(f.id, other, "reprint", round(j, 4))
        index.add(f.id, m)
    byid = {f.id: f for f in features}
    for i, f in enumerate(ordered):
        pool = candidates(f) if candidates else ordered[:i]
        for g in pool:
            g = byid.get(g) if isinstance(g, str) else g
            if g is None or g.id == f.id or (f.id, g.id) in out or (g.id, f.id) in out:
                continue
            c = relate(f, g)
            if c is not None:
                out[(c.article_id, c.of)] = c
    return resolve(list(out.values()), byid)


def resolve(pairs: list[Copy], byid: dict[str, ArticleFeatures]) -> list[Copy]:
    """Group copy pairs; within each group every article copies the group's original."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in pairs:
        parent[find(c.article_id)] = find(c.of)
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    kind: dict[str, tuple[str, float]] = {}
    for c in pairs:
        for x in (c.article_id, c.of):
            old = kind.get(x)
            if old is None or (c.kind == "reprint" and old[0] != "reprint") or (c.kind == old[0] and c.score > old[1]):
                kind[x] = (c.kind, c.score)
    out = []
    for members in groups.values():
        known = [m for m in members if m in byid]
        if len(known) < 2:
            continue
        orig = min((byid[m] for m in known), key=original_key).id
        for m in known:
            if m != orig:
                k, s = kind[m]
                out.append(Copy(m, orig, k, s))
    return out
