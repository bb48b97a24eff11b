"""Participants: the source and target words of a frame (subjects, coordination, passives,
objects and prepositional targets, places); ``_Sentence`` puts the stages together."""
from __future__ import annotations

from dataclasses import replace

from .clauses import _sent_to, _steps_taken, issued, noun_rooted, plan_noun, planned
from .predicates import _Frame, _Predicates
from .roles import _Roles
from .words import _DRAWING, _PACTS, _TALKS, _DEPARTING, _PLACE_PARTS, _LOCAL_SECTORS, _named_person, _MULTITUDES, _REMOVALS, _AIMING, _DISCHARGE, _MUNITIONS, _NOMINAL, _NOUN_TARGET_PREPS, _SUBJ, _TARGET_PREPS, _TOPIC_PREPS, _TOPIC_VERBS, _rung, _same


class _Sentence(_Predicates, _Roles):
    """One sentence through the coder's stages: predicates, roles, participants."""

    def __init__(self, coder, sent):
        super().__init__(coder, sent)
        self._place_cache: dict[int, list] = {}  # ``places`` of a word, by its index

    def subjects(self, verb) -> list:
        t = verb
        for _ in range(6):
            subs = [c for c in t.children if c.dep_ in _SUBJ]
            if not subs:  # a parser slip: the subject hung on the auxiliary ("X and Y are mediating")
                subs = [g for c in t.children if c.dep_ in ("aux", "auxpass") and c.i < t.i
                        for g in c.children if g.dep_ in _SUBJ]
            if not subs and t.dep_ == "attr" and t.tag_ == "VBG" and t.head.lemma_ == "be":
                # a parser slip: the progressive's "was" taken for the verb ("it [was]ROOT [mediating]attr")
                subs = [c for c in t.head.children if c.dep_ in _SUBJ]
            if not subs and t is not verb:  # raising: "X is scheduled / expected to attend"
                subs = [c for c in t.children if c.dep_ == "nsubjpass"]
            if not subs and (t.tag_ in ("VBD", "VBZ", "VBP") or t.tag_ == "VBN" and any(
                    c.dep_ == "dobj" for c in t.children) and not any(c.dep_ in ("aux", "auxpass") for c in t.children)):
                # a name the parser took for an adverb of the finite verb it opens ("[Azerbaijan]npadvmod
                # massed troops")
                subs = [c for c in t.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < t.i
                        and c.left_edge.i == c.sent.start and c.ent_type_ not in ("DATE", "TIME")]
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
                # a headline's comma for "and" ("Kenya, Uganda sign trade deal"): the name the parser
                # left hanging before the comma is a subject too
                first = sub.doc[sub.left_edge.i - 2] if sub.pos_ == "PROPN" and sub.left_edge.i - 2 >= self.sent.start \
                    else None
                if first is not None and first.head.i == t.i and first.dep_ in ("dep", "npadvmod") \
                        and first.pos_ == "PROPN" and sub.doc[sub.left_edge.i - 1].text == "," \
                        and first.left_edge.i == self.sent.start and self.sent[-1].text not in ".!?":
                    return self.expand(first) + self.expand(sub)
                return self.expand(sub)
            agent = next((c for c in t.children if c.dep_ == "agent"), None)
            if agent is None and any(c.dep_ == "auxpass" for c in t.children):
                # "X was threatened with sanctions by Y": the parser hung the agent on the object
                agent = next((b for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
                              for b in g.children if b.dep_ == "prep" and b.lower_ == "by"), None)
            if agent is not None:
                pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return self.expand(pobj)
            if issued(t):  # "X passed a resolution calling for ...": X
                t = t.head.head
                continue
            if t.dep_ == "relcl" and not planned(t) and not _steps_taken(t) \
                    or t.dep_ == "acl" and (t.tag_ == "VBG" or noun_rooted(t) or t.tag_ in ("VBD", "VBN")
                                                        and any(c.dep_ == "dobj" for c in t.children)):
                # ("Israeli strikes killed 20 people, officials said": a clause the parser hung on its
                # subject as a participle, which takes no object)
                return self.expand(t.head)
            if planned(t) and t.dep_ == "pcomp":  # "X has no intention of attacking ...": X
                t = plan_noun(t)
                if t.dep_ in ("dobj", "attr") and t.head.pos_ in ("VERB", "AUX"):
                    t = t.head
                    continue
                return []
            if t.dep_ in ("acl", "relcl") and t.head.pos_ == "NOUN" and any(m.lower_ == "to" for m in t.children):
                # "the decision by X / X's decision to expel ...": who decided acts (its owner
                # named by a pronoun is the subject above: "confirmed its readiness to host")
                agents = [a for a in _noun_agents(t.head, []) if a.pos_ != "PRON"]
                if agents:
                    return self.expand(agents[0])
                if t.head.dep_ in ("dobj", "attr") and t.head.head.pos_ in ("VERB", "AUX"):
                    if t.head.head.lemma_.lower() in _FOILING:
                        return []  # "X foiled a plot / an attempt to kill ...": not X, and nothing done
                    t = t.head.head  # "X has no plans / took steps to send ...": X
                    continue
                return []
            if t.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp", "oprd") and t.head.i != t.i:
                if t.dep_ == "xcomp" and t.head.lemma_.lower() in _FOILING and any(
                        c.dep_ == "dobj" for c in t.head.children):
                    return []  # "foiled a plot [to kill ...]" (the parser hung the plot's verb on "foiled")
                if t.dep_ == "xcomp" and t.head.lemma_.lower() not in ("use", "employ", "utilize", "utilise",
                                                                        "send", "dispatch", "allow", "let", "permit") \
                        and not _rung(t.head):
                    # "urged X to ...": X; but "used tear gas / sent planes to ...": the one using or
                    # sending them; "called the leader to offer condolences": the caller; "allowed girls to
                    # return to school": the one allowing it
                    obj = next((c for c in t.head.children if c.dep_ in ("dobj",) and c.pos_ in _NOMINAL), None)
                    # "took steps / made efforts to ...": a thing, not one who could act
                    if obj is not None and not (obj.pos_ == "NOUN" and self.c.actor(obj, self.text) is None):
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
        if not f.nominal and self.vlemma(verb) in ("extradite", "deport"):
            # "extradited a Russian businessman to the United States": the state handed to
            found += [self.expand(g) for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                      for g in c.children if g.dep_ == "pobj"]
        # "withdrew (the country) from the deal with X": the pact left, not the one withdrawn
        leaving_pact = f.code == "160" and self.vlemma(verb) in ("withdraw", "pull")
        if not f.nominal:
            for c in verb.children:
                counted = c.dep_ == "npadvmod" and c.pos_ == "NUM" and c.i > verb.i and any(
                    g.dep_ == "prep" and g.lower_ == "of" for g in c.children)  # "shot down [30 of 35 drones]"
                if c.dep_ in ("dobj", "dative") and c.pos_ in _NOMINAL or counted:
                    shot_down = any(p.dep_ == "prt" and p.lower_ == "down" for p in verb.children)
                    if c.lemma_.lower() in _MUNITIONS and self.vlemma(verb) in _DISCHARGE and not shot_down \
                            or f.code.startswith("15") \
                            or self.vlemma(verb) in _TOPIC_VERBS and c.dep_ == "dobj":
                        # the forces deployed, what is discussed: not the act's target
                        continue
                    # ("sent police officers": the entry's noun as a compound of the object is the object)
                    if not _same(c, noun) and not any(w.dep_ == "compound" and _same(w.head, c) for w in f.trigger):
                        # "withdrew its troops / the country from X": what is withdrawn is no target;
                        # a place left is ("troops left Niger")
                        if not (f.code.startswith("087") or leaving_pact) or self.vlemma(verb) in _DEPARTING:
                            found.append(self.expand(c))
                    elif not self.noun_code(c) and not f.code.startswith("087"):
                        # the entry's own object noun: the target only when no other slot names one
                        # ("freed prisoners" yes; "launched missiles at X": X), unless it names a
                        # country's actor itself ("summoned the Iranian ambassador over ...")
                        own = self.c.actor(c, self.text)
                        (found if own is not None and own[0].country else last).append(self.expand(c))
                    elif f.code[:2] in ("02", "10"):
                        # "demanded a ceasefire in Gaza": the place of the act demanded, when no slot names one
                        last += [self.expand(g) for p in c.subtree if p.dep_ == "prep" and p.lower_ in ("in", "across")
                                 for g in p.children if g.dep_ == "pobj"]
            if not found and not last:  # "bombed what the army described as a depot"
                found += [self.expand(d) for c in verb.children if c.dep_ == "ccomp"
                          and (d := _described(c)) is not None]
            # a country or body the parser hung on the verb as an adverb ("help iSRAEL"): its object
            found += [self.expand(c) for c in verb.children if c.dep_ in ("advmod", "npadvmod")
                      and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "ORG", "NORP") and c.i > verb.i]
        if noun is not None:
            # "the withdrawal of its troops from X": X; but "the expulsion of X's diplomats": X
            leaving = f.code.startswith(("087", "174", "166", "15")) and noun.lemma_.lower() not in _REMOVALS
            preps = ("from",) + tuple(p for p in _NOUN_TARGET_PREPS if p != "of") if leaving else _NOUN_TARGET_PREPS
            if f.code[:2] == "04":
                # "a meeting at the White House": a venue; "talks on Sudan": a topic
                preps = tuple(p for p in preps if p != "at" and not (
                    p in _TOPIC_PREPS and (noun.lemma_.lower() in _TALKS or noun.lower_ in _TALKS)))
            # ("killings and rapes of X": the last of coordinated nouns carries their shared "of")
            holders = [noun] + [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
            for prep in preps:
                for h in holders:
                    if h is not noun and any(c.dep_ == "prep" for c in noun.children):
                        continue
                    for c in h.children:
                        if c.dep_ == "prep" and c.lower_ == prep:
                            found += [self.expand(g) for g in c.children if g.dep_ == "pobj"]
            if not found and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _DRAWING:
                # "X passed the bill, drawing condemnation from Y": the answer is aimed at the one who drew it
                drawer = noun.head if any(c.dep_ in _SUBJ for c in noun.head.children) else noun.head.head
                found += [self.expand(c) for c in drawer.children if c.dep_ in _SUBJ]
            if not found and noun.lemma_.lower() in _PACTS and f.code[:2] in ("03", "05", "06"):
                # "signed agreements to establish relations with X", "a deal to restore ties with X":
                # the partner the pact's purpose names
                found += [self.expand(g) for c in noun.children if c.dep_ in ("acl", "relcl")
                          and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
                          for h in [c] + [o for o in c.children if o.dep_ == "dobj"]
                          for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                          for g in p.children if g.dep_ == "pobj"]
        if not f.nominal:
            # "withdrew / pulled out from X", "expelled from X": the place left is the target
            preps = ("from",) + _TARGET_PREPS if f.code.startswith(("087", "0874", "174", "166", "161")) or leaving_pact \
                else _TARGET_PREPS
            if f.code.startswith("15"):  # "drills around / near / off X": a show of force aimed at X
                preps = preps + ("around", "near", "off", "along")
            if f.code[:2] not in ("13", "14", "17", "18", "19", "20") and not (
                    f.code[:2] == "11" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)):
                # "pledged aid at a conference": a venue (but "lashed out at X": X)
                preps = tuple(p for p in preps if p != "at")
            if f.code[:2] == "04":
                preps = tuple(p for p in preps if p != "on")  # "met on the island of X", "talks on X": no party
            # a preposition of the lexicon entry itself ("stand by X", "side with X")
            preps = preps + tuple(w.lower_ for w in f.trigger if w.dep_ in ("prep", "agent") and w.head.i == verb.i
                                  and w.lower_ not in preps)
            for prep in preps:
                for c in verb.children:
                    if c.dep_ in ("prep", "dative", "agent") and c.lower_ == prep:  # "gave support to X"
                        found += [self.expand(g) for g in c.children if g.dep_ == "pobj"]
                        found += [self.expand(n) for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
                                  for n in g.children if n.dep_ in _SUBJ]  # "on [Palestinians gathering]"
                        if not any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                            # "fired at [protesters marching]": the parser made the object the subject
                            # of the participle after it
                            found += [self.expand(g) for v in verb.children if v.dep_ == "advcl" and v.tag_ == "VBG"
                                      for g in v.children if g.dep_ in _SUBJ and g.left_edge.i == c.i + 1]
                        # "fired at what Kyiv said were civilian targets": the things so named
                        found += [self.expand(d) for g in c.children if g.dep_ == "pcomp"
                                  and (d := _described(g)) is not None]
                    if c.dep_ == "dobj" and _same(c, noun) and prep not in _TOPIC_PREPS:
                        for g in c.children:
                            if g.dep_ == "prep" and g.lower_ == prep:
                                found += [self.expand(p) for p in g.children if p.dep_ == "pobj"]
            if f.code[:2] == "04":  # "spoke by telephone / over a video link with X"
                found += [self.expand(w) for c in verb.children if c.dep_ in ("prep", "agent")
                          and c.lower_ in ("by", "via", "over") for g in c.children if g.dep_ == "pobj"
                          for p in g.children if p.dep_ == "prep" and p.lower_ == "with"
                          for w in p.children if w.dep_ == "pobj"]
            passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if passive and (any(c.dep_ == "agent" for c in verb.children) or any(
                    b.dep_ == "prep" and b.lower_ == "by" for c in verb.children if c.dep_ == "prep"
                    for g in c.children if g.dep_ == "pobj" for b in g.children)):
                found.append(self.expand(passive[0]))
        if not f.nominal and (self.lex.role("allege", self.vlemma(verb)) or f.code[:2] in ("10", "11")):
            # "X alleged that Y was aware of ...": the one the claim is about
            last += [self.expand(g) for c in verb.children if c.dep_ == "ccomp"
                     for g in c.children if g.dep_ in _SUBJ]
        if not f.nominal:
            # "announced sanctions, punishing X for ...": the aim of the act, when no slot names one
            for c in verb.children:
                if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and self.vlemma(c) in _AIMING:
                    last += [self.expand(g) for g in c.children if g.dep_ == "dobj"]
        if not f.nominal and not found and not last and _sent_to(verb):
            # "sent an envoy to Israel to discuss the truce": where the sending goes
            last += [self.expand(g) for c in verb.head.children if c.dep_ in ("prep", "dative")
                     and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        if not f.nominal and not found and f.code[:2] in ("17", "18", "19", "20"):
            # "fired tear gas to disperse thousands of workers": the ones the force was meant for
            last += [self.expand(g) for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB"
                     and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
                     for g in c.children if g.dep_ == "dobj" and g.pos_ in _NOMINAL]
        if not f.nominal and not found and verb.dep_ in ("xcomp", "advcl") and _rung(verb.head):
            # "called the Pakistani leader to offer condolences": the one called
            last += [self.expand(c) for c in verb.head.children if c.dep_ == "dobj" and c.pos_ in _NOMINAL]
        if not f.nominal and f.code.startswith("080"):
            # "ceded control of X to Y": the one it is yielded to, before the place yielded
            found = [self.expand(g) for w in verb.subtree if w.dep_ in ("prep", "dative") and w.lower_ == "to"
                     for g in w.children if g.dep_ == "pobj"] + found
        if not f.nominal and f.code.startswith(("171", "192")):
            # "seized the palace / took the town from X": the one who lost it, before the thing taken
            found = [self.expand(g) for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                     for g in c.children if g.dep_ == "pobj"] + found
        out = []
        for group in found + last:
            head = group[0]
            if head.lemma_.lower() in _PLACE_PARTS and any(c.dep_ == "amod" and c.lemma_.lower() in (
                    "hold", "control", "occupy", "run") for c in head.children):
                # "the rebel-held town of X": the town is struck, not the ones holding it
                named = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"]
                place = self.c.actor(named[0], self.text) if named else None
                group = self.expand(named[0]) if place is not None and place[0].country else group
            # a slot that names no actor may carry one further down: "endorsed an agreement
            # with X", "advised against travel to X"
            out.append(group)
            head = group[0]
            if head.pos_ in ("NOUN", "PROPN", "NUM"):
                # "dozens / hundreds / a group of protesters": the ones counted
                # (and for force and punishment, what belongs to them: "hacked the accounts / froze
                # the assets of X")
                counted = ("of",) if head.lemma_.lower() in _MULTITUDES or head.pos_ == "NUM" \
                    or f.code[:2] in ("16", "17", "18", "19", "20") else ()
                # (but a meeting's topic is no party: "gathered for a summit on Ukraine")
                topical = head.lemma_.lower() in _TALKS or head.lower_ in _TALKS
                out += [self.expand(g) for c in head.children if c.dep_ == "prep"
                        # "rejected a demand by X": the one whose demand it was
                        and c.lower_ in ("with", "to", "against", "on", "between", "toward", "towards", "for", "by")
                        + counted and not (topical and c.lower_ in _TOPIC_PREPS)
                        for g in c.children if g.dep_ == "pobj"]
                # "criticised Zelensky's handling of ...": the one whose act or thing it is
                out += [self.expand(c) for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"]

        return out

    def places(self, head) -> list:
        """Objects of "in/at/near" on the trigger, then on its object ("met X in Y"); read once a
        word (every rule of every frame asks)."""
        cache = self._place_cache
        if head.i not in cache:
            cache[head.i] = self._places(head)
        return list(cache[head.i])

    def _places(self, head) -> list:
        out = []
        objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        # what a free relative names ("bombed what it called a depot in X") and what an act is aimed
        # at ("strikes on bases inside X"): their places are the act's
        relatives = [c for c in head.children if c.dep_ == "ccomp" and _described(c) is not None]
        objects += [_described(c) for c in relatives]
        objects += [d for h in [head] + objects for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                    for g in c.children if (d := g if g.dep_ == "pobj" else _described(g) if g.dep_ == "pcomp"
                                            else None) is not None]
        # ("killed villagers tending their cattle near X": where the ones acted on were)
        doing = [c for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBG"]
        for h in [head] + objects + relatives + doing:  # ("what it called camps in X": the relative's place)
            for c in h.children:
                # ("on the outskirts / edge of X": a part of a place)
                if c.dep_ == "prep" and (c.lower_ in _PLACE_PREPS or c.lower_ == "on" and any(
                        g.dep_ == "pobj" and (g.lemma_.lower() in _PLACE_PARTS or g.lower_ in _PLACE_PARTS)
                        for g in c.children)):
                    for g in c.children:
                        if g.dep_ != "pobj":
                            continue
                        if g.pos_ == "NOUN" and self.noun_code(g) is not None:
                            # "killed in Israeli strikes (across Gaza)": an act, not a place; its place is
                            out += [p for d in g.children if d.dep_ == "prep" and d.lower_ in _PLACE_PREPS
                                    for p in d.children if p.dep_ == "pobj"]
                            continue
                        # "at a mosque in Peshawar": the mosque, then the city; "inside a mosque in a
                        # compound in the city of X": down the chain; "through the streets of Lima",
                        # "on the outskirts of Kyiv"
                        out.append(g)
                        chain = [g]
                        for _ in range(3):
                            chain = [p for x in chain for d in x.children if d.dep_ == "prep" and (
                                d.lower_ in ("in", "near") or d.lower_ == "of" and x.lemma_.lower() in _PLACE_PARTS)
                                for p in d.children if p.dep_ == "pobj"]
                            out += chain
        # "attend the Beijing Olympics", "the Helsinki summit": a place naming the object
        out += [c for o in objects for c in o.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return out


_PLACE_PREPS = ("in", "at", "near", "inside", "outside", "across", "through")
# what is done to another's plot or attempt that stops it ("foiled a plot to kill X")
_FOILING = {"foil", "thwart", "prevent", "avert", "disrupt", "stop", "uncover", "frustrate", "smash", "dismantle",
            "expose", "bust", "repel", "repulse", "block", "defeat", "derail", "sabotage"}


def _described(clause):
    """The thing a free relative names: "what the army described as a depot", "what it called
    bases", "what Kyiv said were civilian targets" -> depot, bases, targets (None when the clause
    is no such relative)."""
    if clause.left_edge.lower_ != "what":
        return None
    t = clause
    for _ in range(3):
        for c in t.children:
            if c.dep_ in ("oprd", "attr") and c.pos_ in _NOMINAL:
                return c
            if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in ("call", "term", "name") \
                    and any(w.dep_ == "dobj" and w.lower_ == "what" for w in t.children):
                return c  # "what Ankara called militant hideouts": the parser made both objects
            if c.dep_ == "prep" and c.lower_ == "as":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        t = next((c for c in t.children if c.dep_ == "ccomp"), None)
        if t is None:
            return None
    return None


def _placed(coder: "_Coder", s: "_Sentence", f: _Frame, ctx: str, sources: list, targets: list):
    """"Police arrested protesters in the Turkish city of Izmir", "clashes between police and
    students in Nairobi": local bodies and people of no stated country (police, courts,
    protesters, civilians; not armed forces or persons) belong to the country where the act
    took place: the first place on the act (or on the verb it sits under) that names a
    country and is no institution (an embassy is no place of residence)."""
    holders = [f.head] + ([f.noun] if f.noun is not None and not _same(f.noun, f.head) else [])
    if f.head.dep_ in ("advcl", "conj") and f.head.tag_ == "VBG" or f.head.dep_ in ("nsubj", "nsubjpass"):
        holders.append(f.head.head)  # "a bomb exploded in X, killing ...", "fighting in Y left ..."
    # "... were killed when aircraft bombed a house in X"
    holders += [c for c in f.head.children if c.dep_ == "advcl" and c.pos_ == "VERB"]
    # "set fire to the embassy in X", "stormed parliament in X": where the thing acted on stands
    holders += [o for c in f.head.children for o in ([c] if c.dep_ == "dobj" else [
        g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else []) if o.pos_ == "NOUN"]
    def local(a):
        return a is not None and not a[0].country and not _named_person(a[0]) and a[0].sector in _LOCAL_SECTORS
    if not any(local(a) for a in list(sources) + list(targets)):
        return sources, targets
    home = next((a[0].country for h in holders for p in s.places(h)
                 if (a := coder.actor(p, ctx)) is not None and a[0].country and not a[0].sector), None)
    if home is None and f.code[:2] in ("14", "15", "18", "19", "20"):
        # "thousands took to the streets of Paris": a place the act is aimed at is where it happened
        home = next((t[0].country for t in targets if t is not None and t[0].kind == "place" and t[0].country), None)
    if home is None:
        return sources, targets
    def fill(group):
        return [(replace(a[0], country=home), a[1]) if local(a) else a for a in group]
    return fill(sources), fill(targets)


def _countries_named(coder: "_Coder", sent) -> frozenset[str]:
    """The countries a sentence's place and nationality names stand for (once a sentence: every
    frame of it asks)."""
    key = (id(sent.doc), sent.start)
    if key not in coder.named:
        # (a country the tagger took for an organisation counts: "northern [Mozambique]ORG")
        coder.named[key] = frozenset(
            a.country for ent in sent.ents if ent.label_ in ("GPE", "NORP", "LOC", "ORG")
            and (a := coder._res(ent.text, "GPE" if ent.label_ == "ORG" else ent.label_, sent.text)) is not None
            and a.country and (ent.label_ != "ORG" or a.kind == "country"))
    return coder.named[key]


# adjectives that say what kind an act is, not who does it
_KINDS_OF_ACT = {"official", "state", "working", "private", "surprise", "unannounced", "formal", "informal"}


# event nouns whose "of" names the one acting, not the one acted on ("the visit of X")
_OWN_MOVES = {"visit", "trip", "tour", "arrival", "withdrawal", "pullout", "retreat", "departure", "deployment",
              "return", "resignation", "walkout"}


def _noun_agents(noun, trigger) -> list:
    """The words naming who does what an event noun names: its owner or modifier ("Russia's /
    the Russian expulsion of ..."), "by Y" on it, or "by Y" hung on its "of" object ("the arrest
    of X by Y")."""
    # (not the kind of the act: "an official / a state / a working visit" is no visit by officials)
    toks = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c not in trigger
            and not (c.dep_ == "amod" and c.lower_ in _KINDS_OF_ACT)]
    toks += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
             for g in c.children if g.dep_ == "pobj"]
    toks += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for x in c.children if x.dep_ == "pobj"
             for b in x.children if b.dep_ == "prep" and b.lower_ == "by"
             for g in b.children if g.dep_ == "pobj"]
    # "..., drawing condemnation / a rebuke from X": X answers
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _DRAWING:
        toks += [g for h in (noun, noun.head) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                 for g in c.children if g.dep_ == "pobj"]
    # "the sanctions, announced by the Treasury, ...": who announced them
    # ("the deal, signed by X and Y": both)
    toks += [w for c in noun.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
             for g in a.children if g.dep_ == "pobj" for w in [g, *(x for x in g.children if x.dep_ == "conj")]]
    # "X was responsible for / behind the attack on Y": X
    # (through a compound: "responsible for a gas attack", the trigger "gas")
    held = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun
    if held.dep_ == "pobj" and (held.head.lower_ == "for" and held.head.head.lemma_.lower() == "responsible"
                                or held.head.lower_ == "behind" and held.head.head.lemma_.lower() == "be"):
        verb = held.head.head if held.head.lower_ == "behind" else held.head.head.head
        toks += [c for c in verb.children if c.dep_ == "nsubj"]
    # "arrived / left for a visit to X", "went on a tour of X": the one who went
    if not toks and noun.lemma_.lower() in _OWN_MOVES and noun.dep_ == "pobj" and noun.head.lower_ in ("for", "on") \
            and noun.head.head.pos_ == "VERB":
        toks += [c for c in noun.head.head.children if c.dep_ == "nsubj"]
    # "criticism of X came from Y", "accusations ... were levelled by Y": the sender
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in ("come", "level", "voice", "express", "issue"):
        toks += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "from" or c.dep_ == "agent"
                 for g in c.children if g.dep_ == "pobj"]
    if noun.lemma_.lower() in _OWN_MOVES:
        # "the visit of the Chinese premier to X", "the withdrawal of US troops": the one moving
        toks += [x for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for x in c.children if x.dep_ == "pobj"]
    return toks
