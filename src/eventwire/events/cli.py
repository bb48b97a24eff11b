"""The event commands of the command line: ``events``, ``dyad``, ``export``.

``register(app, open_store)`` adds them to a Typer app.  ``open_store(db,
readonly=True)`` opens the store named by ``--db`` (None: the default); it may
return a ``Store`` or anything with a ``.store`` (the ``Eventwire`` handle), and
is expected to report its own errors (``typer.Exit(2)``).

As everywhere in eventwire, text taken from articles (sentences, names,
locations) is shown through ``safe()`` as rich ``Text``, never as markup.
"""
from __future__ import annotations

import csv
import json
import sys
from typing import Callable, Optional

from enum import Enum

import typer

from ..terminal import console
from rich.table import Table
from rich.text import Text

from ..errors import EventwireError
from . import dyad as dyad_mod
from . import export as export_mod
from . import store as event_store

out = console()
err = console(stderr=True)

QUAD_HEADS = ("V-coop", "M-coop", "V-conf", "M-conf")
BAR_WIDTH = 10  # characters for a Goldstein mean of +-10


class By(str, Enum):
    month = "month"
    week = "week"
    day = "day"


class Format(str, Enum):
    tsv = "tsv"
    parquet = "parquet"


def _safe(value) -> str:
    from ..cli import safe  # late: eventwire.cli imports this module

    return safe(value)


def _T(value, style: str = "") -> Text:
    return Text(_safe(value), style=style)


def _jsonl(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _fail(exc: Exception) -> None:
    err.print(Text(f"error: {exc}"))
    raise typer.Exit(2)


def goldstein_bar(mean: float | None, width: int = BAR_WIDTH) -> Text:
    """A bar as long as |mean| (of 10), green when positive, red when negative."""
    if mean is None:
        return Text("")
    n = min(width, round(abs(mean) / 10 * width))
    if n == 0 and mean:
        n = 1
    if mean > 0:
        return Text("+" + "█" * n, style="green")
    if mean < 0:
        return Text("-" + "█" * n, style="red")
    return Text("·", style="dim")


def _actor(code: Optional[str], name: Optional[str]) -> Text:
    if code and name:
        return Text.assemble(_T(code, "cyan"), " ", _T(name))
    return _T(code or name or "?", "cyan" if code else "")


def _line(cells: list[tuple[Text, int]], bold: bool = False) -> Text:
    """Cells cut or padded to their widths, one space apart, on one line."""
    line = Text(style="bold" if bold else "")
    for i, (cell, width) in enumerate(cells):
        cell = cell.copy()
        cell.truncate(width, overflow="ellipsis", pad=i < len(cells) - 1)
        line.append_text(cell)
        if i < len(cells) - 1:
            line.append(" ")
    return line


def register(app: typer.Typer, open_store: Callable) -> None:
    """Add ``events``, ``dyad`` and ``export`` to ``app``."""

    class _Opened:
        def __init__(self, db: Optional[str]):
            self.handle = open_store(db, readonly=True)
            self.store = getattr(self.handle, "store", self.handle)

        def __enter__(self):
            return self.store

        def __exit__(self, *exc):
            self.handle.close()

    db_option = typer.Option(None, "--db", help="Store file (default: $EVENTWIRE_DB, else ./eventwire.db).")

    @app.command("events")
    def events_cmd(
        db: Optional[str] = db_option,
        actor: Optional[str] = typer.Option(
            None, "--actor", help="Only events with this actor on either side: a code prefix (RUS, USAGOV) or a name (Putin)."),
        dyad: Optional[str] = typer.Option(
            None, "--dyad", help="Only events between two actors, either way: USA-RUS (use ':' if a name has a hyphen)."),
        json_out: bool = typer.Option(False, "--json", help="JSON Lines output, one event a line."),
        all_: bool = typer.Option(False, "--all", help="Also events reported only as negated, hypothetical or future."),
        limit: Optional[int] = typer.Option(None, "--limit", help="At most this many."),
    ) -> None:
        """Coded events, one per happening (reports merged), oldest first."""
        with _Opened(db) as store:
            try:
                rows = event_store.events(store, actor=actor, dyad=dyad, happened=None if all_ else True, limit=limit)
            except ValueError as exc:
                _fail(exc)
            pending = event_store.unmerged(store)
            if json_out:
                for r in rows:
                    _jsonl(r)
            else:
                # one line per event at any width (the full text is in --json): fixed columns, the
                # sentence takes what is left of the terminal (80 columns when piped)
                width = max(out.width, 60)
                actor_w = 16 if width >= 100 else 12
                heads = [("date", 10), ("source", actor_w), ("target", actor_w), ("CAMEO", 5), ("PLOVER", 9),
                         ("Gold.", 5), ("rep.", 5)]
                sentence_w = max(width - sum(w + 1 for _, w in heads) - 1, 10)
                out.print(_line([(_T(h), w) for h, w in heads] + [(_T("sentence"), sentence_w)], bold=True))
                for r in rows:
                    gold = r["goldstein"]
                    cameo = Text.assemble(_T(r["cameo"]), ("*" if not r["happened"] else "", "yellow"))
                    out.print(_line([
                        (_T(r["date"] or "undated"), 10), (_actor(r["source"], r["source_actor"]), actor_w),
                        (_actor(r["target"], r["target_actor"]), actor_w), (cameo, 5), (_T(r["plover"]), 9),
                        (Text(f"{gold:+.1f}", style="green" if gold > 0 else "red" if gold < 0 else ""), 5),
                        (Text(f"{r['mentions']}/{r['num_articles']}"), 5), (_T(r["sentence"]), sentence_w),
                    ]))
                if any(not r["happened"] for r in rows):
                    err.print(Text("* reported as negated, hypothetical or future (--json: status)", style="yellow"))
                if not rows:
                    err.print(Text("no events"))
            if pending:
                err.print(Text(f"note: {pending} sentence-events are not merged into events yet", style="yellow"))

    @app.command("dyad")
    def dyad_cmd(
        a: str = typer.Argument(..., help="First actor: code prefix (USA) or name."),
        b: str = typer.Argument(..., help="Second actor."),
        db: Optional[str] = db_option,
        by: By = typer.Option(By.month, "--by", help="Bucket size."),
        json_out: bool = typer.Option(False, "--json", help="The whole result as one JSON object."),
        csv_out: bool = typer.Option(False, "--csv", help="CSV, one row per bucket."),
    ) -> None:
        """Events between two actors (both directions) over time: counts per quad class, Goldstein."""
        if json_out and csv_out:
            err.print(Text("error: --json and --csv exclude each other"))
            raise typer.Exit(2)
        with _Opened(db) as store:
            try:
                result = dyad_mod.dyad(store, a, b, by=By(by).value)
            except ValueError as exc:
                _fail(exc)
        if json_out:
            _jsonl(result)
            return
        if csv_out:
            _dyad_csv(result)
            return
        _dyad_table(result)

    @app.command("export")
    def export_cmd(
        db: Optional[str] = db_option,
        format: Format = typer.Option(..., "--format", help="tsv or parquet."),
        out_path: str = typer.Option(..., "--out", help="File to write."),
        all_: bool = typer.Option(False, "--all", help="Also events reported only as negated, hypothetical or future."),
        header: bool = typer.Option(True, "--header/--no-header", help="TSV: a first line naming the columns."),
    ) -> None:
        """Export events, one per line: GDELT-like TSV, or Parquet (needs pyarrow)."""
        with _Opened(db) as store:
            try:
                n = export_mod.export(store, out_path, Format(format).value, header=header, include_all=all_)
            except (EventwireError, OSError) as exc:
                _fail(exc)
        err.print(Text(f"{n} events -> {_safe(out_path)}"))


def _clip(text: Optional[str], n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _dyad_csv(result: dict) -> None:
    w = csv.writer(sys.stdout, lineterminator="\n")
    quads = list(dyad_mod.QUADS.values())
    w.writerow(["bucket", "events", "mentions", "a_to_b", "b_to_a", *quads, "goldstein_sum", "goldstein_mean", "event_ids"])
    for bk in result["buckets"]:
        w.writerow([bk["bucket"], bk["events"], bk["mentions"], bk["a_to_b"], bk["b_to_a"],
                    *(bk["quad"][q] for q in quads), bk["goldstein_sum"],
                    "" if bk["goldstein_mean"] is None else bk["goldstein_mean"], " ".join(bk["ids"])])


def _dyad_table(result: dict) -> None:
    tot = result["totals"]
    out.print(Text.assemble(
        _T(result["a"], "bold"), " ↔ ", _T(result["b"], "bold"),
        f"  by {result['by']}: {tot['events']} events (",
        _T(result["a"]), " → ", _T(result["b"]), f" {tot['a_to_b']}, ",
        _T(result["b"]), " → ", _T(result["a"]), f" {tot['b_to_a']})",
    ))
    if not tot["events"]:
        err.print(Text("no events between these actors"))
        return
    table = Table("bucket", "events", *QUAD_HEADS, "Goldstein sum", "mean", "", box=None, pad_edge=False)
    quads = list(dyad_mod.QUADS.values())

    def add(label: str, acc: dict, style: str = "") -> None:
        mean = acc["goldstein_mean"]
        table.add_row(
            _T(label, style), Text(str(acc["events"]), style=style),
            *(Text(str(acc["quad"][q]), style=style) for q in quads),
            Text(f"{acc['goldstein_sum']:+.1f}", style=style),
            Text("" if mean is None else f"{mean:+.2f}", style=style),
            goldstein_bar(mean),
        )

    for bk in result["buckets"]:
        add(bk["bucket"], bk)
    add("total", tot, "bold")
    out.print(table)
