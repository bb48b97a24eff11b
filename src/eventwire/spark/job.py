"""The Spark plan: the stages of ``spark.stages`` wired with keys, joins and shuffles.

``run(paths, out, master=...)`` reads, extracts, dates, analyses, groups and merges, writes the
Parquet dataset to ``out`` and returns a report (documents read, stored, failed with reasons,
and what each corpus-level stage did).  See the package docstring for the cascade.
"""
from __future__ import annotations

import math
import os
import sys
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from operator import add

from ..errors import EventwireError
from ..extract.pubdate import _iso_date, affair_names, corpus_span
from ..stories.cluster import WINDOW_DAYS
from . import stages as S
from .checkpoint import Checkpoints, fingerprint
from .dataset import MANIFEST, PARTITION, write_manifest

BLOCK_ARTICLES = 20_000  # articles a story-grouping block holds at most (cut at a day boundary)
MAX_KB_ROUNDS = 8  # knowledge-base settling rounds before giving up on a fixed point
ARTICLES_PER_PARTITION = 200  # language-pass partition size: a wave of one per core is what runs side by side
ARTICLES_PER_SHUFFLE = 5_000  # articles per partition of the corpus-level joins (at least two per core)


PYTHON_WORKER_MEMORY = "3g"  # aggregation memory of a Python worker before it spills (see ``session``)
LOCAL_DRIVER_MEMORY = "4g"  # the driver JVM in local mode (executor as well): 1g overran at 100k articles


def session(master: str | None = None, app: str = "eventwire"):
    """A Spark session (``local[*]`` unless ``master``); Python workers run this interpreter."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EventwireError("E501", "pyspark is missing: pip install 'eventwire[spark]'") from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    try:
        from pyspark import SparkConf
        builder = (SparkSession.builder.appName(app).master(master or "local[*]")
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.sources.partitionOverwriteMode", "static")
                   .config("spark.python.worker.reuse", "true"))
        if not SparkConf().contains("spark.python.worker.memory"):
            # A Python worker holds the spaCy model, so its memory is past PySpark's default
            # aggregation limit (512m) before it aggregates anything: every groupByKey and join
            # then spilled to disk batch after batch, each spill with a full garbage collection
            # (half the workers' time in a profile of 2,025 articles).  The limit is per worker;
            # a cluster's own setting (spark-submit --conf) is kept.
            builder = builder.config("spark.python.worker.memory", PYTHON_WORKER_MEMORY)
        if (master or "local[*]").startswith("local") and not SparkConf().contains("spark.driver.memory"):
            # In local mode the driver's JVM is the executor too: it holds every block Spark stores
            # and every record it writes.  Its default heap (1g) overran at 100,000 articles; the
            # driver process starts here, so this setting applies (spark-submit's own is kept).
            builder = builder.config("spark.driver.memory", LOCAL_DRIVER_MEMORY)
        spark = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - no Java, a bad master URL: say so, plainly
        raise EventwireError("E502", f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]} "
                                     "(Spark needs Java 17: apt install openjdk-17-jre-headless)") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class _Timer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._t = time.perf_counter()

    def lap(self, stage: str, earlier: float = 0.0) -> None:
        """The stage's seconds since the last lap, plus ``earlier`` (its part done by a stopped run)."""
        t = time.perf_counter()
        self.seconds[stage] = round(t - self._t + earlier, 3)
        self._t = t

    def add(self, stage: str) -> dict[str, float]:
        """Add the seconds since the last lap to ``stage``; all stages' seconds so far."""
        t = time.perf_counter()
        self.seconds[stage] = round(self.seconds.get(stage, 0.0) + t - self._t, 3)
        self._t = t
        return dict(self.seconds)

    def restart(self) -> None:
        self._t = time.perf_counter()


def run(paths: Sequence[str], out: str, *, master: str | None = None, spark=None,
        dictionaries: Sequence[str] = (), max_bytes: int = 20_000_000,
        block_articles: int = BLOCK_ARTICLES, progress=None, fresh: bool = False) -> dict:
    """Run the whole pipeline on Spark; write the dataset to ``out``; return the report.

    The work of a run that stops midway stays in ``out/_work`` and the next run with the same
    inputs and options resumes from it (``spark.checkpoint``); ``fresh`` discards it."""
    own = spark is None
    spark = spark or session(master)
    say = progress or (lambda stage: None)
    try:
        return _run(spark, list(paths), out, list(dictionaries), max_bytes, block_articles, say, fresh)
    finally:
        if own:
            spark.stop()


def _run(spark, paths, out, dictionaries, max_bytes, block_articles, say, fresh) -> dict:
    from pyspark import StorageLevel

    sc = spark.sparkContext
    keep = StorageLevel.MEMORY_AND_DISK
    timer = _Timer()
    parallel = max(2, sc.defaultParallelism)
    report: dict = {"engine": "spark", "master": sc.master, "out": out}
    files, listing_errors = S.list_inputs(paths)
    work = Checkpoints(spark, out, fingerprint(files, dictionaries, {
        "max_bytes": max_bytes, "block_articles": block_articles, "listing_errors": len(listing_errors)}), fresh=fresh)
    # the manifest marks a finished dataset: until this run writes its own, none is there
    work.delete(f"{out.rstrip('/')}/{MANIFEST}")
    if work.done("prepared"):
        say("resume: read, extract and dating")
        numbered, note = work.load("prepared")
        side, _ = work.load("side")
        report.update(note["report"])
        timer.seconds.update(note["seconds"])
    else:
        numbered, side = _prepare(sc, files, listing_errors, max_bytes, report, timer, keep, parallel, say)
        side = work.save("side", side)
        # saving is the end of stage 3: its seconds count there, the note written last
        numbered = work.save("prepared", numbered, lambda: {"report": dict(report), "seconds": timer.add("dating")})
    timer.restart()
    stored = report["stored"]
    shuffle = max(2 * parallel, math.ceil(stored / ARTICLES_PER_SHUFFLE))

    # 4. language pass, the knowledge base settled by rounds -------------------------------------
    say("language")

    def ordered():
        # whole waves (a multiple of the cores), so no wave leaves a core idle
        parts = parallel * max(1, math.ceil(stored / (ARTICLES_PER_PARTITION * parallel))) if stored else 1
        keyed = numbered.map(lambda r: (S.language_key(r[1], r[0]), r))
        return keyed.sortByKey(numPartitions=parts) if stored else keyed

    resumed = work.done("analysed")
    analysed, report["language"], earlier = _settle(spark, work, ordered, parallel, dictionaries, keep)
    timer.lap("language", earlier)
    if resumed:  # the whole stage was done by a stopped run: its time, not the loading's
        timer.seconds["language"] = earlier

    # 5. stories and events by blocks of days; threads over all stories ---------------------------
    say("stories")
    final = analysed.map(lambda x: x[1]).persist(keep)  # (n, article, sha, group, analysis)
    facts = analysed.flatMap(lambda x: S.facts_of(x[0], x[1][4])).map(lambda kf: kf[1])
    if work.done("grouped"):
        block_rows, _ = work.load("grouped-blocks")
        threaded, _ = work.load("grouped-threads")
        df, note = work.load("grouped")
        report["stories"] = note["stories"]
        timer.lap("stories", note["seconds"])
    else:
        block_rows, threaded, df = _group(sc, final, stored, shuffle, block_articles, report, keep)
        block_rows = work.save("grouped-blocks", block_rows)
        threaded = work.save("grouped-threads", threaded)
        df = work.save("grouped", df, lambda: {"stories": report["stories"], "seconds": timer.add("stories")["stories"]})

    # 6. write --------------------------------------------------------------------------------
    say("write")
    writer = _Writer(spark, out)
    for table in S.BLOCK_TABLES:
        if table != "stories":
            writer.write(table, block_rows.filter(lambda tb, t=table: tb[0] == t).flatMap(S.unpacked))
    writer.write("stories", threaded.filter(lambda tr: tr[0] == "stories").map(lambda tr: tr[1]))
    writer.write("threads", threaded.filter(lambda tr: tr[0] == "threads").map(lambda tr: tr[1]))
    writer.write("story_vocab", df.map(lambda kv: {"term": kv[0], "df": kv[1]}))
    writer.write("kb_facts", facts)
    writer.write("inputs", side.filter(lambda r: r[0] == "input").map(lambda r: r[1]))
    furniture = side.filter(lambda r: r[0] == "furniture")
    writer.write("furniture_lines", furniture.flatMap(
        lambda r: ({"grp": g, "line": line, "docs": c} for g, line, c in r[1])))
    writer.write("furniture_groups", furniture.flatMap(lambda r: ({"grp": g, "docs": c} for g, c in r[2])))
    errors = (sc.parallelize([((-1, i), S.error_row(e)) for i, e in enumerate(listing_errors)], 1)
              .union(side.filter(lambda r: r[0] == "error").map(lambda r: (r[1], r[2]))))
    errors = errors.sortByKey(numPartitions=1).map(lambda kv: kv[1]).persist(keep)
    writer.write("errors", errors)
    failed = errors.map(lambda e: (e["code"], e["reason"])).countByValue()
    report["failed"] = sum(failed.values())
    report["failures"] = [{"code": c, "reason": r, "count": k} for (c, r), k in
                          sorted(failed.items(), key=lambda x: (-x[1], x[0]))][:50]
    report["tables"] = writer.counts
    timer.lap("write")
    stages = ("read_extract", "dating", "language", "stories", "write")
    report["seconds"] = {k: timer.seconds[k] for k in stages if k in timer.seconds}
    report["resumed"] = work.resumed
    write_manifest(out, report)
    work.drop()
    return report


def _prepare(sc, files, listing_errors, max_bytes, report, timer, keep, parallel, say):
    """Stages 1-3: (numbered rows, side records) where a numbered row is (n, article, sha, group)
    and the side records are what the write stage needs besides: ("input", row),
    ("furniture", lines, groups) and ("error", sort key, error row)."""
    # 1. read -------------------------------------------------------------------------------
    say("read")
    report["files"] = len(files)
    file_rdd = sc.parallelize(list(enumerate(files)), max(1, min(len(files), 4 * parallel)))
    records = file_rdd.flatMap(lambda fp: S.read_records(fp[0], fp[1], max_bytes)).persist(keep)
    docs = records.filter(lambda r: r[0] == "doc").map(lambda r: (r[2], (r[1], r[3], r[4])))
    read_errors = records.filter(lambda r: r[0] == "error").map(lambda r: (r[1], r[2])).persist(keep)
    documents = docs.count()
    read_errors.count()
    spread = max(1, min(parallel * 4, documents or 1))
    firsts = docs.reduceByKey(lambda a, b: a if a[0] <= b[0] else b, spread).persist(keep)

    # 2. extract + furniture, by group --------------------------------------------------------
    say("extract")
    report["documents"] = documents
    report["duplicates"] = documents - firsts.count()
    records.unpersist()
    by_group = firsts.map(lambda kv: (kv[1][1], (kv[1][0], kv[0], kv[1][2]))).groupByKey(spread)
    extracted = by_group.flatMap(lambda g: S.extract_group(g[0], g[1])).persist(keep)
    found = extracted.filter(lambda r: r[0] == "article").map(lambda r: (r[1], (r[2], r[3]["sha256"], r[4])))
    numbered = found.sortByKey().zipWithIndex().map(
        lambda x: (x[1] + 1, x[0][1][0], x[0][1][1], x[0][1][2])).persist(keep)  # (n, article, sha, group)
    stored = numbered.count()
    firsts.unpersist()
    report["stored"] = stored
    timer.lap("read_extract")

    # 3. dating from related articles -----------------------------------------------------------
    say("dating")
    shuffle = max(2 * parallel, math.ceil(stored / ARTICLES_PER_SHUFFLE))
    numbered, report["dated_from_corpus"] = _date_from_corpus(numbered, keep, shuffle)
    timer.lap("dating")
    inputs = (extracted.filter(lambda r: r[0] == "article").map(lambda r: (r[3]["sha256"], (r[1], r[3])))
              .reduceByKey(lambda a, b: a if a[0] <= b[0] else b, shuffle).map(lambda kv: ("input", kv[1][1])))
    side = (inputs.union(extracted.filter(lambda r: r[0] in ("furniture", "error")))
            .union(read_errors.map(lambda kv: ("error", kv[0], kv[1]))))
    return numbered, side


def _group(sc, final, stored, shuffle, block_articles, report, keep):
    """Stage 5: (block rows packed by table, story and thread rows, word document frequencies)."""
    # (id, block or None when undated, (word counts, actor counts)); blocks by the day stories date by
    days = final.map(lambda r: (r[1].id, S.story_day(r[1], r[4]), S.story_counts(r[1], r[4]))).persist(keep)
    day_counts = dict(days.map(lambda x: x[1]).filter(lambda d: d is not None).countByValue())
    blocks = S.plan_blocks(day_counts, block_articles, WINDOW_DAYS)
    single = len(set(blocks.values())) <= 1
    blocks_b = sc.broadcast(blocks)

    def block_of(d):
        return 0 if single else (blocks_b.value[d] if d is not None else None)

    counts = days.map(lambda x: (x[0], block_of(x[1]), x[2])).persist(keep)
    df = counts.flatMap(lambda x: ((w, 1) for w in x[2][0])).reduceByKey(add, shuffle).persist(keep)
    adf = counts.flatMap(lambda x: ((a, 1) for a in x[2][1])).reduceByKey(add, shuffle).persist(keep)
    by_id = final.map(lambda r: (r[1].id, r)).join(counts.map(lambda x: (x[0], x[1])), shuffle).map(
        lambda kv: (kv[0], (kv[1][1], kv[1][0]))).persist(keep)  # id -> (block or None, row)
    grouping = _Grouping(df, adf, stored, shuffle)
    undated = 0 if single else counts.filter(lambda x: x[1] is None).count()
    placed = by_id.map(lambda kv: kv[1])
    trials = 0
    if undated:
        placed, trials = _place_undated(grouping, counts, by_id, blocks_b, keep)
    # one (table, pickled rows) record per table and block: each table is picked out cheaply below
    block_rows = grouping.run(placed).map(lambda btr: btr[1]).mapPartitions(S.packed).persist(keep)
    story_rows = block_rows.filter(lambda tb: tb[0] == "stories").flatMap(S.unpacked)
    threaded = story_rows.coalesce(1).mapPartitions(S.run_threads).persist(keep)
    event_ids = block_rows.filter(lambda tb: tb[0] == "events").flatMap(S.unpacked).map(lambda row: row["id"])
    n_events = event_ids.count()
    report["stories"] = {
        "blocks": len(set(blocks.values())),
        "undated": undated,
        "undated_tried_in_blocks": trials,
        "forced_cuts": S.forced_cuts(day_counts, blocks, WINDOW_DAYS),
        "events": n_events,
        "events_in_several_blocks": n_events - event_ids.distinct(shuffle).count(),
    }
    return block_rows, threaded, df


def _date_from_corpus(numbered, keep, P):
    """Stage 3: undated articles dated from the dated ones sharing their rarest names."""
    dated = numbered.filter(lambda r: r[1].published)
    undated = numbered.filter(lambda r: not r[1].published).persist(keep)
    if undated.isEmpty():
        return numbered, 0
    size = dated.count()
    if not size:
        return numbered, 0
    span = corpus_span(Counter({y: c for y, c in dated.map(lambda r: _year(r[1].published))
                                .filter(lambda y: y is not None).countByValue().items()}))
    # (position, id, published, names) of every dated article
    names = dated.map(lambda r: (S.corpus_position(r[1], r[0]), r[1].id, r[1].published,
                                 affair_names(S.affair_text(r[1])))).persist(keep)
    df = names.flatMap(lambda d: ((n, 1) for n in d[3])).reduceByKey(add, P)
    postings = (names.filter(lambda d: _iso_date(d[2]) is not None)
                .flatMap(lambda d: ((n, d[0]) for n in d[3]))
                .aggregateByKey((0, []), lambda acc, p: (acc[0] + 1, S.keep_latest(acc[1], p)),
                                lambda a, b: (a[0] + b[0], S.merge_latest(a[1], b[1])), P))
    wanted = undated.flatMap(lambda r: ((n, r[1].id) for n in affair_names(S.affair_text(r[1])))).persist(keep)
    # only the postings the candidate search can read travel: names picked from their counts first
    # (an article's every name with its last 500 positions made this the stage's largest shuffle)
    reach = (wanted.join(postings.mapValues(lambda cp: cp[0]), P).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
             .groupByKey(P).flatMap(lambda kv: ((n, kv[0]) for n in S.reachable_names(dict(kv[1])))))
    post_by = reach.join(postings, P).map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).groupByKey(P).mapValues(dict)
    df_by = wanted.join(df, P).map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).groupByKey(P).mapValues(dict)
    pairs = post_by.flatMap(lambda kv: ((p, kv[0]) for p in S.candidate_positions(kv[1], kv[1])))
    weight = (names.flatMap(lambda d: ((n, d[0]) for n in d[3])).join(df, P)
              .map(lambda kv: (kv[1][0], kv[1][1])).groupByKey(P)
              .mapValues(lambda dfs: math.fsum(math.log((size + 2) / c) for c in dfs)))
    info = names.map(lambda d: (d[0], (d[1], d[2], d[3]))).join(weight, P).map(
        lambda kv: (kv[0], (*kv[1][0], kv[1][1])))
    cands = pairs.join(info, P).map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).groupByKey(P).mapValues(dict)
    parts_by = post_by.fullOuterJoin(df_by, P).fullOuterJoin(cands, P)  # id -> ((postings, df), candidates)

    def settle_one(kv):
        _aid, (row, parts) = kv
        found, cand = parts if parts else (None, None)
        post, dfs = found if found else (None, None)
        article = S.date_undated(row[1], size=size, span=span, postings=post or {}, df=dfs or {},
                                       candidates=cand or {})
        return (row[0], article, row[2], row[3]), article.published is not None

    done = undated.map(lambda r: (r[1].id, r)).leftOuterJoin(parts_by, P).map(settle_one).persist(keep)
    dated_now = done.filter(lambda x: x[1]).count()
    out = dated.union(done.map(lambda x: x[0]))
    return out, dated_now


class _Grouping:
    """Story grouping and event merging of blocks (``stages.run_block``), with the corpus's word and
    actor document frequencies joined to each block."""

    def __init__(self, df, adf, total: int, partitions: int) -> None:
        self.df, self.adf, self.total, self.partitions = df, adf, total, partitions

    def _vocab(self, placed):
        """(block, (1, (word, df))) and (block, (2, (actor, df))) for every word and actor the
        block's articles use, with its document frequency over the whole corpus."""
        P = self.partitions
        freq = self.df.map(lambda kv: ((1, kv[0]), kv[1])).union(self.adf.map(lambda kv: ((2, kv[0]), kv[1])))

        def terms(br):
            tf, actors = S.story_counts(br[1][1], br[1][4])
            return [((1, w), br[0]) for w in tf] + [((2, a), br[0]) for a in actors]

        return (placed.flatMap(terms).distinct(P).join(freq, P)
                .map(lambda kv: (kv[1][0], (kv[0][0], (kv[0][1], kv[1][1])))))

    def run(self, placed, tables: Sequence[str] = S.BLOCK_TABLES):
        """``placed``: (block, row) -> (block, (table, row)) records of every block.  The rows and
        the vocabularies meet in one shuffle (rows are the heavy part: each crosses it once)."""
        total, tables, P = self.total, tuple(tables), self.partitions
        items = placed.map(lambda br: (br[0], (0, (br[1][0], br[1][1], br[1][2], br[1][3],
                                                   replace(br[1][4], meta={})))))
        return items.union(self._vocab(placed)).groupByKey(P).flatMap(
            lambda kv: ((kv[0], tr) for tr in S.run_block(*S.split_block(kv[1]), total, tables)))


def _place_undated(grouping: _Grouping, counts, by_id, blocks_b, keep):
    """Blocks for the articles story grouping cannot date.  The embedded engine compares such an
    article with the ``MAX_CANDIDATES`` stories sharing most of its index keys, wherever they lie
    in time, and joins the most similar.  Here: the dated articles are grouped once (members
    only) to find those candidate stories; each undated article is then tried in every block
    holding one of them, and goes to the block where it joined a story with the highest score
    (block -1, with the other undated ones, when it joined none).  Returns (placed rows, trials)."""
    from ..stories.cluster import MAX_CANDIDATES

    df, adf, total, P = grouping.df, grouping.adf, grouping.total, grouping.partitions
    word_df = (counts.flatMap(lambda x: ((w, x[0]) for w in x[2][0])).join(df, P)
               .map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).groupByKey(P).mapValues(dict))
    actor_df = (counts.flatMap(lambda x: ((a, x[0]) for a in x[2][1])).join(adf, P)
                .map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).groupByKey(P).mapValues(dict))
    keys = (counts.map(lambda x: (x[0], x)).leftOuterJoin(word_df, P).leftOuterJoin(actor_df, P)
            .map(lambda kv: (kv[0], (kv[1][0][0][1],
                             S.index_keys(*kv[1][0][0][2], kv[1][0][1] or {}, kv[1][1] or {}, total))))
            ).persist(keep)
    dated = by_id.filter(lambda kv: kv[1][0] is not None).map(lambda kv: kv[1]).persist(keep)
    members = grouping.run(dated, ("story_members",)).map(
        lambda btr: (btr[1][1]["article_id"], btr[1][1]["story_id"]))
    with_keys = members.join(keys, P).persist(keep)  # article -> (story, (block, keys))
    story_keys = with_keys.flatMap(lambda kv: ((k, kv[1][0]) for k in kv[1][1][1])).distinct(P)
    story_block = with_keys.map(lambda kv: (kv[1][0], kv[1][1][0])).distinct(P)
    undated_keys = keys.filter(lambda kv: kv[1][0] is None).flatMap(lambda kv: ((k, kv[0]) for k in set(kv[1][1])))
    tried_in = (undated_keys.join(story_keys, P).map(lambda kv: (kv[1], 1)).reduceByKey(add, P)
                .map(lambda kv: (kv[0][0], (kv[0][1], kv[1]))).groupByKey(P)
                .flatMap(lambda kv: ((sid, kv[0]) for sid in S.first_candidates(kv[1], MAX_CANDIDATES)))
                .join(story_block, P).map(lambda kv: kv[1]).distinct(P))  # (undated id, block)
    undated_rows = by_id.filter(lambda kv: kv[1][0] is None).persist(keep)
    trial = dated.union(undated_rows.join(tried_in, P).map(lambda kv: (kv[1][1], kv[1][0][1])))
    undated_ids = undated_rows.map(lambda kv: (kv[0], True))
    # how each undated article fared in each block tried: (article, (score, block, story, copy of))
    fared = (grouping.run(trial, ("story_members",))
             .map(lambda btr: (btr[1][1]["article_id"], (btr[1][1]["score"] or 0.0, btr[0], btr[1][1]["story_id"],
                                                          btr[1][1]["copy_of"])))
             .join(undated_ids, P).map(lambda kv: (kv[0], kv[1][0]))
             .map(lambda kv: (kv[1][3] or "", kv)).leftOuterJoin(undated_ids, P)
             .map(lambda kv: (kv[1][0], kv[1][1] is not None))).persist(keep)  # ((article, fared), copies an undated one)
    # a copy of another undated article goes where that article goes (the embedded engine groups
    # it by its reprint, whatever the words); the others go to the block where they joined a
    # story a dated article opened with the highest score (a story opened by undated copies does
    # not count)
    follows = (fared.filter(lambda x: x[1]).map(lambda x: (x[0][0], x[0][1][3]))
               .reduceByKey(min, P))  # article -> the undated article it copies
    joined = (fared.filter(lambda x: not x[1]).map(lambda x: x[0])
              .map(lambda kv: (kv[1][2].removeprefix("s-"), (kv[0], kv[1][:2])))
              .leftOuterJoin(undated_ids, P)
              .filter(lambda kv: kv[1][1] is None)
              .map(lambda kv: kv[1][0]).groupByKey(P).mapValues(S.best_trial))
    leader_block = undated_ids.leftOuterJoin(joined, P).map(lambda kv: (kv[0], -1 if kv[1][1] is None else kv[1][1]))
    followed = follows.map(lambda kv: (kv[1], kv[0])).join(leader_block, P).map(lambda kv: (kv[1][0], kv[1][1]))
    chosen = joined.subtractByKey(followed, P).union(followed)
    trials = tried_in.count()
    placed = dated.union(undated_rows.leftOuterJoin(chosen, P).map(
        lambda kv: (kv[1][1] if kv[1][1] is not None else -1, kv[1][0][1])))
    return placed.persist(keep), trials


def _year(published: str | None) -> int | None:
    d = _iso_date(published) if published else None
    return d.year if d else None


def _settle(spark, work: Checkpoints, ordered, width: int, dictionaries, keep):
    """Stage 4: the language pass in waves, then the knowledge base settled by rounds.

    ``ordered()``: (key, row) range-partitioned in language order.  Partitions go in waves of
    ``width`` (one per core), in order; each wave sees the facts every earlier wave learned (the
    embedded engine's workers likewise see the knowledge base as it stands when they start), so
    few articles need analysing again.  Then each round checks every article's knowledge-base
    journal against exactly the facts the articles before it learned (journals and facts only:
    analyses travel pickled and are opened only to be redone), and analyses again those where an
    answer differs, until no journal differs.  The partition plan, each wave and the settled
    result are saved to ``work`` as they are done.  Returns (rows with their analysis, the
    stage's report, seconds spent on it by an earlier, stopped run)."""
    import pickle

    if work.done("analysed"):
        current, note = work.load("analysed")
        return current.map(lambda x: (x[0], pickle.loads(x[1][0]))), note["report"], note["seconds"]
    sc = spark.sparkContext
    dicts = list(dictionaries)
    t0 = time.perf_counter()
    earlier = 0.0
    if work.done("language-plan"):
        frame, plan = work.load_frame("language-plan")
        earlier += plan["seconds"]
    else:
        rows = ordered()
        # rows pickled beside their wave and slot: the JVM picks a wave out, Python reads only that one
        staged = rows.mapPartitionsWithIndex(
            lambda i, it: ((i // width, i % width, j, pickle.dumps(kr)) for j, kr in enumerate(it)))
        plan = {"partitions": rows.getNumPartitions(), "width": width}
        frame = work.save_frame("language-plan", spark.createDataFrame(
            staged, "wave int, slot int, pos int, payload binary"),
            lambda: {**plan, "seconds": round(time.perf_counter() - t0, 3)})
    frame = frame.persist(keep)
    parts, width = plan["partitions"], plan["width"]
    waves = max(1, math.ceil(parts / width))
    run_id = uuid.uuid4().hex  # names this pass's fact lists to the bases workers keep (another run's never match)

    def wave_task(it, deltas):
        rows = [pickle.loads(p) for _, p in sorted(x[1] for x in it)]
        byk = dict(rows)
        known = [f for d in deltas for f in d.value]
        for key, _article, analysis, again in S.settle([(k, r[1], None) for k, r in rows], known,
                                                       dictionaries=dicts, token=(run_id, "waves")):
            full = pickle.dumps((*byk[key], analysis), protocol=pickle.HIGHEST_PROTOCOL)
            yield key, (full, S.light(analysis)), again

    # the facts each wave learned, one broadcast a wave: a task reads them all, a worker's base
    # knowledge base learns only those it lacks (``stages.prefix_kb``); every key of a wave comes
    # after every key of the waves before it, so the list only grows at its end
    facts: list = []
    deltas: list = []
    done, redone = [], 0
    for w in range(waves):
        name = f"wave-{w:05d}"
        if work.done(name):
            wave, note = work.load(name)
            new = work.load(name + "-facts", listed=False)[0].collect()
            earlier += note["seconds"]
            redone += note["redone"]
        else:
            tw = time.perf_counter()
            wave = (frame.filter(frame.wave == w).rdd.map(lambda row: (row.slot, (row.pos, row.payload)))
                    .partitionBy(width, lambda slot: slot)
                    .mapPartitions(lambda it, deltas=tuple(deltas): wave_task(it, deltas)).persist(keep))
            learned = wave.flatMap(lambda x: [("again", x[2])] + [("fact", (x[0], r)) for r in x[1][1][1]]).collect()
            again = sum(1 for kind, v in learned if kind == "again" and v)
            redone += again
            new = sorted((v for kind, v in learned if kind == "fact"), key=lambda f: f[0])
            work.save(name + "-facts", sc.parallelize(new, 1), reread=False)
            wave = work.save(name, wave, lambda tw=tw, again=again: {
                "seconds": round(time.perf_counter() - tw, 3), "redone": again}, reread=False)
        facts.extend(new)
        deltas.append(sc.broadcast(new))
        done.append(wave)
    current = (sc.union(done) if len(done) > 1 else done[0]).map(lambda x: (x[0], x[1])).persist(keep)
    current.count()
    frame.unpersist()
    for wave in done:
        wave.unpersist()
    for d in deltas:
        d.unpersist()
    t1 = time.perf_counter()
    rounds = 0
    while rounds < MAX_KB_ROUNDS:
        rounds += 1
        known = sc.broadcast(facts)
        token = (run_id, "round", rounds)
        stale = current.mapPartitions(
            lambda it, known=known, token=token: S.stale_keys([(k, v[1]) for k, v in it], known.value, token)).collect()
        if not stale:
            break
        wanted = sc.broadcast(set(stale))
        following = current.mapPartitions(
            lambda it, known=known, wanted=wanted, token=token: S.recheck(
                list(it), known.value, wanted.value, dictionaries=dicts, token=token),
            preservesPartitioning=True).persist(keep)
        redone += following.filter(lambda x: x[2]).count()
        current.unpersist()
        current = following.map(lambda x: (x[0], x[1])).persist(keep)
        facts = sorted(current.flatMap(lambda x: [(x[0], r) for r in x[1][1][1]]).collect(), key=lambda f: f[0])
    report = {"partitions": parts, "waves": waves, "rounds": rounds, "redone": redone,
              "seconds": {"waves": round(t1 - t0 + earlier, 3), "rounds": round(time.perf_counter() - t1, 3)}}
    saved = work.save("analysed", current, lambda: {
        "report": report, "seconds": round(time.perf_counter() - t0 + earlier, 3)})
    current.unpersist()
    work.forget("language-plan")
    for w in range(waves):
        work.forget(f"wave-{w:05d}")
        work.forget(f"wave-{w:05d}-facts")
    return saved.map(lambda x: (x[0], pickle.loads(x[1][0]))), report, earlier


class _Writer:
    """Each table's rows (dicts) as a Parquet table under ``out``, typed from the store's schema."""

    def __init__(self, spark, out: str) -> None:
        self.spark = spark
        self.out = out
        self.columns = S.table_columns()
        self.counts: dict[str, int] = {}

    def write(self, table: str, rows) -> None:
        from pyspark.sql import types as T

        spark_type = {"INTEGER": T.LongType(), "REAL": T.DoubleType(), "BLOB": T.BinaryType()}
        cols = self.columns[table]
        partitioned = table in PARTITION
        fields = [T.StructField(name, spark_type.get(kind, T.StringType()), True) for name, kind in cols]
        if partitioned:
            fields.append(T.StructField("day", T.StringType(), False))
        schema = T.StructType(fields)
        casts = [(name, _cast(kind)) for name, kind in cols] + ([("day", str)] if partitioned else [])

        def to_tuple(rec, casts=casts):
            return tuple(None if rec.get(name) is None else cast(rec[name]) for name, cast in casts)

        counted = self.spark.sparkContext.accumulator(0)

        def counting(it, counted=counted):
            n = 0
            for row in it:
                n += 1
                yield row
            counted.add(n)

        frame = self.spark.createDataFrame(rows.mapPartitions(counting).map(to_tuple), schema, verifySchema=False)
        writer = frame.write.mode("overwrite")
        if partitioned:
            writer = writer.partitionBy("day")
        writer.parquet(os.path.join(self.out, table))
        self.counts[table] = counted.value


def _cast(kind: str):
    if kind == "INTEGER":
        return int
    if kind == "REAL":
        return float
    if kind == "BLOB":
        return bytes
    return str
