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


def test_plain_english_prose_skips_the_model_and_other_languages_do_not():
    from eventwire.extract.language import detect_language

    english = ("The minister said on Monday that the talks with the delegation from the north had been useful, "
               "and that both sides would meet again in the spring to discuss the remaining issues of the border. ") * 3
    assert detect_language(english) == ("en", 0.99)
    dutch = ("De minister zei maandag dat de gesprekken met de delegatie uit het noorden nuttig waren geweest "
             "en dat beide partijen elkaar in het voorjaar opnieuw zouden ontmoeten. ") * 3
    lang, prob = detect_language(dutch)
    assert lang == "nl" and prob != 0.99
