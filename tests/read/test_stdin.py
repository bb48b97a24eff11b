"""Standard input is sniffed: text, HTML, JSON, JSON Lines, WARC."""
from __future__ import annotations

import gzip
import io
from pathlib import Path

from eventwire.read import read_file
from eventwire.records import RawDoc, ReadError


def from_stdin(data: bytes, **kwargs) -> list[RawDoc | ReadError]:
    return list(read_file("-", stdin=io.BytesIO(data), **kwargs))


def test_stdin_text_and_html():
    (doc,) = from_stdin("Talks resumed on Monday.\n".encode())
    assert (doc.format, doc.text, doc.source, doc.path) == ("txt", "Talks resumed on Monday.\n", "-", "-")
    (doc,) = from_stdin(b"<!doctype html><html><body><p>Hi</p></body></html>")
    assert doc.format == "html"


def test_stdin_json_and_json_lines():
    docs = from_stdin(b'{"text": "one"}\n{"text": "two"}\n')
    assert [(doc.format, doc.text, doc.source) for doc in docs] == [("jsonl", "one", "-#1"), ("jsonl", "two", "-#2")]
    docs = from_stdin(b'{\n  "text": "only one"\n}\n')
    assert [(doc.format, doc.text, doc.source) for doc in docs] == [("json", "only one", "-")]
    docs = from_stdin(b'[{"text": "a"}, {"text": "b"}]')
    assert [doc.source for doc in docs] == ["-#1", "-#2"]


def test_stdin_warc(tmp_path: Path, make_warc):
    data = make_warc(tmp_path / "crawl.warc.gz")
    assert len(from_stdin(data)) == 4
    assert len(from_stdin(gzip.decompress(data))) == 4


def test_stdin_limits():
    (error,) = from_stdin(b"")
    assert error.code == "E102"
    (error,) = from_stdin(b"x" * 5000, max_bytes=1000)
    assert error.code == "E104"
