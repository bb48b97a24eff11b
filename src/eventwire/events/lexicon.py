"""The event lexicon (``data/events_lexicon.txt``): verbs, event nouns, verb roles.

See the file's header for the format.  ``lexicon()`` loads it once per process.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from eventwire.events.cameo import CODES


@dataclass(frozen=True)
class VerbEntry:
    code: str
    verb: str
    words: tuple[frozenset[str], ...]  # each must be matched by one lemma near the verb
    symmetric: bool = False


@dataclass
class Lexicon:
    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)  # "air strike" / "strike" -> code
    roles: dict[str, set[str]] = field(default_factory=dict)  # role -> verb lemmas

    def role(self, name: str, lemma: str) -> bool:
        return lemma in self.roles.get(name, ())


def parse(text: str) -> Lexicon:
    lex = Lexicon()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if parts[0].startswith("@"):
            lex.roles.setdefault(parts[0][1:], set()).update(parts[1:])
            continue
        if parts[0] == "N":
            if len(parts) < 3 or parts[1] not in CODES or "|" in line:
                # (a noun line names one noun: alternatives would be read as one odd noun)
                raise ValueError(f"bad lexicon line (N, a CAMEO code, a noun; one noun a line): {raw!r}")
            lex.nouns.setdefault(" ".join(parts[2:]).lower(), parts[1])
            continue
        symmetric = parts[-1] == "<>"
        if symmetric:
            parts = parts[:-1]
        code, verb, *words = parts
        if not code.isdigit() or "|" in verb:
            raise ValueError(f"bad lexicon line (a code, then one verb lemma): {raw!r}")
        if code not in CODES:
            raise ValueError(f"bad lexicon line (no such CAMEO code {code}): {raw!r}")
        entry = VerbEntry(code, verb.lower(), tuple(frozenset(w.lower().split("|")) for w in words), symmetric)
        lex.verbs.setdefault(entry.verb, []).append(entry)
    # most specific first; among equals the file's order stands (sort is stable)
    for entries in lex.verbs.values():
        entries.sort(key=lambda e: -len(e.words))
    return lex


@cache
def lexicon() -> Lexicon:
    text = resources.files("eventwire.data").joinpath("events_lexicon.txt").read_text(encoding="utf-8")
    return parse(text)
