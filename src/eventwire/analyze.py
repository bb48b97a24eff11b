"""Run the language pass over stored articles, resumably.

Articles are analysed in publication order (so the knowledge base learns a
person's role before a later article calls them by surname alone); each
batch of analyses is written together with the knowledge base in one
transaction, so an interrupted run resumes where it stopped.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .events.dedup import merge
from .events.store import save_event_mentions, unmerged_articles
from .nlp.actors import ActorResolver
from .nlp.kb import KnowledgeBase
from .nlp.pipeline import ANALYSIS_VERSION, LanguagePass
from .progress import skipped_words
from .records import Article
from .store import Store

CHUNK = 500  # article ids fetched per query
PARALLEL_FROM = 200  # articles from which parsing in several processes pays for their start


@dataclass
class AnalyzeReport:
    articles: int = 0
    skipped: int = 0
    skipped_why: dict = field(default_factory=dict)  # reason ("language fr", "empty body") -> articles
    quotes: int = 0
    times: int = 0
    entities: int = 0
    events: int = 0
    seconds: float = 0.0
    partly: int = 0  # articles longer than the pass reads (flag "partly analysed: ...")
    processes: int = 1  # worker processes that ran the pass (1: in this process)
    redone: int = 0  # articles analysed again because a fact learned meanwhile changed a lookup
    worker_failures: list = field(default_factory=list)  # tasks a worker failed (redone here)
    write_seconds: float = 0.0  # storing analyses and event reports
    merge_seconds: float = 0.0  # merging event reports into events

    def skipped_words(self) -> str:
        """"3 skipped: 2 language fr, 1 empty body" (or "none skipped")."""
        return skipped_words(self.skipped, self.skipped_why, self.partly)

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["skipped_why"] = dict(self.skipped_why)
        d["seconds"] = round(self.seconds, 3)
        d["write_seconds"] = round(self.write_seconds, 3)
        d["merge_seconds"] = round(self.merge_seconds, 3)
        d["worker_failures"] = list(self.worker_failures)
        return d


def _articles(store: Store, ids: Sequence[str]) -> Iterator[Article]:
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i: i + CHUNK]
        found = {a.id: a for a in store.articles(ids=chunk)}
        for aid in chunk:
            if aid in found:
                yield found[aid]


def analyze(
    store: Store,
    *,
    ids: Iterable[str] | None = None,
    redo: bool = False,
    language_pass: LanguagePass | None = None,
    batch_size: int = 16,
    n_process: int | None = None,
    progress=None,
    dictionaries: Sequence[str] = (),
    merge_events: bool = True,
) -> AnalyzeReport:
    """Analyse the articles not yet analysed (or ``ids``, or all with ``redo``).

    ``dictionaries``: actor dictionaries in the PETRARCH/Phoenix text format,
    consulted after what the article itself says (see ``nlp.actors``).

    Event reports are merged into events once, at the end (``merge_events=False`` leaves that
    to the caller, as ``ingest`` does: story grouping merges them next).  Merging after every
    batch redid every earlier report of the same key each time, a cost that grew faster than
    the corpus; reports a stopped run saved unmerged are found by ``unmerged_articles``.

    ``n_process=None`` parses with every core when there are enough articles to
    repay starting the worker processes (measured: 2 processes make the whole pass
    faster than one single-process spaCy parse; see benchmarks/RESULTS.md)."""
    t0 = time.perf_counter()
    report = AnalyzeReport()
    if redo:
        todo = [a.id for a in store.articles()]
    else:
        todo = store.unanalysed(ANALYSIS_VERSION)
        if ids is not None:
            wanted = set(ids)
            todo = [i for i in todo if i in wanted]
    if not todo:
        return report
    if n_process is None:
        n_process = min(os.cpu_count() or 1, 4) if len(todo) >= PARALLEL_FROM else 1
    if language_pass is None:
        kb = KnowledgeBase.from_rows(store.kb_rows())
        resolver = ActorResolver(kb=kb, dictionaries=list(dictionaries)) if dictionaries else None
        language_pass = LanguagePass(kb=kb, resolver=resolver)
    lp = language_pass
    pending = []

    def flush() -> None:
        t0 = time.perf_counter()
        with store.transaction():
            for analysis in pending:
                store.save_analysis(analysis, ANALYSIS_VERSION)
                save_event_mentions(store, analysis.article_id, analysis.events)
            store.save_kb(lp.take_learned())
        report.write_seconds += time.perf_counter() - t0
        pending.clear()

    for analysis in lp.pipe(_articles(store, todo), batch_size=batch_size, n_process=n_process):
        pending.append(analysis)
        report.articles += 1
        why = next((f.removeprefix("skipped: ") for f in analysis.flags if f.startswith("skipped: ")), None)
        if why is not None:
            report.skipped += 1
            report.skipped_why[why] = report.skipped_why.get(why, 0) + 1
        report.partly += any(f.startswith("partly analysed") for f in analysis.flags)
        report.quotes += len(analysis.quotes)
        report.times += len(analysis.times)
        report.entities += len(analysis.entities)
        report.events += len(analysis.events)
        if progress is not None:
            progress(analysis)
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    if merge_events:
        t0 = time.perf_counter()
        merge(store, article_ids=sorted(set(todo) | set(unmerged_articles(store))))
        report.merge_seconds = time.perf_counter() - t0
    report.processes = n_process
    report.redone = lp.redone
    report.worker_failures = list(lp.worker_failures)
    report.seconds = time.perf_counter() - t0
    return report
