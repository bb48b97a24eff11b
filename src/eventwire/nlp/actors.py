"""Actor resolution: a name with its descriptors -> country, sector, role.

Sources, in order of trust:
  (a) what the article says: the phrase itself and the descriptors a caller
      found for the name ("Russian President", "Kremlin spokesman"), read
      with a role lexicon (``data/roles.txt``), the gazetteer and the
      organisation dictionaries ("a former CIA official");
  (b) metonyms: "the Kremlin" (RUS GOV), "the Pentagon" (USA MIL), and a
      capital that acts in its sentence ("Moscow denied ...") -> that
      country's government;
  (c) the gazetteer: countries, demonyms, capitals, regions, IGOs;
  (d) the knowledge base learned from earlier articles (``kb.py``);
  (e) actor dictionaries: any the user brings (PETRARCH format,
      ``dictionary.py``), then the built-in ones (``data/actors_*.txt``).
A person with no country evidence stays a person with country None; a role
with none may take the article's dominant country (basis "article-country").

How a phrase is read (``_Reader``): its words are matched, longest first,
against metonyms, the gazetteer, organisation dictionaries and roles; the
rest are determiners, prepositions, "former", or capitalised unknown words
(a lone one a slip away from a country name counts as that country:
"Venezula").  Capitalised runs holding an organisation word ("Human Rights
League") become organisation names; other runs become person names, unless
they stand before a role ("Finance Minister") or a place beside them is
really part of a name ("Lloyd Austin", "Paris Hilton").  The words before the
first preposition form the core, whose last name, organisation or role is
the head; complements ("of X", "in X") add a country, except "to X" ("the US
ambassador to Russia" is American), and after generic heads ("president of
the Riigikogu") the sector.  "pro-", "anti-" and "ethnic" demonyms are not
nationalities.  Every step is a dictionary lookup; nothing scans a big list
per call.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Sequence

from eventwire.nlp.dictionary import (DictionaryIndex, load_petrarch_dictionary,
                                      parse_petrarch_dictionary, pick_code)
from eventwire.nlp.gazetteer import (Place, Token, fold, gazetteer, place_actor, strip_possessive,
                                     tokenize)
from eventwire.nlp.kb import KnowledgeBase
from eventwire.records import Actor

# ------------------------------------------------------------------ word lists

METONYMS: dict[str, tuple[str, str, str]] = {  # folded key -> (name, country, sector)
    "kremlin": ("Kremlin", "RUS", "GOV"),
    "white house": ("White House", "USA", "GOV"),
    "oval office": ("White House", "USA", "GOV"),
    "downing street": ("Downing Street", "GBR", "GOV"),
    "number 10": ("Downing Street", "GBR", "GOV"),
    "no 10": ("Downing Street", "GBR", "GOV"),
    "whitehall": ("Whitehall", "GBR", "GOV"),
    "westminster": ("Westminster", "GBR", "LEG"),
    "elysee": ("Elysee", "FRA", "GOV"),
    "elysee palace": ("Elysee", "FRA", "GOV"),
    "matignon": ("Matignon", "FRA", "GOV"),
    "quai d'orsay": ("Quai d'Orsay", "FRA", "GOV"),
    "pentagon": ("Pentagon", "USA", "MIL"),
    "state department": ("State Department", "USA", "GOV"),
    "foggy bottom": ("State Department", "USA", "GOV"),
    "capitol hill": ("Capitol Hill", "USA", "LEG"),
    "congress": ("Congress", "USA", "LEG"),
    "langley": ("Langley", "USA", "SPY"),
    "wall street": ("Wall Street", "USA", "BUS"),
    "zhongnanhai": ("Zhongnanhai", "CHN", "GOV"),
    "blue house": ("Blue House", "KOR", "GOV"),
    "kasumigaseki": ("Kasumigaseki", "JPN", "GOV"),
    "bankova": ("Bankova", "UKR", "GOV"),
}
_POLITICAL_VERBS = frozenset("""
say says said saying deny denies denied accuse accuses accused warn warns warned announce
announces announced reject rejects rejected condemn condemns condemned urge urges urged demand
demands demanded threaten threatens threatened insist insists insisted claim claims claimed
respond responds responded retaliate retaliates retaliated expel expels expelled impose imposes
imposed vow vows vowed protest protests protested welcome welcomes welcomed refuse refuses
refused sign signs signed recognize recognizes recognized recognise recognised sanction
sanctions sanctioned order orders ordered decide decides decided summon summons summoned blame
blames blamed criticize criticizes criticized criticise criticised ask asks asked back backs
backed oppose opposes opposed approve approves approved confirm confirms confirmed pledge
pledges pledged seek seeks sought launch launches launched recall recalls recalled suspend
suspends suspended halt halts halted slam slams slammed declare declares declared agree agrees
agreed offer offers offered propose proposes proposed
""".split())
_AUXILIARIES = frozenset("has have had will would is was could may might must should did does also "
                         "not never already again repeatedly".split())
_OBJECT_CUES = frozenset("accused urged warned blamed criticized criticised condemned pressed "
                         "sanctioned told asked against".split())
_POSSESSED_POLICY = frozenset("""
decision response position policy move stance demand demands claim claims ambassador envoy
invasion annexation offensive government officials refusal support sanctions plan proposal
threat threats accusations denial embassy diplomats foreign
""".split())

_DETERMINERS = frozenset("""
the a an this that these those some several many most few all any each both every other another
no numerous various certain such one two three four five six seven eight nine ten eleven twelve
dozen dozens hundred hundreds thousand thousands scores over about around nearly almost more
than less at least up to his her its their our my your
""".split())
_PARTITIVES = frozenset("""
several some many most few all one two three four five six seven eight nine ten dozens dozen
hundreds thousands scores members member group groups team teams band number majority part rest
handful couple pair delegation contingent unit units
""".split())
_FORMER = frozenset("former ex retired late disgraced ousted deposed onetime erstwhile then".split())
_PREPOSITIONS = frozenset("of for in at from to near across outside inside throughout within on "
                          "by under with against among".split())
_COMPLEMENT = frozenset({"of", "for"})
_CONNECTORS = frozenset({"of", "and", "for", "the", "de", "&"})
_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady madam alhaji hon honourable "
                        "honorable".split())
_PRONOUNS = frozenset("he she they it we i you him her them us me who whom".split())
_TEMPORAL = frozenset("today yesterday tomorrow tonight now monday tuesday wednesday thursday "
                      "friday saturday sunday".split())
_NAME_PARTICLES = frozenset("de da das do dos van von der den al el bin ibn bint abu ben la le "
                            "di del du ter y".split())
_ORG_WORDS = frozenset("""
league party council forces force army front movement union association committee organization
agency ministry department office bank university college court service services group
institute foundation corporation company commission authority alliance coalition federation
brigade brigades society network center assembly parliament congress senate government
administration police guard fleet navy school hospital church board bureau tribunal cartel club
trust fund airlines airways times post news journal herald tribune television radio
""".split())
_PLACE_SUFFIXES = frozenset("state province region city county district governorate oblast "
                            "prefecture municipality".split())
_GIVEN_NAME_PLACES = frozenset("jordan israel chad georgia india".split())
_NOT_NATIONALITY = frozenset("pro anti ethnic".split())  # "pro-Russian", "ethnic Albanians"
# Heads that take their sector from what they belong to ("CIA official", "leader of X").
_GENERIC_HEADS = frozenset("""
president chairman chairwoman chair head leader chief director member official officer
spokesman spokeswoman spokesperson representative deputy commander boss founder secretary
gunman fighter militant supporter staff employee worker adviser advisor aide
""".split())
_ORG_NOUNS = frozenset("""
government ministry administration army navy military police court parliament senate congress
company firm party agency authority regime junta cabinet legislature judiciary embassy bank body
airline newspaper university college school church mosque union cartel gang militia council
media guard fleet force service department office television radio committee commission
tribunal bureau station
""".split())
_STATE_TITLES = frozenset("governor gov senator sen rep representative lawmaker legislator "
                          "legislature attorney general".split())
_ABBREVIATIONS = {"sen": "Senator", "rep": "Representative", "gov": "Governor", "gen": "General",
                  "lt": "Lieutenant", "col": "Colonel", "maj": "Major", "adm": "Admiral",
                  "sgt": "Sergeant", "capt": "Captain", "pres": "President", "amb": "Ambassador",
                  "prof": "Professor", "rev": "Reverend"}
_GOVERNMENT_SECTORS = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "SPY"})
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;]\s+|\s[-–—]\s)\s*")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _iso(date: str | None) -> str | None:
    """A full ISO date for comparisons: "2019" -> "2019-07-01", "2019-05" -> "2019-05-15"."""
    m = _DATE.match(date or "")
    if not m:
        return None
    year, month, day = m.groups()
    if month is None:
        return f"{year}-07-01"
    return f"{year}-{month}-{day or '15'}"


def singular_forms(word: str) -> list[str]:
    """Candidate singulars of a folded noun: "gunmen" -> ["gunman"], "thieves" -> ["thief", ...]."""
    forms = []
    if word.endswith("men") and len(word) > 4:
        forms.append(word[:-3] + "man")
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("ves"):
        forms += [word[:-3] + "f", word[:-3] + "fe"]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return forms


# -------------------------------------------------------------------- reading


@dataclass
class _Item:
    """A stretch of the phrase and what it is."""

    kind: str  # metonym place org orgname role cap name mod det former prep conj hon pron word
    first: int
    last: int
    text: str
    word: str = ""  # folded text of a one-word item
    sector: str | None = None
    country: str | None = None
    place: Place | None = None
    entity: str | None = None  # canonical name (organisations, metonyms)
    source: str = ""  # the dictionary an organisation came from
    possessive: bool = False
    capital: bool = False  # starts with a capital letter (in mixed-case text)


@dataclass
class _Reading:
    """What one phrase says."""

    head: str  # name | org | role | place | none
    text: str
    name: str | None = None  # the person or thing named
    kind: str | None = None
    country: str | None = None
    basis: str = "article"
    sector: str | None = None
    role: str | None = None
    igo: str | None = None  # canonical IGO name when the phrase is about one
    place: Place | None = None
    former: bool = False
    modifiers: list[str] = field(default_factory=list)  # names modifying the head ("Trump administration")


# "Iran-backed", "Russian-supported": a backer named in a hyphenated modifier
_BACKED = re.compile(r"(?<![\w-])[\w.'\u2019]+(?:[- ][\w.'\u2019]+)?-(?:backed|supported|sponsored|funded|armed|"
                     r"allied|aligned|trained)(?![\w-])", re.I)
# the halves of Korea as the other half's news names them
_KOREAN_HALVES = {"north": "North Korea", "south": "South Korea"}


_READS_KEPT = 20_000  # phrase readings a resolver keeps (a bound on its memory over a long ingest)


class ActorResolver:
    """Resolves names to Actors; see the module docstring for the sources and their order."""

    def __init__(self, kb: KnowledgeBase | None = None,
                 dictionaries: Sequence[DictionaryIndex | str | Path] = (), *, builtin: bool = True):
        self.kb = kb if kb is not None else KnowledgeBase()
        self._people: list[DictionaryIndex] = []
        self._orgs: list[DictionaryIndex] = []
        self._agents: list[DictionaryIndex] = [_builtin("roles.txt", "roles", None)]
        if builtin:
            self._people.append(_builtin("actors_people.txt", "builtin-people", "person"))
            self._orgs.append(_builtin("actors_orgs.txt", "builtin-orgs", "organisation"))
        self._window = 3
        self._reads: dict[tuple[str, str | None], _Reading | None] = {}  # phrase readings, dictionaries fixed
        for d in reversed(dictionaries):
            self.add_dictionary(d)
        self._widen()

    def add_dictionary(self, dictionary: DictionaryIndex | str | Path) -> None:
        """Use a user dictionary (an index, or a PETRARCH file's path); it is consulted
        before the dictionaries added earlier and the built-in ones."""
        if not isinstance(dictionary, DictionaryIndex):
            path = Path(dictionary)
            dictionary = DictionaryIndex(load_petrarch_dictionary(path), path.name)
        self._people.insert(0, dictionary)
        self._orgs.insert(0, dictionary)
        self._agents.insert(0, dictionary)
        self._widen()
        self._reads.clear()

    def _widen(self) -> None:
        """The longest phrase any lexicon holds, in words: the n-gram window."""
        self._window = max([3] + [d.max_tokens for d in self._orgs + self._agents])

    # ---------------------------------------------------------------- public

    def resolve(self, name: str, *, label: str | None = None, descriptors: Sequence[str] = (),
                context: str | None = None, date: str | None = None,
                article_country: str | None = None) -> Actor | None:
        """The Actor a mention stands for, or None when the phrase names nothing.

        ``name`` is the mention or canonical name, possibly with its title
        ("Russian President Vladimir Putin"); ``label`` the NER label (PERSON,
        ORG, GPE, NORP, ...); ``descriptors`` role phrases found elsewhere in the
        article ("the Kremlin spokesman"); ``context`` the sentence or paragraph
        (for capitals acting as governments); ``date`` the article date (ISO),
        which picks dated dictionary codes and is kept as ``as_of``;
        ``article_country`` the country of most government actors in the
        article, used only for a role that names no country.
        """
        backed = _BACKED.search(name)
        if backed is not None:
            # "Iran-backed Houthi rebels" are Yemeni; "Moscow-backed separatists" of no stated
            # country: a backer is no nationality (a leader is: "the US-led coalition")
            rest = (name[:backed.start()] + " " + name[backed.end():]).strip()
            rest = re.sub(r"^(?:the|an?)\s+", "", rest, flags=re.I)
            return self.resolve(rest, label=None, descriptors=descriptors, context=context, date=date,
                                article_country=None) if rest else None
        day = _iso(date)
        half = _KOREAN_HALVES.get(name.lower().removeprefix("the ").strip())
        if half and context and any(w in context.lower() for w in ("korea", "seoul", "pyongyang")):
            # "the North fired shells, Seoul said": on the Korean peninsula the halves go by these names
            return self.resolve(half, label="GPE", date=date)
        main = self._read(name, label)
        if main is None:
            return None
        extra = [r for d in descriptors if (r := self._read(d, None)) is not None]
        if main.head == "place" and context and label in (None, "GPE", "ORG"):
            acting = _acting_capital(main, name, context)
            if acting:
                return replace(acting, as_of=date)
        actor = self._combine(main, extra, day)
        if actor.kind == "person" and actor.country is None:
            actor = self._known_person(actor, main, day)
        if actor.country is None and article_country and actor.sector and main.head in ("name", "role"):
            actor = replace(actor, country=article_country, basis="article-country")
        return replace(actor, as_of=date) if date and actor.as_of is None else actor

    def short_text_to_agent(self, text: str) -> Actor | None:
        """A short common-noun phrase as an agent: "Iraqi police" -> IRQ COP; None if nothing known."""
        reading = self._read(text, None)
        if reading is None or not (reading.sector or reading.country):
            return None
        return self._combine(reading, [], None)

    def search_nat(self, text: str) -> tuple[str | None, str]:
        """The first nationality in a phrase and the phrase without it (and its article)."""
        toks = tokenize(text)
        for m in gazetteer().find(text, toks):
            if m.place.country and m.place.kind in ("country", "demonym", "region"):
                rest = (text[:m.start] + text[m.end:]).strip()
                rest = re.sub(r"^(?:an?|the)\s+", "", rest, flags=re.I).strip()
                return m.place.country, rest
        return None, text

    # -------------------------------------------------------------- combining

    def _combine(self, main: _Reading, extra: list[_Reading], day: str | None) -> Actor:
        readings = [main, *extra]
        country = next((r.country for r in readings if r.country), None)
        basis = next((r.basis for r in readings if r.country), main.basis)
        sector = main.sector or next((r.sector for r in extra if r.sector), None)
        role = main.role or next((r.role for r in extra if r.role), None)
        igo = next((r.igo for r in readings if r.igo), None)
        former = any(r.former for r in readings)
        if main.head == "name":
            kind, name = main.kind or "person", main.name or main.text
        elif igo and not country:
            kind, name = "organisation", igo
        else:
            kind, name = main.kind or "group", main.name or main.text
        if igo and not country and sector in (None, "GOV"):
            sector = "IGO"
        if former and sector in _GOVERNMENT_SECTORS | {None}:
            sector = "ELI"
        if not country and main.head != "name":
            country, sector, basis = self._from_modifiers(main, sector, basis, day)
        return Actor(name, kind, country, sector, role, basis=basis)

    def _from_modifiers(self, main: _Reading, sector: str | None, basis: str,
                        day: str | None) -> tuple[str | None, str | None, str]:
        """Country of a head from a person named before it ("Putin's spokesman")."""
        for modifier in main.modifiers:
            known = self._lookup_person(modifier, day)
            if known and known.country:
                return known.country, sector, known.basis
        return None, sector, basis

    def _known_person(self, actor: Actor, main: _Reading, day: str | None) -> Actor:
        """Fill a person's country (and sector, if the text gave none) from KB or dictionaries."""
        known = self._lookup_person(main.name or actor.name, day) or self._lookup_person(main.text, day)
        if known is not None and known.country is None and known.sector == "IGO" and actor.sector in (None, "IGO"):
            # the head of an international body ("Guterres", "Stoltenberg" while at NATO): no country
            return replace(actor, name=known.name, sector="IGO", role=actor.role or known.role, basis=known.basis)
        if known is None or known.country is None:
            return actor
        sector = actor.sector or known.sector
        if main.former and sector in _GOVERNMENT_SECTORS:
            sector = "ELI"
        return replace(actor, name=known.name if known.kind == "person" else actor.name,
                       country=known.country, sector=sector,
                       role=actor.role or known.role, basis=known.basis)

    def _lookup_person(self, name: str, day: str | None) -> Actor | None:
        words = name.split()
        variants = [name]
        while words and fold(words[0]) in _HONORIFICS:
            words = words[1:]
            variants.append(" ".join(words))
        for variant in variants:
            found = self.kb.lookup(variant, day)
            if found:
                return found
            for index in self._people:
                found = index.actor(variant, day)
                if found:
                    return found
        if len(words) == 1:  # a bare surname ("President Bush"): the one such office-holder that day
            for index in self._people:
                found = index.in_office(words[0], day)
                if found:
                    return found
        return None

    # ---------------------------------------------------------------- reading

    def _read(self, text: str, label: str | None) -> _Reading | None:
        """Read a phrase, clause by clause ("FSB, Russia's security service"); a phrase read before is
        not read again (the same names recur in every article; readings are never changed once made)."""
        key = (text, label)
        if key in self._reads:
            return self._reads[key]
        if len(self._reads) >= _READS_KEPT:
            self._reads.clear()
        found = self._reads[key] = self._read_anew(text, label)
        return found

    def _read_anew(self, text: str, label: str | None) -> _Reading | None:
        clauses = [c for c in _CLAUSE_BREAK.split(text.strip()) if c]
        readings = [r for c in clauses if (r := _Reader(self, c, label).read()) is not None]
        if not readings:
            return None
        main = next((r for r in readings if r.head == "name"), readings[0])
        others = [r for r in readings if r is not main]
        if not others:
            return main
        main = replace(main)
        donor = next((r for r in others if r.country), None)
        if not main.country and donor is not None:
            main.country, main.basis = donor.country, donor.basis
        main.sector = main.sector or next((r.sector for r in others if r.sector), None)
        main.role = main.role or next((r.role for r in others if r.role), None)
        main.igo = main.igo or next((r.igo for r in others if r.igo), None)
        return main

    def role_sector(self, folded_key: str) -> str | None:
        for index in self._agents:
            sector = index.sector_of(folded_key)
            if sector:
                return sector
        return None


def _no_possessive(word: str) -> str:
    """"UN's" -> "UN" (straight or curly apostrophe)."""
    return word[:-2] if word[-2:] in ("'s", "’s") else word


@cache
def _builtin(filename: str, name: str, kind: str | None) -> DictionaryIndex:
    text = resources.files("eventwire").joinpath(f"data/{filename}").read_text("utf-8")
    return DictionaryIndex(parse_petrarch_dictionary(text, filename), name, kind)


class _Reader:
    """Reads one clause: items, then core and complements, then a _Reading."""

    def __init__(self, resolver: ActorResolver, text: str, label: str | None):
        self.r = resolver
        self.text = text
        self.label = label
        self.toks: list[Token] = tokenize(text)
        self.folded = [fold(t.text) for t in self.toks]
        self.mixed = any(c.islower() for c in text) and any(c.isupper() for c in text)
        if self.mixed:
            self.caps = [t.text[0].isupper() or t.text[0].isdigit() for t in self.toks]
        else:
            self.caps = [text.isupper()] * len(self.toks)

    # ------------------------------------------------------------ items

    def read(self) -> _Reading | None:
        if not self.toks:
            return None
        if len(self.toks) == 1 and self.folded[0] in _PRONOUNS | _TEMPORAL and not (
                len(self.toks[0].text) > 1 and self.toks[0].text.isupper()):
            return None
        items = self._items()
        items = self._absorb_place_suffixes(items)
        items = self._demote_places(items)
        items = self._misspelt_places(items)
        items = self._organisation_names(items)
        items = self._names(items)
        return self._interpret(items)

    def _span(self, first: int, last: int) -> str:
        return self.text[self.toks[first].start:self.toks[last - 1].end]

    def _lookups(self, i: int, n: int, lemmas: bool) -> list[tuple[str, bool]]:
        """Keys to try for tokens [i, i+n): as written, possessive stripped, singular."""
        words = self.folded[i:i + n]
        keys = [(" ".join(words), False)]
        bare = strip_possessive(words[-1])
        if bare:
            keys.append((" ".join(words[:-1] + [bare]), True))
        if lemmas:
            last = bare or words[-1]
            keys += [(" ".join(words[:-1] + [s]), bare is not None) for s in singular_forms(last)]
        return keys

    def _items(self) -> list[_Item]:
        """Lexicon matches (longest first, then metonym > place > organisation > role), then words."""
        n_tok = len(self.toks)
        found: list[tuple[int, int, _Item]] = []
        for m in gazetteer().find(self.text, self.toks):
            item = _Item("place", m.first, m.last, self.text[m.start:m.end], place=m.place,
                         country=m.place.country, possessive=m.possessive)
            found.append((m.last - m.first, 1, item))
        for i in range(n_tok):
            for n in range(1, min(self.r._window, n_tok - i) + 1):
                self._match(i, n, found)
        found.sort(key=lambda f: (-f[0], f[1], f[2].first))
        taken = [False] * n_tok
        items: list[_Item] = []
        for _, _, item in found:
            if any(taken[item.first:item.last]):
                continue
            for j in range(item.first, item.last):
                taken[j] = True
            item.capital = self.caps[item.first]
            items.append(item)
        for i in range(n_tok):
            if not taken[i]:
                items.append(self._word(i, taken))
        return sorted(items, key=lambda it: it.first)

    def _match(self, i: int, n: int, found: list) -> None:
        caps_ok = self.caps[i] or not self.mixed
        org_rank = 2 if self.caps[i] else 4  # lowercase text: a role reading beats a name reading
        for k, possessive in self._lookups(i, n, lemmas=False):
            if k in METONYMS and caps_ok:
                name, country, sector = METONYMS[k]
                found.append((n, 0, _Item("metonym", i, i + n, self._span(i, i + n), sector=sector,
                                          country=country, entity=name, possessive=possessive)))
            if self.label == "PERSON" and n == len(self.toks):
                continue  # "Bayer", "Siemens": a person's name, whatever companies share it
            for index in self.r._orgs:
                entry = index.entry(k)
                if entry is None or index.kind_of(entry) != "organisation" or not caps_ok:
                    continue
                # (an acronym keeps its capitals in the possessive: "the UN's envoy")
                if index.needs_capitals(k) and not all(_no_possessive(self.toks[j].text).isupper()
                                                       for j in range(i, i + n)):
                    continue
                country, sector = pick_code(entry.codes, None)
                found.append((n, org_rank, _Item("org", i, i + n, self._span(i, i + n), sector=sector,
                                                 country=country, entity=_display(entry.phrase),
                                                 possessive=possessive, source=index.name)))
                break
        for k, possessive in self._lookups(i, n, lemmas=True):
            sector = self.r.role_sector(k)
            if sector or (n == 1 and k in _GENERIC_HEADS):
                found.append((n, 3, _Item("role", i, i + n, self._span(i, i + n), word=k,
                                          sector=sector, possessive=possessive)))
                break

    def _hyphen_cap(self, i: int, taken: list[bool]) -> bool:
        """A lowercase part joined by a hyphen to an unknown capitalised word: "Ho-jen"."""
        return (i > 0 and self.caps[i - 1] and self.mixed and not taken[i - 1]
                and self.text[self.toks[i - 1].end:self.toks[i].start] == "-")

    def _word(self, i: int, taken: list[bool]) -> _Item:
        w = self.folded[i]
        bare = strip_possessive(w) or w
        kind = ("pron" if w in _PRONOUNS else "det" if w in _DETERMINERS or w.isdigit()
                else "former" if w in _FORMER else "prep" if w in _PREPOSITIONS
                else "conj" if w in ("and", "or", "&") else "hon" if bare in _HONORIFICS
                else "cap" if self.caps[i] or self._hyphen_cap(i, taken) else "word")
        return _Item(kind, i, i + 1, self.toks[i].text, word=w, capital=self.caps[i],
                     possessive=strip_possessive(w) is not None)

    def _absorb_place_suffixes(self, items: list[_Item]) -> list[_Item]:
        """'Kano' + 'State' -> one place."""
        out: list[_Item] = []
        for item in items:
            prev = out[-1] if out else None
            if (prev and prev.kind == "place" and item.kind == "cap" and not prev.possessive
                    and (strip_possessive(item.word) or item.word) in _PLACE_SUFFIXES):
                prev.last, prev.text = item.last, self._span(prev.first, item.last)
                prev.possessive = item.possessive
                continue
            out.append(item)
        return out

    def _demote_places(self, items: list[_Item]) -> list[_Item]:
        """A city or given-name country beside an unknown capitalised word, or after an honorific,
        is part of a name."""
        def unknown_cap(j: int) -> bool:
            return 0 <= j < len(items) and items[j].kind == "cap" and items[j].word not in _ORG_WORDS

        for j, item in enumerate(items):
            if item.kind != "place" or item.possessive or self.label == "GPE":
                continue
            following = items[j + 1] if j + 1 < len(items) else None
            if (following is not None and following.kind == "role"
                    and following.word.split()[0] in _STATE_TITLES
                    and fold(item.text) in gazetteer().us_states):
                item.country = "USA"  # "Georgia Gov. Brian Kemp": the US state
                continue
            if j > 0 and items[j - 1].kind == "hon" and item.place.kind != "igo":
                item.kind, item.place, item.country = "cap", None, None  # "Mr Banda": a person
                continue
            local = item.place.kind in ("city", "capital", "subdivision")
            if local and j > 0 and items[j - 1].kind == "role" and following is None:
                item.kind, item.place, item.country = "cap", None, None  # "President Banda"
                continue
            given = fold(item.text) in _GIVEN_NAME_PLACES
            if self.label == "PERSON" and item.place.kind != "demonym":
                local = True
            if (local or given) and (unknown_cap(j - 1) or unknown_cap(j + 1)
                                     or (self.label == "PERSON" and len(items) == 1)):
                item.kind, item.place, item.country = "cap", None, None
        return items

    def _misspelt_places(self, items: list[_Item]) -> list[_Item]:
        """A lone unknown capitalised word one slip from a country name: "Venezula"."""
        for j, item in enumerate(items):
            if item.kind != "cap" or item.last - item.first != 1:
                continue
            if any(0 <= k < len(items) and items[k].kind == "cap" for k in (j - 1, j + 1)):
                continue
            place = gazetteer().near(strip_possessive(item.word) or item.word)
            if place is not None:
                item.kind, item.place, item.country = "place", place, place.country
        return items

    def _organisation_names(self, items: list[_Item]) -> list[_Item]:
        """Capitalised runs holding an organisation word become one organisation name.

        The run ends at its last organisation word, plus an "of ..." tail of unknown
        capitalised words ("Ministry of Mines"); titles and names after it stay apart
        ("Foreign Ministry Spokesman Ahmed Sahhaf").
        """
        out: list[_Item] = []
        j = 0
        while j < len(items):
            end = self._org_run_end(items, j)
            if end is None:
                out.append(items[j])
                j += 1
                continue
            run = items[j:end + 1]
            sector = next((it.sector for it in reversed(run) if it.sector), None)
            country = next((it.country for it in run if it.kind == "place" and it.country), None)
            start = next(k for k, it in enumerate(run) if not (it.kind == "place" and it.possessive))
            text = self._span(run[start].first, run[-1].last)
            out.append(_Item("orgname", run[0].first, run[-1].last, text, sector=sector,
                             country=country, entity=text, capital=True, possessive=run[-1].possessive))
            j = end + 1
        return out

    def _org_run_end(self, items: list[_Item], j: int) -> int | None:
        """Index of the last item of an organisation name starting at ``j``, or None."""
        if not self._run_member(items[j], first=True):
            return None
        end = j
        while end + 1 < len(items) and self._run_member(items[end + 1], first=False):
            end += 1
        org_ends = [k for k in range(j, end + 1) if items[k].kind in ("cap", "role") and any(
            _org_word(self.folded[t]) for t in range(items[k].first, items[k].last))]
        if not org_ends:
            return None
        end = org_ends[-1]
        while (end + 2 < len(items) and items[end + 1].word in ("of", "for")
               and items[end + 2].kind == "cap" and items[end + 2].capital):
            end += 2
            while end + 1 < len(items) and items[end + 1].kind == "cap" and items[end + 1].capital:
                end += 1
        return end

    def _run_member(self, item: _Item, first: bool) -> bool:
        if item.kind in ("cap", "role") and item.capital and self.mixed:
            return True
        if item.kind == "place" and item.capital and self.mixed and item.place.kind != "igo":
            return first or not item.possessive
        return not first and item.word in _CONNECTORS and item.kind in ("prep", "conj", "det", "cap")

    def _names(self, items: list[_Item]) -> list[_Item]:
        """Runs of capitalised unknown words: person names, or modifiers before a role."""
        out: list[_Item] = []
        j = 0
        while j < len(items):
            if items[j].kind != "cap":
                out.append(items[j])
                j += 1
                continue
            end = j
            while end + 1 < len(items) and (items[end + 1].kind == "cap" or (
                    items[end + 1].word in _NAME_PARTICLES and end + 2 < len(items)
                    and items[end + 2].kind == "cap")):
                end += 1
            following = items[end + 1] if end + 1 < len(items) else None
            kind = "mod" if following is not None and following.kind in ("role", "orgname") else "name"
            text = self._span(items[j].first, items[end].last)
            if items[end].possessive:
                text = re.sub(r"['’]s$", "", text)
                kind = "mod"
            out.append(_Item(kind, items[j].first, items[end].last, text, capital=True,
                             possessive=items[end].possessive))
            j = end + 1
        return out

    # ------------------------------------------------------------ meaning

    def _interpret(self, items: list[_Item]) -> _Reading | None:
        items = [it for it in items if it.kind not in ("hon", "pron")]
        items = _skip_partitive(items)
        core, complements = _split(items)
        heads = [it for it in core if it.kind in ("name", "org", "orgname", "metonym", "role")]
        places = [it for it in core if it.kind == "place"]
        former = any(it.kind == "former" for it in core)
        located = any(it.country for _, pool in complements for it in pool)
        if not heads and not places and not (located and core):
            return None
        reading = _Reading(head="none", text=_clean(self._span(core[0].first, core[-1].last) if core
                                                    else self.text))
        reading.former = former
        self._country(reading, core, complements)
        if heads:
            self._head(reading, heads[-1], core, complements)
        elif places:
            self._place_head(reading, places[-1], core)
        else:  # "targets in Syria": only the place is known
            reading.name, reading.kind = _clean(self.text), "group"
        reading.modifiers = [it.text for it in core if it.kind == "mod"]
        return reading

    def _country(self, reading: _Reading, core: list[_Item], complements) -> None:
        """First country evidence: core modifiers, then complements (not 'to X' after envoys)."""
        pools = [core] + [items for prep, items in complements if prep != "to"]
        for pool in pools:
            for it in pool:
                if it.first and self.folded[it.first - 1] in _NOT_NATIONALITY:
                    continue
                if it.kind in ("place", "metonym", "org", "orgname") and it.country:
                    reading.country = it.country
                    reading.basis = "article"
                    return
                if it.kind == "place" and it.place is not None and it.place.kind == "igo" and not reading.igo:
                    reading.igo = it.place.name

    def _head(self, reading: _Reading, head: _Item, core: list[_Item], complements) -> None:
        roles = [it for it in core if it.kind == "role" and it.first < head.last]
        affiliations = [it for it in core if it.kind in ("org", "orgname", "metonym") and it is not head]
        if head.kind == "name":
            reading.head, reading.name = "name", head.text
            reading.kind = {"ORG": "organisation", "GPE": "place", "LOC": "place",
                            "FAC": "place", "NORP": "group"}.get(self.label or "", "person")
            title = roles[-1] if roles else None
            reading.sector = _sector_with_affiliation(title, affiliations) if title else (
                affiliations[-1].sector if affiliations else None)
        elif head.kind == "role":
            reading.head = "role"
            reading.sector = _sector_with_affiliation(head, affiliations + roles[:-1])
            reading.kind = _role_kind(head)
            reading.name = _clean(self.text)
        else:
            reading.head = "org"
            reading.kind = "organisation"
            reading.name = head.entity or head.text
            reading.sector = head.sector or next((a.sector for a in reversed(affiliations) if a.sector), None)
            if all(it is head or it.kind == "det" for it in core):  # the phrase is just the name
                reading.basis = {"metonym": "metonym", "org": f"dictionary:{head.source}"}.get(
                    head.kind, reading.basis)
        if head.kind == "role" and head.word.split()[-1] in _GENERIC_HEADS:
            for prep, items in complements:
                if prep in _COMPLEMENT:
                    sector = next((it.sector for it in items if it.sector and it.kind != "place"), None)
                    if sector:
                        reading.sector = sector
                        break
        reading.role = self._role_text(core, head)

    def _role_text(self, core: list[_Item], head: _Item) -> str | None:
        """The title as the text gives it: "Kremlin spokesman", "former President", "Senator".

        The words ending at the last role (the head, for a role head), reaching left over
        other roles, organisations, unknown words and "former"; places and names stop it.
        """
        roles = [j for j, it in enumerate(core) if it.kind == "role"]
        if not roles:
            return None
        end = core.index(head) if head.kind == "role" else roles[-1]
        start = end
        while start > 0 and core[start - 1].kind in ("role", "word", "mod", "metonym", "org",
                                                       "orgname", "former"):
            start -= 1
        words = []
        for it in core[start:end + 1]:
            for t in range(it.first, it.last):
                words.append(_ABBREVIATIONS.get(self.folded[t], self.toks[t].text))
        return re.sub(r"['’]s$", "", " ".join(words))

    def _place_head(self, reading: _Reading, place: _Item, core: list[_Item]) -> None:
        reading.head = "place"
        reading.place = place.place
        only_place = all(it is place or it.kind in ("det",) for it in core)
        actor = place_actor(place.place)
        if only_place:
            reading.name, reading.kind = actor.name, actor.kind
            reading.basis = "gazetteer"
        else:
            reading.name, reading.kind = reading.text, "group"
        if place.place.kind == "igo":
            reading.igo = place.place.name
            reading.sector = "IGO"


# ------------------------------------------------------------------ helpers


def _display(phrase: str) -> str:
    return phrase.title() if phrase.isupper() and (" " in phrase or len(phrase) > 5) else phrase


def _org_word(folded: str) -> bool:
    bare = strip_possessive(folded) or folded
    return bare in _ORG_WORDS


def _clean(text: str) -> str:
    """Drop leading determiners and trailing possessives from a phrase."""
    words = text.split()
    while words and fold(words[0]) in _DETERMINERS:
        words = words[1:]
    return re.sub(r"['’]s?$", "", " ".join(words)) or text


def _skip_partitive(items: list[_Item]) -> list[_Item]:
    """'members of SANDF', 'a group of tourists', 'several of the largest unions' -> the part after 'of'."""
    for j, it in enumerate(items):
        if it.kind == "prep" and it.word == "of":
            before = items[:j]
            if before and all(b.kind == "det" or b.word in _PARTITIVES for b in before) and any(
                    b.word in _PARTITIVES for b in before):
                return items[j + 1:]
            return items
        if it.kind not in ("det", "word"):
            return items
    return items


def _split(items: list[_Item]) -> tuple[list[_Item], list[tuple[str, list[_Item]]]]:
    """Core (words before the first preposition) and (preposition, words) complements."""
    core: list[_Item] = []
    complements: list[tuple[str, list[_Item]]] = []
    for it in items:
        if it.kind == "prep" and (core or complements):
            complements.append((it.word, []))
        elif complements:
            complements[-1][1].append(it)
        elif it.kind != "prep":
            core.append(it)
    return core, complements


def _sector_with_affiliation(head: _Item, affiliations: list[_Item]) -> str | None:
    """A generic head ("official", "spokesman") takes the sector of what it belongs to."""
    last = head.word.split()[-1] if head.word else ""
    if last in _GENERIC_HEADS or (singular_forms(last) and singular_forms(last)[-1] in _GENERIC_HEADS):
        for it in reversed(affiliations):
            if it.sector:
                return it.sector
    return head.sector


def _role_kind(head: _Item) -> str:
    word = head.word.split()[-1] if head.word else ""
    if word in _ORG_NOUNS:
        return "organisation"
    surface = fold(head.text.split()[-1])
    return "group" if surface != word or surface.endswith("s") else "person"


def _acting_capital(main: _Reading, name: str, context: str) -> Actor | None:
    """'Moscow denied ...' -> the Russian government (the capital acts in its sentence)."""
    place = main.place
    if place is None or place.country is None or place.kind not in ("capital", "city"):
        return None
    words = [fold(t.text) for t in tokenize(context)]
    target = [fold(t.text) for t in tokenize(name)]
    n = len(target)
    for i in range(len(words) - n + 1):
        last = words[i + n - 1]
        possessive = strip_possessive(last) == target[-1]
        if words[i:i + n - 1] != target[:-1] or not (last == target[-1] or possessive):
            continue
        after = words[i + n:i + n + 3]
        if possessive and after and after[0] in _POSSESSED_POLICY:
            return _government(place)
        if i and words[i - 1] in _OBJECT_CUES:
            return _government(place)
        for w in after:
            if w in _POLITICAL_VERBS:
                return _government(place)
            if w not in _AUXILIARIES and not w.endswith("ly"):
                break
    return None


def _government(place: Place) -> Actor:
    return Actor(place.name, "organisation", place.country, "GOV", basis="metonym")


# ------------------------------------------------------------- module API


@cache
def default_resolver() -> ActorResolver:
    """A process-wide resolver with the built-in dictionaries and an empty knowledge base."""
    return ActorResolver()


def short_text_to_agent(text: str) -> Actor | None:
    """See ``ActorResolver.short_text_to_agent`` (default resolver)."""
    return default_resolver().short_text_to_agent(text)


def search_nat(text: str) -> tuple[str | None, str]:
    """See ``ActorResolver.search_nat``."""
    return default_resolver().search_nat(text)
