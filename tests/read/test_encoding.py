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


# --- single-byte code pages chosen by plausibility ------------------------------------------

NAMES_IN_ENGLISH = ("Deputy Prime Minister Dmitry Rogozin (Дмитрий Рогозин) said on Monday that the "
                    "sanctions would not touch him, and the Kremlin aide Vladislav Surkov "
                    "(Владислав Сурков) called the list an honour.")
LEGACY_TEXTS = [
    ("cp1252", "Le ministre a déclaré mardi à Genève que « les négociations reprendront », "
               "évoquant l’œuvre de paix et un accord «très fragile»."),
    ("cp1252", "Der Außenminister erklärte am Dienstag in München, die Gespräche würden "
               "fortgesetzt; für Grüße sei es zu früh."),
    ("cp1252", "El ministro declaró el martes que las negociaciones continuarán en España el año "
               "próximo. ¿Quién lo duda?"),
    ("cp1250", "Minister spraw zagranicznych powiedział we wtorek, że rozmowy będą kontynuowane "
               "w Łodzi w przyszłym tygodniu."),
    ("iso8859-2", "Rzecznik rządu oświadczył, że źródła w Świnoujściu są wiarygodne, a ślad prowadzi "
                  "do Łodzi."),
    ("cp1250", "Ministr zahraničí v úterý řekl, že jednání budou pokračovat příští týden v Brně."),
    ("cp1254", "Dışişleri Bakanı salı günü yaptığı açıklamada görüşmelerin gelecek hafta "
               "İstanbul'da süreceğini söyledi."),
    ("cp1253", "Ο υπουργός Εξωτερικών δήλωσε την Τρίτη ότι οι διαπραγματεύσεις θα συνεχιστούν "
               "την επόμενη εβδομάδα στην Αθήνα."),
    ("cp1251", "Министр иностранных дел заявил во вторник, что переговоры в Москве продолжатся."),
    ("koi8-r", "Министр иностранных дел заявил во вторник, что переговоры в Москве продолжатся."),
    ("cp1251", NAMES_IN_ENGLISH),
    ("koi8-r", NAMES_IN_ENGLISH),
]
SHORT_TEXTS = [
    ("cp1251", "Rogozin (Дмитрий Рогозин) said."),
    ("cp1252", "Grüße aus Köln."),
    ("cp1252", "Très bien, a-t-il dit."),
    ("cp1250", "Wałęsa przyjechał."),
    ("cp1250", "Přišel včas."),
    ("cp1254", "Çok güzel bir gün, öğretmen."),
    ("cp1253", "Καλημέρα Αθήνα."),
]


@pytest.mark.parametrize("codec, original", LEGACY_TEXTS + SHORT_TEXTS)
def test_legacy_code_pages(codec, original):
    text, encoding, flags = decode(original.encode(codec))
    assert text == original
    assert original.encode(codec).decode(encoding) == original
    assert "encoding-guessed" in flags


@pytest.mark.parametrize("codec, original", LEGACY_TEXTS)
def test_legacy_code_pages_long(codec, original):
    """A long document: mostly the same sentences, plus a plain-English paragraph."""
    long_text = "\n\n".join([original] * 40 + ["The talks went on late into the night."] * 20)
    assert decode(long_text.encode(codec))[0] == long_text


def test_few_cyrillic_names_in_english_are_not_read_as_western():
    body = ("MOSCOW -- The Russians named included Deputy Prime Minister Dmitry Rogozin "
            "(Дмитрий Рогозин). " + "Officials said the talks would go on. " * 60)
    text, encoding, _ = decode(body.encode("cp1251"))
    assert (text, encoding) == (body, "cp1251")
    assert "Äìèòðèé" not in text


def test_western_text_stays_windows_1252():
    original = "Niinistö hosted the talks at Mäntyniemi; the cafés on Åland were full. “Fine,” he said — 5 €."
    assert decode(original.encode("cp1252"))[:2] == (original, "cp1252")


def test_multibyte_legacy_text_still_goes_to_the_detector():
    original = "外交部长周二表示，谈判将于下周在北京继续进行。双方同意加强合作。" * 3
    text, encoding, flags = decode(original.encode("gbk"))
    assert text == original
    assert codecs.lookup(encoding).name in ("gbk", "gb18030")
    assert "encoding-guessed" in flags


def test_valid_utf8_skips_the_plausibility_score(monkeypatch):
    import eventwire.read.encoding as module

    def refuse(data):
        raise AssertionError("scored valid UTF-8")

    monkeypatch.setattr(module, "_single_byte", refuse)
    assert decode(NAMES_IN_ENGLISH.encode()) == (NAMES_IN_ENGLISH, "utf-8", ())


def test_eastern_courier_example_is_cp1251():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "examples/corpus/eastern-courier/crimea-sanctions-moscow-shrugs.txt"
    text, encoding, _ = decode(path.read_bytes())
    assert encoding == "cp1251"
    assert "Dmitry Rogozin (Дмитрий Рогозин)" in text
    assert "Vladislav Surkov (Владислав Сурков)" in text


def test_one_damaged_line_does_not_turn_a_utf8_file_to_mojibake():
    lines = [f"Line {i} of the report, in plain words.\n".encode() for i in range(20)]
    lines[2] = "The café owner said “no”.\n".encode()
    lines.insert(4, b"Damaged: \xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5 end.\n")
    text, encoding, flags = decode(b"".join(lines))
    assert "The café owner said “no”." in text and encoding == "utf-8"
    assert "mixed-encoding" in flags and "\ufffd" in text
