"""Outlook: a statement of how an act's prospects look is a comment, not the act.

"The Kremlin saw little prospect of a deal with Washington", "Beijing is cautiously optimistic
about a ceasefire in Myanmar", "France is deeply concerned about the fighting in Sudan": the
deal, the ceasefire and the fighting are what the comment is about.  The act's noun gives no
event of its own; the speaker comments (CAMEO 012 pessimistic, 013 optimistic) on the first
other country the comment names.
"""
from __future__ import annotations

from .actors import other_country_word
from .predicates import _Frame

# nouns of likelihood: "prospect of / for X", "chances of X"
_LIKELIHOOD = {"prospect", "chance", "likelihood", "possibility", "odds", "hope"}
# words that make a likelihood a gloomy one ("little prospect", "no chance", "slim hopes")
_GLOOMY = {"no", "little", "slim", "dim", "poor", "few", "faint", "remote", "diminishing", "fading", "scant"}
# adjectives of outlook after "is / remains / seems": upbeat ones, then downbeat ones
_UPBEAT_ADJ = {"optimistic", "hopeful", "confident", "upbeat", "encouraged", "positive"}
_DOWNBEAT_ADJ = {"pessimistic", "concerned", "worried", "alarmed", "skeptical", "sceptical", "doubtful",
                 "gloomy", "troubled", "uneasy", "anxious", "disappointed", "dismayed", "appalled", "shocked",
                 "horrified", "saddened", "outraged", "deplored"}
_ABOUT = ("about", "over", "for", "of", "on", "at", "by")


def outlook_frames(pred, frames: dict[int, _Frame]) -> None:
    """Replace the act nouns inside an outlook with the speaker's comment (``pred`` is the
    sentence's ``_Predicates``; ``frames`` by token index, changed in place)."""
    for tok in pred.tokens:
        content, holder, gloomy = None, None, False
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in _LIKELIHOOD and tok.dep_ in ("dobj", "attr", "nsubj", "pobj"):
            content = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for") for g in c.children
                       if g.dep_ in ("pobj", "pcomp")]
            holder = tok.head if tok.head.pos_ in ("VERB", "AUX") else None
            gloomy = any(c.lower_ in _GLOOMY for c in tok.children) or (
                holder is not None and any(c.dep_ == "neg" for c in holder.children))
        elif tok.lower_ in _UPBEAT_ADJ | _DOWNBEAT_ADJ and (tok.pos_ == "ADJ" and tok.dep_ == "acomp" or tok.tag_ == "VBN"
                                                             and any(c.dep_ == "auxpass" for c in tok.children)):
            # "is optimistic about", "was concerned about" (a participle the parser took for a passive)
            # ("shocked by the arrest": the parser calls the "by" an agent)
            content = [g for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in _ABOUT for g in c.children
                       if g.dep_ in ("pobj", "pcomp")]
            holder = tok.head if tok.pos_ == "ADJ" else tok
            gloomy = tok.lower_ in _DOWNBEAT_ADJ or any(c.dep_ == "neg" for c in holder.children)
        if not content or holder is None or holder.i in frames and frames[holder.i].code:
            continue
        inside = {w.i for c in content for w in c.subtree}
        acts = [i for i, f in frames.items() if f.nominal and f.head.i in inside]
        if not acts and not any(pred.noun_code(w) for c in content for w in c.subtree):
            continue  # "optimistic about the economy": no act commented on
        for i in acts:
            del frames[i]
        own = {a[0].country for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")
               for w in pred.expand(c) if (a := pred.c.actor(w, pred.text)) is not None and a[0].country}
        other = other_country_word(pred.c, [w for c in content for w in c.subtree], pred.text, own, loose=True)
        frames[holder.i] = _Frame("012" if gloomy else "013", [holder, tok], holder,
                                  targets=[other] if other is not None else [],
                                  # ("X was shocked by ...": X, not the "by" the parser calls an agent)
                                  givers=[c for c in holder.children if c.dep_ == "nsubjpass"])
