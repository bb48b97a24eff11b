"""Sentence breaks the text shows before the parser sees it: paragraphs and datelines.

* A blank line ends a sentence.  A headline or a caption left without a full stop ("X hits Y:
  'quote'") would otherwise run into the first sentence below it, and the parser would give the
  two one verb.
* A dateline is a sentence of its own.  Wire copy opens a paragraph with where and when it was
  filed ("UNITED NATIONS, Feb 24 (Wirewatch) --", "KYIV (Reuters) -"), with no full stop before
  the first sentence.  Parsed as one sentence, the place often becomes the subject of the first
  verb ("UNITED NATIONS ... announced"), and the event coder names the filing city as the actor.

This step, placed before the parser, marks the first word after each break as a sentence start;
the parser keeps preset boundaries.  Offsets are untouched.

Needs: the tokens.  Adds: ``is_sent_start`` on the first word after a blank line or a dateline.
"""
from __future__ import annotations

import re

from spacy.language import Language

from eventwire.extract.meta import parse_dateline

NAME = "eventwire_breaks"
_LOOK = 200  # characters of a line a dateline can span
_BLANK = re.compile(r"\n[ \t]*\n\s*")


def break_offsets(text: str) -> list[int]:
    """Character offsets where a sentence must begin: after a blank line, after a dateline."""
    out = {m.end() for m in _BLANK.finditer(text) if m.end() < len(text)}
    start = 0
    while start < len(text):
        found = parse_dateline(text[start:start + _LOOK])
        if found is not None and start + found.end < len(text):
            out.add(start + found.end)
        nl = text.find("\n", start)
        if nl == -1:
            break
        start = nl + 1
    return sorted(out)


@Language.component(NAME)
def mark_breaks(doc):
    """Mark the first word after each break as the start of a sentence."""
    ends = break_offsets(doc.text)
    j = 0
    for tok in doc:
        if j == len(ends):
            break
        if tok.is_space:
            continue
        while j < len(ends) and ends[j] <= tok.idx:
            if tok.i > 0:
                tok.is_sent_start = True
            j += 1
    return doc


def add_to(nlp) -> None:
    """Put the step first in ``nlp`` (before the parser), once."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, first=True)
