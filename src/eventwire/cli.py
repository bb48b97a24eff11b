"""The ``eventwire`` command line.

Scraped text is hostile: everything taken from an input is shown through
``safe()`` (control characters made visible, no terminal escapes) and as rich
``Text`` (never parsed as markup).  ``--json`` output is JSON Lines.

Exit status: 0 all went well; 1 some input failed (the rest was stored);
2 usage or store error; 3 an unexpected failure (EVENTWIRE_DEBUG=1 shows the traceback).
"""
from __future__ import annotations

import json
import os
import sys
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from . import __version__
from .api import Eventwire
from .errors import EventwireError
from .terminal import console, safe
from .progress import Reporter, skipped_words
from .records import ReadError
from .store import default_db

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # never dump locals (scraped text) into a terminal
    help="eventwire: raw news in; clean dated articles, quotes, stories and events out.",
)
out = console()
err = console(stderr=True)

def T(value, style: str = "") -> Text:
    return Text(safe(value), style=style)


DbOption = typer.Option(None, "--db", help="Store file (default: $EVENTWIRE_DB, else ./eventwire.db).")
JsonOption = typer.Option(False, "--json", help="JSON Lines output, one record a line.")


def _open(db: Optional[str], readonly: bool = True) -> Eventwire:
    try:
        return Eventwire(db or default_db(), readonly=readonly)
    except EventwireError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(2) from None


def _check_files(paths: list[str], what: str) -> None:
    """Refuse, before any work, a file option that names nothing."""
    for path in paths:
        if not os.path.isfile(path):
            err.print(Text(f"error: {what} {safe(path)}: no such file"))
            raise typer.Exit(2)


def _jsonl(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------- ingest


class _BarReporter(Reporter):
    """A progress bar over files on a terminal; errors as one line each."""

    def __init__(self, show_bar: bool):
        self.progress = Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.fields[current]}"), console=err, transient=True, disable=not show_bar,
        )
        self.task = None

    def start(self, total_files: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("files", total=total_files, current="")

    def file_done(self, path: str) -> None:
        self.progress.update(self.task, advance=1, current=safe(path)[-50:])

    def error(self, error: ReadError) -> None:
        self.progress.console.print(Text(f"error: {safe(error.path)}: [{error.code}] {safe(error.reason)}", style="red"))

    def phase(self, name: str) -> None:
        self.progress.update(self.task, current=f"({name} pass)")

    def warning(self, source: str, message: str) -> None:
        self.progress.console.print(Text(f"warning: {safe(source)}: {safe(message)}", style="yellow"))

    def stop(self) -> None:
        self.progress.stop()


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files or folders (read recursively); '-' for standard input."),
    db: Optional[str] = DbOption,
    max_mb: float = typer.Option(20.0, "--max-mb", help="Skip documents larger than this (WARC files are streamed)."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    analyze_: bool = typer.Option(True, "--analyze/--no-analyze", help="Run the language pass over new articles."),
    dictionary: list[str] = typer.Option([], "--dictionary", help="A PETRARCH/Phoenix actor dictionary file (repeatable)."),
    engine: str = typer.Option("embedded", "--engine", help="embedded (into the SQLite store) or spark (a Parquet dataset in --out; `eventwire load` brings it into a store)."),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master URL (--engine spark; default local[*], e.g. local[2], spark://host:7077, yarn)."),
    out_dir: Optional[str] = typer.Option(None, "--out", help="Folder the Parquet dataset is written to (--engine spark)."),
    fresh: bool = typer.Option(False, "--fresh", help="--engine spark: discard the work a stopped run left in OUT/_work instead of resuming from it."),
) -> None:
    """Read news files (txt, HTML, JSON, JSON Lines, WARC) into the store, or with --engine spark
    into a Parquet dataset (Common Crawl manifests, *.paths or *.paths.gz, list WARC files)."""
    _check_files(dictionary, "actor dictionary")
    if engine not in ("embedded", "spark"):
        err.print(Text(f"error: --engine {safe(engine)}: say embedded or spark"))
        raise typer.Exit(2)
    if engine == "spark":
        _ingest_spark(paths, db, master, out_dir, int(max_mb * 1_000_000), analyze_, dictionary, json_out, fresh)
        return
    if master or out_dir or fresh:
        err.print(Text("error: --master, --out and --fresh go with --engine spark"))
        raise typer.Exit(2)
    ew = _open(db, readonly=False)
    reporter = _BarReporter(show_bar=err.is_terminal and not json_out)
    try:
        report = ew.ingest(paths, reporter=reporter, max_bytes=int(max_mb * 1_000_000), analyze=analyze_,
                           dictionaries=dictionary)
    finally:
        reporter.stop()
        ew.close()
    if json_out:
        _jsonl({**report.as_dict(), "db": ew.path})
    else:
        rate = report.documents / report.seconds if report.seconds else 0.0
        out.print(Text(
            f"{report.files} files, {report.documents} documents: {report.added} added, "
            f"{report.existing} already stored, {report.errors} errors "
            f"({report.seconds:.1f} s, {rate:.0f} docs/s) -> {ew.path}"
        ))
        if report.recleaned or report.dated_from_corpus:
            out.print(Text(
                f"corpus passes: furniture removed from {report.recleaned} articles, "
                f"{report.dated_from_corpus} dated from related articles"
            ))
        if report.analysis:
            a = report.analysis
            out.print(Text(
                f"language pass: {a['articles']} articles ({skipped_words(a['skipped'], a.get('skipped_why') or {}, a.get('partly', 0))}), "
                f"{a['entities']} entities, "
                f"{a['quotes']} quotes, {a['times']} time expressions, {a['events']} event reports ({a['seconds']:.1f} s)"
            ))
        if report.stories:
            g = report.stories
            out.print(Text(f"stories: {g['articles']} articles grouped ({g['opened']} new stories, "
                           f"{g['joined']} joined existing ones, {g['copies']} reprints or rewrites)"))
    raise typer.Exit(0 if report.ok else 1)


def _ingest_spark(paths, db, master, out_dir, max_bytes, analyze_, dictionary, json_out, fresh) -> None:
    if not out_dir:
        err.print(Text("error: --engine spark writes a Parquet dataset: give --out DIR"))
        raise typer.Exit(2)
    refused = ("--db: the Spark engine writes --out; bring it into a store with `eventwire load DIR --db FILE`"
               if db else "--no-analyze: the Spark engine runs the whole pipeline" if not analyze_
               else "'-': the Spark engine reads files, not standard input" if "-" in paths else None)
    if refused:
        err.print(Text(f"error: {refused}"))
        raise typer.Exit(2)
    from .spark.job import run

    def say(stage: str) -> None:
        if not json_out:
            err.print(Text(f"spark: {stage}"))

    try:
        report = run(paths, out_dir, master=master, dictionaries=dictionary, max_bytes=max_bytes, progress=say,
                     fresh=fresh)
    except EventwireError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(2) from None
    if json_out:
        _jsonl(report)
    else:
        out.print(Text(
            f"{report['files']} files, {report['documents']} documents: {report['stored']} stored, "
            f"{report['duplicates']} duplicates, {report['failed']} failed "
            f"({sum(report['seconds'].values()):.1f} s on {report['master']}) -> {out_dir}"))
        for f in report["failures"][:10]:
            out.print(Text(f"  [{f['code']}] {f['reason']}: {f['count']}"))
        st = report["stories"]
        out.print(Text(f"dated from related articles: {report['dated_from_corpus']}; "
                       f"events: {st['events']}; story blocks: {st['blocks']}; "
                       f"knowledge base settled in {report['language']['rounds']} rounds"))
        if report["resumed"]:
            out.print(Text(f"resumed from the work a stopped run saved: {', '.join(report['resumed'][:6])}"
                           + (f" and {len(report['resumed']) - 6} more" if len(report["resumed"]) > 6 else "")))
        out.print(Text(f"to query it: eventwire load {out_dir} --db news.db"))
    raise typer.Exit(0 if not report["failed"] else 1)


@app.command()
def load(
    folder: str = typer.Argument(..., help="A dataset folder written by `eventwire ingest --engine spark --out`."),
    db: Optional[str] = DbOption,
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Bring a Parquet dataset written by the Spark engine into a new SQLite store."""
    ew = _open(db, readonly=False)
    try:
        report = ew.load(folder)
    except EventwireError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(2) from None
    finally:
        ew.close()
    if json_out:
        _jsonl({**report, "db": ew.path})
    else:
        rows = report["rows"]
        out.print(Text(f"{rows.get('articles', 0)} articles, {rows.get('quotes', 0)} quotes, "
                       f"{rows.get('events', 0)} events, {rows.get('stories', 0)} stories loaded "
                       f"({report['seconds']:.1f} s) -> {ew.path}"))
        for table, n in report["ignored"].items():
            out.print(Text(f"  {n} rows of {table} already there (ignored)"))


@app.command()
def analyze(
    db: Optional[str] = DbOption,
    redo: bool = typer.Option(False, "--all", help="Analyse every article again, not only those not yet analysed."),
    processes: Optional[int] = typer.Option(None, "--processes", "-p", help="Worker processes for the whole pass (default: all cores, up to 4, for 200 articles or more); the output is the same for any number."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    dictionary: list[str] = typer.Option([], "--dictionary", help="A PETRARCH/Phoenix actor dictionary file (repeatable)."),
) -> None:
    """Run the language pass (entities, actors, quotes, times) over stored articles; resumable."""
    from .nlp.pipeline import ANALYSIS_VERSION

    _check_files(dictionary, "actor dictionary")
    ew = _open(db, readonly=False)
    progress = Progress(TextColumn("analyse"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, transient=True, disable=not err.is_terminal or json_out)
    with progress:
        task = progress.add_task("articles", total=len(ew.store.unanalysed(ANALYSIS_VERSION)) if not redo else ew.store.count())
        report = ew.analyze(redo=redo, n_process=processes, progress=lambda _a: progress.advance(task),
                            dictionaries=dictionary)
    ew.close()
    if json_out:
        _jsonl(report.as_dict())
    else:
        out.print(Text(
            f"{report.articles} articles analysed ({report.skipped_words()}), {report.entities} entities, "
            f"{report.quotes} quotes, {report.times} time expressions, {report.events} event reports ({report.seconds:.1f} s)"
        ))


@app.command()
def quotes(
    db: Optional[str] = DbOption,
    json_out: bool = JsonOption,
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only quotes whose speaker matches (substring)."),
    article: Optional[str] = typer.Option(None, "--article", help="Only quotes from this article id."),
) -> None:
    """Direct quotes with their speakers and resolved actors."""
    with _open(db) as ew:
        rows = ew.quotes(speaker=speaker, article_id=article)
        if not json_out and not out.is_terminal:  # piped: the same lines without styles, written at once
            out.file.write("".join(_quote_lines(q) for q in rows))
            return
        for q in rows:
            if json_out:
                _jsonl(q)
                continue
            actor = q["speaker_actor"] or {}
            who = q["speaker"] or "(unknown speaker)"
            code = (actor.get("country") or "") + (actor.get("sector") or "")
            out.print(Text.assemble(
                T(q["published"] or "undated", "dim"), " ", T(who, "bold"), (f" [{code}]" if code else "", "cyan"),
                (" (partial)" if q["partial"] else "", "dim"), (f" via {safe(q['via'])}" if q["via"] else "", "dim"),
            ))
            out.print(Text.assemble("    “", T(q["text"]), "”"))


def _quote_lines(q: dict) -> str:
    """A quote as ``quotes`` prints it, without styles (every piece through safe())."""
    actor = q["speaker_actor"] or {}
    code = (actor.get("country") or "") + (actor.get("sector") or "")
    head = (f"{safe(q['published'] or 'undated')} {safe(q['speaker'] or '(unknown speaker)')}"
            + (f" [{safe(code)}]" if code else "") + (" (partial)" if q["partial"] else "")
            + (f" via {safe(q['via'])}" if q["via"] else ""))
    return f"{head}\n    \u201c{safe(q['text'])}\u201d\n"


@app.command()
def actors(db: Optional[str] = DbOption, json_out: bool = JsonOption) -> None:
    """Actors the articles name: country, sector, roles, mentions, where they were learned."""
    with _open(db) as ew:
        rows = ew.actors()
        if json_out:
            for r in rows:
                _jsonl(r)
            return
        table = Table("actor", "code", "roles", "mentions", "articles", "provenance", box=None, pad_edge=False)
        for r in rows:
            table.add_row(T(r["name"]), T(r["code"] or "-"), T("; ".join(r["roles"])[:40]), str(r["mentions"]),
                          str(r["articles"]), T(", ".join(r["provenance"])[:40]))
        out.print(table)


@app.command()
def times(
    db: Optional[str] = DbOption,
    json_out: bool = JsonOption,
    article: Optional[str] = typer.Option(None, "--article", help="Only this article id."),
) -> None:
    """Time expressions and their normalised values."""
    with _open(db) as ew:
        for t in ew.times(article_id=article):
            if json_out:
                _jsonl(t)
            else:
                out.print(Text.assemble(T(t["article_id"][:10], "dim"), "  ", T(f"{t['text']!s:<28}"), " -> ",
                                        T(t["value"] or "?", "bold"), "  ", T(t["basis"], "dim")))


# -------------------------------------------------------------------- reading


@app.command()
def articles(
    db: Optional[str] = DbOption,
    json_out: bool = JsonOption,
    outlet: Optional[str] = typer.Option(None, help="Only this outlet."),
    limit: Optional[int] = typer.Option(None, help="At most this many."),
) -> None:
    """List stored articles (oldest first; undated last)."""
    with _open(db) as ew:
        rows = ew.articles(outlet=outlet, limit=limit)
        if json_out:
            for a in rows:
                _jsonl(a.to_json())
            return
        # one line per article, fixed columns, the title takes what is left of the terminal (80
        # columns when piped); written as one block, as a 10,000-article listing must come at once
        index = list(ew.store.article_index(outlet=outlet, limit=limit))
        width = max(out.width, 60)
        outlet_w = min(24, max([6] + [len(safe(r[2] or "-")) for r in index]))
        title_w = max(width - (10 + 2 + 10 + 2 + outlet_w + 2 + 2 + 4), 10)

        def cell(value, w: int) -> str:
            text = " ".join(safe(value).split())  # a line break in a title must not break the row
            return (text[: w - 1] + "\u2026" if len(text) > w else text).ljust(w)

        lines = [f"{cell('id', 10)}  {cell('published', 10)}  {cell('outlet', outlet_w)}  {cell('title', title_w)}  lang"]
        lines += [f"{cell(aid[:10], 10)}  {cell(day or '-', 10)}  {cell(src or '-', outlet_w)}  "
                  f"{cell(title or '(untitled)', title_w)}  {safe(lang or '?')}" for aid, day, src, title, lang in index]
        out.file.write("".join(line.rstrip() + "\n" for line in lines))  # every cell went through safe()


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id (or a unique prefix of at least 4 characters)."),
    db: Optional[str] = DbOption,
    json_out: bool = JsonOption,
    raw: bool = typer.Option(False, "--raw", help="Print the verbatim input instead."),
) -> None:
    """Show one article: metadata, clean body, and the lines removed from it."""
    with _open(db) as ew:
        try:
            a = ew.article(article_id)
        except EventwireError as exc:
            err.print(Text(f"error: {exc}"))
            raise typer.Exit(2) from None
        if raw:
            data = ew.raw(a.id) or b""
            out.print(T(data.decode("utf-8", errors="replace")))
            return
        if json_out:
            _jsonl(a.to_json())
            return
        out.print(T(a.title or "(untitled)", "bold"))
        meta = [
            ("id", a.id), ("source", a.source), ("outlet", f"{a.outlet or '-'}" + (f" ({a.outlet_basis})" if a.outlet else "")),
            ("byline", a.byline or "-"), ("published", f"{a.published or '-'}  [{a.published_confidence:.2f}] {a.published_basis}"),
            ("language", a.language or "?"), ("flags", ", ".join(a.flags) or "-"),
        ]
        for key, value in meta:
            out.print(Text.assemble((f"{key:>10}: ", "dim"), T(value)))
        out.print()
        out.print(T(a.body))
        if a.removed:
            out.print()
            out.print(Text(f"removed ({len(a.removed)} lines):", style="dim"))
            for r in a.removed:
                out.print(Text.assemble((f"  [{safe(r.reason)}] ", "dim"), T(r.line[:160])))


@app.command()
def search(
    query: str = typer.Argument(..., help='FTS5 query: words, "a phrase", AND/OR/NOT, prefix*.'),
    db: Optional[str] = DbOption,
    json_out: bool = JsonOption,
    limit: int = typer.Option(20, help="At most this many hits."),
) -> None:
    """Full-text search over titles and bodies, best match first."""
    with _open(db) as ew:
        try:
            hits = ew.search(query, limit=limit)
        except EventwireError as exc:
            err.print(Text(f"error: {exc}"))
            raise typer.Exit(2) from None
        for h in hits:
            if json_out:
                _jsonl({"id": h.id, "title": h.title, "outlet": h.outlet, "published": h.published,
                        "source": h.source, "snippet": h.snippet, "rank": h.rank})
                continue
            out.print(Text.assemble((h.id[:10] + " ", "cyan"), T(h.published or "undated"), " ", T(h.outlet or "-", "green"), " ", T(h.title or "(untitled)", "bold")))
            out.print(Text.assemble("    ", T(h.snippet.replace("\n", " "))))
        if not hits and not json_out:
            err.print("no match")


@app.command()
def summary(db: Optional[str] = DbOption, json_out: bool = JsonOption) -> None:
    """What the store holds: articles per outlet, date range, a sample article."""
    with _open(db) as ew:
        s = ew.summary()
        sample = next(iter(ew.articles(limit=1)), None)
        if json_out:
            _jsonl({**s, "sample": sample.to_json() if sample else None})
            return
        lo, hi = s["date_range"]
        out.print(Text(f"{s['articles']} articles ({s['dated']} dated, {lo or '-'} to {hi or '-'}), "
                       f"{s['errors']} input errors in {ew.path}", style="bold"))
        table = Table("outlet", "articles", box=None, pad_edge=False)
        for name, n in s["outlets"].items():
            table.add_row(T(name), str(n))
        out.print(table)
        out.print(Text("formats: " + ", ".join(f"{k} {v}" for k, v in s["formats"].items())))
        out.print(Text("languages: " + ", ".join(f"{safe(k)} {v}" for k, v in s["languages"].items())))
        if s["analysed"]:
            out.print(Text(f"language pass: {s['analysed']} articles analysed, {s['actors']} actors, "
                           f"{s['quotes']} quotes, {s['times']} time expressions"))
        if s["stories"] or s["events"]:
            out.print(Text(f"stories: {s['stories']} in {s['threads']} threads; events: {s['events']} happenings "
                           f"from {s['event_reports']} reports"))
        if sample:
            out.print()
            out.print(Text("sample article:", style="dim"))
            out.print(T(sample.title or "(untitled)", "bold"))
            out.print(T(f"{sample.outlet or 'outlet unknown'} · {sample.published or 'undated'} · {sample.published_basis}", "dim"))
            out.print(T(sample.body[:600] + ("…" if len(sample.body) > 600 else "")))
            said = [q for q in ew.quotes(article_id=sample.id) if not q["partial"]][:2]
            for q in said:
                code = (q["speaker_actor"] or {}).get("country") or ""
                out.print(Text.assemble(("  quote: ", "dim"), T(q["speaker"] or "unknown speaker", "bold"),
                                        (f" [{code}]" if code else "", "cyan"), " “", T(q["text"][:200]), "”"))
            out.print()
            out.print(Text(f"next: eventwire articles | search QUERY | quotes | actors | stories | "
                           f"timeline --actor USA --actor RUS | dyad USA RUS   (--db {ew.path})", style="dim"))


@app.command()
def errors(db: Optional[str] = DbOption, json_out: bool = JsonOption, limit: int = typer.Option(100)) -> None:
    """Inputs that could not be read, newest first."""
    with _open(db) as ew:
        for e in ew.errors(limit):
            if json_out:
                _jsonl(e)
            else:
                reason = " ".join(str(e["reason"]).split())  # one line per error, whatever the reason held
                out.print(T(f"{e['at']}  {e['path']}: [{e['code']}] {reason}"))


@app.command()
def serve(
    db: Optional[str] = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="EVENTWIRE_TOKEN",
                                        help="Allow POST /api/ingest with this bearer token (off without one)."),
) -> None:
    """Serve the store: the reading-room pages at / and the JSON API at /api (docs at /docs)."""
    try:
        import uvicorn

        from .web import create_app
    except ImportError as exc:
        err.print(Text(f"error: [E501] {exc.name} is missing: pip install 'eventwire[web]'"))
        raise typer.Exit(2) from None
    with _open(db) as ew:  # refuse a missing or foreign store before listening
        path = ew.path
    err.print(Text(f"serving {safe(path)} at http://{host}:{port}/ (API at /api, docs at /docs); Ctrl-C stops"))
    uvicorn.run(create_app(path, token=token), host=host, port=port, log_level="warning")


MAX_CODE_LINE = 100_000  # characters of one input line of `code` (a sentence is far shorter)


@app.command()
def code(
    sentences: Optional[list[str]] = typer.Argument(None, help="Sentences to code; '-' reads one a line from standard input."),
    date: Optional[str] = typer.Option(None, "--date", help="The date the sentences were published (ISO), to date the events."),
    json_out: bool = JsonOption,
    typer_name: str = typer.Option("lexicon", "--typer", help="How verbs are typed: 'lexicon' (the default), or "
                                   "'minilm': verbs the lexicon does not know take the code of their nearest "
                                   "lexicon entry (an optional model: make typer)."),
) -> None:
    """Code sentences into CAMEO/PLOVER events, without a store."""
    from dataclasses import asdict

    from .events.coder import code_doc
    from .events.coder.typer import TYPERS
    from .events.coder.typer import get as get_typer
    from .nlp.pipeline import load_model
    from .nlp.times import find_times

    if typer_name not in TYPERS:
        err.print(Text(f"error: --typer {typer_name}: choose one of {', '.join(TYPERS)}"))
        raise typer.Exit(2)
    try:
        typed_by = get_typer(typer_name)
    except EventwireError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(2) from None

    if not sentences or sentences == ["-"]:
        if sentences == ["-"] or not sys.stdin.isatty():
            sentences = [line.rstrip("\n") for line in sys.stdin]
        else:
            err.print("error: give sentences, or '-' to read them from standard input")
            raise typer.Exit(2)
    nlp = load_model()
    numbered, failed = [], 0
    for i, text in enumerate(sentences):
        if len(text) > MAX_CODE_LINE:  # one bad line costs itself only: the rest is coded
            err.print(Text(f"error: input line {i}: [E403] {len(text):,} characters, over the limit of "
                           f"{MAX_CODE_LINE:,} for one line; not coded"))
            failed += 1
        elif text.strip():
            numbered.append((i, text))
    docs = nlp.pipe((text for _, text in numbered), batch_size=64)  # one parse per batch, not per line
    for (i, _), doc in zip(numbered, docs):
        try:
            # dated as the store dates them: by the sentence's own time expression ("late on Monday",
            # "on March 1") read against the publication date, else the publication date
            events = code_doc(doc, date=date, actorless=True, typer=typed_by, times=find_times(doc, date))
        except Exception as exc:  # noqa: BLE001 - a coder bug on one line must not cost the others
            err.print(Text(f"error: input line {i}: [E404] the coder failed: {type(exc).__name__}: {safe(exc)}"))
            failed += 1
            continue
        marked: set[int] = set()
        for event in events:
            # the coder lists each sentence's main event first; "main" marks it (one per sentence of a line)
            main = event.sentence_start not in marked
            marked.add(event.sentence_start)
            record = {"input": i, **asdict(event), "main": main}
            if json_out:
                _jsonl(record)
            else:
                flags = [f for f in ("negated", "hypothetical", "future") if record[f]]
                out.print(Text.assemble(
                    (f"{i:>3} ", "dim"), T(record["source"] or "?", "bold"), " -> ", T(record["target"] or "?", "bold"),
                    f"  {record['cameo']} ", T(record["plover"] or "-", "cyan"), f"  {record['goldstein']:+.1f}",
                    ("  " + ",".join(flags) if flags else "", "yellow"), "  ", T(record["trigger"] or "", "dim"),
                ))
    if failed:
        raise typer.Exit(1)


@app.command()
def resolve(
    names: Optional[list[str]] = typer.Argument(None, help="Names or phrases to resolve; '-' reads one a line (plain, or JSON with name, context, date)."),
    context: Optional[str] = typer.Option(None, "--context", help="A role phrase or sentence about the same actor."),
    date: Optional[str] = typer.Option(None, "--date", help="The day the name was used (ISO); roles are dated."),
    json_out: bool = JsonOption,
) -> None:
    """Resolve names to actors (country, sector, code) with the built-in lists, without a store."""
    import eventwire

    if not names or names == ["-"]:
        if names == ["-"] or not sys.stdin.isatty():
            names = [line.rstrip("\n") for line in sys.stdin]
        else:
            err.print("error: give names, or '-' to read them from standard input")
            raise typer.Exit(2)
    for i, line in enumerate(names):
        name, ctx, day = line, context, date
        if line.lstrip().startswith("{"):
            try:
                item = json.loads(line)
                name, ctx, day = str(item.get("name") or ""), item.get("context") or context, item.get("date") or date
            except (ValueError, AttributeError):
                err.print(Text(f"error: line {i + 1}: not a JSON object; read as a name"))
        if not name.strip():
            continue
        actor = eventwire.resolve(name, context=ctx, date=day)
        if json_out:
            _jsonl({"input": i, "query": name, "actor": actor})
        elif actor is None:
            out.print(Text.assemble((f"{i:>3} ", "dim"), T(name), ("  -> nothing known", "yellow")))
        else:
            out.print(Text.assemble((f"{i:>3} ", "dim"), T(name), "  -> ", T(actor["name"], "bold"),
                                    f"  {actor['code'] or '-'}  {actor['kind']}", ("  " + safe(actor["basis"]), "dim")))


def _register_stages() -> None:
    """Commands that live beside their stage's code."""
    from .events.cli import register as register_events
    from .stories.cli import register as register_stories
    from .stories.timeline import register as register_timeline

    register_stories(app, _open)
    register_timeline(app, _open)
    register_events(app, _open)


_register_stages()


@app.callback(invoke_without_command=True)
def _root(version: bool = typer.Option(False, "--version", help="Print the version and exit.")) -> None:
    if version:
        out.print(f"eventwire {__version__}")
        raise typer.Exit(0)


def main() -> None:
    """Entry point: an unexpected failure is one line (the traceback with EVENTWIRE_DEBUG=1)."""
    try:
        app()
    except KeyboardInterrupt:  # Ctrl-C (also while the model loads): a line, not a traceback
        err.print("interrupted")
        raise SystemExit(130) from None
    except EventwireError as exc:  # a numbered error that escaped a command: it says what to do
        if os.environ.get("EVENTWIRE_DEBUG"):
            raise
        err.print(Text(f"error: {safe(exc)}"))
        raise SystemExit(2) from None
    except Exception as exc:  # noqa: BLE001 - the last line of defence for the command line
        if os.environ.get("EVENTWIRE_DEBUG"):
            raise
        err.print(Text(f"error: {type(exc).__name__}: {safe(exc)} (set EVENTWIRE_DEBUG=1 for the traceback)"))
        raise SystemExit(3) from None


if __name__ == "__main__":
    main()
