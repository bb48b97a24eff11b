"""Read one input (a file or standard input) into RawDocs.

The first 64 KB are read to decide what the input is (see sniff.py):

* WARC / WARC.gz and JSON Lines are streamed record by record; the size
  limit applies to each record, not to the file, so archives and dumps of
  any size can be read;
* everything else is held whole, so its size is checked first (from
  ``stat`` for files; by reading at most ``max_bytes + 1`` for stdin), then
  it is checked for binary content, decoded, and sniffed: a text file that
  holds a web page is HTML, one that holds JSON is JSON.  An oversized file
  is reported as such (E104) even when it is also binary.

Problems become ReadErrors in the stream; the generator carries on.
"""
from __future__ import annotations

import io
import json
import os
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import EventwireError
from ..records import RawDoc, ReadError
from .encoding import bom_encoding, decode, meta_charset, utf16_without_bom
from .failures import KEEP_RAW_BELOW, failure, from_exception
from .jsonrec import iter_json, iter_jsonl
from .paths import STDIN
from .sniff import (HEAD_BYTES, HTML_EXTS, JSON_EXTS, JSONL_EXTS, WARC_EXTS,
                    binary_reason, extension, is_warc, json_kind, looks_like_html)
from .warc import iter_warc

DEFAULT_MAX_BYTES = 20_000_000


# text-like files that are not news documents
_UNSUPPORTED_EXTS = frozenset({
    ".csv", ".tsv", ".xml", ".rss", ".atom", ".rtf", ".svg", ".js", ".css", ".py",
    ".sql", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".log", ".srt", ".vtt",
})


def read_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
              stdin: BinaryIO | None = None) -> Iterator[RawDoc | ReadError]:
    """Yield the documents of one file ("-" reads ``stdin``, default sys.stdin)."""
    if path == STDIN:
        yield from _read_stream(stdin if stdin is not None else sys.stdin.buffer,
                                STDIN, max_bytes, size=None)
        return
    try:
        info = os.stat(path)
    except FileNotFoundError:
        yield failure(path, "E101", "path does not exist")
        return
    except OSError as error:
        yield failure(path, "E110", f"cannot read: {error.strerror or error}")
        return
    if stat.S_ISDIR(info.st_mode):
        yield failure(path, "E109", "is a folder, not a file")
        return
    if info.st_size == 0:
        yield failure(path, "E102", "file is empty", b"")
        return
    try:
        with open(path, "rb") as handle:
            yield from _read_stream(handle, path, max_bytes, size=info.st_size)
    except OSError as error:
        yield failure(path, "E110", f"cannot read: {error.strerror or error}")


def _read_stream(handle: BinaryIO, path: str, max_bytes: int,
                 size: int | None) -> Iterator[RawDoc | ReadError]:
    head = handle.read(HEAD_BYTES)
    if not head:
        yield failure(path, "E102", "file is empty", b"")
        return
    ext = None if path == STDIN else extension(path)
    if is_warc(head):
        yield from iter_warc(_rejoin(head, handle), path, max_bytes)
        return
    if ext in WARC_EXTS:
        yield failure(path, "E108", "does not start with a WARC or ARC record", head)
        return
    streamed = ext in JSONL_EXTS or (ext is None and _sniffed_jsonl(head))
    if streamed and (bom_encoding(head) in ("utf-16-le", "utf-16-be", "utf-16", "utf-32")
                     or utf16_without_bom(head)):
        streamed = False  # wide characters: lines are found after decoding the whole file
    if not streamed and size is not None and size > max_bytes:
        yield failure(path, "E104", f"file is {size:,} bytes, over the limit of "
                                    f"{max_bytes:,} bytes")
        return
    reason = binary_reason(head, by_record=streamed)
    if reason:
        small = size is not None and size < KEEP_RAW_BELOW
        raw = head + handle.read() if small else None
        yield failure(path, "E103", f"binary, not text: {reason}", raw)
        return
    if streamed:
        yield from iter_jsonl(_rejoin(head, handle), path, max_bytes)
        return
    if ext in _UNSUPPORTED_EXTS:
        yield failure(path, "E109", f"unsupported file type '{ext}' (eventwire reads "
                                    "text, HTML, JSON, JSON Lines and WARC)")
        return
    data = head + handle.read(max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        yield failure(path, "E104", f"input is over the limit of {max_bytes:,} bytes")
        return
    yield from _read_whole(data, path, ext)


def _read_whole(data: bytes, path: str, ext: str | None) -> Iterator[RawDoc | ReadError]:
    """Decode a whole input, then read it as the format its content shows."""
    try:
        text, encoding, flags = decode(data, meta_charset(data))
    except EventwireError as error:
        yield from_exception(path, error, data)
        return
    if not text.strip():
        yield failure(path, "E102", "file holds only whitespace", data)
        return
    fmt = _format(ext, text)
    if fmt == "json":
        yield from iter_json(data, path)
    elif fmt == "jsonl":
        yield from iter_jsonl(io.BytesIO(text.encode("utf-8") if encoding != "utf-8" else data),
                              path, len(data) * 2)
    else:
        yield RawDoc(source=path, path=path, format=fmt, raw=data,
                     text=text if fmt == "txt" else None, html=text if fmt == "html" else None,
                     encoding=encoding, flags=flags)


def _format(ext: str | None, text: str) -> str:
    """"html", "json", "jsonl" or "txt": the extension, corrected by the content."""
    if ext in HTML_EXTS:
        return "html"
    if ext in JSON_EXTS:
        return json_kind(text) or "json"
    if looks_like_html(text):
        return "html"
    return json_kind(text) or "txt"


def _sniffed_jsonl(head: bytes) -> bool:
    """Standard input whose first line is a JSON object, with more lines after it."""
    first, _, rest = head.lstrip().partition(b"\n")
    if not first.startswith(b"{") or not rest.strip():
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _rejoin(head: bytes, rest: BinaryIO) -> io.BufferedReader:
    """A buffered stream that gives ``head`` again, then the rest of ``rest``."""
    return io.BufferedReader(_Rejoined(head, rest), buffer_size=HEAD_BYTES)


class _Rejoined(io.RawIOBase):
    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
