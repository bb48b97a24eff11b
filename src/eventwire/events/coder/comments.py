"""Comments and verdicts: what a speaker says about another country that is no act of its own.

"X said relations with Y have improved" is a comment (012/013) on Y; "X said Y's remarks were
irresponsible" condemns Y (111), "said Y's decision was a welcome step" praises it (051).  A
stage of ``_Predicates.frames``, after the outlooks (``outlook``)."""
from __future__ import annotations

from .actors import other_country_word
from .clauses import clause_depth
from .predicates import _Frame
from .words import _COMMENDING, _DISPARAGING, _DOWNBEAT, _NOMINAL, _RELATION_NOUNS, _SUBJ, _UPBEAT


def comment_frames(pred, frames: dict[int, _Frame]) -> None:
    """"X said relations with Y are in bad shape / have improved": a comment (012 pessimistic,
    013 optimistic) by the speaker on another country: the first one the statement names, else
    the one addressed.  It stands only when no more specific event is found (01x ranks last)."""
    ctx = pred.text
    for tok in pred.tokens:
        if tok.i in frames or tok.pos_ not in ("VERB", "AUX") or not pred.lex.role("speech", pred.vlemma(tok)):
            continue
        if clause_depth(tok) > 0 or any(pred.lex.role("speech", pred.vlemma(a)) for a in tok.ancestors):
            continue  # a "said" inside a quote: the one quoting speaks
        subj = [c for c in tok.children if c.dep_ in _SUBJ]
        if not subj:
            continue
        addressee = [c for c in tok.children if c.dep_ in ("dobj", "dative") and c.pos_ in _NOMINAL]
        addressee += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                      for g in c.children if g.dep_ == "pobj"]
        skip = {t.i for c in subj + addressee for t in c.subtree}
        content = [t for t in pred.sent if t.i not in skip and t.i != tok.i]
        lemmas = [t.lemma_.lower() for t in content] + [t.lower_ for t in content]
        if not any(t.lemma_.lower() in _RELATION_NOUNS or t.lower_ in _RELATION_NOUNS for t in content):
            continue
        up = sum(w in _UPBEAT for w in lemmas)
        down = sum(w in _DOWNBEAT for w in lemmas)
        if not up and not down:
            continue
        speakers = [a for c in pred.expand(subj[0]) for a in pred.c.actors(c, ctx)]
        own = {a[0].country for a in speakers if a[0].country}
        if not own:
            continue
        other = other_country_word(pred.c, content, ctx, own) or other_country_word(
            pred.c, [t for c in addressee for t in pred.expand(c)], ctx, own, loose=True)
        if other is None:
            continue
        code = "013" if up > down else "012" if down > up else "010"
        frames[tok.i] = _Frame(code, [tok], tok, targets=[other])



def verdict_frames(pred, frames: dict[int, _Frame]) -> None:
    """"Pakistan said India's remarks were irresponsible": a report whose content only judges
    another country's words or acts condemns (111) or praises (051) their owner; the act judged
    gives no event of its own."""
    ctx = pred.text
    for tok in pred.tokens:
        if tok.pos_ not in ("VERB", "AUX") or tok.i in frames and frames[tok.i].code:
            continue
        content = next((c for c in tok.children if c.dep_ == "ccomp" and c.lemma_.lower() == "be"), None)
        if content is None or any(c.dep_ == "neg" for c in content.children) \
                or not pred.lex.role("speech", pred.vlemma(tok)) or clause_depth(tok) > 0:
            continue
        subj = [c for c in tok.children if c.dep_ in _SUBJ]
        if not subj:
            continue
        judged = next((c for c in content.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                       and (c.lemma_.lower() in _DEEDS or pred.noun_code(c) is not None)), None)
        said = [w for c in content.children if c.dep_ in ("acomp", "attr") for w in c.subtree]
        if judged is None or not said:
            continue
        words = {w.lemma_.lower() for w in said} | {w.lower_ for w in said}
        code = "111" if words & _DISPARAGING else "051" if words & _COMMENDING else None
        if code is None:
            continue
        own = {a[0].country for c in pred.expand(subj[0]) for a in pred.c.actors(c, ctx) if a[0].country}
        # the owner of the words or act: "India's remarks", "the American strikes" (not "the weather in X")
        owner = other_country_word(pred.c, [w for c in judged.children if c.dep_ in ("poss", "amod", "compound")
                                            for w in c.subtree], ctx, own)
        if not own or owner is None:
            continue
        inside = {w.i for w in judged.subtree} | {w.i for w in said}
        for i in [i for i, f in frames.items() if f.nominal and f.head.i in inside]:
            del frames[i]  # "India's strikes were illegal": the strikes judged, not told
        frames[tok.i] = _Frame(code, [tok], tok, targets=[owner])


# what someone says or decides, which a verdict can judge
_DEEDS = {"remark", "comment", "statement", "decision", "move", "policy", "plan", "claim", "accusation",
          "allegation", "action", "behaviour", "behavior", "conduct", "position", "stance", "proposal",
          "response", "demand", "threat", "step", "measure", "law", "ruling", "vote", "election", "referendum"}
