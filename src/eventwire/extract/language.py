"""Which language an article is written in.

py3langid (a naive Bayes model over byte n-grams, shipped inside the
package) scores the first ~2000 characters; its normalised probability is
the confidence.  Below ~40 letters there is too little to go on, and the
answer is None rather than a guess.

Most of what eventwire reads is English, and the model costs about as much
per article as trafilatura's whole extraction, so a cheap test comes first:
running English prose is about half function words ("the", "of", "to",
"said"...), other languages share almost none of them.  Text that clears a
high bar of such words is English without asking the model; anything else
(mixed, short, other languages) goes to the model.
"""
from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 2000
MIN_LETTERS = 40
ENGLISH_SHARE = 0.30  # share of English function words above which the model is not asked
ENGLISH_MIN_WORDS = 60
ENGLISH_SAMPLE_CHARS = 1000
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_ENGLISH = frozenset(
    "the of and to in a is that for on was with said as by at from his her it be has have are were an "
    "will not this but they their who which been its after would more had he she we i you our there "
    "than also about over into up out two one when what if no can could should could than or".split()
)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability 0..1), or (None, 0.0) for too little text."""
    sample = text[:SAMPLE_CHARS]
    # enough letters? (the head nearly always settles it; str.isalpha runs in C)
    if sum(map(str.isalpha, sample[:4 * MIN_LETTERS])) < MIN_LETTERS \
            and sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return None, 0.0
    words = _WORD.findall(sample[:ENGLISH_SAMPLE_CHARS].lower())
    if len(words) >= ENGLISH_MIN_WORDS and sum(map(_ENGLISH.__contains__, words)) / len(words) >= ENGLISH_SHARE:
        return "en", 0.99
    language, probability = _identifier().classify(sample)
    return language, round(float(probability), 4)


@cache
def _identifier() -> LanguageIdentifier:
    """The model, loaded once per process (about a second)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
