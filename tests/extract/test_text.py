"""extract_text and filter_body end to end on invented articles."""
from __future__ import annotations


from eventwire.extract.text import extract_text, filter_body

ARTICLE = """Skip to content

Home / World / Neighbours agree to reopen river crossings

Neighbours agree to reopen river crossings

By Ana Lima

Two ferries wait at the northern pier. File Photo by Tom Berg/Harbour Wire
Two ferries wait at the northern pier. File Photo by Tom Berg/Harbour Wire | License Photo

May 14 (Harbour Wire) -- The two governments said Tuesday they would reopen three river crossings closed since the dispute flared in 2017.

Advertisement

"This is a first step, not the last," the foreign minister of the northern state told reporters after the talks.

The crossings will reopen next month, officials said, and fishing patrols will be reduced.

(Reporting by Ana Lima; Editing by Tom Berg)

Related Articles

Harbour strike enters its second week

Leave a Reply
"""


def test_extract_text_end_to_end() -> None:
    got = extract_text(ARTICLE)
    assert got.title == "Neighbours agree to reopen river crossings"
    assert got.byline == "Ana Lima"
    assert got.dateline == "May 14 (Harbour Wire) --"
    assert (got.outlet, got.outlet_basis) == ("Harbour Wire", "dateline")
    assert got.body.startswith("The two governments said Tuesday")
    assert got.body.endswith("fishing patrols will be reduced.")
    assert got.body.count("\n\n") == 2
    junk = ("Advertisement", "License Photo", "Related Articles", "Harbour strike", "Leave a Reply", "Reporting by")
    assert not [j for j in junk if j in got.body]
    reasons = {r.reason for r in got.removed}
    assert {"navigation", "breadcrumb", "title", "byline", "caption", "advertisement", "credit", "related",
            "after-end", "comments", "dateline"} <= reasons
    # May 14 is a Tuesday in 2019 and 2024 after 2017: ambiguous, so no date
    assert got.published.value is None
    assert "2019, 2024" in got.published.basis


def test_record_date_and_title_win() -> None:
    got = extract_text(ARTICLE, given_date="2019-05-14T09:00:00Z", given_title="Crossings to reopen, neighbours say")
    assert got.published.value == "2019-05-14" and got.published.confidence == 1.0
    assert got.title == "Crossings to reopen, neighbours say"
    assert "Neighbours agree to reopen river crossings" not in got.body


def test_url_gives_outlet_and_furniture_lines_go() -> None:
    text = ARTICLE.replace("Advertisement", "Harbour Wire reaches readers in forty countries")
    got = extract_text(
        text, url="https://www.harbourwire.example/world/1",
        furniture=frozenset({"harbour wire reaches readers in forty countries"}),
    )
    assert (got.outlet, got.outlet_basis) == ("harbourwire.example", "url")
    assert ("Harbour Wire reaches readers in forty countries", "repeated-in-outlet") in [
        (r.line, r.reason) for r in got.removed
    ]


def test_empty_text() -> None:
    got = extract_text("Advertisement\n\n\n")
    assert got.body == "" and got.title is None and "empty-body" in got.flags


def test_filter_body_keeps_first_line() -> None:
    body, removed = filter_body(
        "Officials met on Tuesday.\nAdvertisement\nThe talks went on late into the night, aides said.\nShare this:"
    )
    assert body == "Officials met on Tuesday.\n\nThe talks went on late into the night, aides said."
    assert [r.reason for r in removed] == ["advertisement", "share"]


def test_a_long_run_of_copies_is_cleaned_like_one() -> None:
    one, many = extract_text(ARTICLE), extract_text(ARTICLE * 20)
    assert many.body == one.body  # the repeats go, as duplicates of what was kept
    removed_once = {r.reason for r in one.removed}
    assert removed_once and {r.reason for r in many.removed} == removed_once | {"duplicate"}
