"""Acts aimed at the acting country itself: people, groups and places of no stated country that a
state (or an armed group of one country) acts on at home, when the sentence names no other country."""
from __future__ import annotations

from dataclasses import replace

from eventwire.extract.meta import parse_dateline
from eventwire.records import Actor

from .participants import _countries_named
from .words import _DOMESTIC_SECTORS, _STATE_SECTORS, _VICTIM_SECTORS, _named_person

# appeals to the country's own people
_CALM = {"calm", "restraint", "unity", "patience", "composure"}
# places a gazetteer may not know, struck at home by mass violence
_SETTLEMENTS = {"town", "village", "city", "district", "neighbourhood", "neighborhood", "camp", "hamlet", "suburb"}
_INQUIRIES = {"investigation", "investigate", "inquiry", "enquiry", "probe"}
_BORDERS = {"border", "frontier", "cross-border"}
# a state's envoys serve abroad: those a state expels or summons are another's
_ENVOYS = {"ambassador", "envoy", "diplomat", "consul", "attache", "attaché", "charge", "chargé", "emissary"}


def _envoys(target) -> bool:
    """Whether a target names envoys ("ten Western ambassadors"), who are never the acting state's own."""
    return any(w.lower().rstrip("s") in _ENVOYS for w in f"{target[0].name} {target[1]}".split())


def home_targets(coder, f, sent, sources, targets) -> list:
    """``targets`` with the acting country filled in where the act is done at home: a domestic group
    ("talks with the opposition"), people a state acts on ("pardoned 30 people"), the victims of mass
    violence, a curfew, censorship, a resignation or an inquiry, an appeal for calm, a protest."""
    actor = sources[0][0] if sources and sources[0] is not None else None
    if actor is None or not actor.country:
        return targets
    home = actor.country
    root = f.code[:2]
    named = []

    def alone() -> bool:  # no other country named (looked up only when a rule needs it)
        if not named:
            named.append(_countries_named(coder, sent) <= {home})
        return named[0]

    def near_border() -> bool:
        return any(w.lemma_.lower() in _BORDERS for w in sent)
    if targets:
        # "talks with the opposition", "arrested protesters": a domestic group of no stated
        # country belongs to the country acting on it
        # (activists a state detains or frees are its own: "released jailed activists")
        executes = root == "18" and any(w.lemma_.lower() in ("execute", "hang") for w in f.trigger)
        people = {"CVL", "PPL", "EDU", "MED", "LAB", "HLH"} | (
            {"NGO"} if root == "17" or f.code[:3] == "084" or executes else set())
        if root == "17" and actor.sector in _STATE_SECTORS | {"JUD"}:
            people = people | {"MIL", "REB", "UAF"}  # "foiled a coup and arrested several soldiers": its own
        # "pardoned 30 people", "freed detained students": a state acting on people of no stated
        # country acts on its own, unless the sentence names another country they may be of
        # (force is another matter: shelling near a border may strike the other side's villages)
        # (and a state executing people executes its prisoners: "executed nine activists")
        # (and police firing on students or protesters fire at home: "security forces opened fire on students")
        own = root == "17" or (root not in ("15", "18", "19", "20") or executes or actor.sector == "COP") \
            and actor.sector in _STATE_SECTORS | {"JUD"} \
            and any(not t[0].country and t[0].sector in people for t in targets) and alone()
        # but mass violence ("massacred villagers", "mass killings of Rohingya") by a country's forces or
        # fighters, with no other country named and no border in sight, is done at home
        mass = root == "20" and alone() and not near_border()
        domestic = _DOMESTIC_SECTORS | (people if own else set()) | (people | _VICTIM_SECTORS | {"REB"} if mass else set())
        if actor.sector in _STATE_SECTORS | {"JUD"} and root not in ("15", "18", "19", "20") and any(
                not t[0].country and t[0].sector in ("MIL", "COP", "GOV", "SPY") and not _envoys(t) for t in targets) \
                and alone():
            # "the president ordered the military / sacked the police chief": the state's own bodies
            domestic = domestic | {"MIL", "COP", "GOV", "SPY"}
        if actor.sector not in _STATE_SECTORS and any(
                not t[0].country and t[0].sector in ("COP", "GOV", "MIL") for t in targets) and alone():
            # "demonstrators in Caracas clashed with security forces": the police and the state
            # a local group faces are its country's; so is the army a country's rebels fight
            # ("Houthi fighters battled army units")
            domestic = domestic | {"COP", "GOV"} | ({"MIL"} if actor.sector == "REB" else set())
        return [(replace(t[0], country=home), t[1]) if not t[0].country and t[0].sector in domestic
                and (not _named_person(t[0]) or mass and t[0].role) and not _envoys(t) else t for t in targets]
    country = [(Actor(name=home, kind="country", country=home), "")]
    if root == "20" and any(w.lemma_.lower() in _SETTLEMENTS for w in f.head.subtree) and alone() and not near_border():
        return country  # "dropped chlorine gas on the town of X", a town no gazetteer knows
    inquiry = root == "09" and any(w.lemma_.lower() in _INQUIRIES for w in f.trigger)  # (not "inspected a ship")
    if (f.code[:4] in ("1721", "1723", "1724", "0831", "0811", "0812", "0813", "0814") or inquiry) and actor.sector in _STATE_SECTORS | {"JUD"} \
            and alone():
        # a curfew, a state of emergency, martial law, censorship: a state imposes (or eases) them on its own country;
        # a leader resigns, prosecutors open an inquiry, before it and into it
        return country
    if root == "02" and actor.sector in _STATE_SECTORS \
            and any(w.lemma_.lower() in _CALM for h in {f.head, f.noun} - {None} for w in h.subtree) and alone():
        return country  # "the president appealed for calm": to the country's own people
    if root == "14":
        # a protest with no stated target is aimed at the country's own government
        return [(Actor(name=f"government of {home}", kind="organisation", country=home, sector="GOV"), "")]
    return targets



# a country's opposition, parties, lawmakers and judges act at home: an arrest of them told with no
# place is their own state's (not so a journalist, an aid worker or a tourist of a stated nationality,
# whom the news names because they were held abroad)
_HELD_AT_HOME = {"OPP", "PTY", "LEG", "JUD"}


def held_where(coder, s, ctx: str, held: list) -> str | None:
    """The country where an arrest told with no agent and no known place happened ("X was detained
    at passport control on Sunday"): that of the dateline opening the sentence's paragraph, else,
    for a country's own opposition figures, parties or lawmakers (no other country
    named in the sentence), theirs."""
    text = s.sent.doc.text
    line = text.rfind("\n", 0, s.sent.start_char) + 1
    found = parse_dateline(text[line:line + 200]) if line <= s.sent.start_char else None
    if found is not None and found.place:
        place = coder._res(found.place.strip(), "GPE", ctx)
        if place is not None and place.country and not place.sector:
            return place.country
    homes = {a[0].country for a in held if a is not None and a[0].country and a[0].sector in _HELD_AT_HOME}
    if len(homes) == 1 and _countries_named(coder, s.sent) <= homes:
        return homes.pop()
    return None
