"""Who took part in a meeting a noun names: "talks between X and Y", "a meeting with Y" reported
by X, "their meeting" of a clause's speaker and addressee."""
from __future__ import annotations

from .actors import _Coder
from .participants import _Sentence
from .predicates import _Frame


def _our_meeting(coder: "_Coder", s: "_Sentence", f: _Frame, ctx: str) -> list:
    """"X told Y ..., according to a summary of their meeting": "their" meeting is the one of the
    clause's subject and its addressee, when they are two of different countries."""
    if not any(c.dep_ == "poss" and c.lower_ == "their" for c in f.head.children):
        return []
    verb = next((a for a in f.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None and verb.dep_ not in ("ROOT",) and not s.subjects(verb):
        verb = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    people = s.subjects(verb) + [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    found = [a for w in people if (a := coder.actor(w, ctx)) is not None and a[0].country]
    return found if len({a[0].country for a in found}) == 2 and len(found) == 2 else []


def _meeting_parties(coder: "_Coder", s: "_Sentence", f: _Frame, ctx: str, speaker):
    """Who took part in a meeting named by a noun with no owner: "a meeting / talks between X and Y"
    (both, symmetric); "talks / a meeting with Y" reported by X ("X said the meeting with Y was
    useful") or in X's clause ("after talks with Y, X said ..."): X.  Returns (sources, symmetric)."""
    noun = f.head
    # "fighting between X and Y", or "fighting broke out / erupted between X and Y"
    spans = [noun] + ([noun.head] if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" else [])
    between = [g for h in spans for c in h.children if c.dep_ == "prep" and c.lower_ == "between"
               for g in c.children if g.dep_ == "pobj"]
    if between:
        parties = [a for t in s.expand(between[0]) for a in coder.actors(t, ctx, speaker)]
        if len({a[0].code for a in parties}) >= 2:
            return parties, True
        return [], False
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.lemma_.lower() in ("be", "remain", "stay") \
            and not any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        # "X and Y are / remain in talks on ...": the subjects, each with the other
        subj = [w for c in noun.head.head.children if c.dep_ == "nsubj" for w in s.expand(c)]
        parties = [a for t in subj for a in coder.actors(t, ctx, speaker)]
        if len({a[0].code for a in parties}) >= 2:
            return parties, True
    holders = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        holders.append(noun.head.head)  # "two hours / a round of talks with Y"
    partners = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj"]
    if not partners:
        return [], False
    if not f.groups and not f.targets:
        f.groups = [s.expand(partners[0])]
    if speaker:
        return (list(speaker) if isinstance(speaker, list) else [speaker]), False
    t = noun
    for _ in range(6):  # the subject of the clause the noun phrase sits in
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            subj = [w for w in s.subjects(t) if not {noun.i, partners[0].i} & {x.i for x in w.subtree}]
            return [a for w in subj for a in coder.actors(w, ctx)], False
    return [], False
