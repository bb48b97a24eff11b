"""Turn the bytes of a news document into text, whatever their encoding.

The order of evidence, cheapest and surest first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. the NUL pattern of UTF-16 text that has no BOM (every other byte 0 for
   Latin script), looked for only when the first 4 KB hold a NUL;
3. strict UTF-8.  Legacy text is almost never valid UTF-8 by accident, so a
   clean UTF-8 decode beats a declared charset (pages labelled ISO-8859-1
   that are really UTF-8 are common; the reverse is not);
4. the declared charset (HTTP header, HTML meta), when it decodes cleanly;
   ISO-8859-1 and ASCII labels are read as windows-1252, as browsers do;
5. mostly-UTF-8 with a few invalid runs (text pasted together from two
   sources): each invalid run is read as windows-1252, else replaced, and the
   result is flagged ``mixed-encoding``;
6. the most plausible single-byte code page (windows-1250..1257, ISO-8859-2
   and -7, KOI8-R): each decodes the words that hold non-ASCII bytes, and
   the reading that gives real words wins (one script per word, sane case,
   no symbols between letters, letters that one language uses together);
   this catches a few Cyrillic names in English cp1251 text, which a
   whole-text detector reads as windows-1252;
7. when no single-byte reading is plausible (multi-byte legacy CJK),
   charset-normalizer's best guess, nudged towards windows-1252 when that
   scores as well (the detector is unreliable on short Western text).

The text comes back with newlines normalised to ``\\n`` and NULs removed.
The common case (clean UTF-8) costs one ``bytes.decode``.
"""
from __future__ import annotations

import codecs
import itertools
import re
import unicodedata
from collections import Counter

from charset_normalizer import from_bytes

from ..errors import EventwireError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: it starts with the UTF-16 LE mark
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN_LABELS = {"latin-1", "iso8859-1", "ascii", "us-ascii"}
# languages whose legacy Latin code pages (cp1250, cp1254, cp1257) are not cp1252
_LEGACY_NON_WESTERN = frozenset({
    "Czech", "Polish", "Slovak", "Slovene", "Hungarian", "Croatian", "Romanian", "Turkish",
    "Lithuanian", "Latvian", "Estonian",
})
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
_MIXED_MAX_INVALID_SHARE = 0.25
_HIGH_BYTES = bytes(range(128, 256))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.I)
_SAMPLE = 4096
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r")
_SINGLE_BYTE_CANDIDATES = (
    # the order breaks ties: Western first, then the other Windows pages,
    # then the ISO and KOI8 variants that differ from them in a few positions
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257",
    "iso8859-2", "koi8-r", "iso8859-7", "cp1256", "cp1255",
)
# the non-ASCII letters (lowercase) of languages written in those code pages
_ALPHABETS: dict[str, str] = {
    "French": "àâæçéèêëîïôœùûüÿ", "German": "äöüß", "Spanish": "áéíñóúü",
    "Portuguese": "àáâãçéêíóôõú", "Italian": "àèéìíîòóù", "Catalan": "àçèéíïòóúü",
    "Dutch": "áéèëïóöü", "Danish-Norwegian": "åæéøó", "Swedish": "åäéö", "Finnish": "äåöšž",
    "Icelandic": "áæðéíóöúýþ", "Estonian": "äöõüšž", "Polish": "ąćęłńóśźż",
    "Czech": "áčďéěíňóřšťúůýž", "Slovak": "áäčďéíĺľňóôŕšťúýž", "Hungarian": "áéíóöőúüű",
    "Romanian": "ăâîșşțţ", "Croatian-Slovene": "čćđšž", "Albanian": "çë",
    "Turkish": "âçğıîöşü", "Latvian": "āčēģīķļņšūž", "Lithuanian": "ąčęėįšųūž",
    "Russian": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "Ukrainian": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "Belarusian": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "Bulgarian": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "Serbian-Macedonian": "абвгдђѓежзѕијклљмнњопрстћќуфхцчџш",
    "Greek": "αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ",
    "Hebrew": "".join(map(chr, range(0x5D0, 0x5EB))),
    "Arabic": "".join(map(chr, range(0x621, 0x64B))) + "پچژگکی",
}
_MINOR_LANGUAGES = {"Icelandic": 0.05, "Estonian": 0.05, "Albanian": 0.05}
_LANGUAGES = tuple((frozenset(letters), _MINOR_LANGUAGES.get(name, 0.0))
                   for name, letters in _ALPHABETS.items())
_HIGH_TOKEN = re.compile(rb"\S*[\x80-\xff]\S*")
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")
# what may separate words, or the parts of a word ("U.S.", "l’Europe", "Rogozin-Gref")
_JOINERS = re.compile(r"[\x00-\x40\x5b-\x60\x7b-\x7f\s\u00ab\u00ad\u00b7\u00bb\u02bc\u2010-\u2015"
                      r"\u2018-\u201e\u2022\u2026\u2032\u2033\u2039\u203a]+")
_LEADING_SIGNS = frozenset("¿¡€£$¥§©")
_TRAILING_SIGNS = frozenset("°²³¹½¼¾©®™€£¢%‰")
_MAX_TOKENS = 4000
_PLAUSIBLE = 0.5
_CASELESS_AFTER = 40


def decode(data: bytes, declared: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Decode ``data``; return (text, encoding, flags).

    ``encoding`` is a Python codec name that reproduces the text from the
    bytes (before newline normalisation).  Flags: ``mixed-encoding``,
    ``encoding-guessed`` (the detector chose), ``charset-mismatch`` (a
    declared charset was set aside).  Raises EventwireError E105 when no
    encoding fits.
    """
    text, encoding, flags = _decode(data, declared)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text, encoding, flags


def utf16_without_bom(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when the NUL pattern says so, else None."""
    sample = data[:_SAMPLE]
    if b"\x00" not in sample:
        return None
    pairs = len(sample) // 2 or 1
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.1 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.1 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``data``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def meta_charset(html_head: bytes) -> str | None:
    """The charset an HTML document declares in a <meta> tag (first 4 KB)."""
    found = _META_CHARSET.search(html_head[:_SAMPLE])
    return found.group(1).decode("ascii") if found else None


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header."""
    found = _HEADER_CHARSET.search(content_type or "")
    return found.group(1) if found else None


def _decode(data: bytes, declared: str | None) -> tuple[str, str, tuple[str, ...]]:
    wide = bom_encoding(data) or (b"\x00" in data[:_SAMPLE] and utf16_without_bom(data))
    if wide:
        try:
            return data.decode(wide), wide, ()
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", _mismatch(declared, "utf-8", data)
    except UnicodeDecodeError:
        pass
    codec = _codec(declared)
    if codec:
        try:
            return data.decode(codec), codec, ()
        except UnicodeDecodeError:
            pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed, "utf-8", ("mixed-encoding",) + _mismatch(declared, "utf-8", data)
    text, guessed = _single_byte(data) or _detect(data)
    return text, guessed, ("encoding-guessed",) + _mismatch(declared, guessed, data)


def _codec(label: str | None) -> str | None:
    """Python codec for a declared charset label; None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return "cp1252" if name in _WESTERN_LABELS else name


def _mismatch(declared: str | None, used: str, data: bytes) -> tuple[str, ...]:
    """Flag a declared charset that lost, unless the text is plain ASCII."""
    codec = _codec(declared)
    if codec is None or codec == used or codec.startswith(used) or data.isascii():
        return ()
    return ("charset-mismatch",)


def _mostly_utf8(data: bytes) -> str | None:
    """Repair mostly-UTF-8 bytes; None when the bytes are not mostly UTF-8.

    Invalid bytes come back from ``surrogateescape`` as lone surrogates.  The
    bytes count as mostly UTF-8 when some valid multi-byte characters are
    present and either at most a quarter of the non-ASCII bytes are invalid,
    or nearly all invalid bytes sit in short runs between ASCII characters
    (a stray windows-1252 quote or accented letter).  Legacy CJK text (GBK,
    EUC-JP), where some byte pairs are valid UTF-8 by chance, has over half
    its non-ASCII bytes invalid, in long runs.
    """
    escaped = data.decode("utf-8", "surrogateescape")
    invalid = isolated = 0

    def repair(match: re.Match[str]) -> str:
        nonlocal invalid, isolated
        raw = bytes(ord(c) - 0xDC00 for c in match.group())
        invalid += len(raw)
        start, end = match.span()
        if len(raw) <= 3 and escaped[start - 1:start].isascii() and escaped[end:end + 1].isascii():
            isolated += len(raw)
        return raw.decode("cp1252", "replace")

    repaired = _ESCAPED_RUN.sub(repair, escaped)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high == invalid:
        return None
    if invalid <= _MIXED_MAX_INVALID_SHARE * high or isolated >= 0.9 * invalid:
        return repaired
    return _utf8_by_line(data)


def _utf8_by_line(data: bytes) -> str | None:
    """UTF-8 with a few damaged lines: the good lines as UTF-8, the damaged ones with U+FFFD
    for their bad bytes (so one bad run does not turn the whole file to windows-1252
    mojibake).  None unless some lines are valid UTF-8 with non-ASCII characters and the
    damaged lines are few (a quarter of the non-ASCII lines, or a tenth of all lines)."""
    lines = data.split(b"\n")
    good = bad = 0
    filled = sum(1 for line in lines if line.strip())
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad += 1
    if good == 0 or (bad > _MIXED_MAX_INVALID_SHARE * (good + bad) and bad > 0.1 * filled):
        return None
    return "\n".join(line.decode("utf-8", "replace") for line in lines)


def _detect(data: bytes) -> tuple[str, str]:
    """charset-normalizer's best reading, preferring windows-1252 on a tie."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise EventwireError("E105", "no encoding fits these bytes")
    chosen = best
    if best.language not in _LEGACY_NON_WESTERN:
        for match in matches:
            if match.encoding in ("cp1252", "latin_1") and (
                match.chaos <= best.chaos + 0.1 and match.coherence >= best.coherence - 0.05
            ):
                chosen = match
                break
    text = str(chosen)
    name = codecs.lookup(chosen.encoding).name
    if name != "cp1252" and _same_as_cp1252(data, text):
        name = "cp1252"
    return text, name


def _same_as_cp1252(data: bytes, text: str) -> bool:
    """True when windows-1252 reads the bytes exactly as the guess did."""
    try:
        return data.decode("cp1252") == text
    except UnicodeDecodeError:
        return False


def _single_byte(data: bytes) -> tuple[str, str] | None:
    """The most plausible single-byte reading of ``data``; None when none is plausible.

    Each candidate code page decodes the words that hold a non-ASCII byte;
    the reading costs more for each word a wrong code page would produce
    (a symbol between letters, two scripts in one word, case flipping inside
    a word, a Latin word of accented letters only), for letters that no one
    language uses together, and for mostly capital non-ASCII letters.
    """
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > 0.01 * len(data):
        return None
    tokens = Counter(itertools.islice((m.group() for m in _HIGH_TOKEN.finditer(data)), _MAX_TOKENS))
    blob = b"\n".join(tokens)
    counts = list(tokens.values())
    scored = []
    for rank, codec in enumerate(_SINGLE_BYTE_CANDIDATES):
        try:
            decoded = blob.decode(codec)
        except UnicodeDecodeError:
            continue
        if _C1_CONTROLS.search(decoded):  # ISO-8859 pages leave 0x80-0x9F as controls
            continue
        words = decoded.split("\n")
        scored.append((round(_implausibility(words, counts), 6), rank, codec))
    for cost, _, codec in sorted(scored):
        if cost > _PLAUSIBLE:
            break
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:  # a byte past the sampled words
            continue
    return None


def _implausibility(words: list[str], counts: list[int]) -> float:
    """How unlike real text a candidate reading of the words is (0 = natural)."""
    segments = bad = upper = lower = 0
    letters: Counter[str] = Counter()
    for word, n in zip(words, counts):
        for segment in _JOINERS.split(word):
            if segment.isascii():
                continue
            badness = _segment_badness(segment)
            if badness is None:
                continue
            segments += n
            bad += n * badness
            for ch in segment:
                if ch > "\x7f" and ch.isalpha():
                    low = ch.lower()
                    if ch >= "\u0370":  # Greek and Cyrillic: mostly small letters
                        if low != ch:
                            upper += n
                        elif ch.upper() != ch:
                            lower += n
                    letters[low if len(low) == 1 else ch] += n
    cost = bad / segments if segments else 0.0
    cased = upper + lower
    if cased:
        cost += max(0.0, upper / cased - 0.5)
    if lower >= _CASELESS_AFTER and not upper:
        cost += 0.3  # a long text without one capital: a caseless script (Hebrew) misread
    return cost + _uncovered(letters)


def _segment_badness(segment: str) -> float | None:
    """0 for a plausible word, up to 1 for a mojibake one; None when it holds no letter."""
    letters = []
    scripts = set()
    last = len(segment) - 1
    misplaced = False
    for i, ch in enumerate(segment):
        if ch.isalpha():
            letters.append(ch)
            scripts.add(_script(ch))
        elif unicodedata.category(ch)[0] == "M":
            misplaced = misplaced or i == 0  # a combining mark with no letter to sit on
            if not "\u0300" <= ch <= "\u036f":  # a mark of one script (Hebrew, Arabic)
                scripts.add(_script(ch))
        elif not ((i == 0 and ch in _LEADING_SIGNS) or (i == last and ch in _TRAILING_SIGNS)):
            misplaced = True  # a symbol among letters: "mo¿e", "³atwo"
    if not letters:
        return None
    if misplaced or len(scripts) > 1:
        return 1.0
    before = before2 = ""
    for ch in letters:
        if ch > "\x7f" or before > "\x7f":
            if ch.isupper() and before.islower():
                return 1.0  # case flips inside the word: "mINISTR"
            if ch.islower() and before.isupper() and before2.isupper():
                return 1.0  # "ÐÎãî"
        before2, before = before, ch
    if len(letters) >= 2 and _script(letters[0]) == "Latin" and all(ch > "\x7f" for ch in letters):
        return 1.0 if len(letters) >= 3 else 0.5  # "Äìèòðèé": accented letters only
    return 0.0


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250 or 0x1E00 <= code < 0x1F00:
        return "Latin"
    if 0x370 <= code < 0x400:
        return "Greek"
    if 0x400 <= code < 0x530:
        return "Cyrillic"
    if 0x590 <= code < 0x600:
        return "Hebrew"
    if 0x600 <= code < 0x700:
        return "Arabic"
    return "other"


def _uncovered(letters: Counter[str]) -> float:
    """Share of non-ASCII letters outside the best language, half of those in a second one.

    Languages with few writers (Icelandic, whose ð þ ý æ are what Turkish and
    Croatian text turn into under windows-1252) cost a little more, so an
    ambiguous short text goes to the more common reading.
    """
    total = sum(letters.values())
    if not total:
        return 0.0
    best, first = max(
        ((sum(n for ch, n in letters.items() if ch in alphabet) / total - prior, alphabet)
         for alphabet, prior in _LANGUAGES),
        key=lambda scored: scored[0])
    rest = {ch: n for ch, n in letters.items() if ch not in first}
    second = max(sum(n for ch, n in rest.items() if ch in alphabet) for alphabet, _ in _LANGUAGES)
    return 1.0 - best - 0.5 * second / total
