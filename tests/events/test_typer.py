"""The optional typer (events/coder/typer.py): verbs the lexicon does not know, typed by their
nearest lexicon entry.  Most tests use a stand-in encoder (no model); the last ones use the real
one where it is installed (``make typer``; CI requires it with EVENTWIRE_REQUIRE_TYPER=1)."""
from __future__ import annotations

import json
import zlib

import numpy as np
import pytest
from typer.testing import CliRunner

from eventwire.events.coder import code_doc
from eventwire.events.coder import typer as typer_mod
from eventwire.events.coder.actors import _Coder, _default_resolve
from eventwire.events.coder.participants import _Sentence
from eventwire.events.coder.typer import NearestEntryTyper, Typed, prototypes
from eventwire.events.lexicon import parse

DATE = "2024-03-05"
LEX = parse("""
190 shell
042 visit
163 impose embargo|blockade
N 043 summit
@speech say
""")


class BagOfWords:
    """A stand-in encoder: each word hashed to a fixed random unit vector, summed, normalised."""

    identity = "bag-of-words test encoder"

    def encode(self, texts):
        out = []
        for t in texts:
            v = np.zeros(64, dtype=np.float32)
            for w in t.lower().split():
                v += np.random.default_rng(zlib.crc32(w.encode())).standard_normal(64).astype(np.float32)
            out.append(v / (np.linalg.norm(v) or 1.0))
        return np.array(out, dtype=np.float32).reshape(len(texts), 64)


@pytest.fixture
def fake(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    return NearestEntryTyper(BagOfWords(), LEX, threshold=0.6)


def test_prototypes_write_out_entries_nouns_and_code_names():
    phrases, codes = prototypes(LEX)
    pairs = set(zip(phrases, codes))
    assert {("shell", "190"), ("visit", "042"), ("impose blockade", "163"), ("impose embargo", "163"),
            ("summit", "043")} <= pairs
    # and the CAMEO short names, which cover codes the lexicon lacks
    assert any(c == "0874" for c in codes)


def test_nearest_entry_above_threshold(fake):
    got = fake.type(["impose embargo", "visit", "bake bread"])
    assert got[0].code == "163" and got[0].prototype == "impose embargo"
    assert got[1].code == "042" and got[1].score == pytest.approx(1.0, abs=1e-3)
    assert got[2] is None  # nothing near enough: untyped


def test_prototype_vectors_are_cached_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "c"))
    first = NearestEntryTyper(BagOfWords(), LEX)
    assert len(list((tmp_path / "c").glob("typer-*.npy"))) == 1
    again = NearestEntryTyper(BagOfWords(), LEX)
    np.testing.assert_array_equal(first.matrix, again.matrix)


def test_unwritable_cache_costs_only_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("EVENTWIRE_CACHE", str(blocker / "sub"))
    assert NearestEntryTyper(BagOfWords(), LEX).matrix.shape[0] == len(prototypes(LEX)[0])


def test_get_names():
    assert typer_mod.get(None) is None and typer_mod.get("lexicon") is None
    with pytest.raises(ValueError):
        typer_mod.get("oracle")


class Fixed:
    """A typer that knows one phrase."""

    def __init__(self, phrase, code):
        self.phrase, self.code, self.asked = phrase, code, []

    def type(self, phrases):
        self.asked += phrases
        return [Typed(self.code, 0.9, "x") if p == self.phrase else None for p in phrases]


def _frames(nlp, text, typer):
    doc = nlp(text)
    coder = _Coder(_default_resolve(DATE), DATE, typer=typer)
    return _Sentence(coder, next(iter(doc.sents))).frames()


def test_a_verb_the_lexicon_lacks_gets_the_typed_code(nlp):
    t = Fixed("pummel port", "190")
    frames = _frames(nlp, "Russian troops pummelled the port of Odesa on Tuesday.", t)
    assert [(f.code, f.head.lemma_, f.typed) for f in frames] == [("190", "pummel", 0.9)]
    events = code_doc(nlp("Russian troops pummelled the port of Odesa on Tuesday."), date=DATE, typer=t)
    assert events and events[0].cameo == "190" and events[0].source.startswith("RUS")
    assert events[0].confidence < code_doc(nlp("Russian troops shelled the port of Odesa on Tuesday."),
                                           date=DATE)[0].confidence  # typed: less sure


def test_a_sentence_the_lexicon_codes_is_left_alone(nlp):
    t = Fixed("shell town", "010")
    frames = _frames(nlp, "Russian forces shelled the town on Monday.", t)
    assert [f.code for f in frames] == ["190"] and t.asked == []


def test_reporting_and_plain_verbs_are_not_typed(nlp):
    t = Fixed("never", "190")
    _frames(nlp, "The population grew by two percent, according to estimates, officials said.", t)
    assert t.asked and not any(p.split()[0] in ("accord", "say") for p in t.asked)


def test_a_verb_under_a_role_verb_is_typed_and_composed(nlp):
    t = Fixed("refurbish embassy", "061")
    frames = _frames(nlp, "Chile agreed to refurbish the embassy of Peru.", t)
    assert "refurbish embassy" in t.asked
    assert [f.code[:2] for f in frames] == ["03"]  # the intent to do what was typed


def test_cli_refuses_an_unknown_typer():
    from eventwire.cli import app

    r = CliRunner().invoke(app, ["code", "Chile shelled Peru.", "--typer", "oracle"])
    assert r.exit_code == 2 and "lexicon, minilm" in r.output


@pytest.fixture(scope="module")
def real(minilm_encoder):
    return NearestEntryTyper.load()


def test_real_typer_through_the_cli(real):
    from eventwire.cli import app

    lines = "Russian forces bombarded the port of Odesa on Tuesday.\nThe weather was mild.\n"
    r = CliRunner().invoke(app, ["code", "-", "--json", "--date", DATE, "--typer", "minilm"], input=lines)
    assert r.exit_code == 0, r.output
    events = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert [(e["input"], e["root"], e["main"]) for e in events] == [(0, "19", True)]
    plain = CliRunner().invoke(app, ["code", "-", "--json", "--date", DATE], input=lines)
    assert plain.exit_code == 0


def test_real_typer_leaves_unrelated_verbs_untyped(real):
    got = real.type(["bake bread", "knit scarf"])
    assert got == [None, None]


def test_a_prefixed_opposite_is_never_the_match(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "c"))
    lex = parse("160 downgrade tie\n051 praise\n")
    t = NearestEntryTyper(BagOfWords(), lex, threshold=0.3)
    got = t.type(["upgrade tie", "downgrade tie"])
    assert got[0] is None or got[0].prototype != "downgrade tie"
    assert got[1].code == "160"  # the verb itself still matches
    assert typer_mod._opposite("upgrade", "downgrade") and typer_mod._opposite("freeze", "unfreeze")
    assert not typer_mod._opposite("shell", "shell") and not typer_mod._opposite("send", "deploy")
