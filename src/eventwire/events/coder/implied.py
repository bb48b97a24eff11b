"""Implied targets: whom an act is aimed at when no slot of the verb names it (a stage of
``build``): the matter an investigation looks into, the one whose act a complaint answers, what a
threat's infinitive, content or condition names."""
from __future__ import annotations

from .actors import other_country_word


def implied_target(coder, s, f, ctx: str, sources: list, speaker) -> list:
    """The target an act with no target slot implies ([] when none): tried rule by rule."""
    src_codes = {a[0].code for a in sources if a is not None and a[0].code}
    targets: list = []
    if not targets and f.code[:2] == "09":
        # "an investigation into steel imported from India / into Iran's crackdown / into whether
        # agents of Russian intelligence ...": the first country the matter investigated names
        matter = [g for h in (f.head, f.noun) if h is not None for c in h.children
                  if c.dep_ == "prep" and c.lower_ in ("into", "of", "against") and not (c.lower_ == "of" and h is f.head)
                  for g in c.subtree if g.dep_ != "prep"]
        targets = next(([a] for g in matter if g.pos_ in ("PROPN", "NOUN", "ADJ")
                        and (a := coder.actor(g, ctx)) is not None and a[0].country
                        and a[0].code not in src_codes and a[0].country not in
                        {x[0].country for x in sources if x is not None}), [])
    if not targets and f.code[:2] in ("11", "15", "16") and not f.nominal:
        # "lodged a protest / recalled its envoy / scrambled jets after a Chinese aircraft entered its
        # airspace": the one whose act is answered
        # (or on a verb coordinated with it: "raised its alert level and stepped up patrols after ...")
        verbs = [f.head] + [c for c in f.head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        cause = [c for v in verbs for c in v.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("after", "because", "when") for m in c.children)]
        src_countries = {a[0].country for a in sources if a is not None and a[0].country}
        targets = next(([a] for c in cause for w in s.subjects(c) if w.pos_ != "PRON"
                        for a in coder.actors(w, ctx, speaker) if a[0].country
                        and a[0].country not in src_countries), [])
    if not targets and f.code[:2] in ("11", "13", "15", "16", "17") and not f.nominal:
        # "announced export controls in a move seen as retaliation against U.S. curbs", "expelled two
        # diplomats in response to X's move": the one answered
        answers = [g for w in f.head.subtree if w.lemma_.lower() in _ANSWERS or w.lower_ == "response" and any(
                   c.lower_ == "in" for c in [w.head]) for c in w.children if c.dep_ == "prep"
                   and c.lower_ in ("against", "for", "to") for g in c.subtree]
        targets = _named(coder, answers, ctx, sources, src_codes)
    if not targets and f.code[:3] == "087" and not f.nominal:
        # "withdrew from the river's west bank, abandoning the city of X": the place given up
        left = [w for v in [f.head, f.head.head] for c in v.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                and c.lemma_.lower() in ("abandon", "leave", "evacuate", "vacate", "cede", "quit")
                for o in c.children if o.dep_ == "dobj" for w in o.subtree]
        targets = _named(coder, left, ctx, sources, src_codes)
    if not targets and f.code[:3] == "086":
        # "allowed fuel to enter Gaza", "let aid convoys into X": the place the relief goes into
        goes = [c for h in [f.head, *(o for o in f.head.children if o.dep_ == "dobj")] for c in h.children
                if c.dep_ in ("acl", "xcomp", "ccomp")]
        places = [w for v in goes for c in v.children if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("into", "to")
                  for w in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])]
        places += [g for h in [f.head, *(o for o in f.head.children if o.dep_ == "dobj")] for c in h.children
                   if c.dep_ == "prep" and c.lower_ == "into" for g in c.children if g.dep_ == "pobj"]
        targets = [a for w in places for a in coder.actors(w, ctx, speaker) if a[0].country
                   and a[0].code not in src_codes][:1]
    if not targets and f.code[:2] in ("01", "11", "12"):
        # "expressed concern over Tokyo's plan", "angered by Seoul's decision": the owner of what is judged
        heads = [f.head] + [c for c in f.head.children if c.dep_ == "dobj"]
        judged = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("over", "about", "at", "by")
                  for g in c.children if g.dep_ == "pobj"]
        targets = [a for g in judged for p in g.children if p.dep_ == "poss" and p.pos_ == "PROPN"
                   for a in coder.actors(p, ctx, speaker) if a[0].country and a[0].code not in src_codes][:1]
    if not targets and f.code[:2] == "11" and not f.nominal:
        # "filed a case at the court accusing X of ...": the one the participle accuses
        told = [c for c in f.head.children if c.dep_ in ("advcl", "xcomp", "acl") and c.tag_ == "VBG"]
        nouns = [o for o in f.head.children if o.dep_ == "dobj"]
        nouns += [g for p in f.head.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        told += [c for o in nouns for c in o.children if c.dep_ == "acl" and c.tag_ == "VBG"]
        targets = [a for v in told if any(e.code[:2] == "11" for e in coder.lex.verbs.get(v.lemma_.lower(), ()))
                   for c in v.children if c.dep_ == "dobj" for w in s.expand(c)
                   for a in coder.actors(w, ctx, speaker) if a[0].country and a[0].code not in src_codes][:1]
    if not targets and f.code[:2] == "11" and (f.nominal or f.noun is not None):
        # "accusations that Moscow was meddling ...": the one the accusation's content is about
        content = [c for h in {f.head, f.noun} - {None} for c in h.children if c.dep_ in ("acl", "ccomp") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        targets = [a for c in content for w in s.subjects(c) if w.pos_ != "PRON"
                   for a in coder.actors(w, ctx, speaker) if a[0].country and a[0].code not in src_codes][:1]
    if not targets and f.code[:2] == "13" and not f.nominal:
        # "threatened to annihilate Y" (an act the lexicon does not code): its object
        acts = [c for c in f.head.children if c.dep_ == "xcomp"]
        targets = [a for v in acts for c in v.children if c.dep_ in ("dobj", "dative")
                   for w in s.expand(c) for a in coder.actors(w, ctx, speaker)
                   if a[0].country and a[0].code not in src_codes][:1]
    if not targets and f.code[:2] == "13" and not f.nominal:
        # "X warned that those pursuing Y's independence would be crushed": the first country
        # the warning's content names
        content = [w for c in f.head.children if c.dep_ == "ccomp" for w in c.subtree]
        targets = _named(coder, content, ctx, sources, src_codes)
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
    if not targets and f.code[:2] in ("18", "19", "20") and not f.nominal:
        # "launched rockets at a base hosting / housing U.S. troops": the ones the place holds
        hit = [o for o in f.head.children if o.dep_ == "dobj"]
        hit += [g for h in [f.head, *hit] for c in h.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against")
                for g in c.children if g.dep_ == "pobj"]
        held = [w for g in hit for c in g.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("host", "house")
                for o in c.children if o.dep_ == "dobj" for w in s.expand(o)]
        targets = next(([a] for w in held for a in coder.actors(w, ctx, speaker) if a[0].country
                        and a[0].code not in src_codes), [])
    if not targets and f.code[:2] in ("03", "05", "06", "07", "08") and not f.nominal:
        # "during a visit to Kigali, X apologised / pledged loans": an act of the visit is aimed at its host
        targets = [host] if (host := visit_host(coder, f, ctx, sources)) is not None else []
    if not targets and f.code[:2] in ("01", "12") and not f.nominal:
        # "denied that the country had any role in a campaign against U.S. infrastructure", "weighing steps to
        # cut its dependence on China", "would not accept migrants under the EU's scheme": a comment or a
        # refusal with no one addressed is aimed at the first other country its content names
        content = [w for c in f.head.children if c.dep_ in ("ccomp", "xcomp", "dobj") or c.dep_ == "advcl" and any(
            m.dep_ == "aux" and m.lower_ == "to" for m in c.children) for w in c.subtree]  # ("steps to reduce ...")
        targets = _named(coder, content, ctx, sources, src_codes)
    if not targets and f.code[:2] == "15" and not f.nominal:
        # "called up reservists as it prepared for a ground offensive in X", "massed troops ahead of an
        # assault on X": a show of force is aimed at the one the offensive it readies names
        # (or on the verb reporting it: "X called up reservists, the army said, as it prepared for ...")
        holders = [f.head] + ([f.head.head] if f.head.dep_ == "ccomp" else [])
        about = [c for h in holders for c in h.children
                 if c.dep_ in ("advcl", "prep") and c.lower_ not in ("near", "along", "at") and c.i != f.head.i
                 or c.dep_ == "advmod" and c.lower_ in ("ahead", "before")]
        aims = [w for c in about for n in c.subtree if n.lemma_.lower() in _OFFENSIVES
                for p in n.children if p.dep_ == "prep" and p.lower_ in ("in", "on", "into", "against")
                for w in p.subtree if w.pos_ in ("PROPN", "NOUN", "ADJ")]
        own = {x[0].country for x in sources if x is not None and x[0].country}
        targets = next(([a] for w in aims if (a := coder.actor(w, ctx)) is not None and a[0].country
                        and a[0].code not in src_codes and a[0].country not in own), [])
    return targets


_ANSWERS = {"retaliation", "reprisal", "riposte", "countermeasure", "retribution"}
_OFFENSIVES = {"offensive", "counteroffensive", "counter-offensive", "invasion", "attack", "assault", "incursion", "operation", "war", "strike", "push"}


def visit_host(coder, f, ctx: str, sources: list):
    """The country a visit the act happened during went to ("during a visit to Kigali"), else None."""
    if f.nominal:
        return None
    trips = [g for c in f.head.children if c.dep_ == "prep" and c.lower_ in ("during", "on", "in")
             for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in ("visit", "trip", "tour", "stop")]
    hosts = [w for g in trips for c in g.children if c.dep_ == "prep" and c.lower_ in ("to", "in")
             for w in c.subtree if w.pos_ in ("PROPN", "NOUN", "ADJ")]
    src_codes = {a[0].code for a in sources if a is not None and a[0].code}
    own = {x[0].country for x in sources if x is not None and x[0].country}
    return next((a for w in hosts if (a := coder.actor(w, ctx)) is not None and a[0].country
                 and a[0].code not in src_codes and a[0].country not in own), None)


def _named(coder, words, ctx: str, sources: list, src_codes) -> list:
    """[the actor of the first other country ``words`` name], or []."""
    own = {x[0].country for x in sources if x is not None and x[0].country}
    w = other_country_word(coder, words, ctx, own, src_codes)
    return [coder.actor(w, ctx)] if w is not None else []
