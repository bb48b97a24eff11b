"""ActorResolver: descriptors, metonyms, gazetteer, knowledge base, dictionaries."""

import pytest

from eventwire.nlp.actors import ActorResolver, search_nat, short_text_to_agent
from eventwire.nlp.kb import KnowledgeBase


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver()


@pytest.mark.parametrize("phrase, name, country, sector, role", [
    ("Russian President Vladimir Putin", "Vladimir Putin", "RUS", "GOV", "President"),
    ("U.S. national security adviser Nora Ellison", "Nora Ellison", "USA", "GOV",
     "national security adviser"),
    ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "RUS", "GOV", "Kremlin spokesman"),
    ("White House press secretary Dan Whitfield", "Dan Whitfield", "USA", "GOV",
     "White House press secretary"),
    ("U.S. Secretary of State Carla Benson", "Carla Benson", "USA", "GOV", "Secretary of State"),
    ("Kenyan Foreign Minister Amina Otieno", "Amina Otieno", "KEN", "GOV", "Foreign Minister"),
    ("Pentagon spokesman Tom Reardon", "Tom Reardon", "USA", "MIL", "Pentagon spokesman"),
    ("Kremlin critic Ivan Sokolov", "Ivan Sokolov", "RUS", "OPP", "Kremlin critic"),
])
def test_roles_from_the_text(resolver, phrase, name, country, sector, role):
    actor = resolver.resolve(phrase, label="PERSON", date="2019-03-04")
    assert (actor.name, actor.kind, actor.country, actor.sector, actor.role) == (
        name, "person", country, sector, role)
    assert actor.basis == "article" and actor.as_of == "2019-03-04"


def test_descriptors_give_country_and_sector(resolver):
    actor = resolver.resolve("Olena Hrytsenko", label="PERSON",
                             descriptors=["the Ukrainian envoy", "a veteran diplomat"])
    assert (actor.country, actor.sector, actor.role) == ("UKR", "GOV", "envoy")


def test_ambassador_belongs_to_the_sending_country(resolver):
    assert resolver.resolve("the French ambassador to Japan").country == "FRA"
    assert resolver.resolve("Brazil's envoy to the United Nations").country == "BRA"


@pytest.mark.parametrize("phrase, country, sector", [
    ("Syrian rebels", "SYR", "REB"),
    ("Iraqi police", "IRQ", "COP"),
    ("two Chilean warships", "CHL", "MIL"),
    ("a Belgian lawmaker", "BEL", "LEG"),
    ("the Peruvian Supreme Court", "PER", "JUD"),
    ("Egyptian journalists", "EGY", "MED"),
    ("Thai farmers", "THA", "AGR"),
    ("opposition leader", None, "OPP"),
    ("army general", None, "MIL"),
    ("a former Mexican senator", "MEX", "ELI"),
    ("members of the Danish parliament", "DNK", "LEG"),
    ("chairman of the central bank of Norway", "NOR", "GOV"),
    ("a spokesman for the Elysee", "FRA", "GOV"),
])
def test_common_noun_phrases(resolver, phrase, country, sector):
    actor = resolver.resolve(phrase)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize("phrase, country, sector", [
    ("the Kremlin", "RUS", "GOV"),
    ("The White House", "USA", "GOV"),
    ("Downing Street", "GBR", "GOV"),
    ("the Pentagon", "USA", "MIL"),
    ("the State Department", "USA", "GOV"),
])
def test_metonyms(resolver, phrase, country, sector):
    actor = resolver.resolve(phrase, label="ORG")
    assert (actor.country, actor.sector, actor.basis) == (country, sector, "metonym")


def test_capital_acting_in_its_sentence_is_the_government(resolver):
    sentence = "Ankara rejected the proposal on Tuesday, officials said."
    actor = resolver.resolve("Ankara", label="GPE", context=sentence)
    assert (actor.country, actor.sector, actor.basis) == ("TUR", "GOV", "metonym")
    sentence = "Talks resumed after the minister accused Ottawa of stalling."
    assert resolver.resolve("Ottawa", label="GPE", context=sentence).sector == "GOV"
    sentence = "The delegation landed in Ankara late on Monday."
    actor = resolver.resolve("Ankara", label="GPE", context=sentence)
    assert (actor.country, actor.sector, actor.kind) == ("TUR", None, "place")


def test_places_and_igos(resolver):
    assert resolver.resolve("Portugal").kind == "country"
    actor = resolver.resolve("the European Commission")
    assert (actor.country, actor.sector) == (None, "IGO")
    assert resolver.resolve("Palestinians").country == "PSE"


def test_person_without_evidence_stays_unknown(resolver):
    actor = resolver.resolve("Maria Delgado Ortiz", label="PERSON")
    assert (actor.kind, actor.country, actor.sector) == ("person", None, None)
    actor = resolver.resolve("Jordan", label="PERSON")
    assert (actor.kind, actor.country) == ("person", None)
    assert resolver.resolve("Paris Hilton").country is None


@pytest.mark.parametrize("phrase", ["Mr Lagos", "Dr. Canberra", "Mrs Wuhan Ode", "President Lyon"])
def test_place_name_after_an_honorific_or_title_is_a_person(resolver, phrase):
    actor = resolver.resolve(phrase)
    assert (actor.kind, actor.country) == ("person", None)


def test_article_country_only_for_roles(resolver):
    actor = resolver.resolve("Deputy Foreign Minister Lena Markova", label="PERSON",
                             article_country="BGR")
    assert (actor.country, actor.sector, actor.basis) == ("BGR", "GOV", "article-country")
    actor = resolver.resolve("Lena Markova", label="PERSON", article_country="BGR")
    assert actor.country is None


def test_builtin_dictionary_respects_dates(resolver):
    assert resolver.resolve("Angela Merkel", date="2010-05-01").sector == "GOV"
    assert resolver.resolve("Angela Merkel", date="2023-05-01").sector == "ELI"
    assert resolver.resolve("Merkel").country == "DEU"


def test_knowledge_base_comes_before_dictionaries():
    kb = KnowledgeBase()
    resolver = ActorResolver(kb=kb)
    first = resolver.resolve("Kremlin spokesman Dmitry Peskov", label="PERSON", date="2019-01-10")
    assert kb.learn(first, "art-1")
    later = resolver.resolve("Peskov", label="PERSON", date="2020-02-02")
    assert (later.name, later.country, later.sector) == ("Dmitry Peskov", "RUS", "GOV")
    assert later.basis == "kb:art-1"


def test_short_text_to_agent():
    actor = short_text_to_agent("American warplanes")
    assert (actor.country, actor.sector) == ("USA", "MIL")
    assert short_text_to_agent("soldiers").sector == "MIL"
    assert short_text_to_agent("a bright afternoon") is None


def test_search_nat():
    assert search_nat("two Kenyan runners") == ("KEN", "two  runners")
    assert search_nat("an Austrian skier") == ("AUT", "skier")
    assert search_nat("New Zealand") == ("NZL", "")
    assert search_nat("a local farmer") == (None, "a local farmer")


def test_resolving_again_gives_the_same_actor(resolver):
    phrases = ["Russian President Vladimir Putin", "Iraqi police", "the Kremlin",
               "Maria Delgado Ortiz", "members of the Danish parliament"]
    first = [resolver.resolve(p) for p in phrases]
    for _ in range(50):  # caches inside the resolver must not change an answer
        assert [resolver.resolve(p) for p in phrases] == first
    assert [(a.country, a.sector) if a else None for a in first][:3] == [("RUS", "GOV"), ("IRQ", "COP"), ("RUS", "GOV")]


def test_the_halves_of_korea_by_their_short_names():
    from eventwire.nlp.actors import default_resolver
    r = default_resolver()
    assert r.resolve("the North", context="Seoul said the North fired a missile.").country == "PRK"
    assert r.resolve("the South", context="Pyongyang blamed the South for the leaflets.").country == "KOR"
    north = r.resolve("the North", context="Storms hit the North of England.")
    assert north is None or north.country != "PRK"


def test_an_acronym_in_the_possessive_is_still_the_body():
    from eventwire.nlp.actors import default_resolver
    r = default_resolver()
    for text in ("the UN's envoy", "UN\u2019s aid chief"):
        a = r.resolve(text)
        assert a is not None and a.sector == "IGO" and a.country is None, text


def test_a_backer_is_no_nationality_but_a_leader_is():
    from eventwire.nlp.actors import default_resolver
    r = default_resolver()
    assert r.resolve("Iran-backed Houthi rebels").country == "YEM"
    assert r.resolve("Kremlin-backed separatists").country is None
    assert r.resolve("the Saudi-led coalition").country == "SAU"


def test_armed_men_and_wagner_fighters():
    from eventwire.nlp.actors import default_resolver
    r = default_resolver()
    assert r.resolve("armed men").sector == "UAF"
    assert r.resolve("Wagner fighters").country == "RUS"
