"""JSON and JSON Lines news records.

Scrapers and news APIs name the same fields differently (``maintext``,
``date_publish``, ``publishedAt``, ``source_domain``...).  Keys are compared
lower-cased with ``_`` and ``-`` removed, and each RawDoc field takes the
first alias present.  Values may be strings, lists (joined), WordPress-style
``{"rendered": ...}`` objects, NewsAPI-style ``{"name": ...}`` objects, or
epoch numbers for dates.  A text field that holds markup is read as HTML.

Each record keeps its verbatim bytes: the line of a JSON Lines file, the
object's own span of a JSON list.  JSON Lines is streamed line by line with a
per-line size limit, so a large dump never sits in memory.
"""
from __future__ import annotations

import json
from codecs import BOM_UTF8
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import IO, Any

from ..errors import EventwireError
from ..records import RawDoc, ReadError
from .encoding import decode
from .failures import failure, from_exception
from .sniff import looks_like_html

_ALIASES: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "uri", "canonicalurl"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "article", "maintext", "articlebody"),
    "html": ("html", "rawhtml"),
    "date": ("date", "published", "publishdate", "datepublish", "publishedat", "pubdate",
             "datepublished"),
    "byline": ("author", "byline", "authors"),
    "outlet": ("outlet", "source", "site", "sitename", "publisher", "sourcedomain"),
}
_INNER_KEYS = ("rendered", "name", "text", "value", "url")
_JOINERS = {"text": "\n\n", "html": "\n"}
_DECODER = json.JSONDecoder()


def iter_json(data: bytes, path: str) -> Iterator[RawDoc | ReadError]:
    """The records of a whole JSON file: one object, or a list of objects."""
    try:
        text, encoding, flags = _json_text(data)
    except EventwireError as error:
        yield from_exception(path, error, data)
        return
    start = len(text) - len(text.lstrip())
    if not text.startswith("[", start):
        try:
            value = json.loads(text)
        except ValueError as error:
            yield failure(path, "E106", f"JSON does not parse: {error}", data)
            return
        yield _record_doc(value, raw=data, path=path, fmt="json", number=None,
                         where=path, encoding=encoding, flags=flags)
        return
    spans = _ByteSpans(text, data, exact=encoding.startswith("utf-8") and not flags)
    line, counted = 1, 0
    try:
        for number, (begin, end, value) in enumerate(_list_items(text, start), 1):
            line, counted = line + text.count("\n", counted, begin), begin
            where = f"{path}:line {line}"
            yield _record_doc(value, raw=spans.slice(begin, end), path=path, fmt="json",
                             number=number, where=where, encoding=encoding, flags=flags)
    except ValueError as error:
        yield failure(path, "E106", f"JSON does not parse: {error}", data)


def iter_jsonl(stream: IO[bytes], path: str, max_bytes: int) -> Iterator[RawDoc | ReadError]:
    """The records of a JSON Lines stream, one per non-blank line."""
    line_no = records = 0
    while line := stream.readline(max_bytes + 1):
        line_no += 1
        where = f"{path}:line {line_no}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line) + _skip_line(stream)
            yield failure(where, "E104", f"line {line_no} is {size:,} bytes, over the limit of "
                                         f"{max_bytes:,} bytes")
            records += 1
            continue
        body = line.rstrip(b"\r\n")
        if line_no == 1 and body.startswith(b"\xef\xbb\xbf"):
            body = body[3:]
        if not body.strip():
            continue
        records += 1
        if b"\x00" in body:
            yield failure(where, "E103", f"line {line_no} holds NUL bytes (binary, not a JSON record)", body)
            continue
        try:
            text, encoding, flags = _line_text(body)
            value = json.loads(text)
        except EventwireError as error:
            yield from_exception(where, error, body)
            continue
        except ValueError as error:
            yield failure(where, "E106", f"line {line_no} does not parse: {error}", body)
            continue
        yield _record_doc(value, raw=body, path=path, fmt="jsonl", number=records,
                         where=where, encoding=encoding, flags=flags)
    if records == 0:
        yield failure(path, "E102", "no JSON Lines records, only blank lines", b"")


def _record_doc(value: Any, *, raw: bytes, path: str, fmt: str, number: int | None,
               where: str, encoding: str, flags: tuple[str, ...] = ()) -> RawDoc | ReadError:
    """A RawDoc from one parsed record, or E107 when it has nothing to read."""
    if not isinstance(value, dict):
        kind = type(value).__name__
        return failure(where, "E107", f"a JSON {kind} where a record object was expected", raw)
    keys = {key.lower().replace("_", "").replace("-", ""): key for key in value}
    try:
        fields = {name: _field(value, keys, name) for name in _ALIASES}
    except EventwireError as error:
        return from_exception(where, error, raw)
    except RecursionError:
        return failure(where, "E112", "a field is nested too deeply to read", raw)
    text, html = fields["text"], fields["html"]
    if text and not html and looks_like_html(text):
        text, html = None, text
    if not text and not html:
        keys = ", ".join(sorted(value)[:12]) or "none"
        return failure(where, "E107", f"record has no text or html field (its keys: {keys})", raw)
    url = fields["url"]
    source = url or (f"{path}#{number}" if number else path)
    return RawDoc(source=source, path=path, format=fmt, raw=raw,
                  text=text or None, html=None if text else html, encoding=encoding,
                  url=url, title=fields["title"], date=fields["date"],
                  byline=fields["byline"], outlet=fields["outlet"], flags=flags)


def _field(record: dict, keys: dict[str, str], name: str) -> str | None:
    """The first non-empty alias of ``name`` in ``record`` (``keys``: folded -> real key)."""
    for alias in _ALIASES[name]:
        if alias in keys:
            found = _as_string(record[keys[alias]], name)
            if found:
                return found
    return None


def _as_string(value: Any, name: str) -> str | None:
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
        return text or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return _epoch(value) if name == "date" else str(value)
    if isinstance(value, dict):
        for key in _INNER_KEYS:
            if key in value:
                return _as_string(value[key], name)
        return None
    if isinstance(value, list):
        parts = [part for item in value if (part := _as_string(item, name))]
        return _JOINERS.get(name, ", ").join(parts) or None
    return None


def _epoch(seconds: float) -> str:
    """An epoch timestamp (seconds, or milliseconds when huge) as ISO 8601 UTC; E112 when no
    calendar holds it (``12345678901234567890``, ``1e999``, NaN)."""
    given = seconds
    if seconds > 1e11:
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat()
    except (ValueError, OverflowError, OSError):
        raise EventwireError("E112", f"the date {given!r} is no timestamp a calendar holds") from None


def _json_text(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """JSON is UTF-8 by standard; anything else goes through full detection."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode(data)
    return text, "utf-8-sig" if data.startswith(BOM_UTF8) else "utf-8", ()


def _line_text(body: bytes) -> tuple[str, str, tuple[str, ...]]:
    try:
        return body.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        return decode(body)


def _list_items(text: str, start: int) -> Iterator[tuple[int, int, Any]]:
    """(begin, end, value) of each element of the JSON list at ``start``."""
    at = _skip_space(text, start + 1)
    if text.startswith("]", at):
        end = at + 1
    else:
        while True:
            value, end = _DECODER.raw_decode(text, at)
            yield at, end, value
            at = _skip_space(text, end)
            if text.startswith(",", at):
                at = _skip_space(text, at + 1)
                continue
            if not text.startswith("]", at):
                raise ValueError(f"expected ',' or ']' at character {at}")
            end = at + 1
            break
    if text[end:].strip():
        raise ValueError(f"extra data after the list at character {end}")


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _skip_line(stream: IO[bytes]) -> int:
    """Read past the rest of an over-long line; return how many bytes that was."""
    skipped = 0
    while chunk := stream.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


class _ByteSpans:
    """Map character spans of the decoded text back to the file's bytes.

    Exact when the text is a strict UTF-8 decode of the bytes (the spans
    must be asked for in order); otherwise the span is re-encoded as UTF-8.
    """

    def __init__(self, text: str, data: bytes, exact: bool):
        self._text = text
        self._data = data
        self._exact = exact
        self._char = 0
        self._byte = len(BOM_UTF8) if data.startswith(BOM_UTF8) else 0

    def slice(self, begin: int, end: int) -> bytes:
        if not self._exact:
            return self._text[begin:end].encode("utf-8")
        self._byte += len(self._text[self._char:begin].encode("utf-8"))
        start = self._byte
        self._byte += len(self._text[begin:end].encode("utf-8"))
        self._char = end
        return self._data[start:self._byte]
