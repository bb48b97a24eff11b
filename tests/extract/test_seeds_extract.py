"""Plain-text extraction measured on the hand-annotated seed articles in ../shared.

The seeds and their gold are read at test time only; nothing from them is
kept in the repository.  Skips when ../shared is not beside the checkout.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.extract.pubdate import infer_from_corpus
from eventwire.extract.text import extract_text
from eventwire.records import Extracted

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "corpus" / "seeds-gold.json"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[dict, Extracted]]:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is absent (../shared is not beside the repository)")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    return {g["file"]: (g, extract_text((SEEDS / g["file"]).read_text(encoding="utf-8"))) for g in gold}


def _one(seeds: dict, prefix: str) -> tuple[dict, Extracted]:
    return next(v for k, v in seeds.items() if k.startswith(prefix))


def _dated(seeds: dict, *prefixes: str) -> list[tuple[str, str, str]]:
    rows = []
    for prefix in prefixes:
        _, got = _one(seeds, prefix)
        rows.append((prefix, got.published.value, (got.title or "") + "\n" + got.body))
    return rows


def test_titles(seeds) -> None:
    wrong = {f: (got.title, g["title"]) for f, (g, got) in seeds.items() if got.title != g["title"]}
    assert not wrong, f"{len(seeds) - len(wrong)}/{len(seeds)} titles right; wrong: {wrong}"


def test_body_starts(seeds) -> None:
    wrong = {f: got.body[:80] for f, (g, got) in seeds.items() if not got.body.startswith(g["body_starts"])}
    assert not wrong, f"{len(seeds) - len(wrong)}/{len(seeds)} bodies start right; wrong: {wrong}"


def test_furniture_not_in_body(seeds) -> None:
    left = {f: [s for s in g["not_in_body"] if s in got.body] for f, (g, got) in seeds.items()}
    assert not any(left.values()), left


def test_outlets(seeds) -> None:
    wrong = {f: (got.outlet, g["outlet"]) for f, (g, got) in seeds.items() if got.outlet != g["outlet"]}
    assert not wrong, wrong


def test_bylines_where_given(seeds) -> None:
    for g, got in seeds.values():
        if g.get("byline"):
            assert got.byline == g["byline"]


def test_published_alone(seeds) -> None:
    for prefix in ("000", "001"):
        g, got = _one(seeds, prefix)
        assert got.published.value == g["published"], got.published
        assert got.published.confidence >= 0.8
    for prefix in ("002", "003", "004"):
        _, got = _one(seeds, prefix)
        assert got.published.value is None, got.published
        assert got.published.confidence == 0.0
        assert "unknown" in got.published.basis or "ambiguous" in got.published.basis, got.published.basis


def test_published_from_corpus(seeds) -> None:
    g, got = _one(seeds, "002")
    found = infer_from_corpus(got.body, got.title, _dated(seeds, "000", "001"))
    assert found is not None
    year = g["published"][:4]
    assert found.value in (None, g["published"]), found
    assert f"year {year}" in found.basis and ("000" in found.basis or "001" in found.basis)
    others = _dated(seeds, "000", "001")
    if found.value:
        others.append(("002", found.value, (got.title or "") + "\n" + got.body))
    for prefix in ("003", "004"):
        _, undated = _one(seeds, prefix)
        assert infer_from_corpus(undated.body, undated.title, others) is None
