"""Web archives as crawlers other than Common Crawl write them: wget's WARCs (request, metadata,
log and manifest records), ARC files, WARC/0.17 drafts, one-stream gzip, gzip bombs.  All
written here at test time."""
from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.read import read_file
from eventwire.read import warc as warc_module
from eventwire.records import RawDoc, ReadError

PAGE = (b"<html><head><title>Harbour reopens</title></head><body><article><p>The harbour "
        b"reopened to ferries on Friday after a week of repairs to the main pier.</p></article>"
        b"</body></html>")
HTTP_PAGE = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE


def _wget_like(path: Path, gz: bool) -> None:
    with open(path, "wb") as handle:
        w = WARCWriter(handle, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "Wget/1.21"}))
        req = StatusAndHeaders("GET /harbour HTTP/1.1", [("Host", "port.example")], is_http_request=True)
        w.write_record(w.create_warc_record("http://port.example/harbour", "request", http_headers=req))
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("http://port.example/harbour", "response",
                                            payload=io.BytesIO(PAGE), http_headers=http))
        w.write_record(w.create_warc_record("http://port.example/harbour", "metadata",
                                            payload=io.BytesIO(b"outlink: http://port.example/a\n"),
                                            warc_content_type="application/warc-fields"))
        log = b"--2024-01-01 10:00:00--  http://port.example/harbour\nHTTP request sent, 200 OK\n"
        for name, body in (("wget.log", log), ("MANIFEST.txt", b"<urn:uuid:1>\n")):
            w.write_record(w.create_warc_record(f"metadata://gnu.org/software/wget/warc/{name}",
                                                "resource", payload=io.BytesIO(body),
                                                warc_content_type="text/plain"))
        w.write_record(w.create_warc_record("urn:x-crawler:log", "resource",
                                            payload=io.BytesIO(b"Content-type: text/plain\n"),
                                            warc_content_type="text/plain"))


@pytest.mark.parametrize("gz", [False, True])
def test_only_web_documents_are_read_from_a_wget_archive(tmp_path, gz):
    path = tmp_path / ("wget.warc.gz" if gz else "wget.warc")
    _wget_like(path, gz)
    items = list(read_file(str(path)))
    assert [(type(i).__name__, getattr(i, "url", None)) for i in items] == [
        ("RawDoc", "http://port.example/harbour")]


def _arc_bytes() -> tuple[bytes, bytes]:
    second = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    head = b"filedesc://x.arc 0.0.0.0 20050614070144 text/plain %d\n" % len(second) + second + b"\n"
    rec = b"http://port.example/harbour 10.0.0.1 20050614070159 text/html %d\n" % len(HTTP_PAGE)
    return head, rec + HTTP_PAGE + b"\n"


@pytest.mark.parametrize("form", ["plain", "members", "one-stream"])
def test_arc_files_give_their_pages(tmp_path, form):
    head, rec = _arc_bytes()
    if form == "plain":
        path, data = tmp_path / "old.arc", head + rec
    elif form == "members":
        path, data = tmp_path / "old.arc.gz", gzip.compress(head) + gzip.compress(rec)
    else:
        path, data = tmp_path / "old.arc.gz", gzip.compress(head + rec)
    path.write_bytes(data)
    items = list(read_file(str(path)))
    assert len(items) == 1 and isinstance(items[0], RawDoc), items
    assert items[0].url == "http://port.example/harbour" and "harbour reopened" in items[0].html


def test_warc_draft_0_17_is_read(tmp_path):
    rec = (b"WARC/0.17\r\nWARC-Type: response\r\nWARC-Target-URI: http://port.example/harbour\r\n"
           b"WARC-Date: 2008-04-30T20:48:25Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
           b"Content-Type: application/http; msgtype=response\r\n"
           b"Content-Length: %d\r\n\r\n" % len(HTTP_PAGE)) + HTTP_PAGE + b"\r\n\r\n"
    path = tmp_path / "heritrix.warc"
    path.write_bytes(rec)
    items = list(read_file(str(path)))
    assert len(items) == 1 and isinstance(items[0], RawDoc), items


def test_one_stream_gzip_from_stdin_is_refused_in_one_line():
    head, rec = _arc_bytes()
    items = list(read_file("-", stdin=io.BytesIO(gzip.compress(head + rec + rec))))
    assert isinstance(items[-1], ReadError) and items[-1].code == "E108"
    assert "\n" not in items[-1].reason


def test_damage_is_reported_on_one_line_with_the_record_offset(tmp_path):
    path = tmp_path / "bad.warc"
    _wget_like(path, gz=False)
    data = path.read_bytes()
    path.write_bytes(data + b"garbage that is no record\nmore\n" * 3)
    error = list(read_file(str(path)))[-1]
    assert isinstance(error, ReadError) and error.code == "E108" and "\n" not in error.reason
    assert "record 8" in error.reason or "after record 7" in error.reason, error.reason


def test_gzip_bomb_is_refused_by_its_expansion(tmp_path, monkeypatch):
    monkeypatch.setattr(warc_module, "BOMB_FLOOR", 1_000_000)
    path = tmp_path / "bomb.warc.gz"
    with open(path, "wb") as handle:
        w = WARCWriter(handle, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("http://port.example/harbour", "response",
                                            payload=io.BytesIO(PAGE), http_headers=http))
        zeros = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("http://port.example/x.png", "response",
                                            payload=io.BytesIO(bytes(8_000_000)), http_headers=zeros))
        w.write_record(w.create_warc_record("http://port.example/later", "response",
                                            payload=io.BytesIO(PAGE), http_headers=http))
    assert path.stat().st_size < 100_000
    items = list(read_file(str(path)))
    assert isinstance(items[0], RawDoc)
    assert isinstance(items[-1], ReadError) and items[-1].code == "E111", items[-1]
    assert "gzip bomb" in items[-1].reason


def test_an_archive_streams_in_bounded_memory(tmp_path):
    """Thirty 1 MB records passed over and pages between them: reading holds one chunk at a time."""
    import tracemalloc

    path = tmp_path / "big.warc"
    blob = bytes(range(256)) * 4096  # 1 MB, incompressible enough
    with open(path, "wb") as handle:
        w = WARCWriter(handle, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
        for i in range(30):
            w.write_record(w.create_warc_record(f"http://port.example/{i}.jpg", "response",
                                                payload=io.BytesIO(blob), http_headers=image))
            if i % 10 == 0:
                w.write_record(w.create_warc_record(f"http://port.example/page{i}", "response",
                                                    payload=io.BytesIO(PAGE), http_headers=http))
    assert path.stat().st_size > 30_000_000
    tracemalloc.start()
    try:
        pages = [item for item in read_file(str(path)) if isinstance(item, RawDoc)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(pages) == 3
    assert peak < 4_000_000, f"peak {peak:,} bytes while reading a {path.stat().st_size:,}-byte archive"


def test_deeply_nested_html_is_refused_or_read_never_a_crash():
    from eventwire.errors import EventwireError
    from eventwire.extract.html import extract_html

    depth = 100_000
    html = ("<html><head><title>Deep</title></head><body>" + "<div>" * depth
            + "<p>The council met on Monday to discuss the budget.</p>" + "</div>" * depth + "</body></html>")
    try:
        extract_html(html)
    except EventwireError as error:
        assert error.code == "E201"
