"""Claims: a state's report of force used against itself as an accusation (112), and the
victim of an act a group claims responsibility for (015/016)."""
from __future__ import annotations

from eventwire.events.cameo import lookup
from eventwire.events.plover import to_plover
from eventwire.nlp.dictionary import SECTORS
from eventwire.records import Event
from .actors import _Coder
from .participants import _Sentence
from .predicates import _Frame
from .words import _STATE_SECTORS


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
