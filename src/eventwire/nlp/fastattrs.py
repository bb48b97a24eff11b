"""The model's attribute rules (tag -> POS, morphology, a few lemmas), applied by table lookup.

The packaged English pipeline maps fine-grained tags to coarse POS and
morphology with spaCy's ``attribute_ruler``: about 180 token patterns run
through the general ``Matcher`` over every token, a fifth of the model's
time on news text.  The patterns are simple (one or two tokens; TAG, LOWER,
DEP and IS_SPACE tests with equality, IN, NOT_IN and REGEX), so this
component reads the model's own patterns and answers them with a table keyed
by a token's (tag, lower, dep, is_space): the same attributes, in the same
precedence (later patterns win), at a fraction of the cost.  Nothing is
copied: the patterns come from the installed model when it loads.
``tests/nlp/test_fastattrs.py`` checks the result is identical to the
model's own ruler.

Pipeline step: needs TAG, DEP (tagger, parser); adds POS, MORPH, some LEMMA.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


def _test(field: str, value):
    """A predicate over one token's (tag, lower, dep, is_space) tuple for one pattern key."""
    at = _FIELDS[field]
    if isinstance(value, dict):
        if set(value) == {"IN"}:
            allowed = frozenset(value["IN"])
            return lambda k: k[at] in allowed
        if set(value) == {"NOT_IN"}:
            barred = frozenset(value["NOT_IN"])
            return lambda k: k[at] not in barred
        if set(value) == {"REGEX"}:
            rx = re.compile(value["REGEX"])
            return lambda k: bool(rx.search(k[at]))
        raise ValueError(f"unsupported attribute pattern {value!r}")
    return lambda k: k[at] == value


def _spec(token_pattern: dict):
    tests = [_test(f, v) for f, v in token_pattern.items()]
    return lambda k: all(t(k) for t in tests)


class FastAttributes:
    """An ``attribute_ruler`` equivalent for patterns of one or two tokens (see module doc)."""

    def __init__(self, vocab, patterns: Iterable[dict]):
        self.vocab = vocab
        self.single: list[tuple[int, object, dict]] = []  # (order, predicate, attrs)
        self.pairs: list[tuple[int, object, object, int, dict]] = []  # (order, first, second, index, attrs)
        for order, p in enumerate(patterns):
            index = p.get("index", 0)
            attrs = normalize_token_attrs(vocab, dict(p["attrs"]))
            for pattern in p["patterns"]:
                if any(set(t) - set(_FIELDS) for t in pattern):
                    raise ValueError(f"unsupported attribute pattern {pattern!r}")
                if len(pattern) == 1:
                    self.single.append((order, _spec(pattern[0]), attrs))
                elif len(pattern) == 2:
                    self.pairs.append((order, _spec(pattern[0]), _spec(pattern[1]), index % 2, attrs))
                else:
                    raise ValueError(f"unsupported attribute pattern {pattern!r}")
        self._matches: dict[tuple, tuple] = {}  # token key -> ((order, attrs), ...)
        self._strings: dict[int, str] = {}

    def _string(self, h: int) -> str:
        s = self._strings.get(h)
        if s is None:
            s = self._strings[h] = self.vocab.strings[h] if h else ""
        return s

    def _single(self, key: tuple) -> tuple:
        found = self._matches.get(key)
        if found is None:
            found = self._matches[key] = tuple((o, a) for o, test, a in self.single if test(key))
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        s = self._string
        keys = [(s(tag), s(lower), s(dep), bool(space)) for tag, lower, dep, space in rows]
        found: list[list] = [list(self._single(k)) for k in keys]
        for order, first, second, index, attrs in self.pairs:
            for i in range(len(keys) - 1):
                if first(keys[i]) and second(keys[i + 1]):
                    found[i + index].append((order, attrs))
        merged_cache: dict[tuple, dict] = {}
        for i, matches in enumerate(found):
            if not matches:
                continue
            signature = tuple(o for o, _ in matches)
            attrs = merged_cache.get(signature)
            if attrs is None:
                attrs = {}
                for _, a in sorted(matches, key=lambda m: m[0]):
                    attrs.update(a)
                merged_cache[signature] = attrs
            set_token_attrs(doc[i], attrs)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory("eventwire_attributes", default_config={"patterns": []})
def make_fast_attributes(nlp: Language, name: str, patterns: list):
    return FastAttributes(nlp.vocab, patterns)


def use_fast_attributes(nlp: Language) -> Language:
    """Swap the model's ``attribute_ruler`` for ``FastAttributes`` over the same patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    patterns = nlp.get_pipe("attribute_ruler").patterns
    FastAttributes(nlp.vocab, patterns)  # refuses patterns it cannot answer before the swap
    nlp.replace_pipe("attribute_ruler", "eventwire_attributes", config={"patterns": patterns})
    return nlp
