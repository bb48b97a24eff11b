"""Actor dictionaries in the PETRARCH / Phoenix text format.

The format, as this parser reads it (one item per line, ``#`` starts a comment):

    VLADIMIR_PUTIN_  [RUSGOV 000507-080507] [RUSGOV >120507]
    +PUTIN_                          # a synonym of the entry above
    +VLADIMIR_VLADIMIROVICH_PUTIN_
        [RUSELI 080508-120506]       # a code line adds to the entry above
    PRESIDENT_ {PRESIDENTS_} [~GOV]  # agents file: "~" = sector only; {..} = other forms

Words are joined by ``_``.  A code is a CAMEO actor code: a three-letter
country (or IGO / NGO / MNC) followed by three-letter sectors (RUSGOV -> RUS,
GOV).  Dates are YYMMDD or YYYYMMDD; ``A-B`` is a range, ``>A`` from A on,
``<B`` until B.  Two-digit years 00-29 are 20xx, others 19xx; a range whose
end falls before its start ("000101-991231") is open at the end.

A malformed line is reported as ``EventwireError("E402", "file:line: why")``
in the caller's ``errors`` list (or logged) and skipped; the rest of the file
still loads.  ``DictionaryIndex`` turns entries into dictionary lookups that
give an ``Actor`` for a name, choosing the code in force on a date.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.nlp.gazetteer import key
from eventwire.records import Actor

log = logging.getLogger(__name__)

SECTORS = frozenset("""
GOV MIL LEG JUD OPP MED BUS NGO IGO REB CVL EDU ELI COP SPY REL HLH CRM LAB AGR REF UAF
PTY MOD RAD ENV HRI SET IRG INS UNK JRN DEV
""".split())
_NON_COUNTRY_PREFIX = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS"}
_CODE = re.compile(r"^~?[A-Z]{3}(?:[A-Z]{3})*$")
_DATE = r"(\d{6}|\d{8})"
_WHEN = re.compile(rf"^(?:{_DATE}-{_DATE}|>{_DATE}|<{_DATE})$")
_ORG_WORDS = frozenset("""
party army force forces council ministry agency bank university college court service front
movement group league union assembly parliament congress police guard fleet department
office commission organization company corporation committee institute foundation brigade
brigades network alliance coalition association federation authority state cartel
""".split())


@dataclass(frozen=True)
class DatedCode:
    """One actor code, valid from ``start`` to ``end`` (ISO dates; None = open)."""

    code: str  # "RUSGOV", "~GOV"
    start: str | None = None
    end: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class DictEntry:
    """A dictionary entry: a phrase, its synonyms and its codes."""

    phrase: str  # words, space-separated: "VLADIMIR PUTIN"
    synonyms: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    source: str  # "file:line"

    @property
    def agent(self) -> bool:
        """True for agents-file entries (sector only: ``[~GOV]``)."""
        return bool(self.codes) and all(c.code.startswith("~") for c in self.codes)


def split_code(code: str) -> tuple[str | None, str | None]:
    """A CAMEO code as (country, first sector): RUSGOV -> (RUS, GOV), ~GOV -> (None, GOV)."""
    code = code.lstrip("~")
    head, rest = code[:3], code[3:]
    if head in _NON_COUNTRY_PREFIX:
        return None, _NON_COUNTRY_PREFIX[head]
    if head in SECTORS and not rest:
        return None, head
    return head, (rest[:3] or None)


def _iso_date(digits: str) -> str:
    if len(digits) == 6:
        yy = int(digits[:2])
        digits = ("20" if yy < 30 else "19") + digits
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"


def _parse_code(body: str) -> DatedCode:
    """'RUSGOV 000101-991231' -> DatedCode; raises ValueError with the reason."""
    parts = body.split()
    if not parts or not _CODE.match(parts[0]):
        raise ValueError(f"bad actor code [{body}]")
    if len(parts) == 1:
        return DatedCode(parts[0])
    if len(parts) > 2 or not (m := _WHEN.match(parts[1])):
        raise ValueError(f"bad date restriction in [{body}]")
    first, last, after, before = m.groups()
    if after:
        return DatedCode(parts[0], start=_iso_date(after))
    if before:
        return DatedCode(parts[0], end=_iso_date(before))
    start, end = _iso_date(first), _iso_date(last)
    return DatedCode(parts[0], start, None if end < start else end)


def _split_line(line: str) -> tuple[str, list[str], list[str]]:
    """A line as (text before any bracket, {alternative forms}, [codes])."""
    if line.count("[") != line.count("]") or line.count("{") != line.count("}"):
        raise ValueError("unbalanced brackets")
    codes = re.findall(r"\[([^\[\]]*)\]", line)
    forms = re.findall(r"\{([^{}]*)\}", line)
    head = re.sub(r"\[[^\[\]]*\]|\{[^{}]*\}", " ", line).strip()
    return head, [w for f in forms for w in f.split()], codes


def _words(phrase: str) -> str:
    words = phrase.strip("_").replace("_", " ").split()
    if not words or not all(re.match(r"^[\w.'&-]+$", w) for w in words):
        raise ValueError(f"bad phrase {phrase!r}")
    return " ".join(words)


class _Draft:
    def __init__(self, phrase: str, line: int):
        self.phrase, self.line = phrase, line
        self.synonyms: list[str] = []
        self.codes: list[DatedCode] = []


def parse_petrarch_dictionary(text: str, name: str,
                              errors: list[EventwireError] | None = None) -> list[DictEntry]:
    """Entries of a dictionary given as text; ``name`` labels error messages."""
    drafts: list[_Draft] = []

    def fail(lineno: int, why: str) -> None:
        err = EventwireError("E402", f"{name}:{lineno}: {why}")
        if errors is None:
            log.warning("%s", err)
        else:
            errors.append(err)

    orphaned = False  # the lines after a malformed entry belong to no entry
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        continues = line.startswith(("+", "["))
        try:
            if continues and (orphaned or not drafts):
                raise ValueError("belongs to no well-formed entry")
            head, forms, bodies = _split_line(line)
            codes = [_parse_code(b) for b in bodies]
            if head.startswith("+"):
                drafts[-1].synonyms += [_words(head[1:])] + [_words(f) for f in forms]
                drafts[-1].codes += codes
            elif head:
                draft = _Draft(_words(head), lineno)
                draft.synonyms += [_words(f) for f in forms]
                draft.codes += codes
                drafts.append(draft)
                orphaned = False
            elif codes:
                drafts[-1].codes += codes
            else:
                raise ValueError("nothing recognisable on the line")
        except ValueError as exc:
            orphaned = orphaned or not continues
            fail(lineno, str(exc))
    entries = []
    for d in drafts:
        if d.codes:
            entries.append(DictEntry(d.phrase, tuple(d.synonyms), tuple(d.codes), f"{name}:{d.line}"))
        else:
            fail(d.line, f"entry {d.phrase!r} has no code")
    return entries


def load_petrarch_dictionary(path: str | Path,
                             errors: list[EventwireError] | None = None) -> list[DictEntry]:
    """Read a PETRARCH / Phoenix actor or agents dictionary file.

    Malformed lines are skipped and reported into ``errors`` (E402) when a
    list is given, else logged as warnings.
    """
    path = Path(path)
    return parse_petrarch_dictionary(path.read_text("utf-8", errors="replace"), path.name, errors)


def pick_code(codes: tuple[DatedCode, ...], date: str | None) -> tuple[str | None, str | None]:
    """(country, sector) in force on ``date`` (ISO; None = the latest known).

    A dated code covering the date wins, then an undated code; after every
    dated code has ended the actor is a former office-holder (sector ELI);
    before the first one only the country is known.
    """
    undated = [c for c in codes if not c.dated]
    dated = sorted((c for c in codes if c.dated), key=lambda c: c.start or "")
    if date is None:
        chosen = undated[0] if undated else dated[-1]
        return split_code(chosen.code)
    covering = [c for c in dated if c.covers(date)]
    if covering:
        return split_code(covering[-1].code)
    if undated:
        return split_code(undated[0].code)
    ended = [c for c in dated if c.end is not None and c.end < date]
    if ended:
        country, _ = split_code(max(ended, key=lambda c: c.end or "").code)
        return country, "ELI"
    return split_code(dated[0].code)[0], None


def guess_kind(phrase: str) -> str:
    """person | organisation for a dictionary phrase lacking a declared kind."""
    words = key(phrase).split()
    if len(words) == 1 or _ORG_WORDS.intersection(words):
        return "organisation"
    return "person"


class DictionaryIndex:
    """Entries of one dictionary, keyed for lookup by name.

    ``kind`` declares what the entries name ("person", "organisation");
    None guesses per entry (``guess_kind``).  Agent entries (``[~GOV]``) are
    kept apart: ``sector_of`` answers for common nouns ("president").  In a
    dictionary written in natural case, short all-capital names ("CIA") must
    appear in capitals in the text (``needs_capitals``).    """

    def __init__(self, entries: list[DictEntry], name: str, kind: str | None = None):
        self.name = name
        self.kind = kind
        self._actors: dict[str, DictEntry] = {}
        self._agents: dict[str, str] = {}
        self._capitals: set[str] = set()
        self._surnames: dict[str, list[DictEntry]] = {}
        self.max_tokens = 1
        natural_case = any(c.islower() for e in entries for c in e.phrase)
        for entry in entries:
            for phrase in (entry.phrase, *entry.synonyms):
                k = key(phrase)
                if not k:
                    continue
                self.max_tokens = max(self.max_tokens, len(k.split()))
                if entry.agent:
                    self._agents.setdefault(k, split_code(entry.codes[0].code)[1] or "")
                    continue
                self._actors.setdefault(k, entry)
                words = k.split()
                if len(words) > 1 and any(c.dated for c in entry.codes):
                    bucket = self._surnames.setdefault(words[-1], [])
                    if entry not in bucket:
                        bucket.append(entry)
                letters = [c for c in phrase if c.isalpha()]
                if natural_case and len(letters) <= 5 and all(c.isupper() for c in letters):
                    self._capitals.add(k)

    def entry(self, folded_key: str) -> DictEntry | None:
        """The actor entry stored under a key (see ``gazetteer.key``)."""
        return self._actors.get(folded_key)

    def needs_capitals(self, folded_key: str) -> bool:
        """True when the name is an abbreviation that only counts in capitals."""
        return folded_key in self._capitals

    def kind_of(self, entry: DictEntry) -> str:
        return self.kind or guess_kind(entry.phrase)

    def actor(self, name: str, date: str | None = None) -> Actor | None:
        """The Actor a name stands for on ``date``, or None when not listed."""
        entry = self._actors.get(key(name))
        return self.entry_actor(entry, date) if entry else None

    def in_office(self, surname: str, date: str | None) -> Actor | None:
        """The one listed office-holder with this surname in office on ``date`` ("President
        Bush" in 2008), or None when no date is given, nobody or several people match."""
        if not date:
            return None
        k = key(surname)
        if not k or " " in k:
            return None
        holders = [e for e in self._surnames.get(k, ()) if any(c.dated and c.covers(date) for c in e.codes)]
        return self.entry_actor(holders[0], date) if len(holders) == 1 else None

    def entry_actor(self, entry: DictEntry, date: str | None = None) -> Actor:
        country, sector = pick_code(entry.codes, date)
        name = entry.phrase
        if name.isupper() and (" " in name or len(name) > 5):
            name = name.title()
        return Actor(name, self.kind_of(entry), country, sector, as_of=date,
                     basis=f"dictionary:{self.name}")

    def sector_of(self, folded_key: str) -> str | None:
        """The sector an agents entry gives a common noun ("president" -> GOV)."""
        return self._agents.get(folded_key) or None
