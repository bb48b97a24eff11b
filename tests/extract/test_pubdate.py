"""Publication-date inference on invented texts; ``today`` is fixed so results do not age."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.pubdate import (
    candidate_years,
    find_dates,
    find_month_days,
    infer_from_corpus,
    infer_published,
    is_date_line,
    parse_given_date,
    parse_timestamp,
    year_bounds,
)
from eventwire.records import Removed

TODAY = date(2026, 1, 15)


@pytest.mark.parametrize(
    "given, iso",
    [
        ("2019-05-14", "2019-05-14"),
        ("2019-05-14T22:10:00+03:00", "2019-05-14"),
        ("Tue, 14 May 2019 22:10:00 GMT", "2019-05-14"),
        ("May 14, 2019", "2019-05-14"),
        ("14th of May 2019", "2019-05-14"),
        ("14.05.2019", "2019-05-14"),
        ("1557871800", "2019-05-14"),
        ("14 mai 2019", "2019-05-14"),
    ],
)
def test_given_date_formats(given: str, iso: str) -> None:
    got = infer_published("Some text.", given_date=given, today=TODAY)
    assert (got.value, got.confidence) == (iso, 1.0)
    assert given in got.basis


def test_unusable_given_date_falls_through() -> None:
    assert parse_given_date("yesterday") is None
    got = infer_published("Some text.", given_date="not a date", today=TODAY)
    assert got.value is None and "not usable" in got.basis


def test_dateline_with_year() -> None:
    got = infer_published("Officials met.", dateline="LISBON, March 3, 2019 (Reuters) -", today=TODAY)
    assert (got.value, got.confidence) == ("2019-03-03", 1.0)


def test_date_line_prefers_published_over_updated() -> None:
    removed = (Removed("Updated: 2019-05-16 08:00", "date"), Removed("Published: 2019-05-14 10:32 GMT", "date"))
    got = infer_published("Officials met.", removed=removed, today=TODAY)
    assert got.value == "2019-05-14"
    assert infer_published("x", removed=removed[:1], today=TODAY).confidence == 0.9


@pytest.mark.parametrize(
    "line, iso, unit",
    [("1557871800", "2019-05-14", "seconds"), ("1557871800000", "2019-05-14", "milliseconds")],
)
def test_timestamp_lines(line: str, iso: str, unit: str) -> None:
    got = infer_published("Officials met.", removed=(Removed(line, "timestamp"),), today=TODAY)
    assert (got.value, got.confidence) == (iso, 0.95)
    assert f"Unix time in {unit} {line} = 2019-05-14T22:10:00Z" == got.basis


def test_timestamps_out_of_range_are_not_dates() -> None:
    assert parse_timestamp("123456789") is None  # 1973
    assert parse_timestamp("4102444800") is None  # 2100
    assert parse_timestamp("15578718001") is None  # 11 digits


LEAD_TUESDAY = "The two foreign ministers said Tuesday that talks on the river border would continue."


def test_dateline_plus_weekday_unique_year() -> None:
    # May 14 is a Tuesday in 2002, 2013, 2019 and 2024; the text puts 2017 in the past
    # and the 2020 vote in the future, which leaves only 2019.
    body = (
        LEAD_TUESDAY
        + "\n\nThe dispute flared in 2017, when patrols clashed."
        + "\n\nBoth sides will face voters in the 2020 election ahead."
    )
    got = infer_published(body, dateline="May 14 (Harbour Wire) --", today=TODAY)
    assert (got.value, got.confidence) == ("2019-05-14", 0.8)
    assert "2019" in got.basis and "Tuesday" in got.basis


def test_dateline_plus_weekday_two_years_left_gives_none() -> None:
    body = LEAD_TUESDAY + "\n\nThe dispute flared in 2011, when patrols clashed."
    got = infer_published(body, dateline="May 14 (Harbour Wire) --", today=TODAY)
    assert got.value is None and got.confidence == 0.0
    assert "2013, 2019, 2024" in got.basis


def test_weekday_must_match_the_day() -> None:
    # May 14 is a Friday in 2021 and 2027: neither lies between 2022 (past) and today.
    body = "The ministers said Friday that talks would continue.\n\nThe dispute flared in 2022, when patrols clashed."
    got = infer_published(body, dateline="May 14 (Harbour Wire) --", today=TODAY)
    assert got.value is None


@pytest.mark.parametrize(
    "body, dateline",
    [
        ("The ministers said Tuesday that talks would continue.", None),  # weekday alone
        ("The ministers met on May 14 to continue the talks.", None),  # day-month alone
        ("The ministers met to continue the talks, officials said.", "May 14 (Harbour Wire) --"),  # no weekday
        ("The ministers met Tuesday. The dispute flared in 2017, when patrols clashed.", None),
    ],
)
def test_never_invents(body: str, dateline: str | None) -> None:
    got = infer_published(body, dateline=dateline, today=TODAY)
    assert got.value is None and got.confidence == 0.0
    assert got.basis


def test_no_date_basis_names_the_evidence() -> None:
    got = infer_published("The ministers met on Tuesday and will meet again on June 27.", today=TODAY)
    assert "Tuesday" in got.basis and "'June 27'" in got.basis and "year unknown" in got.basis


def test_never_after_today() -> None:
    body = LEAD_TUESDAY + "\n\nThe dispute flared in 2024, when patrols clashed."
    # May 14 is a Tuesday in 2024 and 2030; 2030 is after today.
    assert infer_published(body, dateline="May 14 --", today=TODAY).value == "2024-05-14"


def test_year_bounds_past_and_future() -> None:
    text = (
        "The bridge, which was built in 1998, was closed. "
        "Officials said the line will reopen by 2030. "
        "The 2026 games remain a topic."
    )
    got = year_bounds(text)
    assert (got.lower, got.upper) == (1998, 2030)
    assert got.past == (1998,) and got.future == (2030,)


def test_counts_and_times_are_not_years() -> None:
    assert year_bounds("About 2000 troops arrived at 1630 GMT and left, it was reported.").past == ()


def test_candidate_years_respect_bounds() -> None:
    bounds = year_bounds("It was founded in 2014.")
    assert candidate_years(5, 17, 0, bounds, TODAY) == [2021]  # May 17 is a Monday in 2021 (and 2027)


def test_finders() -> None:
    assert [(d.month, d.day, d.day_end) for d in find_month_days("on June 25-26, 2018, July 11-12 and 28-29 June")] == [
        (7, 11, 12),
        (6, 28, 29),
    ]
    assert [d[1].isoformat() for d in find_dates("Nov. 11, 2017 and 3 March 2019 and 2020-01-02")] == [
        "2017-11-11",
        "2019-03-03",
        "2020-01-02",
    ]
    assert find_dates("04/05/2019") == []  # ambiguous
    assert is_date_line("Tuesday, 14 May 2019 | 22:10 GMT")
    assert not is_date_line("Talks resumed on 14 May 2019 in Lisbon")


# ------------------------------------------------------------------ from the corpus

DATED_STORY = """Ministers meet in Portville to settle the Ardenne river border

Foreign ministers Kalev Tamm and Ines Varga met in Portville on Friday, the first round of the Ardenne river talks
since the commission was set up. Tamm said the Portville round had been useful. Varga said the Ardenne patrols
would be reduced. Observers from the Lundqvist Foundation attended. The next round is due in Corvara on May 20.
"""

UNDATED_SAME = """Tamm and Varga open Portville talks

Foreign ministers Kalev Tamm and Ines Varga began talks in Portville on May 10 on the Ardenne river border.

"I hope that we can settle the patrol question today," Tamm told reporters at the start.

Varga is due to brief the press at 6:30 p.m. after the session. The Lundqvist Foundation sent observers, as it did
on May 2-3 when officials prepared the Portville round. A further meeting in Corvara is planned for May 20.
"""

UNDATED_OTHER = """Harbour strike enters second week

Dock workers in Maravel extended their strike on Monday. The Maravel union said talks with the port authority on
May 10 and May 12 had failed. Kalev Tamm was not involved.
"""


def test_infer_from_corpus_same_affair_fixes_year_and_day() -> None:
    dated = [("a1", "2019-05-10", DATED_STORY)]
    title, body = UNDATED_SAME.split("\n", 1)
    got = infer_from_corpus(body.strip(), title, dated, today=TODAY)
    assert got is not None
    assert got.value == "2019-05-10"
    assert "a1" in got.basis and "2019" in got.basis


def test_infer_from_corpus_year_only_when_day_not_pinned() -> None:
    dated = [("a1", "2019-05-10", DATED_STORY)]
    title, body = UNDATED_SAME.split("\n", 1)
    body = body.replace("today", "soon").replace("is due to brief the press at 6:30 p.m.", "briefed the press")
    got = infer_from_corpus(body.strip(), title, dated, today=TODAY)
    assert got is not None and got.value is None
    assert "year 2019" in got.basis and "a1" in got.basis


def test_infer_from_corpus_other_affair_gives_none() -> None:
    dated = [("a1", "2019-05-10", DATED_STORY)]
    title, body = UNDATED_OTHER.split("\n", 1)
    assert infer_from_corpus(body.strip(), title, dated, today=TODAY) is None


def test_infer_from_corpus_needs_day_month_mentions() -> None:
    dated = [("a1", "2019-05-10", DATED_STORY)]
    body = "Foreign ministers Kalev Tamm and Ines Varga began talks in Portville on the Ardenne river border."
    assert infer_from_corpus(body, None, dated, today=TODAY) is None


def test_infer_from_corpus_far_dates_give_none() -> None:
    dated = [("a1", "2019-09-30", DATED_STORY)]
    title, body = UNDATED_SAME.split("\n", 1)
    assert infer_from_corpus(body.strip(), title, dated, today=TODAY) is None


def test_infer_from_corpus_disagreeing_years_give_no_date() -> None:
    dated = [("a1", "2019-05-10", DATED_STORY), ("a2", "2016-05-12", DATED_STORY)]
    title, body = UNDATED_SAME.split("\n", 1)
    got = infer_from_corpus(body.strip(), title, dated, today=TODAY)
    assert got is not None and got.value is None and "disagree" in got.basis


def test_lead_about_yesterday_is_not_the_reporting_day() -> None:
    body = "The two foreign ministers said yesterday, Tuesday, that talks would continue.\n\nIt flared in 2017, it was said."
    got = infer_published(body, dateline="May 14 (Harbour Wire) --", today=TODAY)
    assert got.value is None and "another day" in got.basis


# ----------------------------------------------------------- stamps at the top, URLs

from eventwire.extract.pubdate import head_stamp, url_date  # noqa: E402
from eventwire.extract.text import extract_text  # noqa: E402


@pytest.mark.parametrize(
    "head, iso",
    [
        ("Desk Staff March 4, 2022 18:05:11 CET\nThe harbour board met.", "2022-03-04"),  # byline + clock
        ("Economy Apr 02, 2021, 09:15\nPrices rose.", "2021-04-02"),  # section + date + clock
        ("This article is from October 9, 2020\nCouncillors voted.", "2020-10-09"),
        ("date 2019-11-23\nThe ferry left.", "2019-11-23"),
        ("Posted on Wed, June 5 2019\nThe strike ended.", "2019-06-05"),
        ("LIMA | Thu Feb 3 , 2022 4:10 pm EST LIMA - Ministers agreed", "2022-02-03"),  # tokenised spacing
        ("Sunday 6 March 2022 10.40 GMT The vote was close.", "2022-03-06"),
        ("Ana Ruiz | 14:02 local time , Tuesday , 8 March 2022 Farmers marched.", "2022-03-08"),
        ("August 30 , 2021 | By Joan Pike The port reopened.", "2021-08-30"),
        ("Floods close valley roads September 1 , 2021 | By the Desk Staff Water rose.", "2021-09-01"),
    ],
)
def test_stamps_at_the_top(head: str, iso: str) -> None:
    found = head_stamp(head, today=TODAY)
    assert found is not None and found[0].isoformat() == iso


@pytest.mark.parametrize(
    "head",
    [
        "The two ministers met on Monday, 7 March 2022 in Lima and agreed to talk again.",  # an event date in the lead
        "Thursday , March 3 , 2022 Volunteers stack sandbags along the river.",  # a caption with its day
        "Ferry timetable changes updated : Fri Feb 4 2022 08:01:00 Ministers met.",  # a list of headlines
        "Updated: March 9, 2022\nThe talks went on.",  # an update stamp: published on or before, not on
        "Inflation fell to 5.1 in March 2022 from 6.0 a year before.",
        "The plan was released February 17 , 2022 and debated for weeks.",
    ],
)
def test_dates_that_are_no_stamps(head: str) -> None:
    assert head_stamp(head, today=TODAY) is None


@pytest.mark.parametrize(
    "url, iso",
    [
        ("https://news.example.org/2021/06/27/harbour-strike", "2021-06-27"),
        ("https://paper.example.com/world/2021/jan/18/border-talks", "2021-01-18"),
        ("https://site.example.in/content/2020-07-16-floods-close-roads", "2020-07-16"),
        ("https://wire.example.net/story/20190331/ferry", "2019-03-31"),
    ],
)
def test_url_dates(url: str, iso: str) -> None:
    found = url_date(url, today=TODAY)
    assert found is not None and found[0].isoformat() == iso


@pytest.mark.parametrize("url", [
    "https://site.example.com/news/article-2019123456",  # an id, not a date
    "https://site.example.com/2019/13/40/x",  # no such day
    "https://site.example.com/2030/01/01/x",  # after today
    "https://site.example.com/2019/06/budget",  # a month is no day
    None,
])
def test_urls_without_a_day(url) -> None:
    assert url_date(url, today=TODAY) is None


def test_url_date_for_a_json_record_without_a_date() -> None:
    got = extract_text("Ferry talks resume\n\nThe two ports resumed talks on Monday.",
                       url="https://port.example.org/2021/05/11/ferry-talks")
    assert got.published.value == "2021-05-11" and "URL path" in got.published.basis


def test_stamp_in_a_line_the_cleaner_keeps() -> None:
    text = "Harbour pilots end walkout\nDesk Staff March 4, 2022 18:05:11 CET\nPilots at the harbour returned to work on Friday after talks."
    got = extract_text(text)
    assert got.published.value == "2022-03-04", got.published.basis


def test_disagreeing_evidence_is_kept_in_the_basis() -> None:
    text = "Pilots return\n\nPosted on March 5, 2022\n\nPilots at the harbour returned to work after the talks."
    got = extract_text(text, url="https://port.example.org/2022/03/04/pilots")
    assert got.published.value == "2022-03-05"
    assert "other evidence" in got.published.basis and "2022-03-04" in got.published.basis


def test_a_date_line_inside_the_article_is_no_publication_date() -> None:
    body = "\n\n".join(["Harbour pilots end walkout", "Pilots at the harbour returned to work after talks on pay."] +
                       [f"The board said clause {n} of the agreement would hold for two years and cover all staff." for n in range(8)] +
                       ["January 25, 2021", "More from the port desk."])
    got = extract_text(body)
    assert got.published.value is None
