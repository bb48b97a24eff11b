"""The Python API: the same powers as the command line.

    import eventwire
    ew = eventwire.open("news.db")
    report = ew.ingest(["crawl/"])
    for article in ew.articles():
        print(article.published, article.outlet, article.title)
    for hit in ew.search("Helsinki summit"):
        print(hit.title, hit.snippet)
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator

from .progress import IngestReport, Reporter
from .records import Article
from .store import SearchHit, Store


class Eventwire:
    """A handle on one store.  Use as a context manager, or call ``close()``."""

    def __init__(self, db: str | os.PathLike | None = None, *, readonly: bool = False):
        self.store = Store(db, readonly=readonly)

    @property
    def path(self) -> str:
        return self.store.path

    def ingest(
        self,
        paths: str | os.PathLike | Iterable[str | os.PathLike],
        *,
        reporter: Reporter | None = None,
        max_bytes: int = 20_000_000,
        analyze: bool = True,
        dictionaries: Iterable[str | os.PathLike] = (),
    ) -> IngestReport:
        """Read files and folders (recursively) into the store, then run the language
        pass over what was added (``analyze=False`` to leave that for later)."""
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        from .ingest import ingest

        with self.store.exclusive():  # one writer: a second ingest into this store is refused (E306)
            report = ingest(self.store, [os.fspath(p) for p in paths], reporter=reporter, max_bytes=max_bytes)
            if analyze:
                # what a killed run left undone is finished too, so rerunning completes the store
                from .nlp.version import ANALYSIS_VERSION
                from .stories import ungrouped

                if report.added or self.store.unanalysed(ANALYSIS_VERSION):
                    if reporter is not None:
                        reporter.phase("language")
                    t0 = time.perf_counter()
                    # event reports are merged by the grouping below, once stories are known
                    report.analysis = self.analyze(dictionaries=dictionaries, merge_events=False).as_dict()
                    report.timings["language"] = time.perf_counter() - t0
                from .events.store import unmerged_articles

                if report.added or ungrouped(self.store) or unmerged_articles(self.store):
                    t0 = time.perf_counter()
                    report.stories = self.group()
                    report.timings["stories"] = time.perf_counter() - t0
        return report

    def load(self, folder: str | os.PathLike) -> dict:
        """Bring a Parquet dataset written by the Spark engine (``eventwire ingest --engine spark
        --out DIR``) into this store, which must hold no articles yet; returns rows per table."""
        from .spark.dataset import load

        with self.store.exclusive():
            return load(os.fspath(folder), self.store)

    def group(self) -> dict:
        """Group analysed articles not in a story yet into stories and threads (incremental);
        events are then re-merged so reports of one story count as one happening."""
        from .events.dedup import merge
        from .events.store import unmerged_articles
        from .stories import group, ungrouped

        with self.store.exclusive():
            ids = ungrouped(self.store)
            counts = group(self.store)
            ids = sorted(set(ids) | set(unmerged_articles(self.store)))
            if ids:
                merge(self.store, article_ids=ids)
        return counts

    def stories(self) -> list[dict]:
        """Stories: id, date of the happening, headline, summary, articles, thread."""
        from .stories import stories

        return stories(self.store)

    def story(self, story_id: str) -> dict:
        """One story with its members and their roles, key quotes and main actors."""
        from .stories import story

        return story(self.store, story_id)

    def timeline(self, query: str | None = None, *, actors=(), date_from=None, date_to=None) -> list[dict]:
        """Dated stories of a topic or an actor pair, in order."""
        from .stories.timeline import timeline

        return timeline(self.store, query, actors, date_from, date_to)

    def events(self, *, actor: str | None = None, dyad: str | None = None) -> list[dict]:
        """Events, one per happening, with the number of reports behind each."""
        from .events.store import events

        return events(self.store, actor=actor, dyad=dyad)

    def dyad(self, a: str, b: str, *, by: str = "month") -> dict:
        """Events between two actors over time: quad-class counts, Goldstein sum and mean."""
        from .events.dyad import dyad

        return dyad(self.store, a, b, by=by)

    def analyze(self, *, redo: bool = False, n_process: int | None = None, progress=None,
                dictionaries: Iterable[str | os.PathLike] = (), merge_events: bool = True):
        """Run the language pass over stored articles not analysed yet (all with ``redo``);
        returns an ``AnalyzeReport``.  ``dictionaries``: PETRARCH/Phoenix actor dictionary
        files to resolve names with.  spaCy is imported only when this runs."""
        from .analyze import analyze

        with self.store.exclusive():
            return analyze(self.store, redo=redo, n_process=n_process, progress=progress,
                           dictionaries=[os.fspath(d) for d in dictionaries], merge_events=merge_events)

    def quotes(self, *, speaker: str | None = None, article_id: str | None = None) -> list[dict]:
        """Direct quotes with their speakers and resolved actors, in publication order."""
        return self.store.quotes(speaker=speaker, article_id=article_id)

    def actors(self) -> list[dict]:
        """Resolved actors: country, sector, roles, number of mentions, provenance."""
        return self.store.actors()

    def times(self, *, article_id: str | None = None) -> list[dict]:
        """Time expressions with their normalised values."""
        return self.store.times(article_id=article_id)

    def articles(self, *, outlet: str | None = None, limit: int | None = None) -> Iterator[Article]:
        """Stored articles, oldest publication date first (undated last)."""
        return self.store.articles(outlet=outlet, limit=limit)

    def article(self, article_id: str) -> Article:
        """One article by id (or an unambiguous id prefix)."""
        return self.store.article(article_id)

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Ranked full-text search with snippets (FTS5 query syntax)."""
        return self.store.search(query, limit=limit)

    def summary(self) -> dict:
        return self.store.summary()

    def errors(self, limit: int = 100) -> list[dict]:
        """The latest inputs that could not be read, with their codes and reasons."""
        return self.store.errors(limit)

    def raw(self, article_id: str) -> bytes | None:
        """The verbatim input an article came from."""
        return self.store.raw_input(self.article(article_id).id)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Eventwire":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
