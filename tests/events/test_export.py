"""GDELT-like TSV and Parquet export (events/export.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from test_store import aid, corpus, meeting  # noqa: E402

from eventwire.errors import EventwireError  # noqa: E402
from eventwire.events import export as ex  # noqa: E402
from eventwire.events import store as es  # noqa: E402
from eventwire.events.dedup import merge  # noqa: E402


def _read_tsv(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    return [line.split("\t") for line in lines[:-1]]


def test_tsv_has_one_line_per_event_in_gdelt_columns(tmp_path):
    s = corpus(tmp_path)
    out = tmp_path / "events.tsv"
    assert ex.export(s, out, "tsv") == 3
    header, *rows = _read_tsv(out)
    assert header == list(ex.COLUMNS)
    assert all(len(r) == len(ex.COLUMNS) for r in rows)
    first = dict(zip(header, rows[0]))
    assert first["Day"] == "20180716" and first["MonthYear"] == "201807" and first["Year"] == "2018"
    assert first["Actor1Code"] == "USAGOV" and first["Actor1CountryCode"] == "USA" and first["Actor2CountryCode"] == "RUS"
    assert first["EventRootCode"] == "04" and first["EventBaseCode"] == first["EventCode"][:3]
    assert first["QuadClass"] == "1" and float(first["GoldsteinScale"]) > 0
    assert (first["NumMentions"], first["NumArticles"], first["NumSources"]) == ("2", "2", "2")
    assert first["IsRootEvent"] == "1" and first["SOURCEURL"] == "https://example.org/r/1"
    assert first["ActionGeo_FullName"] == "Helsinki" and first["Status"] == "happened"
    protest = dict(zip(header, rows[2]))
    assert protest["SOURCEURL"] == "a4.txt"  # no URL: the input source
    assert protest["IsRootEvent"] == "1"


def test_tsv_options_and_hostile_values(tmp_path):
    s = corpus(tmp_path)
    es.save_event_mentions(s, aid("a1"), [meeting("a1", "Donald Trump met Vladimir Putin in Helsinki on Monday.",
                                                  location="Helsinki\tFinland\nEurope")])
    merge(s, [aid("a1")])
    out = tmp_path / "all.tsv"
    assert ex.export_tsv(s, out, header=False, include_all=True) == 4
    rows = _read_tsv(out)
    assert len(rows) == 4 and all(len(r) == len(ex.COLUMNS) for r in rows)
    col = {c: i for i, c in enumerate(ex.COLUMNS)}
    assert rows[0][col["ActionGeo_FullName"]] == "Helsinki Finland Europe"
    assert sorted(r[col["Status"]] for r in rows) == ["happened", "happened", "happened", "negated"]


def test_parquet_without_pyarrow_says_how_to_get_it(tmp_path, monkeypatch):
    s = corpus(tmp_path)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow -> ImportError
    with pytest.raises(EventwireError, match="pyarrow") as info:
        ex.export(s, tmp_path / "events.parquet", "parquet")
    assert info.value.code == ex.MISSING_DEPENDENCY and ex.PYARROW_PIN in str(info.value)


def test_parquet_roundtrip(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    s = corpus(tmp_path)
    out = tmp_path / "events.parquet"
    assert ex.export(s, out, "parquet") == 3
    table = pq.read_table(out)
    assert table.column_names == list(ex.COLUMNS)
    rows = table.to_pylist()
    assert rows[0]["Day"] == 20180716 and rows[0]["NumMentions"] == 2 and rows[0]["EventRootCode"] == "04"
    assert rows[1]["GoldsteinScale"] == -8.0 and rows[2]["ActionGeo_FullName"] is None


def test_unknown_format(tmp_path):
    s = corpus(tmp_path)
    with pytest.raises(ValueError):
        ex.export(s, tmp_path / "x", "csv")
