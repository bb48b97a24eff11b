"""The bundled example corpus against its own notes (examples/corpus-notes.json):
what `make run` shows a new user must be right."""
import json
from pathlib import Path

import pytest

import eventwire

ROOT = Path(__file__).resolve().parents[1]
NOTES = json.loads((ROOT / "examples" / "corpus-notes.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def matched(tmp_path_factory):
    db = tmp_path_factory.mktemp("examples") / "ex.db"
    with eventwire.open(db) as ew:
        report = ew.ingest(ROOT / "examples" / "corpus", analyze=False)
        assert report.errors == 0
        arts = list(ew.articles())
    by_url = {n["url"]: n for n in NOTES["articles"] if n.get("url")}
    by_path = {n["path"]: n for n in NOTES["articles"] if n.get("record") is None}
    pairs = []
    for a in arts:
        note = by_url.get(a.source) or by_path.get(a.path.split("examples/corpus/", 1)[-1])
        assert note is not None, a.source
        pairs.append((a, note))
    return pairs


def test_every_document_is_read(matched):
    assert len(matched) == NOTES["counts"]["articles"]


def test_dates_are_right_or_null_never_wrong(matched):
    dated = 0
    for a, note in matched:
        if a.published is not None:
            dated += 1
            assert a.published == note["published"], (a.source, a.published, a.published_basis)
        else:
            assert a.published_basis  # says why
    assert dated >= 0.85 * sum(1 for _, n in matched if n["published"])


def test_titles_outlets_and_languages(matched):
    titles = sum(a.title == n["headline"] for a, n in matched)
    outlets = sum(a.outlet == n["outlet"] for a, n in matched if n.get("outlet"))
    assert titles >= 0.9 * len(matched)
    assert outlets >= 0.75 * sum(1 for _, n in matched if n.get("outlet"))
    for a, n in matched:
        assert a.language == n["language"], a.source
