"""Answers promised on a condition: "X will respond / retaliate if Y ..." is X's threat against Y."""
from __future__ import annotations

# verbs of answering an act: said of an act still to come and made conditional with "if", a threat
_ANSWERING = {"respond", "retaliate", "react", "reply"}


def answer_frame(pred, tok):
    """"X will respond / retaliate if Y attacks Z": X threatens Y (138 when the condition or the
    answer is force, else 130); None unless the answer is still to come and an "if" clause with
    a subject conditions it."""
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in tok.children):
        return None
    cond = next((c for c in tok.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "should") for m in c.children)), None)
    subj = next((c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")), None) if cond is not None else None
    if subj is None or subj.pos_ == "PRON":
        return None
    entry, _ = pred.verb_entry(cond)
    forceful = entry is not None and entry.code[:2] in ("18", "19", "20") or any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.lemma_.lower() in ("force", "strike", "attack") for g in c.children)
        for c in tok.children)
    from .predicates import _Frame  # (predicates calls this module)

    frame = _Frame("138" if forceful else "130", [tok], tok)
    frame.targets = [subj]
    return frame
