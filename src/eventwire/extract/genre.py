"""Is a document news at all?  Crawls bring back manuals, wikis and shop pages beside the news.

Run on political news, a manual's "Install Python on Windows" gives actors named Python and
Windows, and "the tool hits the target" an act of force.  This module reads cheap signs of
three kinds of page that are not news, and the signs of news reporting, and names the genre
when the first clearly outweigh the second:

* ``documentation``: lines of code or shell commands, and the vocabulary of manuals
  (install, configure, parameter, function, click, download...);
* ``shop``: prices, and the vocabulary of shops (add to cart, in stock, shipping, checkout...);
* ``reference``: the apparatus of wikis and reference pages (see also, external links,
  retrieved on, edit this page...).

News signs: reporting verbs ("said", "told", "according to"), weekdays, and the people of
public life (minister, president, police, officials).  A document is called not news only when
its best genre scores at least ``MIN_RATE`` signs per 100 words and more than ``OUTWEIGH``
times its news signs; news that merely mentions software or a price stays news.  The result is
the flag ``not-news:<genre>``; the language pass skips such documents (no actors, no events)
and says why.
"""
from __future__ import annotations

import re

MIN_RATE = 5.0  # genre signs per 100 words (measured: no news article of Timeline17 flagged)
OUTWEIGH = 3.0  # genre signs against news signs
MIN_WORDS = 60

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CODE_LINE = re.compile(
    r"^\s*(?:\$ |>>> |#include|import \w|from \w+ import|def \w+\(|class \w+[:(]|function \w+\(|"
    r"(?:sudo|pip|npm|apt|apt-get|brew|git|docker|cd|ls|mkdir|curl|wget)\s|"
    r"(?:const|let|var|public|private|return)\s|[{}]\s*$|.*[;{]\s*$|<\/?\w+[^>]*>\s*$)")
# a shop's price, not a sum in the news ("$106 billion", "$7bn")
_PRICE = re.compile(r"(?:[$€£¥]\s?\d[\d,]*(?:\.\d\d)?|\d[\d,]*(?:\.\d\d)\s?(?:USD|EUR|GBP|€))"
                    r"(?![\d.,])(?!\s*(?:[-–]?\s*)?(?:million|billion|trillion|bn|b\b|m\b|mn|tn|k\b|thousand|crore|lakh))",
                    re.I)

_DOC_WORDS = frozenset("""
install installation installing installer uninstall configure configuration config setup
parameter parameters argument arguments function functions method methods variable variables
module modules library libraries package packages plugin plugins api sdk syntax compile
compiler runtime debug debugging default defaults documentation docs tutorial usage example
examples click download downloads directory folder file files command commands terminal
shell script scripts repository github version versions release notes changelog upgrade
browser settings menu toolbar dialog checkbox button login username password localhost
""".split())
_SHOP_PHRASES = ("add to cart", "add to basket", "in stock", "out of stock", "free shipping",
                 "free delivery", "checkout", "buy now", "order now", "customer reviews",
                 "write a review", "wishlist", "wish list", "quantity", "sku", "returns policy",
                 "money-back", "size guide", "sold by", "ships from", "vat included")
_REF_PHRASES = ("see also", "external links", "further reading", "edit this page", "retrieved on",
                "retrieved from", "this article is about", "jump to navigation", "from wikipedia",
                "table of contents", "citation needed", "disambiguation", "last edited on",
                "references", "bibliography")
_NEWS_WORDS = frozenset("""
said says told saying according announced reported reporters spokesman spokeswoman spokesperson
official officials minister ministers president prime government governments police army
troops parliament election elections protest protesters court judge ministry agency
monday tuesday wednesday thursday friday saturday sunday yesterday
""".split())


def genre(title: str | None, body: str) -> str | None:
    """``"documentation"``, ``"shop"`` or ``"reference"`` when the document is one, else None
    (news, or too short to tell)."""
    text = ((title or "") + "\n" + body)
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    lines = [line for line in text.splitlines() if line.strip()]
    low = text.lower()
    per100 = 100.0 / len(words)
    code_lines = sum(1 for line in lines if _CODE_LINE.match(line))
    scores = {
        "documentation": (sum(w in _DOC_WORDS for w in words) + 3 * code_lines) * per100,
        "shop": (2 * sum(low.count(p) for p in _SHOP_PHRASES) + len(_PRICE.findall(text))) * per100,
        "reference": 2 * sum(low.count(p) for p in _REF_PHRASES) * per100,
    }
    news = sum(w in _NEWS_WORDS for w in words) * per100
    best = max(scores, key=scores.get)
    if scores[best] >= MIN_RATE and scores[best] > OUTWEIGH * news:
        return best
    return None
