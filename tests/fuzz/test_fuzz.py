"""Fuzzing: hostile and random text through the stages that read it, checked for no crash and the
same output twice.  Inputs mix pieces of news (dates, weekdays, quotes of every kind, reporting
verbs, country names) with what crawls bring (control characters, bidi overrides, NUL, odd
quote marks, giant tokens, impossible dates).

Profiles: "ci" (the default in ``make test``: a few hundred inputs per stage, fixed seed so a
run is repeatable) and "long" (``HYPOTHESIS_PROFILE=long``, thousands per stage; see
benchmarks/fuzz.py).
"""
from __future__ import annotations

import os
from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.extract.clean import clean
from eventwire.extract.genre import genre
from eventwire.extract.pubdate import infer_published
from eventwire.extract.text import extract_text
from eventwire.read.encoding import decode
from eventwire.read.formats import _read_whole
from eventwire.terminal import CONTROL, inert

settings.register_profile("ci", max_examples=300, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=int(os.environ.get("EVENTWIRE_FUZZ_EXAMPLES", "5000")), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
NLP_SHARE = 4  # the spaCy stages get a quarter of the examples (each costs a parse)

PIECES = [
    "said", " said on Monday", "told reporters", "according to officials", "the minister",
    "President", "Russia", "the United States", "Ukraine's", "Kyiv", "NATO", "rebels",
    "attacked", "met with", "signed an agreement", "imposed sanctions on", "accused",
    "Monday", "last Tuesday", "next week", "yesterday", "in 2019", "on 31 February 2020",
    "March 3, 2024", "2024-13-45", "99999", "0000-00-00", "12/31/1999", "the 1990s", "Q3",
    "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\"", "'", "\u300c",
    "\u300d", "\u2039", "\u203a", "--", "\u2014", "\n", "\n\n", "\t", "\r", "\x00", "\x1b[2J",
    "\x1b]8;;http://x\x07", "\u202e", "\u2066", "\u200f", "\ufeff", "\x85", "\u2028", "\U0001F600",
    "Advertisement", "Related Articles", "Photo: AP", "By Jane Roe", "(Reuters) -", "WASHINGTON —",
    "x" * 3000, "word " * 200, "...", ".", "?", "!", ":", ";", ",", " ",
]
fragments = st.one_of(st.sampled_from(PIECES), st.text(max_size=12))
texts = st.lists(fragments, max_size=50).map("".join)
dates = st.one_of(st.none(), st.sampled_from(["2024-03-05", "1999-12-31", "2020-02-29", "bad", "0001-01-01",
                                               "9999-12-31", ""]))


def _twice(fn, *args, **kwargs):
    first, second = fn(*args, **kwargs), fn(*args, **kwargs)
    assert first == second, "output differs between two runs on the same input"
    return first


@given(texts)
def test_line_cleaner(text):
    got = _twice(clean, text)
    assert all(isinstance(p, str) and p.strip() for p in got.paragraphs)


@given(texts, dates)
def test_publication_date_inference(text, given_date):
    got = _twice(infer_published, text, given_date=given_date, title=text[:60], head=text[:400])
    if got.value is not None:
        assert len(got.value) == 10 and got.value[4] == "-"


@given(texts, dates)
def test_text_extraction_and_genre(text, given_date):
    got = _twice(extract_text, text, given_date=given_date)
    _twice(genre, got.title, got.body)


@given(st.binary(max_size=3000))
def test_decoding_and_reading_whole_inputs(data):
    _twice(lambda d: list(_read_whole(d, "fuzz", None)), data)
    try:
        _twice(decode, data)
    except Exception as exc:  # only the numbered refusal is allowed
        assert getattr(exc, "code", None) == "E105", exc


@given(texts)
def test_terminal_text_is_inert_and_keeps_its_length(text):
    shown = inert(text)
    assert len(shown) == len(text) and not CONTROL.search(shown)


@pytest.fixture(scope="module")
def model():
    from eventwire.nlp.pipeline import load_model
    return load_model()


@settings(max_examples=max(settings().max_examples // NLP_SHARE, 25))
@given(texts, dates)
def test_quotes_times_and_coder(model, text, published):
    from eventwire.events import code_doc
    from eventwire.nlp.quotes import find_quotes
    from eventwire.nlp.times import find_times

    doc = model(text)
    quotes = _twice(find_quotes, doc)
    times = _twice(find_times, doc, published)
    events = _twice(lambda: [asdict(e) for e in code_doc(doc, date=published, times=times, actorless=True)])
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
    for t in times:
        assert 0 <= t.start <= t.end <= len(text)
    for e in events:
        assert 0 <= e["sentence_start"] <= e["sentence_end"] <= len(text)
