"""Which language an article is written in.

py3langid (a naive Bayes model over byte n-grams, shipped inside the
package) scores the first ~2000 characters; its normalised probability is
the confidence.  Below ~40 letters there is too little to go on, and the
answer is None rather than a guess.
"""
from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 2000
MIN_LETTERS = 40


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability 0..1), or (None, 0.0) for too little text."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for char in sample if char.isalpha()) < MIN_LETTERS:
        return None, 0.0
    language, probability = _identifier().classify(sample)
    return language, round(float(probability), 4)


@cache
def _identifier() -> LanguageIdentifier:
    """The model, loaded once per process (about a second)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
