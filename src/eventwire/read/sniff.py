"""Tell what an input holds from its name and its first bytes.

The extension is a hint; the content decides where they disagree in the
obvious ways: a ``.txt`` holding a web page is HTML, a ``.json`` holding one
object per line is JSON Lines, a gzip file whose first member starts with
``WARC/1.`` is a WARC whatever it is called.  Binary files are recognised by
their magic numbers, NUL bytes (unless the NULs form the UTF-16 pattern) or
a high share of control characters.
"""
from __future__ import annotations

import json
import os
import re
import zlib

from .encoding import bom_encoding, utf16_without_bom

HEAD_BYTES = 65536

HTML_EXTS = frozenset({".html", ".htm", ".xhtml"})
JSON_EXTS = frozenset({".json"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
WARC_EXTS = frozenset({".warc", ".warc.gz", ".arc", ".arc.gz"})

_GZIP_MAGIC = b"\x1f\x8b"
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an MS Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"wOFF", "a web font"),
)
_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")
_CONTROL_SHARE = 0.02
_HTML_START = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!doctype\s+html|<html)", re.I)
_HTML_TAGS = re.compile(r"<(html|head|body|meta|title|article|div|p)[\s>/]", re.I)


def extension(path: str) -> str:
    """Lower-case extension, with ``.warc.gz`` and ``.arc.gz`` kept whole."""
    name = os.path.basename(path).lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return os.path.splitext(name)[1]


# WARC 1.x, the WARC/0.17 and 0.18 drafts older crawlers wrote, and ARC (its file header record)
_ARCHIVE_STARTS = (b"WARC/1.", b"WARC/0.17", b"WARC/0.18", b"filedesc://")


def is_warc(head: bytes) -> bool:
    """True for web archive bytes (WARC, its 0.17/0.18 drafts, ARC), plain or gzip-compressed
    (looks inside the gzip)."""
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(_ARCHIVE_STARTS)


def binary_reason(head: bytes, *, by_record: bool = False) -> str | None:
    """Why ``head`` (the first bytes of a non-WARC input) is not text; None if it is.

    ``by_record``: the input is read record by record (JSON Lines), so only a magic number
    condemns the whole file; NUL and control bytes are judged line by line."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"looks like {what}"
    if head.startswith(_GZIP_MAGIC):
        return "gzip-compressed and not a WARC; decompress it first"
    if by_record or bom_encoding(head) or utf16_without_bom(head):
        return None
    if b"\x00" in head:
        return "contains NUL bytes"
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if controls > _CONTROL_SHARE * len(head):
        return f"{controls} control characters in the first {len(head)} bytes"
    return None


def looks_like_html(text: str) -> bool:
    """A document that starts as HTML, or a fragment with page-level tags early on."""
    if _HTML_START.match(text):
        return True
    start = text.lstrip()[:2048]
    return start.startswith("<") and _HTML_TAGS.search(start) is not None


def json_kind(text: str) -> str | None:
    """"json" for one JSON value, "jsonl" for one object per line, else None."""
    start = text.lstrip()
    if not start.startswith(("{", "[")):
        return None
    try:
        json.loads(start)
        return "json"
    except ValueError:
        pass
    first_line = start.split("\n", 1)[0]
    try:
        return "jsonl" if isinstance(json.loads(first_line), dict) else None
    except ValueError:
        return None
