"""Turning a recognised time expression into an ISO value.

``resolve`` maps a ``Candidate`` (form + parts), the clause's ``Tense``
and the reference date (publication, or the date of the saying for
reported speech) to a ``Resolution``: value, kind and basis in words.

Tense gives a *direction* (see ``times_calendar``): past -> "past",
future -> "future", future-in-past -> "nearest"; present -> "onward"
(today or after) for weekdays and weekends, else "nearest"; with no verb
at all a weekday or weekend is taken as past (news reports what happened)
and anything else as nearest.  Words in the expression override tense:

- weekdays: "next Wednesday" is the Wednesday of next week (weeks run
  Monday-Sunday; published Friday 2021-06-11 it is 2021-06-16, published
  Monday it is nine days later), "last Thursday" the Thursday of last week,
  "this Friday" the Friday of this week, "coming Friday" the first one after
  publication;
- months: "next April" is the first April after the current month, "last
  April" the latest before it, "this April" the one of the current year;
  otherwise the current month counts on both sides ("in June" published in
  June is that June, whatever the tense);
- "the weekend": past -> the latest Saturday-Sunday before publication,
  future -> the next one, "this weekend" the one of the current week.

Kinds: "date", "month", "year", "interval", "time", "duration", and
"relative" for expressions that are an offset from publication
("yesterday", "last week" = an ISO week, "two days ago", "this month").
Without a reference date only self-contained expressions get a value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventwire.nlp import times_calendar as cal
from eventwire.nlp.times_lexicon import TIME_ZONES, UNIT_MULTIPLIER, UNITS
from eventwire.nlp.times_patterns import Candidate
from eventwire.nlp.times_tense import Tense

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)


@dataclass(frozen=True)
class Resolution:
    value: str | None
    kind: str
    basis: str


def direction(tense: Tense, form: str) -> str:
    """The side of the reference date an expression lies on, from tense."""
    if tense.label in ("past", "future"):
        return tense.label
    if tense.label == "present" and form in ("weekday", "weekend"):
        return "onward"
    if tense.label == "unknown" and form in ("weekday", "weekend"):
        return "past"
    return "nearest"


def _tense_words(tense: Tense) -> str:
    return f"{tense.label} ({tense.why})"


_DIRECTION_WORDS = {"past": "on or before", "future": "on or after", "onward": "on or after", "nearest": "nearest to"}


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _explicit(c: Candidate) -> Resolution:
    found = cal.valid_date(c.info["year"], c.info["month"], c.info["day"])
    if found is None:
        return Resolution(None, "date", "explicit date that does not exist")
    return Resolution(found.isoformat(), "date", "explicit date")


def _weekday_date(c: Candidate, tense: Tense, ref: date, ref_words: str) -> tuple[date, str]:
    weekday, mod = c.info["weekday"], c.info["mod"]
    name = _WEEKDAY_NAMES[weekday]
    weeks = {"next": 1, "last": -1, "this": 0}
    if mod in weeks:
        word = {1: "next week", -1: "last week", 0: "this week"}[weeks[mod]]
        return cal.weekday_in_week(ref, weekday, weeks[mod]), f"'{mod} {name}' -> the {name} of {word}"
    if mod in ("coming", "this coming"):
        return cal.weekday_by_direction(ref, weekday, "future"), f"'{mod} {name}' -> first {name} after {ref_words}"
    side = direction(tense, "weekday")
    found = cal.weekday_by_direction(ref, weekday, side)
    side_words = "first after" if side == "future" else _DIRECTION_WORDS[side]
    return found, f"weekday, {_tense_words(tense)} -> {name} {side_words} {ref_words}"


def _month_day_date(c: Candidate, tense: Tense, ref: date, ref_words: str) -> tuple[date | None, str]:
    month, day = c.info["month"], c.info["day"]
    side = direction(tense, "month_day")
    found = cal.month_day(ref, month, day, side)
    basis = f"month-day without year, {_tense_words(tense)} -> year putting it {_DIRECTION_WORDS[side]} {ref_words}"
    weekday = c.info.get("weekday")
    if weekday is not None and found is not None and found.weekday() != weekday:
        for other_side in ("past", "future"):
            other = cal.month_day(ref, month, day, other_side)
            if other is not None and other.weekday() == weekday:
                return other, f"month-day without year, the year in which it is a {_WEEKDAY_NAMES[weekday]}"
    if found is None:
        return None, "no such month-day"
    return found, basis


def _month(c: Candidate, tense: Tense, ref: date | None, ref_words: str) -> Resolution:
    month, year, mod = c.info["month"], c.info["year"], c.info["mod"]
    extra = f" ({mod} of the month)" if mod in ("early", "late", "mid", "end", "start") else ""
    if year is not None:
        return Resolution(_month_value(year, month), "month", f"explicit month and year{extra}")
    if ref is None:
        return Resolution(None, "month", "month without year and no publication date")
    name = _MONTH_NAMES[month]
    if mod == "next":
        found_year = ref.year if month > ref.month else ref.year + 1
        basis = f"'next {name}' -> first {name} after the current month"
        return Resolution(_month_value(found_year, month), "month", basis)
    if mod == "last":
        found_year = ref.year if month < ref.month else ref.year - 1
        basis = f"'last {name}' -> latest {name} before the current month"
        return Resolution(_month_value(found_year, month), "month", basis)
    if mod == "this":
        return Resolution(_month_value(ref.year, month), "month", f"'this {name}' -> {name} of the current year")
    side = direction(tense, "month")
    found_year, _ = cal.month_by_direction(ref, month, side)
    basis = f"month, {_tense_words(tense)} -> {name} {_DIRECTION_WORDS[side]} the month of {ref_words}{extra}"
    return Resolution(_month_value(found_year, month), "month", basis)


def _day_range(c: Candidate, tense: Tense, ref: date | None, ref_words: str) -> Resolution:
    month, day, day2, year = c.info["month"], c.info["day"], c.info["day2"], c.info["year"]
    if year is not None:
        start, basis = cal.valid_date(year, month, day), "explicit day range"
    elif ref is None:
        return Resolution(None, "interval", "day range without year and no publication date")
    else:
        start = cal.month_day(ref, month, day, direction(tense, "month_day"))
        side = _DIRECTION_WORDS[direction(tense, "month_day")]
        basis = f"day range without year, {_tense_words(tense)} -> year putting it {side} {ref_words}"
    end = cal.valid_date(start.year, month, day2) if start else None
    if start is None or end is None:
        return Resolution(None, "interval", "day range that does not exist")
    return Resolution(f"{start.isoformat()}/{end.isoformat()}", "interval", basis)


def _day_of(c: Candidate, tense: Tense, ref: date | None, ref_words: str) -> tuple[date | None, str]:
    """The single day a day-level candidate names (date, month_day, weekday)."""
    if c.form == "date":
        resolution = _explicit(c)
        return (date.fromisoformat(resolution.value) if resolution.value else None), resolution.basis
    if ref is None:
        return None, "needs the publication date"
    if c.form == "weekday":
        return _weekday_date(c, tense, ref, ref_words)
    return _month_day_date(c, tense, ref, ref_words)


def _month_range(
    first: Candidate, second: Candidate, tense: Tense, ref: date | None, ref_words: str
) -> Resolution:
    """"April to June": the start by the month rules (or from the end's year), the end not before it."""
    month1, month2, year2 = first.info["month"], second.info["month"], second.info["year"]
    if first.info["year"] is None and year2 is not None:
        start_year, basis = year2 - (month1 > month2), "takes the year of the end"
    else:
        start = _month(first, tense, ref, ref_words)
        if start.value is None:
            return Resolution(None, "interval", start.basis)
        start_year, basis = int(start.value[:4]), start.basis
    end_year = year2 if year2 is not None else start_year + (month2 < month1)
    value = f"{_month_value(start_year, month1)}/{_month_value(end_year, month2)}"
    return Resolution(value, "interval", f"month range; start: {basis}")


def _range(c: Candidate, tense: Tense, ref: date | None, ref_words: str) -> Resolution:
    """Two joined expressions: the start resolved, the end counted on from it."""
    first, second = c.info["first"], c.info["second"]
    if first.form == "month":
        return _month_range(first, second, tense, ref, ref_words)
    if first.form == "month_day" and second.form == "date":
        year = second.info["year"]
        if (first.info["month"], first.info["day"]) > (second.info["month"], second.info["day"]):
            year -= 1
        start, basis = cal.valid_date(year, first.info["month"], first.info["day"]), "takes the year of the end"
    else:
        start, basis = _day_of(first, tense, ref, ref_words)
    if start is None:
        return Resolution(None, "interval", basis)
    if second.form == "weekday":
        end = cal.weekday_by_direction(start, second.info["weekday"], "future")
    elif second.form == "month_day":
        end = cal.month_day(start, second.info["month"], second.info["day"], "future")
    else:
        end, _ = _day_of(second, tense, ref, ref_words)
    if end is None or end < start:
        return Resolution(None, "interval", "range whose end is not after its start")
    return Resolution(f"{start.isoformat()}/{end.isoformat()}", "interval", f"range; start: {basis}")


def _offset_value(ref: date, unit: str, n: int) -> str | None:
    """The calendar unit ``n`` units away from ``ref`` (negative = earlier)."""
    n *= UNIT_MULTIPLIER.get(unit, 1)
    if unit == "day":
        return cal.shift_days(ref, n).isoformat()
    if unit in ("week", "fortnight"):
        return cal.iso_week(cal.shift_days(ref, 7 * n))
    if unit == "month":
        return _month_value(*cal.shift_month(ref, n))
    if unit in ("year", "decade", "century"):
        return f"{ref.year + n:04d}"
    return None


def _duration_value(n: int | float | None, unit: str) -> str | None:
    if n is None:
        return None
    designator, is_clock = UNITS[unit]
    n = n * UNIT_MULTIPLIER.get(unit, 1)
    shown = int(n) if float(n).is_integer() else n
    return f"PT{shown}{designator}" if is_clock else f"P{shown}{designator}"


def _relative(c: Candidate, tense: Tense, ref: date | None) -> Resolution:
    info = c.info
    if c.form == "later":
        return Resolution(None, "relative", "counted from a time the text names, not from publication")
    if ref is None:
        return Resolution(None, "relative", "needs the publication date")
    if c.form == "relative_day":
        value = cal.shift_days(ref, info["offset"]).isoformat()
        return Resolution(value, "relative", f"'{info['word']}' -> publication date {info['offset']:+d} days")
    if c.form == "relative_unit":
        if info["offset"] is None:
            return Resolution(None, "relative", "counted from a time the text names, not from publication")
        edge = f"{info['edge']} " if info["edge"] else ""
        value = _offset_value(ref, info["unit"], info["offset"])
        basis = f"'{edge}{info['mod']} {info['unit']}' -> the {info['unit']} {info['offset']:+d} from publication"
        return Resolution(value, "relative", basis)
    if c.form == "weekend":
        mod = info["mod"]
        if mod == "this":
            side = "this"
        elif mod in ("last", "the past", "the last"):
            side = "past"
        elif mod in ("next", "the coming"):
            side = "future"
        else:
            side = "future" if direction(tense, "weekend") in ("future", "onward") else "past"
        saturday, sunday = cal.weekend(ref, side)
        basis = f"weekend, {_tense_words(tense)} -> {side} Saturday-Sunday"
        return Resolution(f"{saturday.isoformat()}/{sunday.isoformat()}", "interval", basis)
    n, unit = info["n"], info["unit"]
    if n is None or not float(n).is_integer():
        return Resolution(None, "relative", "vague or fractional quantity")
    sign = -1 if c.form == "ago" else 1
    if c.form == "ahead" and not info["sure"] and tense.label != "future":
        return Resolution(_duration_value(n, unit), "duration", "'in N units' outside a future clause: a duration")
    value = _offset_value(ref, unit, sign * int(n))
    if value is None:
        return Resolution(None, "relative", f"{n} {unit}(s) from publication: time of day unknown")
    return Resolution(value, "relative", f"{n} {unit}(s) {'before' if sign < 0 else 'after'} publication")


def _zone_suffix(zone: str | None) -> str:
    if not zone:
        return ""
    m = re.match(r"([A-Z]+)\s*(?:([+-])\s*(\d{1,2})(?::?(\d\d))?)?", zone)
    if not m:
        return ""
    base = TIME_ZONES.get(m.group(1), "")
    if m.group(2):
        return f"{m.group(2)}{int(m.group(3)):02d}:{m.group(4) or '00'}"
    return base


def resolve_clock(c: Candidate, day: date | None, day_basis: str) -> Resolution:
    """A time of day placed on the day the caller derived (or None)."""
    hour, minute, zone = c.info["hour"], c.info["minute"], c.info["zone"]
    clock = f"{hour:02d}:{minute:02d}"
    if day is None:
        return Resolution(None, "time", f"time of day {clock}; the day is not derivable")
    return Resolution(f"{day.isoformat()}T{clock}{_zone_suffix(zone)}", "time", f"time of day {clock} on {day_basis}")


def resolve(c: Candidate, tense: Tense, ref: date | None, ref_words: str = "publication") -> Resolution:
    """Value, kind and basis of one candidate (clocks and spaCy-only entities excepted).  A
    value that falls off the calendar (a weekday near 1 January of year 1 or 31 December 9999,
    from a junk publication date) is left unresolved rather than raised."""
    try:
        return _resolve(c, tense, ref, ref_words)
    except (OverflowError, ValueError):
        return Resolution(None, "date", f"beyond the calendar's range from the {ref_words} date")


def _resolve(c: Candidate, tense: Tense, ref: date | None, ref_words: str) -> Resolution:
    form = c.form
    if form == "date":
        return _explicit(c)
    if form == "year":
        part = f" ({c.info['mod']} in the year)" if c.info["mod"] else ""
        return Resolution(f"{c.info['year']:04d}", "year", f"explicit year{part}")
    if form == "year_range":
        return Resolution(f"{c.info['year']:04d}/{c.info['year2']:04d}", "interval", "explicit year range")
    if form == "decade":
        return Resolution(f"{c.info['year']:04d}/{c.info['year'] + 9:04d}", "interval", "decade")
    if form == "duration":
        value = None if c.info["n2"] is not None else _duration_value(c.info["n"], c.info["unit"])
        hedge = f" ({c.info['hedge']})" if c.info["hedge"] else ""
        return Resolution(value, "duration", ("range of lengths" if c.info["n2"] is not None else "length") + hedge)
    if form == "month":
        return _month(c, tense, ref, ref_words)
    if form == "day_range":
        return _day_range(c, tense, ref, ref_words)
    if form == "range":
        return _range(c, tense, ref, ref_words)
    if form in ("weekday", "month_day"):
        found, basis = _day_of(c, tense, ref, ref_words)
        return Resolution(found.isoformat() if found else None, "date", basis)
    return _relative(c, tense, ref)

