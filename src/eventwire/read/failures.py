"""Build ReadErrors that keep what failed, when it is small enough to store."""
from __future__ import annotations

from ..errors import EventwireError
from ..records import ReadError

KEEP_RAW_BELOW = 1_000_000


def failure(path: str, code: str, reason: str, raw: bytes | None = None) -> ReadError:
    """A ReadError; ``raw`` is kept only under 1 MB."""
    kept = raw if raw is not None and len(raw) < KEEP_RAW_BELOW else None
    return ReadError(path=path, code=code, reason=reason, raw=kept)


def from_exception(path: str, error: EventwireError, raw: bytes | None = None) -> ReadError:
    """A ReadError carrying an EventwireError's code and detail."""
    return failure(path, error.code, error.detail or str(error), raw)
