"""The language pass in worker processes: parse and rule passes side by side, in order out.

Each worker process loads the model once and runs the whole per-article pass
(``LanguagePass.pipe`` with one process: parse, names, quotes, times, actors,
events) over small tasks of articles; only plain records travel back, never
parsed Docs.  The main process keeps what must happen in order: the knowledge
base (people learned from earlier articles) and the caller's store writes.

The knowledge base makes the pass sequential in principle: an article may
resolve a surname through a person an earlier article introduced.  Workers
analyse each article against a snapshot of the knowledge base with a layer of
its own (``KnowledgeBase(parent=...)``), journaling every lookup and its
answer.  When the main process takes the article, in order, and facts were
learned since that snapshot, it replays the journal against the full
knowledge base: if any answer differs, the article is analysed again in the
main process.  The output is therefore the same as a one-process pass, for
any number of workers (tested), at the price of a rare re-analysis.

A worker that fails on a task (or dies) costs nothing: its articles are
analysed in the main process.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import queue
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Actor, Analysis, Article
from .kb import KnowledgeBase

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import LanguagePass

TASK_ARTICLES = 8  # articles per task: small enough to balance the workers, large for nlp.pipe
IN_FLIGHT = 3  # tasks queued per worker, so none waits for the main process
POLL_SECONDS = 5.0  # how often the main process checks that its workers are alive
ORPHAN_CHECK_SECONDS = 2.0  # how often an idle worker checks that the main process is alive


def learn_row(kb: KnowledgeBase, row: dict) -> bool:
    """Apply a learned-fact row (``LanguagePass.take_learned``) to a knowledge base."""
    actor = Actor(row["name"], "person", row.get("country"), row.get("sector"), row.get("role"),
                  row.get("as_of"), basis="article")
    return kb.learn(actor, row["article_id"])


class DocumentPass:
    """The per-document language pass of one process: the model loaded once, a resolver, and
    a replica of the knowledge base that grows only by the facts it is given."""

    def __init__(self, resolver=None, nlp=None):
        from .actors import ActorResolver
        from .pipeline import LanguagePass, load_model

        self.kb = KnowledgeBase()
        resolver = resolver if resolver is not None else ActorResolver()
        resolver.kb = self.kb
        self.lp = LanguagePass(nlp if nlp is not None else load_model(), resolver=resolver, kb=self.kb)
        self.lp.layered = True

    def learn(self, facts: Iterable[dict]) -> None:
        for row in facts:
            learn_row(self.kb, row)

    def know_only(self, facts: Iterable[dict]) -> None:
        """Forget every fact learned so far, then learn ``facts``."""
        self.kb.clear()
        self.kb.parent = None  # a base another caller layered it over (the Spark stages) goes too
        self.learn(facts)

    def analyse(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Analysis]:
        """Analyses in order, each carrying in ``meta`` its knowledge-base journal and the facts it
        learned (``kb_journal``, ``kb_rows``); the replica itself is left unchanged."""
        return self.lp.pipe(articles, batch_size=batch_size, n_process=1)


_PASSES: dict[tuple, DocumentPass] = {}


def analyse_documents(articles: Iterable[Article], *, facts: Iterable[dict] = (),
                      dictionaries: Iterable[str] = (), batch_size: int = 16) -> Iterator[Analysis]:
    """The language pass as one pure, batch-first function: articles in, analyses out, in order.

    The result depends only on the arguments: ``facts`` (knowledge-base rows, as
    ``KnowledgeBase.to_rows`` gives them) are all the knowledge base it sees, and
    ``dictionaries`` are actor dictionary paths.  The model and dictionaries are loaded once per
    process (what Spark's ``mapPartitions`` or a worker needs).  Each analysis carries its
    knowledge-base journal in ``meta``: the caller that keeps the knowledge base in article
    order replays it (``KnowledgeBase.replays``) to tell whether a fact learned meanwhile would
    have changed it, and learns ``meta["kb_rows"]``.
    """
    key = tuple(dictionaries)
    state = _PASSES.get(key)
    if state is None:
        from .actors import ActorResolver

        state = _PASSES[key] = DocumentPass(ActorResolver(dictionaries=list(key)) if key else None)
    state.know_only(facts)
    return state.analyse(articles, batch_size=batch_size)


def _serve(inbox, outbox, resolver_blob: bytes, batch_size: int, parent: int = 0) -> None:  # pragma: no cover - a child process
    """A worker process: load the model once, then analyse tasks until told to stop, or until
    the process that started it is gone (killed: nobody would read the results)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    parent = parent or os.getppid()  # given by the parent: it may be gone before this line runs
    state = DocumentPass(pickle.loads(resolver_blob))
    while True:
        try:
            message = inbox.get(timeout=ORPHAN_CHECK_SECONDS)
        except queue.Empty:
            if os.getppid() != parent:
                outbox.cancel_join_thread()  # nobody reads what is still buffered: do not wait on it
                return
            continue
        if message is None:
            return
        task, facts, articles = message
        try:
            state.learn(facts)  # the facts the main process learned since this worker's last task
            outbox.put((task, list(state.analyse(articles, batch_size=batch_size)), None))
        except BaseException as exc:  # noqa: BLE001 - reported; the main process redoes the task
            outbox.put((task, None, f"{type(exc).__name__}: {exc}"))


class WorkerPool:
    """``n`` worker processes, started once, fed tasks of articles; results come back in order."""

    def __init__(self, lp: "LanguagePass", n: int, batch_size: int):
        self.lp = lp
        self.n = n
        # fork where there is one (as spaCy does): no re-import of the caller's script; the
        # child touches nothing of the parent but this module (no store, no console)
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self.outbox = ctx.Queue()
        blob = pickle.dumps(replace_kb(lp.resolver))
        self.inboxes = [ctx.Queue() for _ in range(n)]
        self.procs = [ctx.Process(target=_serve, args=(self.inboxes[i], self.outbox, blob, batch_size, os.getpid()),
                                  daemon=True, name=f"eventwire-language-{i}") for i in range(n)]
        for p in self.procs:
            p.start()
        self.known = [0] * n  # facts of the log each worker has been sent
        self.failures: list[str] = []

    def send(self, worker: int, task: int, facts_log: list[dict], articles: list[Article]) -> int:
        """Send a task with the facts the worker lacks; returns the snapshot (log length) used."""
        snapshot = len(facts_log)
        self.inboxes[worker].put((task, facts_log[self.known[worker]: snapshot], articles))
        self.known[worker] = snapshot
        return snapshot

    def receive(self) -> tuple[int, list[Analysis] | None, str | None]:
        while True:
            try:
                return self.outbox.get(timeout=POLL_SECONDS)
            except queue.Empty:
                dead = [p.name for p in self.procs if not p.is_alive()]
                if dead:
                    raise WorkerDied(", ".join(dead))

    def close(self) -> None:
        for inbox, p in zip(self.inboxes, self.procs):
            if p.is_alive():
                inbox.put(None)
        for p in self.procs:
            p.join(timeout=10)
            if p.is_alive():  # pragma: no cover - a stuck worker
                p.kill()
        self.outbox.close()


class WorkerDied(RuntimeError):
    pass


def replace_kb(resolver):
    """The resolver as sent to workers: its dictionaries, not the knowledge base (sent as facts)."""
    kb, resolver.kb = resolver.kb, KnowledgeBase()
    try:
        return pickle.loads(pickle.dumps(resolver))
    finally:
        resolver.kb = kb


def pipe_in_workers(lp: "LanguagePass", articles: Iterable[Article], *, n_process: int,
                    batch_size: int) -> Iterator[Analysis]:
    """``LanguagePass.pipe`` over ``n_process`` workers; the same analyses, in the same order."""
    facts_log = lp.kb.to_rows()  # what the workers must know; grows in article order
    lp.facts_log = facts_log  # every fact the main process learns is logged for the workers
    pool = WorkerPool(lp, n_process, batch_size)
    pending: deque[tuple[int, list[Article], int]] = deque()  # (task, articles, snapshot), in order
    done: dict[int, list[Analysis] | None] = {}
    source = iter(articles)
    next_task = 0
    exhausted = False
    alive = True

    def fill() -> None:
        nonlocal next_task, exhausted
        while not exhausted and len(pending) < pool.n * IN_FLIGHT:
            chunk = [a for _, a in zip(range(TASK_ARTICLES), source)]
            if not chunk:
                exhausted = True
                return
            worker = next_task % pool.n
            snapshot = pool.send(worker, next_task, facts_log, chunk) if alive else len(facts_log)
            if not alive:
                done[next_task] = None
            pending.append((next_task, chunk, snapshot))
            next_task += 1

    try:
        fill()
        while pending:
            task, chunk, snapshot = pending[0]
            while task not in done:
                try:
                    got, analyses, error = pool.receive()
                except WorkerDied as exc:
                    pool.failures.append(f"worker died: {exc}")
                    alive = False
                    for t, _, _ in pending:
                        done.setdefault(t, None)
                    break
                if error is not None:
                    pool.failures.append(error)
                done[got] = analyses
            pending.popleft()
            analyses = done.pop(task)
            if analyses is None:  # the task failed in its worker: do it here
                yield from lp.pipe_here(chunk, batch_size=batch_size)
                fill()
                continue
            for art, analysis in zip(chunk, analyses):
                yield _take(lp, art, analysis, facts_log, snapshot, batch_size)
            fill()
    finally:
        lp.worker_failures = list(pool.failures)
        lp.facts_log = None
        pool.close()


def _take(lp: "LanguagePass", art: Article, analysis: Analysis, facts_log: list[dict], snapshot: int,
          batch_size: int) -> Analysis:
    """Accept a worker's analysis, or redo it here when a fact learned since its snapshot
    could have changed it; learn its facts in order either way."""
    journal = analysis.meta.get("kb_journal", ())
    if len(facts_log) > snapshot and any(e[0] == "lookup" for e in journal) and not lp.kb.replays(journal):
        lp.redone += 1
        return next(lp.pipe_here([art], batch_size=batch_size))  # learns through lp.note_learned
    for row in analysis.meta.get("kb_rows", ()):
        if learn_row(lp.kb, row):
            lp.note_learned(row)
    return replace(analysis, meta={})
