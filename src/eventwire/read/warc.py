"""Web archives: WARC and WARC.gz (Common Crawl News and other crawls), the WARC/0.17 and 0.18
drafts older crawlers wrote, and ARC files (the Internet Archive's older format), plain or
gzip-compressed.

Records are streamed with warcio, one at a time, so a 1 GB archive never sits in memory; only
each wanted payload is read, and it is held to the size limit.  Taken: ``response`` records
(ARC records read as responses) with a 2xx status and an HTML content type, and
``resource``/``conversion`` records of HTML or plain text (WET files) whose target is a web
address.  Everything else (warcinfo, requests, metadata, crawler logs and manifests with
``metadata:`` or ``urn:`` targets, images, redirects) is passed over and counted in
``WarcStats`` of the file's last item, never stored as an article.

A record that is passed over is read through, not skipped by a seek: while it is read the
expansion of compressed input is watched, and an archive that expands more than
``BOMB_RATIO`` times past ``BOMB_FLOOR`` bytes is refused (E111) from that record on.

warcio does not complain about a cut-off archive: it hands back a short last payload or a
header block cut mid-line, or silently stops inside a truncated gzip member.  Damage is found
by checking that each record declares its length, that all of it was there (and, in a
WARC.gz, its gzip trailer), and at the end that the last complete record reaches the end of
the input.  The records before the damage are yielded, then one E108 naming the record and
its byte offset.  A cut that falls exactly between two records leaves a valid, shorter
archive: not noticed.  An archive compressed as one gzip stream rather than one member per
record (warcio refuses those) is read again through a plain decompressor when it is a file.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from ..errors import EventwireError
from ..records import RawDoc, ReadError
from .encoding import decode, header_charset, meta_charset
from .failures import failure, from_exception
from .sniff import binary_reason, looks_like_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_PAYLOAD_RECORDS = ("response", "resource", "conversion")
# uncompressed WARCs end with the blank lines that close the last record
_TRAILER_SLACK = 4
# web addresses: the targets of records that can hold a news document
_WEB_SCHEMES = ("http://", "https://")
BOMB_RATIO = 200  # compressed text rarely expands past 20 times
BOMB_FLOOR = 64 * 1024 * 1024
_CHUNK = 1 << 16


def iter_warc(stream: IO[bytes], path: str, max_bytes: int) -> Iterator[RawDoc | ReadError]:
    """The documents of a web archive stream; ``max_bytes`` limits each record."""
    done = 0
    try:
        for item in _iter_records(stream, path, max_bytes, gzip_stream=False):
            done += 1
            yield item
    except _OneGzipStream:
        if path == "-":
            yield failure(path, "E108", "compressed as one gzip stream, not one gzip member per "
                                        "record; decompress it (or recompress it per record) first")
            return
        with open(path, "rb") as handle:
            for k, item in enumerate(_iter_records(handle, path, max_bytes, gzip_stream=True)):
                if k >= done:
                    yield item


class _OneGzipStream(Exception):
    """warcio found one gzip stream holding many records."""


def _iter_records(stream: IO[bytes], path: str, max_bytes: int,
                  gzip_stream: bool) -> Iterator[RawDoc | ReadError]:
    tally = _Tally(stream)
    source = gzip.GzipFile(fileobj=tally, mode="rb") if gzip_stream else tally
    archive = ArchiveIterator(source, arc2warc=True)
    number = end = expanded = 0
    slack = _TRAILER_SLACK
    try:
        for record in archive:
            number += 1
            offset = archive.offset  # where this record starts (get_record_offset reads it through)
            where = f"record {number} at byte {offset:,}"
            if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                yield failure(path, "E108", f"{where} has no valid Content-Length "
                                            "(its header is cut short?)")
                return
            item = _read_record(record, path, number, max_bytes)
            expanded += _drain(record, tally, expanded)
            offset, length = archive.get_record_offset(), archive.get_record_length()
            if archive.reader.decompressor is not None or gzip_stream:
                slack = 0  # gzip members include their closing blank lines
            if record.raw_stream.limit > 0 or _member_cut_short(archive):
                yield failure(path, "E108", f"{where} is cut short")
                return
            end = offset + length
            if item is not None:
                yield item
    except _Bomb as bomb:
        yield failure(path, "E111", f"record {number + 1 if number == 0 else number} and after: "
                                    f"{bomb.args[0]}; refused from there")
        return
    except ArchiveLoadFailed as error:
        if "non-chunked gzip" in str(error) and not gzip_stream:
            raise _OneGzipStream() from error
        yield failure(path, "E108", f"unreadable after record {number}: {_one_line(error)}")
        return
    except Exception as error:  # noqa: BLE001 - warcio raises many types on bad input
        yield failure(path, "E108", f"unreadable after record {number}: "
                                    f"{type(error).__name__}: {_one_line(error)}")
        return
    if gzip_stream:
        return  # the decompressor checked the stream's end (EOFError when cut)
    leftover = tally.count - end
    if number == 0 or leftover > slack:
        yield failure(path, "E108", f"{leftover:,} bytes after record {number} "
                                    "do not form a complete WARC record")


class _Bomb(Exception):
    """Compressed input expanding past the bound."""


def _drain(record: ArcWarcRecord, tally: "_Tally", before: int) -> int:
    """Read the rest of ``record`` (nothing is kept), watching how far the input expands;
    returns the bytes read.  ``before`` is what earlier records expanded to."""
    count = 0
    while True:
        chunk = record.raw_stream.read(_CHUNK)
        if not chunk:
            return count
        count += len(chunk)
        total = before + count
        if total > BOMB_FLOOR and total > BOMB_RATIO * max(tally.count, 1):
            raise _Bomb(f"{tally.count:,} bytes expand to over {total:,} "
                        f"(more than {BOMB_RATIO} times): a gzip bomb?")


def _one_line(error: BaseException) -> str:
    """An exception's text on one line (warcio's messages run over several)."""
    text = " ".join(str(error).split())
    return text[:300] + ("..." if len(text) > 300 else "")


def _read_record(record: ArcWarcRecord, path: str, number: int,
                 max_bytes: int) -> RawDoc | ReadError | None:
    """The document in one record, an error about it, or None to pass it over."""
    if record.rec_type not in _PAYLOAD_RECORDS:
        return None
    where = f"{path}#{number}"
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not (uri or "").lower().startswith(_WEB_SCHEMES):
        return None  # crawler logs, manifests, metadata: not a page from the web
    http = record.http_headers
    if record.rec_type == "response":
        if http is None or not http.get_statuscode().startswith("2"):
            return None
        content_type = http.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    kind = _kind(content_type, record.rec_type)
    if kind is None:
        return None
    declared = int(record.rec_headers.get_header("Content-Length"))
    if declared > max_bytes:
        return failure(where, "E104", f"record {number} ({uri}) is {declared:,} bytes, over the "
                                      f"limit of {max_bytes:,} bytes")
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return failure(where, "E104", f"record {number} ({uri}) decompresses to over the limit of "
                                      f"{max_bytes:,} bytes")
    if not payload.strip():
        return failure(where, "E102", f"record {number} ({uri}) has an empty payload", payload)
    reason = binary_reason(payload[:4096])
    if reason:
        return failure(where, "E103", f"record {number} ({uri}) is binary: {reason}", payload)
    if kind == "sniff":
        if looks_like_html(payload[:2048].decode("latin-1")):
            kind = "html"
        elif record.rec_type == "response":
            return None
        else:
            kind = "txt"
    charset = header_charset(content_type) or (meta_charset(payload) if kind == "html" else None)
    try:
        text, encoding, flags = decode(payload, charset)
    except EventwireError as error:
        return from_exception(where, error, payload)
    date = record.rec_headers.get_header("WARC-Date") or (http and http.get_header("Last-Modified"))
    return RawDoc(source=uri or where, path=path, format="warc", raw=payload,
                  text=text if kind == "txt" else None, html=text if kind == "html" else None,
                  encoding=encoding, url=uri, date=date, flags=flags)


def _member_cut_short(archive: ArchiveIterator) -> bool:
    """True when the record's gzip member ended before its end-of-stream trailer.

    Once warcio has read a record to its end, the member's decompressor has
    seen the gzip trailer, unless the file stops just short of it.
    """
    decompressor = archive.reader.decompressor  # None for an uncompressed WARC
    return decompressor is not None and not decompressor.eof


def _kind(content_type: str | None, rec_type: str) -> str | None:
    """"html", "txt", "sniff" (no type given) or None (not a document)."""
    if not content_type:
        return "sniff"
    media = content_type.split(";", 1)[0].strip().lower()
    if media in _HTML_TYPES:
        return "html"
    if media in _TEXT_TYPES and rec_type != "response":
        return "txt"
    return None


class _Tally:
    """A read-only view of a stream that counts the bytes read through it."""

    def __init__(self, stream: IO[bytes]):
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count
