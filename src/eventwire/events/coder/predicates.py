"""Predicates: every event-bearing verb or noun of a sentence (``_Frame``), found through the
lexicon, with light verbs, quantities and event nouns (then outlooks, comments and verdicts: ``outlook``,
``comments``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from eventwire.events.lexicon import Lexicon
from .actors import _Coder, _place
from .clauses import clause_depth
from .answers import _ANSWERING, answer_frame
from .codes import _DEMAND, _REQUEST, _pick, intent_code
from .words import _POSTS, _RULES, _RELIEF, _RELEASED_THINGS, _DEPARTING, _NO_REQUEST, _rung, _COMMENDING, _DISPARAGING, _NAMING_VERBS, _GOVERNING_ROLES, _NOT_ACTORS, _NOT_TYPED, _FORCES, _FRAME_NOUNS, _QUANTITIES, _SUBJ, _MUNITIONS, _HARDWARE, _verb_tagged_noun


@dataclass
class _Frame:
    code: str
    trigger: list  # tokens
    head: object  # the verb or noun token
    sources: list = field(default_factory=list)  # tokens
    targets: list = field(default_factory=list)
    symmetric: bool = False
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    noun: object = None  # the event noun that carries the code, if any
    nominal: bool = False
    consumed: bool = False
    source_head: object = None  # take the source from this verb's subject (the one making a demand)
    stated: bool = False  # a future act someone said would happen ("said it would free"): an intent
    givers: list = field(default_factory=list)  # source words of a received act ("aid from Y")
    lifted: bool = False  # a clause lifted to its governor's level (an allegation or denial it reports)
    inner: object = None  # the frame a role verb took its code from
    groups: list = field(default_factory=list)  # target word groups, when taken from another frame
    victims: list = field(default_factory=list)  # the targets of an act someone is accused of
    typed: float = 0.0  # set when the code came from the typer, not the lexicon: its similarity


def _asserted(verb) -> bool:
    """"Insisted that X came / had / was ...": what the clause says is so, not what must be done
    (against "insisted that X reinstate Y", "insisted X must go")."""
    for c in verb.children:
        if c.dep_ != "ccomp":
            continue
        aux = {a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")}
        if aux & {"must", "should", "to"}:
            return False
        if c.tag_ == "VBP" and verb.tag_ == "VBD" and not aux:
            # "insisted that the rulers release ...": after a past "insisted" a claim would be told in
            # the past too, so a bare present is the subjunctive of a demand
            return False
        return c.tag_ in ("VBD", "VBZ", "VBP") or bool(aux & {"had", "has", "have", "was", "were", "is", "are", "did",
                                                                "does", "do", "will", "would", "could"})
    return False


# verbs of fighting that nature can be the object of ("battled blazes", "fought the epidemic")
_FIGHTING_VERBS = {"battle", "fight", "combat", "tackle", "contain", "beat", "attack", "douse", "extinguish"}


class _Predicates:
    """Finding a sentence's predicates (the first of the stages ``_Sentence`` joins)."""

    def __init__(self, coder: "_Coder", sent):
        self.c = coder
        self.sent = sent
        self.tokens = tuple(sent)  # (a Span makes a new Token at each step of each walk over it)
        self.text = sent.text  # (and joins its tokens anew at each read of .text)
        self.lex: Lexicon = coder.lex

    def near_lemmas(self, verb) -> dict[str, object]:
        """Lemmas a verb entry may ask for, each with the token carrying it."""
        out: dict[str, object] = {}

        def add(tok):
            out.setdefault(tok.lemma_.lower(), tok)
            out.setdefault(tok.lower_, tok)
            if (joined := _hyphenated(tok)) is not None:  # "sit-in", split by the tokenizer
                out.setdefault(joined, tok)

        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if nxt is not None and nxt.dep_ == "quantmod" and nxt.lower_ in ("over", "back", "out"):
            add(nxt)  # "handed over 15 militants": the parser read the particle as "more than"
        for ch in verb.children:
            if ch.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in ch.children):
                continue  # "signed on Monday" is no "sign on"
            if ch.dep_ == "prep" and ch.lower_ in ("without", "despite"):
                continue  # "ended without agreement" ends no agreement
            if ch.dep_ in ("prt", "prep", "dobj", "attr", "dative", "acomp", "nsubjpass", "oprd",
                           "advmod", "xcomp", "npadvmod", "agent"):
                add(ch)
                for g in ch.children:
                    if g.dep_ in ("pobj", "compound", "amod", "prep", "dobj", "pcomp"):
                        add(g)
                        for gg in g.children:
                            if gg.dep_ in ("compound", "amod", "pobj"):
                                add(gg)
        return out

    def vlemma(self, tok) -> str:
        """A verb's lemma, repairing the tagger's slips on "-ed"/"-ing" forms ("staged" -> "stag")."""
        lemma = tok.lemma_.lower()
        if lemma in self.lex.verbs or any(lemma in v for v in self.lex.roles.values()):
            return lemma
        lo = tok.lower_
        cands = []
        if lo.endswith("ed"):
            cands = [lo[:-1], lo[:-2], lo[:-3] if len(lo) > 4 and lo[-3] == lo[-4] else ""]
        elif lo.endswith("ing"):
            cands = [lo[:-3] + "e", lo[:-3], lo[:-4] if len(lo) > 5 and lo[-4] == lo[-5] else ""]
        elif lo.endswith("s") and tok.tag_ == "VBZ":  # "hopes" -> "hop"
            cands = [lo[:-1], lo[:-2] if lo.endswith("es") else ""]
        for c in cands:
            if c and (c in self.lex.verbs or any(c in v for v in self.lex.roles.values())):
                return c
        if lemma.startswith("re") and len(lemma) > 5 and lemma[2:] in self.lex.verbs:
            return lemma[2:]  # "reimpose", "redeploy": the act again
        return lemma

    def verb_entry(self, verb):
        entries = self.lex.verbs.get(self.vlemma(verb)) or self.lex.verbs.get(verb.lower_)
        if not entries:
            return None, []
        near = self.near_lemmas(verb)
        for e in entries:
            toks = []
            for alts in e.words:
                # the nearest word that fits, in the parse's order (a set's order would vary by run)
                hit = next((tok for w, tok in near.items() if w in alts), None)
                if hit is None:
                    break
                toks.append(hit)
            else:
                return e, toks
        return None, []

    def through_quantity(self, tok):
        """"$200 million in aid", "500 tonnes of food": the noun a quantity measures."""
        if tok is None or self.noun_code(tok):
            return tok
        if tok.pos_ == "NUM" or tok.lemma_.lower() in _QUANTITIES or any(c.dep_ == "nummod" for c in tok.children):
            # "$2 billion in aid", or "pledged $2 billion in aid" with "in aid" on the verb
            holders = [tok] + ([tok.head] if tok.dep_ == "dobj" else [])
            inner = next((g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "worth")
                          for g in c.children if g.dep_ == "pobj" and self.noun_code(g)), None)
            if inner is not None and self.noun_code(inner):
                return inner
        return tok

    def forces_arriving(self, verb) -> str:
        """"peacekeeping" or "forces" when the verb's subject is a body of troops ("troops", "a
        contingent of soldiers", "the first deployment of peacekeepers"), else ""."""
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            heads = [subj] + [g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children if g.dep_ == "pobj"]
            if any(h.lemma_.lower() in _FORCES for h in heads):
                # "peacekeeping troops", or troops come "to lead a security mission"
                words = [w.lower_ for w in verb.subtree]
                return "peacekeeping" if any(w.startswith("peacekeep") or w == "mission" for w in words) else "forces"
        return ""

    def argument_frame(self, tok, lemma: str):
        """An act a verb of no code of its own tells through its arguments: allowing someone to do
        something, refusing outright, acting jointly, forces crossing into or leaving a country (the first
        that fits)."""
        if lemma in ("allow", "permit", "let"):
            # "the Taliban allowed girls to return to school": a concession (080) to the ones allowed
            # ("would not allow X to join": negated, a refusal)
            inner = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"), None)
            allowed = next((c for c in (inner.children if inner is not None else ())
                            if c.dep_ in _SUBJ and c.pos_ in ("NOUN", "PROPN")), None) \
                or next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
            # ("the agreement / the law / the ceasefire / good weather allows ...": no one conceding)
            # (but "his country would not allow ...": a state, whose speaker is known only later)
            rule = any(c.dep_ in _SUBJ and (c.lemma_.lower() in _RULES | _NOT_ACTORS or c.pos_ == "NOUN" and (
                self.noun_code(c) is not None or self.c.actor(c, self.text) is None
                and not any(g.dep_ == "poss" and g.pos_ == "PRON" for g in c.children))) for c in tok.children)
            if inner is not None and allowed is not None and allowed.lemma_.lower() not in _NOT_ACTORS and not rule:
                frame = _Frame("080", [tok], tok)
                frame.targets = self.expand(allowed)
                if ({allowed.lemma_.lower()} | {c.lemma_.lower() for c in allowed.children}) & _RELIEF:
                    # "allowed aid trucks to enter Gaza": humanitarian access (0863) to the place entered
                    frame.code = "0863"
                    frame.targets = [w for c in inner.children if c.dep_ in ("dobj", "prep")
                                     for w in ([c] if c.dep_ == "dobj" else c.children)
                                     if w.dep_ in ("dobj", "pobj")][:1]
                return frame
        if lemma == "accept" and any(c.dep_ == "neg" for c in tok.children):
            return _Frame("120", [tok], tok)  # "we will never accept this": a refusal, whatever is refused
        if any(c.dep_ == "advmod" and c.lower_ == "jointly" for c in tok.children) \
                and tok.dep_ not in ("amod", "acl", "relcl"):
            # "X and Y will jointly develop / produce / build ...": cooperation (062 for arms)
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            armed = obj is not None and obj.lemma_.lower() in _MUNITIONS | _HARDWARE | {"weapon", "arm", "submarine"}
            return _Frame("062" if armed else "061", [tok], tok, symmetric=True)
        if lemma in ("cross", "advance", "push", "pour", "roll", "move") and any(
                c.dep_ == "prep" and c.lower_ == "into" for c in tok.children) \
                and self.forces_arriving(tok) == "forces":
            return _Frame("190", [tok], tok)  # "Ukrainian forces crossed into Russia's Kursk region": an incursion
        if lemma in _DEPARTING and any(
                c.dep_ == "dobj" and c.pos_ == "PROPN" and (c.ent_type_ in ("GPE", "LOC") or _place(c))
                for c in tok.children) \
                and (forces := self.forces_arriving(tok)):
            # "the last French troops left Niger": a withdrawal (0874; of peacekeepers 1661)
            return _Frame("1661" if forces == "peacekeeping" else "0874", [tok], tok)
        return None

    def judgement_code(self, verb, lemma: str) -> str | None:
        """"X called the deal a historic mistake", "branded the vote a sham", "described the strikes as
        illegal": naming something is judging it, no appeal and no call: 111 when the name condemns,
        051 when it praises, else a comment (010).  None when the verb names nothing."""
        if lemma not in _NAMING_VERBS:
            return None
        kids = list(verb.children)
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        named = [c for c in kids if c.dep_ == "oprd" or c.dep_ == "dobj" and c.i > obj.i
                 or c.dep_ == "prep" and c.lower_ == "as"]
        if not named and lemma == "call":  # "called the accord defective": the parser hung it on the noun
            named = [c for c in obj.children if c.dep_ == "amod" and c.i > obj.i]
        if not named:
            return None
        words = {w.lemma_.lower() for c in named for w in c.subtree} | {w.lower_ for c in named for w in c.subtree}
        if words & _DISPARAGING:
            return "111"
        return "051" if words & _COMMENDING else "010"

    def noun_code(self, tok) -> tuple[str, list] | None:
        nouns = self.lex.nouns
        lemma = tok.lemma_.lower()
        # nearest first ("joint naval exercises"), but "joint" before any other ("joint military
        # exercises" are joint exercises)
        for left in sorted(tok.lefts, key=lambda t: (t.lower_ != "joint", -t.i)):
            if left.dep_ in ("compound", "amod"):
                two = f"{left.lower_} {lemma}"
                if two in nouns:
                    return nouns[two], [left, tok]
        joined = _hyphenated(tok)
        if joined is not None and joined in nouns:
            return nouns[joined], [tok.doc[tok.i - 2], tok]
        for prep in tok.children:  # "an exchange of fire": a noun made an act by its "of"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and f"{lemma} of {obj.lemma_.lower()}" in nouns:
                        return nouns[f"{lemma} of {obj.lemma_.lower()}"], [tok, prep, obj]
        if lemma in nouns:
            return nouns[lemma], [tok]
        if tok.lower_ in nouns:
            return nouns[tok.lower_], [tok]
        if lemma in _FRAME_NOUNS:
            # "a mediation effort", "a bombing campaign": the act the frame noun is made of
            for left in sorted(tok.lefts, key=lambda t: -t.i):
                if left.dep_ == "compound" and left.pos_ == "NOUN" and left.lemma_.lower() not in _FRAME_NOUNS:
                    inner = self.noun_code(left)  # "a military aid package": military aid
                    if inner:
                        return inner[0], inner[1] + [tok]
        return None

    def frames(self) -> list[_Frame]:
        frames: dict[int, _Frame] = {}
        used_nouns: set[int] = set()
        for tok in self.tokens:
            if tok.pos_ not in ("VERB", "AUX") and not _verb_tagged_noun(tok) or tok.pos_ == "AUX" and tok.dep_ != "ROOT":
                continue
            if tok.dep_ in ("amod", "compound"):  # a participle modifying a noun ("alleged bombers")
                continue
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and any(
                    g.lemma_.lower() in _HARDWARE | _MUNITIONS | {"tank", "artillery", "helicopter", "aircraft", "warplane"}
                    for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"):
                continue  # "troops backed by tanks": how they came, no act of the tanks
            if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and tok.tag_ in ("VBN", "VBG") \
                    and any(c.dep_ == "det" for c in tok.children):
                continue  # a participle standing for people ("evacuated the wounded"), no act
            entry, words = self.verb_entry(tok)
            lemma = self.vlemma(tok)
            frame = None
            if entry is not None and lemma in ("dismiss", "sack", "fire") and not entry.words and any(
                    c.dep_ == "dobj" and (c.lemma_.lower() in _POSTS or c.ent_type_ == "PERSON") for c in tok.children):
                entry, words = None, []  # "dismissed the police chief": a removal from office, no refusal
            if entry is not None and lemma == "release" and not entry.words and any(
                    c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _RELEASED_THINGS for c in tok.children):
                entry, words = None, []  # "released treated water / a statement": no one freed
            if entry is not None and lemma == "insist" and not entry.words and _asserted(tok):
                entry, words = None, []  # "insisted that the attacks came from X": a claim, no demand
            judged = self.judgement_code(tok, lemma)
            if judged is not None:
                frames[tok.i] = _Frame(judged, [tok], tok)
                continue
            if lemma in _ANSWERING and (answer := answer_frame(self, tok)) is not None:
                # "If X attacks Y, the US will respond": a threat aimed at the one the condition names
                frames[tok.i] = answer
                continue
            if lemma in ("agree", "decide"):
                # "EU ministers agreed new sanctions / travel bans on X": measures agreed are measures taken
                obj = self.through_quantity(next((c for c in tok.children if c.dep_ == "dobj"), None))
                hit = self.noun_code(obj) if obj is not None else None
                if hit and hit[0][:2] in ("16", "17"):
                    frames[tok.i] = _Frame(hit[0], [tok] + hit[1], tok, noun=obj)
                    used_nouns.add(obj.i)
                    continue
            if entry is not None and self.lex.role("light", lemma):
                # "launched war games": an object named by a two-word event noun beats an entry
                # that matched only its modifier ("launch ... war")
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                hit = self.noun_code(obj) if obj is not None else None
                if hit and len(hit[1]) == 2 and not any(w.i == obj.i for w in words):
                    entry, words = None, []
            # "X received tanks from Y": a gift's giver is its actor, not the subject (below)
            given = entry is not None and entry.code.startswith("07") and self.lex.role("receive", lemma)
            if entry is not None and entry.words and not given:
                frame = _Frame(entry.code, [tok] + words, tok, symmetric=entry.symmetric)
                frame.noun = next((w for w in words if w.pos_ in ("NOUN", "PROPN")
                                   and w.dep_ in ("dobj", "nsubjpass", "pobj", "attr")), None)
                used_nouns.update(w.i for w in words)
            if frame is None and (self.lex.role("light", lemma) or self.lex.role("intent", lemma)):
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if obj is None:  # "take part in", "carry out attacks"
                    obj = next((g for c in tok.children if c.dep_ in ("prep", "prt")
                                for g in c.children if g.dep_ == "pobj"), None)
                obj = self.through_quantity(obj)
                hit = self.noun_code(obj) if obj is not None else None
                if hit and not self.lex.role("light", lemma):
                    # "pledged / promised / offered aid": the intent to give it (03x)
                    hit = (intent_code(hit[0]) if not hit[0].startswith("03") else hit[0], hit[1])
                if hit:
                    frame = _Frame(hit[0], [tok] + hit[1], tok, noun=obj)
                    frame.symmetric = hit[0][:2] in ("04", "05", "06") and hit[0] not in ("042", "043", "051") \
                        or obj.lemma_.lower() in ("exchange", "swap")  # "carried out a prisoner swap"
                    used_nouns.add(obj.i)
            if frame is None and (self.lex.role("request", lemma) or self.lex.role("demand", lemma)) \
                    and not any(c.dep_ == "prt" for c in tok.children):  # "called off a strike" asks nothing
                # "requested the deployment of ...", "demanded the release of ...", "asked for aid":
                # asking for an act (02x / 10x)
                asked = next((c for c in tok.children if c.dep_ == "dobj"), None)
                wanted = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                               for g in c.children if g.dep_ == "pobj"), None)
                # "asked the IMF for a loan": the IMF is asked, the loan is the act asked for
                obj = self.through_quantity(wanted if asked is None or wanted is not None else asked)
                hit = self.noun_code(obj) if obj is not None else None
                demand = self.lex.role("demand", lemma) and not self.lex.role("request", lemma)
                if hit and hit[0][:2] not in ("01", "02", "10", "11", "12", "13"):
                    code = _pick(hit[0], _DEMAND, "100") if demand else _pick(hit[0], _REQUEST, "020")
                    frame = _Frame(code, [tok] + hit[1], tok, noun=obj)
                    used_nouns.add(obj.i)
                elif asked is not None and wanted is not None and asked.pos_ == "PROPN" \
                        and wanted.lemma_.lower() not in _NO_REQUEST and not _rung(tok):
                    # "asked the IMF for an extension of its programme": a request to the IMF, though
                    # what is asked for has no code of its own (not "asked the ministry for comment")
                    frame = _Frame("100" if demand else "020", [tok], tok)
            if frame is None and self.lex.role("receive", lemma):
                # "X received aid / assurances from Y", "X faced (a wave of) criticism from Y": Y's act, X its target
                obj = self.through_quantity(next((c for c in tok.children if c.dep_ == "dobj"), None))
                hit = self.noun_code(obj) if obj is not None else None
                if hit is None and entry is not None and obj is not None:
                    hit = (entry.code, [obj])  # "received tanks from Y": the entry's act, done by Y
                giver = [g for h in ([tok, obj] if obj is not None else [tok]) for c in h.children
                         if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
                if hit and giver:
                    frame = _Frame(hit[0], [tok] + hit[1], tok, noun=obj)
                    frame.givers = self.expand(giver[0])
                    # ("X raided Y, drawing a rebuke from Z": the one whose act drew it)
                    drawer = tok.head if tok.dep_ == "advcl" and not any(c.dep_ in _SUBJ for c in tok.children) else tok
                    frame.targets = [t for c in drawer.children if c.dep_ in _SUBJ for t in self.expand(c)]
                    used_nouns.add(obj.i)
            if frame is None and entry is not None and not given:
                frame = _Frame(entry.code, [tok], tok, symmetric=entry.symmetric)
            if frame is None:
                frame = self.argument_frame(tok, lemma)
            if frame is None and tok.dep_ == "ccomp" and self.lex.role("speech", self.vlemma(tok.head)) \
                    and any(c.dep_ == "aux" and c.lower_ == "must" for c in tok.children) \
                    and any(c.dep_ in _SUBJ and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
                # "X said Y must ensure ...": a demand on Y whatever the act (roles.obligation)
                frame = _Frame("100", [tok], tok)
            if frame is None and any(self.lex.role(r, lemma) for r in _GOVERNING_ROLES):
                frame = _Frame("", [tok], tok)  # a role verb with no code of its own
            if frame is not None and frame.code.startswith("042") and (forces := self.forces_arriving(tok)):
                # "peacekeeping troops arrived in Y": a deployment (074, or 154 for other forces), no visit
                frame.code = "074" if forces == "peacekeeping" else "154"
            if frame is not None:
                frames[tok.i] = frame
        for tok in self.tokens:  # "is willing / ready / prepared to ...": a role adjective
            if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "oprd") and self.lex.role(
                    "intent", tok.lemma_.lower()) and any(c.dep_ == "xcomp" for c in tok.children):
                frames[tok.i] = _Frame("", [tok], tok)
        for tok in self.tokens:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in used_nouns:
                continue
            if tok.dep_ == "compound":  # a modifier ("war games", "a war crimes court") is no event
                continue
            hit = self.noun_code(tok)
            if hit is None:
                continue
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in frames and frames[tok.head.i].code:
                continue
            obj = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok  # ("the worst of X")
            if obj.dep_ == "dobj" and obj.head.pos_ == "VERB" and obj.head.i not in frames and any(
                    c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in _NOT_ACTORS for c in obj.head.children):
                continue  # "the economy weathered the U.S. sanctions": sanctions already in force, no act told
            frames[tok.i] = _Frame(hit[0], hit[1], tok, noun=tok, nominal=True)
        if self.c.typer is not None and not any(f.code and not self.is_role(f.head) for f in frames.values()):
            self.typed_frame(frames)
        from .comments import comment_frames, verdict_frames  # (they import this module)
        from .outlook import outlook_frames
        outlook_frames(self, frames)
        comment_frames(self, frames)
        verdict_frames(self, frames)
        for f in frames.values():
            # "the sanctions target 12 companies", "the strikes hit ...": the act the subject names
            if not f.nominal and self.vlemma(f.head) in ("target", "hit", "affect", "cover"):
                subj = next((c for c in f.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
                hit = self.noun_code(subj) if subj is not None else None
                if hit is not None:
                    f.code, f.noun = hit[0], subj
                    f.trigger = f.trigger + [w for w in hit[1] if w not in f.trigger]
        for i, f in list(frames.items()):
            # "firefighters battled blazes", "fought the epidemic": force against nature is no attack
            if not f.nominal and f.code[:2] in ("18", "19", "20") and self.vlemma(f.head) in _FIGHTING_VERBS and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _NOT_ACTORS | {"flame"} for c in f.head.children):
                del frames[i]
        ordered = [frames[i] for i in sorted(frames)]
        self.compose(frames)
        return [f for f in ordered if f.code and not f.consumed]

    def typed_frame(self, frames: dict[int, _Frame]) -> None:
        """A sentence the lexicon gives no event: its main-clause verbs (and the verbs a role verb
        governs, "agreed to undertake ...") that the lexicon does not know are typed by the typer
        (typer.py); the best match above its threshold becomes the sentence's one frame."""
        cands = []
        for tok in self.tokens:
            if tok.pos_ != "VERB" or tok.i in frames or tok.dep_ in ("amod", "compound", "aux", "auxpass"):
                continue
            lemma = self.vlemma(tok)
            if lemma in _NOT_TYPED or any(lemma in verbs for verbs in self.lex.roles.values()):
                continue
            governed = tok.dep_ in ("xcomp", "ccomp") and tok.head.i in frames and self.is_role(tok.head)
            if clause_depth(tok) == 0 or governed:
                cands.append(tok)
        if not cands:
            return
        found = self.c.typer.type([self.phrase(t) for t in cands])
        best = max(((t, f) for t, f in zip(cands, found) if f is not None), key=lambda x: x[1].score, default=None)
        if best is not None:
            tok, typed = best
            frames[tok.i] = _Frame(typed.code, [tok], tok, typed=typed.score)

    def is_role(self, tok) -> bool:
        """A verb or adjective that governs another act ("agreed to", "urged ... to", "is willing to")."""
        lemma = self.vlemma(tok) if tok.pos_ in ("VERB", "AUX") else tok.lemma_.lower()
        return any(self.lex.role(r, lemma) for r in _GOVERNING_ROLES)

    def phrase(self, verb) -> str:
        """A verb as a short phrase for the typer: lemma, particle, then its object (with its
        modifiers) or else its first prepositional phrase: "hand over control", "fire on village"."""
        words = [self.vlemma(verb)] + [c.lower_ for c in verb.children if c.dep_ == "prt"]
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubjpass")), None)
        if obj is not None and not obj.ent_type_:
            words += [m.lemma_.lower() for m in obj.lefts if m.dep_ in ("amod", "compound") and not m.ent_type_]
            words.append(obj.lemma_.lower())
        else:
            for c in verb.children:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME", "GPE", "NORP", "PERSON", "ORG"):
                    words += [c.lower_, pobj.lemma_.lower()]
                    break
        return " ".join(words)


def _hyphenated(tok) -> str | None:
    """"sit-in", "walk-out", "cease-fire": a hyphenated word the tokenizer split, as one lower-case
    word (None when ``tok`` ends no such word)."""
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_ \
            and not tok.doc[tok.i - 2].whitespace_:
        return f"{tok.doc[tok.i - 2].lower_}-{tok.lower_}"
    return None
