"""The event coder: who did what to whom, per sentence, in CAMEO and PLOVER.

Method: dependency patterns over a spaCy parse plus the project lexicon
(``data/events_lexicon.txt``).

1. *Triggers.*  Every verb is looked up in the verb lexicon: an entry may ask
   for particles, prepositions or object nouns ("impose sanction", "call
   for talk"); the entry matching most words wins.  A light verb ("hold",
   "launch", "stage") takes the code of its event-noun object ("held talks",
   "launched an air strike").  Event nouns elsewhere ("Israeli tank shelling",
   "a planned summit") are coded when their modifiers name a source.
2. *Roles.*  Verbs that govern another verb change its code: intent ("agreed
   to", "pledged to", "plans to") -> 03x; request ("urged X to", "called on
   X to") -> 02x; demand -> 10x; refusal ("refused to") -> 12x; threat
   ("threatened to") -> 13x.  A negated cooperative event becomes its 12x
   rejection ("will not meet" -> 125); other negations are flagged.  A plain
   future ("will meet", "is scheduled to attend") keeps its code, flagged
   ``future``; a future the speaker states ("said it would free") is an
   intent (03x); a future act of force is a threat (13x).  Modal or
   conditional clauses are flagged hypothetical.
3. *Actors.*  Source: the subject (coordinated subjects give one event
   each), the "by" agent of a passive, or the subject inherited from the
   governing verb; a pronoun takes the speaker of its reporting verb ("X and
   Y said they ...": both) or the last actor named.  Target: the first slot
   that names an actor: the object, "with/against/on/to/at ..." objects (and
   such objects further down a noun: "an agreement with X"), the passive
   subject, the entry's own object noun ("freed prisoners"), then the place.
   "X received / faced N from Y" runs Y->X.  An agentless passive ("two
   soldiers were killed") has no source, unless "in an X air strike" or
   "fired from X" names one.  Symmetric events ("X and Y met") run both ways.
   An event needs an actor with a country (or an IGO) on one side.
4. *Reported speech.*  Plain reporting verbs ("said", "told", "announced")
   are transparent: "X said Y attacked Z" yields Y->Z.  "X accused Y of Z"
   is X's accusation, not Z; "X claimed / alleged that Y attacked Z" is X
   accusing Y (112); "X denied that ..." is X's 12x; "X said / reminded Y
   that Y must do Z" is X's demand on Y (10x).
5. *Selection.*  One main event per sentence (``_select``): frames are
   ranked by clause depth (``clause_depth``: the main clause, a plain
   report's content and lifted claims count as 0; relative, adverbial and
   other subordinate clauses are dropped), then events over plain statements
   (01x), actors on both sides, verbal over nominal, realised over
   hypothetical or future, specific codes, multi-word lexicon entries, and
   position.  A verb coordinated with the winner adds its own event ("X
   condemned Y and recalled its ambassador").
6. *Further rules.*  Readiness adjectives ("is willing / ready to") are
   intent roles; a promised act conditioned with "unless" is a threat;
   coordinated demonyms ("US and British activists") give one actor each;
   "-ed"/"-ing" forms the tagger lemmatises wrongly, and "re-" verbs, are
   repaired; participles and compounds modifying a noun ("alleged
   bombers", "war games") are no events of their own.  "X called on / urged
   Y to end (stop, halt ...) Z" is X's demand on Y (100).  "imposed
   sanctions, punishing / targeting Y" takes Y as the target when no slot
   names one.  A meeting noun with no owner takes its parties from "between
   X and Y" (both ways), else, with "talks / a meeting with Y", from the
   speaker reporting it or the subject of its clause; an event noun that only
   dates another ("ahead of / after the summit") ranks with statements.
   A speaker judging relations ("said ties with Y are in bad shape / have
   improved") makes a comment, 012 pessimistic or 013 optimistic, aimed at
   the first other country the statement names, else the one addressed; as
   a 01x it stands only when the sentence has no more specific event.
7. *Typing without actors.*  ``code_doc`` never returns an actorless
   event; ``main_event_type`` gives a sentence's main event for PLOVER
   typing even when no actor resolves (uncoded, confidence 0.2), and types a
   stated future act of cooperation as AGREE ("says it will ...").

Date: the first resolved time expression inside the sentence, else ``date``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Sequence

from eventwire.events.cameo import CODES, lookup
from eventwire.events.lexicon import Lexicon, lexicon
from eventwire.events.plover import to_plover
from eventwire.records import Actor, Event, TimeExpr
from eventwire.nlp.dictionary import SECTORS
from eventwire.nlp.sents import sents

Resolve = Callable[[str, "str | None", str], "Actor | None"]

_NEG = {"not", "n't", "never", "no"}
_MODAL_HYPO = {"could", "might", "may", "should", "can", "must"}
_FUTURE_AUX = {"will", "shall", "'ll"}
_SCHEDULE = {"schedule", "set", "due", "expect", "poise", "slate", "plan", "go", "propose", "intend", "prepare"}
_FUTURE_ADJ = {"planned", "proposed", "upcoming", "scheduled", "expected", "future", "forthcoming", "possible"}
_CONDITION = {"if", "unless", "whether"}
_TARGET_PREPS = ("with", "against", "on", "to", "at", "toward", "towards", "into", "upon", "for", "over", "from", "between", "of")
_NOUN_TARGET_PREPS = ("on", "against", "with", "to", "at", "between", "for", "into", "of")
_PRON = {"he", "she", "they", "it", "we", "him", "her", "them", "its", "their", "his"}
_PLURAL_PRON = {"they", "them", "their", "we"}
_SUBJ = ("nsubj", "csubj")
# a comment on how two countries get on ("relations are in bad shape", "ties have improved")
_RELATION_NOUNS = {"relation", "relations", "relationship", "tie", "ties"}
_UPBEAT = {"improve", "improvement", "better", "positive", "progress", "hope", "hopeful", "restore", "rebuild",
           "warm", "thaw", "good", "normalize", "normalise", "succeed", "strengthen", "deepen", "mend", "repair",
           "optimistic", "productive", "constructive", "encouraging", "upturn", "breakthrough"}
_DOWNBEAT = {"bad", "worse", "worst", "strain", "strained", "deteriorate", "deterioration", "poor", "tension",
             "crisis", "dire", "sour", "chill", "damage", "pessimistic", "plunge", "worsen", "low", "frosty",
             "tense", "downturn", "rock", "rocky", "nadir"}
# "called on X to end / stop ...": a demand that X cease something
_CEASE = {"end", "stop", "cease", "halt", "abandon", "drop", "quit", "discontinue", "terminate", "suspend"}
# "imposed sanctions, punishing / targeting X": the participle's object is the target
_AIMING = {"punish", "target", "penalize", "penalise", "pressure", "isolate", "hit"}
# a nominal event heard of only as the time of another ("ahead of / after the summit") is background
# measures of an amount ("$2 billion in aid")
_QUANTITIES = {"million", "billion", "trillion", "thousand", "hundred", "dollar", "euro", "pound", "yuan", "yen",
               "rouble", "ruble", "tonne", "ton", "package", "batch", "shipment", "round", "$"}
# what is fired is not whom it is fired at
_MUNITIONS = {"missile", "rocket", "drone", "shell", "bomb", "mortar", "grenade", "round", "projectile",
              "salvo", "barrage", "torpedo", "bullet", "shot", "munition", "warhead", "artillery"}
# equipment: an actor only with a country ("Russian warships"), never bare ("a new submarine")
_HARDWARE = {"submarine", "warship", "ship", "jet", "plane", "aircraft", "carrier", "tank", "vessel",
             "system", "weapon", "launcher", "satellite", "helicopter", "bomber", "fighter", "frigate",
             "destroyer", "warplane"}
_DISCHARGE = {"fire", "launch", "lob", "drop", "shoot", "test-fire", "test", "send"}
# verbs whose object is a subject matter ("discussed trade and Taiwan"), never a party
_TOPIC_VERBS = {"discuss", "debate", "negotiate", "consider", "weigh", "mull"}
# people who take the country of the place they were hit in
_VICTIM_SECTORS = {"CVL", "REL", "EDU", "HLH", "BUS", "MED", "LAB", "AGR", None}
# acts whose place stands for their target when no actor is named: visits and meetings held
# there, protests, shows of force, force ("struck targets in X"); not aid pledged or a statement
# made at a conference in Geneva
_PLACE_TARGET_ROOTS = {"04", "14", "15", "17", "18", "19", "20"}
_TALKS = {"talk", "talks", "negotiation", "consultation", "discussion", "dialogue", "meeting", "summit"}
# subjects that are not actors: nature, disease, the economy
_NOT_ACTORS = {"earthquake", "quake", "magnitude", "tremor", "aftershock", "storm", "typhoon", "hurricane", "cyclone",
               "tornado", "flood", "flooding", "wildfire", "fire", "blaze", "drought", "heatwave", "tsunami", "landslide",
               "avalanche", "eruption", "volcano", "rain", "snow", "blizzard", "wind", "virus", "outbreak",
               "epidemic", "pandemic", "disease", "inflation", "price", "prices", "unemployment", "index",
               "economy", "growth", "output", "currency", "stock", "share", "market", "temperature", "heat"}
_SPORT = re.compile(
    r"\b(?:\d{1,2}-\d{1,2}|world cup|olympics?|grand slam|grand prix|penalt(?:y|ies)|innings|wickets?|bowling|"
    r"batting|semi-?finals?|quarter-?finals?|championships?|tournament|league|medals?|singles|doubles|"
    r"striker|midfielder|goalkeeper|goals?|match(?:es)?|test series|rugby|cricket|football|soccer|tennis|"
    r"marathon|race|cup final|title)\b", re.I)


def _sport(text: str) -> bool:
    """A sentence about a game: two cues, or a score."""
    cues = _SPORT.findall(text)
    return len(cues) >= 2 or any(re.fullmatch(r"\d{1,2}-\d{1,2}", c) for c in cues)


# sectors that are almost always the acting country's own when no country is named
_DOMESTIC_SECTORS = {"OPP", "PTY", "LEG", "JUD"}
_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
_BACKGROUND_PREPS = {"ahead", "before", "after", "during", "following", "amid", "despite", "since", "until", "for"}
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM", "ADJ")
# nouns for texts that speak for their authors ("a report released in X alleged ...")
_DOCUMENTS = {"report", "statement", "study", "document", "communique", "communiqué", "letter", "declaration",
              "memo", "dossier", "survey", "announcement", "bulletin", "broadcast", "editorial", "white paper",
              "inquiry", "review", "assessment", "indictment", "complaint", "petition", "note"}


def _subjunctive(verb) -> bool:
    """"(demanded) that X withdraw": a bare verb with its own subject and no modal."""
    return verb.tag_ == "VB" and any(m.dep_ == "nsubj" for m in verb.children) \
        and not any(m.tag_ == "MD" or m.dep_ == "aux" and m.lower_ == "to" for m in verb.children)


def _same(a, b) -> bool:
    """Two tokens are one (spaCy makes a new Token object on each access, so ``is`` fails)."""
    return a is not None and b is not None and a.i == b.i


# --------------------------------------------------------------- code shifts

def _pick(code: str, table: dict[str, str], default: str) -> str:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return default


_INTENT = {"01": "", "02": "", "03": "", "10": "", "11": "", "12": "", "13": "",
           "04": "036", "045": "039", "046": "036", "05": "032", "057": "030", "06": "031", "061": "0311",
           "062": "0312", "063": "0313", "064": "0314", "07": "033", "071": "0331", "072": "0332",
           "073": "0333", "074": "0334", "08": "035", "081": "0351", "082": "0352", "083": "034",
           "084": "0353", "085": "0354", "086": "0355", "087": "0356",
           "09": "", "14": "133", "15": "", "16": "131", "161": "1313", "162": "1311", "163": "1312",
           "164": "134", "165": "135", "166": "136", "17": "137", "173": "", "174": "",
           "18": "138", "19": "138", "191": "1381", "192": "1382", "20": "1385"}
_REQUEST = {"04": "026", "045": "028", "03": "022", "05": "022", "057": "027", "06": "021", "061": "0211",
            "062": "0212", "063": "0213", "064": "0214", "07": "023", "071": "0231", "072": "0232",
            "073": "0233", "074": "0234", "08": "025", "081": "0251", "082": "0252", "083": "024",
            "0831": "0241", "0832": "0242", "084": "0253", "085": "0254", "086": "0255", "087": "0256"}
_DEMAND = {"04": "106", "045": "108", "03": "102", "05": "102", "057": "107", "06": "101", "061": "1011",
           "062": "1012", "063": "1013", "064": "1014", "07": "103", "071": "1031", "072": "1032",
           "073": "1033", "074": "1034", "08": "105", "081": "1051", "082": "1052", "083": "104",
           "0831": "1041", "0832": "1042", "084": "1053", "085": "1054", "086": "1055", "087": "1056"}
_REJECT = {"036": "125", "04": "125", "045": "126", "039": "126", "03": "120", "033": "122", "0331": "1221",
           "0332": "1222", "0333": "1223", "0334": "1224", "031": "121", "0311": "1211", "0312": "1212",
           "05": "120", "057": "127", "037": "127", "06": "121", "061": "1211", "062": "1212",
           "063": "1213", "064": "1214", "07": "122", "071": "1221", "072": "1222", "073": "1223",
           "074": "1224", "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231",
           "0832": "1232", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
           "034": "123", "035": "124", "0353": "1243", "0354": "1244", "0355": "1245", "0356": "1246"}
_THREAT = {"16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
           "166": "136", "14": "133", "17": "137", "172": "132", "1723": "1323", "1724": "1324",
           "18": "138", "19": "138", "190": "1384", "193": "1384", "194": "1384", "195": "1384",
           "191": "1381", "192": "1382", "183": "1383", "20": "1385"}


def intent_code(code: str) -> str:
    """The 03x (or 13x) intent code for a code stated as a plan or promise."""
    shifted = _pick(code, _INTENT, "030")
    return shifted or code


def reject_code(code: str) -> str | None:
    """The 12x code for refusing a cooperative act; None when CAMEO has none."""
    if code[:2] in ("12",) or code[:2] > "08" and code[:2] != "09":
        return None
    return _pick(code, _REJECT, "")


# --------------------------------------------------------------- frames

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


class _Sentence:
    def __init__(self, coder: "_Coder", sent):
        self.c = coder
        self.sent = sent
        self.lex: Lexicon = coder.lex

    # ---------------------------------------------------------- triggers

    def near_lemmas(self, verb) -> dict[str, object]:
        """Lemmas a verb entry may ask for, each with the token carrying it."""
        out: dict[str, object] = {}

        def add(tok):
            out.setdefault(tok.lemma_.lower(), tok)
            out.setdefault(tok.lower_, tok)

        for ch in verb.children:
            if ch.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in ch.children):
                continue  # "signed on Monday" is no "sign on"
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

    def noun_code(self, tok) -> tuple[str, list] | None:
        nouns = self.lex.nouns
        lemma = tok.lemma_.lower()
        for left in sorted(tok.lefts, key=lambda t: -t.i):  # nearest first: "joint naval exercises"
            if left.dep_ in ("compound", "amod"):
                two = f"{left.lower_} {lemma}"
                if two in nouns:
                    return nouns[two], [left, tok]
        if lemma in nouns:
            return nouns[lemma], [tok]
        if tok.lower_ in nouns:
            return nouns[tok.lower_], [tok]
        return None

    def frames(self) -> list[_Frame]:
        frames: dict[int, _Frame] = {}
        used_nouns: set[int] = set()
        for tok in self.sent:
            if tok.pos_ not in ("VERB", "AUX") or tok.pos_ == "AUX" and tok.dep_ != "ROOT":
                continue
            if tok.dep_ in ("amod", "compound"):  # a participle modifying a noun ("alleged bombers")
                continue
            entry, words = self.verb_entry(tok)
            lemma = self.vlemma(tok)
            frame = None
            if entry is not None and self.lex.role("light", lemma):
                # "launched war games": an object named by a two-word event noun beats an entry
                # that matched only its modifier ("launch ... war")
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                hit = self.noun_code(obj) if obj is not None else None
                if hit and len(hit[1]) == 2 and not any(w.i == obj.i for w in words):
                    entry, words = None, []
            if entry is not None and entry.words:
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
                    frame.symmetric = hit[0][:2] in ("04", "05", "06") and hit[0] not in ("042", "043", "051")
                    used_nouns.add(obj.i)
            if frame is None and self.lex.role("receive", lemma):
                # "X received aid / assurances from Y", "X faced criticism from Y": Y's act, X its target
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                hit = self.noun_code(obj) if obj is not None else None
                giver = [g for h in ([tok, obj] if obj is not None else [tok]) for c in h.children
                         if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
                if hit and giver:
                    frame = _Frame(hit[0], [tok] + hit[1], tok, noun=obj)
                    frame.givers = self.expand(giver[0])
                    frame.targets = [t for c in tok.children if c.dep_ in _SUBJ for t in self.expand(c)]
                    used_nouns.add(obj.i)
            if frame is None and entry is not None:
                frame = _Frame(entry.code, [tok], tok, symmetric=entry.symmetric)
            if frame is None and any(self.lex.role(r, lemma) for r in
                                     ("intent", "request", "demand", "reject", "threaten", "want")):
                frame = _Frame("", [tok], tok)  # a role verb with no code of its own
            if frame is not None:
                frames[tok.i] = frame
        for tok in self.sent:  # "is willing / ready / prepared to ...": a role adjective
            if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "oprd") and self.lex.role(
                    "intent", tok.lemma_.lower()) and any(c.dep_ == "xcomp" for c in tok.children):
                frames[tok.i] = _Frame("", [tok], tok)
        for tok in self.sent:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in used_nouns:
                continue
            if tok.dep_ == "compound":  # a modifier ("war games", "a war crimes court") is no event
                continue
            hit = self.noun_code(tok)
            if hit is None:
                continue
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in frames and frames[tok.head.i].code:
                continue
            frames[tok.i] = _Frame(hit[0], hit[1], tok, noun=tok, nominal=True)
        self.comment_frames(frames)
        ordered = [frames[i] for i in sorted(frames)]
        self.compose(frames)
        return [f for f in ordered if f.code and not f.consumed]

    def comment_frames(self, frames: dict[int, _Frame]) -> None:
        """"X said relations with Y are in bad shape / have improved": a comment (012 pessimistic,
        013 optimistic) by the speaker on another country: the first one the statement names, else
        the one addressed.  It stands only when no more specific event is found (01x ranks last)."""
        ctx = self.sent.text
        for tok in self.sent:
            if tok.i in frames or tok.pos_ not in ("VERB", "AUX") or not self.lex.role("speech", self.vlemma(tok)):
                continue
            if clause_depth(tok) > 0 or any(self.lex.role("speech", self.vlemma(a)) for a in tok.ancestors):
                continue  # a "said" inside a quote: the one quoting speaks
            subj = [c for c in tok.children if c.dep_ in _SUBJ]
            if not subj:
                continue
            addressee = [c for c in tok.children if c.dep_ in ("dobj", "dative") and c.pos_ in _NOMINAL]
            addressee += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                          for g in c.children if g.dep_ == "pobj"]
            skip = {t.i for c in subj + addressee for t in c.subtree}
            content = [t for t in self.sent if t.i not in skip and t.i != tok.i]
            lemmas = [t.lemma_.lower() for t in content] + [t.lower_ for t in content]
            if not any(t.lemma_.lower() in _RELATION_NOUNS or t.lower_ in _RELATION_NOUNS for t in content):
                continue
            up = sum(w in _UPBEAT for w in lemmas)
            down = sum(w in _DOWNBEAT for w in lemmas)
            if not up and not down:
                continue
            speakers = [a for c in self.expand(subj[0]) for a in self.c.actors(c, ctx)]
            own = {a[0].country for a in speakers if a[0].country}
            if not own:
                continue
            other = None
            named = [t for t in content if t.pos_ in ("PROPN", "NOUN", "ADJ") and (t.ent_type_ or t.pos_ == "PROPN")]
            for t in named + [t for c in addressee for t in self.expand(c)]:
                a = self.c.actor(t, ctx)
                if a is not None and a[0].country and a[0].country not in own:
                    other = t
                    break
            if other is None:
                continue
            code = "013" if up > down else "012" if down > up else "010"
            frames[tok.i] = _Frame(code, [tok], tok, targets=[other])

    # ---------------------------------------------------------- roles & flags

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
            asking = any(lex.role(r, lemma) for r in ("request", "demand"))
            # "called on X to free ...": the parser sometimes makes the infinitive an adverbial
            # "threatened on Thursday to impose ...": likewise (an infinitive only, checked below)
            role_verb = any(lex.role(r, lemma) for r in ("reject", "threaten", "intent", "want"))
            deps = ("xcomp", "ccomp", "advcl") if asking and self.role_object(tok) is not None or role_verb \
                else ("xcomp", "ccomp")
            comp = next((c for c in tok.children if c.dep_ in deps and c.i in frames
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
                elif f.code and asking and not f.targets:  # "demanded that X stop ...": X
                    obj = self.role_object(tok)
                    if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                        f.targets = self.expand(obj)
                continue
            inner = frames[comp.i]
            role = next((r for r in ("reject", "threaten", "request", "demand", "want", "intent")
                         if lex.role(r, lemma)), None)
            if role is None and lemma == "prepare" and any(c.dep_ == "auxpass" for c in tok.children):
                role = "intent"  # "is prepared to talk": willing (a plain "prepared to attend" is a schedule)
            if role is None:
                continue
            obj = self.role_object(tok)
            code = inner.code
            if role == "intent" or role == "want" and obj is None:
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
            f.future = f.future or role == "intent"
            if obj is not None and role in ("request", "demand", "want"):
                f.targets = [obj]
            else:
                f.targets = inner.targets or self.targets(inner)
                f.groups = [inner.targets] if inner.targets else self.target_groups(inner)
                f.noun = inner.noun
                f.inner = inner
        self.reports(frames)
        for f in frames.values():
            if f.nominal or f.consumed or not f.code:
                continue
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
            if self.ultimatum(f):
                # "X will do Z unless Y ...": a threat (a conditional promise of harm or withdrawal)
                f.code = _pick(f.code, _THREAT, "130")
                f.hypothetical = False
                continue
            if f.future and (self.c.future_as_intent or f.stated or f.code[:2] >= "09") and not f.code.startswith(("09", "10", "11", "12", "13")) \
                    and not f.negated:
                # a plain future ("will meet", "is due to visit") keeps its code, flagged future;
                # one a speaker says will happen ("said it would free") is an intent (03x);
                # a future act of force or punishment is a threat of it
                f.code = intent_code(f.code)
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
        f.code = "100"
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
            elif self.lex.role("deny", glemma):
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
            return False
        return t.dep_ == "ccomp" and (t.head.pos_ in ("NOUN", "VERB") or self.lex.role("speech", self.vlemma(t.head))) \
            or t.dep_ == "acl" and t.head.pos_ == "NOUN"

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

    def depth(self, tok) -> int:
        d = 0
        while tok.head.i != tok.i and d < 50:
            tok, d = tok.head, d + 1
        return d

    def role_object(self, verb):
        """"urged Iran to ...", "called on Iran to ...", "asked X to ...": the one asked."""
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and c.pos_ in _NOMINAL:
                return c
        for c in verb.children:  # "called on X", but not "on Monday"
            if c.dep_ == "prep" and c.lower_ == "on":
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

    def reported(self, tok) -> bool:
        t = tok
        for _ in range(4):
            if t.dep_ in ("ccomp",) and self.lex.role("speech", t.head.lemma_.lower()):
                return True
            if t.head.i == t.i:
                return False
            t = t.head
        return False

    # ---------------------------------------------------------- actors

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


class _Coder:
    def __init__(self, resolve: Resolve, date: str | None, future_as_intent: bool = False):
        self.lex = lexicon()
        # CAMEO practice codes "will meet" as the meeting (flagged future); PLOVER's AGREE is
        # "says it will cooperate", so the PLOVER typer codes a future act as its intent (03x)
        self.future_as_intent = future_as_intent
        self.resolve = resolve
        self.date = date
        self.cache: dict[tuple[str, str | None], Actor | None] = {}
        self.last_actor: tuple[Actor, str] | None = None
        self._ents_doc = None
        self._ents: dict = {}

    def actor(self, tok, ctx: str, speaker=None) -> tuple[Actor, str] | None:
        """The actor a noun token stands for, with the words that name it."""
        if tok.pos_ == "PRON" or tok.lower_ in _PRON:
            if speaker:
                return speaker[0] if isinstance(speaker, list) else speaker
            return self.last_actor if tok.lower_ not in ("i", "you", "this", "that", "which", "who") else None
        doc = tok.doc
        start = tok.left_edge.i
        end = tok.i + 1
        ent = self.ent_of(tok)
        if ent is not None:
            start, end = min(start, ent.start), max(end, ent.end)
        while end < len(doc) and doc[end].dep_ in ("compound", "flat") and doc[end].head.i == tok.i:
            end += 1
        # drop a leading quantity ("Hundreds of ...") is left to the resolver
        span = doc[start:end]
        found = self._res(span.text, tok.ent_type_ or None, ctx)
        if (found is None or found.country is None) and tok.ent_type_:
            again = self._res(span.text, None, ctx)  # the tagger's label may be wrong
            if again is not None and (found is None or found.code is None or again.country):
                found = again
        if found is None or found.country is None:
            # a name typed in odd case ("president obama", "iRAN"): try it capitalised
            fixed = _recase(span)
            if fixed != span.text:
                again = self._res(fixed, None, ctx)
                lower_place = again is not None and again.kind == "place" and " " in again.name \
                    and not any(c.isupper() for c in span.text)
                if again is not None and again.code and (found is None or again.country) and not lower_place:
                    found = again
        if found is not None and found.kind == "place" and " " in found.name \
                and not any(c.isupper() for c in span.text) and any(c.isupper() for c in ctx):
            found = None  # "the west bank of the river" in cased text names no West Bank (but "moscow" is Moscow)
        if found is not None and not found.country and found.sector not in (None, "IGO") \
                and found.kind == "organisation":
            # "UN troops", "African Union monitors": a body of an international organisation
            body = self._res(found.name, None, ctx)
            if body is not None and body.sector == "IGO" and not body.country:
                found = replace(found, sector="IGO")
        # "the president of Y", "troops from Y"; an international body keeps no country ("the
        # BRICS summit in Johannesburg")
        if found is None or found.country is None and found.sector != "IGO":
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "in"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            sub = self.actor(g, ctx)
                            if sub is not None and _has_country(sub[0]):
                                if found is None:
                                    return sub
                                return replace(found, country=sub[0].country), span.text
                if c.dep_ == "appos":
                    sub = self.actor(c, ctx)
                    if sub is not None and (found is None or sub[0].country):
                        return sub
            if tok.lemma_.lower() in _DOCUMENTS:
                # "a report released / issued in Kigali", "a statement issued by the ministry":
                # a document speaks for whoever issued it, or the capital it was issued in
                for c in tok.children:
                    if c.dep_ != "acl":
                        continue
                    for p in c.children:
                        if p.dep_ == "agent" or p.dep_ == "prep" and p.lower_ in ("by", "in", "from"):
                            for g in p.children:
                                sub = self.actor(g, ctx) if g.dep_ == "pobj" else None
                                if sub is not None and _has_country(sub[0]):
                                    return sub
        if found is not None and not found.country and found.sector and speaker:
            # "its forces", "their troops" in what a state says: the speaker's
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "our")), None)
            if owner is not None:
                first = speaker[0] if isinstance(speaker, list) else speaker
                if first is not None and first[0].country:
                    found = replace(found, country=first[0].country)
        if found is None or found.code is None:
            return None
        return found, span.text

    def actor_of_place(self, tok, ctx: str) -> tuple[Actor, str] | None:
        """The actor one place word stands for, alone ("Beijing" in "the Beijing Olympics")."""
        found = self._res(tok.text, "GPE", ctx)
        return (found, tok.text) if found is not None and found.code else None

    def actors(self, tok, ctx: str, speaker=None) -> list:
        """Like ``actor``, but a noun with coordinated modifiers ("US and British activists",
        "French and German troops") stands for one actor per modifier."""
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")
                and any(g.dep_ == "conj" for g in c.children)]
        if mods and tok.pos_ in ("NOUN", "PROPN"):
            m = mods[0]
            group = [m] + [g for g in m.subtree if g.dep_ == "conj" and g.pos_ in ("ADJ", "PROPN", "NOUN")]
            out = []
            for g in group:
                found = self._res(f"{g.text} {tok.text}", None, ctx)
                if found is not None and found.code and found.country:
                    out.append((found, f"{g.text} {tok.text}"))
            if len(out) >= 2:
                return out
        if isinstance(speaker, list) and len(speaker) > 1 and tok.lower_ in _PLURAL_PRON:
            return list(speaker)
        if tok.pos_ == "NOUN":  # "the leaders of Chile and Peru": one actor per country named
            of = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                       for g in c.children if g.dep_ == "pobj"), None)
            if of is not None and any(c.dep_ == "conj" for c in of.children):
                out = []
                members, stack = [], [of]
                while stack:  # "X, Y and Z"
                    m = stack.pop(0)
                    members.append(m)
                    stack += [c for c in m.children if c.dep_ == "conj" and c.pos_ in _NOMINAL]
                for m in members:
                    found = self._res(f"{tok.text} of {m.text}", None, ctx) if m.pos_ == "PROPN" else None
                    if found is None or not found.country:
                        sub = self.actor(m, ctx)
                        found = sub[0] if sub is not None else None
                    if found is not None and found.code and found.country:
                        out.append((found, f"{tok.text} of {m.text}"))
                if len(out) >= 2:
                    return out
        a = self.actor(tok, ctx, speaker)
        return [a] if a is not None else []

    def ent_of(self, tok):
        doc = tok.doc
        if self._ents_doc is not doc:
            self._ents_doc = doc
            self._ents = {i: e for e in doc.ents for i in range(e.start, e.end)}
        return self._ents.get(tok.i)

    def _res(self, text: str, label: str | None, ctx: str) -> Actor | None:
        key = (text, label)
        if key not in self.cache:
            try:
                self.cache[key] = self.resolve(text, label, ctx)
            except Exception:  # a resolver failure costs one actor, not the article
                self.cache[key] = None
        return self.cache[key]


@lru_cache(maxsize=1)
def _default_resolver():
    from eventwire.nlp.actors import default_resolver
    return default_resolver()


def _default_resolve(date: str | None) -> Resolve:
    r = _default_resolver()
    return lambda name, label, ctx: r.resolve(name, label=label, context=ctx, date=date)


def _recase(span) -> str:
    """A span with its oddly cased name words capitalised ("President obama" -> "President Obama",
    "iSrael" -> "Israel"); acronyms and ordinary lower-case words stay."""
    words = []
    for t in span:
        w = t.text
        odd = w.isalpha() and len(w) > 1 and not w.isupper() and not w.islower() and not w.istitle()
        lower_name = w.isalpha() and w.islower() and (t.pos_ == "PROPN" or t.ent_type_) and t.i > span.start
        words.append(w.capitalize() if odd or lower_name else w)
        words.append(t.whitespace_)
    return "".join(words).strip()


def _place(tok) -> str | None:
    from eventwire.nlp.gazetteer import lookup_place
    text = tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text if tok.right_edge.i - tok.left_edge.i < 6 else tok.text
    actor = lookup_place(text) or lookup_place(tok.text)
    return actor.name if actor is not None else None


UNRESOLVED_SOURCES = True


MAX_SENTENCE_TOKENS = 250  # longer "sentences" are not coded (their cost grows with their length)


def code_doc(doc, *, date: str | None, resolve: Resolve | None = None,
             times: Sequence[TimeExpr] = (), actorless: bool = False) -> list[Event]:
    """Events in a parsed article body (a spaCy Doc), sentence by sentence; each sentence's main
    event first.

    ``resolve(name, label, context)`` turns a noun phrase into an Actor (by
    default the project's ActorResolver); ``times`` are the article's time
    expressions (offsets into ``doc.text``), used to date each event; else
    ``date`` (the publication date) stands.  With ``actorless``, a sentence that
    reports a typed act but whose actors resolve to no country still yields its main
    event, with no country codes, the actor's words kept in ``source_actor`` and
    confidence 0.2 (what ``eventwire code`` prints); the store keeps only events
    with a country on one side.
    """
    coder = _Coder(resolve or _default_resolve(date), date)
    events: list[Event] = []
    for sent in sents(doc):
        if len(sent) > MAX_SENTENCE_TOKENS:
            continue  # a list, a table or word salad run together: no sentence of news
        found = _code_sentence(coder, sent, date, times)
        if not found and actorless:
            extra = _actorless_event(coder, sent, date, times)
            found = [extra] if extra is not None else []
        events.extend(found)
    return events


def _actorless_event(coder: "_Coder", sent, date, times) -> Event | None:
    """The main typed act of a sentence whose actors resolve to no country (see ``code_doc``)."""
    s = _Sentence(coder, sent)
    frames = [f for f in s.frames() if not f.nominal] or s.frames()
    frames = [f for f in frames if to_plover(f.code)[0] and not f.code.startswith("01")]
    if not frames:
        return None
    main = _main_frame(frames)
    when, basis = _when(sent, date, times, main)
    return _fallback_event(s, [main], sent, when, basis)


def _when(sent, date, times, frame: "_Frame | None" = None):
    """The date of an event in ``sent``: its sentence's first time expression, else the
    publication date.  An event noun with a time of its own ("talks between X and Y in 1997",
    beside other years) takes that one."""
    when, basis = date, "publication date" if date else ""
    usable = [t for t in times if sent.start_char <= t.start < sent.end_char and t.value
              and t.kind in ("date", "month", "year", "interval", "relative")]
    if frame is not None and frame.nominal and len(usable) > 1:
        head = frame.head
        lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
        own = [t for t in usable if lo <= t.start < hi]
        if own:
            usable = sorted(own, key=lambda t: abs(t.start - head.idx))
    if usable:
        when, basis = usable[0].value, f"time expression {usable[0].text!r}"
    return when, basis


def _has_country(actor) -> bool:
    return actor is not None and bool(actor.country or (actor.code or "").startswith("IGO"))


def _code_sentence(coder: _Coder, sent, date: str | None, times: Sequence[TimeExpr]) -> list[Event]:
    """The sentence's main event (rarely two): every frame is coded, then one is selected."""
    s = _Sentence(coder, sent)
    frames = s.frames()
    cands = []
    first_subject = None
    for f in frames:
        when, basis = _when(sent, date, times, f)
        events, subject = _frame_events(coder, s, f, sent, when, basis)
        if first_subject is None and subject is not None:
            first_subject = subject
        if events:
            cands.append((f, events))
    if first_subject is not None:
        coder.last_actor = first_subject
    return _select(s, cands)


def _speaker(coder: "_Coder", s: "_Sentence", f: _Frame, ctx: str):
    t = f.head
    for _ in range(4):  # the speaker of the reporting verb above, for pronouns
        if t.dep_ == "ccomp" and coder.lex.role("speech", t.head.lemma_.lower()):
            # all the speakers ("X and Y said they ..."), for a plural pronoun
            found = [a for sub in s.subjects(t.head) if (a := coder.actor(sub, ctx)) is not None]
            return found or None
        if t.head.i == t.i:
            break
        t = t.head
    return None


def _frame_events(coder: "_Coder", s: "_Sentence", f: _Frame, sent, when, basis):
    """The events one frame yields (none unless an actor with a country is on one side),
    and the sentence subject it names (for later pronouns)."""
    ctx = sent.text
    if not f.nominal:
        subj = s.subjects(f.head)
        if subj and any(w.lemma_.lower() in _NOT_ACTORS for w in [subj[0], *subj[0].children]
                        if w is subj[0] or w.dep_ in ("compound", "appos")):  # "Typhoon Haiyan"
            return [], None  # "an earthquake struck X", "inflation hit 85 percent"
    if f.code[:2] in ("17", "18", "19", "20") or f.code.startswith("043"):
        if _sport(ctx):
            return [], None  # "Argentina beat France on penalties", "openers attacked the bowling"
    speaker = _speaker(coder, s, f, ctx)
    if f.nominal:
        src_toks = [c for c in f.head.children if c.dep_ in ("poss", "amod", "compound")
                    and c not in f.trigger]
        src_toks += [g for c in f.head.children if c.dep_ == "prep" and c.lower_ == "by"
                     for g in c.children if g.dep_ == "pobj"]
        # "the arrest of X by Y", with "by Y" hung on X
        src_toks += [g for c in f.head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for x in c.children if x.dep_ == "pobj"
                     for b in x.children if b.dep_ == "prep" and b.lower_ == "by"
                     for g in b.children if g.dep_ == "pobj"]
        sources = [a for tok in src_toks if (a := coder.actor(tok, ctx)) is not None]
        if not sources and f.code[:2] in ("03", "04", "05", "06", "19"):
            # "talks / a meeting / fighting / clashes between X and Y"
            sources, symmetric = _meeting_parties(coder, s, f, ctx, speaker)
            f.symmetric = f.symmetric or symmetric
        if any(a.lower_ in _FUTURE_ADJ for a in f.head.children) and not f.future:
            f.future = True
            f.code = intent_code(f.code)
    elif f.givers:
        sources = [a for tok in f.givers for a in coder.actors(tok, ctx, speaker)]
    elif f.noun is not None and f.noun.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in f.head.children) \
            and any(c.dep_ == "prep" and c.lower_ == "between" for c in f.noun.children):
        # "talks between X and Y were held in Z"
        sources, symmetric = _meeting_parties(coder, s, _Frame(f.code, f.trigger, f.noun, nominal=True), ctx, speaker)
        f.symmetric = f.symmetric or symmetric
    else:
        sources = [a for tok in s.subjects(f.source_head if f.source_head is not None else f.head)
                   for a in coder.actors(tok, ctx, speaker)]
    if not sources and speaker and f.head.dep_ == "conj" and any(
            coder.lex.role(r, s.vlemma(f.head)) for r in ("request", "demand", "threaten")):
        # "X said the sides disagreed and called on Y to ...": the appeal is the speaker's
        sources = list(speaker) if isinstance(speaker, list) else [speaker]
    if len(sources) > 1 and any(_has_country(a[0]) for a in sources if a is not None):
        # "U.S. and British warplanes and warships": the countries, not a bare "warships"
        sources = [a for a in sources if a is not None and _has_country(a[0])]
    unresolved = False
    if not sources and UNRESOLVED_SOURCES:
        # a subject no dictionary knows ("a group of refugees"): kept, uncoded, when a target is known
        subj = s.subjects(f.head) if not f.nominal else []
        if subj and subj[0].pos_ in ("NOUN", "PROPN"):
            unresolved = True
            sources = [(Actor(name=subj[0].doc[subj[0].left_edge.i:subj[0].i + 1].text, kind="group"),
                        subj[0].text)]
    groups = f.groups or ([list(f.targets)] if f.targets else s.target_groups(f))
    if not sources and not f.nominal:
        # an agentless passive ("three civilians were killed"): no source, the sufferer is the target
        passive = [c for c in f.head.children if c.dep_ == "nsubjpass"]
        role_verb = any(coder.lex.role(r, f.head.lemma_.lower()) for r in
                        ("intent", "request", "demand", "reject", "threaten", "want", "speech"))
        movers = [a for a in coder.actors(passive[0], ctx, speaker) if a[0].country] \
            if passive and f.code[:2] == "15" else []
        if movers:
            # "Russian troops have been massed near the border": the troops show the force
            sources = movers
        elif passive and not role_verb and f.head.lemma_.lower() not in _SCHEDULE \
                and not any(c.dep_ == "agent" for c in f.head.children):
            sources = [None]
            groups = groups + [s.expand(passive[0])]
            # "... were killed in an Israeli air strike": the attack's named author is the agent
            for c in f.head.children:
                if c.dep_ != "prep" or c.lower_ not in ("in", "during"):
                    continue
                for g in c.children:
                    hit = s.noun_code(g) if g.dep_ == "pobj" else None
                    if hit is None and g.dep_ == "pobj":
                        hit = _split_attack_noun(s, g)
                    if hit is None or hit[0][:2] not in ("18", "19", "20"):
                        continue
                    mods = [m for m in g.children if m.dep_ in ("poss", "amod", "compound")
                            and m.i not in {w.i for w in hit[1]}]
                    # "in an air strike by X"; "in clashes with X" (the other side of a fight)
                    mods += [p for m in g.children if m.dep_ == "prep" and (m.lower_ == "by" or m.lower_ == "with"
                                                                             and hit[0][:2] == "19")
                             for p in m.children if p.dep_ == "pobj"]
                    authors = [a for m in mods if (a := coder.actor(m, ctx)) is not None]
                    if authors:
                        sources = authors
                        if f.code.rstrip("0") in ("18", "1"):  # a generic killing takes the attack's code
                            f.code = hit[0]
                        f.trigger = f.trigger + [w for w in hit[1] if w not in f.trigger]
                        break
                if sources != [None]:
                    break
            if sources == [None] and f.code[:2] in ("18", "19", "20"):
                # "rockets were fired at X from Y": the place it came from stands for the attacker
                origin = [a for c in f.head.children if c.dep_ == "prep" and c.lower_ == "from"
                          for g in c.children if g.dep_ == "pobj" and (a := coder.actor(g, ctx)) is not None
                          and a[0].country]
                if origin:
                    sources = origin[:1]
    if not sources:
        return [], None
    # the first group of target words that names an actor (the object, else the first
    # prepositional object that resolves); its coordinated members count as one each
    targets = []
    topic = False  # the targets name what the act is about ("a summit on Iran"), not a party to it
    src_codes = {a[0].code for a in sources if a is not None and a[0].code}
    for group in groups:
        found = []
        for tok in group:
            act = tok.pos_ == "NOUN" and (s.noun_code(tok) or tok.lemma_.lower() in _MUNITIONS
                                          or tok.lemma_.lower() in _HARDWARE)
            # an act or a weapon ("military assistance") is no actor; its owner or place may be
            # ("China's assistance", "the shootings in South Carolina")
            found.extend(a for a in coder.actors(tok, ctx, speaker) if a[0].code not in src_codes
                         and not (act and not _has_country(a[0])))
        if not found and speaker and group[0].pos_ == "NOUN":
            # "X said Y shelled its border posts": what the speaker owns stands for the speaker
            owner = next((c for c in group[0].children if c.dep_ == "poss" and c.lower_ in _PRON), None)
            if owner is not None:
                src_countries = {a[0].country for a in sources if a is not None and a[0].country}
                found = [a for a in coder.actors(owner, ctx, speaker) if a[0].code not in src_codes
                         and a[0].country and a[0].country not in src_countries]
        if found:
            if any(_has_country(a[0]) for a in found):  # "three Iranian officers and a company": Iran
                found = [a for a in found if _has_country(a[0])]
            prep = group[0].head.lower_ if group[0].dep_ == "pobj" else ""
            if f.symmetric and len({a[0].code for a in sources if a is not None}) > 1 and (
                    prep and (prep not in ("with", "against", "to", "between")
                              or group[0].head.head.i not in {f.head.i, getattr(f.noun, "i", -1)})
                    or not any(_has_country(a[0]) for a in found)):
                # "X and Y met on the sidelines of a summit / signed a deal at the White House /
                # exercised near the frontier with Z": they are each other's targets
                continue
            targets = found
            topic = prep in _TOPIC_PREPS
            break
    if f.code == "112" and f.lifted and sources and sources[0] is not None and not targets and f.victims:
        # "X claimed that they (X) had attacked Y": no accusation but X claiming the act (015)
        accused = [a for tok in f.targets for a in coder.actors(tok, ctx, speaker)]
        if accused and all(a[0].code in src_codes for a in accused):
            f.code = "015"
            targets = [a for tok in f.victims for a in coder.actors(tok, ctx, speaker)
                       if a[0].code not in src_codes][:1]
    if f.code[:3] in ("015", "016") and not targets and not f.nominal:
        # "claimed responsibility for an attack on a mall in Kenya's capital": the act's victim
        targets = _claimed_act_target(coder, f, ctx, src_codes)
    where = None
    places = s.places(f.head) + (s.places(f.noun) if f.noun is not None and not _same(f.noun, f.head) else [])
    if not targets and f.code[:2] in _PLACE_TARGET_ROOTS and not (f.symmetric and len(sources) > 1):
        # "protested outside the U.S. embassy": an institution named as the place
        for p in places:
            a = coder.actor(p, ctx)
            if a is not None and a[0].country and a[0].sector and a[0].kind != "place" \
                    and a[0].code not in src_codes:
                targets = [a]
                break
    for p in places:
        where = _place(p)
        if where:
            # "X and Y met in Z": X<->Y; but a visit's or an attendance's target is its host
            # ("attend a summit in Z on Iran": Z)
            host = f.code.startswith("042") and (not targets or topic) or f.code.startswith("044") and topic
            if (not targets and f.code[:2] in _PLACE_TARGET_ROOTS or host) and not (f.symmetric and len(sources) > 1):
                a = coder.actor(p, ctx)
                if (a is None or not a[0].country) and p.dep_ == "compound":  # inside a name ("the Beijing Olympics")
                    a = coder.actor_of_place(p, ctx)
                if a is not None and a[0].country and a[0].code not in src_codes:
                    targets = [a]
            break
    if where and f.code[:2] in ("17", "18", "19", "20") and targets and not any(t[0].country for t in targets):
        # "killed 40 people at a mosque in Peshawar": victims of no stated nationality, where it happened
        home = next((a for p in s.places(f.head) if (a := coder.actor(p, ctx)) is not None and a[0].country), None)
        if home is not None:
            targets = [(replace(t[0], country=home[0].country), t[1]) if t[0].sector in _VICTIM_SECTORS else t
                       for t in targets]
    if not targets and f.code[:2] == "13" and not f.nominal:
        # "threatened to annihilate Y" (an act the lexicon does not code): its object
        acts = [c for c in f.head.children if c.dep_ == "xcomp"]
        targets = [a for v in acts for c in v.children if c.dep_ in ("dobj", "dative")
                   for w in s.expand(c) for a in coder.actors(w, ctx, speaker)
                   if a[0].country and a[0].code not in src_codes][:1]
    if not targets and f.code[:2] == "13":
        # "X will close the strait if / unless Y ...": the one the condition names is threatened
        said = [c for c in f.head.children if c.dep_ in ("ccomp", "xcomp", "advcl")]  # "..., X warned"
        for t in [f.head] + said + list(f.head.ancestors)[:2]:
            cond = next((c for c in t.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)), None)
            if cond is not None:
                targets = [a for w in s.subjects(cond) if w.pos_ != "PRON" for a in coder.actors(w, ctx, speaker)
                           if a[0].country and a[0].code not in src_codes][:1]
                break
    if targets and sources and sources[0] is not None and sources[0][0].country:
        # "talks with the opposition", "arrested protesters": a domestic group of no stated
        # country belongs to the country acting on it
        home = sources[0][0].country
        domestic = _DOMESTIC_SECTORS | ({"CVL", "PPL", "EDU", "MED", "LAB", "HLH"} if f.code[:2] == "17" else set())
        targets = [(replace(t[0], country=home), t[1]) if not t[0].country and t[0].sector in domestic
                   and t[0].kind != "person" else t for t in targets]
    if not targets and not f.symmetric and f.code[:2] in ("03", "04", "05", "06") and not f.nominal \
            and len({a[0].country for a in sources if a is not None and a[0].country}) > 1:
        f.symmetric = True  # "X and Y vowed to deepen cooperation": each toward the other
    if not targets and f.code[:2] == "14" and sources and sources[0] is not None and sources[0][0].country:
        # a protest with no stated target is aimed at the country's own government
        home = sources[0][0].country
        targets = [(Actor(name=f"government of {home}", kind="organisation", country=home, sector="GOV"), "")]
    subject = sources[0] if not unresolved and sources[0] is not None else None
    if (unresolved or sources == [None]) and not targets:
        return [], subject
    if f.symmetric and len(sources) > 1 and not targets:
        pairs = [(a, b) for a in sources for b in sources if a is not b]
    else:
        pairs = [(a, b) for a in sources for b in (targets or [None])]
        holders = [h for h in (f.head, f.noun) if h is not None]
        holders += [c for c in f.head.children if c.dep_ == "dobj"]  # "held talks with X and a meeting"
        with_prep = any(c.dep_ == "prep" and c.lower_ == "with" for h in holders for c in h.children)
        talks = f.code.startswith("046") or f.noun is not None and f.noun.lemma_.lower() in _TALKS
        if f.symmetric and targets and with_prep and talks and f.code[:2] == "04":
            # "X held talks / negotiated with Y": talks run both ways (a plain "met with" stays X->Y)
            pairs += [(b, a) for a, b in pairs if b is not None and a is not None and _has_country(b[0])]
    info = lookup(f.code)
    plover, mode = to_plover(f.code)
    trig = sorted(f.trigger, key=lambda w: w.i)
    out, seen = [], set()
    for src, tgt in pairs:
        if tgt is not None and src is not None and (src[0] == tgt[0] or src[0].code == tgt[0].code):
            tgt = None
        if not (_has_country(src[0] if src else None) or _has_country(tgt[0] if tgt else None)):
            continue  # an event needs an actor the dyad can be placed with
        scode = src[0].code if src else None
        tcode = tgt[0].code if tgt else None
        key = (scode, tcode, src[0].name if src else None, tgt[0].name if tgt else None)
        if key in seen:
            continue
        seen.add(key)
        conf = (0.9 if tgt else 0.6) if src and src[0].code else 0.5
        if f.hypothetical or f.negated:
            conf -= 0.3
        out.append(Event(
            sentence_start=sent.start_char, sentence_end=sent.end_char, sentence=sent.text,
            cameo=f.code, root=f.code[:2], goldstein=info.goldstein, quad=info.quad,
            plover=plover, plover_mode=mode, source=scode, target=tcode,
            source_actor=src[0].name if src else None, target_actor=tgt[0].name if tgt else None,
            date=when, date_basis=basis, location=where,
            trigger=" ".join(w.text for w in trig),
            trigger_start=trig[0].idx, trigger_end=trig[-1].idx + len(trig[-1].text),
            negated=f.negated, hypothetical=f.hypothetical, future=f.future,
            confidence=round(conf, 2)))
    out += _victims_claim(coder, s, f, out, speaker)
    return out, subject


# the speaker's side of a victim's claim: a state, or its government, forces or police
_STATE_SECTORS = {None, "GOV", "MIL", "COP", "LEG", "SPY"}


def _victims_claim(coder: "_Coder", s: "_Sentence", f: _Frame, events: list[Event], speaker) -> list[Event]:
    """"X said Y fired at it / killed its soldiers": a state's report of force used against itself
    or its people is also the state accusing Y (112), an event in its own right; the attack stays,
    as the state tells it."""
    if not speaker or f.lifted or f.code[:2] not in ("18", "19", "20") or f.negated or f.hypothetical:
        return []
    said = f.head.head if f.head.dep_ == "ccomp" else None
    if said is None or not coder.lex.role("speech", s.vlemma(said)):
        return []
    if not _told_of_itself(f):
        return []  # "X said Y shelled Kharkiv": the report of the shelling, no more
    speakers = [a for a in (speaker if isinstance(speaker, list) else [speaker])
                if a is not None and a[0].country and a[0].sector in _STATE_SECTORS]
    if not speakers:  # a news outlet or a monitor reporting an attack accuses nobody
        return []
    own = {a[0].code for a in speakers if a[0].code}
    own_countries = {a[0].country for a in speakers if a is not None and a[0].country}
    out = []
    for e in events:
        if not e.source or e.source in own or not e.target:
            continue
        if e.target not in own and e.target[:3] not in own_countries:
            continue  # force used against the speaker's own country (its state, soldiers, people)
        if e.source[:3] in own_countries or e.source[:3] in SECTORS | {"MNC", "NGM"}:
            continue  # an accusation needs someone named to accuse, from elsewhere
        info = lookup("112")
        plover, mode = to_plover("112")
        spk = speakers[0][0]
        out.append(Event(
            sentence_start=e.sentence_start, sentence_end=e.sentence_end, sentence=e.sentence,
            cameo="112", root="11", goldstein=info.goldstein, quad=info.quad, plover=plover, plover_mode=mode,
            source=spk.code, target=e.source, source_actor=spk.name, target_actor=e.source_actor,
            date=e.date, date_basis=e.date_basis, location=e.location, trigger=said.text,
            trigger_start=said.idx, trigger_end=said.idx + len(said.text),
            negated=False, hypothetical=False, future=False, confidence=e.confidence))
        break
    return out


def _told_of_itself(f: _Frame) -> bool:
    """The act is told by its victim as such: in the passive ("soldiers were killed by Y", "a
    bomb was fired at it"), or with the victim as a pronoun ("attacked us / themselves",
    "shelled its posts")."""
    head = f.head
    if any(c.dep_ == "nsubjpass" for c in head.children):
        return True
    slots = [c for c in head.children if c.dep_ in ("dobj", "dative")]
    slots += [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(t.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children) for t in slots)


def _claimed_act_target(coder: "_Coder", f: _Frame, ctx: str, src_codes: set) -> list:
    """The first actor named inside "responsibility for ..." other than the claimant."""
    for obj in f.head.children:
        for prep in obj.children if obj.dep_ == "dobj" else ():
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for tok in prep.subtree:
                if tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "NORP"):
                    a = coder.actor(tok, ctx)
                    if a is not None and a[0].country and a[0].code not in src_codes:
                        return [a]
    return []


def _split_attack_noun(s: "_Sentence", g):
    """"in Russian tank shelling" parsed as "in [Russian tank] shelling(VERB)": the "-ing" word right
    after the object is the attack noun, the object and its modifiers its author."""
    doc = g.doc
    if g.i + 1 >= len(doc) or not doc[g.i + 1].lower_.endswith("ing"):
        return None
    nxt = doc[g.i + 1]
    if not _same(nxt.head, g) and not _same(nxt.head, g.head.head) and not _same(g.head, nxt):
        return None
    nouns = s.lex.nouns
    for key, words in ((f"{g.lower_} {nxt.lower_}", [g, nxt]), (nxt.lower_, [nxt])):
        if key in nouns and nouns[key][:2] in ("18", "19", "20"):
            return nouns[key], words
    return None


def _meeting_parties(coder: "_Coder", s: "_Sentence", f: _Frame, ctx: str, speaker):
    """Who took part in a meeting named by a noun with no owner: "a meeting / talks between X and Y"
    (both, symmetric); "talks / a meeting with Y" reported by X ("X said the meeting with Y was
    useful") or in X's clause ("after talks with Y, X said ..."): X.  Returns (sources, symmetric)."""
    noun = f.head
    between = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
               for g in c.children if g.dep_ == "pobj"]
    if between:
        parties = [a for t in s.expand(between[0]) for a in coder.actors(t, ctx, speaker)]
        if len({a[0].code for a in parties}) >= 2:
            return parties, True
        return [], False
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


# clause boundaries: a frame under one of these is subordinate to the verb above it
_SUBORDINATE = ("ccomp", "advcl", "relcl", "acl", "pcomp", "csubj", "csubjpass", "parataxis")
# reporting verbs that leave the reported clause the sentence's main event
_PLAIN_REPORT = {"say", "tell", "announce", "state", "report", "add", "note", "declare", "quote", "write",
                 "tweet", "explain", "stress"}


def clause_depth(tok) -> int:
    """How many clauses down ``tok`` sits: 0 in the main clause.  The content clause of a
    plain reporting verb ("said / told / announced that ...") counts as main; coordinated
    and infinitival verbs share their head's depth."""
    d = 0
    n = 0
    while tok.head.i != tok.i and n < 50:
        dep, head = tok.dep_, tok.head
        if dep in _SUBORDINATE:
            plain = dep in ("ccomp", "parataxis") and head.lemma_.lower() in _PLAIN_REPORT \
                or _news_peg(tok)
            if not plain:
                d += 1
        tok, n = head, n + 1
    return d


def _news_peg(tok) -> bool:
    """"The visit came / comes as X did Z": the "as" clause carries the news, the main clause only
    pegs something to it, so the clause counts as main."""
    return tok.dep_ == "advcl" and tok.head.lemma_.lower() == "come" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and not any(
        c.dep_ == "prep" for c in tok.head.children if c.i > tok.head.i and c.i < tok.i)


def _frame_rank(f: _Frame, events: list[Event], lex: Lexicon):
    depth = clause_depth(f.head)
    if f.lifted and depth:
        depth -= 1
    sides = max((e.source is not None and e.source[:3] not in ("", "---")) +
                (e.target is not None and e.target[:3] not in ("", "---")) for e in events)
    specific = len(f.code) >= 3 and not f.code.endswith("0")
    lexical = len(f.trigger) > 1
    return (depth, f.code.startswith("01") or _background(f), -sides, f.nominal, f.hypothetical or f.negated, f.future,
            not specific, not lexical, f.head.i)


def _background(f: _Frame) -> bool:
    """An event noun that only dates another ("ahead of / after the summit between X and Y")."""
    if not f.nominal:
        return False
    t = f.head
    for _ in range(3):
        if t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and (t.head.lower_ in _BACKGROUND_PREPS or t.head.lower_ == "of"
                                 and t.head.head.lower_ in ("ahead", "prior")):
            return True
        if t.dep_ not in ("pobj", "prep"):
            return False
        t = t.head
    return False


# the main event must sit this many clauses down at most (0: the main clause, a plain report's
# content, or a claim / denial / demand lifted to its speaker's clause)
MAX_DEPTH = 0


def _select(s: "_Sentence", cands: list) -> list[Event]:
    """The main event of a sentence: main clause first, then events over plain statements, actors on
    both sides, specific codes, multi-word lexicon entries.  A verb coordinated with the winner
    ("X attacked Y and seized Z") adds its own event when it stands at the same level."""
    if not cands:
        return []
    ranked = sorted(cands, key=lambda c: _frame_rank(c[0], c[1], s.lex))
    ranked = [c for c in ranked if _frame_rank(c[0], c[1], s.lex)[0] <= MAX_DEPTH]
    if not ranked:
        return []
    best, events = ranked[0]
    out = list(events)
    top = _frame_rank(best, events, s.lex)
    for f, evs in ranked[1:]:
        if f.nominal or f.code.startswith("01") or f.code[:2] == best.code[:2]:
            continue
        linked = f.head.dep_ == "conj" and _same(f.head.head, best.head) or \
            best.head.dep_ == "conj" and _same(best.head.head, f.head)
        if linked and _frame_rank(f, evs, s.lex)[0] == top[0]:
            out.extend(evs)
    return out


def main_event_type(sent, *, resolve: Resolve | None = None, date: str | None = None) -> Event | None:
    """The event a sentence (a spaCy Span or Doc) is mostly about, for typing it (PLOVER) even
    when no actor resolves: the coded main event if there is one, else the main verbal frame
    with no actors, at confidence 0.2.  ``code_doc`` never returns the actorless kind."""
    if not hasattr(sent, "sent"):  # a Doc
        sent = sent[:]
    coder = _Coder(resolve or _default_resolve(date), date, future_as_intent=True)
    events = _code_sentence(coder, sent, date, ())
    typed = [e for e in events if e.plover]
    s = _Sentence(coder, sent)
    all_frames = s.frames()
    main_verbal = [f for f in all_frames if not f.nominal and clause_depth(f.head) == 0]
    nominal_at = {min(w.idx for w in f.trigger) for f in all_frames if f.nominal}
    if typed:
        best = max(typed, key=lambda e: e.confidence)
        # an event noun with actors ("despite pressure by X") does not outrank the main verb's act
        if not (best.trigger_start in nominal_at and main_verbal):
            return best
        frames = main_verbal
    else:
        frames = [f for f in all_frames if not f.nominal] or all_frames
    if not frames:
        return None
    when, basis = _when(sent, date, ())
    return _fallback_event(s, frames, sent, when, basis)


def _main_frame(frames: list[_Frame]):
    """The frame a sentence is mostly about: not a plain statement, highest in the parse, verbal first."""
    def rank(f):
        return (f.code.startswith("01"), clause_depth(f.head), f.nominal, _depth(f.head), f.head.i)
    return min(frames, key=rank)


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _fallback_event(s: "_Sentence", frames: list[_Frame], sent, when, basis) -> Event:
    """A sentence with an event but no actor that resolves: its main event, actors unknown.

    Low confidence (0.2): it types the sentence (PLOVER) without claiming a dyad.
    """
    f = _main_frame(frames)
    info = lookup(f.code)
    plover, mode = to_plover(f.code)
    trig = sorted(f.trigger, key=lambda w: w.i)
    source, source_words = _words_of(s, s.subjects(f.head) if not f.nominal else [], sent.text)
    groups = [g for g in (f.groups or ([list(f.targets)] if f.targets else s.target_groups(f))) if g]
    target, target_words = _words_of(s, groups[0] if groups else [], sent.text, party_only=True)
    return Event(
        sentence_start=sent.start_char, sentence_end=sent.end_char, sentence=sent.text,
        cameo=f.code, root=f.code[:2], goldstein=info.goldstein, quad=info.quad,
        plover=plover, plover_mode=mode, source=source, target=target,
        source_actor=source_words, target_actor=target_words, date=when, date_basis=basis, location=None,
        trigger=" ".join(w.text for w in trig),
        trigger_start=trig[0].idx, trigger_end=trig[-1].idx + len(trig[-1].text),
        negated=f.negated, hypothetical=f.hypothetical, future=f.future, confidence=0.2)


def _words_of(s: "_Sentence", toks, ctx: str, *, party_only: bool = False) -> tuple[str | None, str | None]:
    """(a sector-only code when the words name a known kind of actor, the words) of the first noun
    phrase among ``toks``: "rebels" -> ("REB", "rebels"); a pronoun or nothing -> (None, None).
    With ``party_only`` (targets), a noun that names no kind of actor and no proper name ("new
    elections") is not a party: its "of" phrase is tried ("the resignation of the mayor"), else
    nothing."""
    for tok in toks:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        seen = [tok] + ([c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                         for c in p.children if c.dep_ == "pobj"] if party_only else [])
        for t in seen:
            found = s.c.actor(t, ctx)
            code = found[0].code if found is not None and not found[0].country else None
            if party_only and code is None and t.pos_ != "PROPN":
                continue
            return code, t.doc[t.left_edge.i:t.i + 1].text
        if not party_only:
            break
    return None, None


def code_sentence(text: str, *, nlp, date: str | None = None) -> list[Event]:
    """Parse one sentence (or short text) with ``nlp`` and code it."""
    return code_doc(nlp(text), date=date)
