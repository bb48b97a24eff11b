"""Calendar arithmetic for resolving time expressions.

Pure functions on ``datetime.date``; no language here.  A *direction* says
which side of the reference date an expression lies on:

- ``"past"``: on or before the reference;
- ``"future"``: on or after it (weekdays: strictly after, see below);
- ``"nearest"``: whichever candidate is closest, ties going to the past.

Weeks run Monday to Sunday, as in ISO 8601.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

# A month-day whose year pick lies further than this from the reference
# is taken from the other side of it (see ``month_day``).
FAR_OFF_DAYS = 183


def iso_week(d: date) -> str:
    """ISO week label of a date: 2018-06-27 -> "2018-W26"."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(d: date) -> date:
    """The Monday of the week holding ``d``."""
    return d - timedelta(days=d.weekday())


def weekday_by_direction(ref: date, weekday: int, direction: str) -> date:
    """The weekday nearest ``ref`` on the given side.

    "past" allows ``ref`` itself ("said Monday" published on a Monday is that
    day); "future" is strictly after ``ref`` (an event "on Monday" announced on
    a Monday means the following one: the same day would be "today");
    "onward" is on or after ``ref``; "nearest" picks the closer of the two,
    the past one on a tie.
    """
    back = ref - timedelta(days=(ref.weekday() - weekday) % 7)
    ahead = ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    if direction == "past":
        return back
    if direction == "future":
        return ahead
    if direction == "onward":
        return back if back == ref else ahead
    return back if (ref - back) <= (ahead - ref) else ahead


def weekday_in_week(ref: date, weekday: int, weeks: int) -> date:
    """The weekday of the week ``weeks`` away from the week of ``ref``."""
    return week_start(ref) + timedelta(days=7 * weeks + weekday)


def valid_date(year: int, month: int, day: int) -> date | None:
    """The date, or None if it does not exist (Feb 30, Feb 29 of 2019)."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _nearest_existing(ref: date, month: int, day: int, step: int) -> date | None:
    """The first existing month/day going from ``ref``'s year by ``step`` years.

    Eight years are enough to meet a leap year for February 29.
    """
    for k in range(9):
        found = valid_date(ref.year + step * k, month, day)
        if found and ((step < 0 and found <= ref) or (step > 0 and found >= ref)):
            return found
    return None


def month_day(ref: date, month: int, day: int, direction: str) -> date | None:
    """The year for a month-day written without one.

    "past": the latest such date on or before ``ref``, unless that is more
    than ~6 months back and the next one is nearer (the tense must have
    misled: "were getting ready for an August 3 vote" written in July);
    "future": the earliest on or after ``ref``; "nearest": the closer one.
    February 29 goes to the nearest leap year on the chosen side.
    """
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    back = _nearest_existing(ref, month, day, -1)
    ahead = _nearest_existing(ref, month, day, +1)
    if back is None or ahead is None:
        return back or ahead
    if direction == "future":
        return ahead
    far_off = (ref - back).days > FAR_OFF_DAYS
    if direction == "past" and not far_off:
        return back
    return back if (ref - back) <= (ahead - ref) else ahead


def month_by_direction(ref: date, month: int, direction: str) -> tuple[int, int]:
    """(year, month) of a month named without a year.

    "past": the latest such month up to and including the current one;
    "future": the earliest from the current one on; "nearest": the closer
    (counted in months, ties to the past).
    """
    back_year = ref.year if month <= ref.month else ref.year - 1
    ahead_year = ref.year if month >= ref.month else ref.year + 1
    if direction == "past":
        return back_year, month
    if direction == "future":
        return ahead_year, month
    back_gap = (ref.year - back_year) * 12 + ref.month - month
    ahead_gap = (ahead_year - ref.year) * 12 + month - ref.month
    return (back_year, month) if back_gap <= ahead_gap else (ahead_year, month)


def shift_month(ref: date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` away from the month of ``ref``."""
    index = ref.year * 12 + ref.month - 1 + months
    return index // 12, index % 12 + 1


def shift_days(ref: date, days: int) -> date:
    return ref + timedelta(days=days)


def weekend(ref: date, direction: str) -> tuple[date, date]:
    """The Saturday and Sunday of a weekend.

    "past": the weekend whose Saturday is the latest one strictly before
    ``ref`` (published on a Sunday: yesterday and today); "future": the
    weekend starting on the first Saturday on or after ``ref``; "this": the
    weekend of ``ref``'s own Monday-Sunday week.
    """
    if direction == "past":
        saturday = ref - timedelta(days=(ref.weekday() - 5 - 1) % 7 + 1)
    elif direction == "future":
        saturday = ref + timedelta(days=(5 - ref.weekday()) % 7)
    else:
        saturday = week_start(ref) + timedelta(days=5)
    return saturday, saturday + timedelta(days=1)
