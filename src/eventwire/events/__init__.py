"""Political events: who did what to whom, coded in CAMEO and PLOVER.

``code_doc`` / ``code_sentence`` (coder.py), the CAMEO table (cameo.py), the
PLOVER types and mapping (plover.py), the lexicon (lexicon.py,
``data/events_lexicon.txt``).
"""
from eventwire.events.cameo import CODES, lookup
from eventwire.events.coder import code_doc, code_sentence
from eventwire.events.plover import TYPES, to_plover

__all__ = ["CODES", "TYPES", "code_doc", "code_sentence", "lookup", "to_plover"]
