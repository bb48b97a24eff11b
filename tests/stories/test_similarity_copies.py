"""Similarity and copy detection on features built in memory (no spaCy)."""
from __future__ import annotations

from eventwire.stories.copies import find_copies, relate
from eventwire.stories.features import ArticleFeatures, finish, happening_date
from eventwire.stories.similarity import fit, similarity

BODY = (
    "The finance ministers of Norway and Chile signed a fisheries agreement in Oslo on Tuesday. "
    "The accord sets quotas for 12 species and opens a joint monitoring office. "
    "\"This agreement protects our coasts for a generation,\" the Norwegian minister told reporters. "
    "Negotiations had lasted 18 months and stalled twice over salmon farming rules. "
    "Environmental groups welcomed the deal but asked for stricter controls on trawlers."
)
REWRITE = (
    "Negotiations had continued for 18 months and stalled twice over salmon farming regulations. "
    "The finance ministers of Norway and Chile inked a fisheries accord in Oslo on Tuesday. "
    "The agreement fixes quotas for 12 species and opens a joint monitoring bureau. "
    "\"This accord protects our coasts for a generation,\" the Norwegian minister told journalists. "
    "Environmental organisations welcomed the pact but asked for tighter controls on trawlers."
)
OTHER = (
    "A storm closed schools across the northern provinces of Japan on Friday, officials said. "
    "Rail services were suspended and thousands of homes lost power overnight. "
    "Forecasters expect the weather to improve by Sunday."
)


def feat(aid: str, body: str, published: str, n: int, quotes=(), actors=()) -> ArticleFeatures:
    f = ArticleFeatures(id=aid, title=body.split(".")[0][:60], body=body, published=published, n=n,
                        outlet=f"outlet{n}", url=f"https://x.invalid/{aid}")
    f.quotes = [{"text": q, "speaker": None} for q in quotes]
    f.entities = [{"name": a, "label": "GPE", "actor": a, "mentions": 1} for a in actors]
    return finish(f)


def corpus():
    a = feat("a", BODY, "2020-03-03", 1, ["This agreement protects our coasts for a generation,"], ["Norway", "Chile"])
    reprint = feat("r", BODY.replace("Tuesday", "Tuesday afternoon"), "2020-03-04", 2,
                   ["This agreement protects our coasts for a generation,"], ["Norway", "Chile"])
    rewrite = feat("w", REWRITE, "2020-03-05", 3, ["This accord protects our coasts for a generation,"], ["Norway", "Chile"])
    other = feat("o", OTHER, "2020-03-06", 4, [], ["Japan"])
    feats = [a, reprint, rewrite, other]
    fit(feats)
    return feats


def test_similarity_range_and_order():
    a, r, w, o = corpus()
    assert 0.0 <= similarity(a, o) < 0.2
    assert similarity(a, r) > 0.8
    assert similarity(a, w) > similarity(a, o)
    for x in (a, r, w, o):
        for y in (a, r, w, o):
            assert 0.0 <= similarity(x, y) <= 1.0
            assert abs(similarity(x, y) - similarity(y, x)) < 1e-9


def test_reprint_and_rewrite_found_and_point_to_the_original():
    feats = corpus()
    found = {c.article_id: c for c in find_copies(feats)}
    assert found["r"].kind == "reprint" and found["r"].of == "a"
    assert found["w"].kind == "rewrite" and found["w"].of == "a"
    assert "o" not in found and "a" not in found


def test_unrelated_articles_are_not_copies():
    a, _, _, o = corpus()
    assert relate(a, o) is None


def test_happening_date_prefers_past_lead_dates():
    times = [{"text": "on Tuesday", "value": "2019-05-14", "start": 10},
             {"text": "Wednesday", "value": "2019-05-15", "start": 50},
             {"text": "next week", "value": "2019-05-22", "start": 60},
             {"text": "Tuesday", "value": "2019-05-14", "start": 900}]
    assert happening_date("2019-05-15", times, 300)[0] == "2019-05-14"
    assert happening_date("2019-05-15", times[2:3], 300)[0] == "2019-05-15"  # future: publication date
    assert happening_date(None, [], 300)[0] is None
