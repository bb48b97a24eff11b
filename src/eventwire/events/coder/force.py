"""Acts of force: who made an attack told only by its noun or its clause, how many it killed, who
could threaten force (helpers of ``build``)."""
from __future__ import annotations

import re

from eventwire.records import Actor
from .participants import _Sentence, _noun_agents
from .actors import _Coder
from .clauses import _BLASTS, _toll
from .predicates import _Frame
from .words import _ARMED_SECTORS, _SUFFERED, _STATE_SECTORS, _VICTIM_SECTORS, _same


def _agents_of_act(coder: "_Coder", noun, ctx: str, speaker=None) -> list:
    found = [a for w in _noun_agents(noun, []) if (a := coder.actor(w, ctx)) is not None]
    if not found and speaker and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in noun.children):
        # "X's military said its air strikes killed ...": the speaker's
        found = list(speaker) if isinstance(speaker, list) else [speaker]
    return [a for a in found if a is not None]


def _agentless_attack(s: "_Sentence", f: _Frame) -> bool:
    """An attack told with no one named as its author: a killing whose subject is the attack or the blast
    ("a bomb attack in Kabul killed seven"), or an attack people died or were hurt in."""
    if not f.nominal:
        return any(w.pos_ == "NOUN" and (s.noun_code(w) is not None or w.lemma_.lower() in _BLASTS)
                   for w in s.subjects(f.head)[:1])
    h = f.head
    return h.dep_ == "pobj" and h.head.lower_ in ("in", "during") and h.head.head.lemma_.lower() in _SUFFERED


def _can_threaten(actor: Actor) -> bool:
    """A state, a body of states, an armed group, a party: one whose warning of consequences threatens."""
    return bool(actor.country) or actor.sector in _ARMED_SECTORS | _STATE_SECTORS - {None} | {"IGO", "OPP", "PTY", "ELI"}


_BATTLES = {"fighting", "fight", "battle", "clash", "combat", "assault", "offensive", "shelling", "bombardment"}
_KILLINGS = {"kill", "murder", "execute", "slay", "massacre", "slaughter", "butcher"}


def _mass_killing(s: "_Sentence", f: _Frame, sources: list, targets: list) -> bool:
    """Someone named killing people (not fighters) counted in the hundreds or more; not a blast's toll."""
    if s.vlemma(f.head) not in _KILLINGS or not targets or _toll(f.head) or not sources or sources[0] is None:
        return False
    counted = " ".join(w.text for c in f.head.children if c.dep_ == "dobj" for w in c.subtree)
    return all(t[0].sector in _VICTIM_SECTORS | {"REL", "PPL", "OPP"} and _hundreds(f"{t[0].name} {t[1]} {counted}")
               for t in targets)


def _hundreds(text: str) -> bool:
    """A count of people in the hundreds or more: "hundreds of", "more than 800", "1,200"."""
    low = text.lower()
    if re.search(r"\b(?:hundreds|thousands|tens of thousands)\b", low):
        return True
    counts = [int(n.replace(",", "")) for n in re.findall(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b", low)]
    return bool(counts) and max(counts) >= 100 and not re.search(r"\b(?:19|20)\d\d\b", low)


def _armed(actor: Actor) -> bool:
    """An actor that fights: a state as a whole, its forces, rebels, militias, gangs."""
    return actor.sector in _ARMED_SECTORS or actor.kind == "country" and not actor.sector


def _attack_clauses(s: "_Sentence", verb) -> list:
    """The clauses "when / as / after X attacked ..." under ``verb`` whose act is force (18-20)."""
    out = []
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "advmod" and m.lower_ == "when" or m.dep_ == "mark"
                                     and m.lower_ in ("when", "as", "after") for m in c.children):
            entry, _ = s.verb_entry(c)
            if entry is not None and entry.code[:2] in ("18", "19", "20"):
                out.append(c)
    return out


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

