"""Sentence breaks set before the parser (eventwire.nlp.breaks)."""
from __future__ import annotations

from eventwire.nlp.breaks import break_offsets


def test_break_offsets_after_blank_lines_and_datelines():
    text = "Storm hits coast: 'worst in years'\n\nLISBON, Jan 4 (Wirewatch) -- Rain fell."
    ends = break_offsets(text)
    assert text[ends[0]:].startswith("LISBON")
    assert text[ends[1]:].startswith("Rain")
    assert break_offsets("One line only.") == []


def test_the_parser_keeps_the_breaks(nlp):
    doc = nlp("Storm hits coast: 'worst in years'\n\nLISBON, Jan 4 (Wirewatch) -- Officials closed the port.")
    sents = [s.text for s in doc.sents]
    assert sents[0].strip() == "Storm hits coast: 'worst in years'"
    assert sents[-1] == "Officials closed the port."
    assert not any("LISBON" in s and "Officials" in s for s in sents)
    # offsets are untouched
    assert doc.text.endswith("closed the port.")
