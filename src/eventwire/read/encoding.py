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
6. charset-normalizer's best guess, nudged towards windows-1252 when that
   scores as well (the detector is unreliable on short Western text).

The text comes back with newlines normalised to ``\\n`` and NULs removed.
The common case (clean UTF-8) costs one ``bytes.decode``.
"""
from __future__ import annotations

import codecs
import re

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
    text, guessed = _detect(data)
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
    return None


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
