"""How deep in the sentence a word sits: the main clause, a plain report's content and
lifted claims count as 0; subordinate clauses deeper."""
from __future__ import annotations

from .words import _DRAWING, _DOCUMENTS, _ISSUING, _rung


# clause boundaries: a frame under one of these is subordinate to the verb above it
_SUBORDINATE = ("ccomp", "advcl", "relcl", "acl", "pcomp", "csubj", "csubjpass", "parataxis")


# reporting verbs that leave the reported clause the sentence's main event
_PLAIN_REPORT = {"say", "tell", "announce", "state", "report", "add", "note", "declare", "quote", "write",
                 "conclude", "find", "reveal", "disclose", "show", "establish", "determine", "recount", "testify",
                 "tweet", "explain", "stress", "confirm", "rule"}


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
                or _news_peg(tok) or _decided(tok) or _toll(tok) or _sent_to(tok) or noun_rooted(tok) \
                or _answered_by(tok) or planned(tok) or issued(tok) or _reported_subject(tok) or _steps_taken(tok) \
                or bool(reduced_passive(tok)) or charge_denied(tok)
            if not plain:
                d += 1
        tok, n = head, n + 1
    return d


def _news_peg(tok) -> bool:
    """"The visit came / comes as X did Z": the "as" clause carries the news, the main clause only
    pegs something to it, so the clause counts as main."""
    # (also "It comes after X did Z")
    return tok.dep_ == "advcl" and tok.head.lemma_.lower() == "come" and any(
        c.dep_ == "mark" and c.lower_ in ("as", "after") for c in tok.children) and not any(
        c.dep_ == "prep" for c in tok.head.children if c.i > tok.head.i and c.i < tok.i)


# what goes off or hits on its own: "a bomb exploded / a blast tore through X, killing 20"
_BLASTS = {"bomb", "blast", "explosion", "explosive", "device", "shell", "rocket", "missile", "grenade", "mine",
           "landmine", "shelling", "bombing"}


def _toll(tok) -> bool:
    """"A bomb exploded in X, killing 20": the killing is the news when the main clause only tells
    of a blast (a thing, not someone, as its subject), so the clause counts as main."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.head.i == tok.head.i and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _BLASTS for c in tok.head.children)


def _reported_subject(tok) -> bool:
    """"[Israeli strikes [killed 20 people]], officials said": the parser hung the reported clause on
    the reporting verb as a second subject and its verb as a participle, which takes no object."""
    head = tok.head
    return tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and any(c.dep_ == "dobj" for c in tok.children) \
        and head.dep_ == "nsubj" and head.head.lemma_.lower() in _PLAIN_REPORT \
        and sum(1 for c in head.head.children if c.dep_ == "nsubj") > 1


def _steps_taken(tok) -> bool:
    """"X took steps / measures to ease Y": what the steps do is X's act, told as the main clause."""
    if not any(m.dep_ == "aux" and m.lower_ == "to" for m in tok.children):
        return False
    if tok.dep_ == "advcl":  # ("took steps [to ease Y]": the purpose hung on the verb)
        return tok.head.lemma_.lower() == "take" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _STEPS for c in tok.head.children)
    noun = tok.head
    return tok.dep_ in ("acl", "relcl") and noun.lemma_.lower() in _STEPS \
        and noun.dep_ == "dobj" and noun.head.lemma_.lower() == "take"


_STEPS = {"step", "measure", "action"}


def noun_rooted(tok) -> bool:
    """The parser made the subject the sentence's root and its finite verb a modifier of it ("[The
    UN chief [called on X to ...]]", "[US envoy [Blinken urged X ...]]"), or tagged its past tense a participle
    that still takes a direct object, which no passive one does ("[militants [slaughtered 40 workers]]"): the
    verb is the main clause."""
    head = tok.head
    # (or the content of a report: "[[militants [slaughtered 30 fishermen]], witnesses said]")
    rooted = head.dep_ == "ROOT" or head.dep_ == "ccomp" and head.head.lemma_.lower() in _PLAIN_REPORT
    return tok.dep_ in ("acl", "relcl") and rooted and head.pos_ in ("NOUN", "PROPN") \
        and (tok.tag_ in ("VBD", "VBZ", "VBP") or tok.tag_ == "VBN" and any(c.dep_ == "dobj" for c in tok.children)
             and not any(c.dep_ == "agent" for c in tok.children)) and tok.i > head.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "advmod") and c.text.lower() in _RELATIVE
                    for c in tok.children) and not any(c.text.lower() in _RELATIVE for c in tok.lefts)


_RELATIVE = {"who", "whom", "which", "that", "whose", "where", "when"}


# nouns of an act intended ("announced plans to send", "had no plans to attend")
_PLANS = {"plan", "intention", "readiness", "willingness", "commitment", "pledge", "promise", "offer", "reason", "need"}


def plan_noun(tok):
    """The noun of intent ``tok`` (a frame's verb) hangs on, when ``planned(tok)``."""
    return tok.head if tok.dep_ in ("acl", "relcl") else tok.head.head


def planned(tok) -> bool:
    """"X announced plans / its readiness to send peacekeepers": the act is X's stated intent (the
    coder makes it 03x), told as the main clause."""
    # (not a plan something else is about: "concern over / talks on X's plan to ...")
    # ("sees no reason to send": the parser may call the infinitive a relative clause)
    return tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in _PLANS and tok.head.dep_ != "pobj" \
        and any(m.dep_ == "aux" and m.lower_ == "to" for m in tok.children) \
        or tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ == "of" \
        and tok.head.head.lemma_.lower() in _PLANS  # "has no intention of attacking"


def issued(tok) -> bool:
    """"X passed / adopted a resolution calling for ...": what the document it issued does is X's act."""
    doc_noun = tok.head
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and doc_noun.lemma_.lower() in _DOCUMENTS \
        and doc_noun.dep_ == "dobj" and doc_noun.head.lemma_.lower() in _ISSUING


# verbs of answering an act whose "by" clause names the answer
_ANSWERING = {"retaliate", "respond", "react", "reply", "hit"}


def _answered_by(tok) -> bool:
    """"China retaliated / responded by imposing duties on ...": the act of the "by" clause is the act."""
    return tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ == "by" \
        and tok.head.head.lemma_.lower() in _ANSWERING


# verbs of sending whose purpose is the act: "sent planes to help Y fight fires"
_SENDING = {"send", "dispatch"}


def _sent_to(tok) -> bool:
    """"X sent planes / a team to help Y", "X called Y to discuss Z": the purpose of a sending or a
    telephone call is the act told, so the infinitive counts as main (the sending itself is coded
    when the lexicon knows what is sent)."""
    return tok.dep_ in ("advcl", "xcomp") and (tok.head.lemma_.lower() in _SENDING or _rung(tok.head)) \
        and tok.tag_ == "VB" \
        and any(m.dep_ == "aux" and m.lower_ == "to" for m in tok.children)


# nouns of an act decided: "X's decision / move to expel Y" tells of the expulsion itself
_DECIDED = {"decision", "move", "order"}


def _decided(tok) -> bool:
    """"The decision by X / X's move to expel Y": an infinitive on a noun of decision that names
    who decided counts as main (the act decided is the news, whatever the sentence says of it)."""
    noun = tok.head
    return tok.dep_ == "acl" and noun.pos_ == "NOUN" and noun.lemma_.lower() in _DECIDED \
        and any(m.dep_ == "aux" and m.lower_ == "to" for m in tok.children) \
        and any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "by" for c in noun.children)


def time_verb(tok):
    """The verb a time word dates: the first verb above it ("collapsed" for "Wednesday" in
    "collapsed on Wednesday"; "signed" for "2022" in "the truce signed in 2022"), or None when
    it dates a thing on the way ("after the 2020 war": the war)."""
    n = 0
    while tok.pos_ not in ("VERB", "AUX") and n < 20:
        if tok.head.i == tok.i:
            return None
        tok, n = tok.head, n + 1
        if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME"):
            return None
    return tok


def clause_verb(tok):
    """The first verb above ``tok``, through nouns too ("arrested" for "year" in "arrested at last
    year's march"), or None when none is."""
    for _ in range(20):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def reduced_passive(head) -> list:
    """The noun a participle tells what was done to, in a headline or after "there were" ("Ten
    soldiers killed in X", "There were 10 soldiers killed in X"): that clause's passive subject (and
    the participle's clause counts as main)."""
    if head.dep_ == "ROOT":
        return headline_passive(head)
    noun = head.head
    if head.dep_ != "acl" or head.tag_ != "VBN" or noun.pos_ not in ("NOUN", "PROPN", "NUM"):
        return []
    headline = noun.dep_ == "ROOT"
    existential = noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)
    return [noun] if headline or existential else []


# verbs that take an object whenever they are active: one with none in a headline tells what was
# done to its subject ("Four soldiers killed in ambush", the tagger reading "killed" as a past tense)
_DONE_TO = {"kill", "wound", "injure", "arrest", "detain", "abduct", "kidnap", "jail", "execute", "deport",
            "expel", "imprison", "behead", "massacre"}


def headline_passive(head) -> list:
    """The subject of a headline's bare past participle that the tagger took for a past tense:
    "Four soldiers killed in ambush" (no object, no coordinated verb sharing one, no final stop)."""
    if head.dep_ != "ROOT" or head.tag_ not in ("VBD", "VBN") or head.lemma_.lower() not in _DONE_TO:
        return []
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "attr", "conj", "aux", "auxpass", "neg") for c in head.children):
        return []
    last = head.sent[-1]
    if last.text in (".", "!", "?") or head.i == head.sent.start:
        return []
    return [c for c in head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "NUM")]


def _drawn(tok) -> bool:
    """"X raided Y, drawing a rebuke / condemnation from Z": Z's answer is news beside X's act (kept
    beside the main event by the selection)."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in _DRAWING and any(
        c.dep_ == "prep" and c.lower_ == "from" for o in tok.children if o.dep_ == "dobj"
        for c in [*tok.children, *o.children])


# nouns by which a report names the claim it has just told: "..., a charge X denies"
_CHARGES = {"charge", "accusation", "claim", "allegation"}


def charge_denied(clause) -> bool:
    """"X accused Y of Z, a charge Y denies": the parser hangs the report on the denial as its content
    clause; the report is the main clause, and the denial only answers it."""
    gov = clause.head
    return clause.dep_ == "ccomp" and clause.i < gov.i and gov.dep_ == "ROOT" and any(
        g.lemma_.lower() in _CHARGES for g in gov.doc[clause.right_edge.i + 1:gov.i])

