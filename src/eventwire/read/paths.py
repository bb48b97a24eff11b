"""Expand the paths a user gives into the files to read.

Folders are walked recursively in name order, so a run over the same tree
always reads the same files in the same order.  Hidden files and folders
(leading dot) and the litter that operating systems and editors leave
behind are skipped; symbolic links to folders are not followed (no loops).
A file named explicitly is always yielded, whatever its name.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from ..records import ReadError
from .failures import failure

STDIN = "-"
_LITTER_FILES = frozenset({"thumbs.db", "desktop.ini", "icon\r"})
_LITTER_DIRS = frozenset({"__macosx", "__pycache__"})


def iter_files(paths: Iterable[str]) -> Iterator[str | ReadError]:
    """Yield each file path to read ("-" for stdin), or E101 for a missing path."""
    for path in paths:
        if path == STDIN:
            yield STDIN
        elif not os.path.lexists(path):
            yield failure(path, "E101", "path does not exist")
        elif os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _walk(folder: str) -> Iterator[str | ReadError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield failure(folder, "E110", f"cannot list folder: {error.strerror or error}")
        return
    for entry in entries:
        name = entry.name.lower()
        if name.startswith(".") or name.endswith("~"):
            continue
        if entry.is_dir(follow_symlinks=False):
            if name not in _LITTER_DIRS:
                yield from _walk(entry.path)
        elif name not in _LITTER_FILES and not entry.is_dir():
            yield entry.path
