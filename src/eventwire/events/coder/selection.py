"""Selection: which events a sentence reports and which one is its main event (clause depth,
specificity, realised over hypothetical); the actorless main act ``code`` prints."""
from __future__ import annotations

from typing import Sequence
from eventwire.events.cameo import lookup
from eventwire.events.lexicon import Lexicon
from eventwire.events.plover import to_plover
from eventwire.nlp.dictionary import SECTORS
from eventwire.records import Actor, Event, TimeExpr
from .actors import _Coder, _default_resolve
from .build import _can_threaten, _frame_events
from .dating import _when
from .clauses import _DECIDED, _drawn, clause_depth, issued
from .codes import plover_of
from .participants import _Sentence
from .predicates import _Frame
from .words import _LEVELS, _MULTITUDES, _NOT_ACTORS, Resolve, _BACKGROUND_PREPS, _same, _sport


def _actorless_event(coder: "_Coder", sent, date, times) -> Event | None:
    """The main typed act of a sentence whose actors resolve to no country (see ``code_doc``)."""
    s = _Sentence(coder, sent)
    frames = [f for f in s.frames() if not f.nominal] or s.frames()
    frames = [f for f in frames if to_plover(f.code)[0] and not f.code.startswith("01")]
    # "a fire swept through X, killing nine": nature's doing is no one's act
    # (also when the parser made the sentence a noun phrase: "[A fire [swept through X, killing nine]]")
    frames = [f for f in frames if f.nominal or not any(
        w.lemma_.lower() in _NOT_ACTORS for w in s.subjects(f.head)[:1] + [sent.root] if w.pos_ == "NOUN")]
    # ("trade hit a record high": a level reached, no blow)
    frames = [f for f in frames if f.nominal or not (f.code[:2] in ("18", "19") and any(
        c.dep_ in ("dobj", "attr") and c.lemma_.lower() in _LEVELS for c in f.head.children))]
    # not an act that only dates another ("sacked the minister after the attack"; "returned for talks" stays)
    # (nor through a span of time: "fled after weeks of deadly protests")
    frames = [f for f in frames if not (f.nominal and f.head.dep_ == "pobj" and (
        f.head.head.lower_ in _TEMPORAL or f.head.head.lower_ == "of" and f.head.head.head.dep_ == "pobj"
        and f.head.head.head.lemma_.lower() in _SPANS and f.head.head.head.head.lower_ in _TEMPORAL))]
    if not frames:
        return None
    main = _main_frame(frames)
    if main.code == "130" and s.vlemma(main.head) == "warn" and not any(
            (a := coder.actor(w, sent.text)) is not None and _can_threaten(a[0]) for w in s.subjects(main.head)[:1]):
        return None  # "analysts warned of consequences": a warning (012, no PLOVER type), no threat
    if main.code[:2] in ("17", "18", "19", "20") and main.code[:3] not in ("173", "174") and _sport(sent.text):
        return None  # a game told in the words of war ("the openers attacked the bowling")
    when, basis = _when(sent, date, times, main)
    return _fallback_event(s, [main], sent, when, basis)


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
    out = _select(s, cands)
    pair = next(([_as_actor(e.source, e.source_actor), _as_actor(e.target, e.target_actor)] for e in out[:1]
                 if _country_of(e.source) and _country_of(e.target) and _country_of(e.source) != _country_of(e.target)),
                None)
    if pair is not None:
        coder.last_pair = pair  # for "the two leaders" of the next sentences
    return out


def _country_of(code: str | None) -> str | None:
    return code[:3] if code and len(code) >= 3 and code[:3] not in SECTORS else None


def _as_actor(code: str, name: str | None):
    country, sector = code[:3], code[3:] or None
    return Actor(name=name or country, kind="person" if name and sector else "country",
                 country=country, sector=sector), name or country


def _frame_rank(f: _Frame, events: list[Event], lex: Lexicon):
    depth = clause_depth(f.head)
    if f.lifted and depth:
        depth -= 1
    sides = max((e.source is not None and e.source[:3] not in ("", "---")) +
                (e.target is not None and e.target[:3] not in ("", "---")) for e in events)
    specific = len(f.code) >= 3 and not f.code.endswith("0")
    lexical = len(f.trigger) > 1
    return (depth, f.code.startswith("01") or _background(f), _issuing(f), -sides, f.nominal,
            f.hypothetical or f.negated, f.future,
            not specific, not lexical, f.head.i)


def _issuing(f: _Frame) -> bool:
    """"Adopted a resolution demanding ...": the issuing ranks below what the document does."""
    return not f.nominal and any(c.dep_ == "dobj" and any(issued(g) for g in c.children) for c in f.head.children)


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
    main = [c for c in ranked if _frame_rank(c[0], c[1], s.lex)[0] <= MAX_DEPTH]
    if not main:
        # "Russian troops advanced towards X, capturing two villages": when the main verb tells of
        # no act, a participle clause hung on it (same subject, no conjunction) is the act told
        main = [c for c in ranked if _participle_of_main(c[0].head) and _frame_rank(c[0], c[1], s.lex)[0] == 1]
    if not main:
        # "The truce collapsed on Wednesday after Russia shelled Ukrainian positions": when the main
        # clause tells of no act, a clause of what did happen (after, when, as, because) is the act told
        main = [c for c in ranked if _told_clause(c[0], s.lex) and _frame_rank(c[0], c[1], s.lex)[0] == 1]
    every = ranked  # (before the depth cut: an answer drawn from others sits in an adverbial clause)
    ranked = main
    if not ranked:
        return []
    best, events = ranked[0]
    out = list(events)
    # "X closed Y, drawing a protest from Z": Z's answer is told beside X's act
    out += [e for f, evs in every if _drawn(f.head) and _same(f.head.head, best.head) and not f.nominal
            for e in evs]
    reaction = _reaction_to_decision(best, ranked[1:])
    if reaction is not None:
        # "Beijing slammed Washington's decision to sell arms to Taiwan": both acts are told; the
        # reaction is the news, the decided act is kept beside it
        best, events = reaction
        out = list(events) + out
    top = _frame_rank(best, events, s.lex)
    for f, evs in ranked[1:]:
        if f.nominal or f.code.startswith("01") or f.code[:2] == best.code[:2]:
            continue
        linked = f.head.dep_ == "conj" and _same(f.head.head, best.head) or \
            best.head.dep_ == "conj" and _same(best.head.head, f.head)
        if linked and _frame_rank(f, evs, s.lex)[0] == top[0]:
            out.extend(evs)
    return out


# prepositions that date one act by another
_TEMPORAL = {"after", "before", "following", "ahead", "during", "since", "until", "amid", "despite"}
_SPANS = {"day", "week", "month", "year", "decade", "hour", "night", "round", "series", "wave"}

# conjunctions of a clause that tells of something done (not "before", "if", "unless", "until")
_TOLD_MARKS = {"after", "when", "as", "because", "since", "while", "once"}


def _told_clause(f: _Frame, lex: Lexicon) -> bool:
    """A realised act in an adverbial clause of the main verb ("..., after X shelled Y"); not beside
    a report ("X told Y '...', a day after Z seized W": the background of what was said), nor under
    a present ("the deal gives them two months, seven years after X cut ties": a story's past)."""
    t = f.head
    if f.nominal or f.hypothetical or f.negated or f.future or t.dep_ != "advcl" or t.head.dep_ != "ROOT":
        return False
    if lex.role("speech", t.head.lemma_.lower()) or t.head.tag_ not in ("VBD", "VBN"):
        return False
    return t.tag_ in ("VBD", "VBN", "VBZ", "VBP") and not any(c.dep_ == "npadvmod" for c in t.children) \
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in _TOLD_MARKS for c in t.children)


def _participle_of_main(tok) -> bool:
    """"X advanced, capturing Y": an -ing clause on the main verb, with no conjunction of its own."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.dep_ == "ROOT" \
        and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in tok.children)


def _reaction_to_decision(best: _Frame, others: list):
    """The candidate whose verb governs the noun of decision ``best`` hangs on ("slammed / welcomed
    X's decision to ..."), when that verb is an act of its own (not a plain statement)."""
    if not (best.head.dep_ == "acl" and best.head.head.lemma_.lower() in _DECIDED):
        return None
    noun = best.head.head
    gov = noun.head
    while gov.dep_ in ("prep", "pobj") and gov.head.i != gov.i:  # "protested against X's move to ..."
        gov = gov.head
    for f, evs in others:
        if _same(f.head, gov) and not f.nominal and not f.code.startswith("01") and f.code[:2] != best.code[:2]:
            return f, evs
    return None


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
    plover, mode = plover_of(f.code, future=f.future, negated=f.negated)
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
        if tok.pos_ not in ("NOUN", "PROPN", "NUM") or tok.ent_type_ in ("DATE", "TIME"):
            continue  # "signed a deal on Tuesday": a day is no party
        of = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        if tok.lemma_.lower() in _MULTITUDES or tok.pos_ == "NUM":
            seen = of  # "thousands of people": the people
        else:
            seen = [tok] + (of if party_only else [])
        for t in seen:
            found = s.c.actor(t, ctx)
            code = found[0].code if found is not None and not found[0].country else None
            if party_only and code is None and t.pos_ != "PROPN":
                continue
            return code, t.doc[t.left_edge.i:t.i + 1].text
        if not party_only:
            break
    return None, None
