"""WARC and WARC.gz, written with warcio at test time: record selection, charsets, damage."""
from __future__ import annotations

from pathlib import Path

from eventwire.read import read_file
from eventwire.records import RawDoc, ReadError


def test_records_are_selected_and_decoded(tmp_path: Path, make_warc):
    path = tmp_path / "crawl.warc.gz"
    make_warc(path)
    docs = list(read_file(str(path)))
    assert all(isinstance(doc, RawDoc) for doc in docs), docs
    assert [doc.source for doc in docs] == ["https://news.example/1", "https://news.example/2",
                                            "https://news.example/3", "https://news.example/4.txt"]
    first, second, third, fourth = docs
    assert (first.format, first.url, first.date, first.encoding) == (
        "warc", "https://news.example/1", "2019-04-02T10:00:00Z", "utf-8")
    assert "Story number 1:" in first.html and first.raw == first.html.encode()
    assert "Story number два:" in second.html and second.encoding == "cp1251"
    assert "Новости дня" in third.html and third.encoding == "koi8-r"
    assert (fourth.text, fourth.html) == ("Plain text story.", None)


def test_uncompressed_warc_without_extension_is_sniffed(tmp_path: Path, make_warc):
    path = tmp_path / "crawl-dump"
    make_warc(path, gzip=False)
    assert len([doc for doc in read_file(str(path)) if isinstance(doc, RawDoc)]) == 4


def test_truncated_warc_gz_yields_what_came_before(tmp_path: Path, make_warc):
    data = make_warc(tmp_path / "full.warc.gz")
    for cut in (len(data) - 3, len(data) - 40, len(data) * 2 // 3, len(data) // 3):
        path = tmp_path / "cut.warc.gz"
        path.write_bytes(data[:cut])
        items = list(read_file(str(path)))
        assert isinstance(items[-1], ReadError) and items[-1].code == "E108", (cut, items[-1])
        assert all(isinstance(item, RawDoc) for item in items[:-1])
    assert len(items) < 4


def test_truncated_plain_warc(tmp_path: Path, make_warc):
    data = make_warc(tmp_path / "full.warc", gzip=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 30])
    items = list(read_file(str(path)))
    assert [type(item).__name__ for item in items] == ["RawDoc"] * 3 + ["ReadError"]
    assert items[-1].code == "E108"


def test_records_over_the_limit(tmp_path: Path, make_warc):
    path = tmp_path / "crawl.warc.gz"
    make_warc(path)
    items = list(read_file(str(path), max_bytes=120))
    errors = [item for item in items if isinstance(item, ReadError)]
    assert errors and all(error.code == "E104" for error in errors)
    assert [item.source for item in items if isinstance(item, RawDoc)] == ["https://news.example/4.txt"]


def test_warc_extension_without_warc_content(tmp_path: Path, make_warc):
    path = tmp_path / "fake.warc"
    path.write_text("not an archive")
    (error,) = read_file(str(path))
    assert error.code == "E108"
