"""Reading inputs: paths -> files -> RawDocs (or ReadErrors, never exceptions).

    for item in iter_files(["news/", "-"]):
        if isinstance(item, ReadError): report(item); continue
        for doc in read_file(item): ...

Formats: plain text, HTML, JSON (one object or a list), JSON Lines, WARC and
WARC.gz; encodings are detected by ``decode``.
"""
from __future__ import annotations

from .encoding import decode
from .formats import read_file
from .paths import iter_files

__all__ = ["decode", "iter_files", "read_file"]
