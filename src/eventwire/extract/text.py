"""Plain text to ``Extracted``: clean, then read metadata, then date.

``extract_text`` runs the three steps in order: the line cleaner
(``clean``) separates head, body and furniture; the metadata reader
(``meta``) takes title, byline, dateline and outlet from the head and the
body's start; publication-date inference (``pubdate``) works on what is
left and on the removed lines (date lines, timestamps).  What the record
gives (a date, a title) wins over what is read from the text.

``filter_body`` passes already-extracted article text (trafilatura's output
for HTML) through the same furniture rules, without looking for a head.
"""
from __future__ import annotations

from ..records import Extracted, Removed
from .clean import clean
from .meta import read_meta
from .pubdate import HEAD_CHARS, infer_published


def extract_text(
    text: str,
    *,
    url: str | None = None,
    given_date: str | None = None,
    given_title: str | None = None,
    furniture: frozenset[str] = frozenset(),
) -> Extracted:
    """Extract title, clean body and metadata from scraped plain text.

    ``furniture`` holds normalised lines (``furniture.normalise_line``) that
    repeat across the outlet's articles; they are removed as
    "repeated-in-outlet".
    """
    cleaned = clean(text, furniture=furniture)
    meta = read_meta(cleaned, url=url, given_title=given_title)
    body = "\n\n".join(meta.paragraphs)
    removed = meta.removed + cleaned.removed
    published = infer_published(
        body, removed=removed, dateline=meta.dateline, given_date=given_date, title=meta.title,
        head=_head(text, body), url=url,
    )
    return Extracted(
        title=meta.title,
        body=body,
        removed=removed,
        byline=meta.byline,
        outlet=meta.outlet,
        outlet_basis=meta.outlet_basis,
        published=published,
        dateline=meta.dateline,
        flags=() if body else ("empty-body",),
    )


def _head(text: str, body: str) -> str:
    """The scraped text up to the body's first lines: where a page's date stamp sits."""
    at = text.find(body[:40]) if body else -1
    return text[: min(max(at, 0), 5000) + HEAD_CHARS]


def filter_body(text: str, *, furniture: frozenset[str] = frozenset()) -> tuple[str, tuple[Removed, ...]]:
    """Drop furniture lines from article text; returns (body, removed lines)."""
    cleaned = clean(text, furniture=furniture, find_head=False)
    return "\n\n".join(cleaned.paragraphs), cleaned.removed
