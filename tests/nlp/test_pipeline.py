"""The language pass as a whole: batching, skipping, long texts, actors across articles."""
from __future__ import annotations

import pytest

from eventwire.nlp.kb import KnowledgeBase
from eventwire.nlp.pipeline import LanguagePass, _with_speaker_actor, pieces
from eventwire.records import Actor, Article, Entity, Quote


def article(aid: str, body: str, published: str | None = "2023-05-10", language: str | None = "en") -> Article:
    return Article(
        id=aid, source=f"{aid}.txt", path=f"{aid}.txt", format="txt", url=None, outlet=None, outlet_basis=None,
        title=None, byline=None, published=published, published_basis="test", published_confidence=1.0,
        language=language, body=body,
    )


@pytest.fixture(scope="module")
def lp(nlp):
    return LanguagePass(nlp, kb=KnowledgeBase())


def test_pieces_cut_at_paragraphs():
    body = "\n\n".join(f"Paragraph {i} " + "word " * 40 for i in range(200))
    parts = pieces(body, limit=2_000)
    assert "".join(text for _, text in parts) == body
    assert all(len(text) <= 2_000 for _, text in parts)
    assert all(body[off: off + len(text)] == text for off, text in parts)
    assert pieces("short") == [(0, "short")]


def test_order_kept_and_other_languages_skipped(lp):
    arts = [
        article("a1", 'Foreign Minister Ana Ruiz of Chile said on Monday that "the talks were useful."'),
        article("a2", "Le ministre a dit lundi que les discussions étaient utiles.", language="fr"),
        article("a3", ""),
        article("a4", "Chilean Foreign Minister Ana Ruiz met her Peruvian counterpart in Lima on Tuesday."),
    ]
    out = list(lp.pipe(arts, batch_size=2))
    assert [a.article_id for a in out] == ["a1", "a2", "a3", "a4"]
    assert out[1].flags == ("skipped: language fr",) and out[1].quotes == ()
    assert out[2].flags == ("skipped: empty body",)
    assert out[0].quotes and out[0].quotes[0].text.startswith("the talks were useful")
    assert any(t.value == "2023-05-08" for t in out[0].times)
    assert out[3].sentences and out[3].mentions


def test_knowledge_base_carries_a_person_to_later_articles(nlp):
    lp = LanguagePass(nlp, kb=KnowledgeBase())
    first = article("k1", "Brazilian Foreign Minister Mauro Vieira arrived in Lisbon on Monday for talks.", "2023-05-08")
    later = article("k2", '"We will keep talking," Vieira said on Thursday after the meeting ended.', "2023-05-11")
    a1, a2 = lp.pipe([first, later])
    assert lp.take_learned()  # learned from the first article
    q = a2.quotes[0]
    assert q.speaker_actor is not None and q.speaker_actor.country == "BRA"
    assert q.speaker_actor.basis == "kb:k1"


def test_offsets_of_long_articles_point_into_the_body(lp):
    para = 'The envoy said on Monday that "progress was slow but real," according to officials in Geneva.'
    body = "\n\n".join([para] * 1_100)  # about 106,000 characters: parsed in two pieces
    assert len(pieces(body)) == 2
    (got,) = lp.pipe([article("long", body)])
    assert len(got.quotes) >= 1_000
    for q in got.quotes[::100]:
        assert body[q.start:q.end] == q.text
    assert got.quotes[-1].start > 100_000  # offsets of the second piece are shifted into the body
    for t in got.times[::100]:
        assert body[t.start:t.end] == t.text


def test_described_speaker_takes_the_one_person_whose_role_fits():
    peskov = Actor("Dmitry Peskov", "person", "RUS", "GOV", role="Kremlin spokesman", basis="kb:x")
    other = Actor("Joe Biden", "person", "USA", "GOV", role="President", basis="article")
    entities = [Entity("Peskov", "PERSON", (), peskov), Entity("Joe Biden", "PERSON", (), other)]
    q = Quote(0, 5, "Well.", speaker="a Kremlin spokesman", speaker_mention="a Kremlin spokesman")
    got = _with_speaker_actor(q, {"Peskov": peskov, "Joe Biden": other}, entities)
    assert got.speaker == "Peskov" and got.speaker_actor == peskov
    q2 = Quote(0, 5, "Well.", speaker="an official")
    assert _with_speaker_actor(q2, {}, entities).speaker == "an official"


def test_two_processes_give_the_same_analyses(nlp):
    arts = [article(f"p{i}", f'Officials in Oslo said on Monday that "talks on round {i} went well."') for i in range(6)]
    one = list(LanguagePass(nlp, kb=KnowledgeBase()).pipe(arts, n_process=1))
    two = list(LanguagePass(nlp, kb=KnowledgeBase()).pipe(arts, n_process=2, batch_size=2))
    assert [a.article_id for a in two] == [a.article_id for a in one]
    assert [a.quotes for a in two] == [a.quotes for a in one]
    assert [a.times for a in two] == [a.times for a in one]


def test_speaker_kind_says_what_the_speaker_is(tmp_path):
    import json

    import eventwire

    feed = tmp_path / "kinds.jsonl"
    text = ("Ferry talks end\n\nThe harbour board said on Monday: \"The ferry will not sail this winter.\"\n\n"
            "A senior official who asked not to be named told us: \"The talks are over.\"\n\n"
            "\"We will appeal,\" Captain Lena Hart said.")
    feed.write_text(json.dumps({"url": "https://port.example/2021/05/03/ferry", "text": text}) + "\n", encoding="utf-8")
    with eventwire.open(tmp_path / "k.db") as ew:
        ew.ingest(feed)
        kinds = {q["text"][:9]: q["speaker_kind"] for q in ew.quotes()}
    assert kinds["The talks"] == "unnamed"
    assert kinds["We will a"] == "person"
    assert kinds["The ferry"] in ("organisation", "unnamed")
