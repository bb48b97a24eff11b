"""Numbered, searchable error messages.

Every problem eventwire reports about an input carries a code from this
table, so a user can grep for it and the docs can explain it.  Codes are a
public contract: add new ones, never renumber.
"""
from __future__ import annotations

CODES: dict[str, str] = {
    # E1xx: reading inputs
    "E101": "path does not exist",
    "E102": "file is empty",
    "E103": "file looks binary, not text, HTML, JSON or WARC",
    "E104": "file is larger than the size limit",
    "E105": "text could not be decoded in any known encoding",
    "E106": "JSON could not be parsed",
    "E107": "JSON record has no text or html field",
    "E108": "WARC file is corrupt or truncated",
    "E109": "unsupported file type",
    "E110": "permission denied or read error",
    "E111": "compressed input expands too far (a gzip bomb?)",
    "E112": "a record field holds an impossible value",
    "E113": "reading the file failed unexpectedly (the rest of the file is skipped)",
    "E114": "a manifest of input paths could not be read",
    # E2xx: extraction
    "E201": "no article text could be extracted",
    "E202": "HTML could not be parsed",
    "E203": "extraction failed unexpectedly on this document",
    # E3xx: store
    "E301": "database schema is newer than this version of eventwire",
    "E302": "not an eventwire database",
    "E303": "malformed search query",
    "E304": "no article with that id",
    "E305": "the store cannot be opened",
    "E306": "another ingest is writing to this store",
    "E307": "the store has an older schema and cannot be upgraded here",
    "E308": "the store to load a dataset into already holds articles",
    "E309": "not an eventwire Parquet dataset",
    # E4xx: language pass
    "E401": "language model could not be loaded",
    "E402": "actor dictionary could not be parsed",
    "E403": "an input line is too long to code",
    "E404": "coding one input failed unexpectedly",
    # E5xx: optional parts
    "E501": "an optional dependency is missing",
    "E502": "Spark could not start",
}


class EventwireError(Exception):
    """An error with a code from CODES; str() gives 'code: message'."""

    def __init__(self, code: str, detail: str = ""):
        self.code = code
        self.detail = detail
        base = CODES.get(code, "error")
        super().__init__(f"[{code}] {base}" + (f": {detail}" if detail else ""))
