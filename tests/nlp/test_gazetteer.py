"""Gazetteer: country names, aliases, demonyms, capitals, regions, IGOs."""

import pytest

from eventwire.nlp import gazetteer as gz


@pytest.mark.parametrize("text, iso3", [
    ("the United Kingdom", "GBR"),
    ("Great Britain", "GBR"),
    ("Britain", "GBR"),
    ("the United States", "USA"),
    ("America", "USA"),
    ("Burma", "MMR"),
    ("Ivory Coast", "CIV"),
    ("Holland", "NLD"),
    ("South Korea", "KOR"),
    ("North Korea", "PRK"),
    ("Republic of China", "TWN"),
    ("People's Republic of China", "CHN"),
    ("Kosovo", "XKX"),
    ("Russian Federation", "RUS"),
])
def test_country_names(text, iso3):
    actor = gz.lookup_place(text)
    assert actor is not None and actor.country == iso3 and actor.kind == "country"


@pytest.mark.parametrize("text, iso3, kind", [
    ("Crimea", "UKR", "place"),
    ("the Gaza Strip", "PSE", "place"),
    ("Golan Heights", "SYR", "place"),
    ("Chechnya", "RUS", "place"),
    ("Nairobi", "KEN", "place"),
    ("LAGOS", "NGA", "place"),
    ("Emiratis", "ARE", "group"),
    ("Filipinos", "PHL", "group"),
])
def test_regions_cities_demonyms(text, iso3, kind):
    actor = gz.lookup_place(text)
    assert actor is not None and (actor.country, actor.kind) == (iso3, kind)


def test_seas_have_no_country():
    actor = gz.lookup_place("the South China Sea")
    assert actor is not None and actor.kind == "place" and actor.country is None


def test_capital_wins_ambiguity():
    assert gz.lookup_place("Tripoli").country == "LBY"


@pytest.mark.parametrize("text, family", [
    ("NATO", "NAT"), ("the U.N.", "UNO"), ("Security Council", "UNO"),
    ("European Union", "EUR"), ("African Union", "AFR"), ("OPEC", "IGO"), ("G-20", "IGO"),
    ("International Atomic Energy Agency", "UNO"), ("World Food Programme", "UNO"),
])
def test_igos(text, family):
    actor = gz.lookup_place(text)
    assert actor is not None and actor.sector == "IGO" and actor.country is None
    assert gz.igo_family(text) == family


@pytest.mark.parametrize("text, expected", [
    ("three Emirati diplomats", ("ARE", "Emirati")),
    ("a Turkish frigate", ("TUR", "Turkish")),
    ("two US warships", ("USA", "US")),
    ("a U.S. envoy", ("USA", "U.S.")),
    ("Germany's finance ministry", ("DEU", "Germany's")),
    ("a hospital in Aleppo", ("SYR", "Aleppo")),
])
def test_country_in(text, expected):
    assert gz.country_in(text) == expected


@pytest.mark.parametrize("text", ["let us go", "who knows", "Roast turkey with gravy",
                                  "Nice weather", "an expert panel"])
def test_country_in_ignores_common_words(text):
    assert gz.country_in(text) is None


def test_misspelt_country_names():
    assert gz.gazetteer().near("Venezula").country == "VEN"
    assert gz.gazetteer().near("Ukranian").country == "UKR"
    assert gz.gazetteer().near("Germany") is None  # spelt right: not a slip


def test_built_once_and_shared():
    first = gz.gazetteer()
    assert gz.gazetteer() is first  # one build per process, whatever the number of lookups
    assert first.near("Venezula") is first.near("Venezula")


def test_a_lower_case_everyday_word_names_no_town():
    # "the sale of jets", "national unity": everyday words, though towns bear the names
    assert gz.lookup_place("sale") is None and gz.lookup_place("the sale") is None
    assert gz.lookup_place("Salé") is not None and gz.lookup_place("Salé").country == "MAR"
    assert gz.lookup_place("lima").country == "PER"  # a capital typed in lower case is still one
