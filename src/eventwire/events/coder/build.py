"""Events from frames: a frame with its source and target actors becomes CAMEO/PLOVER events
(symmetric meetings, victims' claims, claimed attacks), dated from the sentence's times (``dating``)."""
from __future__ import annotations

from dataclasses import replace
from eventwire.events.cameo import lookup
from eventwire.records import Actor, Event
from .actors import _Coder, _place
from .codes import intent_code, plover_of
from .clauses import _BLASTS, _toll, headline_passive, reduced_passive
from .claims import _claimed_act_target, _victims_claim
from .home import held_where, home_targets
from .codes import cyber_act
from .implied import implied_target, visit_host
from .meetings import _meeting_parties, _our_meeting
from .participants import _Sentence, _countries_named, _noun_agents, _placed
from .predicates import _Frame
from .force import (_BATTLES, _agents_of_act, _agentless_attack, _armed, _attack_clauses, _can_threaten,
                    _mass_killing, _split_attack_noun)
from .words import _LEVELS, _ARMED_SECTORS, _MULTITUDES, _PACTS, _EXERCISES, _HOLDINGS, UNRESOLVED_SOURCES, _FUTURE_ADJ, _HARDWARE, _MUNITIONS, _NOT_ACTORS, _PLACE_TARGET_ROOTS, _PRON, _SCHEDULE, _TALKS, _TOPIC_PREPS, _VICTIM_SECTORS, _has_country, _same, _sport

# what two states share between them: "X and Y reopened their embassies / restored their ties"
_BETWEEN_THEM = {"embassy", "tie", "relation", "consulate", "ambassador", "envoy", "border", "cooperation",
                 "partnership", "dialogue", "talk", "trade", "link", "contact"}


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
        if f.code[:2] in ("18", "19") and any(c.dep_ in ("dobj", "attr") and c.lemma_.lower() in _LEVELS
                                              for c in f.head.children):
            return [], None  # "trade hit a record high", "the rouble struck a new low": a level reached
    if (f.code[:2] in ("17", "18", "19", "20") or f.code.startswith("043")) and f.code[:3] not in ("173", "174"):
        if _sport(ctx):  # (an arrest is no figure of speech: "jailed for playing in a football tournament")
            return [], None  # "Argentina beat France on penalties", "openers attacked the bowling"
    speaker = _speaker(coder, s, f, ctx)
    between = False  # the parties were named "between X and Y": each one counts, with a country or not
    if f.nominal:
        sources = [a for tok in _noun_agents(f.head, f.trigger) if (a := coder.actor(tok, ctx)) is not None]
        if f.code[:2] == "04" and (pair := _our_meeting(coder, s, f, ctx)):
            sources, between, f.symmetric = pair, True, True
        elif not sources and f.code[:2] in ("03", "04", "05", "06", "19"):
            # "talks / a meeting / fighting / clashes between X and Y"
            sources, symmetric = _meeting_parties(coder, s, f, ctx, speaker)
            f.symmetric = f.symmetric or symmetric
            between = symmetric
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
        # (an act named as the subject speaks through its agents, not its place: "a suicide bombing at a
        # market in Mogadishu killed 20" has no known author, "a Russian missile strike" has)
        sources = [a for tok in s.subjects(f.source_head if f.source_head is not None else f.head)
                   for a in (_agents_of_act(coder, tok, ctx, speaker) if tok.pos_ == "NOUN" and s.noun_code(tok) is not None
                             else coder.actors(tok, ctx, speaker))]
        if not sources and f.noun is not None and (f.noun.dep_ == "nsubjpass" or f.noun.dep_ == "nsubj"
                                                   and s.vlemma(f.head) in ("target", "hit", "affect", "cover")) \
                and not any(c.dep_ == "agent" for c in f.head.children) and s.noun_code(f.noun) is not None:
            # "the expulsion of X by Y was announced": the act's noun names its agent (not so the
            # entry's own object: "two Lithuanian diplomats were expelled" by no Lithuanian)
            sources = [a for tok in _noun_agents(f.noun, f.trigger) if (a := coder.actor(tok, ctx)) is not None]
    suffered = headline_passive(f.head) if not f.nominal else []  # (read once: asked twice below)
    if sources and suffered:
        sources = []  # "Four soldiers killed in ambush": the soldiers suffered it
    if not sources and speaker and f.head.dep_ == "conj" and any(
            coder.lex.role(r, s.vlemma(f.head)) for r in ("request", "demand", "threaten")):
        # "X said the sides disagreed and called on Y to ...": the appeal is the speaker's
        sources = list(speaker) if isinstance(speaker, list) else [speaker]
    if len(sources) > 1 and not between and any(_has_country(a[0]) for a in sources if a is not None):
        # "U.S. and British warplanes and warships": the countries, not a bare "warships"
        sources = [a for a in sources if a is not None and _has_country(a[0])]
    if not sources and f.code[:2] == "14" and not f.nominal:
        # "tens of thousands rallied in Belgrade": a crowd counted but not named is the place's people
        crowd = [w for w in s.subjects(f.head) if (w.lemma_.lower() in _MULTITUDES or w.pos_ == "NUM")
                 and not any(c.dep_ == "prep" and c.lower_ == "of" for c in w.children)]
        home = next((a[0] for p in s.places(f.head) if (a := coder.actor(p, ctx)) is not None
                     and a[0].country and not a[0].sector), None) if crowd else None
        if home is not None:
            sources = [(Actor(name=crowd[0].doc[crowd[0].left_edge.i:crowd[0].i + 1].text, kind="group",
                              country=home.country, sector="CVL"), crowd[0].text)]
    if not sources and f.code[:2] in ("18", "19", "20") and _agentless_attack(s, f):
        sources = [None]  # "a bomb attack in Kabul killed seven", "died in an air raid on X": no one named
    unresolved = False
    if not sources and UNRESOLVED_SOURCES and not suffered:
        # a subject no dictionary knows ("a group of refugees"): kept, uncoded, when a target is known
        subj = s.subjects(f.source_head if f.source_head is not None else f.head) if not f.nominal else []
        if subj and subj[0].pos_ in ("NOUN", "PROPN"):
            unresolved = True
            sources = [(Actor(name=subj[0].doc[subj[0].left_edge.i:subj[0].i + 1].text, kind="group"),
                        subj[0].text)]
    groups = f.groups or ([list(f.targets)] if f.targets else s.target_groups(f))
    if not sources and not f.nominal:
        # an agentless passive ("three civilians were killed"): no source, the sufferer is the target
        passive = [c for c in f.head.children if c.dep_ == "nsubjpass"] or reduced_passive(f.head)
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
            if sources == [None] and f.code[:2] in ("18", "19", "20"):
                # "... were killed when X shelled / bombed Y": the attack the clause tells of is the
                # killing's means, and its author the killer
                for c in _attack_clauses(s, f.head):
                    authors = [a for w in s.subjects(c) for a in coder.actors(w, ctx, speaker) if _has_country(a[0])]
                    if authors:
                        sources = authors
                        entry, _ = s.verb_entry(c)
                        if f.code.rstrip("0") in ("18", "1") and entry is not None and entry.code[:2] == "19":
                            f.code = entry.code  # "were killed when X shelled Y": a killing by military force
                        break
            if sources == [None] and f.code[:2] in ("17", "16") and f.code[:3] not in ("160", "161", "162"):
                # "two Chinese nationals were arrested in Poland": the state where it happened acts; "two
                # diplomats were expelled / deported from X": the state they are sent out of
                out_of = [g for c in f.head.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                          if g.dep_ == "pobj"] if f.code[:3] in ("166", "174") else []
                state = next((a[0].country for p in out_of or s.places(f.head) if (a := coder.actor(p, ctx)) is not None
                              and a[0].country and not a[0].sector), None)
                if state is None and f.code[:3] == "173":
                    # "X was detained at passport control": the dateline's country, else a domestic figure's own
                    state = held_where(coder, s, ctx, coder.actors(passive[0], ctx, speaker))
                if state is not None:
                    sources = [(Actor(name=f"authorities of {state}", kind="organisation",
                                      country=state, sector="GOV"), "")]
                    groups = [s.expand(passive[0])] if out_of else groups
            if sources == [None] and s.vlemma(f.head) == "summon":
                # "the Dutch envoy was summoned to the foreign ministry in Ankara": the ministry summons him
                host = [a for c in f.head.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                        if g.dep_ == "pobj" and (a := coder.actor(g, ctx)) is not None and a[0].country]
                if host:
                    sources, groups = host[:1], [s.expand(passive[0])]
    if not sources:
        return [], None
    # the first group of target words that names an actor (the object, else the first
    # prepositional object that resolves); its coordinated members count as one each
    targets = []
    topic = False  # the targets name what the act is about ("a summit on Iran"), not a party to it
    partner = False  # the targets are named with "with" ("drills with Y")
    src_codes = {a[0].code for a in sources if a is not None and a[0].code}
    for group in groups:
        found = []
        if f.code[:2] == "15" and group[0].dep_ == "pobj" and group[0].head.lower_ in ("off", "near", "around", "along") \
                and any(c.dep_ == "poss" and c.lower_ in _PRON for c in group[0].children):
            continue  # "fired a missile off its coast, Y said": its own coast, not the speaker's
        for tok in group:
            if tok.lemma_.lower() in _PACTS and _signed_in(coder, tok, ctx):
                continue
            act = tok.pos_ == "NOUN" and (s.noun_code(tok) or tok.lemma_.lower() in _MUNITIONS
                                          or tok.lemma_.lower() in _HARDWARE)
            # an act or a weapon ("military assistance") is no actor; its owner or place may be
            # ("China's assistance", "the shootings in South Carolina")
            # ("fighters" are jets or armed men: armed men when the resolver knows them as a group)
            found.extend(a for a in coder.actors(tok, ctx, speaker) if a[0].code not in src_codes
                         and not (act and not _has_country(a[0])
                                  and not (a[0].kind == "group" and a[0].sector in _ARMED_SECTORS)))
        if found and not any(_has_country(a[0]) for a in found) and any(
                c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in group[0].children):
            found = []  # "recalled its ambassador": the actor's own, no party to the act
        if found and f.code.startswith("161") and not any(_has_country(a[0]) for a in found):
            found = []  # "Moscow recalled Ambassador X": likewise, named by title
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
            # "drills with Y", not "drills near the border with Y"
            partner = prep == "with" and group[0].head.head.i in {f.head.i, getattr(f.noun, "i", -1)}
            break
    if f.code == "112" and f.lifted and sources and sources[0] is not None and not targets and f.victims:
        # "X claimed that they (X) had attacked Y": no accusation but X claiming the act (015)
        accused = [a for tok in f.targets for a in coder.actors(tok, ctx, speaker)]
        if accused and all(a[0].code in src_codes for a in accused):
            f.code = "015"
            targets = [a for tok in f.victims for a in coder.actors(tok, ctx, speaker)
                       if a[0].code not in src_codes][:1]
    if f.code[:3] == "150" and any(w.lemma_.lower() in _EXERCISES for w in f.trigger) and (
            partner and any(_has_country(t[0]) for t in targets)
            or len({a[0].country for a in sources if a is not None and a[0].country}) > 1):
        # exercises held by two countries, or by one with another, are military cooperation
        # (CAMEO 062 names joint exercises), not a show of force
        f.code, f.symmetric = "062", True
    if f.code[:3] in ("015", "016") and not targets and not f.nominal:
        # "claimed responsibility for an attack on a mall in Kenya's capital": the act's victim
        targets = _claimed_act_target(coder, f, ctx, src_codes)
    where = None
    places = s.places(f.head) + (s.places(f.noun) if f.noun is not None and not _same(f.noun, f.head) else [])
    if f.code[:3] == "138":  # "threatened to launch an offensive in X": the place of the act threatened
        places += [p for w in f.trigger if w.pos_ == "VERB" and not _same(w, f.head) for p in s.places(w)]
    # (aid and investment to come go where they are meant for: "will invest in a plant in X")
    # a meeting's place is where it was held ("EU leaders met in Brussels", "the two sides held talks
    # in Iraq"), no party to it, unless one named party came to it ("the US envoy held talks in Kabul")
    place_roots = (f.code[:2] in _PLACE_TARGET_ROOTS or f.code[:3] in ("033", "061", "138") or f.code[:4] == "0311") \
        and not (f.code[:2] == "04" and f.code[:3] not in ("042", "043", "044") and not _met_abroad(s, f, sources))
    if not targets and place_roots and not (f.symmetric and len(sources) > 1):
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
            if (not targets and place_roots or host) and not (f.symmetric and len(sources) > 1):
                a = coder.actor(p, ctx)
                if (a is None or not a[0].country) and p.dep_ == "compound":  # inside a name ("the Beijing Olympics")
                    a = coder.actor_of_place(p, ctx)
                if a is not None and a[0].country and a[0].code not in src_codes:
                    targets = [a]
            break
    if not targets and place_roots and not (f.symmetric and len(sources) > 1):
        # "stormed a hotel in the Somali capital": a place no gazetteer names, in a country named
        targets = next(([a] for p in places if (a := coder.actor(p, ctx)) is not None and a[0].country
                        and not a[0].sector and a[0].code not in src_codes), [])
    if f.code[:2] in ("17", "18", "19", "20") and targets and not any(t[0].country for t in targets):
        # "killed 40 people at a mosque in Peshawar": victims of no stated nationality, where it happened
        # (not "near the Afghan border": a border names the country across it as well)
        # ("a bomb exploded in X, killing eight": the blast's place is the killing's)
        where_hit = s.places(f.head) + (s.places(f.head.head) if _toll(f.head) else [])
        if f.code[:3] in ("171", "192") and not f.nominal:  # "retook the city of X from rebels": X
            where_hit += [c for c in f.head.children if c.dep_ == "dobj"]
        if not f.nominal:  # ("a bomb attack on a bus in Kabul killed seven": the attack's place)
            where_hit += [p for w in s.subjects(f.head)[:1] if w.pos_ == "NOUN"
                          and (s.noun_code(w) is not None or w.lemma_.lower() in _BLASTS) for p in s.places(w)]
        home = next((a for p in where_hit if p.lemma_.lower() not in ("border", "frontier", "boundary")
                     and (a := coder.actor(p, ctx)) is not None and a[0].country and not a[0].sector), None)
        if home is None and not f.nominal:
            # ("30 people were killed when strikes hit a school sheltering families in Gaza": deeper down)
            src_c = {a[0].country for a in sources if a is not None}
            home = next((a for w in f.head.subtree if w.dep_ == "pobj" and w.head.lower_ in ("in", "at", "inside")
                         and (a := coder.actor(w, ctx)) is not None and a[0].country and not a[0].sector
                         and a[0].country not in src_c), None)
        if home is None and all(a is None or not a[0].country for a in sources) \
                and len(named := _countries_named(coder, sent)) == 1:
            home = (Actor(name=next(iter(named)), kind="country", country=next(iter(named))), "")  # the one named
        if home is not None:
            # (armed groups and gangs of no stated nationality too, fought by their own state at home:
            # "Pakistani forces killed 12 militants in a raid in X", X in Pakistan; fighters struck abroad
            # say nothing of where they come from)
            at_home = home[0].country in {a[0].country for a in sources if a is not None}
            targets = [(replace(t[0], country=home[0].country), t[1]) if t[0].sector in _VICTIM_SECTORS
                       or at_home and t[0].sector in ("REB", "CRM", "UAF")
                       or t[1].rsplit(" ", 1)[-1].lower() in _HOLDINGS else t for t in targets]
    if f.code[:2] == "18" and _mass_killing(s, f, sources, targets):
        f.code = "202"  # "killed hundreds of civilians", "executed more than 300 villagers": a mass killing
    if f.code == "130" and s.vlemma(f.head) == "warn" and sources and not any(
            a is not None and _can_threaten(a[0]) for a in sources):
        f.code = "012"  # "analysts / doctors warned of consequences": a warning by no one who could inflict them
    if not targets or (f.code[:2] == "13" or f.code[:3] == "086") and not any(t[0].country for t in targets):
        # (a threat's or an access's only target a thing of no country: "respond with firm countermeasures",
        # "allowed fuel to enter X": its condition, the place entered)
        targets = implied_target(coder, s, f, ctx, sources, speaker) or targets
    if targets and f.code[:2] in ("03", "04", "05", "06", "07", "08") and not any(t[0].country for t in targets) \
            and (host := visit_host(coder, f, ctx, sources)) is not None:
        # "held talks with President X during a visit to Y": the one met there is Y's
        targets = [(replace(t[0], country=host[0].country), t[1]) if t[0].kind == "person" or t[0].sector else t
                   for t in targets]
    sources, targets = _placed(coder, s, f, ctx, sources, targets)
    if f.code[:4] == "1721":
        # "blocked access to Instagram": a platform is the means, the people of the country the target
        targets = [t for t in targets if t[0].sector != "BUS"]
    several = len({a[0].country for a in sources if a is not None and a[0].country}) > 1
    # ("X and Y reopened their embassies / restored their ties": what is theirs names no party)
    theirs = several and f.code[:2] in ("03", "04", "05", "06") and any(
        g[0].lemma_.lower() in _BETWEEN_THEM and c.dep_ == "poss" and c.lower_ == "their"
        for g in groups[:1] for c in g[0].children)
    if theirs:
        targets = []
    if not targets and not f.symmetric and several and (f.code[:2] in ("03", "04", "06") or f.code.startswith("057")
                                                        or theirs) \
            and (not f.nominal or f.code.startswith("057")):
        # "X and Y vowed to deepen cooperation", "X and Y signed a pact": each toward the other (but "X and
        # Y praised the deal" praise the deal, not each other; "the deal, signed by X and Y": each with the other)
        f.symmetric = True
    if f.code.startswith("144") and sources and all(a is not None and a[0].sector in ("MIL", "COP") for a in sources):
        f.code = "191"  # a state's ships, troops or police blocking a passage restrict movement; others protest
    if f.code == "192" and not f.nominal and any(
            g.lemma_.lower() in _BATTLES for c in f.head.children if c.dep_ in ("prep", "advcl")
            and c.lower_ in ("after", "in", "during", "following", "amid") for g in c.subtree):
        f.code = "190"  # "recaptured a town following days of fighting": taken by fighting, not occupied unopposed
    if len({a[0].code for a in sources if a is not None and a[0].country}) > 1 and any(
            w.lower_ in ("other", "another") and w.i > 0 and w.doc[w.i - 1].lower_ in ("each", "one")
            for w in f.head.subtree):
        # "X and Y expelled each other's diplomats": each did it to the other (two parties of one country
        # too: "the army and the RSF accused each other")
        targets, f.symmetric = [], True
    targets = home_targets(coder, f, sent, sources, targets)
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
    if f.code == "180" and sources and all(a is not None and a[0].sector in ("COP", "JUD", "SPY") for a in sources) \
            and any(w.lemma_.lower() == "raid" for w in f.trigger):
        f.code = "170"  # police or prosecutors raiding a home or an office coerce; they assault no one
    if f.code == "145" and pairs and all(a is not None and b is not None and _armed(a[0]) and _armed(b[0])
                                         for a, b in pairs):
        f.code = "190"  # armed men on both sides of a clash fight; protesters and police riot (145)
    if f.code == "180" and pairs and all(b is not None and b[0].sector == "MIL" and b[0].kind != "person"
                                         and (a is None or _armed(a[0])) for a, b in pairs) \
            and any(w.lemma_.lower() in ("kill", "wound") for w in f.trigger):
        # soldiers killed or wounded by forces or by no one named: a fight (war), not an assault; a
        # named commander killed stays an assault (an assassination)
        f.code = "190"
    cyber = f.code[:2] in ("17", "18", "19") and cyber_act(f)
    if cyber:
        f.code = "170"  # an attack on computers forces without violence: PLOVER's COERCE, mode cyber
    info = lookup(f.code)
    plover, mode = plover_of(f.code, future=f.future, negated=f.negated)
    mode = "cyber" if cyber and plover == "COERCE" else mode
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
        if f.typed:  # typed by its nearest lexicon entry, not by the lexicon itself
            conf -= 0.2
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


def _met_abroad(s: "_Sentence", f: _Frame, sources) -> bool:
    """One party of a country, named as one ("the US envoy", not "EU leaders" or "the two sides"),
    meeting somewhere: the place may name whom it met."""
    if len(sources) != 1 or sources[0] is None or not sources[0][0].country:
        return False
    return not any(w.tag_ in ("NNS", "NNPS") for w in (s.subjects(f.head) if not f.nominal else []))


def _signed_in(coder: "_Coder", pact, ctx: str) -> bool:
    """An agreement named after a city, where it was signed ("the Paris climate agreement", "the
    Minsk accords"), not after a party ("the Iran nuclear deal")."""
    named = [a[0] for c in pact.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"
             and (a := coder.actor(c, ctx)) is not None]
    return bool(named) and all(a.kind == "place" for a in named)
