"""KnowledgeBase: learning people from articles, with dates and provenance."""
from eventwire.nlp.kb import KnowledgeBase
from eventwire.records import Actor


def person(name, country, sector="GOV", role=None, as_of=None, basis="article"):
    return Actor(name, "person", country, sector, role, as_of, basis)


def test_full_name_and_unique_surname():
    kb = KnowledgeBase()
    assert kb.learn(person("Dmitry Peskov", "RUS", role="Kremlin spokesman", as_of="2019-05-01"), "a1")
    found = kb.lookup("Peskov")
    assert (found.name, found.country, found.sector, found.role) == (
        "Dmitry Peskov", "RUS", "GOV", "Kremlin spokesman")
    assert found.basis == "kb:a1"
    assert kb.lookup("Dmitri Peskov").country == "RUS"  # transliteration variant
    assert kb.lookup("Dmitry S. Peskov").country == "RUS"  # middle initial differs


def test_only_article_evidence_is_learned():
    kb = KnowledgeBase()
    assert not kb.learn(person("Ana Ruiz", "ESP", basis="dictionary:x"), "a1")
    assert not kb.learn(person("Ana Ruiz", None), "a1")
    assert not kb.learn(Actor("Spain", "country", "ESP", basis="article"), "a1")
    assert not kb.learn(person("Ruiz", "ESP"), "a1")  # a surname alone says too little
    assert len(kb) == 0 and kb.lookup("Ruiz") is None


def test_ambiguous_surname_gives_nothing():
    kb = KnowledgeBase()
    kb.learn(person("Paul Okoro", "NGA"), "a1")
    kb.learn(person("Grace Okoro", "GHA"), "a2")
    assert kb.lookup("Okoro") is None
    assert kb.lookup("Grace Okoro").country == "GHA"


def test_word_subset_names_are_one_person():
    kb = KnowledgeBase()
    kb.learn(person("Jorge Luis Pena", "CHL"), "a1")
    kb.learn(person("Jorge Pena", "CHL"), "a2")
    assert kb.lookup("Pena").country == "CHL"


def test_nearest_role_in_time():
    kb = KnowledgeBase()
    kb.learn(person("Lena Berg", "SWE", "LEG", "lawmaker", "2012-03-01"), "old")
    kb.learn(person("Lena Berg", "SWE", "GOV", "foreign minister", "2021-09-01"), "new")
    assert kb.lookup("Lena Berg", "2013-01-01").role == "lawmaker"
    assert kb.lookup("Lena Berg", "2022").basis == "kb:new"
    assert kb.lookup("Berg").role == "foreign minister"  # no date: the latest


def test_rows_round_trip():
    kb = KnowledgeBase()
    kb.learn(person("Lena Berg", "SWE", "GOV", "foreign minister", "2021-09-01"), "a9")
    again = KnowledgeBase.from_rows(kb.to_rows())
    assert again.to_rows() == kb.to_rows()
    assert again.lookup("Berg").basis == "kb:a9"


def test_repeating_a_fact_later_changes_no_answer():
    kb = KnowledgeBase()
    kb.learn(person("Lena Berg", "SWE", "GOV", "foreign minister", "2021-09-01"), "first")
    kb.learn(person("Lena Berg", "SWE", "GOV", "foreign minister", "2021-09-03"), "second")
    assert kb.lookup("Berg", "2021-09-03").basis == "kb:first"


def test_a_layer_sees_its_parent_and_learns_alone():
    base = KnowledgeBase()
    base.learn(person("Lena Berg", "SWE"), "a1")
    layer = KnowledgeBase(parent=base)
    layer.learn(person("Omar Haddad", "JOR"), "a2")
    assert layer.lookup("Berg").country == "SWE"
    assert layer.lookup("Haddad").country == "JOR"
    assert base.lookup("Haddad") is None
    assert len(layer) == 2 and len(base) == 1


def test_a_journal_replays_only_when_the_answers_stay_the_same():
    snapshot = KnowledgeBase()
    layer = KnowledgeBase(parent=snapshot)
    layer.journal = []
    layer.learn(person("Omar Haddad", "JOR"), "a5")
    assert layer.lookup("Haddad").country == "JOR"
    assert layer.lookup("Berg") is None
    later = KnowledgeBase()
    later.learn(person("Tomas Novak", "CZE"), "a3")  # touches nothing the journal looked up
    assert later.replays(layer.journal)
    later.learn(person("Lena Berg", "SWE"), "a4")  # "Berg" would now resolve
    assert not later.replays(layer.journal)
