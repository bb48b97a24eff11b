"""eventwire: raw news in, a traceable record of world politics out."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["open", "__version__"]


def open(db: str | None = None, **kwargs):  # noqa: A001 - mirrors sqlite3.connect / builtins.open
    """Open (or create) an eventwire store: ``ew = eventwire.open("news.db")``."""
    from .api import Eventwire

    return Eventwire(db, **kwargs)
