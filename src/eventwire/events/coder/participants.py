"""Participants: the source and target words of a frame (subjects, coordination, passives,
objects and prepositional targets, places); ``_Sentence`` puts the stages together."""
from __future__ import annotations

from .predicates import _Frame, _Predicates
from .roles import _Roles
from .words import _AIMING, _DISCHARGE, _MUNITIONS, _NOMINAL, _NOUN_TARGET_PREPS, _SUBJ, _TARGET_PREPS, _TOPIC_PREPS, _TOPIC_VERBS, _same


class _Sentence(_Predicates, _Roles):
    """One sentence through the coder's stages: predicates, roles, participants."""

    def subjects(self, verb) -> list:
        t = verb
        for _ in range(6):
            subs = [c for c in t.children if c.dep_ in _SUBJ]
            if not subs:  # a parser slip: the subject hung on the auxiliary ("X and Y are mediating")
                subs = [g for c in t.children if c.dep_ in ("aux", "auxpass") and c.i < t.i
                        for g in c.children if g.dep_ in _SUBJ]
            if not subs and t is not verb:  # raising: "X is scheduled / expected to attend"
                subs = [c for c in t.children if c.dep_ == "nsubjpass"]
            if subs:
                sub = subs[0]
                if sub.text.isupper() and len(sub.text) > 2 and sub.i == sub.sent.start:
                    # a dateline the parser took for the subject ("GENEVA, June 16 -- X and Y agreed",
                    # "MOSCOW, March 18 (Agency) -- X signed"): the clause's other subject, else the
                    # name set beside the dateline (not the agency in brackets)
                    if len(subs) > 1:
                        return self.expand(subs[1])
                    app = next((c for c in sub.children if c.dep_ == "appos" and not any(
                        t.text == "(" for t in c.doc[max(c.i - 1, 0):c.i])), None)
                    if app is not None:
                        return self.expand(app)
                return self.expand(sub)
            agent = next((c for c in t.children if c.dep_ == "agent"), None)
            if agent is not None:
                pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return self.expand(pobj)
            if t.dep_ == "relcl" or t.dep_ == "acl" and t.tag_ == "VBG":
                return self.expand(t.head)
            if t.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp", "oprd") and t.head.i != t.i:
                if t.dep_ == "xcomp":
                    obj = next((c for c in t.head.children if c.dep_ in ("dobj",) and c.pos_ in _NOMINAL), None)
                    if obj is not None:
                        return self.expand(obj)
                if t.dep_ == "ccomp":
                    return []
                t = t.head
                if t.dep_ == "prep":
                    t = t.head
                continue
            break
        return []

    def expand(self, tok) -> list:
        """A noun and the nouns coordinated with it ("X, Y and Z")."""
        out = [tok]
        ent = self.c.ent_of(tok)
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ in _NOMINAL:
                out.extend(self.expand(c))
            elif c.dep_ == "appos" and tok.ent_type_ in ("GPE", "NORP") and c.ent_type_ == tok.ent_type_:
                out.extend(self.expand(c))
            elif ent is not None and ent.start <= c.i < ent.end:
                out.extend(x for x in self.expand(c)[1:])
        return out

    def targets(self, f: _Frame) -> list:
        """Target words, best slot first (``target_groups`` flattened)."""
        return [t for group in self.target_groups(f) for t in group]

    def target_groups(self, f: _Frame) -> list[list]:
        """Target words in order of preference, one group per syntactic slot."""
        verb, noun = f.head, f.noun
        found, last = [], []
        if not f.nominal:
            for c in verb.children:
                if c.dep_ in ("dobj", "dative") and c.pos_ in _NOMINAL:
                    if c.lemma_.lower() in _MUNITIONS and self.vlemma(verb) in _DISCHARGE \
                            or f.code.startswith("15") \
                            or self.vlemma(verb) in _TOPIC_VERBS and c.dep_ == "dobj":
                        # the forces deployed, what is discussed: not the act's target
                        continue
                    if not _same(c, noun):
                        # "withdrew its troops / the country from X": what is withdrawn is no target
                        (last if f.code.startswith("087") else found).append(self.expand(c))
                    elif not self.noun_code(c):
                        # the entry's own object noun: the target only when no other slot names one
                        # ("freed prisoners" yes; "launched missiles at X": X), unless it names a
                        # country's actor itself ("summoned the Iranian ambassador over ...")
                        own = self.c.actor(c, self.sent.text)
                        (found if own is not None and own[0].country else last).append(self.expand(c))
            # a country or body the parser hung on the verb as an adverb ("help iSRAEL"): its object
            found += [self.expand(c) for c in verb.children if c.dep_ in ("advmod", "npadvmod")
                      and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "ORG", "NORP") and c.i > verb.i]
        if noun is not None:
            leaving = f.code.startswith(("087", "174", "166", "15"))  # "the withdrawal of its troops from X": X
            preps = ("from",) + tuple(p for p in _NOUN_TARGET_PREPS if p != "of") if leaving else _NOUN_TARGET_PREPS
            for prep in preps:
                for c in noun.children:
                    if c.dep_ == "prep" and c.lower_ == prep:
                        found += [self.expand(g) for g in c.children if g.dep_ == "pobj"]
        if not f.nominal:
            # "withdrew / pulled out from X", "expelled from X": the place left is the target
            preps = ("from",) + _TARGET_PREPS if f.code.startswith(("087", "0874", "174", "166")) else _TARGET_PREPS
            if f.code.startswith("15"):  # "drills around / near / off X": a show of force aimed at X
                preps = preps + ("around", "near", "off", "along")
            if f.code[:2] not in ("13", "14", "17", "18", "19", "20"):
                preps = tuple(p for p in preps if p != "at")  # "pledged aid at a conference": a venue
            for prep in preps:
                for c in verb.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ == prep:  # "gave support to X"
                        found += [self.expand(g) for g in c.children if g.dep_ == "pobj"]
                    if c.dep_ == "dobj" and _same(c, noun) and prep not in _TOPIC_PREPS:
                        for g in c.children:
                            if g.dep_ == "prep" and g.lower_ == prep:
                                found += [self.expand(p) for p in g.children if p.dep_ == "pobj"]
            passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if passive and any(c.dep_ == "agent" for c in verb.children):
                found.append(self.expand(passive[0]))
        if not f.nominal and self.lex.role("allege", self.vlemma(verb)):
            # "X alleged that Y was aware of ...": the one the claim is about
            last += [self.expand(g) for c in verb.children if c.dep_ == "ccomp"
                     for g in c.children if g.dep_ in _SUBJ]
        if not f.nominal:
            # "announced sanctions, punishing X for ...": the aim of the act, when no slot names one
            for c in verb.children:
                if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and self.vlemma(c) in _AIMING:
                    last += [self.expand(g) for g in c.children if g.dep_ == "dobj"]
        out = []
        for group in found + last:
            # a slot that names no actor may carry one further down: "endorsed an agreement
            # with X", "advised against travel to X"
            out.append(group)
            head = group[0]
            if head.pos_ in ("NOUN", "PROPN"):
                out += [self.expand(g) for c in head.children if c.dep_ == "prep"
                        and c.lower_ in ("with", "to", "against", "on", "between", "toward", "towards", "for")
                        for g in c.children if g.dep_ == "pobj"]
        return out

    def places(self, head) -> list:
        """Objects of "in/at/near" on the trigger, then on its object ("met X in Y")."""
        out = []
        objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        for h in [head] + objects:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "inside", "outside"):
                    for g in c.children:
                        if g.dep_ == "pobj":  # "at a mosque in Peshawar": the mosque, then the city
                            out.append(g)
                            out += [p for d in g.children if d.dep_ == "prep" and d.lower_ in ("in", "near")
                                    for p in d.children if p.dep_ == "pobj"]
        # "attend the Beijing Olympics", "the Helsinki summit": a place naming the object
        out += [c for o in objects for c in o.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return out
