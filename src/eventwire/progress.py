"""What an ingest run reports: counts (``IngestReport``) and progress hooks (``Reporter``).

Kept apart from ``ingest`` so the API and the command line can name them without importing the
extraction stack.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .records import ReadError


class Reporter:
    """Receives progress; the default does nothing."""

    def start(self, total_files: int) -> None: ...

    def file_done(self, path: str) -> None: ...

    def error(self, error: ReadError) -> None: ...

    def phase(self, name: str) -> None: ...

    def warning(self, source: str, message: str) -> None: ...


@dataclass
class IngestReport:
    files: int = 0
    documents: int = 0
    added: int = 0
    existing: int = 0
    errors: int = 0
    recleaned: int = 0
    dated_from_corpus: int = 0
    seconds: float = 0.0
    analysis: dict | None = None
    stories: dict | None = None
    # wall seconds per stage: read_extract, corpus_passes (in ``seconds``), language, stories
    timings: dict = field(default_factory=dict)
    added_ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def as_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k != "added_ids"}
        d["seconds"] = round(self.seconds, 3)
        d["timings"] = {k: round(v, 3) for k, v in self.timings.items()}
        return d


def skipped_words(n: int, why: dict, partly: int = 0) -> str:
    """How many articles the language pass skipped, and why: "3 skipped: 2 language fr, 1 empty body";
    then how many it read only in part (too long)."""
    tail = f"; {partly} read only in part (too long; flagged)" if partly else ""
    if not n:
        return "none skipped" + tail
    reasons = ", ".join(f"{c} {w}" for w, c in sorted(why.items(), key=lambda kv: (-kv[1], kv[0])))
    return (f"{n} skipped: {reasons}" if reasons else f"{n} skipped") + tail
