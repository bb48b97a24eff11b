"""A parsed Doc's sentences, computed once.

``Doc.sents`` walks every token of the document each time it is read; the
language pass needs the sentences in several steps (names, quotes, times,
event coding), so the spans are kept in the Doc's ``user_data`` on first use.
"""
from __future__ import annotations

_KEY = "eventwire.sents"


def sents(doc) -> list:
    """The Doc's sentence spans, in order (cached on the Doc)."""
    found = doc.user_data.get(_KEY)
    if found is None or (found and found[-1].end != len(doc)):
        found = doc.user_data[_KEY] = list(doc.sents)
    return found
