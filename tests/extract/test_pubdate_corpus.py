"""Corpus dating from the article's own dateline evidence, on invented articles.

``today`` is fixed so results do not age.  March 10 is a Friday in 2000,
2006, 2017 and 2023; the undated articles put 2015 in the past, which
leaves 2017 and 2023.
"""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.pubdate import CorpusDater, infer_from_corpus, partial_evidence

TODAY = date(2026, 1, 15)

UNDATED_TITLE = "Velmar and Ostrava sign Korrin water accord"
UNDATED_BODY = (
    "PORTVILLE, March 10 (Harbour Wire) -- Velmar and Ostrava signed the Korrin water accord in Portville "
    "on Friday, ending a dispute over the Dastra dam that had soured ties between the two neighbours.\n\n"
    "Foreign ministers Kalev Tamm and Ines Varga signed for their governments, with the mediator Oleg "
    "Brannstrom of the Lundqvist Foundation looking on.\n\n"
    "The dispute began in 2015, when Ostrava closed the Dastra sluices during a drought."
)

RELATED = (
    "Korrin accord brings relief to Dastra valley farmers\n"
    "Farmers in the Dastra valley welcomed the Korrin water accord that Velmar and Ostrava signed in Portville. "
    "Kalev Tamm and Ines Varga thanked Oleg Brannstrom and the Lundqvist Foundation for their mediation."
)

OTHER_AFFAIR = (
    "Harbour strike enters second week\n"
    "Dock workers in Maravel extended their strike. The Maravel union said talks with the Selby port "
    "authority had failed, and the Corvin shipping line diverted its vessels to Nesk."
)


def _no_weekday(body: str) -> str:
    return body.replace(" on Friday,", ",")


def test_partial_evidence_reads_the_dateline_in_the_body() -> None:
    ev = partial_evidence(UNDATED_BODY, None, UNDATED_TITLE, today=TODAY)
    assert ev is not None
    assert (ev.month, ev.day, ev.weekday, ev.years) == (3, 10, "Friday", (2017, 2023))
    assert ev.dateline.startswith("PORTVILLE, March 10")


def test_partial_evidence_takes_a_dateline_given_apart() -> None:
    body = UNDATED_BODY.split(" -- ", 1)[1]  # a place-less dateline leaves the body
    assert partial_evidence(body, None, UNDATED_TITLE, today=TODAY) is None
    ev = partial_evidence(body, "March 10 (Harbour Wire) --", UNDATED_TITLE, today=TODAY)
    assert ev is not None and (ev.month, ev.day, ev.years) == (3, 10, (2017, 2023))


def test_two_candidate_years_resolved_by_a_related_article() -> None:
    dated = [("r1", "2023-03-11", RELATED), ("x1", "2017-03-10", OTHER_AFFAIR)]
    got = infer_from_corpus(UNDATED_BODY, UNDATED_TITLE, dated, today=TODAY)
    assert got is not None
    assert (got.value, got.confidence) == ("2023-03-10", 0.7)
    assert "r1" in got.basis and "Friday" in got.basis and "2017, 2023" in got.basis
    assert "x1" not in got.basis


def test_dateline_given_apart_via_keyword_and_corpus_dater() -> None:
    body = UNDATED_BODY.split(" -- ", 1)[1]
    dater = CorpusDater([("r1", "2023-03-09", RELATED)], today=TODAY)
    assert dater.infer(body, UNDATED_TITLE) is None
    got = dater.infer(body, UNDATED_TITLE, dateline="March 10 (Harbour Wire) --")
    assert got is not None and got.value == "2023-03-10"
    assert got == infer_from_corpus(
        body, UNDATED_TITLE, [("r1", "2023-03-09", RELATED)], today=TODAY, dateline="March 10 (Harbour Wire) --"
    )


def test_no_weekday_cluster_in_one_year() -> None:
    dated = [("r1", "2023-03-11", RELATED), ("r2", "2023-03-12", RELATED), ("x1", "2017-03-10", OTHER_AFFAIR)]
    got = infer_from_corpus(_no_weekday(UNDATED_BODY), UNDATED_TITLE, dated, today=TODAY)
    assert got is not None
    assert (got.value, got.confidence) == ("2023-03-10", 0.6)
    assert "r1" in got.basis and "r2" in got.basis and "no weekday" in got.basis


def test_lead_about_another_day_counts_as_no_weekday() -> None:
    body = UNDATED_BODY.replace("on Friday,", "on Friday, a day after talks ran late into the night yesterday,")
    got = infer_from_corpus(body, UNDATED_TITLE, [("r1", "2019-03-09", RELATED)], today=TODAY)
    # 2019 is no Friday year, but with "yesterday" the weekday does not date the dateline's day.
    assert got is not None and got.value == "2019-03-10" and got.confidence == 0.6


@pytest.mark.parametrize(
    "dated",
    [
        [("r1", "2023-05-20", RELATED)],  # same affair, far from March 10
        [("x1", "2023-03-10", OTHER_AFFAIR)],  # near the day, other affair
        [("r1", "2019-03-10", RELATED)],  # near the day, but March 10, 2019 is a Sunday
    ],
)
def test_decoys_give_no_date(dated) -> None:
    got = infer_from_corpus(UNDATED_BODY, UNDATED_TITLE, dated, today=TODAY)
    assert got is None or got.value is None


def test_both_candidate_years_supported_gives_no_date() -> None:
    dated = [("r1", "2017-03-10", RELATED), ("r2", "2023-03-10", RELATED)]
    got = infer_from_corpus(UNDATED_BODY, UNDATED_TITLE, dated, today=TODAY)
    assert got is not None and got.value is None and got.confidence == 0.0
    assert "more than one" in got.basis and "r1" in got.basis and "r2" in got.basis


def test_no_weekday_cluster_in_two_years_gives_no_date() -> None:
    dated = [("r1", "2019-03-09", RELATED), ("r2", "2023-03-11", RELATED)]
    got = infer_from_corpus(_no_weekday(UNDATED_BODY), UNDATED_TITLE, dated, today=TODAY)
    assert got is not None and got.value is None and "disagree" in got.basis


def test_no_weekday_year_outside_the_texts_bounds_gives_no_date() -> None:
    # The text puts 2015 in the past: a cluster in 2012 cannot be the year.
    got = infer_from_corpus(_no_weekday(UNDATED_BODY), UNDATED_TITLE, [("r1", "2012-03-10", RELATED)], today=TODAY)
    assert got is not None and got.value is None and "2012, which the text rules out" in got.basis


def test_never_after_today() -> None:
    dater = CorpusDater([("r1", "2026-03-10", RELATED)], today=TODAY)
    got = dater.infer(_no_weekday(UNDATED_BODY), UNDATED_TITLE)
    assert got is not None and got.value is None and "rules out" in got.basis


def _unrelated(n: int, year: int) -> list[tuple[str, str, str]]:
    """Dated articles on other affairs: they say only which years the corpus covers."""
    return [(f"u{i}", f"{year}-{1 + i % 12:02d}-{1 + i % 27:02d}", f"Item {i}\nAnnual fair number {i} opened.")
            for i in range(n)]


def test_corpus_span_leaves_one_candidate_year() -> None:
    # 2017 and 2023 fit the weekday; a corpus of 2023 articles leaves 2023
    dater = CorpusDater(_unrelated(30, 2023), today=TODAY)
    got = dater.infer(UNDATED_BODY, UNDATED_TITLE)
    assert got is not None and got.value == "2023-03-10"
    assert "span" in got.basis and got.confidence < 0.7


def test_corpus_span_needs_a_weekday_and_enough_articles() -> None:
    assert CorpusDater(_unrelated(5, 2023), today=TODAY).infer(UNDATED_BODY, UNDATED_TITLE) is None
    got = CorpusDater(_unrelated(30, 2023), today=TODAY).infer(_no_weekday(UNDATED_BODY), UNDATED_TITLE)
    assert got is None or got.value is None


def test_corpus_span_with_both_years_gives_no_date() -> None:
    dated = _unrelated(30, 2017) + _unrelated(30, 2023)
    got = CorpusDater(dated, today=TODAY).infer(UNDATED_BODY, UNDATED_TITLE)
    assert got is None or got.value is None


def test_an_affair_that_fills_the_corpus_still_dates() -> None:
    # thousands of reports of one affair, with every one of its names in more than 2% of the
    # corpus: the undated report is still compared with (a bounded number of) them
    dated = [(f"r{i}", "2023-03-11", RELATED + f" Desk note {i}.") for i in range(2_500)]
    dated += [(f"x{i}", "2017-03-10", OTHER_AFFAIR + f" Desk note {i}.") for i in range(500)]
    dater = CorpusDater(dated, today=TODAY)
    got = dater.infer(UNDATED_BODY, UNDATED_TITLE)
    assert got is not None and got.value == "2023-03-10"
    assert len(dater._related(set(UNDATED_BODY.split()) | {"Velmar", "Ostrava"})) <= 500
