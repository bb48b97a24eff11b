"""detect_language(): py3langid on the opening of the text; None when too short."""
from __future__ import annotations

import pytest

from eventwire.extract.language import detect_language


@pytest.mark.parametrize("text, language", [
    ("The foreign minister said on Tuesday that talks with the neighbouring country would resume "
     "next week in Geneva, after months of deadlock over the border.", "en"),
    ("Die Bundesregierung hat am Dienstag beschlossen, die Gespräche mit dem Nachbarland in der "
     "kommenden Woche in Genf fortzusetzen.", "de"),
    ("Министр иностранных дел заявил во вторник, что переговоры с соседней страной продолжатся на "
     "следующей неделе в Женеве.", "ru"),
    ("El ministro de Asuntos Exteriores dijo el martes que las conversaciones se reanudarán la "
     "próxima semana en Ginebra.", "es"),
])
def test_languages(text: str, language: str):
    found, probability = detect_language(text)
    assert found == language
    assert 0.5 < probability <= 1.0


@pytest.mark.parametrize("text", ["", "Talks resume.", "12:30 — 14:45 | 2018-07-02", "short note, few words"])
def test_too_short_to_tell(text: str):
    assert detect_language(text) == (None, 0.0)
