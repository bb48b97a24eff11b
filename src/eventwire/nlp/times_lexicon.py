"""Word lists and regular-expression pieces for English time expressions.

Everything here is data: names of months and weekdays, number words, units
of time, time-zone offsets, and the small closed word classes the
recogniser (``times_recognise``) and the tense reader (``times_tense``)
consult.  Keeping them in one place makes the grammar easy to audit.
"""
from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
# Words that turn a weekday name into the name of a feast or an event.
WEEKDAY_EVENT_WORDS = frozenset(
    "black good holy ash easter palm super cyber bloody maundy shrove giving whit fat low".split()
)

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "hundred": 100,
}
# Quantities that say "some number of": the expression is vague.
VAGUE_QUANTITIES = ("a few", "a couple of", "several", "few", "many", "some", "a number of")

# unit word -> (ISO 8601 duration designator, is it a time-of-day unit)
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "year": ("Y", False), "decade": ("Y", False), "century": ("Y", False),
}
UNIT_MULTIPLIER = {"fortnight": 2, "decade": 10, "century": 100}

# Time-zone abbreviations and their UTC offsets ("" = unknown offset).
TIME_ZONES: dict[str, str] = {
    "GMT": "Z", "UTC": "Z", "Z": "Z", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00",
    "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "EST": "-05:00", "EDT": "-04:00",
    "CST": "-06:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00",
    "PDT": "-07:00", "JST": "+09:00", "KST": "+09:00", "HKT": "+08:00", "SGT": "+08:00",
    "AEST": "+10:00", "AEDT": "+11:00", "ET": "", "CT": "", "MT": "", "PT": "", "IST": "",
}

# Words before a 4-digit number that make it a reference number, not a year.
NUMBER_NOUNS = frozenset(
    "resolution resolutions no no. number flight route highway room page pages article "
    "section paragraph chapter item code bill rule model unit platform gate channel "
    "ticket account case order decree law act amendment".split()
)

# Reporting verbs: in the simple present ("Putin says") they report the past.
REPORTING_VERBS = frozenset(
    "say tell report announce claim insist deny warn add note state write argue "
    "confirm reveal admit acknowledge declare allege accuse urge".split()
)
# Heads whose infinitive complement is a planned or expected event:
# "is scheduled to meet", "is due to hold", "plans to visit".
FUTURE_HEADS = frozenset(
    "schedule expect due set slate plan intend aim hope prepare poise agree promise "
    "vow pledge threaten want seek likely ready about go bound certain decide be".split()
)
# Modifiers of a noun that make the event it names a future one.
FUTURE_MODIFIERS = frozenset(
    "upcoming forthcoming planned proposed scheduled coming future next expected".split()
)
FUTURE_MODALS = frozenset("will shall 'll wo".split())
PAST_FUTURE_MODALS = frozenset("would 'd".split())

# A spaCy DATE/TIME entity is kept only if it contains one of these.
TIME_WORDS = frozenset(
    "second seconds minute minutes hour hours day days week weeks weekend fortnight month "
    "months year years decade decades century centuries today tonight yesterday tomorrow "
    "morning afternoon evening night noon midnight ago spring summer autumn fall winter "
    "quarter season era".split()
)
