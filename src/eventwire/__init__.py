"""eventwire: raw news in, a traceable record of world politics out."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["open", "resolve", "__version__"]


def open(db: str | None = None, **kwargs):  # noqa: A001 - mirrors sqlite3.connect / builtins.open
    """Open (or create) an eventwire store: ``ew = eventwire.open("news.db")``."""
    from .api import Eventwire

    return Eventwire(db, **kwargs)


def resolve(name: str, *, context: str | None = None, date: str | None = None) -> dict | None:
    """What a name stands for, with the built-in lists only (no store):
    ``eventwire.resolve("the Kremlin spokesman")`` -> ``{"name": ..., "country": "RUS",
    "sector": "GOV", "code": "RUSGOV", ...}``; None when the phrase names nothing.

    ``context`` is a sentence or role phrase about the same actor ("the Iraqi
    defence minister"), ``date`` (ISO) the day the name was used: roles are
    dated ("the US president" in 2019 and in 2022 are different people).
    The same as ``eventwire resolve NAME --json``.
    """
    from dataclasses import asdict

    from .nlp.actors import default_resolver

    actor = default_resolver().resolve(name, descriptors=[context] if context else [], date=date)
    if actor is None:
        return None
    return {**asdict(actor), "code": actor.code}
