"""Timeline summarisation measures and selection on tiny hand-written timelines (no spaCy)."""
from __future__ import annotations

import itertools
import random
from datetime import date

import pytest

from eventwire.stories import tls

D = date.fromisoformat


def test_rouge_n_by_hand():
    assert tls.tokens("The U.S. didn't agree, 2 times.") == ["the", "u", "s", "did", "n", "t", "agree", "2", "times"]
    # pred: "the cat sat" / gold: "the cat ran": unigrams 2/3 both ways, bigrams 1/2
    assert tls.rouge_n(["The cat sat."], ["the cat ran"], 1) == pytest.approx(2 / 3)
    assert tls.rouge_n(["The cat sat."], ["the cat ran"], 2) == pytest.approx(1 / 2)
    # clipping: "the the the" against "the cat": overlap 1, P 1/3, R 1/2
    assert tls.rouge_n(["the the the"], ["the cat"], 1) == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert tls.rouge_n(["x"], ["y"], 1) == 0.0 and tls.rouge_n([], ["y"], 2) == 0.0


def test_date_f1():
    assert tls.date_f1([D("2020-01-01"), D("2020-01-02")], [D("2020-01-02"), D("2020-01-03"), D("2020-01-04")]) \
        == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
    assert tls.date_f1([], [D("2020-01-01")]) == 0.0


def test_align_rouge_exact_and_shifted():
    gold = {D("2020-01-01"): ["the cat sat"], D("2020-01-05"): ["a dog barked loudly"]}
    assert tls.align_rouge(gold, gold, 1)["f"] == pytest.approx(1.0)
    # the same summaries one day late: every aligned overlap halved
    late = {D("2020-01-02"): ["the cat sat"], D("2020-01-06"): ["a dog barked loudly"]}
    assert tls.align_rouge(late, gold, 1)["f"] == pytest.approx(0.5)
    # one predicted date, aligned to the nearer gold date (Jan 4 -> Jan 5, discount 1/2):
    # overlap 4 * 1/2 = 2; P = 2/4, R = 2/7
    one = {D("2020-01-04"): ["a dog barked loudly"]}
    r = tls.align_rouge(one, gold, 1)
    assert (r["precision"], r["recall"]) == (pytest.approx(0.5), pytest.approx(2 / 7))
    # unmatched predicted dates count in the precision denominator only
    extra = {**gold, D("2020-03-01"): ["nothing here"]}
    r = tls.align_rouge(extra, gold, 1)
    assert r["recall"] == pytest.approx(1.0) and r["precision"] == pytest.approx(7 / 9)
    assert tls.align_rouge({}, gold, 2)["f"] == 0.0


def test_assignment_is_optimal_on_small_matrices():
    rng = random.Random(7)
    for rows, cols in [(1, 1), (2, 3), (3, 2), (4, 4), (5, 3)]:
        costs = [[rng.random() for _ in range(cols)] for _ in range(rows)]
        pairs = tls.assignment(costs)
        assert len(pairs) == min(rows, cols)
        assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
        got = sum(costs[r][c] for r, c in pairs)
        if rows <= cols:
            best = min(sum(costs[r][c] for r, c in enumerate(p)) for p in itertools.permutations(range(cols), rows))
        else:
            best = min(sum(costs[r][c] for c, r in enumerate(p)) for p in itertools.permutations(range(rows), cols))
        assert got == pytest.approx(best)


def _s(article, pub, i, text, *days):
    return tls.DatedSentence(article, D(pub), i, text, tuple(D(d) for d in days))


def test_summarise_picks_mentioned_days_and_central_sentences():
    sents = [
        _s("a1", "2020-01-02", 0, "Rebels seized the northern city of Brega on Wednesday after heavy fighting.", "2020-01-01"),
        _s("a2", "2020-01-02", 0, "The northern city of Brega fell to rebels after heavy fighting on Wednesday.", "2020-01-01"),
        _s("a3", "2020-01-03", 2, "Rebel fighters took Brega on Wednesday, residents said by telephone.", "2020-01-01"),
        _s("a3", "2020-01-03", 3, "Oil prices rose sharply on world markets as traders watched events.", "2020-01-03"),
        _s("a4", "2020-01-05", 0, "The United Nations Security Council met to discuss a ceasefire resolution.", "2020-01-05"),
        _s("a5", "2020-01-06", 0, "Diplomats said the Security Council meeting on the ceasefire ended without a vote.", "2020-01-05"),
        _s("a6", "2020-01-09", 0, "A long unrelated sentence about football results in the national league today."),
    ]
    ranked = tls.rank_dates(sents)
    assert ranked[0][0] == D("2020-01-01") and ranked[1][0] == D("2020-01-05")
    out = tls.summarise(sents, n_dates=2, n_sents=1)
    assert list(out) == [D("2020-01-01"), D("2020-01-05")]
    assert all(len(v) == 1 for v in out.values())
    assert "Brega" in out[D("2020-01-01")][0] and "Council" in out[D("2020-01-05")][0]
    # a span leaves days outside it out; a day with no sentence for it (Jan 6) is passed over
    assert list(tls.summarise(sents, 5, 1, start=D("2020-01-04"), end=D("2020-01-10"))) == [
        D("2020-01-05"), D("2020-01-09")]


def test_prepare_drops_furniture_and_detokenises():
    banner = "Share this story with your friends on social media today ."
    arts = [tls.RawArticle(str(i), "2020-01-01", f"{banner}\nShort line .\nOfficials said it was n't over -LRB- yet -RRB- , "
                                                    f"in city number {i} .") for i in range(5)]
    prepared = tls.prepare(arts)
    assert [lines for _a, lines in prepared][0] == ["Officials said it wasn't over (yet), in city number 0."]


def test_gold_shape():
    gold = {D("2020-01-03"): ["a", "b", "c"], D("2020-01-01"): ["d"]}
    assert tls.gold_shape(gold) == (2, 2, D("2020-01-01"), D("2020-01-03"))
