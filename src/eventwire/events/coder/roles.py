"""Roles: verbs governing other verbs (intent, request, demand, refusal, threat), reported
speech, obligations and ultimatums, and the negation, modality and tense flags of a frame."""
from __future__ import annotations

from .codes import _DEMAND, _REQUEST, _THREAT, _pick, intent_code, reject_code
from .clauses import charge_denied, plan_noun, planned
from .predicates import _Frame
from .words import _CROWDS, _CEASE, _CONDITION, _FIGHTING, _DEMAND_NOUNS, _FUTURE_AUX, _MODAL_HYPO, _NEG, _NOMINAL, _SCHEDULE, _SUBJ, _rung, _same, _subjunctive


# people whose occupying a building is a protest, not a seizure (beside the crowds)
_OCCUPIERS = {"activist", "worker", "farmer", "villager", "resident", "employee", "miner", "teacher"}
# verbs of going on with an act ("vowed to keep attacking")
_GOING_ON = {"keep", "continue", "resume", "begin", "start", "carry"}
# words of an answer in kind: a warning that speaks of one threatens it
_ANSWERS = {"response", "respond", "retaliation", "retaliate", "reprisal", "revenge", "price", "consequence",
            "punishment", "punish", "force", "counterattack", "retribution", "vengeance"}
# intent verbs that tell of a decision taken: the act decided is coded as done
_DECIDING = {"decide", "vote"}


class _Roles:
    """Role verbs and flags over a sentence's frames (a stage of ``_Sentence``)."""

    def compose(self, frames: dict[int, _Frame]) -> None:
        lex = self.lex
        for i in sorted(frames, key=lambda i: -self.depth(self.sent.doc[i])):  # innermost first
            f = frames[i]
            tok = f.head
            if f.nominal:
                continue
            self.flags(f)
            lemma = self.vlemma(tok)
            if self.cease_demand(f, frames):
                continue
            # "called the Pakistani leader to offer condolences": a telephone call; only "called on /
            # upon / for" asks
            rung = _rung(tok)
            asking = any(lex.role(r, lemma) for r in ("request", "demand")) and not rung
            # "called on X to free ...": the parser sometimes makes the infinitive an adverbial
            # "threatened on Thursday to impose ...": likewise (an infinitive only, checked below)
            role_verb = any(lex.role(r, lemma) for r in ("reject", "threaten", "intent", "want"))
            deps = ("xcomp", "ccomp", "advcl") if asking and self.role_object(tok) is not None or role_verb \
                else ("xcomp", "ccomp")
            # ("vowed to keep / continue attacking ...": through a verb of going on to the act)
            kids = [g if c.dep_ == "xcomp" and c.lemma_.lower() in _GOING_ON and c.i not in frames
                    and (g := next((x for x in c.children if x.dep_ == "xcomp"), None)) is not None else c
                    for c in tok.children]
            comp = next((c for c in kids if c.dep_ in deps and c.i in frames
                         and frames[c.i].code and not frames[c.i].nominal
                         and (c.dep_ == "xcomp" or any(m.lower_ == "to" and m.dep_ == "aux" for m in c.children)
                              or asking and _subjunctive(c))), None)
            if comp is None:  # "demanded that X withdraw": the subjunctive also carries the act
                if not f.code and asking and any(c.dep_ in deps and c.pos_ in ("VERB", "AUX") and (
                        any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
                        or _subjunctive(c))
                        for c in tok.children):
                    # "urged X and Y to settle their differences": an appeal, though the act asked
                    # for has no code of its own
                    obj = self.role_object(tok)
                    if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                        f.code = "100" if lex.role("demand", lemma) else "020"
                        f.targets = self.expand(obj)
                        if lemma == "order" and _banned(obj, tok, deps):
                            f.code = "172"  # "ordered the party to disband": a ban, no request
                elif f.code and asking and not f.targets:  # "demanded that X stop ...": X
                    obj = self.role_object(tok)
                    # (not the act asked for: "urged sanctions against X")
                    if obj is not None and obj.pos_ in ("NOUN", "PROPN") and not _same(obj, f.noun):
                        f.targets = self.expand(obj)
                continue
            inner = frames[comp.i]
            role = next((r for r in ("reject", "threaten", "request", "demand", "want", "intent")
                         if lex.role(r, lemma)), None) if not rung else None
            if role is None and lemma == "prepare" and any(c.dep_ == "auxpass" for c in tok.children):
                role = "intent"  # "is prepared to talk": willing (a plain "prepared to attend" is a schedule)
            if role is None:
                continue
            obj = self.role_object(tok)
            code = inner.code
            # ("agreed to impose sanctions / expel the envoys": measures agreed on are measures taken; an
            # agreement to meet or to cooperate stays an intent)
            decided = role == "intent" and (lemma in _DECIDING or lemma == "agree" and code[:2] in ("16", "17")) \
                and not f.negated
            if decided:
                # "have decided / voted to close the border": a decision taken is the act itself
                new = code
            elif role == "intent" or role == "want" and obj is None:
                new = intent_code(code) if not code.startswith("03") else code
                if role == "want" and code[:2] in ("18", "19", "20"):
                    new = _pick(code, _THREAT, "138")
            elif role in ("request", "want"):
                new = _pick(code, _REQUEST, "020") if code[:2] <= "08" else "020"
                if role == "want" and obj is not None and code[:2] > "08":
                    new = "021"
            elif role == "demand":
                new = _pick(code, _DEMAND, "100") if code[:2] <= "08" else "100"
            elif role == "reject":
                new = reject_code(code) or "120"
            else:  # threaten
                new = _pick(code, _THREAT, "130")
            inner.consumed = True
            f.code = new
            f.trigger = f.trigger + [w for w in inner.trigger if w not in f.trigger]
            f.symmetric = f.symmetric or inner.symmetric and role == "intent"
            f.hypothetical = f.hypothetical or inner.hypothetical
            f.negated = f.negated ^ inner.negated if role != "reject" else f.negated
            f.future = f.future or role == "intent" and not decided
            if obj is not None and role in ("request", "demand", "want"):
                f.targets = self.expand(obj)  # ("urged X and Y to settle their quarrel": both)
            else:
                f.targets = inner.targets or self.targets(inner)
                f.groups = [inner.targets] if inner.targets else self.target_groups(inner)
                f.noun = inner.noun
                f.inner = inner
        self.reports(frames)
        for f in frames.values():
            if f.nominal or f.consumed or not f.code:
                continue
            if planned(f.head):
                # "announced plans to send ...": an intent (03x); "had no plans to attend": none
                f.code = intent_code(f.code) if not f.code.startswith("03") else f.code
                f.future = True
                if any(c.dep_ == "det" and c.lower_ == "no" for c in plan_noun(f.head).children):
                    f.negated = True
            if self.obligation(f):
                # "X said Y must do Z": a demand on Y; the sentence's source is the speaker
                f.code = _pick(f.code, _DEMAND, "100") if f.code[:2] <= "08" else "100"
                t = f.head
                while t.dep_ in ("xcomp", "acomp") and t.head.i != t.i:
                    t = t.head
                f.targets = [w for c in t.children if c.dep_ in _SUBJ for w in self.expand(c)]
                f.groups = []
                f.source_head = t.head if t.head.pos_ in ("VERB", "AUX") else t.head.head
                f.lifted = True  # the demand is the speaker's act, in the speaker's clause
                continue
            if f.code == "130" and self.vlemma(f.head) == "warn" and self.concern_only(f):
                f.code, f.targets, f.groups = "012", [], []  # "warned that the war risked spreading": concern
                continue
            if f.code[:3] in ("180", "171", "192") or f.code == "1712":  # (the subject looked up only for these)
                subject = [w.lemma_.lower() for w in self.subjects(f.head)[:1]]
                if f.code[:3] != "192" and any(w in _CROWDS for w in subject):
                    f.code = "145"  # "protesters stormed parliament / torched cars / looted shops": a riot
                elif f.code[:3] == "192" and any(w in _CROWDS | _OCCUPIERS for w in subject):
                    f.code = "144"  # "students / workers occupied the university / the factory": a sit-in
            if self.imperative(f):
                # '"Release the ship now," X told Y': an order quoted is a demand on the one told
                f.code = _pick(f.code, _DEMAND, "100") if f.code[:2] <= "08" else "100"
                told = [w for c in f.head.head.children if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"
                        for w in self.expand(c)]
                if told:
                    f.targets, f.groups = told, []
                f.source_head = f.head.head
                f.lifted = True
                continue
            if self.ultimatum(f):
                # "X will do Z unless Y ...": a threat (a conditional promise of harm or withdrawal)
                f.code = _pick(f.code, _THREAT, "130")
                f.hypothetical = False
                continue
            if f.hypothetical and f.code[:2] >= "15" and self.own_possibility(f):
                # "X said it could / might launch an operation": a state saying what force it may use threatens it
                f.future, f.stated, f.hypothetical = True, True, False
            if f.future and (self.c.future_as_intent or f.stated or f.code[:2] >= "09") and not f.code.startswith(("09", "10", "11", "12", "13")) \
                    and not f.negated:
                # a plain future ("will meet", "is due to visit") keeps its code, flagged future;
                # one a speaker says will happen ("said it would free") is an intent (03x);
                # a future act of force or punishment is a threat of it
                f.code = intent_code(f.code)
            if f.negated and f.code.startswith("12") and self.vlemma(f.head) == "rule" and (
                    named := self.object_act(f.head)) is not None:
                # "has not ruled out military action / sanctions against X": a threat of it; "did not
                # rule out talks with X": an intent, hedged
                code, obj = named
                if code[:2] >= "15":
                    f.code, f.negated = _pick(code, _THREAT, "138"), False
                elif code[:2] <= "08":
                    f.code, f.negated, f.hypothetical = intent_code(code), False, True
                aimed = [w for c in obj.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "with", "in")
                         for g in c.children if g.dep_ == "pobj" for w in self.expand(g)]
                if aimed:
                    f.targets, f.groups = aimed, []
                continue
            if f.negated:
                rej = reject_code(f.code)
                if rej:
                    f.code, f.negated = rej, False

    def cease_demand(self, f: _Frame, frames: dict[int, _Frame]) -> bool:
        """"X called on / urged / demanded Y to end (stop, halt ...) its support for Z": X demands
        that Y cease (10), whatever Y was doing; Y is the target."""
        tok = f.head
        lemma = self.vlemma(tok)
        if not (self.lex.role("request", lemma) or self.lex.role("demand", lemma)):
            return False
        cease = next((c for c in tok.children if self.vlemma(c) in _CEASE and (c.dep_ == "xcomp" or c.dep_ == "advcl"
                      and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children))), None)
        obj = self.role_object(tok) if cease is not None else None
        if obj is None:
            return False
        # ending a fight is de-escalation (CAMEO names it): asked for ("urged Y to halt hostilities"),
        # an appeal (0256); demanded, a demand (1056); ending anything else is demanded (100)
        fight = any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGHTING for c in cease.children)
        asked = self.lex.role("request", lemma) and not self.lex.role("demand", lemma)
        f.code = ("0256" if asked else "1056") if fight else "100"
        if lemma == "order" and _banned(obj, tok, ("xcomp", "advcl")):
            f.code = "172"  # "ordered the newspaper / party to suspend / close ...": a ban, no request
        f.trigger = f.trigger + [cease]
        f.targets = self.expand(obj)
        inside = {t.i for t in cease.subtree}
        for g in frames.values():
            if g is not f and g.head.i in inside:
                g.consumed = True
        return True

    def reports(self, frames: dict[int, _Frame]) -> None:
        """Claims and denials: "X alleged that Y attacked Z" is X accusing Y (11x), not the
        attack; "X denied that ..." is X's rejection (12x), not what was denied."""
        for f in list(frames.values()):
            if f.nominal or f.consumed or not f.code or f.head.dep_ not in ("ccomp", "xcomp"):
                continue
            gov = f.head.head
            glemma = self.vlemma(gov)
            if f.head.dep_ == "xcomp" and not self.lex.role("deny", glemma):
                continue  # "denied backing X": the only claim that takes a bare -ing clause
            outer = frames.get(gov.i)
            if self.lex.role("allege", glemma) and f.code[:2] in ("09", "11", "13", "14", "15", "16",
                                                                  "17", "18", "19", "20"):
                accused = [t for c in f.head.children if c.dep_ in _SUBJ for t in self.expand(c)]
                if not accused:  # "that Z was attacked by Y"
                    accused = [t for c in f.head.children if c.dep_ == "agent"
                               for g in c.children if g.dep_ == "pobj" for t in self.expand(g)]
                f.victims = self.targets(f)
                f.code = "112"
                f.source_head = gov
                f.targets = accused
                f.noun = None
            elif self.lex.role("deny", glemma) and not charge_denied(f.head):
                f.targets = f.targets or self.targets(f)  # slots as the denied act had them
                f.code = "120"
                f.source_head = gov
                f.negated = False
            else:
                continue
            f.lifted = True
            f.trigger = [gov] + [w for w in f.trigger if not _same(w, gov)]
            if outer is not None:
                outer.consumed = True
        for f in list(frames.values()):  # "X denied that ..." with no coded clause: X's denial is a 12x
            if f.nominal or f.consumed or not f.code or not self.lex.role("deny", self.vlemma(f.head)):
                continue
            if any(c.dep_ == "ccomp" for c in f.head.children) and f.code.startswith("01"):
                f.code = "120"

    def obligation(self, f: _Frame) -> bool:
        """The frame's verb carries "must" (directly or through "be ready to ...") and is the
        content of what someone says, concludes or reminds ("X said / reminded Y that Y must ...")."""
        tok = f.head
        t = tok
        while t.dep_ in ("xcomp", "acomp") and t.head.i != t.i:
            t = t.head
        if not any(c.dep_ == "aux" and c.lower_ == "must" for c in t.children):
            # "reiterated its demand that Y ease ...": the noun of a demand with its content
            # ("... its demand today that Y ease ...", the clause hung on the verb of the demand)
            noun = t.head if t.head.pos_ == "NOUN" else next(
                (c for c in t.head.children if c.dep_ == "dobj" and c.lemma_.lower() in _DEMAND_NOUNS), None)
            return t.dep_ in ("acl", "ccomp") and noun is not None \
                and noun.lemma_.lower() in _DEMAND_NOUNS and any(c.dep_ in _SUBJ for c in t.children)
        return t.dep_ == "ccomp" and (t.head.pos_ in ("NOUN", "VERB") or self.lex.role("speech", self.vlemma(t.head))) \
            or t.dep_ == "acl" and t.head.pos_ == "NOUN"

    def imperative(self, f: _Frame) -> bool:
        """The frame's verb is an order quoted: a bare verb with no subject or auxiliary, the content
        of a reporting verb, at the head of the quote ('"Free them," X said')."""
        tok = f.head
        if f.nominal or tok.tag_ != "VB" or tok.dep_ not in ("ccomp", "parataxis", "advcl") \
                or not self.lex.role("speech", self.vlemma(tok.head)) or tok.i > tok.head.i:
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark") for c in tok.children):
            return False
        first = next((w for w in tok.subtree if not w.is_punct), None)
        return first is not None and first.i == tok.i

    def ultimatum(self, f: _Frame) -> bool:
        """A promised act made conditional with "unless"."""
        if not (f.future or f.code.startswith("03")):
            return False
        t = f.head
        for _ in range(3):
            if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                   for c in t.children):
                return True
            if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
                break
            t = t.head
        return False

    def concern_only(self, f: _Frame) -> bool:
        """"X warned that the war risked spreading / that millions faced famine": a warning whose clause
        tells of no party's act (its subject names no actor) voices concern (012), threatens no one
        (against "warned that Israel would pay a heavy price", "warned that it would respond")."""
        if any(c.dep_ in ("dobj", "dative") for c in f.head.children):
            return False  # "warned Iran that ...": someone is warned
        comp = next((c for c in f.head.children if c.dep_ == "ccomp"), None)
        subj = next((c for c in comp.children if c.dep_ in _SUBJ), None) if comp is not None else None
        if subj is None or subj.pos_ == "PRON" or any(w.lemma_.lower() in _ANSWERS for w in comp.subtree):
            return False  # ("that any attack would trigger a crushing response": a threat all the same)
        found = self.c.actor(subj, self.text)
        return found is None or not found[0].country and not found[0].sector

    def depth(self, tok) -> int:
        d = 0
        while tok.head.i != tok.i and d < 50:
            tok, d = tok.head, d + 1
        return d

    def role_object(self, verb):
        """"urged Iran to ...", "called on Iran to ...", "asked X to ...": the one asked."""
        if any(c.dep_ == "auxpass" for c in verb.children):  # "Iran was urged by X to ...": Iran
            asked = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in _NOMINAL), None)
            if asked is not None:
                return asked
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and c.pos_ in _NOMINAL:
                return c
        for c in verb.children:  # "called on X", "appealed to X", but not "on Monday"
            if c.dep_ == "prep" and (c.lower_ == "on" or c.lower_ == "to" and verb.lemma_.lower() in ("appeal", "plead")):
                g = next((g for g in c.children if g.dep_ == "pobj"), None)
                if g is not None and g.ent_type_ not in ("DATE", "TIME"):
                    return g
        x = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
        if x is not None:
            subj = next((c for c in x.children if c.dep_ in _SUBJ), None)
            if subj is not None:
                return subj
        return None

    def flags(self, f: _Frame) -> None:
        tok = f.head
        chain = [tok]
        t = tok
        while t.dep_ in ("xcomp", "conj", "aux", "acomp") and t.head.i != t.i:
            t = t.head
            chain.append(t)
        for v in chain:
            for c in v.children:
                lo = c.lower_
                if c.dep_ == "neg" or lo in _NEG and c.dep_ in ("advmod", "det"):
                    if v is tok or v.dep_ != "conj":
                        f.negated = True
                if c.dep_ == "aux":
                    if lo in _FUTURE_AUX or lo == "would" and self.reported(tok):
                        f.future = True
                        f.stated = f.stated or self.reported(tok)
                    elif lo in _MODAL_HYPO or lo == "would":
                        f.hypothetical = True
                if c.dep_ == "mark" and lo in _CONDITION:
                    f.hypothetical = True
            if v is not tok and v.lemma_.lower() in _SCHEDULE and tok.dep_ == "xcomp":
                f.future = True
        if tok.head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION for c in tok.head.children):
            f.hypothetical = True
        if any(c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ in ("preconj", "det") and g.lower_ == "neither" for g in c.children)
               for c in tok.children):
            f.negated = True  # "Neither X nor Y will accept ..."

    def object_act(self, verb):
        """(code, object) of the act a verb's object names ("talks", "sanctions", "military action"), else None."""
        for c in verb.children:
            if c.dep_ != "dobj":
                continue
            hit = self.noun_code(c)
            if hit is not None:
                return hit[0], c
            if c.lemma_.lower() == "force" or c.lemma_.lower() in ("action", "option", "intervention") and any(
                    a.lemma_.lower() in ("military", "armed") for a in c.children if a.dep_ in ("amod", "compound")):
                return "190", c
        return None

    def own_possibility(self, f: _Frame) -> bool:
        """"X said it could / may / might [act]": an act the speaker says it may do itself."""
        tok = f.head
        modal = any(c.dep_ == "aux" and c.lower_ in ("could", "may", "might") for c in tok.children)
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return modal and subj is not None and subj.lower_ in ("it", "they", "we") and tok.dep_ == "ccomp" \
            and self.lex.role("speech", tok.head.lemma_.lower()) and not any(
                c.dep_ == "mark" and c.lower_ in _CONDITION for c in tok.children)

    def reported(self, tok) -> bool:
        t = tok
        for _ in range(4):
            if t.dep_ in ("ccomp",) and self.lex.role("speech", t.head.lemma_.lower()):
                return True
            if t.head.i == t.i:
                return False
            t = t.head
        return False


# bodies a state can shut by order, and the acts of stopping it orders
_OUTLETS = {"newspaper", "paper", "daily", "weekly", "magazine", "station", "channel", "broadcaster", "network",
            "website", "outlet", "agency", "party", "ngo", "organisation", "organization", "group", "charity",
            "union", "company", "firm", "school", "university", "association", "movement", "office", "bureau"}
_CEASING = {"suspend", "stop", "halt", "close", "shut", "cease", "disband", "dissolve", "end", "discontinue"}


def _banned(obj, verb, deps) -> bool:
    """Whether "ordered X to ..." orders a body to stop: X an outlet, party or organisation
    ("the opposition newspaper", "the BBC bureau"), the act ordered one of ceasing."""
    named = {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"}
    acts = {c.lemma_.lower() for c in verb.children if c.dep_ in deps and c.pos_ in ("VERB", "AUX")}
    return bool(named & _OUTLETS or obj.head.dep_ == "dobj" and obj.head.lemma_.lower() in _OUTLETS) and bool(acts & _CEASING)

