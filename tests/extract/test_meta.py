"""Title, byline, dateline and outlet on invented texts."""
from __future__ import annotations

import pytest

from eventwire.extract.clean import clean
from eventwire.extract.meta import agency_name, outlet_from_url, parse_byline, parse_dateline, read_meta

LEAD = "Officials from the two neighbours met on Thursday to discuss the disputed river border, a spokeswoman said."
MORE = "The talks, the third round this year, ended without a joint statement but both sides agreed to meet again."


def meta_of(*lines: str, url: str | None = None, given_title: str | None = None):
    return read_meta(clean("\n\n".join(lines) + "\n"), url=url, given_title=given_title)


@pytest.mark.parametrize(
    "paragraph, dateline, place, agency",
    [
        ("August 3 (Harbour Wire) -- " + LEAD, "August 3 (Harbour Wire) --", None, "Harbour Wire"),
        ("Aug. 3 (UPI) -- " + LEAD, "Aug. 3 (UPI) --", None, "UPI"),
        ("PORTVILLE – " + LEAD, "PORTVILLE –", "PORTVILLE", None),
        ("LISBON, March 3 (Reuters) - " + LEAD, "LISBON, March 3 (Reuters) -", "LISBON", "Reuters"),
        ("OSLO, June 16 -- " + LEAD, "OSLO, June 16 --", "OSLO", None),
        ("NEW YORK (AP) — " + LEAD, "NEW YORK (AP) —", "NEW YORK", "AP"),
        ("PORTLAND, Ore., May 5, 2019 (AP) — " + LEAD, "PORTLAND, Ore., May 5, 2019 (AP) —", "PORTLAND", "AP"),
        ("KAZAN, July 3. /TASS/. " + LEAD, "KAZAN, July 3. /TASS/.", "KAZAN", "TASS"),
        ("Lisbon (CNN) — " + LEAD, "Lisbon (CNN) —", "Lisbon", "CNN"),
    ],
)
def test_dateline_forms(paragraph: str, dateline: str, place: str | None, agency: str | None) -> None:
    got = parse_dateline(paragraph)
    assert got is not None
    assert (got.text, got.place, got.agency) == (dateline, place, agency)
    assert paragraph[got.end :] == LEAD


@pytest.mark.parametrize("paragraph", [LEAD, "BREAKING: " + LEAD, "US officials said - again - that " + LEAD])
def test_no_dateline(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


@pytest.mark.parametrize(
    "line, name",
    [
        ("By Ana Lima", "Ana Lima"),
        ("BY ANA LIMA", "ANA LIMA"),
        ("By Ana Lima and Tom Berg", "Ana Lima and Tom Berg"),
        ("By Ana Lima, Reuters", "Ana Lima"),
        ("By Ana Lima, Staff Writer", "Ana Lima"),
        ("By Ana Lima | May 4, 2021", "Ana Lima"),
        ("Por Elena Ruiz", "Elena Ruiz"),
        ("By Tuesday", None),
        ("By contrast, the minister said little.", None),
    ],
)
def test_byline(line: str, name: str | None) -> None:
    assert parse_byline(line) == name


def test_title_byline_and_place_dateline() -> None:
    got = meta_of(
        "Advertisement", "Neighbours hold fresh border talks on river", "By Ana Lima", "PORTVILLE – " + LEAD, MORE
    )
    assert got.title == "Neighbours hold fresh border talks on river"
    assert got.byline == "Ana Lima"
    assert got.dateline == "PORTVILLE –"
    assert got.paragraphs[0] == "PORTVILLE – " + LEAD  # a place stays in the body
    assert (got.outlet, got.outlet_basis) == (None, None)


def test_date_only_dateline_leaves_body_and_names_outlet() -> None:
    got = meta_of("Neighbours hold fresh border talks on river", "Aug. 3 (UPI) -- " + LEAD, MORE)
    assert got.paragraphs[0] == LEAD
    assert (got.outlet, got.outlet_basis) == ("UPI", "dateline")
    assert ("Aug. 3 (UPI) --", "dateline") in [(r.line, r.reason) for r in got.removed]


def test_breadcrumb_confirms_title_over_earlier_line() -> None:
    got = meta_of(
        "Harbour Wire",
        "Home / World / Neighbours hold fresh border talks on river",
        "Neighbours hold fresh border talks on river",
        LEAD,
        MORE,
    )
    assert got.title == "Neighbours hold fresh border talks on river"
    assert (got.outlet, got.outlet_basis) == ("Harbour Wire", "masthead")


def test_agency_line_gives_outlet() -> None:
    got = meta_of("Neighbours hold fresh border talks on river\nXinhua\n1530000000", LEAD, MORE)
    assert got.title == "Neighbours hold fresh border talks on river"
    assert (got.outlet, got.outlet_basis) == ("Xinhua", "leading-name")
    assert "Xinhua" not in got.paragraphs


def test_desk_credit_gives_outlet() -> None:
    got = meta_of("Neighbours hold fresh border talks on river", LEAD, MORE, "(Harbour News Monitoring Desk)")
    assert (got.outlet, got.outlet_basis) == ("Harbour News", "credit")


def test_reporting_credit_is_not_an_outlet() -> None:
    got = meta_of("Neighbours hold fresh border talks on river", LEAD, MORE, "With reporting by AFP and Reuters")
    assert got.outlet is None


def test_url_wins() -> None:
    got = meta_of(
        "Neighbours hold fresh border talks on river", "Aug. 3 (UPI) -- " + LEAD, url="https://www.example-news.co.uk/a/1"
    )
    assert (got.outlet, got.outlet_basis) == ("example-news.co.uk", "url")


@pytest.mark.parametrize(
    "url, name",
    [
        ("https://www.reuters.com/world/x", "Reuters"),
        ("https://edition.cnn.com/2021/06/11/x", "CNN"),
        ("http://m.harbourwire.net/story", "harbourwire.net"),
        ("https://news.example.com.au/x", "example.com.au"),
    ],
)
def test_outlet_from_url(url: str, name: str) -> None:
    assert outlet_from_url(url) == name


def test_agency_name_lines() -> None:
    assert agency_name("Xinhua") == "Xinhua"
    assert agency_name("Source: AFP") == "AFP"
    assert agency_name("Harbour Wire") is None


def test_given_title_wins_and_its_line_leaves_the_body() -> None:
    got = meta_of("Neighbours hold fresh border talks on river | Harbour Wire", LEAD, MORE,
                  given_title="Neighbours hold fresh border talks on river")
    assert got.title == "Neighbours hold fresh border talks on river"
    assert got.paragraphs[0] == LEAD
    assert got.removed[0].reason == "title"


def test_leftover_head_lines_are_recorded() -> None:
    got = meta_of("Neighbours hold fresh border talks on river", "Talks resume in the spring", LEAD, MORE)
    assert [(r.line, r.reason) for r in got.removed] == [
        ("Neighbours hold fresh border talks on river", "title"),
        ("Talks resume in the spring", "before-body"),
    ]


def test_dateline_alone_on_its_line() -> None:
    got = meta_of("Neighbours hold fresh border talks on river", "PORTVILLE —", LEAD, MORE)
    assert got.dateline == "PORTVILLE —"
    assert got.paragraphs[0] == LEAD
    assert ("PORTVILLE —", "dateline") in [(r.line, r.reason) for r in got.removed]


def test_known_outlet_suffix_leaves_title() -> None:
    got = meta_of("Neighbours hold fresh border talks on river | Reuters", LEAD, MORE)
    assert got.title == "Neighbours hold fresh border talks on river"
    assert (got.outlet, got.outlet_basis) == ("Reuters", "title-suffix")
    assert meta_of("Harbour talks - a second round", LEAD).title == "Harbour talks - a second round"


def test_section_or_country_label_is_not_a_masthead() -> None:
    for label in ("Ukraine", "Middle East", "World"):
        got = meta_of(label, "Neighbours hold fresh border talks on river", LEAD, MORE)
        assert got.title == "Neighbours hold fresh border talks on river"
        assert got.outlet is None, label
