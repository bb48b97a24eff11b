"""The line cleaner on invented lines: one test per furniture category."""
from __future__ import annotations

import pytest

from eventwire.extract.clean import classify_line, clean, is_body_like
from eventwire.extract.furniture import normalise_line

LEAD = "Officials from the two neighbours met on Thursday to discuss the disputed river border, a spokeswoman said."
SECOND = "The talks, the third round this year, ended without a joint statement but both sides agreed to meet again."
THIRD = "Fishermen on both banks have complained for years that patrol boats stop them without warning."


def article(
    *middle: str, head: tuple[str, ...] = ("Neighbours hold fresh border talks on river",), tail: tuple[str, ...] = ()
) -> str:
    return "\n\n".join([*head, LEAD, *middle, SECOND, THIRD, *tail]) + "\n"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Sponsored", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Skip to content", "navigation"),
        ("Accessibility links", "navigation"),
        ("Breaking News", "breaking"),
        ("Latest Headlines", "related"),
        ("Related Articles", "related"),
        ("Popular Topics", "related"),
        ("Check Also", "related"),
        ("Read more", "related"),
        ("Read more: Harbour strike enters second week", "related-link"),
        ("Leave a Reply", "comments"),
        ("Your email address will not be published.", "comments"),
        ("Required fields are marked *", "comments"),
        ("Required fields are marked *", "comments"),
        ("Comments (12)", "comments"),
        ("Share this:", "share"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("We use cookies to improve your experience on our site.", "cookie"),
        ("Sign up for our morning newsletter", "newsletter"),
        ("Source link", "source-link"),
        ("Source: Harbour Wire", "source-link"),
        ("© 2021 Harbour Media Group", "copyright"),
        ("Home / World / Neighbours hold fresh border talks", "breadcrumb"),
        ("News > Europe > Border talks", "breadcrumb"),
        ("1530000000", "timestamp"),
        ("1530000000123", "timestamp"),
        ("Tuesday, 4 May 2021", "date"),
        ("Published: 2021-05-04 10:32 GMT", "date"),
        ("May 4, 2021", "date"),
        ("88213ab7q.JPG", "image-file"),
        ("harbour_view-2.png", "image-file"),
        ("(Harbour News Monitoring Desk)", "credit"),
        ("With reporting by two news agencies", "credit"),
        ("(Reporting by Ana Lima; Editing by Tom Berg)", "credit"),
        ("A ferry leaves the northern pier. File Photo by Ana Lima/Harbour Wire", "caption"),
        ("A ferry leaves the northern pier. | License Photo", "caption"),
        ("The northern pier at dawn (file photo)", "caption"),
        ("The northern pier at dawn. (Photo: Harbour Wire)", "caption"),
        ("Image: the northern pier at dawn", "caption"),
        ("In this file photo, patrol boats wait at the northern pier.", "caption"),
        ("***", "no-words"),
    ],
)
def test_furniture_categories(line: str, reason: str) -> None:
    assert classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        LEAD,
        "Read the statement in full below.",
        "Sources close to the talks said more rounds were likely.",
        "The agency photographed the site in 2019 and again this spring.",
        "He said comments made by the minister had been misunderstood.",
        "A Reuters/Ipsos poll found most voters backed the deal.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert classify_line(line) is None


def test_body_starts_after_head_and_captions() -> None:
    text = article(head=("Advertisement", "Neighbours hold fresh border talks on river", "By Ana Lima",
                         "A patrol boat on the river. File Photo by Ana Lima/Harbour Wire"))
    got = clean(text)
    assert got.head == ("Neighbours hold fresh border talks on river", "By Ana Lima")
    assert got.paragraphs[0] == LEAD
    assert {r.reason for r in got.removed} == {"advertisement", "caption"}


def test_caption_cues_before_body() -> None:
    cue = "Two fishermen (L) pose with their catch at the river mouth, May 4, 2021."
    got = clean(article(head=("Neighbours hold fresh border talks on river", cue)))
    assert got.paragraphs[0] == LEAD
    assert [r.reason for r in got.removed if r.line == cue] == ["caption"]


def test_caption_repeated_twice_goes_entirely() -> None:
    caption = "Patrol boats wait at the northern pier before the talks began."
    got = clean(article(caption + "\n" + caption))
    assert caption not in got.paragraphs
    assert [r.reason for r in got.removed if r.line == caption] == ["caption", "caption"]


def test_repeat_of_a_caption_sentence_goes() -> None:
    marked = "Patrol boats wait at the northern pier before the talks began. File Photo by Ana Lima/Harbour Wire"
    echo = "Patrol boats wait at the northern pier before the talks began."
    got = clean(article(head=("Neighbours hold fresh border talks on river", marked, echo)))
    assert got.paragraphs[0] == LEAD
    assert all(r.reason == "caption" for r in got.removed)


def test_later_duplicate_of_a_heading_keeps_first() -> None:
    heading = "What the agreement says about fishing rights"
    got = clean(article(heading, heading))
    assert got.paragraphs.count(heading) == 1
    assert [r.reason for r in got.removed] == ["duplicate"]


def test_teasers_after_the_end_go() -> None:
    tail = ("(Harbour News Monitoring Desk)", "Check Also", "Harbour strike enters its second week",
            "PORTVILLE – Dock workers extended their strike on …", "Leave a Reply",
            "Your email address will not be published.", "Required fields are marked *")
    got = clean(article(tail=tail))
    assert got.paragraphs[-1] == THIRD
    reasons = {r.line: r.reason for r in got.removed}
    assert reasons["Harbour strike enters its second week"] == "after-end"
    assert reasons["PORTVILLE – Dock workers extended their strike on …"] == "after-end"
    assert reasons["(Harbour News Monitoring Desk)"] == "credit"


def test_marker_early_in_text_does_not_end_it() -> None:
    later = "A later paragraph that still belongs to the story, as officials explained at length."
    got = clean(article("Read more", later))
    assert got.paragraphs[-1] == THIRD
    assert later in got.paragraphs


def test_paragraphs_verbatim_and_separated() -> None:
    odd = "Quotes “curly” — dashes and  two spaces stay exactly as written, the editor said."
    got = clean(article(odd))
    assert odd in got.paragraphs


def test_hard_wrapped_block_is_joined() -> None:
    wrapped = (
        "The river commission was set up after a long dispute over\n"
        "fishing rights and has met twice a year since, alternating\n"
        "between the two capitals, with observers from the region.\n"
    )
    got = clean(article(wrapped.strip()))
    assert " ".join(wrapped.split("\n")).strip() in got.paragraphs


def test_outlet_furniture_removed_unless_it_is_most_of_the_text() -> None:
    text = article("Harbour Wire is read in forty countries")
    got = clean(text, furniture=frozenset({"harbour wire is read in forty countries"}))
    assert [r.reason for r in got.removed] == ["repeated-in-outlet"]
    everything = frozenset(normalise_line(line) for line in text.splitlines() if line)
    assert not clean(text, furniture=everything).removed


def test_find_head_off_keeps_everything_in_body() -> None:
    got = clean("Short opening line\n\n" + LEAD + "\n\nAdvertisement\n", find_head=False)
    assert got.head == ()
    assert got.paragraphs == ("Short opening line", LEAD)


def test_body_like() -> None:
    assert is_body_like(LEAD)
    assert not is_body_like("Neighbours Hold Fresh Border Talks On The River Today.")
    assert not is_body_like("Talks resume")


def test_one_caption_verb_does_not_make_a_lead_a_caption() -> None:
    lead = "The dispute poses a risk to fishermen on both banks, the regional governor warned on Thursday."
    got = clean(article(head=("Neighbours hold fresh border talks on river", lead)))
    assert got.paragraphs[0] == lead
