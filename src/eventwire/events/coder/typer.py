"""Typing predicates the lexicon does not know, by their nearest lexicon entry.

The lexicon (``data/events_lexicon.txt``) codes the verbs and nouns it lists.  A sentence whose
verbs it does not know ("bombarded the port", "handed over the airbase") gets no event from it.
``NearestEntryTyper`` embeds each such predicate as a short phrase (the verb's lemma, its
particle, its object or first prepositional phrase) with a small sentence encoder
(``eventwire.nlp.minilm``, no torch) and takes the code of the nearest *prototype*: every
lexicon entry written out as a phrase ("impose sanction", "hand over control"), every event
noun, and the short name of every CAMEO code.  A match below ``threshold`` (cosine) types
nothing.  It fills gaps only: a sentence the lexicon codes is left as it is.

Cost and figures: benchmarks/RESULTS.md ("Typing beyond the lexicon").  Opt in with
``eventwire code --typer minilm`` or ``code_doc(..., typer=NearestEntryTyper.load())``.
"""
from __future__ import annotations

import hashlib
import itertools
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from eventwire.events.cameo import CODES
from eventwire.events.lexicon import Lexicon, lexicon

THRESHOLD = 0.6  # chosen on the development halves (benchmarks/RESULTS.md)
MAX_COMBOS = 4  # phrases written out per lexicon entry ("express concern|alarm" -> a few)
TYPERS = ("lexicon", "minilm")  # what ``code --typer`` accepts


@dataclass(frozen=True)
class Typed:
    code: str
    score: float  # cosine similarity to the prototype
    prototype: str


def prototypes(lex: Lexicon) -> tuple[list[str], list[str]]:
    """(phrases, codes): the lexicon's entries and nouns, and the CAMEO short names, as phrases."""
    phrases, codes = [], []
    for verb, entries in sorted(lex.verbs.items()):
        for e in entries:
            for combo in itertools.islice(itertools.product(*[sorted(a) for a in e.words]), MAX_COMBOS):
                phrases.append(" ".join([verb, *combo]))
                codes.append(e.code)
    for noun, code in sorted(lex.nouns.items()):
        phrases.append(noun)
        codes.append(code)
    for code, info in sorted(CODES.items()):
        if len(code) > 2 and not info.name.endswith("unspecified"):
            phrases.append(info.name)
            codes.append(code)
    return phrases, codes


class NearestEntryTyper:
    """``type(phrases)`` -> a ``Typed`` or None for each phrase."""

    name = "minilm"

    def __init__(self, encoder, lex: Lexicon | None = None, threshold: float = THRESHOLD):
        self.encoder = encoder
        self.threshold = threshold
        self.phrases, self.codes = prototypes(lex or lexicon())
        self.matrix = _cached(self.phrases, encoder)
        self._seen: dict[str, Typed | None] = {}

    @classmethod
    def load(cls) -> "NearestEntryTyper":
        return _loaded()

    def type(self, phrases: list[str]) -> list[Typed | None]:
        todo = sorted({p for p in phrases if p not in self._seen})
        if todo:
            sims = self.encoder.encode(todo) @ self.matrix.T
            for p, row in zip(todo, sims):
                self._seen[p] = None
                for j in np.argsort(-row)[:8]:
                    score = float(row[j])
                    if score < self.threshold:
                        break
                    if _opposite(p.split()[0], self.phrases[j].split()[0]):
                        continue  # "upgrade ties" is near "downgrade tie" and means its reverse
                    self._seen[p] = Typed(self.codes[j], round(score, 3), self.phrases[j])
                    break
            if len(self._seen) > 50_000:  # a long run: keep the memo bounded
                self._seen.clear()
        return [self._seen.get(p) for p in phrases]


def _cached(phrases: list[str], encoder) -> np.ndarray:
    """The prototypes' vectors, kept on disk between runs (``$EVENTWIRE_CACHE``, else
    ``~/.cache/eventwire``) under a key made of the phrases and the model; computed when absent
    (about 8 s on one core).  A cache that cannot be written is only slower."""
    key = hashlib.sha1("\n".join(phrases + [getattr(encoder, "identity", "")]).encode()).hexdigest()[:16]
    folder = Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")
    path = folder / f"typer-{key}.npy"
    try:
        matrix = np.load(path)
        if matrix.shape[0] == len(phrases):
            return matrix
    except (OSError, ValueError):
        pass
    matrix = np.concatenate([encoder.encode(phrases[i:i + 256]) for i in range(0, len(phrases), 256)])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".npy", delete=False) as tmp:
            np.save(tmp, matrix)
        os.replace(tmp.name, path)
    except OSError:
        pass
    return matrix


_PREFIXES = ("up", "down", "dis", "de", "un", "in", "im", "re", "over", "under")


def _stem(word: str) -> str:
    for pre in _PREFIXES:
        if word.startswith(pre) and len(word) - len(pre) >= 4:
            return word[len(pre):]
    return word


def _opposite(verb: str, other: str) -> bool:
    """Two different verbs on one stem by a prefix ("upgrade"/"downgrade", "escalate"/"de-escalate",
    "freeze"/"unfreeze", "close"/"reopen"...): word vectors put them close, their meanings differ."""
    return verb != other and _stem(verb) == _stem(other) and verb.lower().isalpha()


@cache
def _loaded() -> NearestEntryTyper:
    from eventwire.nlp.minilm import encoder

    return NearestEntryTyper(encoder())


def get(name: str | None):
    """The typer a ``--typer`` name asks for: None for the lexicon alone."""
    if name in (None, "", "lexicon"):
        return None
    if name == "minilm":
        return NearestEntryTyper.load()
    raise ValueError(f"no typer {name!r}; choose one of {', '.join(TYPERS)}")
