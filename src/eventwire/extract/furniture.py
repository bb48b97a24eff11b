"""Corpus-level furniture: short lines that one outlet repeats across its articles.

A line that appears verbatim (after normalisation) in many documents of the
same group (an outlet, a URL domain or a parent folder) is page furniture
of that group even when no phrase list knows it: a newsletter plug, a
copyright notice, a masthead.  ``FurnitureModel`` counts, per group, in how
many documents each normalised short line occurs; ``lines(group)`` gives
those seen in at least ``max(MIN_DOCS, MIN_SHARE * documents)`` documents.

Normalisation folds case and Unicode forms, collapses spaces, trims
punctuation at both ends and replaces digit runs by "#", so "© 2019 X" and
"© 2020 X" count as one line.

Persistence is two tables: (group, line, doc_count) rows and (group,
documents) totals; ``to_rows`` can limit both to the groups a run touched.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

MAX_LINE_CHARS = 200
MIN_DOCS = 3
MIN_SHARE = 0.3

_DIGITS = re.compile(r"\d+")
# A full sentence of prose (several words, sentence-final punctuation) is content even when an
# outlet repeats it (a background paragraph reused across a series): never counted as furniture.
_PROSE = re.compile(r"^(?:\S+\s+){7,}\S*[.!?][\"'”’)]*\s*$")
_SPACE = re.compile(r"\s+")
_EDGE = " \t-–—|•·*:;,.!?\"'“”‘’()[]{}<>«»"


def normalise_line(s: str) -> str:
    """The comparison form of a line: NFKC, case-folded, digits as '#', spaces collapsed, ends trimmed."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = _DIGITS.sub("#", s)
    return _SPACE.sub(" ", s).strip(_EDGE)


class FurnitureModel:
    """Per-group document counts of normalised short lines.

    Only lines already seen in ``MIN_DOCS`` documents can qualify, so they
    are tracked apart and ``lines`` stays cheap when called per document.
    """

    def __init__(self) -> None:
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)
        self._docs: Counter[str] = Counter()
        self._frequent: dict[str, set[str]] = defaultdict(set)
        self._dirty: set[tuple[str, str]] = set()  # counts changed since the last take_changes()
        self._dirty_groups: set[str] = set()

    def add(self, group: str, text: str) -> None:
        """Count one document of ``group``: each distinct short line once."""
        seen = {
            normalise_line(line) for line in text.splitlines()
            if 0 < len(line.strip()) < MAX_LINE_CHARS and not _PROSE.match(line.strip())
        }
        seen.discard("")
        self._docs[group] += 1
        self._dirty_groups.add(group)
        counts = self._counts[group]
        for line in seen:
            counts[line] += 1
            self._dirty.add((group, line))
            if counts[line] == MIN_DOCS:
                self._frequent[group].add(line)

    def documents(self, group: str) -> int:
        return self._docs[group]

    def lines(self, group: str) -> frozenset[str]:
        """Normalised lines seen in at least max(MIN_DOCS, MIN_SHARE of the group's documents) documents."""
        need = max(MIN_DOCS, math.ceil(MIN_SHARE * self._docs[group]))
        counts = self._counts.get(group, Counter())
        return frozenset(line for line in self._frequent.get(group, ()) if counts[line] >= need)

    def to_rows(
        self, groups: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, str, int]], list[tuple[str, int]]]:
        """(group, line, doc_count) rows and (group, documents) totals, for all or the given groups."""
        chosen = sorted(self._docs if groups is None else set(groups) & set(self._docs))
        lines = [(g, line, n) for g in chosen for line, n in sorted(self._counts[g].items())]
        return lines, [(g, self._docs[g]) for g in chosen]

    def take_changes(self) -> tuple[list[tuple[str, str, int]], list[tuple[str, int]]]:
        """Like ``to_rows`` but only what changed since the last call (for incremental saving)."""
        dirty, self._dirty = self._dirty, set()
        groups, self._dirty_groups = self._dirty_groups, set()
        lines = sorted((g, line, self._counts[g][line]) for g, line in dirty)
        return lines, [(g, self._docs[g]) for g in sorted(groups)]

    @classmethod
    def from_rows(
        cls, lines: Iterable[tuple[str, str, int]], groups: Iterable[tuple[str, int]] = ()
    ) -> FurnitureModel:
        """Rebuild a model from ``to_rows`` output."""
        model = cls()
        for group, line, n in lines:
            model._counts[group][line] = n
            if n >= MIN_DOCS:
                model._frequent[group].add(line)
        for group, n in groups:
            model._docs[group] = n
        return model
