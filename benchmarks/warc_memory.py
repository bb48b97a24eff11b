"""Memory while reading a large web archive: `eventwire ingest --no-analyze` over a 1 GB WARC
(written here with warcio: 1 MB image responses, which are passed over, with news pages between
them), against the same pages in a small WARC.  Peak resident memory of the ingest process
(``ru_maxrss`` of the child) for each, and the difference.

Usage:  python benchmarks/warc_memory.py [GB]      (default 1)
"""
from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
PAGES = 400


def _page(i: int) -> bytes:
    return (f"<html><head><title>Harbour report {i}</title></head><body><article>"
            f"<p>The harbour authority said on Monday that pier {i} would reopen after repairs, "
            f"and that ferries to island {i % 37} would run on the summer timetable.</p>"
            f"<p>Unions representing {i * 3} dock workers welcomed the decision, a spokesman said.</p>"
            "</article></body></html>").encode()


def write(path: Path, megabytes_of_images: int) -> None:
    blob = os.urandom(1 << 20)
    html = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
    every = max(1, megabytes_of_images // PAGES)
    with open(path, "wb") as handle:
        w = WARCWriter(handle, gzip=False)
        page = 0
        for i in range(max(megabytes_of_images, PAGES)):
            if i < megabytes_of_images:
                w.write_record(w.create_warc_record(f"http://port.example/img{i}.jpg", "response",
                                                    payload=io.BytesIO(blob), http_headers=image))
            if i % every == 0 and page < PAGES:
                w.write_record(w.create_warc_record(f"http://port.example/news/{page}", "response",
                                                    payload=io.BytesIO(_page(page)), http_headers=html))
                page += 1


def peak_of_ingest(warc: Path, db: Path) -> tuple[float, float, str]:
    """(peak RSS in MB, seconds, the summary line) of one `eventwire ingest --no-analyze`."""
    code = ("import resource, subprocess, sys\n"
            "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
            "print((p.stdout.strip().splitlines() or [''])[0])\n")
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "eventwire.cli", "ingest",
                           str(warc), "--db", str(db), "--no-analyze"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    seconds = time.perf_counter() - t0
    kb, summary = done.stdout.splitlines()[:2]
    return int(kb) / 1024, seconds, summary


def main(argv: list[str]) -> int:
    gigabytes = float(argv[0]) if argv else 1.0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small, big = tmp / "pages.warc", tmp / "big.warc"
        write(small, 0)
        write(big, int(gigabytes * 1024))
        for name, path in (("the pages alone", small), ("the same pages in a large archive", big)):
            rss, seconds, summary = peak_of_ingest(path, tmp / f"{path.stem}.db")
            print(f"{name:<36} {path.stat().st_size / 1e6:>9,.1f} MB file: peak RSS {rss:6.1f} MB, "
                  f"{seconds:5.1f} s; {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
