"""Time expressions in an article, normalised against its publication date.

``find_times(doc, published)`` takes a spaCy ``Doc`` of an article body and
the publication date (ISO YYYY-MM-DD, or None) and returns one ``TimeExpr``
per expression, in text order, with offsets into the body.

The work is split into small modules, each documenting its own rules:

- ``times_recognise`` (+ ``times_patterns``, ``times_lexicon``): candidates
  from a regular grammar and from spaCy DATE/TIME entities, merged without
  overlaps, ranges joined ("from May 3 to May 5");
- ``times_tense``: the tense of the clause governing each expression, read
  from the dependency parse (past / future / future-in-past / present /
  unknown), after cues right before it ("said Monday", "since", "later");
- ``times_resolve`` (+ ``times_calendar``): values from form, tense and
  reference date.  Summary of the rules:

  * full dates -> that date ("11/11/2017" is read in US order, month first,
    unless the first number exceeds 12; dotted dates are day first);
  * month-day without year -> the year putting it nearest publication on
    the side the tense gives: past -> on or before, unless that lies over
    ~6 months back and the next one is nearer ("were getting ready
    for an August 3 vote" written in July); future -> on or after; present, "would"
    and no verb -> simply the nearest;
  * weekdays -> past tense: the latest such day on or before publication
    (the same day counts: "said Monday" published on a Monday); future:
    the first one after publication; present ("meetings start Wednesday",
    "later on Monday"): today or the next one; "would": the nearest; no
    verb: past; "next/last/this Wednesday": the Wednesday of next/last/this
    week (Monday-Sunday weeks: "Next Wednesday" published Friday 2021-06-11
    is 2021-06-16);
  * months -> past: the latest such month up to the current one; future:
    the first from the current one on (so "in June" published in June is
    that June either way);
  * years, year ranges and decades -> themselves (a 4-digit number is a
    year only after a preposition, as a modifier of a singular noun or
    possessive, or inside a spaCy DATE entity; never "2,014 troops",
    "2014 troops" or "Resolution 2231");
  * relative words ("yesterday", "last week" -> an ISO week, "next month",
    "two days ago", "earlier this week", "this year") -> offsets from
    publication; "the weekend" -> a Saturday/Sunday interval;
  * durations -> ISO 8601 durations ("three years" -> "P3Y"), None for
    ranges of lengths and vague quantities;
  * times of day -> the date and time ("2018-06-27T19:30", "...T16:30Z")
    when a day-level date in the same sentence (else, outside a past-tense
    clause, the publication day) gives the day; otherwise None.

- reported speech: in a "would" clause under a verb of saying that has its
  own date ("said on Monday that talks would start on Thursday"), the
  weekday, month-day or month is counted forward from the day of saying;
- ``times_fallback``: dateparser, for spaCy entities the grammar cannot read.

An unparseable publication date is treated as absent: then only
self-contained expressions (explicit dates, months with a year, years,
durations) get values.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from eventwire.nlp import times_fallback
from eventwire.nlp.times_recognise import recognise
from eventwire.nlp.times_patterns import Candidate
from eventwire.nlp.times_resolve import Resolution, direction, resolve, resolve_clock
from eventwire.nlp.times_tense import Tense, read_tense
from eventwire.records import TimeExpr

_ANCHORED_FORMS = frozenset({"weekday", "month_day", "month", "day_range", "range"})
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _publication_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _entity(c: Candidate, text: str, tense: Tense, ref: date | None) -> Resolution:
    """A spaCy entity the grammar could not read: dateparser, or no value."""
    label = c.info["label"]
    lowered = text.lower()
    if label == "TIME" or re.search(r"\b(hour|minute|morning|afternoon|evening|night|noon)", lowered):
        kind = "time"
    elif re.search(r"\b(days|weeks|months|years|decades|few|several)\b", lowered):
        kind = "duration"
    else:
        kind = "relative"
    if times_fallback.worth_parsing(text):
        parsed = times_fallback.parse(text, ref, direction(tense, "entity"))
        if parsed is not None:
            return parsed
    return Resolution(None, kind, f"spaCy {label} entity the grammar cannot resolve")


def _saying_days(candidates, tenses, resolutions) -> dict[int, date]:
    """Token index of a governing verb -> the single day an expression on it names."""
    days: dict[int, date] = {}
    for c, tense, res in zip(candidates, tenses, resolutions):
        if tense.verb is not None and res is not None and res.value and _DAY_VALUE.fullmatch(res.value):
            days.setdefault(tense.verb.i, date.fromisoformat(res.value))
    return days


def _clock_day(doc: Doc, c: Candidate, tense: Tense, candidates, resolutions, ref: date | None) -> tuple[date | None, str]:
    """The day a time of day falls on: a day-level date in its sentence, else publication."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    sentence = span.sent if span is not None and doc.has_annotation("SENT_START") else None
    best: tuple[int, date] | None = None
    for other, res in zip(candidates, resolutions):
        if res is None or not res.value or not _DAY_VALUE.fullmatch(res.value):
            continue
        if sentence is not None and sentence.start_char <= other.start < sentence.end_char:
            distance = min(abs(other.start - c.end), abs(c.start - other.end))
            if best is None or distance < best[0]:
                best = (distance, date.fromisoformat(res.value))
    if best is not None:
        return best[1], "the day named in the same sentence"
    if ref is not None and tense.label != "past":
        return ref, "the publication day (no other day in the sentence, not past tense)"
    return None, ""


def find_times(doc: Doc, published: str | None) -> list[TimeExpr]:
    """Every time expression of ``doc`` with its normalised value (see module doc)."""
    ref = _publication_date(published)
    text = doc.text
    candidates = recognise(doc, text)
    tenses = [read_tense(doc, c.start, c.end) for c in candidates]
    resolutions: list[Resolution | None] = []
    for c, tense in zip(candidates, tenses):
        if c.form == "clock":
            resolutions.append(None)
        elif c.form == "entity":
            try:
                resolutions.append(_entity(c, text[c.start:c.end], tense, ref))
            except (OverflowError, ValueError):  # off the calendar from a junk publication date
                resolutions.append(Resolution(None, "date", "beyond the calendar's range"))
        else:
            resolutions.append(resolve(c, tense, ref))
    saying_days = _saying_days(candidates, tenses, resolutions)
    for i, (c, tense) in enumerate(zip(candidates, tenses)):
        if c.form in _ANCHORED_FORMS and tense.label == "future-in-past" and tense.saying is not None:
            said_on = saying_days.get(tense.saying.i)
            if said_on is not None:
                after = Tense("future", f"{tense.why}, after the saying", tense.verb)
                resolutions[i] = resolve(c, after, said_on, f"the saying on {said_on.isoformat()}")
    for i, (c, tense) in enumerate(zip(candidates, tenses)):
        if c.form == "clock":
            day, day_basis = _clock_day(doc, c, tense, candidates, resolutions, ref)
            resolutions[i] = resolve_clock(c, day, day_basis)
    return [
        TimeExpr(c.start, c.end, text[c.start:c.end], res.value, res.kind, res.basis)
        for c, res in zip(candidates, resolutions)
    ]
