"""Within-article entity clustering (eventwire.nlp.names) on sentences written for the tests."""
from __future__ import annotations

from spacy.tokens import Span

from eventwire.nlp.names import EntityCluster, PronounResolver, cluster_entities


def person(clusters: list[EntityCluster], name: str) -> EntityCluster:
    found = [c for c in clusters if c.name == name]
    assert found, [c.name for c in clusters]
    return found[0]


def texts(cluster: EntityCluster, label: str | None = None) -> list[str]:
    return [m.text for m in cluster.mentions if label is None or m.label == label]


def test_surname_joins_full_name_and_titles_are_stripped(nlp):
    doc = nlp("Senator Robert Hale spoke in Denver on Tuesday. Hale said the bill would pass. "
              "Mr. Hale later left the building.")
    hale = person(cluster_entities(doc), "Robert Hale")
    assert hale.label == "PERSON"
    assert texts(hale, "PERSON").count("Hale") == 2
    assert "Senator" in hale.descriptors


def test_full_name_after_surname_still_canonical(nlp):
    doc = nlp("Keller arrived late. Finance Minister Anna Keller then spoke to the committee.")
    keller = person(cluster_entities(doc), "Anna Keller")
    assert "Keller" in texts(keller)
    assert "Finance Minister" in keller.descriptors


def test_premodifier_role_links_nominal_mentions(nlp):
    doc = nlp("Foreign ministry spokeswoman Anna Keller said the talks went well. "
              "The spokeswoman added that a second round was planned. "
              "A ministry spokeswoman later confirmed the date.")
    keller = person(cluster_entities(doc), "Anna Keller")
    assert "Foreign ministry spokeswoman" in keller.descriptors
    assert {"The spokeswoman", "A ministry spokeswoman"} <= set(texts(keller, "NOMINAL"))


def test_nominal_with_other_modifiers_is_not_linked(nlp):
    doc = nlp("Foreign ministry spokeswoman Anna Keller said the talks went well. "
              "A spokeswoman for the airline declined to comment.")
    keller = person(cluster_entities(doc), "Anna Keller")
    assert texts(keller, "NOMINAL") == []


def test_apposition_gives_descriptor(nlp):
    doc = nlp("Daniel Brooks, the union leader, rejected the offer on Friday. "
              "Brooks wants a better deal.")
    brooks = person(cluster_entities(doc), "Daniel Brooks")
    assert "union leader" in brooks.descriptors
    assert "Brooks" in texts(brooks)


def test_possessive_is_trimmed(nlp):
    doc = nlp("Daniel Brooks spoke first. Brooks's proposal was rejected by the board.")
    brooks = person(cluster_entities(doc), "Daniel Brooks")
    assert all(not m.text.endswith("'s") for m in brooks.mentions)
    assert texts(brooks, "PERSON").count("Brooks") == 1


def test_acronym_joins_full_name(nlp):
    doc = nlp("The United States imposed new tariffs. The U.S. says they protect jobs.")
    clusters = cluster_entities(doc)
    us = [c for c in clusters if c.name == "United States"]
    assert us and len(us[0].mentions) == 2


def test_mislabelled_surname_is_repaired(nlp):
    doc = nlp("Senator Robert Hale met voters on Tuesday. Later Hale visited a school.")
    second = [t.i for t in doc if t.text == "Hale"][1]
    ents = [e for e in doc.ents if not (e.start <= second < e.end)]
    doc.ents = ents + [Span(doc, second, second + 1, label="ORG")]
    hale = person(cluster_entities(doc), "Robert Hale")
    assert texts(hale, "PERSON").count("Hale") == 1
    assert not any(c.name == "Hale" for c in cluster_entities(doc))


def test_missed_surname_is_added(nlp):
    doc = nlp("Senator Robert Hale met voters on Tuesday. Later Hale visited a school.")
    second = [t.i for t in doc if t.text == "Hale"][1]
    doc.ents = [e for e in doc.ents if not (e.start <= second < e.end)]
    hale = person(cluster_entities(doc), "Robert Hale")
    assert texts(hale, "PERSON").count("Hale") == 1


def test_hyphen_joined_surnames_are_split(nlp):
    doc = nlp("Robert Hale and Daniel Brooks met in Vienna. The Hale-Brooks talks ended early.")
    clusters = cluster_entities(doc)
    assert "Hale" in texts(person(clusters, "Robert Hale"))
    assert "Brooks" in texts(person(clusters, "Daniel Brooks"))


def test_two_people_sharing_a_surname_stay_apart(nlp):
    doc = nlp("Senator Robert Hale met Governor Linda Hale in Denver. "
              "Linda Hale thanked him. Robert Hale spoke later.")
    names = {c.name for c in cluster_entities(doc) if c.label == "PERSON"}
    assert {"Robert Hale", "Linda Hale"} <= names


def test_pronoun_resolves_to_previous_subject(nlp):
    doc = nlp("White House press secretary Laura Chen spoke on Monday. "
              "She told reporters the policy had not changed.")
    chen = person(cluster_entities(doc), "Laura Chen")
    assert texts(chen, "PRON") == ["She"]
    assert "White House press secretary" in chen.descriptors


def test_pronoun_prefers_subject_over_object(nlp):
    doc = nlp("Daniel Brooks met Laura Chen in Paris. He said the meeting went well.")
    brooks = person(cluster_entities(doc), "Daniel Brooks")
    assert texts(brooks, "PRON") == ["He"]


def test_pronoun_skips_names_inside_quotes(nlp):
    text = ('Daniel Brooks spoke on Monday. "Robert Hale agreed with us," he said.')
    doc = nlp(text)
    start = text.index("Robert")
    quoted = [(start, text.index(',"'))]
    clusters = cluster_entities(doc, quoted=quoted)
    resolver = PronounResolver(doc, clusters, quoted)
    he = [t.i for t in doc if t.text == "he"][0]
    assert clusters[resolver.resolve(he)].name == "Daniel Brooks"


def test_gender_from_role_word_blocks_pronoun(nlp):
    doc = nlp("Spokeswoman Laura Chen met Daniel Brooks. Brooks later left. "
              "He said nothing more.")
    chen = person(cluster_entities(doc), "Laura Chen")
    assert texts(chen, "PRON") == []


def test_mentions_point_at_their_cluster_and_text(nlp):
    text = "Senator Robert Hale spoke. Hale left. The Senate voted."
    doc = nlp(text)
    clusters = cluster_entities(doc)
    for index, cluster in enumerate(clusters):
        for m in cluster.mentions:
            assert m.entity == index
            assert text[m.start:m.end] == m.text


def test_empty_and_blank_docs(nlp):
    assert cluster_entities(nlp("")) == []
    assert cluster_entities(nlp("   \n\n  ")) == []


def test_honorific_gender_blocks_pronoun(nlp):
    doc = nlp("Mrs. Park met Daniel Brooks on Monday in the city hall. "
              "Later he said the talks had gone well.")
    brooks = person(cluster_entities(doc), "Daniel Brooks")
    assert texts(brooks, "PRON") == ["he"]
