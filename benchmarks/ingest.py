"""Print ingest speed (articles per second) beside trafilatura alone.

Usage (from the repository root):

    .venv/bin/python benchmarks/ingest.py [--scale N] [--repeat R] [--quick]
                                          [--profile] [--own-cost] [--keep DIR]

The example corpus (examples/corpus: text, HTML, JSON, JSON Lines, WARC) is
replicated N times into a temporary folder, every copy of every input made
different from the others (a unique sentence goes into the body; WARC files
are rewritten record by record with warcio), because the store keeps one
copy of identical content.  Each copy sits in the folder of its original, so
the formats keep their proportions and an outlet folder holds many articles,
as in a real crawl.  The default N gives at least 10,000 articles.

Timed, ``--repeat`` rounds (medians are printed), each ingest into a fresh
store through ``eventwire.open(db).ingest(paths, analyze=False)``:

  (a) trafilatura alone: ``trafilatura.bare_extraction`` with the arguments
      eventwire passes (src/eventwire/extract/html.py) over every HTML
      document of the replicated corpus (pages, WARC responses, JSON
      records that carry HTML), already decoded to text;
  (b) eventwire ingest of the files that hold those same HTML documents;
  (b0) the same with ``detect_language`` stubbed out, to show what reading,
      cleaning and storing cost without it;
  (c) eventwire ingest of the whole replicated corpus;
  (d) eventwire ingest of the plain-text documents (text files and JSON
      records with a text field): eventwire's own text path, no trafilatura.

Columns: wall seconds, documents per wall second, CPU seconds of this
process (steadier than wall time on a shared machine), and the seconds of
the corpus passes that ingest runs after the documents (furniture
re-cleaning, dating from the corpus), included in the wall seconds.  The
rounds interleave the figures, and the overheads, (b)/(a) - 1 and
(b0)/(a) - 1, are medians of per-round ratios.  ``--profile`` runs cProfile
over one more ingest of the whole corpus and prints where the time goes;
``--own-cost`` times (b) again with trafilatura's results cached, which leaves
eventwire's own work per document.
"""
from __future__ import annotations

import argparse
import contextlib
import cProfile
import importlib
import io
import json
import math
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from unittest import mock

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import eventwire
from eventwire.extract.html import iso_day
from eventwire.ingest import Reporter
from eventwire.read.encoding import decode, header_charset, meta_charset

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
TARGET_ARTICLES = 10_000
QUICK_SCALE = 3
WORDS = ("amber", "birch", "cedar", "delta", "ember", "fjord", "garnet", "harbour", "indigo", "juniper")


# ------------------------------------------------------------------ replication


@dataclass
class HtmlDoc:
    """One HTML document as eventwire hands it to trafilatura."""
    html: str
    url: str | None = None
    given_date: str | None = None
    crawl_date: str | None = None


@dataclass
class Replica:
    root: Path
    copies: int
    articles: int = 0
    html_docs: list[HtmlDoc] = field(default_factory=list)
    html_files: list[Path] = field(default_factory=list)  # hold exactly the HTML documents
    text_files: list[Path] = field(default_factory=list)  # hold exactly the plain-text documents
    text_docs: int = 0


def unique_sentence(copy: int, part: int = 0) -> str:
    """A sentence no other copy has: the copy number spelled in words and digits."""
    spelled = " ".join(WORDS[int(d)] for d in f"{copy:05d}")
    return f" Desk reference {copy}-{part} ({spelled}) was logged with this report."


def perturb_text(text: str, copy: int, part: int = 0) -> str:
    """Put the unique sentence at the end of the first long paragraph (else at the end)."""
    sentence = unique_sentence(copy, part)
    newline = "\r\n" if "\r\n" in text else "\n"
    offset = 0
    for line in text.split(newline):
        if len(line) >= 200:
            end = offset + len(line)
            return text[:end] + sentence + text[end:]
        offset += len(line) + len(newline)
    return text.rstrip() + sentence + newline


def perturb_html(html: str, copy: int, part: int = 0) -> str:
    """Put the unique sentence inside the first long paragraph of the page."""
    lower = html.lower()
    start = 0
    while (close := lower.find("</p>", start)) != -1:
        opening = lower.rfind("<p", 0, close)
        if close - opening > 200:
            return html[:close] + unique_sentence(copy, part) + html[close:]
        start = close + 4
    return perturb_text(html, copy, part)


def _read_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text of a file as written (newlines kept) and the codec that writes it back."""
    _, encoding, _ = decode(data, declared)
    return data.decode(encoding), encoding


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _copy_name(relative: Path, copy: int) -> Path:
    name = relative.name
    stem, dot, ext = name.partition(".")
    return relative.with_name(f"{stem}--{copy:05d}{dot}{ext}")


def _warc_copy(data: bytes, copy: int, replica: Replica) -> bytes:
    """The WARC file with every HTML response payload perturbed, written anew by warcio."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for part, record in enumerate(ArchiveIterator(io.BytesIO(data))):
        if record.rec_type != "response":
            payload = record.content_stream().read()
            writer.write_record(writer.create_warc_record(
                record.rec_headers.get_header("WARC-Target-URI") or "", record.rec_type,
                payload=io.BytesIO(payload), warc_content_type=record.rec_headers.get_header("Content-Type"),
                warc_headers_dict={"WARC-Date": record.rec_headers.get_header("WARC-Date") or ""}))
            continue
        http = record.http_headers
        payload = record.content_stream().read()
        charset = header_charset(http.get_header("Content-Type")) or meta_charset(payload)
        text, encoding = _read_text(payload, charset)
        html = perturb_html(text, copy, part)
        uri = record.rec_headers.get_header("WARC-Target-URI")
        warc_date = record.rec_headers.get_header("WARC-Date")
        headers = StatusAndHeaders(http.statusline, http.headers, protocol=http.protocol)
        headers.remove_header("Content-Length")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(html.encode(encoding)), http_headers=headers,
            warc_headers_dict={"WARC-Date": warc_date}))
        replica.html_docs.append(HtmlDoc(html.replace("\r\n", "\n"), url=uri, crawl_date=warc_date))
        replica.articles += 1
    return out.getvalue()


def replicate(dest: Path, copies: int) -> Replica:
    """Write ``copies`` perturbed copies of every input of the example corpus under ``dest``.

    dest/all: the whole corpus; dest/html, dest/text: the same documents split
    into files that hold only HTML and only plain text (JSON Lines files are
    split by record kind).
    """
    replica = Replica(dest, copies)
    inputs = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    for copy in range(copies):
        for source in inputs:
            relative = source.relative_to(CORPUS)
            target = _copy_name(relative, copy)
            data = source.read_bytes()
            name = source.name.lower()
            if name.endswith((".warc", ".warc.gz")):
                new = _warc_copy(data, copy, replica)
                _write(dest / "all" / target, new)
                replica.html_files.append(_write(dest / "html" / target, new))
            elif name.endswith(".jsonl"):
                html_lines, text_lines = [], []
                for part, line in enumerate(data.decode("utf-8").splitlines()):
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    (html_lines if _perturb_record(record, copy, part, replica) else text_lines).append(
                        json.dumps(record, ensure_ascii=False))
                _write(dest / "all" / target, "\n".join(html_lines + text_lines).encode() + b"\n")
                if html_lines:
                    replica.html_files.append(_write(dest / "html" / target, "\n".join(html_lines).encode() + b"\n"))
                if text_lines:
                    replica.text_files.append(_write(dest / "text" / target, "\n".join(text_lines).encode() + b"\n"))
            elif name.endswith(".json"):
                record = json.loads(data)
                is_html = _perturb_record(record, copy, 0, replica)
                new = json.dumps(record, ensure_ascii=False, indent=1).encode()
                _write(dest / "all" / target, new)
                (replica.html_files if is_html else replica.text_files).append(
                    _write(dest / ("html" if is_html else "text") / target, new))
            elif name.endswith((".html", ".htm")):
                text, encoding = _read_text(data, meta_charset(data))
                html = perturb_html(text, copy)
                new = html.encode(encoding)
                _write(dest / "all" / target, new)
                replica.html_files.append(_write(dest / "html" / target, new))
                replica.html_docs.append(HtmlDoc(html.replace("\r\n", "\n")))
                replica.articles += 1
            else:
                text, encoding = _read_text(data)
                new = perturb_text(text, copy).encode(encoding)
                _write(dest / "all" / target, new)
                replica.text_files.append(_write(dest / "text" / target, new))
                replica.articles += 1
                replica.text_docs += 1
    return replica


def _perturb_record(record: dict, copy: int, part: int, replica: Replica) -> bool:
    """Perturb a JSON record's text or HTML in place; True when it carries HTML."""
    replica.articles += 1
    if record.get("html"):
        record["html"] = perturb_html(record["html"], copy, part)
        replica.html_docs.append(HtmlDoc(record["html"], url=record.get("url"), given_date=record.get("date")))
        return True
    record["text"] = perturb_text(record["text"], copy, part)
    replica.text_docs += 1
    return False


# ---------------------------------------------------------------------- timing


def trafilatura_alone(docs: list[HtmlDoc]) -> int:
    """bare_extraction over the documents, called as eventwire calls it; returns the texts found."""
    from trafilatura import bare_extraction

    today = date.today().strftime("%Y-%m-%d")
    found = 0
    for doc in docs:
        record_day = iso_day(doc.given_date) if doc.given_date else None
        crawl_day = iso_day(doc.crawl_date) if doc.crawl_date else None
        params = {"extensive_search": record_day is None, "original_date": True,
                  "outputformat": "%Y-%m-%d", "max_date": crawl_day or today}
        result = bare_extraction(doc.html, url=doc.url, with_metadata=True, include_comments=False,
                                 include_tables=False, favor_precision=True, date_extraction_params=params)
        found += bool(result is not None and result.text)
    return found


@dataclass
class Timing:
    wall: float  # seconds, the whole ingest
    cpu: float  # seconds of this process's CPU, the whole ingest
    passes: float = 0.0  # wall seconds of the corpus passes at the end


class _PhaseClock(Reporter):
    """Notes when ``ingest`` starts its corpus passes; switches profilers there."""

    def __init__(self, profilers=None):
        self.passes_started: float | None = None
        self.profilers = profilers

    def phase(self, name: str) -> None:
        if name == "corpus" and self.passes_started is None:
            self.passes_started = time.perf_counter()
            if self.profilers:
                self.profilers[0].disable()
                self.profilers[1].enable()


def ingest(paths: list[Path], workdir: Path, profilers=None) -> tuple[dict, Timing]:
    """``eventwire.open(db).ingest(paths, analyze=False)`` into a fresh store, timed.

    The corpus passes that ingest runs after the documents (furniture
    re-cleaning, dating from the corpus) are timed apart as well, from the
    moment ingest reports that phase.  ``profilers``: a pair of
    cProfile.Profile, for the documents and for the passes.
    """
    db = Path(tempfile.mkdtemp(dir=workdir)) / "bench.db"
    clock = _PhaseClock(profilers)
    try:
        with eventwire.open(db) as ew:
            if profilers:
                profilers[0].enable()
            wall, cpu = time.perf_counter(), time.process_time()
            report = ew.ingest([str(p) for p in paths], analyze=False, reporter=clock)
            end = time.perf_counter()
            timing = Timing(end - wall, time.process_time() - cpu,
                            end - clock.passes_started if clock.passes_started else 0.0)
            if profilers:
                profilers[0].disable()
                profilers[1].disable()
        return report.as_dict(), timing
    finally:
        shutil.rmtree(db.parent)


def timed(run) -> tuple[object, Timing]:
    """The result of ``run()`` and its wall and CPU time."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return result, Timing(time.perf_counter() - wall, time.process_time() - cpu)


def _median(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings),
                  statistics.median(t.passes for t in timings))


# where the time of the per-document path goes: (label, file suffix, function names), cumulative
# time of functions that do not call one another
DOCUMENT_PHASES = [
    ("read and decode inputs (read_file)", "eventwire/read/formats.py", {"read_file"}),
    ("trafilatura.bare_extraction", "trafilatura/core.py", {"bare_extraction"}),
    ("language detection (py3langid)", "eventwire/extract/language.py", {"detect_language"}),
    ("text path (extract_text: clean, meta, dates)", "eventwire/extract/text.py", {"extract_text"}),
    ("HTML body filter (filter_body)", "eventwire/extract/text.py", {"filter_body"}),
    ("content ids (hash of normalised text)", "eventwire/ingest.py", {"content_id"}),
    ("furniture model (add, lines, to_rows)", "eventwire/extract/furniture.py", {"add", "lines", "to_rows"}),
    ("SQLite statements and commits", "~", {"<method 'execute' of 'sqlite3.Connection' objects>",
                                            "<method 'executemany' of 'sqlite3.Connection' objects>"}),
]
PASS_PHASES = [
    ("furniture re-cleaning (reclean_furniture)", "eventwire/ingest.py", {"reclean_furniture"}),
    ("dating from the corpus (date_from_corpus)", "eventwire/ingest.py", {"date_from_corpus"}),
    ("  of which pubdate._names", "eventwire/extract/pubdate.py", {"_names"}),
]


# Timers put around eventwire's stages for --profile: (module, attribute, label, nested in).  Unlike
# cProfile they cost about a microsecond a call, so they do not inflate call-heavy code.  A target
# that does not exist any more is skipped.
STAGES = [
    ("eventwire.ingest", "extract", "extract()", None),
    ("eventwire.extract.html", "bare_extraction", "trafilatura.bare_extraction", "extract()"),
    ("eventwire.extract", "extract_html", "extract_html (with trafilatura)", "extract()"),
    ("eventwire.extract", "filter_body", "filter_body (HTML body cleaner)", "extract()"),
    ("eventwire.extract", "extract_text", "extract_text (plain-text path)", "extract()"),
    ("eventwire.extract", "detect_language", "detect_language", "extract()"),
    ("eventwire.ingest", "content_id", "content_id (hash of the content)", None),
    ("eventwire.read.formats", "decode", "decode (files)", None),
    ("eventwire.read.warc", "decode", "decode (WARC records)", None),
    ("eventwire.read.jsonrec", "decode", "decode (JSON records)", None),
    ("eventwire.store.db", "Store.has_article", "store.has_article", None),
    ("eventwire.store.db", "Store.add_input", "store.add_input (raw bytes)", None),
    ("eventwire.store.db", "Store.add_article", "store.add_article (row + FTS5)", None),
    ("eventwire.store.db", "Store.save_furniture", "store.save_furniture", None),
]


def stage_times(paths: list[Path], workdir: Path, docs: int) -> None:
    """One ingest with timers around eventwire's stages; prints CPU ms per document."""
    spent: dict[str, float] = {}

    def timer(function, label):
        def timed_call(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start
        return timed_call

    patches = []
    for module_name, attribute, label, _ in STAGES:
        module = importlib.import_module(module_name)
        owner_name, _, name = attribute.rpartition(".")
        owner = getattr(module, owner_name) if owner_name else module
        if hasattr(owner, name):
            patches.append(mock.patch.object(owner, name, timer(getattr(owner, name), label)))
    commit = _commit_timer(spent)
    with contextlib.ExitStack() as stack:
        for patch in patches + [commit]:
            stack.enter_context(patch)
        _, timing = ingest(paths, workdir)
    per_doc = 1000 / docs
    print(f"  {docs} documents, {timing.cpu * per_doc:.2f} ms of CPU per document (timers on):")

    def line(label: str, seconds: float, indent: int = 4) -> None:
        print(f"{' ' * indent}{label:<{56 - indent}} {seconds * per_doc:6.2f} ms")

    inside = {label: spent.get(label, 0.0) for _, _, label, parent in STAGES if parent == "extract()"}
    if "extract()" in spent:
        line("extract()", spent["extract()"])
        trafilatura = inside.pop("trafilatura.bare_extraction", 0.0)
        html = inside.pop("extract_html (with trafilatura)", 0.0)
        line("trafilatura.bare_extraction", trafilatura, 6)
        line("extract_html beyond trafilatura (dates, outlet)", html - trafilatura, 6)
        for label, seconds in inside.items():
            line(label, seconds, 6)
        line("rest of extract()", spent["extract()"] - html - sum(inside.values()), 6)
    accounted = 0.0
    for _, _, label, parent in STAGES + [(None, None, "store: COMMIT (one per input file)", None)]:
        if parent is None and label in spent:
            accounted += spent[label]
            if label != "extract()":
                line(label, spent[label])
    line("corpus passes (wall time)", timing.passes)
    line("everything else (reading, ingest loop)", timing.cpu - accounted - timing.passes)


def own_cost(replica: Replica, workdir: Path, rounds: int) -> None:
    """Ingest of the HTML docs with ``bare_extraction`` memoised (a first ingest fills the
    memo): what is left is eventwire's own work, in CPU ms per document (median, minimum)."""
    import eventwire.extract.html as html_module

    original = html_module.bare_extraction
    memo: dict[str, object] = {}

    def memoised(html, **kwargs):
        if html not in memo:
            memo[html] = original(html, **kwargs)
        return memo[html]

    with mock.patch.object(html_module, "bare_extraction", memoised):
        ingest(replica.html_files, workdir)
        per_doc = [ingest(replica.html_files, workdir)[1].cpu / len(replica.html_docs) * 1e3
                   for _ in range(rounds)]
    print(f"eventwire's own work (trafilatura's results cached), HTML docs: "
          f"median {statistics.median(per_doc):.3f} ms/doc, min {min(per_doc):.3f} ({rounds} runs)")


def _commit_timer(spent: dict[str, float]):
    """A patch of Store.transaction that times the COMMIT of each outermost transaction."""
    from eventwire.store.db import Store

    original = Store.transaction

    @contextlib.contextmanager
    def transaction(self):
        outermost = not self._in_tx
        with original(self) as conn:
            yield conn
            start = time.process_time()
        if outermost:
            label = "store: COMMIT (one per input file)"
            spent[label] = spent.get(label, 0.0) + time.process_time() - start

    return mock.patch.object(Store, "transaction", transaction)


def profile(replica: Replica, workdir: Path, top: int) -> None:
    """Stage timers over the HTML docs and the whole corpus, then cProfile one ingest."""
    print("\nwhere eventwire's time goes, HTML docs (b):")
    stage_times(replica.html_files, workdir, len(replica.html_docs))
    print("where eventwire's time goes, whole corpus (c):")
    stage_times([replica.root / "all"], workdir, replica.articles)
    paths = [replica.root / "all"]
    profilers = (cProfile.Profile(), cProfile.Profile())
    ingest(paths, workdir, profilers)
    documents = pstats.Stats(profilers[0])
    print("\ncProfile of one ingest of the whole corpus (under the profiler, so slower; "
          "the profiler inflates code that makes many small calls, such as trafilatura)")
    _phases("documents", documents, DOCUMENT_PHASES)
    try:
        _phases("corpus passes", pstats.Stats(profilers[1]), PASS_PHASES)
    except TypeError:  # no passes ran
        pass
    print(f"top {top} functions of the documents phase by cumulative time:")
    documents.sort_stats("cumulative").print_stats(top)


def _phases(title: str, stats: pstats.Stats, phases) -> None:
    total = stats.total_tt
    print(f"{title}: {total:.2f} s")
    accounted = 0.0
    for label, suffix, names in phases:
        seconds = sum(row[3] for (filename, _, name), row in stats.stats.items()
                      if name in names and filename.replace("\\", "/").endswith(suffix))
        if not label.startswith(" "):
            accounted += seconds
        print(f"  {label:<48} {seconds:8.2f} s {100 * seconds / total:6.1f} %")
    rest = max(0.0, total - accounted)
    print(f"  {'everything else':<48} {rest:8.2f} s {100 * rest / total:6.1f} %")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, help="copies of the corpus (default: enough for 10,000 articles)")
    parser.add_argument("--repeat", type=int, help="timed runs per figure, the median is shown (default 3; 1 with --quick)")
    parser.add_argument("--quick", action="store_true", help=f"smoke run: {QUICK_SCALE} copies, one timed run")
    parser.add_argument("--profile", action="store_true", help="cProfile one more ingest of the whole corpus")
    parser.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    parser.add_argument("--keep", help="write the replicated corpus here and keep it")
    parser.add_argument("--own-cost", action="store_true",
                        help="also time ingest of the HTML docs with trafilatura's results cached: "
                             "eventwire's own work per document")
    args = parser.parse_args(argv)

    per_copy = _articles_per_copy()
    copies = args.scale or (QUICK_SCALE if args.quick else math.ceil(TARGET_ARTICLES / per_copy))
    repeat = args.repeat or (1 if args.quick else 3)
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="eventwire-bench-"))
    try:
        start = time.perf_counter()
        replica = replicate(workdir / "corpus", copies)
        built = time.perf_counter() - start
        html_n, text_n, all_n = len(replica.html_docs), replica.text_docs, replica.articles
        print(f"corpus: {copies} copies of examples/corpus = {all_n} articles "
              f"({html_n} HTML, {text_n} plain text; built in {built:.1f} s)")
        print(f"python {sys.version.split()[0]}, {len(os.sched_getaffinity(0))} CPUs (nproc), {_cpu_model()}; "
              f"median of {repeat} run{'s' * (repeat > 1)}")

        # warm up (imports, lazily loaded models: the language identifier takes about a second)
        trafilatura_alone(replica.html_docs[:len(replica.html_docs) // copies])
        ingest([p for p in replica.html_files + replica.text_files if "--00000" in p.name], workdir)

        # the figures are interleaved (a, b, b0, c, d, then again), so that a change in the
        # machine's load hits them alike; the overheads are medians of per-round ratios
        stub = mock.patch("eventwire.extract.detect_language", lambda text: ("en", 1.0))
        runs: dict[str, list] = {key: [] for key in ("a", "b", "b0", "c", "d")}
        for _ in range(repeat):
            runs["a"].append(timed(lambda: trafilatura_alone(replica.html_docs)))
            runs["b"].append(ingest(replica.html_files, workdir))
            with stub:
                runs["b0"].append(ingest(replica.html_files, workdir))
            runs["c"].append(ingest([replica.root / "all"], workdir))
            runs["d"].append(ingest(replica.text_files, workdir))
        (found, _), (rep_b, _), (rep_b0, _), (rep_c, _), (rep_d, _) = (runs[k][-1] for k in runs)
        t_a, t_b, t_b0, t_c, t_d = (_median([timing for _, timing in runs[k]]) for k in runs)

        print(f"{'':<52} {'docs':>6} {'seconds':>8} {'docs/s':>7} {'cpu s':>7} {'passes s':>8}")
        rows = [
            ("(a) trafilatura alone, HTML docs", html_n, t_a),
            ("(b) eventwire ingest, same HTML docs", rep_b["documents"], t_b),
            ("(b0) same, language detection stubbed out", rep_b0["documents"], t_b0),
            ("(c) eventwire ingest, whole corpus", rep_c["documents"], t_c),
            ("(d) eventwire ingest, plain-text docs", rep_d["documents"], t_d),
        ]
        for label, docs, t in rows:
            passes = f"{t.passes:>8.2f}" if label[1] != "a" else f"{'':>8}"
            print(f"{label:<52} {docs:>6} {t.wall:>8.2f} {docs / t.wall:>7.1f} {t.cpu:>7.2f} {passes}")
        for label, key in (("(b)/(a) - 1", "b"), ("(b0)/(a) - 1 (reading, cleaning, storing; no language detection)", "b0")):
            wall = statistics.median(b.wall / a.wall - 1 for (_, a), (_, b) in zip(runs["a"], runs[key]))
            cpu = statistics.median(b.cpu / a.cpu - 1 for (_, a), (_, b) in zip(runs["a"], runs[key]))
            print(f"overhead {label}: {wall:+.1%} wall, {cpu:+.1%} cpu")
        print(f"(a) trafilatura found text in {found} of {html_n} HTML docs")
        for label, rep in (("(b)", rep_b), ("(c)", rep_c), ("(d)", rep_d)):
            print(f"{label} stored {rep['added']} of {rep['documents']} documents, {rep['errors']} errors; "
                  f"corpus passes: {rep['recleaned']} re-cleaned, {rep['dated_from_corpus']} dated from the corpus")
        if args.own_cost:
            own_cost(replica, workdir, rounds=max(repeat, 5))
        if args.profile:
            profile(replica, workdir, args.top)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


def _articles_per_copy() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        return replicate(Path(tmp), 1).articles


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    sys.exit(main())
