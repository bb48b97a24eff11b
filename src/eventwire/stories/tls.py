"""Timeline summarisation (TLS) from raw dated articles, and the news-tls measures.

A DATEWISE-like method (Ghalandari & Ifrim 2020), without supervision:

1. ``prepare``: per article, drop corpus furniture (lines repeated across many
   articles of the collection: cookie banners, share buttons, site menus) and
   short lines, keep the first ``max_lines`` remaining lines;
2. ``analyse``: parse them with eventwire's spaCy pipeline, split sentences and
   normalise time expressions with ``nlp.times.find_times`` (the publication
   date as reference); each sentence keeps the days (YYYY-MM-DD values) it
   mentions.  Runs in worker processes, each with its own model;
3. ``summarise``: rank the days of the requested span by how many articles
   mention them (plus a little for articles published that day), take the
   top ``n_dates``; for each, the candidate sentences are those mentioning
   the day (else the leads of the day's articles), and the ``n_sents`` most
   central ones are picked (cosine to the candidates' TF-IDF centroid,
   skipping near duplicates).

Measures, as in news-tls (through tilse), implemented here:

- ``date_f1``: F1 of the predicted dates against the gold dates (exact days);
- ``align_rouge``: the "align, date-to-date" ROUGE of Martschat & Markert
  (2017): predicted and gold dates are matched one to one by an optimal
  assignment with costs ``1 - 1/(|d1 - d2| + 1)``; the n-gram overlap of each
  aligned pair is discounted by ``1/(|d1 - d2| + 1)``; unmatched dates add to
  the denominators only; precision and recall are micro-averaged over dates.
- ROUGE-N counts: lowercased tokens ``[a-z0-9]+`` (with "n't" split off as in
  Penn Treebank tokenisation), stopwords kept, no stemming, clipped n-gram
  counts over the concatenated sentences of a date.  (ROUGE-1.5.5 as used by
  tilse stems with Porter; our figures are therefore slightly stricter.)
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

# ------------------------------------------------------------------ data types


@dataclass(frozen=True)
class RawArticle:
    id: str
    published: str  # ISO date
    text: str  # lines separated by newlines


@dataclass(frozen=True)
class DatedSentence:
    article: str
    published: date
    index: int  # position in the article (0 = lead)
    text: str
    dates: tuple[date, ...] = ()  # days the sentence mentions


Timeline = Mapping[date, Sequence[str]]

# --------------------------------------------------------------- preparation

_DETOK = [
    (re.compile(r"-LRB-\s*"), "("), (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"-LSB-\s*"), "["), (re.compile(r"\s*-RSB-"), "]"),
    (re.compile(r"``\s*"), '"'), (re.compile(r"\s*''"), '"'),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"),
    (re.compile(r" ([.,;:?!%])"), r"\1"),
    (re.compile(r"\$ (\d)"), r"$\1"),
    (re.compile(r"\\\*"), "*"),
]
_LETTER = re.compile(r"[A-Za-z]")


def detokenise(line: str) -> str:
    """Undo Penn-Treebank-style tokenisation well enough for the parser."""
    line = line.strip()
    for pattern, repl in _DETOK:
        line = pattern.sub(repl, line)
    return line


def prepare(articles: Sequence[RawArticle], *, max_lines: int = 10, min_tokens: int = 6,
            furniture_share: float = 0.02) -> list[tuple[RawArticle, list[str]]]:
    """Each article with its first ``max_lines`` content lines (detokenised).

    A line is furniture when it occurs in at least max(3, furniture_share * N)
    articles of the collection."""
    seen: Counter[str] = Counter()
    for a in articles:
        seen.update({line.strip() for line in a.text.split("\n") if line.strip()})
    limit = max(3, int(furniture_share * len(articles)))
    out = []
    for a in articles:
        kept = []
        for line in a.text.split("\n"):
            line = line.strip()
            if not line or seen[line] >= limit or len(line.split()) < min_tokens or not _LETTER.search(line):
                continue
            kept.append(detokenise(line))
            if len(kept) >= max_lines:
                break
        out.append((a, kept))
    return out


# ------------------------------------------------------------------- analysis

_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def _days(value: str | None) -> list[date]:
    if not value or not _DAY.match(value):
        return []
    try:
        return [date.fromisoformat(value)]
    except ValueError:
        return []


def analyse_docs(items: Sequence[tuple[RawArticle, list[str]]], nlp, *, batch_size: int = 32) -> list[DatedSentence]:
    """Sentences with the days they mention, parsed with ``nlp`` in this process."""
    from ..nlp.times import find_times

    bodies = ((" ".join(lines), a) for a, lines in items)
    out: list[DatedSentence] = []
    for doc, a in nlp.pipe(bodies, batch_size=batch_size, as_tuples=True):
        pub = date.fromisoformat(a.published[:10])
        times = find_times(doc, a.published[:10])
        for i, sent in enumerate(doc.sents):
            text = sent.text.strip()
            if not text:
                continue
            days = sorted({d for t in times if sent.start_char <= t.start < sent.end_char for d in _days(t.value)})
            out.append(DatedSentence(a.id, pub, i, text, tuple(days)))
    return out


_WORKER_NLP = None


def _worker(items):
    global _WORKER_NLP
    if _WORKER_NLP is None:
        from ..nlp.pipeline import load_model

        _WORKER_NLP = load_model()
    return analyse_docs(items, _WORKER_NLP)


def analyse(items: Sequence[tuple[RawArticle, list[str]]], *, n_process: int = 2, chunk: int = 64) -> list[DatedSentence]:
    """``analyse_docs`` over worker processes (each loads the model once)."""
    items = [(a, lines) for a, lines in items if lines]
    chunks = [items[i:i + chunk] for i in range(0, len(items), chunk)]
    if n_process <= 1 or len(chunks) <= 1:
        return [s for c in chunks for s in _worker(c)]
    import multiprocessing as mp

    with mp.get_context("fork").Pool(n_process) as pool:
        return [s for part in pool.imap(_worker, chunks) for s in part]


# --------------------------------------------------------------- summarising

_STOP = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being it its this that these "
    "those he she they we you i his her their our your has have had not no will would said says say also than then "
    "there here who whom which what when where why how up out over after before about into more most some any all "
    "can could may might should do does did just new mr mrs ms".split()
)
_WORD = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    """Lowercased word tokens, "n't" split off (as the Penn Treebank does)."""
    return _WORD.findall(text.lower().replace("n't", " n't"))


def _content(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in _STOP and len(t) > 1]


def _vector(words: Iterable[str], idf: Mapping[str, float]) -> dict[str, float]:
    tf = Counter(words)
    v = {w: c * idf.get(w, 1.0) for w, c in tf.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items()}


def _cos(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def rank_dates(sentences: Sequence[DatedSentence], start: date | None = None, end: date | None = None,
               *, pub_weight: float = 0.5) -> list[tuple[date, float]]:
    """Days by importance: articles mentioning the day + pub_weight * articles published that day."""
    mentioned: dict[date, set[str]] = defaultdict(set)
    published: dict[date, set[str]] = defaultdict(set)
    for s in sentences:
        published[s.published].add(s.article)
        for d in s.dates:
            mentioned[d].add(s.article)

    def inside(d: date) -> bool:
        return (start is None or d >= start) and (end is None or d <= end)

    days = {d for d in (*mentioned, *published) if inside(d)}
    scored = [(d, len(mentioned.get(d, ())) + pub_weight * len(published.get(d, ()))) for d in days]
    return sorted(scored, key=lambda x: (-x[1], x[0]))


def summarise(sentences: Sequence[DatedSentence], n_dates: int, n_sents: int, start: date | None = None,
              end: date | None = None, *, max_lag: int = 7) -> dict[date, list[str]]:
    """A timeline of ``n_dates`` days with up to ``n_sents`` sentences each."""
    sentences = [s for s in sentences if 6 <= len(s.text.split()) <= 60]
    df: Counter[str] = Counter()
    for s in sentences:
        df.update(set(_content(s.text)))
    n = len(sentences) or 1
    idf = {w: math.log(n / c) for w, c in df.items()}
    by_day: dict[date, list[DatedSentence]] = defaultdict(list)
    leads: dict[date, list[DatedSentence]] = defaultdict(list)
    for s in sentences:
        for d in s.dates:
            if timedelta(0) <= s.published - d <= timedelta(days=max_lag) or s.published == d:
                by_day[d].append(s)
        if not s.dates and s.index < 3:
            leads[s.published].append(s)
    out: dict[date, list[str]] = {}
    for d, _score in rank_dates(sentences, start, end):
        if len(out) >= n_dates:
            break
        pool = by_day.get(d) or leads.get(d) or []
        picked = _central(pool, n_sents, idf)
        if picked:
            out[d] = picked
    return dict(sorted(out.items()))


def _central(pool: Sequence[DatedSentence], k: int, idf: Mapping[str, float], *, redundancy: float = 0.5) -> list[str]:
    unique = list({s.text: s for s in pool}.values())
    vecs = [_vector(_content(s.text), idf) for s in unique]
    centroid: dict[str, float] = defaultdict(float)
    for v in vecs:
        for w, x in v.items():
            centroid[w] += x
    order = sorted(range(len(unique)), key=lambda i: -_cos(vecs[i], centroid))
    chosen: list[int] = []
    for i in order:
        if len(chosen) >= k:
            break
        if all(_cos(vecs[i], vecs[j]) < redundancy for j in chosen):
            chosen.append(i)
    return [unique[i].text for i in chosen]


# ------------------------------------------------------------------- measures


def date_f1(predicted: Iterable[date], gold: Iterable[date]) -> float:
    p, g = set(predicted), set(gold)
    hits = len(p & g)
    if not hits:
        return 0.0
    prec, rec = hits / len(p), hits / len(g)
    return 2 * prec * rec / (prec + rec)


def ngrams(words: Sequence[str], n: int) -> Counter:
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def rouge_counts(predicted: Sequence[str], gold: Sequence[str], n: int) -> tuple[int, int, int]:
    """(clipped overlap, predicted n-grams, gold n-grams) of two summaries (lists of sentences)."""
    p = ngrams(tokens(" ".join(predicted)), n)
    g = ngrams(tokens(" ".join(gold)), n)
    overlap = sum(min(c, g[gram]) for gram, c in p.items())
    return overlap, sum(p.values()), sum(g.values())


def rouge_n(predicted: Sequence[str], gold: Sequence[str], n: int) -> float:
    """ROUGE-N F1 of two summaries."""
    overlap, pn, gn = rouge_counts(predicted, gold, n)
    if not overlap:
        return 0.0
    prec, rec = overlap / pn, overlap / gn
    return 2 * prec * rec / (prec + rec)


def assignment(costs: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Minimum-cost one-to-one assignment (Hungarian algorithm, rectangular matrices):
    min(rows, cols) pairs (row, column)."""
    rows = len(costs)
    cols = len(costs[0]) if rows else 0
    if not rows or not cols:
        return []
    transposed = rows > cols
    if transposed:
        costs = [list(c) for c in zip(*costs)]
        rows, cols = cols, rows
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    match = [0] * (cols + 1)  # match[j] = row (1-based) assigned to column j
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            row = costs[i0 - 1]
            for j in range(1, cols + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    pairs = [(match[j] - 1, j - 1) for j in range(1, cols + 1) if match[j]]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)


def align_rouge(predicted: Timeline, gold: Timeline, n: int) -> dict[str, float]:
    """Alignment-based ROUGE-N ("align, date-to-date"): precision, recall, f."""
    pdates, gdates = sorted(predicted), sorted(gold)
    num = pden = gden = 0.0
    pairs = assignment([[1 - 1 / (abs((p - g).days) + 1) for g in gdates] for p in pdates])
    for i, j in pairs:
        overlap, _pn, _gn = rouge_counts(predicted[pdates[i]], gold[gdates[j]], n)
        num += overlap / (abs((pdates[i] - gdates[j]).days) + 1)
    for d in pdates:
        pden += sum(ngrams(tokens(" ".join(predicted[d])), n).values())
    for d in gdates:
        gden += sum(ngrams(tokens(" ".join(gold[d])), n).values())
    prec = num / pden if pden else 0.0
    rec = num / gden if gden else 0.0
    f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": prec, "recall": rec, "f": f}


@dataclass
class Scores:
    rouge1: float
    rouge2: float
    date_f1: float
    extra: dict = field(default_factory=dict)


def evaluate(predicted: Timeline, gold: Timeline) -> Scores:
    return Scores(align_rouge(predicted, gold, 1)["f"], align_rouge(predicted, gold, 2)["f"],
                  date_f1(predicted, gold))


def gold_shape(gold: Timeline) -> tuple[int, int, date, date]:
    """What news-tls gives the summariser: number of dates, mean sentences per date (rounded),
    first and last gold date."""
    n_dates = len(gold)
    n_sents = max(1, round(sum(len(s) for s in gold.values()) / max(1, n_dates)))
    return n_dates, n_sents, min(gold), max(gold)
