"""The regular grammar of English time expressions.

Each ``Pattern`` pairs a regular expression with a builder that checks a
match in context and turns it into a ``Candidate``: a span of the body, a
*form* (what kind of expression it is) and the parts the resolver needs
(``info``).  Builders return None to reject a match, e.g. a 4-digit number
that counts things rather than naming a year, or "may" the verb.

Forms and their ``info``:

- ``date``: year, month, day (explicit calendar date, any written order);
- ``month_day``: month, day (no year);
- ``day_range``: month, day, day2, year? ("June 25-26", "28-29 June");
- ``month``: month, year?, mod? ("in April", "early June", "last March");
- ``year``, ``year_range``, ``decade``;
- ``weekday``: weekday, mod? (next/last/this/coming), part? (morning...);
- ``weekend``: mod? ("over the weekend", "this weekend");
- ``relative_day``: offset in days ("yesterday", "last night");
- ``relative_unit``: unit, offset, edge? ("last week", "earlier this month");
- ``ago``: n?, unit ("two days ago"); ``later``: "two days later";
- ``ahead``: n?, unit, sure ("in two weeks", "three days from now");
- ``duration``: n?, n2?, unit, hedge? ("three years", "five to seven years");
- ``clock``: hour, minute, zone? ("9:15 p.m.", "1815 GMT").

Matching is case-insensitive; case is then checked where it matters
(lower-case "may" is never a month, abbreviations must be capitalised).
A preposition is kept in the span when it belongs to the expression
("on Friday", "in April", "at 7 p.m.", "over the weekend", "from ... to").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Doc

from eventwire.nlp.times_lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_NOUNS,
    NUMBER_WORDS,
    TIME_ZONES,
    VAGUE_QUANTITIES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_EVENT_WORDS,
    WEEKDAYS,
)


@dataclass
class Candidate:
    """A recognised time expression before resolution."""

    start: int
    end: int
    form: str
    info: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What a builder may consult besides its match."""

    doc: Doc
    text: str  # doc.text, computed once (spaCy rebuilds it on every access)
    relaxed: bool  # inside a spaCy DATE/TIME entity: context checks relaxed


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH = rf"(?:{_alternation(MONTHS)}|(?:{_alternation(MONTH_ABBREVIATIONS)})\b\.?)"
_WEEKDAY = rf"(?:{_alternation(WEEKDAYS)})"
_WEEKDAY_PREFIX = rf"(?:(?P<wd>{_WEEKDAY}|(?:{_alternation(WEEKDAY_ABBREVIATIONS)})\.)\s*,?\s+)?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?<![\d.,$£€#/-])(?:1[5-9]\d\d|2[01]\d\d)(?![\w]|,\d|\.\d)"
_RANGE_SEP = r"(?:\s*[-–—]\s*|\s+(?:to|through|thru|until|till|and)\s+)"
_ON = r"(?:(?P<prep>on|from|between)\s+)?"
_NUM = (
    r"(?:\d+(?:\.5)?|" + "|".join(re.escape(q) for q in VAGUE_QUANTITIES) + "|"
    + r"(?:twenty|thirty|forty|fifty|sixty)-(?:one|two|three|four|five|six|seven|eight|nine)|"
    + _alternation(NUMBER_WORDS) + r")"
)
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
_ZONE = (
    rf"(?-i:(?:{_alternation(TIME_ZONES)})(?:\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?"
    rf"(?:\s*/\s*(?:{_alternation(TIME_ZONES)}))?)\b|local\s+time"
)
_AMPM = r"(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)"

# Prepositions kept in a span; the others (since, until, by, ...) mark a
# boundary, not the time itself, and stay outside.  "from" and "between"
# belong to ranges only.
KEPT_PREPOSITIONS = frozenset("on in at over during".split())
RANGE_PREPOSITIONS = KEPT_PREPOSITIONS | {"from", "between"}


def month_number(word: str) -> int | None:
    """Month number of a month name as written, or None when the case is wrong.

    Lower-case "may" is the verb; abbreviations must be capitalised.
    """
    key = word.rstrip(".").lower()
    if key in MONTHS:
        return None if word == "may" else MONTHS[key]
    if key in MONTH_ABBREVIATIONS and word[0].isupper():
        return MONTH_ABBREVIATIONS[key]
    return None


def weekday_number(word: str) -> int:
    key = word.rstrip(".").lower()
    return WEEKDAYS[key] if key in WEEKDAYS else WEEKDAY_ABBREVIATIONS[key]


def number_value(text: str) -> int | float | None:
    """A quantity as written ("3", "three", "twenty-five", "2.5"); None if vague."""
    text = text.lower().strip()
    if text in VAGUE_QUANTITIES:
        return None
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.5", text):
        return float(text)
    if "-" in text:
        tens, ones = text.split("-", 1)
        return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    return NUMBER_WORDS.get(text)


def unit_name(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") else word


def day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _span_start(m: re.Match, *groups: str, kept: frozenset[str] = KEPT_PREPOSITIONS) -> int:
    """Start of the span: a kept preposition if there is one, else the first group found."""
    found = m.groupdict()
    prep = found.get("prep")
    if prep and prep.lower() in kept:
        return m.start("prep")
    for name in groups:
        if found.get(name) is not None:
            return m.start(name)
    return m.start()


def _prep(m: re.Match) -> str | None:
    prep = m.groupdict().get("prep")
    return prep.lower() if prep else None


def _word_before(text: str, index: int) -> str:
    found = re.search(r"([\w.]+)\W*$", text[max(0, index - 30):index])
    return found.group(1) if found else ""


def _word_after(text: str, index: int) -> str:
    found = re.match(r"\W*?([\w']+)", text[index:index + 30])
    return found.group(1) if found else ""


# --------------------------------------------------------------------- builders


def _explicit_date(year: int, month: int, day: int, m: re.Match, start: int) -> Candidate | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Candidate(start, m.end(), "date", {"year": year, "month": month, "day": day})


def _iso(m: re.Match, ctx: Context) -> Candidate | None:
    return _explicit_date(int(m["year"]), int(m["month"]), int(m["day"]), m, m.start())


def _slashed(m: re.Match, ctx: Context) -> Candidate | None:
    """11/11/2017 is read month first (US order) unless the first number exceeds 12."""
    first, second, year = int(m["a"]), int(m["b"]), m["y"]
    full_year = int(year) if len(year) == 4 else 2000 + int(year) if int(year) < 69 else 1900 + int(year)
    month, day = (second, first) if first > 12 else (first, second)
    return _explicit_date(full_year, month, day, m, m.start())


def _dotted(m: re.Match, ctx: Context) -> Candidate | None:
    """11.03.2017: dotted dates are European, day first."""
    return _explicit_date(int(m["y"]), int(m["b"]), int(m["a"]), m, m.start())


def _year_month_day(m: re.Match, ctx: Context) -> Candidate | None:
    return _explicit_date(int(m["y"]), int(m["b"]), int(m["c"]), m, m.start())


def _written_date(m: re.Match, ctx: Context) -> Candidate | None:
    month = month_number(m["month"])
    if month is None:
        return None
    first = "day" if m.start("day") < m.start("month") else "month"
    return _explicit_date(int(m["year"]), month, day_number(m["day"]), m, _span_start(m, "wd", first))


def _month_day(m: re.Match, ctx: Context) -> Candidate | None:
    month = month_number(m["month"])
    day_first = m.start("day") < m.start("month")
    if month is None or (day_first and m["month"] == "march"):  # "10 march" is a count of marches
        return None
    info = {"month": month, "day": day_number(m["day"])}
    if m["wd"]:
        info["weekday"] = weekday_number(m["wd"])
    return Candidate(_span_start(m, "wd", "day" if day_first else "month"), m.end(), "month_day", info)


def _day_range(m: re.Match, ctx: Context) -> Candidate | None:
    month = month_number(m["month"])
    if month is None:
        return None
    sep = m["sep"].strip().lower()
    if sep == "and" and _prep(m) != "between":
        return None
    day, day2 = day_number(m["day"]), day_number(m["day2"])
    if day2 <= day:
        return None
    info = {"month": month, "day": day, "day2": day2, "year": int(m["year"]) if m["year"] else None}
    start = _span_start(m, "month", "day", kept=RANGE_PREPOSITIONS)
    return Candidate(start, m.end(), "day_range", info)


_MONTH_MODIFIERS = {
    "next": "next", "coming": "next", "last": "last", "this": "this",
    "early": "early", "late": "late", "mid": "mid", "mid-": "mid",
    "the end of": "end", "the beginning of": "start", "the start of": "start",
    "the middle of": "mid", "end-": "end",
}
# Words after a lower-case "march" that make it the verb or the noun.
_MARCH_FOLLOWERS = frozenset("on to against through toward towards for from in of past into across along with".split())


def _month(m: re.Match, ctx: Context) -> Candidate | None:
    word = m["month"]
    month = month_number(word)
    if month is None:
        return None
    year = int(m["year"]) if m["year"] else None
    mod = re.sub(r"\s+", " ", m["mod"].lower()) if m["mod"] else None
    has_context = bool(_prep(m) or mod or year)
    if not has_context and not ctx.relaxed:
        return None
    if word[0].islower():
        after = _word_after(ctx.text, m.end()).lower()
        if not (_prep(m) or mod) or after in _MARCH_FOLLOWERS:
            return None
    if word.rstrip(".").lower() in MONTH_ABBREVIATIONS and not word.endswith(".") and not year:
        return None
    start = _span_start(m, "mod", "month")
    return Candidate(start, m.end(), "month", {"month": month, "year": year, "mod": _MONTH_MODIFIERS.get(mod or "")})


def _month_range(m: re.Match, ctx: Context) -> Candidate | None:
    """"April to June", "between March and May 2019": a range of two months."""
    first, second = month_number(m["month"]), month_number(m["month2"])
    if first is None or second is None or first == second:
        return None
    if m["sep"].strip().lower() == "and" and _prep(m) != "between":
        return None
    year = int(m["year"]) if m["year"] else None
    a = Candidate(m.start("month"), m.end("month"), "month", {"month": first, "year": None, "mod": None})
    b = Candidate(m.start("month2"), m.end(), "month", {"month": second, "year": year, "mod": None})
    start = _span_start(m, "month", kept=RANGE_PREPOSITIONS)
    return Candidate(start, m.end(), "range", {"first": a, "second": b})


def _year_in_context(ctx: Context, start: int, end: int, has_prep: bool) -> bool:
    """Is the 4-digit number at start..end a year?

    Rejected: after a currency sign or a reference noun ("Resolution 2231",
    "flight 1549"), or counting a plural noun ("2014 troops").  Accepted:
    after a preposition, inside a spaCy DATE entity, or as a modifier of a
    singular noun or a possessive ("the 2020 election", "Russia's 2014
    annexation").
    """
    before = _word_before(ctx.text, start).lower()
    if before in NUMBER_NOUNS:
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    if token.dep_ == "nummod" and token.head.tag_ == "NNS" and token.head.i > token.i:
        return False
    if has_prep or ctx.relaxed or token.ent_type_ == "DATE":
        return True
    modifies_singular = token.head.tag_ in ("NN", "NNP") and token.head.i > token.i
    if token.dep_ in ("nummod", "compound", "amod", "nmod") and modifies_singular:
        return True
    following = ctx.doc[token.i + 1] if token.i + 1 < len(ctx.doc) else None
    return following is not None and following.tag_ == "POS"


def _year(m: re.Match, ctx: Context) -> Candidate | None:
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"\s*(?:%|percent|per\s*cent|GMT|UTC|hrs|hours\b)", after, re.I):
        return None
    if not _year_in_context(ctx, m.start("year"), m.end("year"), bool(_prep(m))):
        return None
    start = _span_start(m, "mod", "year")
    mod = m["mod"].lower().rstrip("-") if m["mod"] else None
    return Candidate(start, m.end(), "year", {"year": int(m["year"]), "mod": mod})


def _year_range(m: re.Match, ctx: Context) -> Candidate | None:
    first, second = int(m["year"]), m["year2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    sep = m["sep"].strip().lower()
    if last <= first or (sep == "and" and _prep(m) != "between"):
        return None
    start = _span_start(m, "year", kept=RANGE_PREPOSITIONS)
    return Candidate(start, m.end(), "year_range", {"year": first, "year2": last})


def _decade(m: re.Match, ctx: Context) -> Candidate | None:
    return Candidate(_span_start(m, "the", "decade"), m.end(), "decade", {"year": int(m["decade"])})


def _weekday(m: re.Match, ctx: Context) -> Candidate | None:
    before = _word_before(ctx.text, m.start("wd"))
    if before[:1].isupper() and before.lower() in WEEKDAY_EVENT_WORDS and not m["mod"]:
        return None
    mod = re.sub(r"\s+", " ", m["mod"].lower()) if m["mod"] else None
    info = {"weekday": weekday_number(m["wd"]), "mod": mod, "part": (m["part"] or "").lower() or None}
    return Candidate(_span_start(m, "mod", "wd"), m.end(), "weekday", info)


_RELATIVE_DAYS = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
    "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1, "this morning": 0,
    "this afternoon": 0, "this evening": 0,
}


def _relative_day(m: re.Match, ctx: Context) -> Candidate | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    info = {"offset": _RELATIVE_DAYS[word], "word": word}
    return Candidate(_span_start(m, "word"), m.end(), "relative_day", info)


_UNIT_OFFSETS = {"this": 0, "current": 0, "last": -1, "next": 1, "coming": 1}


def _relative_unit(m: re.Match, ctx: Context) -> Candidate | None:
    """"last week", "earlier this month"; "the past year" is a duration; "the
    previous/following year" counts from a time the text names (offset None)."""
    mod, unit = m["mod"].lower(), m["unit"].lower()
    if mod == "past":
        info = {"n": 1, "n2": None, "unit": unit, "hedge": "the past"}
        return Candidate(_span_start(m, "the", "mod"), m.end(), "duration", info)
    info = {"unit": unit, "mod": mod, "edge": (m["edge"] or "").lower() or None, "offset": _UNIT_OFFSETS.get(mod)}
    return Candidate(_span_start(m, "edge", "the", "mod"), m.end(), "relative_unit", info)


def _weekend(m: re.Match, ctx: Context) -> Candidate | None:
    mod = re.sub(r"\s+", " ", m["mod"].lower()) if m["mod"] else None
    return Candidate(_span_start(m, "mod"), m.end(), "weekend", {"mod": mod})


def _ago(m: re.Match, ctx: Context) -> Candidate | None:
    info = {"n": number_value(m["num"]), "unit": unit_name(m["unit"])}
    form = "ago" if m["dir"].lower() == "ago" else "later"
    return Candidate(m.start(), m.end(), form, info)


def _ahead(m: re.Match, ctx: Context) -> Candidate | None:
    sure = bool(m["sure"])
    info = {"n": number_value(m["num"]), "unit": unit_name(m["unit"]), "sure": sure}
    return Candidate(m.start(), m.end(), "ahead", info)


def _duration(m: re.Match, ctx: Context) -> Candidate | None:
    hedge = re.sub(r"\s+", " ", m["hedge"].strip().lower()) if m["hedge"] else None
    if m["num"].lower() in ("a", "an", "some", "many") and not hedge:
        return None
    n2 = number_value(m["num2"]) if m["num2"] else None
    info = {"n": number_value(m["num"]), "n2": n2, "unit": unit_name(m["unit"]), "hedge": hedge}
    if m["num2"] and n2 is None:
        return None
    return Candidate(m.start(), m.end(), "duration", info)


def _clock(m: re.Match, ctx: Context) -> Candidate | None:
    groups = m.groupdict()
    if groups.get("word"):
        hour, minute = (0, 0) if groups["word"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        ampm = (groups.get("ampm") or "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    info = {"hour": hour, "minute": minute, "zone": (groups.get("zone") or "").strip() or None}
    return Candidate(_span_start(m, "h", "word"), m.end(), "clock", info)


# --------------------------------------------------------------------- patterns

Builder = Callable[[re.Match, Context], "Candidate | None"]


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern
    build: Builder


def _p(name: str, regex: str, build: Builder) -> Pattern:
    return Pattern(name, re.compile(r"(?<![\w])" + regex, re.IGNORECASE), build)


_TIME_PREP = r"(?:(?P<prep>at|by|from|until|till|around|about|before|after)\s+)?"

PATTERNS: tuple[Pattern, ...] = (
    _p("iso", r"(?P<year>(?:1[5-9]|2[01])\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])", _iso),
    _p("slashed", r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", _slashed),
    _p("dotted", r"(?<![\d.])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>(?:1[5-9]|2[01])\d\d)(?![\d.])", _dotted),
    _p("ymd", r"(?P<y>(?:1[5-9]|2[01])\d\d)/(?P<b>\d{1,2})/(?P<c>\d{1,2})(?![\d/])", _year_month_day),
    _p("mdy", rf"{_ON}{_WEEKDAY_PREFIX}(?P<month>{_MONTH})\s*(?P<day>{_DAY})(?:\s*,\s*|\s+)(?P<year>{_YEAR})", _written_date),
    _p("dmy", rf"{_ON}{_WEEKDAY_PREFIX}(?:the\s+)?(?P<day>{_DAY})(?:\s+of)?\s+(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})", _written_date),
    _p("md_range", rf"{_ON}(?P<month>{_MONTH})\s*(?P<day>{_DAY})(?P<sep>{_RANGE_SEP})(?P<day2>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?", _day_range),
    _p("dm_range", rf"{_ON}(?:the\s+)?(?P<day>{_DAY})(?P<sep>{_RANGE_SEP})(?P<day2>{_DAY})(?:\s+of)?\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?", _day_range),
    _p("md", rf"{_ON}{_WEEKDAY_PREFIX}(?P<month>{_MONTH})\s*(?P<day>{_DAY})(?!,\d|\d)", _month_day),
    _p("dm", rf"{_ON}{_WEEKDAY_PREFIX}(?:the\s+)?(?P<day>{_DAY})(?:\s+of)?\s+(?P<month>{_MONTH})(?!\w)", _month_day),
    _p(
        "month",
        r"(?:(?P<prep>in|since|until|till|by|during|through|before|after|from|of)\s+)?"
        r"(?:(?P<mod>next|last|this|coming|early|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|mid-?|end-)\s*)?"
        rf"(?P<month>{_MONTH})(?!\w)(?:,?\s+(?:of\s+)?(?P<year>{_YEAR}))?",
        _month,
    ),
    _p(
        "month_range",
        rf"(?:(?P<prep>from|between|in|during)\s+)?(?P<month>{_MONTH})(?P<sep>{_RANGE_SEP})(?P<month2>{_MONTH})(?!\w)"
        rf"(?:,?\s+(?P<year>{_YEAR}))?",
        _month_range,
    ),
    _p(
        "decade",
        r"(?:(?P<prep>in|during)\s+)?(?P<the>the\s+)?(?:(?P<mod>early|mid|late)[\s-]*)?(?P<decade>1[5-9]\d0|2[01]\d0)'?s\b",
        _decade,
    ),
    _p(
        "year_range",
        rf"(?:(?P<prep>from|between|in|during)\s+)?(?P<year>{_YEAR})(?P<sep>{_RANGE_SEP})(?P<year2>(?:1[5-9]|2[01])\d\d|\d\d)(?![\d])",
        _year_range,
    ),
    _p(
        "year",
        r"(?:(?P<prep>in|since|until|till|by|during|through|before|after|from|of|between|to|around|circa|for)\s+)?"
        rf"(?:(?P<mod>early|late|mid-?)\s*)?(?P<year>{_YEAR})",
        _year,
    ),
    _p(
        "weekday",
        r"(?:(?P<prep>on)\s+)?(?:(?P<mod>next|last|this\s+coming|this|coming)\s+)?"
        rf"(?P<wd>{_WEEKDAY})(?:\s+(?P<part>morning|afternoon|evening|night))?(?!\w)",
        _weekday,
    ),
    _p(
        "relative_day",
        r"(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow"
        r"|last\s+night|this\s+morning|this\s+afternoon|this\s+evening)(?!\w)",
        _relative_day,
    ),
    _p(
        "relative_unit",
        r"(?:(?P<edge>earlier|later)\s+)?(?:(?P<the>the)\s+)?"
        r"(?P<mod>this|current|last|previous|next|coming|past|following)\s+(?P<unit>week|month|year)(?!\w)",
        _relative_unit,
    ),
    _p(
        "weekend",
        r"(?:(?P<prep>over|during|at|on)\s+)?(?P<mod>the\s+past|the\s+coming|the\s+last|the|this|last|next)\s+weekend(?!\w)",
        _weekend,
    ),
    _p("ago", rf"(?P<num>{_NUM})\s+(?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|later)(?!\w)", _ago),
    _p("ahead_in", rf"in\s+(?P<num>{_NUM})\s+(?P<unit>{_UNIT})(?P<sure>(?:'s|’s|')?\s+time)?(?!\w)", _ahead),
    _p("ahead_from_now", rf"(?P<num>{_NUM})\s+(?P<unit>{_UNIT})\s+(?P<sure>from\s+now)(?!\w)", _ahead),
    _p(
        "duration",
        r"(?P<hedge>(?:(?:for|over|during|within|about|nearly|almost|some|around|roughly|approximately|more\s+than"
        r"|less\s+than|at\s+least|up\s+to|the\s+past|the\s+last|the\s+next|the\s+first|the\s+previous)\s+)+)?"
        rf"(?P<num>{_NUM})(?:\s*(?:-|–|to|or)\s*(?P<num2>{_NUM}))?[\s-]+(?P<unit>{_UNIT})(?!\w)",
        _duration,
    ),
    _p("clock_ampm", rf"{_TIME_PREP}(?P<h>\d{{1,2}})(?:(?P<sep>[:.])(?P<m>[0-5]\d))?\s*(?P<ampm>{_AMPM})(?:\s*(?P<zone>{_ZONE}))?", _clock),
    _p("clock_24", rf"{_TIME_PREP}(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?P<sep>:)(?P<m>[0-5]\d)(?![\d:])(?:\s*(?P<zone>{_ZONE}))?", _clock),
    _p("clock_dotted", rf"{_TIME_PREP}(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?P<sep>\.)(?P<m>[0-5]\d)\s*(?P<zone>{_ZONE})", _clock),
    _p("clock_military", rf"{_TIME_PREP}(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?P<zone>{_ZONE}|hrs\b)", _clock),
    _p("clock_word", rf"{_TIME_PREP}(?P<word>noon|midnight|midday)(?!\w)", _clock),
)
