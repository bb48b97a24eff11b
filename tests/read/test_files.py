"""read_file() on single-document files: formats, sniffing, encodings and bad input."""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.read import formats, read_file
from eventwire.records import RawDoc, ReadError

STORY = "Port workers strike over pay\n\nDock workers walked off the job on Sunday, union officials said.\n"


def one(path: Path, **kwargs) -> RawDoc | ReadError:
    items = list(read_file(str(path), **kwargs))
    assert len(items) == 1, items
    return items[0]


def test_plain_text(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode())
    doc = one(path)
    assert isinstance(doc, RawDoc)
    assert (doc.format, doc.text, doc.html, doc.encoding) == ("txt", STORY, None, "utf-8")
    assert doc.source == doc.path == str(path)
    assert doc.raw == path.read_bytes()


def test_file_without_extension_is_text(tmp_path: Path):
    path = tmp_path / "STORY"
    path.write_text(STORY)
    assert one(path).format == "txt"


def test_html_by_extension_and_by_content(tmp_path: Path):
    page = "<!DOCTYPE html><html><body><p>Dock workers walked out.</p></body></html>"
    (tmp_path / "a.htm").write_text(page)
    (tmp_path / "b.txt").write_text("\n  " + page)
    for name in ("a.htm", "b.txt"):
        doc = one(tmp_path / name)
        assert (doc.format, doc.text) == ("html", None)
        assert doc.html.strip() == page


def test_html_meta_charset_is_honoured(tmp_path: Path):
    page = '<html><head><meta charset="windows-1251"></head><body><p>Министр заявил.</p></body></html>'
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    doc = one(path)
    assert (doc.html, doc.encoding) == (page, "cp1251")


@pytest.mark.parametrize("codec, expected", [("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
                                             ("cp1251", "cp1251"), ("latin-1", "cp1252")])
def test_encodings(tmp_path: Path, codec: str, expected: str):
    text = {"cp1251": "Министр иностранных дел заявил во вторник, что переговоры продолжатся.\n",
            "latin-1": "Le ministre a déclaré mardi que les négociations reprendront à Genève.\n"
            }.get(codec, "Talks resume in Genève on Monday, officials said.\n")
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(codec))
    doc = one(path)
    assert (doc.text, doc.encoding) == (text, expected)


def test_mixed_encoding_is_flagged(tmp_path: Path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Déclaration du ministre: ".encode() + "\u201cnous continuons\u201d".encode("cp1252"))
    doc = one(path)
    assert doc.text == "Déclaration du ministre: \u201cnous continuons\u201d"
    assert "mixed-encoding" in doc.flags


def test_empty_and_blank_files(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n")
    for name in ("empty.txt", "blank.txt"):
        error = one(tmp_path / name)
        assert isinstance(error, ReadError)
        assert error.code == "E102"


def test_random_binary(tmp_path: Path):
    rng = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    error = one(path)
    assert error.code == "E103"
    assert error.raw == path.read_bytes()


@pytest.mark.parametrize("name, magic", [("scan.png", b"\x89PNG\r\n\x1a\n"), ("paper.pdf", b"%PDF-1.7\n"),
                                         ("pack.zip", b"PK\x03\x04"), ("notes.txt.gz", b"\x1f\x8b\x08\x00")])
def test_binary_magic(tmp_path: Path, name: str, magic: bytes):
    path = tmp_path / name
    path.write_bytes(magic + b"mostly readable text after the magic number " * 20)
    assert one(path).code == "E103"


def test_oversized_file_is_rejected_without_reading_it(tmp_path: Path, monkeypatch):
    path = tmp_path / "huge.txt"
    chunk = b"The talks went on late into the night. " * 25_000
    with open(path, "wb") as out:
        for _ in range(50):
            out.write(chunk)
    size = path.stat().st_size
    read_counts: list[int] = []

    class Counting:
        def __init__(self, handle):
            self._handle = handle

        def read(self, size=-1):
            data = self._handle.read(size)
            read_counts.append(len(data))
            return data

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._handle.close()

    monkeypatch.setattr(formats, "open", lambda p, mode: Counting(open(p, mode)), raising=False)
    error = one(path)
    assert error.code == "E104"
    assert f"{size:,}" in error.reason and "20,000,000" in error.reason
    assert error.raw is None
    assert sum(read_counts) <= 65536


def test_size_limit_is_a_parameter(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    assert one(path, max_bytes=10).code == "E104"


def test_missing_folder_and_unsupported(tmp_path: Path):
    assert one(tmp_path / "nowhere.txt").code == "E101"
    assert one(tmp_path).code == "E109"
    (tmp_path / "table.csv").write_text("a,b\n1,2\n")
    assert one(tmp_path / "table.csv").code == "E109"


_NO_OVERRIDE = ["--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


def _read_codes_without_override(path: Path) -> str:
    """Read ``path`` in a child process of this user that lacks the capabilities root uses to
    read any file (setpriv, util-linux): permissions then apply to root as to anyone."""
    code = ("import sys\nfrom eventwire.read import read_file\n"
            "for item in read_file(sys.argv[1]):\n    print(getattr(item, 'code', 'ok'))\n")
    done = subprocess.run(["setpriv", *_NO_OVERRIDE, "--", sys.executable, "-c", code, str(path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_permission_denied(tmp_path: Path):
    if os.geteuid() == 0:  # root reads anything: read without root's override capabilities
        if not shutil.which("setpriv"):
            pytest.skip("running as root and setpriv (util-linux) is missing: cannot drop DAC override")
        path = tmp_path / "locked.txt"
        path.write_text(STORY)
        path.chmod(0)
        assert _read_codes_without_override(path) == "E110"
        path.chmod(0o644)
        assert _read_codes_without_override(path) == "ok"  # the same file, readable: read
        return
    path = tmp_path / "locked.txt"
    path.write_text(STORY)
    path.chmod(0)
    try:
        assert one(path).code == "E110"
    finally:
        path.chmod(0o644)
