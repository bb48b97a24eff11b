"""Time expressions: recognition, tense and normalisation, one rule at a time.

All sentences are written for these tests.  Reference weekdays used below:
2021-06-11 is a Friday, 2021-06-07 a Monday,
2021-01-03 a Sunday (ISO week 2020-W53), 2021-01-01 a Friday, 2022-03-16 a Wednesday
(ISO week 2022-W11).
"""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.nlp import times_calendar as cal
from eventwire.nlp.times import find_times
from eventwire.records import TimeExpr


def run(nlp, text: str, published: str | None) -> list[TimeExpr]:
    return find_times(nlp(text), published)


def expr(nlp, text: str, phrase: str, published: str | None) -> TimeExpr:
    """The expression overlapping the first occurrence of ``phrase``."""
    start = text.index(phrase)
    end = start + len(phrase)
    found = [t for t in run(nlp, text, published) if t.start < end and start < t.end]
    assert found, f"nothing found for {phrase!r} in {text!r}"
    return found[0]


def value(nlp, text: str, phrase: str, published: str | None) -> str | None:
    return expr(nlp, text, phrase, published).value


# ------------------------------------------------------------------ full dates


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("The treaty was signed on Nov. 11, 2017, in Paris.", "Nov. 11, 2017", "2017-11-11"),
        ("The deal took effect on 11 November 2017.", "11 November 2017", "2017-11-11"),
        ("The file carries the date 2017-11-11 on its cover.", "2017-11-11", "2017-11-11"),
        ("The letter was sent on 11/12/2017 by courier.", "11/12/2017", "2017-11-12"),
        ("The letter was sent on 25/12/2017 by courier.", "25/12/2017", "2017-12-25"),
        ("The fair opened on 03.04.2019 in Leipzig.", "03.04.2019", "2019-04-03"),
        ("Polls closed on Tuesday, November 8, 2016, at eight.", "November 8, 2016", "2016-11-08"),
        ("The 4th of July, 1976 was a Sunday.", "4th of July, 1976", "1976-07-04"),
    ],
)
def test_full_dates(nlp, text, phrase, expected):
    assert value(nlp, text, phrase, "2021-06-11") == expected
    assert value(nlp, text, phrase, None) == expected


def test_full_date_keeps_preposition_and_has_basis(nlp):
    found = expr(nlp, "The treaty was signed on Nov. 11, 2017, in Paris.", "Nov.", "2021-06-11")
    assert found.text == "on Nov. 11, 2017"
    assert found.kind == "date"
    assert "explicit" in found.basis


def test_impossible_date_has_no_value(nlp):
    assert value(nlp, "The memo was dated February 29, 2019 by mistake.", "February 29", "2021-06-11") is None


# ------------------------------------------------------------ month-day, no year


@pytest.mark.parametrize(
    "text, phrase, published, expected",
    [
        ("Ministers will meet on May 19 in Vienna.", "May 19", "2021-05-02", "2021-05-19"),
        ("Ministers met on 19 May in Vienna.", "19 May", "2021-05-25", "2021-05-19"),
        ("The talks will resume on January 5.", "January 5", "2018-12-20", "2019-01-05"),
        ("Protesters gathered on December 28 outside parliament.", "December 28", "2019-01-03", "2018-12-28"),
        ("Voters will go to the polls on November 3.", "November 3", "2020-01-15", "2020-11-03"),
        # past tense, but the past reading is far off and the next one near
        ("Delegates were preparing for a meeting on March 3.", "March 3", "2019-02-20", "2019-03-03"),
        # leap day: the nearest existing February 29 on the tense's side
        ("The law was passed on February 29.", "February 29", "2021-03-10", "2020-02-29"),
        ("The rule will take effect on Feb. 29.", "Feb. 29", "2023-05-01", "2024-02-29"),
        # a weekday names the year
        ("Crowds gathered on Monday, May 17 in the square.", "May 17", "2021-05-25", "2021-05-17"),
    ],
)
def test_month_day_year_by_tense(nlp, text, phrase, published, expected):
    assert value(nlp, text, phrase, published) == expected


def test_month_day_without_publication_date_has_no_value(nlp):
    assert value(nlp, "Ministers will meet on July 16 in Vienna.", "July 16", None) is None


# --------------------------------------------------------------------- weekdays

FRIDAY = "2021-06-11"


@pytest.mark.parametrize(
    "text, phrase, published, expected",
    [
        ("The minister said Monday that talks had stalled.", "Monday", FRIDAY, "2021-06-07"),
        ("The minister said Friday that talks had stalled.", "Friday", FRIDAY, "2021-06-11"),
        ("Officials met on Wednesday in the capital.", "Wednesday", FRIDAY, "2021-06-09"),
        ("The leaders will meet on Tuesday.", "Tuesday", FRIDAY, "2021-06-15"),
        ("The leaders will meet on Friday.", "Friday", FRIDAY, "2021-06-18"),
        ("The vote is scheduled for Thursday.", "Thursday", FRIDAY, "2021-06-17"),
        ("The committee is due to report on Monday.", "Monday", FRIDAY, "2021-06-14"),
        ("The president is meeting his counterpart on Monday.", "Monday", FRIDAY, "2021-06-14"),
        ("Next Wednesday's summit will be short.", "Next Wednesday", FRIDAY, "2021-06-16"),
        ("Talks start next Wednesday in Geneva.", "next Wednesday", "2021-06-07", "2021-06-16"),
        ("The envoy arrived last Thursday.", "last Thursday", FRIDAY, "2021-06-03"),
        ("The results come out this Friday.", "this Friday", "2021-06-08", "2021-06-11"),
        # year boundary
        ("The spokesman said Tuesday that no decision was taken.", "Tuesday", "2021-01-01", "2020-12-29"),
        # no verb at all (a caption): taken as past
        ("Protesters in the capital on Saturday.", "Saturday", FRIDAY, "2021-06-05"),
        # reported speech dated by its own expression
        ("He said on Monday that the talks would start on Thursday.", "Thursday", FRIDAY, "2021-06-10"),
        # present tense: today or after
        ("A series of public hearings start Wednesday in the capital.", "Wednesday", FRIDAY, "2021-06-16"),
        ("A series of public hearings start Friday in the capital.", "Friday", FRIDAY, "2021-06-11"),
        # "be to" is a future
        ("The alliance is to decide on Wednesday whether to stay.", "Wednesday", "2021-06-10", "2021-06-16"),
        # cues just before the weekday
        ("The border has been closed since Friday.", "Friday", "2021-06-14", "2021-06-11"),
        ("Ministers will meet later on Monday.", "Monday", "2021-06-07", "2021-06-07"),
        ("The upcoming talks on Monday could be tense.", "Monday", FRIDAY, "2021-06-14"),
        ("The ceasefire starts this coming Friday.", "Friday", FRIDAY, "2021-06-18"),
        # a present verb says nothing of the event a noun names
        ("Thursday's vote offers the rebels some hope.", "Thursday", FRIDAY, "2021-06-10"),
    ],
)
def test_weekdays_by_tense_and_modifier(nlp, text, phrase, published, expected):
    assert value(nlp, text, phrase, published) == expected


def test_weekday_span_and_basis(nlp):
    found = expr(nlp, "Officials met on Wednesday in the capital.", "Wednesday", FRIDAY)
    assert found.text == "on Wednesday"
    assert "past" in found.basis and "Wednesday" in found.basis


def test_weekday_named_feast_is_not_a_weekday(nlp):
    found = run(nlp, "Shops cut prices for Black Friday.", FRIDAY)
    assert not any("Friday" in t.text for t in found)


def test_would_without_saying_date_takes_nearest(nlp):
    # published on a Friday: the Tuesday three days back is nearer than the one four days ahead
    text = "He said the talks would start on Tuesday."
    assert value(nlp, text, "Tuesday", FRIDAY) == "2021-06-08"


# ----------------------------------------------------------------------- months


@pytest.mark.parametrize(
    "text, phrase, published, expected",
    [
        ("Sanctions were announced in April.", "April", "2021-06-11", "2021-04"),
        ("Sanctions were announced in April.", "April", "2021-02-10", "2020-04"),
        ("Elections will be held in April.", "April", "2021-06-11", "2022-04"),
        ("Elections will be held in April.", "April", "2021-02-10", "2021-04"),
        ("Sanctions were announced in June.", "June", "2021-06-11", "2021-06"),
        ("Elections will be held in June.", "June", "2021-06-11", "2021-06"),
        ("The envoy resigned in december.", "december", "2021-01-05", "2020-12"),
        ("Talks will resume in January.", "January", "2020-12-15", "2021-01"),
        ("The leader was criticised in march by his rivals.", "march", "2021-06-11", "2021-03"),
        ("The plant opens next April.", "next April", "2021-04-10", "2022-04"),
        ("The plant closed last April.", "last April", "2021-04-10", "2020-04"),
        ("The plant closed last March.", "last March", "2021-04-10", "2021-03"),
        ("Work began in early April.", "early April", "2021-06-11", "2021-04"),
        ("The bank collapsed in April 2019.", "April 2019", None, "2019-04"),
        ("The bank will reopen in mid-October.", "October", "2021-06-11", "2021-10"),
    ],
)
def test_months(nlp, text, phrase, published, expected):
    assert value(nlp, text, phrase, published) == expected


def test_month_span_keeps_in(nlp):
    found = expr(nlp, "Sanctions were announced in April.", "April", "2021-06-11")
    assert (found.text, found.kind) == ("in April", "month")


@pytest.mark.parametrize(
    "text",
    [
        "Thousands will march on the capital.",
        "Veterans took part in a march through the city.",
        "Officials may decide later.",
    ],
)
def test_month_words_used_otherwise(nlp, text):
    assert not any(t.kind == "month" for t in run(nlp, text, "2021-06-11"))


# ------------------------------------------------------------------------ years


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("Russia annexed Crimea in 2014.", "2014", "2014"),
        ("Observers monitored the 2020 election.", "2020", "2020"),
        ("The country's 2014 annexation drew sanctions.", "2014", "2014"),
        ("Fighting raged between 2014 and 2016 in the east.", "2014", "2014/2016"),
        ("The 2014-16 drought hit farmers.", "2014", "2014/2016"),
        ("Unemployment soared in the 1990s.", "1990s", "1990/1999"),
        ("Unemployment soared in the late 1990s.", "1990s", "1990/1999"),
        ("Output recovered in early 2014.", "2014", "2014"),
    ],
)
def test_years(nlp, text, phrase, expected):
    assert value(nlp, text, phrase, None) == expected


def test_year_keeps_in(nlp):
    assert expr(nlp, "Russia annexed Crimea in 2014.", "2014", None).text == "in 2014"


@pytest.mark.parametrize(
    "text",
    [
        "The army sent 2,014 troops to the border.",
        "The army sent 2014 troops to the border.",
        "The council adopted Resolution 2231 unanimously.",
        "The ticket cost $2014 in total.",
    ],
)
def test_numbers_that_are_not_years(nlp, text):
    assert not any(t.kind == "year" for t in run(nlp, text, "2021-06-11"))


# -------------------------------------------------------------------- intervals


@pytest.mark.parametrize(
    "text, phrase, published, expected",
    [
        ("Envoys held meetings on March 14-15 in Rome.", "March 14-15", "2022-03-17", "2022-03-14/2022-03-15"),
        ("The fair will take place on 9-10 October in Lyon.", "9-10 October", "2021-09-01", "2021-10-09/2021-10-10"),
        ("The fair will run from May 3 to May 5.", "May 3", "2019-04-20", "2019-05-03/2019-05-05"),
        ("The fair will run from May 3 to 5.", "May 3", "2019-04-20", "2019-05-03/2019-05-05"),
        ("The fair will run between May 3 and May 5.", "May 3", "2019-04-20", "2019-05-03/2019-05-05"),
        ("The fair will run from 3 May to 5 May.", "3 May", "2019-04-20", "2019-05-03/2019-05-05"),
        ("Offices close from December 30 to January 2.", "December 30", "2019-12-15", "2019-12-30/2020-01-02"),
        ("Strikes will run from Monday to Wednesday.", "Monday", FRIDAY, "2021-06-14/2021-06-16"),
        ("Prices rose from April to June.", "April", "2021-07-01", "2021-04/2021-06"),
        ("A trade congress is set for April 20-22, 2016 in Lisbon.", "April 20-22", None, "2016-04-20/2016-04-22"),
        ("Talks ran between March and May 2019.", "March", None, "2019-03/2019-05"),
        ("The season will run from November to February.", "November", "2021-10-01", "2021-11/2022-02"),
    ],
)
def test_intervals(nlp, text, phrase, published, expected):
    found = expr(nlp, text, phrase, published)
    assert (found.value, found.kind) == (expected, "interval")


def test_interval_span_keeps_from(nlp):
    found = expr(nlp, "The fair will run from May 3 to May 5.", "May 3", "2019-04-20")
    assert found.text == "from May 3 to May 5"


def test_dates_joined_by_plain_and_stay_apart(nlp):
    found = run(nlp, "Rallies were held on May 3 and May 5.", "2019-05-20")
    assert [t.value for t in found] == ["2019-05-03", "2019-05-05"]


# --------------------------------------------------------------------- relative

WEDNESDAY = "2022-03-16"


@pytest.mark.parametrize(
    "text, phrase, published, expected",
    [
        ("The minister resigned yesterday.", "yesterday", WEDNESDAY, "2022-03-15"),
        ("The minister resigns today.", "today", WEDNESDAY, "2022-03-16"),
        ("The minister will resign tomorrow.", "tomorrow", WEDNESDAY, "2022-03-17"),
        ("The minister will resign tomorrow.", "tomorrow", "2018-12-31", "2019-01-01"),
        ("The minister resigned yesterday.", "yesterday", "2020-03-01", "2020-02-29"),
        ("Talks broke down last week.", "last week", WEDNESDAY, "2022-W10"),
        ("Talks broke down last week.", "last week", "2021-01-03", "2020-W52"),
        ("Talks resume next week.", "next week", WEDNESDAY, "2022-W12"),
        ("A newspaper earlier this week reported the plan.", "earlier this week", WEDNESDAY, "2022-W11"),
        ("Prices rose this month.", "this month", WEDNESDAY, "2022-03"),
        ("Prices rose last month.", "last month", WEDNESDAY, "2022-02"),
        ("Prices will rise next month.", "next month", "2018-12-10", "2019-01"),
        ("Prices rose last year.", "last year", WEDNESDAY, "2021"),
        ("Prices will rise next year.", "next year", WEDNESDAY, "2023"),
        ("The envoy arrived two days ago.", "two days ago", WEDNESDAY, "2022-03-14"),
        ("The envoy arrived three weeks ago.", "three weeks ago", WEDNESDAY, "2022-W08"),
        ("The envoy arrived two months ago.", "two months ago", WEDNESDAY, "2022-01"),
        ("The envoy arrived five years ago.", "five years ago", WEDNESDAY, "2017"),
        ("The envoy will return in two weeks.", "two weeks", WEDNESDAY, "2022-W13"),
    ],
)
def test_relative(nlp, text, phrase, published, expected):
    found = expr(nlp, text, phrase, published)
    assert (found.value, found.kind) == (expected, "relative")


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The envoy arrived a few days ago.", "a few days ago"),
        ("The envoy left and returned two days later.", "two days later"),
        ("Exports fell in 2009 after a boom the previous year.", "previous year"),
    ],
)
def test_relative_without_value(nlp, text, phrase):
    assert value(nlp, text, phrase, WEDNESDAY) is None


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("The minister said over the weekend that talks had failed.", WEDNESDAY, "2022-03-12/2022-03-13"),
        ("The minister said over the weekend that talks had failed.", "2022-03-13", "2022-03-12/2022-03-13"),
        ("Protests will continue over the weekend.", WEDNESDAY, "2022-03-19/2022-03-20"),
        ("Crowds are expected this weekend.", WEDNESDAY, "2022-03-19/2022-03-20"),
    ],
)
def test_weekend(nlp, text, published, expected):
    found = expr(nlp, text, "weekend", published)
    assert (found.value, found.kind) == (expected, "interval")
    assert "weekend" in found.text


# ----------------------------------------------------------------- times of day


def test_times_of_day_on_publication_day(nlp):
    text = "She is due to speak at 9:15 p.m. (1815 GMT) in Nairobi."
    assert expr(nlp, text, "9:15", WEDNESDAY).value == "2022-03-16T21:15"
    zoned = expr(nlp, text, "1815", WEDNESDAY)
    assert (zoned.value, zoned.kind, zoned.text) == ("2022-03-16T18:15Z", "time", "1815 GMT")


def test_time_of_day_takes_the_day_of_its_sentence(nlp):
    text = "The meeting on March 15 began at 10 a.m. sharp."
    assert value(nlp, text, "10 a.m.", WEDNESDAY) == "2022-03-15T10:00"


def test_dotted_time_with_zone(nlp):
    text = "Updated Tuesday 6 July 2010 18.50 BST by the desk."
    assert value(nlp, text, "18.50", "2010-07-06") == "2010-07-06T18:50+01:00"


def test_time_of_day_without_derivable_day(nlp):
    found = expr(nlp, "The blast happened at 9:15 a.m. near the port.", "9:15", WEDNESDAY)
    assert (found.value, found.kind) == (None, "time")
    assert value(nlp, "She is due to speak at 9:15 p.m. in Nairobi.", "9:15", None) is None


# -------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("The war lasted three years.", "three years", "P3Y"),
        ("Talks lasted nearly two hours.", "two hours", "PT2H"),
        ("The president began a two-week visit.", "two-week", "P2W"),
        ("The repairs will take three to four years.", "three to four years", None),
        ("He was jailed in two years of turmoil.", "two years", "P2Y"),
    ],
)
def test_durations(nlp, text, phrase, expected):
    found = expr(nlp, text, phrase, WEDNESDAY)
    assert (found.value, found.kind) == (expected, "duration")


# ---------------------------------------------------------------- edge cases


def test_empty_and_blank_documents(nlp):
    assert run(nlp, "", WEDNESDAY) == []
    assert run(nlp, "   \n\n ", None) == []


def test_no_publication_date_keeps_only_self_contained_values(nlp):
    found = run(nlp, "Officials met on Friday, a year after the vote on Nov. 11, 2017.", None)
    values = {t.text: t.value for t in found}
    assert values["on Friday"] is None
    assert values["on Nov. 11, 2017"] == "2017-11-11"


def test_unparseable_publication_date_counts_as_absent(nlp):
    assert value(nlp, "Officials met on Friday.", "Friday", "sometime in June") is None


def test_offsets_point_into_the_body_and_do_not_overlap(nlp):
    text = "On Thursday, officials said talks would resume on May 19, 2021 after a break in April."
    found = run(nlp, text, "2021-05-14")
    assert all(text[t.start:t.end] == t.text and t.basis for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_spacy_entity_the_grammar_cannot_read_is_kept_without_value(nlp):
    found = run(nlp, "The ministers argued until the middle of the day.", WEDNESDAY)
    assert any("day" in t.text and t.value is None for t in found)


# ---------------------------------------------------------------- calendar unit


def test_calendar_helpers():
    friday = date(2021, 6, 11)
    assert cal.weekday_by_direction(friday, 4, "past") == friday
    assert cal.weekday_by_direction(friday, 4, "future") == date(2021, 6, 18)
    assert cal.weekday_in_week(friday, 2, 1) == date(2021, 6, 16)
    assert cal.iso_week(date(2021, 1, 3)) == "2020-W53"
    assert cal.month_by_direction(date(2021, 2, 10), 4, "past") == (2020, 4)
    assert cal.month_by_direction(date(2021, 6, 10), 6, "future") == (2021, 6)
    assert cal.shift_month(date(2018, 12, 10), 1) == (2019, 1)
    assert cal.weekend(date(2018, 6, 30), "past") == (date(2018, 6, 23), date(2018, 6, 24))
    assert cal.month_day(date(2021, 3, 10), 2, 29, "past") == date(2020, 2, 29)


def test_weekday_on_an_infinitive_after_an_object_of_a_past_verb(nlp):
    # the parser hangs "on Monday" on "to widen": the day is still the signing's (2021-06-11 is a Friday)
    text = "Ghana signed agreements to widen trade with Togo on Monday."
    assert expr(nlp, text, "on Monday", "2021-06-11").value == "2021-06-07"
    # "to be held" lies ahead
    text = "They announced a summit to be held on Monday."
    assert expr(nlp, text, "on Monday", "2021-06-11").value == "2021-06-14"
