"""Article text and metadata from a web page.

trafilatura does the work: it finds the main text (without comments,
tables or boilerplate, favouring precision) and reads title, author and
site name from the page's metadata; its metadata step runs htmldate on the
same parsed tree for the publication date (original date, extensive
search), so the page is parsed once.  When the record states a publication
date (a JSON field), that date wins and htmldate is only asked for a quick
look.  A crawl date (WARC-Date) is not a publication date: it only bounds
htmldate's search and is the last resort.

htmldate does not say which evidence it used, so the basis is inferred
afterwards from where the date it chose appears: in the URL, in the page's
machine-readable metadata (meta tags, <time>, JSON-LD), or only in the
running text (the weakest evidence; a 1 January found there is often just
a copyright year, and gets a low confidence).

Bare fragments (no <html>/<body>) are wrapped, as trafilatura rejects them.
The body's paragraphs are separated by a blank line; a first paragraph that
repeats the title is moved to ``removed``.  If trafilatura finds no text (a
page cut off mid-way, a page that is all boilerplate), the <p> elements of
the body are taken as they are and the result is flagged ``html-fallback``;
if there are none, E201.  The cascade is precision first, then (in
``extract``, when the precise body is next to empty once cleaned, e.g. only a
date line) a recall-favouring pass, flagged ``recall-pass``.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from .meta import same_title
from .pubdate import url_date

from lxml.html import HtmlElement
from trafilatura import bare_extraction, extract_metadata, load_html
from trafilatura.settings import Document

from ..errors import EventwireError
from ..records import Extracted, PubDate, Removed

_DATE_FORMAT = "%Y-%m-%d"
_SPACES = re.compile(r"\s+")
_DOCUMENT = re.compile(r"<(?:html|head|body)\b", re.I)
_ISO_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_TAG = re.compile(r"<(?:meta|time|abbr)\b[^>]*>|<script[^>]+ld\+json[^>]*>.*?</script>",
                  re.I | re.S)
_CONFIDENCE = {"record date": 0.95, "url": 0.85, "page metadata": 0.9, "page text": 0.5,
               "crawl date": 0.3}


def extract_html(html: str, *, url: str | None = None, given_date: str | None = None,
                 crawl_date: str | None = None, recall: bool = False) -> Extracted:
    """Extract the article in ``html``; raises EventwireError E201/E202 when there is none.

    ``given_date``: a publication date the record states; it wins.
    ``crawl_date``: when the page was fetched (a WARC-Date), so no later than
    publication: it caps htmldate's search and stands in, weakly, when the
    page shows no date.
    ``recall``: favour recall over precision (the second pass of ``extract``, for
    pages where the precise pass leaves next to nothing); flagged ``recall-pass``.
    """
    record_day = iso_day(given_date) if given_date else None
    crawl_day = iso_day(crawl_date) if crawl_date else None
    date_params = {
        "extensive_search": record_day is None,
        "original_date": True,
        "outputformat": _DATE_FORMAT,
        "max_date": crawl_day or date.today().strftime(_DATE_FORMAT),
    }
    flags: tuple[str, ...] = ("recall-pass",) if recall else ()
    if not _DOCUMENT.search(html[:4096]):
        html = f"<html><body>{html}</body></html>"  # trafilatura rejects bare fragments
    elif truncated(html):
        flags += ("html-truncated",)
    found = bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                            include_tables=False, favor_precision=not recall, favor_recall=recall,
                            date_extraction_params=date_params)
    if isinstance(found, Document) and found.text and found.text.strip():
        meta, body = found, _paragraphs(found.text.splitlines())
    else:
        tree = _parse(html)
        body = _paragraphs(p.text_content() for p in tree.iterfind(".//body//p"))
        if not body:
            raise EventwireError("E201", f"no main text and no paragraphs in {url or 'the page'}")
        meta = extract_metadata(tree, default_url=url, date_config=date_params)
        flags += ("html-fallback",)
    if given_date and record_day is None:
        flags += ("record-date-unreadable",)
    title = meta.title or None
    body, removed = _drop_repeated_title(body, title)
    if removed and len(removed[0].line) > len(title or ""):
        title = removed[0].line  # the page's full headline, kicker and all
    outlet, outlet_basis = _outlet(meta.sitename, url or meta.url)
    return Extracted(
        title=title,
        body=body,
        removed=removed,
        byline=meta.author or None,
        outlet=outlet,
        outlet_basis=outlet_basis,
        published=_published(record_day, meta.date, html, url or meta.url, crawl_day),
        flags=flags,
    )


_END_TAG = re.compile(r"</(?:html|body)\s*>", re.I)


def truncated(html: str) -> bool:
    """A whole page (it has <html>, <head> or <body>) that was cut off: neither </body> nor
    </html> in its last 4 KB, and it stops mid-text or mid-tag rather than after a tag (HTML
    lets a page omit its closing tags, but such pages still end with one)."""
    tail = html[-4096:]
    return not _END_TAG.search(tail) and not tail.rstrip().endswith(">")


def iso_day(value: str) -> str | None:
    """The calendar day (YYYY-MM-DD) of a date as records give it, else None.

    ISO 8601 and RFC 2822 (RSS ``pubDate``, HTTP) are read exactly, keeping
    the day as written in its own time zone; anything else goes to dateparser.
    """
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    found = _ISO_DAY.match(text)
    if found:
        try:
            return date(*map(int, found.groups())).isoformat()
        except ValueError:
            return None
    import dateparser  # slow to import; rarely needed

    parsed = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


def _parse(html: str) -> HtmlElement:
    tree = load_html(html)
    if tree is None:
        raise EventwireError("E202", "lxml found no document in the input")
    return tree


def _paragraphs(lines) -> str:
    """Whitespace-folded, non-empty lines joined by blank lines."""
    return "\n\n".join(folded for line in lines if (folded := " ".join(line.split())))


_KICKERS = (":", "-", "\u2013", "\u2014", "|")


def _drop_repeated_title(body: str, title: str | None) -> tuple[str, tuple[Removed, ...]]:
    """Take the headline out of the body when the body opens with it."""
    first, _, rest = body.partition("\n\n")
    if title and rest and first.casefold() == _SPACES.sub(" ", title).strip().casefold():
        return rest, (Removed(first, "title"),)
    plain = _SPACES.sub(" ", title).strip() if title else ""
    kicker = plain and first.casefold().startswith(plain.casefold()) and first[len(plain):].lstrip()[:1] in _KICKERS
    if title and rest and len(first) <= 2 * len(title) and not first.rstrip().endswith(".") \
            and (kicker or same_title(first, title)):
        # the page's <h1> with a kicker the metadata title lacks ("X hits Y: 'quote'" against "X hits Y")
        return rest, (Removed(first, "title"),)
    return body, ()


def _outlet(sitename: str | None, url: str | None) -> tuple[str | None, str | None]:
    """The site name, and whether the page's metadata or only its URL gave it."""
    domain = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    if sitename:
        return sitename, "url" if sitename.lower().removeprefix("www.") == domain else "html-meta"
    if domain:
        return domain, "url"
    return None, None


def _published(record_day: str | None, found: str | None, html: str, url: str | None,
               crawl_day: str | None) -> PubDate:
    if record_day:
        return PubDate(record_day, "record date", _CONFIDENCE["record date"])
    if not found and crawl_day:
        return PubDate(crawl_day, "crawl date: no date in the page; published on or before it",
                       _CONFIDENCE["crawl date"])
    if not found:
        return PubDate(None, "htmldate found no date in the page", 0.0)
    how = _evidence(found, html, url)
    other = ""
    in_url = url_date(url)
    if in_url is not None and in_url[0].isoformat() != found:
        other = f"; other evidence: URL path {in_url[1]!r} gives {in_url[0].isoformat()}"
    if how == "page text" and found.endswith("-01-01"):
        return PubDate(found, "htmldate: page text (1 January: perhaps only a year)" + other, 0.2)
    return PubDate(found, f"htmldate: {how}" + other, _CONFIDENCE[how])


def _evidence(day: str, html: str, url: str | None) -> str:
    """Where the date htmldate chose appears: "url", "page metadata" or "page text"."""
    year, month, dom = day.split("-")
    if url and re.search(rf"{year}[/_-]?{month}[/_-]?{dom}(?!\d)", url):
        return "url"
    if any(day in tag.group() for tag in _TAG.finditer(html)):
        return "page metadata"
    return "page text"
