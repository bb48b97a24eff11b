"""Command-line views of stories: ``eventwire stories`` and ``eventwire story ID``.

The lead registers them on the main app:  ``register(app, _open)``.  Scraped
text (headlines, summaries, quotes) is printed only through rich ``Text``,
never parsed as markup; ``--json`` prints JSON Lines.
"""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from ..terminal import console
from rich.text import Text

from .store import stories as _stories
from .store import story as _story

out = console()


def _store(handle):
    return getattr(handle, "store", handle)


def _jsonl(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def register(app: typer.Typer, open_store) -> None:
    """Add ``stories`` and ``story`` to ``app``; ``open_store(db)`` gives a context manager
    yielding an Eventwire handle or a Store."""

    @app.command("stories")
    def stories_cmd(
        db: Optional[str] = typer.Option(None, "--db", help="Store file (default: $EVENTWIRE_DB, else ./eventwire.db)."),
        json_out: bool = typer.Option(False, "--json", help="JSON Lines, one story a line."),
    ) -> None:
        """Stories (articles grouped by the happening they report), by date."""
        with open_store(db) as handle:
            rows = _stories(_store(handle))
        for s in rows:
            if json_out:
                _jsonl(s)
                continue
            out.print(Text.assemble(
                (s["date"] or "undated", "dim"), " ", (s["id"], "cyan"), " ",
                (f"{len(s['articles'])} article{'s' * (len(s['articles']) != 1)}", "dim"), " ",
                (f"thread {s['thread']}" if s["thread"] else "", "dim")))
            out.print(Text.assemble("    ", (s["headline"] or "(no headline)", "bold")))
            if s["summary"]:
                out.print(Text("    " + s["summary"]))

    @app.command("story")
    def story_cmd(
        story_id: str = typer.Argument(..., help="Story id (or an unambiguous prefix)."),
        db: Optional[str] = typer.Option(None, "--db", help="Store file (default: $EVENTWIRE_DB, else ./eventwire.db)."),
        json_out: bool = typer.Option(False, "--json", help="JSON Lines."),
    ) -> None:
        """One story: members with roles, key quotes, main actors."""
        with open_store(db) as handle:
            s = _story(_store(handle), story_id)
        if s is None:
            console(stderr=True).print(Text(f"error: no story {story_id!r}", style="red"))
            raise typer.Exit(1)
        if json_out:
            _jsonl(s)
            return
        out.print(Text.assemble((s["date"] or "undated", "dim"), " ", (s["id"], "cyan"), " ",
                                (f"thread {s['thread']}" if s["thread"] else "", "dim")))
        out.print(Text(s["headline"] or "(no headline)", style="bold"))
        if s["summary"]:
            out.print(Text(s["summary"]))
        out.print(Text("members:", style="dim"))
        for m in s["members"]:
            out.print(Text.assemble(
                "  ", (m["role"], "magenta"), " ", (m["article_id"], "cyan"), " ", (m["published"] or "undated", "dim"),
                " ", (m["outlet"] or "", "green"), " ", m["title"] or "",
                (f" (copies {m['copy_of']})" if m["copy_of"] else "", "dim")))
        if s["key_quotes"]:
            out.print(Text("key quotes:", style="dim"))
            for q in s["key_quotes"]:
                out.print(Text.assemble("  “", q["text"], "” ", (f"— {q['speaker'] or 'unknown'}", "dim")))
        if s["main_actors"]:
            out.print(Text("main actors:", style="dim"))
            out.print(Text("  " + ", ".join(
                a["name"] + (f" [{(a.get('country') or '') + (a.get('sector') or '')}]"
                             if a.get("country") or a.get("sector") else "") for a in s["main_actors"])))
