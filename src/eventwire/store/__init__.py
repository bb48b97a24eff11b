"""The embedded store (SQLite, WAL, FTS5)."""
from .db import SearchHit, Store, default_db

__all__ = ["Store", "SearchHit", "default_db"]
