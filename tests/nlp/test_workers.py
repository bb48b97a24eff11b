"""The language pass in worker processes gives what one process gives, whatever happens to them."""
from __future__ import annotations

import os

import pytest

from eventwire.nlp import workers
from eventwire.nlp.kb import KnowledgeBase
from eventwire.nlp.pipeline import LanguagePass
from eventwire.records import Article


def article(aid: str, body: str, published: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", path=f"{aid}.txt", format="txt", url=None, outlet=None,
                   outlet_basis=None, title=None, byline=None, published=published, published_basis="test",
                   published_confidence=1.0, language="en", body=body)


# an official introduced with her country and office, then named alone in later articles: the later
# articles resolve her only through the knowledge base learned from the first
ARTICLES = [article("w0", "Swedish Foreign Minister Lena Berglund said on Monday that talks with Norway "
                          "had been useful.", "2023-05-01")] + [
    article(f"w{i}", f"Lena Berglund met officials in Oslo on Tuesday to discuss fishing quota number {i}. "
                     f"Berglund criticised the delay.", f"2023-05-0{1 + i % 8}")
    for i in range(1, 12)
]


def resolved(analyses):
    return [[(e.name, e.actor.country if e.actor else None) for e in a.entities] for a in analyses]


@pytest.fixture(scope="module")
def one(nlp):
    lp = LanguagePass(nlp, kb=KnowledgeBase())
    return list(lp.pipe(ARTICLES, n_process=1)), lp.take_learned()


def test_workers_give_the_same_analyses_and_learn_the_same(nlp, one):
    analyses, learned = one
    lp = LanguagePass(nlp, kb=KnowledgeBase())
    got = list(lp.pipe(ARTICLES, n_process=2, batch_size=4))
    assert got == analyses
    assert lp.take_learned() == learned
    assert ("Lena Berglund", "SWE") in resolved(analyses)[3]  # known only from the first article
    assert lp.redone >= 1  # the workers' snapshot lacked her: those articles were redone here
    assert lp.worker_failures == []


def test_a_worker_that_fails_a_task_costs_nothing(nlp, one, monkeypatch):
    def failing(inbox, outbox, blob, batch_size, parent=0):
        while (message := inbox.get()) is not None:
            outbox.put((message[0], None, "RuntimeError: injected"))

    monkeypatch.setattr(workers, "_serve", failing)
    lp = LanguagePass(nlp, kb=KnowledgeBase())
    assert list(lp.pipe(ARTICLES, n_process=2)) == one[0]
    assert lp.worker_failures and "injected" in lp.worker_failures[0]


def test_a_worker_that_dies_costs_nothing(nlp, one, monkeypatch):
    def dying(inbox, outbox, blob, batch_size, parent=0):
        inbox.get()
        os._exit(3)

    monkeypatch.setattr(workers, "_serve", dying)
    monkeypatch.setattr(workers, "POLL_SECONDS", 0.2)
    lp = LanguagePass(nlp, kb=KnowledgeBase())
    assert list(lp.pipe(ARTICLES, n_process=2)) == one[0]
    assert any("died" in f for f in lp.worker_failures)


def test_the_pure_document_function_depends_on_its_facts_only(nlp, one):
    from eventwire.nlp.workers import analyse_documents

    cold = list(analyse_documents(ARTICLES[3:5]))
    assert ("Lena Berglund", None) in resolved(cold)[0]  # nothing learned: she has no country
    facts = [r for r in one[1] if r["article_id"] == "w0"]
    warm = list(analyse_documents(ARTICLES[3:5], facts=facts))
    assert ("Lena Berglund", "SWE") in resolved(warm)[0]
    again = list(analyse_documents(ARTICLES[3:5]))  # what an earlier call learned does not leak
    assert resolved(again) == resolved(cold)
    assert all("kb_journal" in a.meta for a in warm)
    # nor does a base the Spark stages layered the process's knowledge base over
    from eventwire.nlp.workers import _PASSES, learn_row

    base = KnowledgeBase()
    for row in facts:
        learn_row(base, row)
    _PASSES[()].kb.parent = base
    assert resolved(list(analyse_documents(ARTICLES[3:5]))) == resolved(cold)


def test_workers_end_when_their_main_process_is_killed(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    # a main process that starts two workers, says their pids, then waits to be killed
    script = (
        "import sys, time\n"
        "from eventwire.nlp.pipeline import LanguagePass\n"
        "from eventwire.nlp.kb import KnowledgeBase\n"
        "from eventwire.nlp.workers import WorkerPool\n"
        "pool = WorkerPool(LanguagePass(kb=KnowledgeBase()), 2, 4)\n"
        "print(' '.join(str(p.pid) for p in pool.procs), flush=True)\n"
        "time.sleep(600)\n"
    )
    main = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    pids = [int(p) for p in main.stdout.readline().split()]
    assert len(pids) == 2
    main.send_signal(signal.SIGKILL)
    main.wait()
    deadline = time.monotonic() + 60  # the workers load the model first, then notice
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.5)
        alive = [p for p in pids if _running(p)]
    assert not alive


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
