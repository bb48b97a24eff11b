"""The tense of the clause a time expression belongs to.

From the expression's root token we climb the dependency tree to the first
verb (the *governing verb*) and read its tense from its tag and auxiliaries:

- ``future``: an auxiliary "will"/"shall"/"'ll"; another modal ("could",
  "may", "should", "must", "can": what is possible lies ahead); an
  infinitive under a head of planning or expectation ("is scheduled to
  meet", "is due to hold", "plans to visit", "is going to"); an infinitive
  modifying a noun ("the summit, to be held on ..."); a present passive of
  such a head ("is scheduled for Monday"); a present progressive ("is
  meeting on Monday"); a noun on the way up modified by "upcoming",
  "planned", "next" ... ("the upcoming talks on Monday").
- ``future-in-past``: "would" (reported speech: after the saying, which is
  itself in the past) and a past-tense planning head ("was due to").
- ``past``: a VBD verb; VBN with "have" (present perfect reports a finished
  event); a past passive ("was held"); a past progressive; a reduced
  relative ("the talks held on Monday"); "did"; a present-tense verb of
  saying ("Putin says": the headline present reports the past).
- ``present``: any other present-tense verb (a weekday then lies today or
  ahead: "meetings start Wednesday"; other dates take the nearest).  When
  the expression belongs to a noun ("Thursday's vote offers ..."), a present
  verb says nothing of that event's time: the tense is then ``unknown``.
- ``unknown``: no verb above the expression (captions, fragments).

Participles, bare infinitives and coordinated verbs without auxiliaries
inherit the tense of the verb they depend on.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.nlp.times_lexicon import (
    FUTURE_HEADS,
    FUTURE_MODALS,
    FUTURE_MODIFIERS,
    PAST_FUTURE_MODALS,
    REPORTING_VERBS,
)

_PRESENT_BE = frozenset("is are am 's 're be".split())
_PAST_BE = frozenset("was were been".split())
_INHERITING_DEPS = frozenset("conj xcomp advcl acl pcomp relcl ccomp".split())


@dataclass(frozen=True)
class Tense:
    label: str  # "past" | "future" | "future-in-past" | "present" | "unknown"
    why: str  # in words, for the TimeExpr basis
    verb: Token | None = None  # the governing verb
    saying: Token | None = None  # for future-in-past: the verb of saying above it


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]


def _governing_verb(doc: Doc, start: int, end: int) -> tuple[Token | None, str | None, bool]:
    """The first verb above the expression, a future marker met on the way,
    and whether the way passed through a noun ("Thursday's vote", "the
    talks on Monday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None, False
    token = span.root
    inside = {t.i for t in span}
    via_noun = False
    while True:
        if token.i not in inside:
            if _is_verb(token):
                return token, None, via_noun
            for child in token.children:
                if child.dep_ in ("amod", "advmod", "compound") and child.lower_ in FUTURE_MODIFIERS:
                    return None, child.text, via_noun
            via_noun = via_noun or token.pos_ in ("NOUN", "PROPN")
        if token.head.i == token.i:
            return None, None, via_noun
        token = token.head


def _saying_verb(verb: Token) -> Token | None:
    for ancestor in verb.ancestors:
        if ancestor.lemma_ in REPORTING_VERBS:
            return ancestor
    return None


def _clause_tense(verb: Token, depth: int = 0) -> Tense:
    auxes = _auxiliaries(verb)
    words = [a.lower_ for a in auxes]
    if any(w in FUTURE_MODALS for w in words):
        return Tense("future", f"'will' with '{verb.text}'", verb)
    if any(w in PAST_FUTURE_MODALS for w in words):
        return Tense("future-in-past", f"'would' with '{verb.text}'", verb, _saying_verb(verb))
    if any(a.tag_ == "MD" for a in auxes):
        return Tense("future", f"modal with '{verb.text}'", verb)
    if any(a.tag_ == "TO" for a in auxes):
        return _infinitive_tense(verb, depth)
    if verb.tag_ == "VBD" or "did" in words:
        return Tense("past", f"past verb '{verb.text}'", verb)
    if verb.tag_ == "VBN":
        return _participle_tense(verb, words, depth)
    if verb.tag_ == "VBG":
        if any(w in _PRESENT_BE for w in words):
            return Tense("future", f"present progressive '{verb.text}'", verb)
        if any(w in _PAST_BE for w in words):
            return Tense("past", f"past progressive '{verb.text}'", verb)
        return _inherited(verb, depth)
    if verb.tag_ in ("VBZ", "VBP"):
        if verb.lemma_ in REPORTING_VERBS:
            return Tense("past", f"reporting verb '{verb.text}' in the present", verb)
        return Tense("present", f"present verb '{verb.text}'", verb)
    if verb.tag_ == "VB" and verb.dep_ in _INHERITING_DEPS:
        return _inherited(verb, depth)
    return Tense("unknown", f"verb '{verb.text}' has no tense", verb)


def _infinitive_tense(verb: Token, depth: int) -> Tense:
    head = verb.head
    if head.lemma_ in FUTURE_HEADS or head.lower_ in FUTURE_HEADS:
        outer = _clause_tense(head, depth + 1) if _is_verb(head) and depth < 6 else _inherited(head, depth)
        if outer.label == "past":
            return Tense("future-in-past", f"'{head.text} to {verb.text}' in the past", verb, _saying_verb(verb))
        return Tense("future", f"'{head.text} to {verb.text}'", verb)
    if verb.dep_ in ("acl", "relcl"):
        # "the summit, to be held on Monday": ahead; but "signed agreements to establish ties on
        # Tuesday" (the parser hung the day on the infinitive): the past verb whose object it is
        above = next((a for a in verb.head.ancestors if _is_verb(a)), None)
        passive = any(a.dep_ in ("aux", "auxpass") and a.lower_ == "be" for a in verb.children)
        if not passive and above is not None and above.tag_ == "VBD" and depth < 6:
            return _inherited(verb, depth)
        return Tense("future", f"infinitive 'to {verb.text}' after a noun", verb)
    return _inherited(verb, depth)


def _participle_tense(verb: Token, words: list[str], depth: int) -> Tense:
    if any(w in ("has", "have", "had", "'ve") for w in words):
        return Tense("past", f"perfect '{verb.text}'", verb)
    if any(w in _PAST_BE for w in words):
        return Tense("past", f"past passive '{verb.text}'", verb)
    if any(w in _PRESENT_BE for w in words):
        if verb.lemma_ in FUTURE_HEADS:
            return Tense("future", f"'{' '.join(words)} {verb.text}'", verb)
        return Tense("present", f"present passive '{verb.text}'", verb)
    if verb.dep_ in ("acl", "amod"):
        if verb.lemma_ in FUTURE_HEADS:
            return Tense("future", f"'{verb.text}' (planned)", verb)
        return Tense("past", f"participle '{verb.text}'", verb)
    if verb.dep_ in _INHERITING_DEPS:
        return _inherited(verb, depth)
    return Tense("past", f"participle '{verb.text}'", verb)


def _inherited(verb: Token, depth: int) -> Tense:
    for ancestor in verb.ancestors:
        if _is_verb(ancestor) and depth < 6:
            outer = _clause_tense(ancestor, depth + 1)
            return Tense(outer.label, outer.why, verb, outer.saying)
    return Tense("unknown", f"'{verb.text}' has no tensed verb above it", verb)


def _word_before(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    return doc[span.start - 1]


def read_tense(doc: Doc, start: int, end: int) -> Tense:
    """The tense governing the time expression at ``doc.text[start:end]``.

    Cues right before the expression come first: "since" (past), "later"
    ("later on Monday": today or after, read as present), "earlier"
    (past), and a verb directly before it ("said Monday", "met on Friday"),
    which governs it whatever the parser attached it to.
    """
    before = _word_before(doc, start, end)
    if before is not None:
        if before.lower_ in ("since", "earlier"):
            return Tense("past", f"'{before.text}' before it")
        if before.lower_ == "later":
            return Tense("present", "'later' before it: today or after")
        if before.tag_.startswith("VB") or before.tag_ == "MD":
            return _clause_tense(before)
    verb, marker, via_noun = _governing_verb(doc, start, end)
    if marker:
        return Tense("future", f"'{marker}' before the event")
    if verb is None:
        return Tense("unknown", "no verb governs it")
    tense = _clause_tense(verb)
    if via_noun and tense.label == "present":
        return Tense("unknown", f"present verb '{verb.text}' says nothing of the noun holding it", verb)
    return tense
