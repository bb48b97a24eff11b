"""Exporting merged events: GDELT-like tab-separated values, or Parquet.

One line (row) per event that happened (``include_all=True`` adds those
reported only as negated, hypothetical or future; then the ``Status`` column
says which).  The columns, in order (GDELT 1.0/2.0 names where one exists):

====================  =========================================================
GlobalEventID         the event id (16 hex digits; stable across re-merges)
Day                   date of the event, YYYYMMDD (empty when undated or dated
                      only to a month/year)
MonthYear             YYYYMM
Year                  YYYY
Actor1Code            source actor code, CAMEO-style (RUSGOV)
Actor1Name            source actor name (Vladimir Putin)
Actor1CountryCode     ISO 3166 alpha-3 country of Actor1Code (RUS), if any
Actor2Code            target actor code
Actor2Name            target actor name
Actor2CountryCode     country of Actor2Code
IsRootEvent           1 when some report is in the first paragraph of its article
EventCode             CAMEO code, as specific as the reports support (042)
EventBaseCode         its first three digits (042; 0 + root for root codes: 040)
EventRootCode         its two-digit root (04)
QuadClass             1 verbal cooperation, 2 material cooperation,
                      3 verbal conflict, 4 material conflict
GoldsteinScale        -10 (conflict) .. +10 (cooperation)
NumMentions           sentence-events merged into this event
NumSources            distinct outlets reporting it
NumArticles           distinct articles reporting it
ActionGeo_FullName    where it happened, as the text names it
SOURCEURL             URL of the first article reporting it (its input source
                      when it has no URL)
PloverType            PLOVER event type (CONSULT)
PloverMode            PLOVER mode, if any
Status                happened | negated | hypothetical | future
====================  =========================================================

TSV: UTF-8, a header line unless ``header=False``; tabs and line breaks in
values become spaces; missing values are empty.  Parquet (needs ``pyarrow``):
the same columns, Day/MonthYear/Year/IsRootEvent/QuadClass/Num* as integers,
GoldsteinScale as a float, missing values as nulls.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import EventwireError
from .store import events as stored_events

if TYPE_CHECKING:  # pragma: no cover
    from ..store import Store

COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "SOURCEURL",
    "PloverType", "PloverMode", "Status",
)
INT_COLUMNS = frozenset({"Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources", "NumArticles"})
FLOAT_COLUMNS = frozenset({"GoldsteinScale"})
FORMATS = ("tsv", "parquet")
PYARROW_PIN = "pyarrow==26.0.1"
MISSING_DEPENDENCY = "E501"  # to be listed in eventwire.errors.CODES: "an optional dependency is missing"

_BREAKS = re.compile(r"[\t\r\n\x0b\x0c\x85\u2028\u2029]+")


def _base_code(cameo: str) -> str:
    return cameo[:3] if len(cameo) >= 3 else (cameo + "0")[:3]


def _dates(date: str | None) -> tuple[int | None, int | None, int | None]:
    d = (date or "")[:10]
    digits = d.replace("-", "")
    day = int(digits) if len(d) == 10 and digits.isdigit() else None
    month = int(digits[:6]) if len(d) >= 7 and digits[:6].isdigit() else None
    year = int(digits[:4]) if len(d) >= 4 and digits[:4].isdigit() else None
    return day, month, year


def rows(store: "Store", *, include_all: bool = False) -> Iterable[dict]:
    """The export's rows, as dicts keyed by ``COLUMNS``, oldest first."""
    for ev in stored_events(store, happened=None if include_all else True):
        day, month, year = _dates(ev["date"])
        yield {
            "GlobalEventID": ev["id"], "Day": day, "MonthYear": month, "Year": year,
            "Actor1Code": ev["source"], "Actor1Name": ev["source_actor"], "Actor1CountryCode": ev["source_country"],
            "Actor2Code": ev["target"], "Actor2Name": ev["target_actor"], "Actor2CountryCode": ev["target_country"],
            "IsRootEvent": int(ev["is_root"]), "EventCode": ev["cameo"], "EventBaseCode": _base_code(ev["cameo"]),
            "EventRootCode": ev["root"], "QuadClass": ev["quad"], "GoldsteinScale": ev["goldstein"],
            "NumMentions": ev["mentions"], "NumSources": ev["num_sources"], "NumArticles": ev["num_articles"],
            "ActionGeo_FullName": ev["location"], "SOURCEURL": ev["sources"][0] if ev["sources"] else None,
            "PloverType": ev["plover"], "PloverMode": ev["plover_mode"], "Status": ev["status"],
        }


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return _BREAKS.sub(" ", str(value))


def export_tsv(store: "Store", out: str | os.PathLike, *, header: bool = True, include_all: bool = False) -> int:
    """Write the TSV export; returns the number of events written."""
    n = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        if header:
            f.write("\t".join(COLUMNS) + "\n")
        for row in rows(store, include_all=include_all):
            f.write("\t".join(_cell(row[c]) for c in COLUMNS) + "\n")
            n += 1
    return n


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise EventwireError(
            MISSING_DEPENDENCY,
            f"Parquet export needs pyarrow, which is not installed: pip install '{PYARROW_PIN}' (or export --format tsv)",
        ) from None
    return pyarrow, pyarrow.parquet


def export_parquet(store: "Store", out: str | os.PathLike, *, include_all: bool = False) -> int:
    """Write the Parquet export; returns the number of events written.
    Raises EventwireError (E501) when pyarrow is not installed."""
    pa, pq = _pyarrow()
    data = list(rows(store, include_all=include_all))
    fields = []
    for c in COLUMNS:
        typ = pa.int64() if c in INT_COLUMNS else pa.float64() if c in FLOAT_COLUMNS else pa.string()
        fields.append(pa.field(c, typ))
    schema = pa.schema(fields)
    table = pa.table({c: pa.array([r[c] for r in data], type=schema.field(c).type) for c in COLUMNS}, schema=schema)
    pq.write_table(table, os.fspath(out))
    return len(data)


def export(store: "Store", out: str | os.PathLike, format: str = "tsv", *,
           header: bool = True, include_all: bool = False) -> int:
    """Export events to ``out`` as ``tsv`` or ``parquet``; returns how many."""
    if format == "tsv":
        return export_tsv(store, out, header=header, include_all=include_all)
    if format == "parquet":
        return export_parquet(store, out, include_all=include_all)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
