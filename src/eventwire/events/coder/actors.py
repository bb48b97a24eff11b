"""Actor resolution for the coder: noun phrases to Actors (article entities first, then the
resolver), pronouns and speakers, places acting as their governments."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from eventwire.events.lexicon import lexicon
from eventwire.extract.meta import parse_dateline
from eventwire.records import Actor
from .words import _TALKS, _HARDWARE, _MUNITIONS, _WIELDED, _MULTITUDES, Resolve, _DOCUMENTS, _NOMINAL, _PLURAL_PRON, _PRON, _has_country


# people who speak or act for the body named with "for"
# numbers that stand for people on their own
_COUNTED = {"dozens", "hundreds", "thousands", "scores", "tens"}
_SPEAKERS_FOR = {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "adviser", "advisor",
                 "negotiator", "official"}
# an apposition stating citizenship ("X, a French national")
_CITIZEN = {"citizen", "national", "passport-holder", "resident"}
# kin of a group: people of the group's country ("families of the hostages' country")
_KIN = {"family", "families", "relative", "relatives", "parent", "parents", "widow", "widows", "mother", "mothers"}
_PERSONAL = {"he", "she", "it", "they", "we", "him", "her", "them", "us", "its", "their", "his", "our", "itself", "themselves", "himself",
             "herself"}
# offices a story names again with "the" ("the president") once it has named their holder
_OFFICES = {"president", "premier", "chancellor", "king", "queen", "emir", "monarch"}
# what "the two ..." may name: the two parties just named
_PAIRS = {"leader", "side", "man", "woman", "president", "country", "nation", "government", "minister", "delegation",
          "neighbour", "neighbor", "rival", "foe", "ally", "state", "power", "capital", "head", "counterpart"}
# ... of which these are people, standing only for two people or bodies (not for a visit's host country)
_PEOPLE = {"leader", "man", "woman", "president", "minister", "head", "counterpart", "delegation"}
# counts that stand for people when they count nothing named ("Thousands marched")
_CROWDS = {"thousands", "hundreds", "dozens", "scores", "millions", "tens"}


# groups of people by descent or faith ("members of the X community")
_COMMUNITIES = {"community", "minority", "tribe", "clan", "sect", "group"}


# what someone holds ("assets", "accounts"): the owner is the one named with "of"
_PROPERTY = {"asset", "account", "property", "fund", "reserve", "holding", "wealth", "estate", "yacht", "share",
             "deposit", "stake"}
# nouns that count acts ("several rounds of talks in X")
_COUNTS = {"round", "series", "wave", "spate", "string", "number", "set", "day", "week", "month", "year"}
# nouns naming others by their tie to the owner ("X's allies" are not X)
_RELATIONS = {"ally", "partner", "neighbour", "neighbor", "backer", "supporter", "enemy", "foe", "rival", "adversary",
              "critic", "opponent", "friend", "creditor", "donor"}


class _Coder:
    def __init__(self, resolve: Resolve, date: str | None, future_as_intent: bool = False, typer=None):
        self.lex = lexicon()
        self.typer = typer  # types predicates the lexicon does not know (typer.py), or None
        # CAMEO practice codes "will meet" as the meeting (flagged future); PLOVER's AGREE is
        # "says it will cooperate", so the PLOVER typer codes a future act as its intent (03x)
        self.future_as_intent = future_as_intent
        self.resolve = resolve
        self.date = date
        self.cache: dict[tuple[str, str | None], Actor | None] = {}
        self.last_actor: tuple[Actor, str] | None = None
        self.last_pair: list | None = None  # the two parties of the last main event between two countries
        self._ents_doc = None
        self._ents: dict = {}
        self._text_doc, self._text = None, ""
        self._datelines: dict[tuple[int, int], int] = {}  # (doc, line start) -> end of its dateline, or -1
        self.named: dict[tuple[int, int], frozenset[str]] = {}  # countries a sentence names (participants)

    def in_dateline(self, tok) -> bool:
        """Whether ``tok`` is part of a dateline opening its line ("UNITED NATIONS, Feb 24 (Wirewatch) --"):
        where the report was filed, never a party to what it reports."""
        if self._text_doc is not tok.doc:  # (Doc.text joins every token anew on each read)
            self._text_doc, self._text = tok.doc, tok.doc.text
        text = self._text
        start = text.rfind("\n", 0, tok.idx) + 1
        key = (id(tok.doc), start)
        if key not in self._datelines:
            found = parse_dateline(text[start:start + 200])
            self._datelines[key] = start + found.end if found is not None else -1
        return tok.idx < self._datelines[key]

    def actor(self, tok, ctx: str, speaker=None) -> tuple[Actor, str] | None:
        """The actor a noun token stands for, with the words that name it."""
        if self.in_dateline(tok):
            return None
        if tok.pos_ == "PRON" or tok.lower_ in _PRON:
            if speaker:
                return speaker[0] if isinstance(speaker, list) else speaker
            # (only a personal pronoun stands for the last actor: not "those who voted", "others")
            return self.last_actor if tok.lower_ in _PERSONAL else None
        if tok.text in ("bank", "banks") and any(  # (lower case: not "the Bank of England")
                c.lower_ in ("west", "east", "north", "south", "left", "right", "eastern", "western", "river")
                or c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in ("river", "lake", "canal", "stream")
                                                                 for g in c.children) for c in tok.children):
            return None  # "the west bank of the river": a shore, no bank
        citizen = next((c for c in tok.children if c.dep_ == "appos" and c.lemma_.lower() in _CITIZEN), None)
        if citizen is not None:
            # "reporter Evan Gershkovich, a U.S. citizen": the country of the citizenship stated
            nat = next((a for m in citizen.children if m.dep_ in ("amod", "compound", "nmod")
                        and (a := self.actor_of_place(m, ctx)) is not None and a[0].country), None)
            if nat is not None:
                name = tok.doc[tok.left_edge.i:citizen.left_edge.i].text.rstrip(" ,")
                return Actor(name=name, kind="person", country=nat[0].country, sector="CVL"), name
        if tok.lower_ in _COUNTED and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            # "detained dozens", "thousands marched": people counted and not named, civilians
            return Actor(name=tok.text, kind="group", sector="CVL"), tok.text
        if tok.lemma_.lower() in _KIN and tok.pos_ == "NOUN":
            # "relatives of Israelis held hostage", "families of Thai workers": people of their country
            kin = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), None)
            sub = self.actor(kin, ctx) if kin is not None else None
            if sub is not None and sub[0].country and sub[0].kind != "person":
                span = tok.doc[tok.left_edge.i:tok.right_edge.i + 1]
                return Actor(name=span.text, kind="group", country=sub[0].country, sector="CVL"), span.text
        if tok.lemma_.lower() in ("country", "nation", "government") and (speaker or self.last_actor) and any(
                c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their", "our") for c in tok.children):
            # "his country would freeze ...": the speaker's country
            owner = speaker[0] if isinstance(speaker, list) else speaker or self.last_actor
            if owner is not None and owner[0].country:
                code = owner[0].country
                return (Actor(name=code, kind="country", country=code) if tok.lemma_.lower() != "government"
                        else Actor(name=f"government of {code}", kind="organisation", country=code, sector="GOV")), \
                    tok.doc[tok.left_edge.i:tok.i + 1].text
        if tok.lemma_.lower() in ("bloc", "alliance", "organisation", "organization", "union", "body") and speaker \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and len(list(tok.children)) == 1:
            # "the EU's foreign policy chief said the bloc would ...": the body the speaker speaks for
            owner = speaker[0] if isinstance(speaker, list) else speaker
            if owner is not None and owner[0].sector == "IGO":
                return owner[0], tok.doc[tok.left_edge.i:tok.i + 1].text
        if tok.lemma_.lower() in ("group", "movement", "militia", "party", "organisation", "organization") and speaker \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and len(list(tok.children)) == 1:
            # "a Hamas official said the group had accepted ...": the group the speaker speaks for
            owner = speaker[0] if isinstance(speaker, list) else speaker
            if owner is not None and owner[0].sector in ("REB", "UAF", "INS", "PTY", "OPP", "NGO"):
                return owner[0], tok.doc[tok.left_edge.i:tok.i + 1].text
        if tok.lemma_.lower() in _RELATIONS and any(c.dep_ == "poss" for c in tok.children):
            return None  # "Ukraine's allies", "Russia's neighbours": others than Ukraine or Russia
        if tok.lemma_.lower() in _PROPERTY:
            # "froze the U.S. assets of Bank Rossiya": what is held belongs to its owner, not to where it is
            owner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
            if owner is not None:
                return self.actor(owner, ctx, speaker)
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
            # (a meeting is not where it was held, nor a count of them: "rounds of talks in Iraq" are not
            # Iraq; but "the shootings in X" struck X's people)
            placed = tok.lemma_.lower() not in _TALKS and tok.lower_ not in _TALKS and tok.lemma_.lower() not in _COUNTS \
                and not _talks_partner(tok)
            for c in tok.children:
                # "doctors across Kenya", "judges at the International Criminal Court"
                if c.dep_ == "prep" and (c.lower_ in ("of", "from") or placed and c.lower_ in ("in", "across", "at")
                                         or c.lower_ == "for"
                                         and tok.lemma_.lower() in _SPEAKERS_FOR):  # "a spokesman for X"
                    for g in c.children:
                        if g.dep_ == "pobj":
                            sub = self.actor(g, ctx)
                            if sub is not None and _has_country(sub[0]):
                                if found is None:
                                    return sub
                                if not sub[0].country:  # a body of an international organisation
                                    return replace(found, sector="IGO"), span.text
                                return replace(found, country=sub[0].country), span.text
                if c.dep_ == "appos":
                    sub = self.actor(c, ctx)
                    if sub is not None and (found is None or sub[0].country):
                        return sub
                if c.dep_ == "poss" and c.pos_ == "PROPN" and (found is None or not found.sector):
                    # "the EU's foreign policy chief", "NATO's secretary general": the body speaks
                    sub = self.actor(c, ctx)
                    if sub is not None and _has_country(sub[0]):
                        return sub[0], span.text
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
        if (found is None or not found.country) and tok.lemma_.lower() in _HARDWARE | _MUNITIONS | {"warplane", "drone"}:
            # "shot down drones launched by the Houthis": arms stand for whoever fired them
            # (not "a ship attacked / seized by pirates": what was done to it)
            for g in (g for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in _WIELDED
                      for p in c.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"):
                if (sub := self.actor(g, ctx)) is not None:
                    return sub
        if (found is not None and not found.country and found.sector or found is None
                and tok.lemma_.lower() in _HARDWARE | {"warplane", "drone", "fighter", "bomber"}) and speaker:
            # "its forces", "their troops", "its jets" in what a state says: the speaker's
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "our", "his", "her")),
                         None)
            if owner is not None:
                first = speaker[0] if isinstance(speaker, list) else speaker
                if first is not None and first[0].country:
                    found = replace(found, country=first[0].country) if found is not None else Actor(
                        name=span.text, kind="group", country=first[0].country, sector="MIL")
        if found is not None and not found.country and found.sector != "IGO":
            linked = self.linked_country(tok, ctx)
            if linked:
                found = replace(found, country=linked)
        if (found is None or not found.country and found.sector == "GOV") and tok.tag_ == "NN" and (
                tok.lemma_.lower() in _OFFICES or tok.lemma_.lower() == "minister" and any(
                    c.dep_ == "compound" and c.lower_ == "prime" for c in tok.children)) \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                and not any(c.dep_ in ("prep", "poss", "amod") or c.dep_ == "compound" and c.lower_ != "prime"
                            for c in tok.children) \
                and self.last_actor is not None and self.last_actor[0].country \
                and self.last_actor[0].sector == "GOV" and self.last_actor[0].kind == "person":
            # "The president also said ...": the office holder the story is about, last named acting
            return self.last_actor[0], span.text
        if found is None or found.code is None:
            return None
        return found, span.text

    def linked_country(self, tok, ctx: str) -> str | None:
        """"Hackers (a group of hackers) linked / tied to Iran": the country of the state they work for."""
        for h in (tok, tok.head.head) if tok.dep_ == "pobj" and tok.head.lower_ == "of" else (tok,):
            for c in h.children:
                if c.dep_ == "acl" and c.lemma_.lower() in ("link", "tie", "affiliate", "connect"):
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ in ("to", "with"):
                            for g in p.children:
                                sub = self.actor(g, ctx) if g.dep_ == "pobj" else None
                                if sub is not None and sub[0].country:
                                    return sub[0].country
        return None

    def actor_of_place(self, tok, ctx: str) -> tuple[Actor, str] | None:
        """The actor one place word stands for, alone ("Beijing" in "the Beijing Olympics")."""
        found = self._res(tok.text, "GPE", ctx)
        return (found, tok.text) if found is not None and found.code else None

    def actors(self, tok, ctx: str, speaker=None) -> list:
        """Like ``actor``, but a noun with coordinated modifiers ("US and British activists",
        "French and German troops") stands for one actor per modifier; a count of people
        ("thousands of students") for the people counted."""
        if (tok.lemma_.lower() in _MULTITUDES or tok.pos_ == "NUM") and tok.pos_ != "PROPN":
            counted = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj"), None)
            if counted is not None and counted.pos_ != "NUM":  # (not "the Group of Seven")
                return self.actors(counted, ctx, speaker)
            if counted is None and tok.lower_ in _CROWDS and tok.dep_ in ("nsubj", "nsubjpass"):
                # "Thousands took to the streets": people
                return [(Actor(name=tok.text, kind="group", sector="CVL"), tok.text)]
        if tok.lemma_.lower() == "member" and tok.pos_ == "NOUN":
            # "members of the Masalit community": the people of a community, of no stated country
            kin = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), None)
            if kin is not None and kin.lemma_.lower() in _COMMUNITIES and self.actor(kin, ctx, speaker) is None:
                text = " ".join(w.text for w in tok.subtree)
                return [(Actor(name=text, kind="group", sector="CVL"), text)]
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
        if self.last_pair and tok.lemma_.lower() in _PAIRS and (
                tok.lemma_.lower() not in _PEOPLE or all(a[0].sector for a in self.last_pair)) and any(
                c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in tok.children):
            return list(self.last_pair)  # "the two leaders met ...": the two just named acting on each other
        if tok.pos_ == "NOUN":  # "the leaders of Chile and Peru": one actor per country named
            # ("farmers from across Spain and Portugal": through the preposition after "from")
            of = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                       for g in [*c.children, *(x for p in c.children if p.dep_ == "prep" and c.lower_ == "from"
                                                for x in p.children)] if g.dep_ == "pobj"), None)
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


def _talks_partner(tok) -> bool:
    """"talks with the opposition in Oslo": the place is where the talks are held, not where the
    partner comes from."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and (
        tok.head.head.lemma_.lower() in _TALKS or tok.head.head.lower_ in _TALKS)


def other_country_word(coder, words, ctx: str, own, codes=frozenset(), loose: bool = False):
    """The first of ``words`` that names a country (or an international body) other than those in
    ``own`` and whose actor code is not in ``codes``: a name, a nationality, a country's institution
    ("the first other country a statement's content names"); with ``loose``, any noun standing for
    one.  None when there is none."""
    for w in words:
        if w.pos_ not in ("PROPN", "NOUN", "ADJ"):
            continue
        named = w.ent_type_ in ("GPE", "NORP", "ORG") or w.pos_ == "PROPN"
        if not (loose or named or w.text[:1].isupper()):
            continue  # (a lower-case common word names no country but through ``loose``)
        a = coder.actor(w, ctx)
        if a is None or not _has_country(a[0]) or a[0].country in own or a[0].code in codes:
            continue
        if loose or named or a[0].basis == "gazetteer":
            return w
    return None
