"""Ingest: files in, articles stored.

For each input file: read its documents, give each a content id, skip the
ones already stored, extract the rest, and write them with their raw input,
``BATCH`` documents (across files) to a transaction: a crash loses at most the
batch under way, never leaves half of one.  Then two corpus passes over what the run added:

* furniture: lines that turn out to repeat across many documents of one
  outlet (or site, or folder) are taken out of those articles' bodies;
* dates: articles still undated may be dated from other articles of the same
  corpus that report the same affair (``pubdate.infer_from_corpus``).

Nothing here prints: progress and errors go to a ``Reporter`` (the CLI's
shows a progress bar).  Errors never stop the run.
"""
from __future__ import annotations

import hashlib
import os
import time
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

from .errors import EventwireError
from .extract import LONG_LINE, extract
from .extract.furniture import FurnitureModel, normalise_line
from .extract.pubdate import CorpusDater
from .read import iter_files, read_file
from .progress import IngestReport, Reporter
from .records import Article, RawDoc, ReadError, Removed
from .store import Store
from .store.db import now

BATCH = 200  # documents per transaction


def normalise_content(text: str) -> str:
    """What counts as 'the same content': NFC, whitespace folded."""
    if not unicodedata.is_normalized("NFC", text):  # the check is much cheaper than the normalising
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def content_id(doc: RawDoc) -> str:
    """Stable article id: a hash of the normalised content (and URL when given).

    The same text read again, from another path or another format, gets the
    same id; a reprint carrying other page furniture or another URL does not.
    """
    h = hashlib.sha256()
    h.update(normalise_content(doc.html if doc.html is not None else (doc.text or "")).encode("utf-8"))
    h.update(b"\x00" + (doc.url or "").encode("utf-8"))
    return h.hexdigest()[:16]


def furniture_group(doc: RawDoc) -> str:
    """The group whose documents share page furniture: outlet, site, or folder."""
    if doc.outlet:
        return "outlet:" + doc.outlet.lower()
    if doc.url:
        host = urlsplit(doc.url).hostname or ""
        if host:
            return "site:" + host.removeprefix("www.")
    if doc.path == "-":
        return "stdin"
    return "dir:" + os.path.dirname(os.path.abspath(doc.path))


def _group_text(doc: RawDoc) -> str:
    return doc.text if doc.text is not None else ""


# ---------------------------------------------------------------------- ingest


def ingest(
    store: Store,
    paths: Iterable[str],
    *,
    reporter: Reporter | None = None,
    max_bytes: int = 20_000_000,
    stdin=None,
    corpus_passes: bool = True,
) -> IngestReport:
    rep = reporter or Reporter()
    report = IngestReport()
    t0 = time.perf_counter()
    run_id = store.start_run("ingest")
    lines, groups = store.furniture_rows()
    model = FurnitureModel.from_rows(lines, groups)
    touched: set[str] = set()
    files = list(iter_files(paths))
    rep.start(len(files))
    status = "failed"
    batch: list[tuple[RawDoc, str, str]] = []  # documents of one transaction, across files
    try:
        for item in files:
            if isinstance(item, ReadError):
                _record_error(store, rep, report, item, run_id)
                rep.file_done(item.path)
                continue
            report.files += 1
            docs = read_file(item, max_bytes=max_bytes, stdin=stdin)
            while True:
                try:
                    doc = next(docs)
                except StopIteration:
                    break
                except Exception as exc:  # noqa: BLE001 - a reader bug costs the rest of this file only
                    _record_error(store, rep, report, ReadError(
                        item, "E113", f"reading stopped: {type(exc).__name__}: {_one_line(exc)}"), run_id)
                    break
                if isinstance(doc, ReadError):
                    _record_error(store, rep, report, doc, run_id)
                    continue
                report.documents += 1
                batch.append((doc, content_id(doc), furniture_group(doc)))
                if len(batch) >= BATCH:
                    _store_batch(store, rep, report, model, touched, batch, run_id)
                    batch = []
            rep.file_done(item)
        if batch:
            _store_batch(store, rep, report, model, touched, batch, run_id)
        report.timings["read_extract"] = time.perf_counter() - t0
        if corpus_passes and report.added:
            rep.phase("corpus")
            t1 = time.perf_counter()
            report.recleaned = reclean_furniture(store, model, touched)
            report.dated_from_corpus = date_from_corpus(store, report.added_ids)
            report.timings["corpus_passes"] = time.perf_counter() - t1
        status = "done"
    finally:
        report.seconds = time.perf_counter() - t0
        store.finish_run(run_id, status, report.as_dict())
    return report


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:300] + ("..." if len(text) > 300 else "")


def _record_error(store: Store, rep: Reporter, report: IngestReport, err: ReadError, run_id: int) -> None:
    report.errors += 1
    store.add_error(err, run_id)
    rep.error(err)


def extract_article(doc: RawDoc, aid: str, furniture: frozenset[str]) -> Article | ReadError:
    """One document extracted into an article (``furniture``: its group's known furniture lines),
    or the error that stops it; never raises."""
    try:
        got = extract(doc, furniture=furniture)
    except EventwireError as exc:
        return ReadError(doc.source, exc.code, exc.detail or str(exc), doc.raw)
    except Exception as exc:  # noqa: BLE001 - one document's failure must not cost its batch
        return ReadError(doc.source, "E203", f"{type(exc).__name__}: {_one_line(exc)}", doc.raw)
    if not got.body.strip():
        return ReadError(doc.source, "E201", "the body is empty after cleaning", doc.raw)
    return Article(
        id=aid,
        source=doc.source,
        path=doc.path,
        format=doc.format,
        url=doc.url,
        outlet=got.outlet,
        outlet_basis=got.outlet_basis,
        title=got.title,
        byline=got.byline,
        published=got.published.value,
        published_basis=got.published.basis,
        published_confidence=got.published.confidence,
        language=got.language,
        body=got.body,
        removed=got.removed,
        dateline=got.dateline,
        flags=got.flags,
        ingested_at=now(),
    )


def _store_batch(store, rep, report, model: FurnitureModel, touched, batch, run_id) -> None:
    """Extract and store one batch of documents in one transaction."""
    prepared: list[tuple[RawDoc, Article, str]] = []
    ids: set[str] = set()
    for doc, aid, group in batch:
        if aid in ids or store.has_article(aid):
            report.existing += 1
            continue
        if doc.text is not None:
            model.add(group, _group_text(doc))
            touched.add(group)
        article = extract_article(doc, aid, model.lines(group))
        if isinstance(article, ReadError):
            _record_error(store, rep, report, article, run_id)
            continue
        for flag in article.flags:
            if flag.startswith("long-line-cut"):
                rep.warning(doc.source, f"{flag.split(':')[-1]} line(s) over {LONG_LINE:,} characters cut into "
                                        "paragraphs (flag long-line-cut)")
        prepared.append((doc, article, group))
        ids.add(aid)
    with store.transaction():
        for doc, article, group in prepared:
            sha = store.add_input(doc.raw, source=doc.source, path=doc.path, format=doc.format, encoding=doc.encoding)
            if store.add_article(article, input_sha256=sha, group=group):
                report.added += 1
                report.added_ids.append(article.id)
        store.save_furniture(*model.take_changes())


# --------------------------------------------------------------- corpus passes


def without_furniture(art: Article, furniture: frozenset[str]) -> dict | None:
    """The body and removed lines of an article once its group's furniture is taken out, or None
    when it carries none."""
    if not furniture:
        return None
    kept, dropped = [], []
    for para in art.body.split("\n\n"):
        (dropped if normalise_line(para) in furniture else kept).append(para)
    if not dropped:
        return None
    return {"body": "\n\n".join(kept), "removed": art.removed + tuple(Removed(p, "repeated-in-outlet") for p in dropped)}


def reclean_furniture(store: Store, model: FurnitureModel, groups: Iterable[str]) -> int:
    """Take lines that proved to be furniture of their group out of stored bodies."""
    changed = 0
    with store.transaction():
        for group in sorted(groups):
            furniture = model.lines(group)
            if not furniture:
                continue
            for art in store.articles(group=group):
                update = without_furniture(art, furniture)
                if update is not None:
                    store.update_article(art.id, **update)
                    changed += 1
    return changed


def date_from_corpus(store: Store, ids: Iterable[str]) -> int:
    """Date undated articles from dated articles of the corpus that report the same affair."""
    wanted = set(ids)
    undated = [a for a in store.articles(undated=True) if a.id in wanted]
    if not undated:
        return 0
    dated = [(a.id, a.published, (a.title or "") + "\n" + a.body) for a in store.articles() if a.published]
    if not dated:
        return 0
    dater = CorpusDater(dated)
    changed = 0
    with store.transaction():
        for art in undated:
            update = corpus_date_update(art, dater)
            if update:
                store.update_article(art.id, **update)
                changed += "published" in update
    return changed


def corpus_date_update(art: Article, dater: CorpusDater) -> dict | None:
    """What dating an undated article from the corpus changes: its date, or only the reason
    given for having none; None when nothing."""
    got = dater.infer(art.body, art.title, dateline=art.dateline)
    if got is None:
        return None
    if got.value is None:
        if got.basis and got.basis != art.published_basis:
            return {"published_basis": art.published_basis + "; " + got.basis}
        return None
    return {"published": got.value, "published_basis": got.basis, "published_confidence": got.confidence}


__all__ = ["ingest", "IngestReport", "Reporter", "content_id", "furniture_group"]
