#!/usr/bin/env python3
"""Build examples/corpus/commoncrawl-news-sample.warc.gz from the pages in warc_pages/.

The pages live outside examples/corpus/ on purpose, so that `eventwire ingest
examples/corpus` sees them only once, inside the WARC.

The output imitates a Common Crawl News (CC-NEWS) file: one ``warcinfo`` record
followed by HTTP ``response`` records, each with WARC-Target-URI, WARC-Date and
the HTTP headers a news server would send. The page files are copied byte for
byte (one of them is ISO-8859-1), and the Content-Type header is written
exactly as listed below (one response deliberately declares no charset).

Record IDs are derived from the URL, so re-running the script produces the same
records; only the gzip framing may differ between zlib versions.

Usage (from the repository root):

    .venv/bin/python examples/tools/make_warc.py
"""

from __future__ import annotations

import sys
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "warc_pages"
OUTPUT = HERE.parent / "corpus" / "commoncrawl-news-sample.warc.gz"

# Order matters: examples/corpus-notes.json refers to these records as
# commoncrawl-news-sample.warc.gz#0 .. #3 (0-based, counting response records only).
RECORDS = [
    {
        "page": "helsinki-walkback.html",
        "url": "https://northernstarherald.example/news/politics/2018/07/17/trump-says-he-misspoke-helsinki",
        # Crawled the day after publication: WARC-Date is NOT the publication date.
        "warc_date": "2018-07-18T06:12:44Z",
        "content_type": "text/html; charset=utf-8",
        "last_modified": "Tue, 17 Jul 2018 20:05:00 GMT",
        "server": "nginx",
    },
    {
        "page": "geneva-preview-latin1.html",
        "url": "https://alpinegazette.example/world/geneve-prepares-biden-putin-summit",
        "warc_date": "2021-06-10T09:30:12Z",
        "content_type": "text/html; charset=ISO-8859-1",
        "last_modified": None,
        "server": "Apache",
    },
    {
        "page": "iran-deal-obama-harbourside.html",
        "url": "https://harboursidechronicle.example/nation-world/2015/07/14/obama-iran-deal-veto-congress",
        # No charset in the HTTP header; the page declares utf-8 in a <meta> tag.
        "warc_date": "2015-07-15T02:10:31Z",
        "content_type": "text/html",
        "last_modified": None,
        "server": "Microsoft-IIS/8.5",
    },
    {
        "page": "eu-summit-ukraine-continental.html",
        "url": "https://continentalbriefing.example/europe/eu-leaders-emergency-summit-russia-sanctions",
        "warc_date": "2022-02-25T04:20:05Z",
        "content_type": "text/html; charset=UTF-8",
        "last_modified": "Thu, 24 Feb 2022 22:50:00 GMT",
        "server": "cloudflare",
    },
]


def _record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}>"


def build(output: Path = OUTPUT) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="WARC/1.1")

        info = writer.create_warcinfo_record(
            output.name,
            {
                "software": "eventwire examples/tools/make_warc.py (warcio)",
                "format": "WARC File Format 1.1",
                "description": "Hand-written sample pages in the style of Common Crawl News",
                "isPartOf": "eventwire-example-corpus",
            },
        )
        info.rec_headers.replace_header("WARC-Record-ID", _record_id("warcinfo:" + output.name))
        info.rec_headers.replace_header("WARC-Date", "2022-02-25T04:20:00Z")
        writer.write_record(info)

        for spec in RECORDS:
            body = (PAGES / spec["page"]).read_bytes()
            headers = [
                ("Content-Type", spec["content_type"]),
                ("Content-Length", str(len(body))),
                ("Server", spec["server"]),
                ("Connection", "close"),
            ]
            if spec["last_modified"]:
                headers.append(("Last-Modified", spec["last_modified"]))
            http_headers = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                spec["url"],
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http_headers,
                warc_headers_dict={
                    "WARC-Date": spec["warc_date"],
                    "WARC-Record-ID": _record_id(spec["url"]),
                    "WARC-Identified-Payload-Type": "text/html",
                },
            )
            writer.write_record(record)
    return output


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
    print(f"wrote {path}")
