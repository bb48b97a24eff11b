"""extract_html(): body paragraphs, metadata, the date and its basis, damaged pages."""
from __future__ import annotations

import pytest

from eventwire.errors import EventwireError
from eventwire.extract.html import extract_html, iso_day

PARAGRAPHS = [
    "Dock workers at the northern port walked off the job on Sunday, halting cargo traffic for the "
    "first time in a decade, union officials said.",
    '"We have waited three years for a fair offer," said Lena Holm, who leads the dockers\' union. '
    '"Our patience has run out."',
    "The port authority said it regretted the decision and called for talks to resume on Monday. "
    "Shipping companies warned of delays across the region.",
    "The strike comes as inflation has eroded wages in the sector, according to figures published by "
    "the national statistics office last month.",
]


def page(*, head: str = "", title: str = "Harbour workers strike over pay") -> str:
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | The Coastal Ledger</title>{head}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>{body}</article>
<div class="comments"><p>Great article! Subscribe to my channel for more.</p></div>
<footer><p>Contact us. All rights reserved.</p></footer></body></html>"""


FULL_HEAD = ('<meta property="og:site_name" content="The Coastal Ledger">'
             '<meta name="author" content="Maria Svensson">'
             '<meta property="article:published_time" content="2021-03-14T08:30:00+01:00">')


def test_body_and_metadata():
    got = extract_html(page(head=FULL_HEAD), url="https://www.coastal-ledger.example/news/strike")
    assert got.body == "\n\n".join(PARAGRAPHS)
    assert got.title == "Harbour workers strike over pay"
    assert [(r.line, r.reason) for r in got.removed] == [("Harbour workers strike over pay", "title")]
    assert (got.byline, got.outlet, got.outlet_basis) == ("Maria Svensson", "The Coastal Ledger", "html-meta")
    assert got.published.value == "2021-03-14"
    assert got.published.basis == "htmldate: page metadata"
    assert got.published.confidence > 0.5
    assert got.flags == ()


def test_record_date_wins():
    got = extract_html(page(head=FULL_HEAD), given_date="Sat, 13 Mar 2021 22:00:00 GMT")
    assert (got.published.value, got.published.basis) == ("2021-03-13", "record date")


def test_crawl_date_bounds_the_search_and_is_the_last_resort():
    dated = extract_html(page(), url="https://ledger.example/2020/11/05/strike", crawl_date="2020-11-06T03:00:00Z")
    assert (dated.published.value, dated.published.basis) == ("2020-11-05", "htmldate: url")
    undated = extract_html(page(), crawl_date="2020-11-06T03:00:00Z")
    assert undated.published.value == "2020-11-06"
    assert undated.published.basis.startswith("crawl date")
    assert undated.published.confidence < 0.5


def test_unreadable_record_date_falls_back_to_the_page():
    got = extract_html(page(head=FULL_HEAD), given_date="sometime last spring")
    assert got.published.value == "2021-03-14"
    assert "record-date-unreadable" in got.flags


def test_date_from_url_and_outlet_from_url():
    got = extract_html(page(), url="https://coastal-ledger.example/2020/11/05/strike-ends")
    assert (got.published.value, got.published.basis) == ("2020-11-05", "htmldate: url")
    assert got.outlet_basis == "url"
    assert "coastal-ledger.example" in got.outlet.lower()


def test_no_date_evidence():
    got = extract_html(page())
    assert got.published.value is None
    assert got.published.confidence == 0.0


def test_truncated_page_does_not_crash():
    html = page(head=FULL_HEAD)
    cut = html.index("Shipping companies") + 10
    got = extract_html(html[:cut])
    assert got.body.startswith(PARAGRAPHS[0])
    assert got.body.endswith("Shipping c")
    assert "html-truncated" in got.flags


def test_whole_pages_and_pages_without_closing_tags_are_not_flagged_truncated():
    html = page(head=FULL_HEAD)
    assert "html-truncated" not in extract_html(html).flags
    bare_end = html.replace("</body>", "").replace("</html>", "")  # optional in HTML
    assert "html-truncated" not in extract_html(bare_end).flags


def test_fragment_without_html_element():
    got = extract_html(f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>")
    assert got.body == "\n\n".join(PARAGRAPHS[:2])


def test_paragraph_fallback_when_trafilatura_finds_nothing():
    got = extract_html(f"<html><body><footer><p>{PARAGRAPHS[0]}</p></footer></body></html>")
    assert (got.body, got.flags) == (PARAGRAPHS[0], ("html-fallback",))


@pytest.mark.parametrize("html", ["", "<html><head><title>Only a title</title></head></html>",
                                  "<html><body><div><img src='a.png'></div></body></html>"])
def test_nothing_to_extract(html: str):
    with pytest.raises(EventwireError) as caught:
        extract_html(html)
    assert caught.value.code in {"E201", "E202"}


@pytest.mark.parametrize("given, day", [
    ("2018-07-02", "2018-07-02"), ("2018-07-02T23:30:00-05:00", "2018-07-02"),
    ("2018-07-02T10:00:00Z", "2018-07-02"), ("Mon, 02 Jul 2018 10:00:00 GMT", "2018-07-02"),
    ("2018/7/2 10:00", "2018-07-02"), ("July 2, 2018", "2018-07-02"), ("no date at all", None),
])
def test_record_dates(given: str, day: str | None):
    assert iso_day(given) == day


def test_a_url_that_disagrees_with_the_page_date_is_kept_in_the_basis():
    from eventwire.extract.html import extract_html

    page = ("<html><head><title>Ferry talks</title>"
            '<meta property="article:published_time" content="2021-05-12T08:00:00Z"></head><body><article>'
            + "<p>The two ports resumed their talks on the winter ferry timetable after a long pause.</p>" * 6
            + "</article></body></html>")
    got = extract_html(page, url="https://port.example.org/news/2021/may/11/ferry-talks")
    assert got.published.value == "2021-05-12"
    assert "other evidence: URL path" in got.published.basis and "2021-05-11" in got.published.basis


def test_recall_pass_when_the_precise_pass_keeps_only_a_date_line(monkeypatch):
    """The cascade in ``extract``: precision first; a next-to-empty cleaned body is retried with
    recall, and the longer body is kept with the flag ``recall-pass``."""
    from dataclasses import replace

    import eventwire.extract.html as html_module
    from eventwire.extract import extract
    from eventwire.records import RawDoc

    page = ("<html><body><article><p>Ferry crews walked out on Monday over pay.</p>"
            "<p>The operator said talks would resume once the union named its negotiators.</p>"
            "</article></body></html>")
    real = html_module.extract_html
    calls = []

    def precise_keeps_a_date(html, **kw):
        calls.append(kw.get("recall", False))
        got = real(html, **kw)
        return got if kw.get("recall") else replace(got, body="Updated 4 March 2024")

    monkeypatch.setattr(html_module, "extract_html", precise_keeps_a_date)
    got = extract(RawDoc(source="p.html", path="p.html", format="html", raw=page.encode(), html=page))
    assert calls == [False, True]
    assert "Ferry crews walked out" in got.body and "recall-pass" in got.flags


def test_no_recall_pass_for_a_full_body():
    from eventwire.extract import extract
    from eventwire.records import RawDoc

    page = ("<html><body><article>" + "".join(
        f"<p>Paragraph {i} of a long report on the harbour strike and the talks that followed it.</p>"
        for i in range(6)) + "</article></body></html>")
    got = extract(RawDoc(source="p.html", path="p.html", format="html", raw=page.encode(), html=page))
    assert "recall-pass" not in got.flags


def test_a_headline_with_a_kicker_the_metadata_title_lacks_leaves_the_body():
    kicker = "Harbour workers strike over pay: 'our patience has run out'"
    html = page(title="Harbour workers strike over pay").replace(
        "<h1>Harbour workers strike over pay</h1>", f"<h1>{kicker}</h1>").replace(
        "<title>Harbour workers strike over pay | The Coastal Ledger</title>",
        '<title>Harbour workers strike over pay</title><meta property="og:title" content="Harbour workers strike over pay">')
    got = extract_html(html)
    assert got.body.startswith("Dock workers")
    assert got.title == kicker  # the page's full headline
    # a first paragraph that is a sentence sharing the title's words stays
    html = page(title="Dock workers walked off the job").replace(
        "<h1>Dock workers walked off the job</h1>", "")
    assert extract_html(html).body.startswith("Dock workers")
