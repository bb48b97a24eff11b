"""dateparser as a fallback for the odd formats the grammar does not know.

Only spaCy DATE/TIME entities that the grammar of ``times_patterns`` cannot
read reach this module, and only when they contain a month name, a year or
a numeric date:
dateparser is slow (about a millisecond an expression, a tenth of a second
for its first call) and blind to tense, so the grammar handles everything
common and passes dateparser the tense as its PREFER_DATES_FROM setting.
``benchmarks/times.py`` measures both on the seed articles.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from dateparser.date import DateDataParser

from eventwire.nlp.times_lexicon import MONTH_ABBREVIATIONS, MONTHS
from eventwire.nlp.times_resolve import Resolution

_PREFERENCE = {"past": "past", "future": "future", "nearest": "current_period"}
_YEAR = re.compile(r"\b(1[5-9]\d\d|2[01]\d\d)\b")
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(list(MONTHS) + list(MONTH_ABBREVIATIONS)) + r")\b", re.IGNORECASE)


def worth_parsing(text: str) -> bool:
    """Does the text hold a month name, a year or a numeric date, i.e. a chance of a value?

    A bare small number ("the 15th day", "day 15") is not enough: dateparser
    would read it as a day of the current month.
    """
    return bool(_MONTH_WORD.search(text) or _YEAR.search(text) or re.search(r"\d[-/.]\d", text))


def parse(text: str, ref: date | None, side: str) -> Resolution | None:
    """Value of ``text`` by dateparser, or None if it finds none.

    Without a reference date only text with a 4-digit year is tried, and a
    year is then required, so nothing is resolved against today's clock.
    """
    settings: dict = {"PREFER_DATES_FROM": _PREFERENCE[side]}
    if ref is None:
        year = _YEAR.search(text)
        if not year:
            return None
        settings.update(RELATIVE_BASE=datetime(int(year.group()), 1, 1), REQUIRE_PARTS=["year"])
    else:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    found = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if found is None or found.date_obj is None:
        return None
    when, period = found.date_obj, found.period
    basis = f"dateparser, preferring the {_PREFERENCE[side].replace('_', ' ')}"
    if period == "year":
        return Resolution(f"{when.year:04d}", "year", basis)
    if period == "month":
        return Resolution(f"{when.year:04d}-{when.month:02d}", "month", basis)
    if period == "week":
        year, week, _ = when.isocalendar()
        return Resolution(f"{year}-W{week:02d}", "relative", basis)
    if period == "time" or (when.hour or when.minute):
        return Resolution(when.strftime("%Y-%m-%dT%H:%M"), "time", basis)
    return Resolution(when.date().isoformat(), "date", basis)
