"""decode(): BOMs, UTF-16 without BOM, legacy code pages, declared charsets, mixed input."""
from __future__ import annotations

import codecs
import random

import pytest

from eventwire.errors import EventwireError
from eventwire.read.encoding import decode, header_charset, meta_charset

RUSSIAN = "Министр иностранных дел заявил во вторник, что переговоры продолжатся на следующей неделе."
FRENCH = "Le ministre a déclaré mardi que les négociations reprendront à Genève, déjà la semaine prochaine."


def test_utf8_fast_path_normalises_newlines_and_nuls():
    text, encoding, flags = decode("Line one\r\nLine two\rLine three\x00.".encode())
    assert (text, encoding, flags) == ("Line one\nLine two\nLine three.", "utf-8", ())


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_byte_order_marks(bom, codec):
    text, encoding, _ = decode(bom + RUSSIAN.encode(codec))
    assert text == RUSSIAN
    assert RUSSIAN == (bom + RUSSIAN.encode(codec)).decode(encoding).lstrip("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    original = "The talks resume in Genève on Monday, officials said.\n" * 3
    text, encoding, _ = decode(original.encode(codec))
    assert (text, encoding) == (original, codec)


def test_cp1251_cyrillic():
    text, encoding, flags = decode(RUSSIAN.encode("cp1251"))
    assert (text, encoding) == (RUSSIAN, "cp1251")
    assert "encoding-guessed" in flags


def test_latin1_is_read_as_western():
    text, encoding, _ = decode(FRENCH.encode("latin-1"))
    assert text == FRENCH
    assert encoding == "cp1252"


def test_cp1252_punctuation():
    original = "He said \u201cwe will not give up\u201d \u2014 and the minister\u2019s caf\u00e9 visit went ahead."
    assert decode(original.encode("cp1252"))[0] == original


def test_declared_charset_is_used_when_it_decodes():
    text, encoding, flags = decode(RUSSIAN.encode("koi8-r"), "KOI8-R")
    assert (text, encoding, flags) == (RUSSIAN, "koi8-r", ())


def test_valid_utf8_beats_a_wrong_declaration():
    text, encoding, flags = decode(FRENCH.encode(), "iso-8859-1")
    assert (text, encoding, flags) == (FRENCH, "utf-8", ("charset-mismatch",))


def test_mixed_encodings_are_repaired_and_flagged():
    data = "Le ministre a déclaré — ".encode() + "c\u2019est fini au caf\u00e9".encode("cp1252") + " voilà.".encode()
    text, encoding, flags = decode(data)
    assert text == "Le ministre a déclaré — c\u2019est fini au café voilà."
    assert encoding == "utf-8"
    assert "mixed-encoding" in flags


def test_undecodable_bytes_raise_e105():
    rng = random.Random(3)
    noise = bytes(rng.randrange(256) for _ in range(3000))
    with pytest.raises(EventwireError) as caught:
        decode(noise)
    assert caught.value.code == "E105"


def test_charset_declarations():
    assert meta_charset(b'<html><head><meta charset="windows-1251"></head>') == "windows-1251"
    assert meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">') == "ISO-8859-1"
    assert meta_charset(b"<html><body>no declaration</body></html>") is None
    assert header_charset("text/html; charset=UTF-8") == "UTF-8"
    assert header_charset("text/html") is None
    assert header_charset(None) is None
