"""A knowledge base of people, learned from the corpus itself.

When an article says "Kremlin spokesman Dmitry Peskov", the resolver knows
Peskov's country and sector from the text.  ``KnowledgeBase.learn`` keeps
that fact with its date and article id, so a later article that only says
"Peskov" can be resolved, with provenance ("kb:<article id>").

Approach: facts are stored per full-name key (``gazetteer.key``: folded,
accent-free).  Lookups are dictionary hits on
  * the full name;
  * first + last name (a middle name or initial may differ);
  * the surname alone, when exactly one learned person has it (names that
    are word-subsets of each other, "Vladimir Putin" and "Vladimir
    Vladimirovich Putin", count as one person).
Among the facts of a person the one nearest in time to the requested date
wins (the latest when no date is given); it is reported as the first article
that stated it, so repeating a fact later changes no answer.  Only facts whose country came from
the article text (basis "article") are learned.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from eventwire.nlp.gazetteer import key
from eventwire.records import Actor


@dataclass(frozen=True)
class Fact:
    """What one article said about one person."""

    name: str
    country: str | None
    sector: str | None
    role: str | None
    as_of: str | None
    article_id: str


def _day(iso: str | None) -> int | None:
    """Ordinal day of an ISO date ("2019", "2019-05" and "2019-05-02" all work)."""
    if not iso:
        return None
    parts = (iso.split("T")[0].split("-") + ["07", "01"])[:3]
    try:
        return Date(int(parts[0]), int(parts[1]), int(parts[2] or 1)).toordinal()
    except ValueError:
        return None


class KnowledgeBase:
    """People learned from articles; see the module docstring.

    ``KnowledgeBase(parent=kb)`` is a layer over ``kb``: lookups see both, learning goes into
    the layer only, and ``journal`` (when a list) records every lookup with its answer and
    every fact learned, in order.  The language pass's worker processes analyse an article
    against such a layer over a snapshot; ``replays`` tells the main process whether the full
    knowledge base would have answered every lookup the same way.
    """

    def __init__(self, parent: "KnowledgeBase | None" = None) -> None:
        self._facts: dict[str, list[Fact]] = {}  # full-name key -> facts
        self._first_last: dict[str, set[str]] = {}  # "dmitry peskov" -> full-name keys
        self._surnames: dict[str, set[str]] = {}  # "peskov" -> full-name keys
        self.parent = parent
        self.journal: list[tuple] | None = None

    def clear(self) -> None:
        """Forget every fact this layer learned."""
        self._facts.clear()
        self._first_last.clear()
        self._surnames.clear()

    def __len__(self) -> int:
        return len(self._facts) + (len(self.parent) if self.parent is not None else 0)

    # what this layer and the ones under it hold
    def _facts_of(self, full: str) -> list[Fact]:
        own = self._facts.get(full, [])
        return self.parent._facts_of(full) + own if self.parent is not None else own

    def _by_first_last(self, first_last: str) -> set[str]:
        own = self._first_last.get(first_last, set())
        return own | self.parent._by_first_last(first_last) if self.parent is not None else own

    def _by_surname(self, surname: str) -> set[str]:
        own = self._surnames.get(surname, set())
        return own | self.parent._by_surname(surname) if self.parent is not None else own

    def learn(self, actor: Actor, article_id: str) -> bool:
        """Remember a person resolved from an article's own words; True if kept."""
        words = key(actor.name).split()
        if actor.kind != "person" or actor.basis != "article" or not actor.country or len(words) < 2:
            return False
        if self.journal is not None:
            self.journal.append(("learn", actor, article_id))
        full = " ".join(words)
        fact = Fact(actor.name, actor.country, actor.sector, actor.role, actor.as_of, article_id)
        if fact not in self._facts_of(full):
            self._facts.setdefault(full, []).append(fact)
        self._first_last.setdefault(f"{words[0]} {words[-1]}", set()).add(full)
        self._surnames.setdefault(words[-1], set()).add(full)
        return True

    def lookup(self, name: str, date: str | None = None) -> Actor | None:
        """The learned person a name refers to, or None (unknown or ambiguous)."""
        found = self._lookup(name, date)
        if self.journal is not None:
            self.journal.append(("lookup", name, date, found))
        return found

    def replays(self, journal: list[tuple]) -> bool:
        """Whether a layer over this knowledge base answers a journal's lookups as recorded
        (its facts learned in between, in order)."""
        layer = KnowledgeBase(parent=self)
        for entry in journal:
            if entry[0] == "learn":
                layer.learn(entry[1], entry[2])
            elif layer._lookup(entry[1], entry[2]) != entry[3]:
                return False
        return True

    def _lookup(self, name: str, date: str | None) -> Actor | None:
        words = key(name).split()
        if not words:
            return None
        full = " ".join(words)
        if self._facts_of(full):
            candidates = {full}
        elif len(words) == 1:
            candidates = self._by_surname(full)
        else:
            candidates = self._by_first_last(f"{words[0]} {words[-1]}")
        person = self._one_person(candidates)
        if person is None:
            return None
        return self._nearest(person, date)

    @staticmethod
    def _one_person(candidates: set[str]) -> list[str] | None:
        """The candidates as one person (word-subset names merge), or None if several."""
        if not candidates:
            return None
        ordered = sorted(candidates, key=lambda k: (-len(k.split()), k))
        longest = set(ordered[0].split())
        if all(set(k.split()) <= longest for k in ordered):
            return ordered
        return None

    def _nearest(self, names: list[str], date: str | None) -> Actor:
        facts = [f for n in names for f in self._facts_of(n)]
        target = _day(date)
        if target is None:
            best = max(facts, key=lambda f: _day(f.as_of) or 0)
        else:
            best = min(facts, key=lambda f: abs((_day(f.as_of) or 0) - target))
        # what the nearest fact says, as the first article that said it: later articles
        # repeating a fact do not change the answer (nor its provenance)
        first = next(f for f in facts if (f.name, f.country, f.sector, f.role) == (best.name, best.country, best.sector, best.role))
        return Actor(first.name, "person", first.country, first.sector, first.role, first.as_of,
                     basis=f"kb:{first.article_id}")

    def to_rows(self) -> list[dict]:
        """All facts as plain dicts, for storage."""
        return [{"name": f.name, "country": f.country, "sector": f.sector, "role": f.role,
                 "as_of": f.as_of, "article_id": f.article_id}
                for facts in self._facts.values() for f in facts]

    @classmethod
    def from_rows(cls, rows) -> KnowledgeBase:
        """A knowledge base rebuilt from ``to_rows`` output."""
        kb = cls()
        for row in rows:
            actor = Actor(row["name"], "person", row.get("country"), row.get("sector"),
                          row.get("role"), row.get("as_of"), basis="article")
            kb.learn(actor, row["article_id"])
        return kb
