"""Political events: who did what to whom, coded in CAMEO and PLOVER.

``code_doc`` / ``code_sentence`` (the coder/ package, a module per stage), the CAMEO table (cameo.py), the
PLOVER types and mapping (plover.py), the lexicon (lexicon.py,
``data/events_lexicon.txt``).  Names load their module on first use, so the
store and the command line do not pay for the coder until it runs.
"""
import importlib

_LAZY = {"CODES": "cameo", "lookup": "cameo", "code_doc": "coder", "code_sentence": "coder",
         "TYPES": "plover", "to_plover": "plover"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = ["CODES", "TYPES", "code_doc", "code_sentence", "lookup", "to_plover"]
