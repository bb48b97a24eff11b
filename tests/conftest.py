"""Shared test helpers: where ../shared is, and small corpora written at test time."""
from __future__ import annotations

from pathlib import Path

import pytest

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
