"""Finding time expressions in a parsed article.

Two sources of candidates, merged without overlaps:

1. the regular grammar of ``times_patterns`` run over the whole body (it
   catches what the small spaCy model misses: "said Monday", "28-29 June",
   "1630 GMT");
2. spaCy DATE and TIME entities that no pattern candidate overlaps.  The
   grammar is run again inside each such entity with its context checks
   relaxed (spaCy's label is evidence that a bare "2014" or "March" is a
   date); an entity the grammar cannot read becomes an ``entity``
   candidate, kept only if it contains a time word or a month or weekday
   name, or is a numeric date (so "daily", "the age of 20" and bare numbers
   the grammar rejected are dropped).

Pattern candidates are chosen longest first.  Two adjacent day-level (or
month-level) candidates joined by "-", "to", "through", "until" (or "and"
after "between") become one ``range`` candidate, swallowing a leading
"from"/"between".
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from eventwire.nlp.times_lexicon import MONTH_ABBREVIATIONS, MONTHS, TIME_WORDS, WEEKDAYS
from eventwire.nlp.times_patterns import PATTERNS, Candidate, Context

_DAY_FORMS = frozenset({"date", "month_day", "weekday"})
_MONTH_FORMS = frozenset({"month"})
_JOINER = re.compile(r"\s*(?:[-–—]|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_LEADER = re.compile(r"(?:from|between)\s+$", re.IGNORECASE)
_NAMES = frozenset(MONTHS) | frozenset(MONTH_ABBREVIATIONS) | frozenset(WEEKDAYS)


def _scan(ctx: Context, start: int, end: int) -> list[Candidate]:
    found: list[Candidate] = []
    for pattern in PATTERNS:
        for m in pattern.regex.finditer(ctx.text, start, end):
            candidate = pattern.build(m, ctx)
            if candidate is not None:
                found.append(candidate)
    return found


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _longest_first(candidates: list[Candidate], taken: list[Candidate]) -> list[Candidate]:
    """Add candidates to ``taken``, longest first, skipping any that overlap."""
    chosen = list(taken)
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if not any(_overlaps(candidate, other) for other in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def _joinable(text: str, first: Candidate, second: Candidate) -> bool:
    same_level = (first.form in _DAY_FORMS and second.form in _DAY_FORMS) or (
        first.form in _MONTH_FORMS and second.form in _MONTH_FORMS
    )
    if not same_level:
        return False
    between = text[first.end:second.start]
    if not _JOINER.fullmatch(between):
        return False
    if "and" in between.lower():
        return bool(re.search(r"between\s+$", text[max(0, first.start - 10):first.start], re.IGNORECASE))
    return True


def _join_ranges(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Merge "A to B", "from A to B", "between A and B" into range candidates."""
    joined: list[Candidate] = []
    i = 0
    while i < len(candidates):
        first = candidates[i]
        second = candidates[i + 1] if i + 1 < len(candidates) else None
        if second is not None and _joinable(text, first, second):
            start = first.start
            leader = _LEADER.search(text[max(0, start - 10):start])
            if leader:
                start -= len(leader.group())
            joined.append(Candidate(start, second.end, "range", {"first": first, "second": second}))
            i += 2
            continue
        joined.append(first)
        i += 1
    return joined


def _entity_candidates(doc: Doc, text: str, taken: list[Candidate]) -> list[Candidate]:
    """spaCy DATE/TIME entities the patterns did not cover."""
    relaxed = Context(doc, text, relaxed=True)
    found: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        end = ent[-1].idx if ent[-1].tag_ == "POS" else ent.end_char
        probe = Candidate(ent.start_char, end, "entity")
        if end <= ent.start_char or any(_overlaps(probe, other) for other in taken):
            continue
        inner = _scan(relaxed, ent.start_char, end)
        if inner:
            found.extend(c for c in inner if not any(_overlaps(c, o) for o in taken))
            continue
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", text[ent.start_char:end])}
        numeric_date = not words and re.search(r"\d[-/.]\d", text[ent.start_char:end])
        if numeric_date or words & (TIME_WORDS | _NAMES):
            found.append(Candidate(ent.start_char, end, "entity", {"label": ent.label_}))
    return found


def recognise(doc: Doc, text: str) -> list[Candidate]:
    """All time-expression candidates of a parsed document, in text order, not overlapping.

    ``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access.
    """
    if not text.strip():
        return []
    chosen = _longest_first(_scan(Context(doc, text, relaxed=False), 0, len(text)), [])
    chosen = _join_ranges(text, chosen)
    return _longest_first(_entity_candidates(doc, text, chosen), chosen)
