"""The Spark engine's stages as plain functions: what each Spark task runs.

Nothing here imports pyspark: every function takes and returns plain Python
records, so each stage is tested alone without a Spark session, and the Spark
plan (``spark.job``) only wires them with keys, joins and shuffles.  The
stages call the same code as the embedded engine (``ingest``, ``nlp``,
``stories``, ``events``), so the two engines write the same rows.

Records: an input document is ordered by ``(file index, record index)``, the
order the embedded engine reads them in; a stored article carries ``n``, its
rank among the stored articles (the embedded store's row number).
"""
from __future__ import annotations

import bisect
import gzip
import math
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from ..extract.furniture import FurnitureModel
from ..extract.pubdate import CANDIDATES, CorpusDater, _iso_date
from ..ingest import (_group_text, _one_line, content_id, corpus_date_update, extract_article,
                      furniture_group, without_furniture)
from ..read import iter_files, read_file
from ..records import Article, ReadError
from ..store.db import ARTICLE_COLUMNS, MAX_ERROR_RAW, _article_row, now, sha256

MANIFEST_SUFFIXES = (".paths", ".paths.gz")  # Common Crawl's lists of WARC files, one path a line
UNDATED = "undated"  # the partition of rows with no date


# --------------------------------------------------------------------------- inputs


def list_inputs(paths: Iterable[str]) -> tuple[list[str], list[ReadError]]:
    """The files to read, in the embedded engine's order: folders walked, manifests
    (``*.paths``, ``*.paths.gz``: one path a line, relative to the manifest's folder) expanded."""
    files: list[str] = []
    errors: list[ReadError] = []
    for item in iter_files(list(paths)):
        if isinstance(item, ReadError):
            errors.append(item)
        elif item.lower().endswith(MANIFEST_SUFFIXES):
            listed, bad = read_manifest(item)
            files.extend(listed)
            errors.extend(bad)
        else:
            files.append(item)
    return files, errors


def read_manifest(path: str) -> tuple[list[str], list[ReadError]]:
    """Paths listed in a manifest; a manifest that cannot be read is an error (E114)."""
    try:
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            lines = [line.strip() for line in fh]
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        return [], [ReadError(path, "E114", f"cannot read the manifest: {_one_line(exc)}")]
    base = os.path.dirname(path)
    listed = [line if os.path.isabs(line) else os.path.join(base, line)
              for line in lines if line and not line.startswith("#")]
    files, errors = [], []
    for item in iter_files(listed):
        (errors if isinstance(item, ReadError) else files).append(item)
    return files, errors


def error_row(err: ReadError) -> dict:
    """An ``errors`` table row (what the embedded store keeps)."""
    raw = err.raw if err.raw is not None and len(err.raw) <= MAX_ERROR_RAW else None
    return {"path": err.path, "code": err.code, "reason": err.reason, "raw": raw, "at": now()}


def read_records(file_index: int, path: str, max_bytes: int = 20_000_000) -> Iterator[tuple]:
    """One file's documents: ``("doc", order, id, group, RawDoc)`` or ``("error", order, row)``.
    A reader that fails mid-file costs the rest of that file only (E113), as in ``ingest``."""
    docs = read_file(path, max_bytes=max_bytes)
    k = 0
    while True:
        try:
            doc = next(docs)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - a reader bug costs the rest of this file only
            yield ("error", (file_index, k), error_row(ReadError(
                path, "E113", f"reading stopped: {type(exc).__name__}: {_one_line(exc)}")))
            return
        if isinstance(doc, ReadError):
            yield ("error", (file_index, k), error_row(doc))
        else:
            yield ("doc", (file_index, k), content_id(doc), furniture_group(doc), doc)
        k += 1


# ------------------------------------------------------------------ extract + furniture


def extract_group(group: str, docs: Iterable[tuple]) -> Iterator[tuple]:
    """Extract the documents of one furniture group in reading order, as ``ingest`` does (the
    group's furniture learned document by document), then take out what proved furniture.

    ``docs``: (order, id, RawDoc), each id once.  Yields ``("article", order, Article, input
    row, group)``, ``("error", order, row)`` and ``("furniture", line rows, group rows)``."""
    model = FurnitureModel()
    done: list[tuple] = []
    for order, aid, doc in sorted(docs, key=lambda d: d[0]):
        if doc.text is not None:
            model.add(group, _group_text(doc))
        article = extract_article(doc, aid, model.lines(group))
        if isinstance(article, ReadError):
            yield ("error", order, error_row(article))
            continue
        done.append((order, article, doc))
    furniture = model.lines(group)
    for order, article, doc in done:
        update = without_furniture(article, furniture)
        if update is not None:
            article = _replace(article, **update)
        inp = {"sha256": sha256(doc.raw), "source": doc.source, "path": doc.path, "format": doc.format,
               "encoding": doc.encoding, "size": len(doc.raw), "raw": doc.raw, "first_seen": now()}
        yield ("article", order, article, inp, group)
    if model.documents(group):
        yield ("furniture", *model.to_rows())


def _replace(article: Article, **fields) -> Article:
    from dataclasses import replace

    return replace(article, **fields)


# -------------------------------------------------------------------------- dating


def corpus_position(article: Article, n: int) -> tuple[str, int]:
    """Where a dated article stands in the corpus order dating uses (publication date, arrival)."""
    return (article.published or "", n)


def affair_text(article: Article) -> str:
    return (article.title or "") + "\n" + article.body


def base_weight(names: Iterable[str], df: dict[str, int], size: int) -> float:
    """A dated article's name weight over the corpus (``CorpusDater``'s own formula)."""
    total = size + 2
    return math.fsum(math.log(total / df[n]) for n in names)


def keep_latest(postings: list, position, limit: int = CANDIDATES) -> list:
    """Add a position to a name's postings, keeping the latest ``limit`` (sorted)."""
    bisect.insort(postings, position)
    if len(postings) > limit:
        del postings[0]
    return postings


def merge_latest(a: list, b: list, limit: int = CANDIDATES) -> list:
    return sorted(a + b)[-limit:]


def reachable_names(counts: dict[str, int], limit: int = CANDIDATES) -> list[str]:
    """The names whose postings the candidate search (``CorpusDater.candidate_positions``) can read,
    from each name's count of dated articles alone: it reads names rarest first and stops at the
    first one that would take it past ``limit`` candidates.  A name can fit only if the previous
    one's postings (all in, or the first name's last ``limit``) leave room for it, and counts only
    grow along the order, so the names up to the first that cannot fit by that bound (included: the
    search reads its count) are all it reads.  Sending only their postings gives the same
    candidates (tests/spark/test_stages.py checks it against the whole postings)."""
    order = sorted(counts, key=lambda n: (counts[n], n))
    for k in range(1, len(order)):
        before = min(counts[order[0]], limit) if k == 1 else counts[order[k - 1]]
        if before + counts[order[k]] > limit:
            return order[:k + 1]
    return order


def candidate_positions(names: Iterable[str], postings: dict[str, tuple[int, list]]) -> set:
    """The dated articles an undated article is compared with (``CorpusDater.candidate_positions``)."""
    dater = CorpusDater.from_parts(size=1, span=None, postings=postings, df={}, candidates={})
    return dater.candidate_positions(set(names))


def date_undated(article: Article, *, size: int, span, postings: dict, df: dict, candidates: dict,
                 today: date | None = None) -> Article:
    """Date one undated article from the parts the corpus joins gave (``CorpusDater.from_parts``)."""
    dater = CorpusDater.from_parts(size=size, span=span, postings=postings, df=df, candidates=candidates,
                                   today=today)
    update = corpus_date_update(article, dater)
    return _replace(article, **update) if update else article


# -------------------------------------------------------------------- language pass


def language_key(article: Article, n: int) -> tuple[str, int]:
    """The order of the language pass (and of the knowledge base): publication date, then arrival."""
    return (article.published or "9999", n)


def settle(items: Sequence[tuple], facts: Sequence[tuple], *, dictionaries: Sequence[str] = (),
           batch_size: int = 16, token=None) -> Iterator[tuple]:
    """Analyse a run of articles consecutive in ``language_key`` order so that each one is what a
    one-process pass in that order gives: the knowledge base an article sees holds exactly the
    facts learned by the articles before it.

    ``items``: (key, article, analysis or None), sorted by key; ``facts``: (key, fact row) of
    the whole corpus as last known, sorted (only those before the first item are used; the
    run's own facts are learned as it goes).  An analysis is kept when its knowledge-base journal
    replays the same against that knowledge base, else the article is analysed again.  ``token``:
    see ``_kb_before``.  Yields (key, article, analysis, redone)."""
    from ..nlp.workers import learn_row

    if not items:
        return
    state = _document_pass(dictionaries)
    kb = state.kb
    _kb_before(kb, facts, items[0][0], token)
    for i in range(0, len(items), batch_size):
        chunk = items[i: i + batch_size]
        need = [a for _, a, an in chunk if an is None]
        fresh = iter(list(state.analyse(need, batch_size=batch_size)) if need else ())
        for key, article, analysis in chunk:
            redone = False
            if analysis is None:
                analysis = next(fresh)
            if not kb.replays(analysis.meta.get("kb_journal", [])):
                analysis = next(iter(state.analyse([article], batch_size=1)))
                redone = True
            for row in analysis.meta.get("kb_rows", ()):
                learn_row(kb, row)
            yield key, article, analysis, redone


def _document_pass(dictionaries: Sequence[str]):
    from ..nlp.workers import _PASSES, DocumentPass

    dkey = tuple(dictionaries)
    state = _PASSES.get(dkey)
    if state is None:
        from ..nlp.actors import ActorResolver

        state = _PASSES[dkey] = DocumentPass(ActorResolver(dictionaries=list(dkey)) if dkey else None)
    return state


def _kb_before(kb, facts: Sequence[tuple], first, token=None) -> None:
    """Make ``kb`` see exactly the facts before key ``first``: its own layer emptied, over a base
    that holds them (``prefix_kb``)."""
    kb.clear()
    kb.parent = prefix_kb(facts, first, token)


_PREFIX: dict = {}  # per process: the base ``prefix_kb`` keeps between tasks


def prefix_kb(facts: Sequence[tuple], first, token=None):
    """A knowledge base holding the facts of ``facts`` ((key, row), sorted by key) whose key is
    before ``first``; to be read, or layered over, never learned into.

    A worker process keeps it between tasks: a task with the same ``token`` promises the same
    list or one longer at its end only, so the base learns just the facts it lacks (tasks come
    in key order) instead of the whole list again, which made each pass over the corpus cost
    the square of its size.  A new token, a shorter prefix or ``token`` None starts afresh."""
    from ..nlp.kb import KnowledgeBase
    from ..nlp.workers import learn_row

    upto = bisect.bisect_left(facts, (first,))
    held = _PREFIX.get("base")
    if token is not None and held is not None and held[0] == token and held[2] <= upto:
        kb, start = held[1], held[2]
    else:
        kb, start = KnowledgeBase(), 0
    for _key, row in facts[start:upto]:
        learn_row(kb, row)
    _PREFIX["base"] = (token, kb, upto)
    return kb


def light(analysis) -> tuple:
    """What checking an analysis against the knowledge base needs: its journal and the facts it
    learned."""
    return (analysis.meta.get("kb_journal", []), tuple(analysis.meta.get("kb_rows", ())))


def stale_keys(items: Sequence[tuple], facts: Sequence[tuple], token=None) -> Iterator:
    """Keys of the articles whose knowledge-base journal does not replay against the facts of the
    articles before them.  ``items``: (key, light) sorted by key; ``facts``: (key, row) of the
    whole corpus, sorted."""
    from ..nlp.kb import KnowledgeBase
    from ..nlp.workers import learn_row

    if not items:
        return
    kb = KnowledgeBase()
    _kb_before(kb, facts, items[0][0], token)
    for key, (journal, rows) in items:
        if not kb.replays(journal):
            yield key
        for row in rows:
            learn_row(kb, row)


def recheck(items: Sequence[tuple], facts: Sequence[tuple], stale, *, dictionaries: Sequence[str] = (),
            token=None) -> Iterator:
    """Analyse again, in order, the articles ``stale`` names or whose journal no longer replays
    (facts learned earlier in this run of articles count as they change).  ``items``: (key,
    (payload, light)) sorted by key, ``payload`` the pickled row with its analysis last.  Yields
    (key, (payload, light), redone)."""
    import pickle

    from ..nlp.workers import learn_row

    if not items:
        return
    state = _document_pass(dictionaries)
    kb = state.kb
    _kb_before(kb, facts, items[0][0], token)
    for key, (payload, seen) in items:
        again = key in stale or not kb.replays(seen[0])
        if again:
            row = pickle.loads(payload)
            analysis = next(iter(state.analyse([row[1]], batch_size=1)))
            payload, seen = pickle.dumps((*row[:-1], analysis), protocol=pickle.HIGHEST_PROTOCOL), light(analysis)
        for fact in seen[1]:
            learn_row(kb, fact)
        yield key, (payload, seen), again


def facts_of(key, analysis) -> list[tuple]:
    """The knowledge-base facts an analysis learned, keyed by its article's place in the order."""
    return [(key, dict(row)) for row in analysis.meta.get("kb_rows", ())]


def fact_identity(fact: tuple) -> tuple:
    key, row = fact
    return (key, tuple(sorted((k, str(v)) for k, v in row.items())))


# ---------------------------------------------------------------------------- blocks


def day(value: str | None) -> str | None:
    """The ISO day of a date or timestamp (None when absent or not a day)."""
    if not value or len(value) < 10:
        return None
    return value[:10]


def plan_blocks(day_counts: dict[str, int], max_block: int, window_days: int) -> dict[str, int]:
    """Cut the dated days into blocks of consecutive days that story grouping handles alone.

    A cut where no article was published for more than ``window_days`` days is exact (reports of
    one happening lie within ``window_days`` of each other).  A block that would pass
    ``max_block`` articles is cut at the next day boundary instead (a forced cut: a story
    spanning it may come out as two)."""
    blocks: dict[str, int] = {}
    block, size, last = 0, 0, None
    for d in sorted(day_counts):
        ordinal = _iso_date(d).toordinal() if _iso_date(d) else None
        quiet = last is not None and ordinal is not None and ordinal - last > window_days
        if size and (quiet or size + day_counts[d] > max_block):
            block += 1
            size = 0
        blocks[d] = block
        size += day_counts[d]
        last = ordinal if ordinal is not None else last
    return blocks


def forced_cuts(day_counts: dict[str, int], blocks: dict[str, int], window_days: int) -> int:
    """How many block boundaries fall between days closer than ``window_days`` + 1."""
    days = sorted(day_counts)
    cuts = 0
    for a, b in zip(days, days[1:]):
        if blocks[a] != blocks[b]:
            da, db = _iso_date(a), _iso_date(b)
            if da and db and (db - da).days <= window_days:
                cuts += 1
    return cuts


BLOCK_TABLES = ("articles", "analyses", "sentences", "entities", "mentions", "quotes", "times",
                "event_mentions", "events", "event_links", "story_members", "story_signatures", "stories")
# tables whose rows are written by day (the article's publication day; an event's or story's own date)
BY_ARTICLE = {"articles": "id", "analyses": "article_id", "sentences": "article_id", "entities": "article_id",
              "mentions": "article_id", "quotes": "article_id", "times": "article_id",
              "event_mentions": "article_id", "story_members": "article_id"}
BY_OWN_DATE = {"events": "date", "stories": "date"}


def _scratch_store():
    """An in-memory store for one block's corpus-level stages (foreign keys off: the block's
    inputs and neighbours live in other tasks)."""
    from ..store import Store

    store = Store(":memory:")
    store.conn.execute("PRAGMA foreign_keys = OFF")
    return store


def _dump(store, table: str, days: dict[str, str]) -> Iterator[tuple]:
    cur = store.conn.execute(f"SELECT * FROM {table}")
    names = [c[0] for c in cur.description]
    by_article = BY_ARTICLE.get(table)
    by_date = BY_OWN_DATE.get(table)
    for row in cur:
        rec = dict(zip(names, row))
        if by_article:
            rec["day"] = days.get(rec[by_article]) or UNDATED
        elif by_date:
            rec["day"] = day(rec[by_date]) or UNDATED
        yield table, rec


def run_block(items: Iterable[tuple], vocab: dict[str, int], actor_vocab: dict[str, int],
              total: int, tables: Sequence[str] = BLOCK_TABLES) -> Iterator[tuple]:
    """One block's corpus-level stages on the embedded engine's own code: its articles and
    analyses written to a scratch store, grouped into stories (word and actor weights over the
    whole corpus: ``vocab`` and ``actor_vocab`` document frequencies, ``total`` articles), event
    reports merged into events.
    ``items``: (n, Article, input sha256, furniture group, Analysis).  Yields (table, row)."""
    from ..events.dedup import merge
    from ..events.store import save_event_mentions
    from ..nlp.version import ANALYSIS_VERSION
    from ..stories import group

    store = _scratch_store()
    days: dict[str, str] = {}
    ids: list[str] = []
    cols = ", ".join(ARTICLE_COLUMNS)
    marks = ", ".join("?" * (len(ARTICLE_COLUMNS) + 3))
    with store.transaction():
        for n, article, sha, grp, analysis in sorted(items, key=lambda it: it[0]):
            store.conn.execute(
                f"INSERT INTO articles (n, {cols}, input_sha256, furniture_group) VALUES ({marks})",
                (n, *_article_row(article), sha, grp))
            store.save_analysis(analysis, ANALYSIS_VERSION)
            save_event_mentions(store, article.id, analysis.events)
            days[article.id] = day(article.published) or UNDATED
            ids.append(article.id)
    group(store, vocab=(vocab, total, actor_vocab))
    if any(t.startswith("event") for t in tables):
        merge(store, article_ids=sorted(ids))
    for table in tables:
        yield from _dump(store, table, days)
    store.close()


def split_block(tagged: Iterable[tuple]) -> tuple[list, dict[str, int], dict[str, int]]:
    """A block's records as ``run_block`` takes them: from (0, row), (1, (word, df)) and
    (2, (actor, df)) records, the rows, the word and the actor document frequencies."""
    rows: list = []
    words: dict[str, int] = {}
    actors: dict[str, int] = {}
    for tag, value in tagged:
        if tag == 0:
            rows.append(value)
        elif tag == 1:
            words[value[0]] = value[1]
        else:
            actors[value[0]] = value[1]
    return rows, words, actors


PACK_ROWS = 500  # rows in one packed record: a partition's whole table in one record overran the JVM heap at 100k


def packed(records: Iterable[tuple]) -> Iterator[tuple[str, bytes]]:
    """(table, row) records as (table, pickled rows) records of at most ``PACK_ROWS`` rows each: a
    Spark stage that picks one table out of many then unpickles only that table's rows.  (One record
    per table and partition held a partition's whole table in one byte array: at 100,000 articles it
    overran the driver's heap when Spark stored it.)"""
    import pickle

    tables: dict[str, list] = {}
    for table, row in records:
        rows = tables.setdefault(table, [])
        rows.append(row)
        if len(rows) >= PACK_ROWS:
            yield table, pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
            tables[table] = []
    for table, rows in tables.items():
        if rows:
            yield table, pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)


def unpacked(record: tuple[str, bytes]) -> list:
    import pickle

    return pickle.loads(record[1])


def run_threads(story_rows: Iterable[dict]) -> Iterator[tuple]:
    """Threads over every story (``stories.threads.link``): yields the stories with their thread,
    and the threads."""
    from ..stories.threads import link

    store = _scratch_store()
    rows = [{k: v for k, v in r.items() if k != "day"} for r in story_rows]
    if rows:
        cols = list(rows[0])
        with store.transaction():
            store.conn.executemany(
                f"INSERT INTO stories ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [tuple(r[c] for c in cols) for r in rows])
        link(store)
    yield from _dump(store, "stories", {})
    yield from _dump(store, "threads", {})
    store.close()


def story_actors(analysis) -> set[str]:
    """The actor keys story grouping weighs (those of ``features.finish``), each once."""
    from ..stories.features import NOT_ACTORS, actor_key

    return {actor_key({"actor": e.actor.name if e.actor else None, "name": e.name})
            for e in analysis.entities if e.label not in NOT_ACTORS}


def story_day(article: Article, analysis) -> str | None:
    """The day story grouping dates an article by (``features``: the happening its lead reports,
    else its publication day), or None."""
    from ..stories.features import ArticleFeatures, happening_date

    published = (article.published or None) and article.published[:10]
    f = ArticleFeatures(id=article.id, title=article.title or "", body=article.body, published=published,
                        sentences=[(x.start, x.end) for x in analysis.sentences])
    times = [{"value": t.value, "start": t.start} for t in analysis.times]
    happening, _ = happening_date(published, times, f.lead_end)
    return day(happening or published)


def story_counts(article: Article, analysis) -> tuple[Counter, Counter]:
    """An article's word counts (title twice) and actor mentions, as ``features.finish`` counts them."""
    from ..stories.features import NOT_ACTORS, actor_key, words

    tf = Counter(words(article.body))
    for w in words(article.title or ""):
        tf[w] += 2
    mentions = Counter(m.entity for m in analysis.mentions if m.entity is not None)
    actors: Counter = Counter()
    for i, e in enumerate(analysis.entities):
        if e.label not in NOT_ACTORS:
            actors[actor_key({"actor": e.actor.name if e.actor else None, "name": e.name})] += mentions.get(i, 1)
    return tf, actors


def index_keys(tf: Counter, actors: Counter, df: dict[str, int], adf: dict[str, int], total: int) -> list[str]:
    """The keys story grouping indexes an article under (``cluster._make_keys``), from its counts and
    the corpus's document frequencies of its words (``df``) and actors (``adf``)."""
    from ..stories.cluster import _make_keys
    from ..stories.features import ArticleFeatures
    from ..stories.similarity import Idf, tfidf

    f = ArticleFeatures(id="", title="", body="")
    f.tf, f.actors = tf, actors
    f.vec = tfidf(tf, Idf(df, total))
    f.actor_idf = Idf(adf, total)  # type: ignore[attr-defined]
    return _make_keys(f)


def first_candidates(counts: Iterable[tuple], limit: int) -> list:
    """The stories story grouping compares an article with: from (story, index keys shared) pairs,
    the ``limit`` sharing most (``cluster._Index.candidates``; ties by story id)."""
    return [sid for sid, _ in sorted(counts, key=lambda sc: (-sc[1], sc[0]))[:limit]]


def best_trial(trials: Iterable[tuple]) -> int:
    """The block where an undated article joined a story with the highest score, from (score,
    block) pairs (the lowest block on a tie)."""
    return min(trials, key=lambda sb: (-sb[0], sb[1]))[1]


def story_terms(article: Article) -> set[str]:
    """The words story grouping weighs (those of ``features.finish``: body and title), each once."""
    from ..stories.features import words

    return set(words(article.body)) | set(words(article.title or ""))


# ---------------------------------------------------------------------------- tables


def table_columns() -> dict[str, list[tuple[str, str]]]:
    """Each store table's columns and declared SQLite types (from a fresh store's schema)."""
    from ..store import Store

    store = Store(":memory:")
    try:
        out = {}
        for (name,) in store.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' "
                "AND name NOT LIKE 'sqlite_%'"):
            out[name] = [(r[1], (r[2] or "TEXT").upper()) for r in store.conn.execute(f"PRAGMA table_info({name})")]
        return out
    finally:
        store.close()


__all__ = [
    "BLOCK_TABLES", "MANIFEST_SUFFIXES", "UNDATED", "affair_text", "base_weight", "candidate_positions",
    "corpus_position", "date_undated", "day", "error_row", "extract_group", "fact_identity", "facts_of",
    "best_trial", "first_candidates", "forced_cuts", "index_keys", "keep_latest", "language_key", "light", "packed", "prefix_kb", "recheck", "stale_keys", "unpacked", "list_inputs", "merge_latest", "plan_blocks",
    "read_manifest", "read_records", "run_block", "run_threads", "split_block", "settle", "story_actors", "story_counts", "story_day", "story_terms", "table_columns",
]
