"""Documents that are not news: manuals, shop pages, reference pages (texts written for these tests)."""
from __future__ import annotations

from eventwire.extract.genre import genre

MANUAL = """Installing the toolkit

Download the installer for your system from the releases page, then open a terminal.

$ pip install toolkit
$ toolkit --version

The configure command writes a default configuration file to your home directory.
Each parameter in the file has a default value; change the settings menu entries to suit.

def main():
    run(config)

Click the Save button in the toolbar to keep your changes. See the API documentation
for every function and method the library exposes, with an example for each argument.
"""

SHOP = """Trail running shoe, blue

A light shoe with a grippy sole for wet rock and mud, a padded collar and a breathable upper.

Price: $89.99   Was: $119.00
In stock. Free shipping on orders over $50.
Add to cart   Add to wishlist
Size guide | Quantity: 1

Customer reviews (214)   Write a review
Sold by Outdoor Goods. Ships from the main warehouse. Returns policy: 30 days, money-back.
Buy now and get a second pair for $59.99. Checkout is secure. VAT included.
"""

REFERENCE = """Lake Verden

This article is about the lake. For the town, see Verden (disambiguation).

Lake Verden is a glacial lake in the northern highlands, about 14 kilometres long.
It drains to the sea through a short river and freezes most winters.[citation needed]

See also
 List of lakes of the highlands
References
 Survey of inland waters, volume 2.
Further reading
External links
 Official site of the lake trust
This page was last edited on 3 May. Edit this page. Retrieved from the archive.
"""

NEWS_ABOUT_SOFTWARE = """The government ordered ministries to stop using a popular messaging app on Tuesday,
officials said, citing fears that the software could be used to collect data.

"We cannot install tools on official phones that we do not control," the digital affairs
minister told reporters in the capital. The ministry said staff would have to download an
approved app by Friday and that a new version of the official platform would follow.

Opposition members said the decision was rushed and called on the president to explain it to
parliament, according to a statement released on Wednesday.
"""


def test_manual_shop_and_reference_pages_are_named():
    assert genre("Installing the toolkit", MANUAL) == "documentation"
    assert genre("Trail running shoe", SHOP) == "shop"
    assert genre("Lake Verden", REFERENCE) == "reference"


def test_news_that_mentions_software_or_money_stays_news():
    assert genre("Ministries told to drop messaging app", NEWS_ABOUT_SOFTWARE) is None
    budget = ("The finance minister said on Monday the government would spend $4.5 billion on roads "
              "and $300 million on schools, officials told reporters. ") * 5
    assert genre("Budget", budget) is None


def test_short_texts_are_not_judged():
    assert genre(None, "Add to cart. $9.99. In stock.") is None


def test_the_language_pass_skips_what_is_not_news_and_says_why(tmp_path):
    from eventwire.analyze import analyze
    from eventwire.ingest import ingest
    from eventwire.store import Store

    (tmp_path / "manual.txt").write_text(MANUAL, encoding="utf-8")
    store = Store(tmp_path / "s.db")
    ingest(store, [str(tmp_path / "manual.txt")])
    art = next(iter(store.articles()))
    assert "not-news:documentation" in art.flags
    report = analyze(store, n_process=1)
    assert report.skipped_why == {"not news (documentation)": 1}
    assert store.conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 0
