"""Publication dates for plain text: a cascade of evidence that never guesses.

The first step that yields a date wins:

1. a date given by the record (JSON field, HTML metadata, WARC date), in
   any common format (own patterns first, dateparser only as a fallback on
   that one string): confidence 1.0;
2. an explicit full date at the top of the article: a dateline with a year
   ("WASHINGTON, March 3, 2019 (Reuters) -") or a bare date line that the
   cleaner removed ("Monday, 17 March 2014", "Published: 2018-07-03"): 1.0;
   an update line: 0.9;
3. a date stamp among the first lines of the scraped text, also inside a
   line the cleaner keeps (a full date with a clock time after it, with
   publishing words before it, or with its true weekday at a line start;
   see ``head_stamp``): 0.95;
4. the date in the URL's path (``url_date``; htmldate's reader for the
   numeric forms): 0.9;
5. a bare Unix timestamp line, seconds or milliseconds, 1995..2035: 0.95;
6. a dateline's day and month without a year ("July 2 (UPI) --") together
   with the weekday the lead gives for the reporting day ("said Monday"):
   the years in which that day falls on that weekday, narrowed by the years
   the text mentions as past (the article is no older than them), as future
   (it is no newer) and by today; accepted only when one year survives: 0.8.

Otherwise the value is None and the basis says which evidence there was and
why it is not enough.  A weekday alone, or a day and month alone, never
give a date.

``infer_from_corpus`` (one article) and ``CorpusDater`` (built once from
all dated articles, then ``infer`` per undated article) date an undated
article from dated articles of the same corpus that report the same affair:
the article's own dateline day and month (``partial_evidence``) fixed to the
one candidate year in which such articles were published near that day, or
the year (and a pinned day) from its day-month mentions; see their
docstrings.
"""
from __future__ import annotations

import email.utils
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from ..records import PubDate, Removed

MIN_YEAR = 1995  # the web-news era: older years are never inferred from weekdays
MAX_YEAR = 2035

# ----------------------------------------------------------------- date patterns

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _month_pattern() -> str:
    """Month names and abbreviations, Title or UPPER case (lower case 'may' is a verb)."""
    words = sorted(_MONTHS, key=len, reverse=True)
    return "(?:" + "|".join(f for w in words for f in (w.capitalize(), w.upper())) + r")\.?"


MONTH = _month_pattern()
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_RANGE = rf"(?:\s*(?:-|–|—|to|and)\s*(?P<d2>{_DAY}){_ORD})?"

_FULL_DATES = (
    # " ," as well as ",": scraped and tokenised text often spaces punctuation ("Jul 15 , 2011")
    re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d>{_DAY}){_ORD}(?:\s?,)?\s+(?P<y>{_YEAR})\b"),
    re.compile(rf"\b(?P<d>{_DAY}){_ORD}\s+(?:of\s+)?(?P<m>{MONTH})(?:\s?,)?\s+(?P<y>{_YEAR})\b"),
    re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>1[0-2]|0?[1-9])-(?P<d>{_DAY})(?!\d)"),
    re.compile(rf"\b(?P<y>{_YEAR})/(?P<m>1[0-2]|0?[1-9])/(?P<d>{_DAY})\b"),
)
_NUMERIC_DATE = re.compile(rf"\b(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_YEAR})\b")
# Day and month without a year; atomic groups stop "June 25-26, 2018" from matching "June 25".
_MONTH_DAYS = (
    re.compile(rf"\b(?P<m>{MONTH})\s+(?>(?P<d>{_DAY}){_ORD}{_RANGE})(?![\d:])(?!\s?,?\s+{_YEAR}\b)"),
    re.compile(rf"\b(?>(?P<d>{_DAY}){_ORD}{_RANGE})\s+(?:of\s+)?(?P<m>{MONTH})(?!\s?,?\s+{_YEAR}\b)"),
)
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(’s|'s)?")
_TIMESTAMP = re.compile(r"^\s*(\d{9,10}|\d{12,13})\s*$")
_ISO_TIME = re.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?", re.I)
_RELATIVE = re.compile(r"\b\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b", re.I)
_DATE_LINE_NOISE = re.compile(
    r"\b(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|created)|date|on|at|"
    r"[ap]\.?m\.?|gmt|utc|et|est|edt|bst|cet|cest|eet|msk|ist|pst|pdt|jst|hkt|sgt|aest|z|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b\.?"
    r"|\b\d{1,2}[:.]\d\d(?:[:.]\d\d)?\b|\b\d{1,2}\s*[ap]\.?m\.?",
    re.I,
)
_WORD_CHAR = re.compile(r"\w")


def _month(token: str) -> int:
    return _MONTHS[token.rstrip(".").lower()]


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, date, str]]:
    """Explicit full dates in ``text`` as (offset, date, matched text), in order.

    Numeric dates with slashes are taken only when unambiguous (a part above
    12); dotted numeric dates are read day.month.year.
    """
    found: list[tuple[int, date, str]] = []
    for pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            mon = m.group("m")
            value = _valid(int(m.group("y")), int(mon) if mon.isdigit() else _month(mon), int(m.group("d")))
            if value:
                found.append((m.start(), value, m.group(0)))
    for m in _NUMERIC_DATE.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if m.group("sep") == "." or a > 12:
            value = _valid(y, b, a)
        elif b > 12:
            value = _valid(y, a, b)
        else:
            value = None
        if value:
            found.append((m.start(), value, m.group(0)))
    found.sort(key=lambda f: f[0])
    kept: list[tuple[int, date, str]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][0] + len(kept[-1][2]):
            kept.append(item)
    return kept


@dataclass(frozen=True)
class MonthDay:
    """A day and month named without a year ("June 27", "11-12 July")."""

    text: str
    start: int
    month: int
    day: int
    day_end: int | None = None  # the last day of a range "July 11-12"


def find_month_days(text: str) -> list[MonthDay]:
    """Day-and-month mentions without a year, in text order."""
    found: list[MonthDay] = []
    for pattern in _MONTH_DAYS:
        for m in pattern.finditer(text):
            day, end = int(m.group("d")), m.group("d2")
            month = _month(m.group("m"))
            if not _valid(2000, month, day) or (end and not _valid(2000, month, int(end))):
                continue
            found.append(MonthDay(m.group(0), m.start(), month, day, int(end) if end else None))
    found.sort(key=lambda f: f.start)
    kept: list[MonthDay] = []
    for md in found:
        if not kept or md.start >= kept[-1].start + len(kept[-1].text):
            kept.append(md)
    return kept


def parse_timestamp(line: str) -> tuple[datetime, str] | None:
    """A bare Unix time in seconds or milliseconds within 1995..2035, with its unit."""
    m = _TIMESTAMP.match(line)
    if not m:
        return None
    digits = m.group(1)
    unit = "seconds" if len(digits) <= 10 else "milliseconds"
    seconds = int(digits) / (1 if unit == "seconds" else 1000)
    moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        return None
    return moment, unit


_DIGIT = re.compile(r"\d")


def is_date_line(line: str) -> bool:
    """True for a line that is only a date or time ("Monday, 17 March 2014 | 10:32 GMT",
    "Updated: 2018-07-03", "July 3", "3 hours ago"), with optional publishing words."""
    if len(line) > 100 or not _DIGIT.search(line):
        return False
    rest = _ISO_TIME.sub(" ", line)
    hits = 0
    for pattern in (*_FULL_DATES, _NUMERIC_DATE, *_MONTH_DAYS, _RELATIVE):
        rest, n = pattern.subn(" ", rest)
        hits += n
    if not hits:
        return False
    return not _WORD_CHAR.search(_DATE_LINE_NOISE.sub(" ", rest))


def parse_given_date(text: str) -> date | None:
    """A date as a record gives it: ISO, RFC 2822, Unix time, written out, or
    whatever dateparser understands (called once, on this string only)."""
    text = text.strip()
    if not text:
        return None
    stamp = parse_timestamp(text)
    if stamp:
        return stamp[0].date()
    dates = find_dates(text)
    if dates:
        return dates[0][1]
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import and to call: only for odd record dates

    parsed = dateparser.parse(
        text, settings={"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["custom-formats", "absolute-time"]}
    )
    return parsed.date() if parsed else None


# ------------------------------------------------------------ years as bounds

_YEAR_MENTION = re.compile(
    r"(?<![\d,.$€£/-])\b((?:19[5-9]|20[0-4])\d)\b(?![\d%/-]|[.,]\d|’s|'s|s\b)"
    r"(?!\s*(?:GMT|UTC|hrs|hours|people|troops|soldiers|km|miles|dollars|euros|votes|members|cases|deaths)\b)"
)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’']?|$)")
_CLAUSE = re.compile(r"[^,;:]+")
_TOKEN = re.compile(r"[a-z’']+")
_PAST_WORDS = frozenset(
    "was were had did ago since former previous previously earlier last took came won lost began "
    "became made fought led saw went broke fell rose left met sent gave brought built ran struck "
    "spent kept sold bought wrote chose shot held grew drew threw knew found paid".split()
)
# Words in -ed that do not put the year's event in the past: reporting verbs
# (the report is always past) and adjectives or participles of plans.
_NOT_PAST_ED = frozenset(
    "scheduled planned expected slated proposed intended supposed aimed designed needed united based "
    "alleged related concerned interested limited advanced armed detailed indeed speed need seed feed "
    "bed red hundred added noted stated reported claimed insisted warned stressed explained asked "
    "announced suggested argued continued".split()
)
_FUTURE_WORDS = frozenset(
    "will won't won’t shall upcoming ahead next coming forthcoming scheduled planned slated expected "
    "due until plans plan aims aim target preparing prepare prepares looming".split()
)


@dataclass(frozen=True)
class YearBounds:
    """What the years a text mentions say about its publication year."""

    lower: int | None  # latest year mentioned as past
    upper: int | None  # earliest year mentioned as future
    past: tuple[int, ...] = ()
    future: tuple[int, ...] = ()


def _tense_of(clause: str, at: int) -> str | None:
    """'past', 'future' or None (unclear or mixed) for a clause; ``at`` is where the date in question starts."""
    tokens = _TOKEN.findall(clause.lower())
    before = _TOKEN.findall(clause[:at].lower())
    future = any(t in _FUTURE_WORDS or t.endswith(("'ll", "’ll")) for t in tokens)
    future = future or bool(before and before[-1] in ("by", "until", "till"))
    past = any(
        t in _PAST_WORDS or (t.endswith("ed") and len(t) > 4 and t not in _NOT_PAST_ED) for t in tokens
    )
    if past == future:
        return None
    return "past" if past else "future"


def year_bounds(text: str) -> YearBounds:
    """Years mentioned in clauses that are clearly past or clearly future.

    A clause is the stretch of a sentence between commas, semicolons or
    colons.  It is past when it has a past-tense cue (was, had, since, a verb
    in -ed, ...) and no future cue (will, ahead, upcoming, next, scheduled,
    "by 2030", ...); future in the opposite case; mixed or bare clauses say
    nothing.  Counts ("2000 troops"), times ("1630 GMT") and decades are
    not years.
    """
    past: list[int] = []
    future: list[int] = []
    for sentence in _SENTENCE.finditer(text):
        for clause in _CLAUSE.finditer(sentence.group(0)):
            for m in _YEAR_MENTION.finditer(clause.group(0)):
                tense = _tense_of(clause.group(0), m.start())
                if tense == "past":
                    past.append(int(m.group(1)))
                elif tense == "future":
                    future.append(int(m.group(1)))
    return YearBounds(
        lower=max(past) if past else None,
        upper=min(future) if future else None,
        past=tuple(sorted(set(past))),
        future=tuple(sorted(set(future))),
    )


def _bounds_words(bounds: YearBounds) -> str:
    parts = []
    if bounds.past:
        parts.append("mentions " + ", ".join(map(str, bounds.past)) + " as past")
    if bounds.future:
        parts.append("mentions " + ", ".join(map(str, bounds.future)) + " as future")
    return "; ".join(parts) if parts else "mentions no year as clearly past or future"


def candidate_years(month: int, day: int, weekday: int | None, bounds: YearBounds, today: date) -> list[int]:
    """Years in which month/day exists (and falls on ``weekday``), within the bounds and not after today."""
    low = max(bounds.lower or MIN_YEAR, MIN_YEAR)
    high = min(bounds.upper or today.year, today.year)
    years = []
    for y in range(low, high + 1):
        value = _valid(y, month, day)
        if value and value <= today and (weekday is None or value.weekday() == weekday):
            years.append(y)
    return years


# ------------------------------------------------------------------- the cascade


def _paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n\n") if p.strip()]


# A lead that speaks of yesterday does not date the dateline's day by its weekday.
_OTHER_DAY = re.compile(r"\b(?:yesterday|last night|overnight)\b", re.I)
_OTHER_DAY_WORDS = frozenset("last next since until by before after from this".split())


def reporting_weekday(lead: str) -> str | None:
    """The first weekday of the lead used for a day of reporting ("said Monday", "on Monday"),
    skipping possessives ("Tuesday's meeting") and weekdays tied to other days ("last Friday")."""
    for m in _WEEKDAY.finditer(lead):
        previous = lead[max(0, m.start() - 8) : m.start()].lower().split()
        if m.group(2) or (previous and previous[-1] in _OTHER_DAY_WORDS):
            continue
        return m.group(1)
    return None


def _evidence_summary(body: str, title: str | None) -> str:
    """Why no date: the weekday and day-month evidence that is there, in words."""
    text = (title or "") + "\n" + body
    weekdays = list(dict.fromkeys(m.group(1) for m in _WEEKDAY.finditer(text)))
    days = list(dict.fromkeys(md.text for md in find_month_days(text)))[:3]
    if weekdays and days:
        return (
            f"only weekdays ({', '.join(weekdays)}) and {', '.join(repr(d) for d in days)} "
            "without a year: year unknown"
        )
    if weekdays:
        return f"only weekdays ({', '.join(weekdays)}) and no date: publication day unknown"
    if days:
        return f"only {', '.join(repr(d) for d in days)} without a year or weekday: year unknown"
    return "no date evidence in the text"


@dataclass(frozen=True)
class DatelineEvidence:
    """What an article's own dateline and lead say about its date, short of a year.

    ``years`` are the candidate years: those in which ``month``/``day``
    exists (and falls on ``weekday`` when the lead gives one), within the
    years the text gives as past or future and not after today.
    """

    month: int
    day: int
    weekday: str | None  # the lead's reporting weekday; None when none (or the lead reports another day)
    years: tuple[int, ...]
    dateline: str
    day_text: str  # the day-month as written ("March 10")
    other_day: bool  # the lead speaks of yesterday / last night
    bounds: YearBounds


def _body_dateline(body: str) -> str | None:
    """The dateline opening the body ("GENEVA, June 16 --"), when it stayed in the text."""
    paragraphs = _paragraphs(body)
    if not paragraphs:
        return None
    from .meta import parse_dateline  # meta imports this module

    found = parse_dateline(paragraphs[0])
    return found.text if found else None


def partial_evidence(
    body: str, dateline: str | None = None, title: str | None = None, *, today: date | None = None
) -> DatelineEvidence | None:
    """The dateline's day and month, the lead's reporting weekday and the candidate years.

    ``dateline`` is the one metadata reading found; without it the body's
    first paragraph is read for one (a dateline naming a place stays in the
    body).  None when there is no dateline with a single day and month.
    """
    dateline = dateline or _body_dateline(body)
    if not dateline:
        return None
    mds = find_month_days(dateline)
    if not mds or mds[0].day_end is not None:
        return None
    md = mds[0]
    lead = "\n\n".join(_paragraphs(body)[:2])
    other_day = bool(_OTHER_DAY.search(lead))
    weekday = None if other_day else reporting_weekday(lead)
    bounds = year_bounds((title or "") + "\n" + body)
    today = today or date.today()
    years = candidate_years(md.month, md.day, _WEEKDAYS.index(weekday) if weekday else None, bounds, today)
    return DatelineEvidence(md.month, md.day, weekday, tuple(years), dateline, md.text, other_day, bounds)


def _from_dateline_weekday(body: str, dateline: str, title: str | None, today: date) -> PubDate | None:
    ev = partial_evidence(body, dateline, title, today=today)
    if ev is None:
        return None
    if ev.other_day:
        why = f"dateline {dateline!r} gives {ev.day_text!r} without a year and the lead reports on another day: year unknown"
        return PubDate(None, why, 0.0)
    if ev.weekday is None:
        why = f"dateline {dateline!r} gives {ev.day_text!r} without a year and the lead names no weekday: year unknown"
        return PubDate(None, why, 0.0)
    weekday, years, bounds = ev.weekday, ev.years, ev.bounds
    head = f"dateline {dateline!r} without a year; the lead reports on {weekday}"
    if len(years) == 1:
        value = date(years[0], ev.month, ev.day)
        return PubDate(
            value.isoformat(),
            f"{head}: {ev.day_text} is a {weekday} only in {years[0]} within the bounds "
            f"({_bounds_words(bounds)}; not after {today.isoformat()})",
            0.8,
        )
    if not years:
        return PubDate(None, f"{head}: no year fits ({_bounds_words(bounds)})", 0.0)
    return PubDate(
        None,
        f"{head}: {ev.day_text} is a {weekday} in {', '.join(map(str, years))} "
        f"({_bounds_words(bounds)}): year ambiguous",
        0.0,
    )


# ------------------------------------------------------ stamps at the top, URLs

HEAD_CHARS = 400  # where a page's date stamp sits: the first lines of the scraped text
_CLOCK_AFTER = re.compile(
    r"^\s?[,;|/•·:-]?\s*(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?!\d)(?!\s*(?:%|per\b|km\b|miles?\b))", re.I)
_STAMP_CUE = re.compile(
    r"(?:\b(?P<cue>published|posted|updated|modified|dated?|filed|"
    r"this (?:story|article|report|page) (?:is|was) (?:from|published)|first (?:published|posted)|"
    r"last (?:updated|modified))\b)\W{0,3}(?:on\W{1,2})?(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"[a-z]*\.?,?\s+)?$", re.I)
_WEEKDAY_BEFORE = re.compile(
    r"(?:^|[|•·]\s*|\n\s*|(?P<clock>(?:^|[|•·]\s*)(?:[01]?\d|2[0-3])[:.][0-5]\d\b[^\n|]{0,24}?\s?,\s*))"
    r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?\s?,?\s+$", re.I)
_SEPARATED = re.compile(r"(?:^|[|•·/:]|\s[-–—]|\n)\s*$")
_LAST_SEGMENT = re.compile(r"[^|•·]*$")
_WORDS = re.compile(r"[^\W\d_]+")
_ENDS_STAMP = re.compile(r"\s*(?:[|•·]|$|\n|[Bb]y\s+[A-Z])")  # a date alone at a line start, then a separator or a byline
_BYLINE_AFTER = re.compile(r"\s*[|•·]\s*(?:By|From)\s+(?:the\s+)?[A-Z]")
MAX_WORDS_BEFORE_CUE = 5  # "FP Staff", "By Jane Doe |", "World": a byline or section, not a sentence
_UPDATE = re.compile(r"\b(?:updated|modified)\b", re.I)


def head_stamp(head: str, *, today: date | None = None) -> tuple[date, str, bool] | None:
    """A publication stamp among the first lines of a scraped text, as (date, the stamp, is an update).

    A full date counts as a stamp when a clock time follows it ("Jul 15, 2011 1:20 pm EDT",
    "July 16, 2018 21:17:40 IST"), when publishing words lead to it ("Posted on", "date",
    "This story is from", "Updated:"), or when it opens a line or follows a separator with the
    weekday it really falls on ("Fri Jul 15, 2011", "| Friday 11 March 2005").  Any other full
    date near the top (an event date in the lead) is no stamp.  A first-published stamp wins
    over an update stamp.
    """
    today = today or date.today()
    found: list[tuple[date, str, bool]] = []
    for start, value, text in find_dates(head):
        if not (MIN_YEAR <= value.year and value <= today + timedelta(days=1)):
            continue
        line_start = head.rfind("\n", 0, start) + 1
        line_before = head[line_start:start]
        after = head[start + len(text):start + len(text) + 24]
        clock = _CLOCK_AFTER.match(after)
        cue = _STAMP_CUE.search(line_before)
        weekday = _WEEKDAY_BEFORE.search(line_before)
        weekday_fits = bool(weekday) and _WEEKDAYS[value.weekday()].lower().startswith(weekday.group(2).lower()[:3])
        is_update = bool(cue) and bool(_UPDATE.search(cue.group("cue")))
        lead_in = _LAST_SEGMENT.search(line_before[:cue.start()]).group(0) if cue else ""
        if cue and (len(_WORDS.findall(lead_in)) > MAX_WORDS_BEFORE_CUE
                    or (is_update and not _SEPARATED.search(line_before[:cue.start()]))):
            continue  # a sentence or a list of headlines ("... said it updated", "<headline> updated: <date>")
        ends = bool(clock) or bool(_ENDS_STAMP.match(after))
        opens_line = not line_before.strip() and ends
        # not a caption's "Thursday, July 29, 2010 The oil is ...", unless a clock time leads to it
        weekday_fits = weekday_fits and (ends or bool(weekday.group("clock")))
        byline_after = bool(_BYLINE_AFTER.match(after))  # "... February 11, 2011 | By the Staff"
        if cue or clock or weekday_fits or opens_line or byline_after:
            end = start + len(text) + (len(clock.group(0)) if clock else 0)
            stamp = (line_before[-30:] + head[start:end]).strip()
            found.append((value, stamp, bool(cue) and is_update))
    if not found:
        return None
    first = [f for f in found if not f[2]]
    return first[0] if first else None


_URL_MONTH_NAME = re.compile(
    r"/((?:199|20[0-3])\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*/(\d{1,2})(?:/|$)", re.I)
_URL_COMPACT = re.compile(r"[/_-]((?:199|20[0-3])\d)(0[1-9]|1[0-2])([0-2]\d|3[01])(?=[/_.-]|$)")


def url_date(url: str | None, *, today: date | None = None) -> tuple[date, str] | None:
    """The date a URL's path gives ("/2018/06/27/", "/content/2018-07-16-...", "/2021/jan/18/",
    "/20180716/"), with the part that gave it; htmldate reads the numeric forms."""
    if not url:
        return None
    today = today or date.today()
    from urllib.parse import urlsplit

    path = urlsplit(url).path
    value = None
    from htmldate.extractors import extract_url_date  # the numeric year-month-day forms
    from htmldate.utils import Extractor

    latest = datetime.combine(today + timedelta(days=1), datetime.min.time())
    options = Extractor(False, latest, datetime(MIN_YEAR, 1, 1), True, "%Y-%m-%d")
    found = extract_url_date(path, options)
    if found:
        value = date.fromisoformat(found)
    else:
        m = _URL_MONTH_NAME.search(path) or _URL_COMPACT.search(path)
        if m:
            month = int(m.group(2)) if m.group(2).isdigit() else _month(m.group(2))
            value = _valid(int(m.group(1)), month, int(m.group(3)))
    if value is None or not MIN_YEAR <= value.year or value > today + timedelta(days=1):
        return None
    return value, path


# ------------------------------------------------------------------ the cascade


def _evidence(body, removed, dateline, given_date, title, head, url, today) -> Iterable[PubDate]:
    """Every piece of date evidence, best first (see ``infer_published``)."""
    if given_date:
        value = parse_given_date(given_date)
        if value and value <= today + timedelta(days=1):
            yield PubDate(value.isoformat(), f"given by the record: {given_date.strip()!r}", 1.0)
    if dateline:
        dates = find_dates(dateline)
        if dates:
            yield PubDate(dates[0][1].isoformat(), f"dateline {dateline!r}", 1.0)
    for updated_too in (False, True):
        for r in removed:
            if r.reason not in ("date", "byline"):
                continue
            is_update = "updat" in r.line.lower() or "modif" in r.line.lower()
            dates = find_dates(r.line)
            if r.reason == "byline" and dates and dates[0][0] > 80:
                continue  # a byline running into a caption or a sentence: the date is theirs
            if (head is not None and r.reason == "date" and r.line.strip() not in head
                    and not _STAMP_CUE.search(r.line[: dates[0][0]] if dates else "")):
                continue  # a bare date line inside the article (a caption's, a related story's)
            if dates and is_update == updated_too and dates[0][1] <= today + timedelta(days=1):
                kind = "update line" if is_update else "date line"
                yield PubDate(dates[0][1].isoformat(), f"{kind} {r.line.strip()!r}", 0.9 if is_update else 1.0)
    if head:
        stamp = head_stamp(head, today=today)
        if stamp:
            value, text, is_update = stamp
            yield PubDate(value.isoformat(), f"{'update' if is_update else 'date'} stamp at the top {text!r}",
                          0.9 if is_update else 0.95)
    found = url_date(url, today=today)
    if found:
        yield PubDate(found[0].isoformat(), f"URL path {found[1]!r}", 0.9)
    for r in removed:
        if r.reason == "timestamp":
            stamp = parse_timestamp(r.line)
            if stamp:
                moment, unit = stamp
                iso = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
                yield PubDate(moment.date().isoformat(), f"Unix time in {unit} {r.line.strip()} = {iso}", 0.95)
    if dateline:
        found = _from_dateline_weekday(body, dateline, title, today)
        if found:
            yield found


def infer_published(
    body: str,
    *,
    removed: Sequence[Removed] = (),
    dateline: str | None = None,
    given_date: str | None = None,
    title: str | None = None,
    today: date | None = None,
    head: str | None = None,
    url: str | None = None,
) -> PubDate:
    """The publication date of one article by the cascade in the module docstring.

    ``head`` is the start of the scraped text as it came (stamps live there, often on a line
    the cleaner keeps with the lead); ``url`` the page's address.  The first piece of evidence
    that gives a date wins; other evidence that names a different day is listed in the basis
    ("other evidence: ..."), never silently dropped.
    """
    today = today or date.today()
    notes: list[str] = []
    if given_date and not (parse_given_date(given_date) or date.max) <= today + timedelta(days=1):
        notes.append(f"record date {given_date.strip()!r} not usable")
    best: PubDate | None = None
    reasons: list[str] = []
    others: list[str] = []
    for ev in _evidence(body, removed, dateline, given_date, title, head, url, today):
        if ev.value is None:
            reasons.append(ev.basis)
            continue
        if best is None:
            best = ev
        elif ev.value != best.value and len(others) < 3:
            others.append(f"{ev.basis} gives {ev.value}")
    if best is not None:
        basis = "; ".join([*notes, best.basis])
        if others:
            basis += "; other evidence: " + "; ".join(others)
        return PubDate(best.value, basis, best.confidence)
    return PubDate(None, "; ".join([*notes, *(reasons or [_evidence_summary(body, title)])]), 0.0)


# ------------------------------------------------------------ from the corpus

_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z.’'-]*[A-Za-z]")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]*")
_SENTENCE_OPENER = re.compile(r"(?:^|[.!?\n][\"”’'“‘(]*\s*|[\"“‘(])$")
# Case-sensitive on purpose: "Russia Today" is a broadcaster, not a day.
_SAME_DAY = re.compile(
    r"\b(?:today|tonight|this (?:morning|afternoon|evening)|later in the day)\b"
    r"|\b(?:is|are) (?:due|scheduled|expected|set) to\b[^.]*\bat \d{1,2}(?::\d\d)? ?(?:[ap]\.m\.|[ap]m\b|[AP]M\b)"
)
_STOP_NAMES = frozenset(
    "the a an he she it they we i in on at but and or if as this that these those his her their our its "
    "mr mrs ms dr president minister secretary prime foreign state national security government".split()
)
MIN_SHARED_NAMES = 5
MIN_NAME_OVERLAP = 0.25
WINDOW_DAYS = 21
MIN_FITTING_DAYS = 2
NEAR_DATELINE_DAYS = 3
PIN_NEAR_DAYS = 7
MIN_SPAN_ARTICLES = 20  # dated articles needed before the corpus's span of years counts as evidence  # a day pinned by same-day terms lies this close to the same-affair article  # related articles published this close to the dateline's day
CANDIDATES = 500  # dated articles one undated article is compared with, at most (rarest names first)


def _names(text: str) -> set[str]:
    """Proper-name words: capitalised words never written in lower case in the same text,
    seen at least once inside a sentence (so sentence openers like "However" do not count)."""
    lower = {w.lower() for w in _LOWER_WORD.findall(text)}
    names = set()
    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        key = word.lower()
        if len(word) < 3 or word in names or key in lower or key in _STOP_NAMES or key.rstrip(".") in _MONTHS or word in _WEEKDAYS:
            continue
        opener = _SENTENCE_OPENER.search(text[max(0, m.start() - 4) : m.start()])
        if not opener:
            names.add(word)
    return names


def _nearest(md: MonthDay, anchor: date) -> date | None:
    """The date of ``md`` in the year (anchor's, the one before or after) that puts it nearest the anchor."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _valid(y, md.month, md.day))]
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


@dataclass(frozen=True)
class _Related:
    """A dated article sharing enough names with the article to report the same affair."""

    article_id: str
    published: date
    shared: tuple[str, ...]  # the rarest shared names, for the basis
    overlap: float


@dataclass(frozen=True)
class _Match:
    article_id: str
    published: date
    shared: tuple[str, ...]
    overlap: float
    fitting: int


def _fits(mds: list[MonthDay], related: _Related) -> _Match | None:
    """The related article as evidence for the year when at least ``MIN_FITTING_DAYS`` of the
    article's day-month mentions, and three quarters of them, fall within ``WINDOW_DAYS`` of it."""
    anchor = related.published
    near = [md for md in mds if (d := _nearest(md, anchor)) and abs((d - anchor).days) <= WINDOW_DAYS]
    if len(near) < MIN_FITTING_DAYS or len(near) * 4 < len(mds) * 3:
        return None
    return _Match(related.article_id, anchor, related.shared, related.overlap, len(near))


def _iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return parse_given_date(value) if value else None


def _clause_at(text: str, pos: int) -> tuple[str, int]:
    """The clause (see ``year_bounds``) around offset ``pos`` and the offset within it."""
    for sentence in _SENTENCE.finditer(text):
        if sentence.start() <= pos < sentence.end():
            for clause in _CLAUSE.finditer(sentence.group(0)):
                start = sentence.start() + clause.start()
                if start <= pos < start + len(clause.group(0)):
                    return clause.group(0), pos - start
    return "", 0


def _pinned_day(body: str, mds: list[MonthDay], year: int, anchor: date) -> tuple[date, str] | None:
    """The publication day, when the text reports its one lead day-month in same-day terms
    and mentions no later day in the past tense."""
    lead = "\n\n".join(_paragraphs(body)[:2])
    lead_days = [md for md in mds if md.start < len(lead)]
    if len(lead_days) != 1 or lead_days[0].day_end is not None:
        return None
    same_day = _SAME_DAY.search(lead)  # "today" in the lead, not about another day further down
    if not same_day:
        return None
    value = _nearest(lead_days[0], anchor)
    if value is None or value.year != year or abs((value - anchor).days) > PIN_NEAR_DAYS:
        return None  # "today" is some other day than a date weeks before the same-affair reports
    for md in mds:
        later = _nearest(md, anchor)
        if later and later > value and _tense_of(*_clause_at(body, md.start)) == "past":
            return None
    return value, f"{lead_days[0].text!r} in the lead, reported in same-day terms ({same_day.group(0)!r})"


def _listed(related: Sequence[_Related | _Match], limit: int = 5) -> str:
    shown = ", ".join(f"{r.article_id} ({r.published.isoformat()})" for r in related[:limit])
    return shown + (f" and {len(related) - limit} more" if len(related) > limit else "")


def corpus_span(years: Counter) -> tuple[int, int] | None:
    """The years the corpus's dated articles span, from articles per year: the central 98%, so a
    stray archive page does not widen it; None with fewer than ``MIN_SPAN_ARTICLES`` articles."""
    total = sum(years.values())
    if total < MIN_SPAN_ARTICLES:
        return None
    cut = total // 50

    def at(k: int) -> int:  # the k-th year (from 0) of the sorted list of every article's year
        seen = 0
        for y in sorted(years):
            seen += years[y]
            if seen > k:
                return y
        raise IndexError(k)

    return at(cut), at(total - 1 - cut)


def affair_names(text: str) -> frozenset[str]:
    """The proper names that tie an article to others of the same affair (title + body)."""
    return frozenset(_names(text))


class CorpusDater:
    """Dates undated articles from the dated articles of one corpus: build once, ``infer`` per article.

    ``dated`` holds (article id, ISO publication date, title + "\\n" + body).
    The dated articles' proper names are read once, and an inverted index
    maps each name to the articles using it.  An undated article is compared
    with the articles sharing its rarest names: names are taken from the
    rarest up while the candidates stay within ``CANDIDATES`` (the rarest
    name's articles always count, the latest of them when there are more), so
    a call costs a bounded number of comparisons, not the whole corpus, even
    when an affair fills a large part of it (every name of a big story may be
    in thousands of articles).

    Two kinds of evidence, see ``infer``: the article's dateline day and
    month (``partial_evidence``) against the publication dates of related
    articles, and the article's day-month mentions against them.
    """

    def __init__(self, dated: Iterable[tuple[str, str, str]], *, today: date | None = None) -> None:
        self.today = today or date.today()
        self._ids: list[str] = []
        self._published: list[date | None] = []
        self._names: list[frozenset[str]] = []
        df: Counter[str] = Counter()
        for article_id, published, text in dated:
            names = frozenset(_names(text))
            self._ids.append(article_id)
            self._published.append(_iso_date(published) if published else None)
            self._names.append(names)
            df.update(names)
        self._df = df
        self._span = corpus_span(Counter(d.year for d in self._published if d is not None))
        # Names are weighted by inverse document frequency over the dated articles and the one compared.
        self._total = len(self._ids) + 2
        index: dict[str, list[int]] = {}
        for i, names in enumerate(self._names):
            if self._published[i] is None:
                continue
            for name in names:
                index.setdefault(name, []).append(i)
        self._index = index
        self._base_weight = [math.fsum(math.log(self._total / df[n]) for n in names) for names in self._names]
        # A name the compared article uses too: its weight, and how much less it weighs than without it.
        self._shared_weight = {n: math.log(self._total / (c + 1)) for n, c in df.items()}
        self._shared_drop = {n: math.log((c + 1) / c) for n, c in df.items()}
        self._size = len(self._ids)
        self._postings = {n: len(p) for n, p in index.items()}  # articles using a name (the index may be cut)

    @classmethod
    def from_parts(cls, *, size: int, span: tuple[int, int] | None, postings: dict[str, tuple[int, list]],
                   df: dict[str, int], candidates: dict, today: date | None = None) -> CorpusDater:
        """A dater for one undated article built from corpus-wide figures computed elsewhere (the
        Spark engine's joins), answering exactly as one built over the whole corpus would.

        ``size``: dated articles in the corpus; ``span``: ``corpus_span`` of their years;
        ``postings``: for each of the article's names, (articles using it, the positions of the
        last ``CANDIDATES`` of them); ``df``: articles using each of the article's names;
        ``candidates``: position -> (id, published, names, base weight) for the dated articles
        ``candidate_positions`` picks.  Positions sort in corpus order (publication date, then
        arrival)."""
        self = cls.__new__(cls)
        self.today = today or date.today()
        self._size = size
        self._span = span
        self._total = size + 2
        self._index = {n: list(p) for n, (_, p) in postings.items()}
        self._postings = {n: c for n, (c, _) in postings.items()}
        self._ids = {i: c[0] for i, c in candidates.items()}
        self._published = {i: _iso_date(c[1]) for i, c in candidates.items()}
        self._names = {i: frozenset(c[2]) for i, c in candidates.items()}
        self._base_weight = {i: c[3] for i, c in candidates.items()}
        self._df = dict(df)
        self._shared_weight = {n: math.log(self._total / (c + 1)) for n, c in df.items()}
        self._shared_drop = {n: math.log((c + 1) / c) for n, c in df.items()}
        return self

    def __len__(self) -> int:
        return self._size

    def candidate_positions(self, names: set[str]) -> set:
        """The dated articles an article with these names is compared with: names taken from the
        rarest up while the candidates stay within ``CANDIDATES``."""
        candidates: set = set()
        for name in sorted((n for n in names if n in self._index), key=lambda n: (self._postings[n], n)):
            postings = self._index[name]
            if not candidates:
                candidates.update(postings[-CANDIDATES:])
            elif len(candidates) + self._postings[name] <= CANDIDATES:
                candidates.update(postings)
            else:
                break
        return candidates

    def _related(self, names: set[str]) -> list[_Related]:
        """Dated articles sharing at least ``MIN_SHARED_NAMES`` names whose weight is at least
        ``MIN_NAME_OVERLAP`` of the smaller article's name weight, in corpus order."""
        candidates = self.candidate_positions(names)
        if not candidates:
            return []
        weight, drop = self._shared_weight, self._shared_drop
        unseen = math.log(self._total)
        query_weight = math.fsum(weight.get(n, unseen) for n in names)  # fsum: the same in any set order
        found = []
        for i in sorted(candidates):
            shared = names & self._names[i]
            if len(shared) < MIN_SHARED_NAMES:
                continue
            other_weight = self._base_weight[i] - math.fsum(map(drop.__getitem__, shared))
            overlap = math.fsum(map(weight.__getitem__, shared)) / (min(query_weight, other_weight) or 1.0)
            if overlap < MIN_NAME_OVERLAP:
                continue
            rarest = tuple(sorted(shared, key=lambda n: (-weight[n], n)))[:5]
            found.append(_Related(self._ids[i], self._published[i], rarest, overlap))  # type: ignore[arg-type]
        return found

    def infer(self, body: str, title: str | None = None, dateline: str | None = None) -> PubDate | None:
        """The date of an undated article, or None when no dated article helps.

        1. Dateline: when the article's dateline gives a day and month
           (``partial_evidence``) and related articles were published within
           ``NEAR_DATELINE_DAYS`` of that day in exactly one of the candidate
           years (those where the day falls on the lead's reporting weekday),
           the date is that day in that year: confidence 0.7.  Without a
           weekday, all related articles near that day must lie in one single
           year (within the text's year bounds): 0.6.
        2. Day-month mentions: see ``infer_from_corpus``; fixes the year, and
           the day only when the text pins it: 0.6.

        A PubDate with value None (basis saying why) when the evidence
        conflicts or gives only the year; both kinds must agree on the year.
        """
        if not len(self):
            return None
        text = (title or "") + "\n" + body
        mds = find_month_days(body)
        evidence = partial_evidence(body, dateline, title, today=self.today)
        if not mds and evidence is None:
            return None
        related = self._related(_names(text))
        if not related:
            return self._from_span(evidence)
        matches = [m for r in related if (m := _fits(mds, r))]
        if evidence is not None:
            found = self._from_dateline(evidence, related)
            if found is None and not matches:
                return self._from_span(evidence)
            if found is not None:
                if found.value is None:
                    return found
                years = {m.published.year for m in matches}
                if years and years != {int(found.value[:4])}:
                    return PubDate(
                        None,
                        f"the dateline points to {found.value} but articles whose dates fit the day-month "
                        f"mentions are from {', '.join(map(str, sorted(years)))}: {_listed(matches)}",
                        0.0,
                    )
                return found
        found = self._from_day_months(body, text, mds, matches)
        if found is not None and found.value is not None and evidence is not None:
            value = date.fromisoformat(found.value)
            if (value.month, value.day) != (evidence.month, evidence.day) or (
                evidence.weekday and value.year not in evidence.years
            ):
                return PubDate(None, f"{found.basis}; but the dateline {evidence.dateline!r} disagrees", 0.0)
        return found

    def _from_span(self, ev: DatelineEvidence | None) -> PubDate | None:
        """The dateline's day in the one candidate year (weekday fits) within the years the corpus spans."""
        if ev is None or not ev.weekday or self._span is None:
            return None
        low, high = self._span
        inside = [y for y in ev.years if low <= y <= high]
        if len(inside) != 1:
            return None
        value = date(inside[0], ev.month, ev.day)
        return PubDate(
            value.isoformat(),
            f"dateline {ev.dateline!r} without a year; the lead reports on {ev.weekday}: {ev.day_text} is a "
            f"{ev.weekday} in {', '.join(map(str, ev.years))} ({_bounds_words(ev.bounds)}), and only {inside[0]} lies "
            f"within the years the corpus's dated articles span ({low}-{high})",
            0.6,
        )

    def _from_dateline(self, ev: DatelineEvidence, related: list[_Related]) -> PubDate | None:
        """The dateline's day in the one year where related articles were published near it."""
        md = MonthDay(ev.day_text, 0, ev.month, ev.day)
        near: dict[int, list[_Related]] = {}
        for r in related:
            d = _nearest(md, r.published)
            if d and abs((r.published - d).days) <= NEAR_DATELINE_DAYS:
                near.setdefault(d.year, []).append(r)
        if not near:
            return None
        seen = "; ".join(f"{y}: {_listed(near[y])}" for y in sorted(near))
        head = f"dateline {ev.dateline!r} without a year"
        if ev.weekday:
            head += (
                f"; the lead reports on {ev.weekday}: {ev.day_text} is a {ev.weekday} in "
                f"{', '.join(map(str, ev.years)) or 'no year'} ({_bounds_words(ev.bounds)})"
            )
            inside = [y for y in sorted(near) if y in ev.years]
            if len(inside) != 1:
                why = "in more than one of those years" if inside else "in none of those years"
                return PubDate(
                    None, f"{head}; articles on the same affair were published near {ev.day_text} {why} ({seen})", 0.0
                )
            year, confidence, only = inside[0], 0.7, "of those years only in"
        else:
            head += "; the lead reports on another day" if ev.other_day else "; the lead names no weekday"
            if len(near) != 1:
                return PubDate(
                    None, f"{head}; articles on the same affair published near {ev.day_text} disagree on the year ({seen})", 0.0
                )
            year, confidence, only = next(iter(near)), 0.6, "only in"
            if year not in ev.years:
                return PubDate(
                    None, f"{head}; articles on the same affair point to {year}, which the text rules out "
                    f"({_bounds_words(ev.bounds)}; not after {self.today.isoformat()})",
                    0.0,
                )
        value = date(year, ev.month, ev.day)
        if value > self.today:
            return None
        support = near[year]
        best = max(support, key=lambda r: r.overlap)
        return PubDate(
            value.isoformat(),
            f"{head}; articles on the same affair were published within {NEAR_DATELINE_DAYS} days of "
            f"{ev.day_text} {only} {year}: {_listed(support)}; best {best.article_id} shares names "
            f"({', '.join(best.shared)}, ...; overlap {best.overlap:.2f})",
            confidence,
        )

    def _from_day_months(self, body: str, text: str, mds: list[MonthDay], matches: list[_Match]) -> PubDate | None:
        if not matches:
            return None
        years = {m.published.year for m in matches}
        if len(years) != 1:
            listed = ", ".join(f"{m.article_id} ({m.published})" for m in matches)
            return PubDate(None, f"articles on the same affair disagree on the year: {listed}", 0.0)
        year = years.pop()
        bounds = year_bounds(text)
        if (bounds.lower and year < bounds.lower) or (bounds.upper and year > bounds.upper) or year > self.today.year:
            return None
        best = max(matches, key=lambda m: m.overlap)
        because = (
            f"same affair as article {best.article_id} (published {best.published.isoformat()}): "
            f"shares names ({', '.join(best.shared)}, ...; overlap {best.overlap:.2f}) and "
            f"{best.fitting} day-month mentions fall within {WINDOW_DAYS} days of it"
        )
        pinned = _pinned_day(body, mds, year, best.published)
        if pinned is None:
            return PubDate(None, f"year {year} from {because}; the text does not pin the day", 0.0)
        value, how = pinned
        if value > self.today:
            return None
        return PubDate(value.isoformat(), f"year {year} from {because}; day: {how}", 0.6)


def infer_from_corpus(
    body: str,
    title: str | None,
    dated: Sequence[tuple[str, str, str]],
    *,
    today: date | None = None,
    dateline: str | None = None,
) -> PubDate | None:
    """Date an undated article from dated articles of the same corpus.

    ``dated`` holds (article id, ISO publication date, title + "\\n" + body).
    A dated article reports the same affair when at least
    ``MIN_SHARED_NAMES`` proper-name words are shared and their weight is at
    least ``MIN_NAME_OVERLAP`` of the smaller article's name weight (names
    weighted by inverse document frequency over the articles compared, so
    names every article uses count little).

    With a dateline day and month (``dateline``, else one opening the body),
    see ``CorpusDater.infer``.  Otherwise the article must name days without
    a year ("June 27", "July 11-12"), and at least ``MIN_FITTING_DAYS`` of
    them, and three quarters, must fall within ``WINDOW_DAYS`` of the dated
    article's date.  All such articles must agree on the year, which must
    respect the years the text itself gives as past or future.  Then the day
    is fixed only if the text pins it: exactly one single day-month in the
    lead and same-day wording ("today", "this morning", an event still due
    "at 7:30 p.m.").  Returns None when no dated article fits; a PubDate with
    value None (basis naming the year and the article) when the year is
    known but the day is not.

    For many articles build one ``CorpusDater`` and call its ``infer``.
    """
    return CorpusDater(dated, today=today).infer(body, title, dateline)
