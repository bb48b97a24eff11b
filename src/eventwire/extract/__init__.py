"""Extraction: a RawDoc in, an Extracted (clean body and metadata) out.

The cascade, one concern per module:

1. ``html``: HTML goes to trafilatura (body, title, author, site) and
   htmldate (publication date); its body then passes the same furniture
   filter as plain text (``text.filter_body``).  When that leaves next to
   nothing (under ``RECALL_BELOW`` characters: a page whose precise
   extraction kept only a date line), a recall-favouring pass is tried and
   kept if it gives more (flag ``recall-pass``); E201 only when both fail.
2. ``text``: plain text goes to the line cleaner (``clean``), the metadata
   reader (``meta``) and publication-date inference (``pubdate``).
3. ``furniture``: lines that repeat across many documents of one outlet are
   removed too (the corpus-level model is kept in the store).
4. ``language``: the body's language, so later stages can skip what they
   cannot read.
5. ``genre``: documents that are not news (manuals, shop pages, wikis) are
   flagged ``not-news:<genre>``; the language pass skips them.

What the record itself gives (a JSON record's title or date, a WARC date)
wins over what is guessed from the text.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..errors import EventwireError
from ..records import Extracted, RawDoc
from .genre import genre
from .language import detect_language
from .text import extract_text, filter_body

__all__ = ["extract"]


LONG_LINE = 20_000  # characters: a paragraph longer than this is a dump, cut into pieces
PIECE = 2_000
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]?\s+")


def split_long_lines(body: str) -> tuple[str, int]:
    """(the body with each paragraph over ``LONG_LINE`` characters cut into paragraphs of at most
    ``PIECE`` characters, at sentence ends where it has them, else at spaces; how many were cut).
    A multi-megabyte line would otherwise reach the parser as one paragraph."""
    if len(body) <= LONG_LINE or all(len(p) <= LONG_LINE for p in body.split("\n")):
        return body, 0
    out, cut = [], 0
    for para in body.split("\n"):
        if len(para) <= LONG_LINE:
            out.append(para)
            continue
        cut += 1
        pieces, start = [], 0
        while start < len(para):
            end = min(len(para), start + PIECE)
            if end < len(para):
                window = para[start:end]
                ends = [m.end() for m in _SENTENCE_END.finditer(window)]
                space = window.rfind(" ")
                end = start + (ends[-1] if ends and ends[-1] > PIECE // 4 else
                               space + 1 if space > PIECE // 4 else len(window))
            pieces.append(para[start:end].strip())
            start = end
        out.append("\n\n".join(p for p in pieces if p))
    return "\n".join(out), cut


# a cleaned body shorter than this (in characters) from the precise pass is retried with recall
RECALL_BELOW = 150


def extract(doc: RawDoc, *, furniture: frozenset[str] = frozenset()) -> Extracted:
    """Extract one document; raises EventwireError (E2xx) when nothing usable is found."""
    if doc.html is not None:
        from .html import extract_html  # trafilatura: imported when the first page comes

        dates = ({"crawl_date": doc.date} if doc.format == "warc"  # WARC-Date: crawled, not published
                 else {"given_date": doc.date})
        try:
            got = extract_html(doc.html, url=doc.url, **dates)
            body, removed = filter_body(got.body, furniture=furniture)
        except EventwireError:
            got, body, removed = None, "", ()
        if len(body.strip()) < RECALL_BELOW:  # the precise pass left next to nothing: try recall
            try:
                wide = extract_html(doc.html, url=doc.url, recall=True, **dates)
            except EventwireError:
                if got is None:
                    raise
            else:
                wide_body, wide_removed = filter_body(wide.body, furniture=furniture)
                if len(wide_body.strip()) > len(body.strip()):
                    got, body, removed = wide, wide_body, wide_removed
        got = replace(got, body=body, removed=got.removed + removed)
    else:
        got = extract_text(
            doc.text or "", url=doc.url, given_date=doc.date, given_title=doc.title, furniture=furniture
        )
    body, cut = split_long_lines(got.body)
    if cut:
        got = replace(got, body=body, flags=got.flags + (f"long-line-cut:{cut}",))
    if doc.title and not got.title:
        got = replace(got, title=doc.title)
    if doc.byline and not got.byline:
        got = replace(got, byline=doc.byline)
    if doc.outlet:
        got = replace(got, outlet=doc.outlet, outlet_basis="record")
    lang, score = detect_language((got.title or "") + "\n" + got.body)
    flags = got.flags + doc.flags
    kind = genre(got.title, got.body)
    if kind is not None:
        flags += (f"not-news:{kind}",)
    if lang is None:
        flags += ("language-unknown",)
    elif lang != "en":
        flags += (f"language:{lang}",)
    return replace(got, language=lang, flags=tuple(dict.fromkeys(flags)))

