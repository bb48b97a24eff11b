"""Helpers for the reader tests: a small WARC written with warcio at test time."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = "<html><head><title>Story {n}</title></head><body><p>Story number {n}: talks went on.</p></body></html>"


def write_warc(path: Path, *, gzip: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)

    def response(uri: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2019-04-02T10:00:00Z"}))

    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "test"}))
    response("https://news.example/1", PAGE.format(n=1).encode(), "text/html; charset=utf-8")
    writer.write_record(writer.create_warc_record("https://news.example/1", "request",
                                                  payload=io.BytesIO(b"GET /1 HTTP/1.1\r\n\r\n")))
    response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
    response("https://news.example/gone", b"<html>gone</html>", "text/html", status="404 Not Found")
    response("https://news.example/2", PAGE.format(n="два").encode("cp1251"), "text/html; charset=windows-1251")
    meta_page = '<html><head><meta charset="koi8-r"></head><body><p>Новости дня</p></body></html>'
    response("https://news.example/3", meta_page.encode("koi8-r"), "text/html")
    writer.write_record(writer.create_warc_record(
        "https://news.example/4.txt", "resource", payload=io.BytesIO("Plain text story.".encode()),
        warc_content_type="text/plain"))
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


@pytest.fixture
def make_warc():
    """write_warc(path, gzip=True) -> bytes: seven records, four of them documents."""
    return write_warc
