"""Copies: reprints (the same text, near enough) and rewrites (the same report reworded).

Reprints are found with MinHash LSH over word 5-gram shingles (datasketch,
128 permutations, Jaccard threshold 0.8).  Rewrites (synonyms swapped,
sentences reordered, quotes lightly altered) are found among similar
articles by sentence alignment on content words, backed by shared quotes
(fuzzy), shared entities and shared numbers.  Of two copies the original is
the one published first, then the one with the better metadata.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

try:  # the affine32 pre-mix of datasketch 2 (used to hash a batch without a Python call per shingle)
    from datasketch.minhash import _fmix
except ImportError:  # pragma: no cover
    _fmix = None

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


def _sha1_hash32(data: bytes) -> int:
    """datasketch's ``sha1_hash32`` (the first 4 bytes of SHA1, little-endian), without struct."""
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


_TEMPLATE: MinHash | None = None


def _template() -> MinHash:
    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    return _TEMPLATE


def minhash(f: ArticleFeatures) -> MinHash:
    # The permutations (seeded) are drawn once and shared: drawing them per article cost more than hashing.
    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=_sha1_hash32,
                hashvalues=t.hashvalues.copy(), permutations=t.permutations)
    sh = _shingles(f)
    if sh:
        if _fmix is None or m.scheme != "affine32":
            m.update_batch(list(sh))
        else:  # update_batch's arithmetic, with the SHA1 prefixes read in one go
            sha1 = hashlib.sha1
            hv = np.frombuffer(b"".join([sha1(x).digest()[:4] for x in sh]), dtype="<u4").astype(np.uint32)
            hv = _fmix(hv.reshape(-1, 1), 32)
            a, b = m.permutations
            m.hashvalues = np.minimum(m.hashvalues, (hv * a + b).min(axis=0))
    return m


def signature(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_signature(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype=np.uint64)
    t = _template()
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=_sha1_hash32,
                   hashvalues=values.astype(t.hashvalues.dtype), permutations=t.permutations)


class ReprintIndex:
    """MinHash LSH over article bodies; ``query`` gives (id, estimated Jaccard) of near-duplicates."""

    def __init__(self, threshold: float = REPRINT_THRESHOLD):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, MinHash] = {}
        self._row: dict[str, int] = {}  # id -> row of ``_mat`` (signatures stacked for vectorised Jaccard)
        self._mat = np.zeros((64, NUM_PERM), dtype=np.uint64)

    def add(self, aid: str, m: MinHash) -> None:
        if aid in self.sigs:
            return
        self.sigs[aid] = m
        self.lsh.insert(aid, m)
        i = len(self._row)
        if i >= len(self._mat):
            self._mat = np.concatenate([self._mat, np.zeros_like(self._mat)])
        self._mat[i] = m.hashvalues
        self._row[aid] = i

    def query(self, m: MinHash) -> list[tuple[str, float]]:
        found = list(self.lsh.query(m))
        if not found:
            return []
        # all candidates at once (buckets of syndicated copies grow with the store)
        rows = self._mat[[self._row[a] for a in found]]
        js = np.count_nonzero(rows == np.asarray(m.hashvalues, dtype=np.uint64), axis=1) / float(len(m))
        out = [(aid, float(j)) for aid, j in zip(found, js) if j >= self.threshold]
        # ties broken by id: the LSH's set order varies with string hashing, the answer must not
        return sorted(out, key=lambda x: (-x[1], x[0]))


def original_key(f: ArticleFeatures) -> tuple:
    """Sort key: the first is the original (published first, then better metadata)."""
    key = f.__dict__.get("_original_key")
    if key is None:
        key = f.__dict__["_original_key"] = (f.published or "9999", -f.metadata_score, f.n, f.id)
    return key


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


def rewrite_score(a: ArticleFeatures, b: ArticleFeatures, _text: float | None = None) -> float:
    """> 0 when one article is a rewrite of the other: the share of aligned sentences,
    lifted by shared quotes, entities and numbers."""
    da, db = day(a.published), day(b.published)
    if da is not None and db is not None and abs(da - db) > MAX_DAYS:
        return 0.0
    parts = components(a, b, _text)
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
    text = None
    if a.vec and b.vec:
        text = cosine(a.vec, b.vec)
        if text < REWRITE_TEXT:
            return None  # too little in common to be either
        text = max(0.0, min(1.0, text))
    if reprint_jaccard is None:
        sa, sb = _shingles(a), _shingles(b)
        if sa and sb:
            inter = len(sa & sb) if len(sa) <= len(sb) else len(sb & sa)
            reprint_jaccard = inter / (len(sa) + len(sb) - inter)
    if reprint_jaccard is not None and reprint_jaccard >= REPRINT_THRESHOLD:
        return Copy(second.id, first.id, "reprint", round(reprint_jaccard, 4))
    s = rewrite_score(a, b, text)
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
