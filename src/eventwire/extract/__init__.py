"""Extraction: a RawDoc in, an Extracted (clean body and metadata) out.

The cascade, one concern per module:

1. ``html``: HTML goes to trafilatura (body, title, author, site) and
   htmldate (publication date); its body then passes the same furniture
   filter as plain text (``text.filter_body``).
2. ``text``: plain text goes to the line cleaner (``clean``), the metadata
   reader (``meta``) and publication-date inference (``pubdate``).
3. ``furniture``: lines that repeat across many documents of one outlet are
   removed too (the corpus-level model is kept in the store).
4. ``language``: the body's language, so later stages can skip what they
   cannot read.

What the record itself gives (a JSON record's title or date, a WARC date)
wins over what is guessed from the text.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Extracted, RawDoc
from .language import detect_language
from .text import extract_text, filter_body

__all__ = ["extract"]


def extract(doc: RawDoc, *, furniture: frozenset[str] = frozenset()) -> Extracted:
    """Extract one document; raises EventwireError (E2xx) when nothing usable is found."""
    if doc.html is not None:
        from .html import extract_html  # trafilatura: imported when the first page comes

        if doc.format == "warc":  # WARC-Date is when the page was crawled, not published
            got = extract_html(doc.html, url=doc.url, crawl_date=doc.date)
        else:
            got = extract_html(doc.html, url=doc.url, given_date=doc.date)
        body, removed = filter_body(got.body, furniture=furniture)
        got = replace(got, body=body, removed=got.removed + removed)
    else:
        got = extract_text(
            doc.text or "", url=doc.url, given_date=doc.date, given_title=doc.title, furniture=furniture
        )
    if doc.title and not got.title:
        got = replace(got, title=doc.title)
    if doc.byline and not got.byline:
        got = replace(got, byline=doc.byline)
    if doc.outlet:
        got = replace(got, outlet=doc.outlet, outlet_basis="record")
    lang, score = detect_language((got.title or "") + "\n" + got.body)
    flags = got.flags + doc.flags
    if lang is None:
        flags += ("language-unknown",)
    elif lang != "en":
        flags += (f"language:{lang}",)
    return replace(got, language=lang, flags=tuple(dict.fromkeys(flags)))

