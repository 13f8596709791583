"""Bytes to text: pick the right encoding and say how it was decided.

Order of evidence: a byte-order mark, the charset declared by the caller (the
HTTP header), for HTML the ``<meta charset>`` / ``http-equiv`` tag, then
detection. Declarations are often wrong on provincial sites (UTF-8 served as
ISO-8859-1, Windows-1258 served as UTF-8), so every declared decoding is
checked: strict UTF-8 that decodes cleanly wins over a single-byte
declaration, a UTF-8 declaration with many invalid bytes is dropped, and a
single-byte decoding that reads as far less Vietnamese than another code page
is replaced. Binary input raises ``InputError``.

Text in the old Vietnamese font encodings (TCVN3/ABC, VNI) was typed as
Windows-1252 bytes, so it decodes as cp1252 here; ``repair_text`` converts it.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..errors import InputError
from .vietnamese import vietnamese_score

# Signatures of files that are not text at all.
_MAGIC = [
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office (OLE) document"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"BM", None),  # bitmap: checked with the control-byte ratio only, "BM" starts words too
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon"),
]
_RIFF = (b"RIFF", "RIFF media (WebP/WAV/AVI)")

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# Labels that browsers (WHATWG) read as another encoding.
_ALIASES = {
    "latin1": "cp1252", "latin-1": "cp1252", "iso-8859-1": "cp1252", "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "windows-1252": "cp1252",
    "x-user-defined": "cp1252", "windows-1258": "cp1258", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
}
_SINGLE_BYTE_VIETNAMESE = ("cp1258", "cp1252")

_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]+)""", re.I)
_META_RE = re.compile(rb"<meta\b[^>]*>", re.I)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""", re.I)
_HEAD_BYTES = 16_384  # HTML5 says 1024; old CMSs put long scripts before the meta tag
_SAMPLE_BYTES = 262_144  # detection looks at this much of a large page
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


@dataclass
class DecodedText:
    """Decoded text, the codec used, and how the choice was made."""

    text: str
    encoding: str  # Python codec name, e.g. "utf-8", "cp1258"
    method: str  # "bom" | "declared" | "meta" | "detected" | "empty"
    warnings: list[str] = field(default_factory=list)
    declared: str | None = None  # what the header or the page claimed, if anything

    @property
    def doubtful(self) -> bool:
        """True when the bytes contradicted a declaration or had to be patched."""
        return bool(self.warnings)


def _undefined_as_latin1(exc: UnicodeDecodeError):
    # Browsers map cp1252's five undefined bytes to the C1 controls; do the same.
    return "".join(chr(b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error("danvan-latin1", _undefined_as_latin1)


def canonical_encoding(label: str | None) -> str | None:
    """A charset label ("ISO-8859-1", "text/html; charset=UTF8") as a Python codec name, or None."""
    if not label:
        return None
    found = _CHARSET_RE.search(label.encode("ascii", "ignore"))
    name = (found.group(1).decode() if found else label).strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def sniff_html_charset(data: bytes) -> str | None:
    """The charset named by an XML declaration or a <meta> tag near the top of the page."""
    head = data[:_HEAD_BYTES]
    xml = _XML_DECL_RE.match(head)
    if xml:
        return xml.group(1).decode("ascii")
    for tag in _META_RE.finditer(head):
        found = _CHARSET_RE.search(tag.group(0))
        if found:
            return found.group(1).decode("ascii")
    return None


def _check_binary(data: bytes) -> None:
    for magic, kind in _MAGIC:
        if kind and data.startswith(magic):
            raise InputError(f"binary input: this looks like a {kind}, not text")
    if data.startswith(_RIFF[0]):
        raise InputError(f"binary input: this looks like a {_RIFF[1]}, not text")
    sample = data[:65_536]
    nuls = sample.count(0)
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    if nuls > max(2, len(sample) // 1000) or controls > len(sample) * 0.05:
        raise InputError(
            f"binary input: {nuls} NUL and {controls} control bytes in the first "
            f"{len(sample)} bytes; not a text or HTML file")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'-be' when every other byte is NUL (ASCII-range UTF-16 without a BOM)."""
    sample = data[:4096]
    if len(sample) < 8 or sample.count(0) < len(sample) // 3:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.6 and even_nuls < 0.1:
        return "utf-16-le"
    if even_nuls > 0.6 and odd_nuls < 0.1:
        return "utf-16-be"
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode(data: bytes, encoding: str) -> str:
    if encoding.startswith("utf-8"):
        return data.decode("utf-8", errors="replace")
    return data.decode(encoding, errors="danvan-latin1" if encoding == "cp1252" else "replace")


def _best_single_byte(data: bytes, first: str) -> tuple[str, float]:
    """The single-byte code page whose decoding reads as most Vietnamese; ``first`` wins ties."""
    sample = data[:_SAMPLE_BYTES]
    candidates = [first] + [c for c in _SINGLE_BYTE_VIETNAMESE if c != first]
    scored = [(vietnamese_score(_decode(sample, c))[0], -i, c) for i, c in enumerate(candidates)]
    score, _, best = max(scored)
    return best, score


def _legacy_font_encoding(data: bytes) -> str | None:
    """'TCVN3' or 'VNI' when the bytes, read as Windows-1252, are mostly such a legacy text."""
    from .repair import repair_text

    sample = _decode(data[:_SAMPLE_BYTES], "cp1252")
    _, fixes = repair_text(sample)
    for fix in fixes:
        for name in ("TCVN3", "VNI"):
            if fix.startswith(name):
                return name
    return None


def _detect(data: bytes, warnings: list[str]) -> tuple[str, str]:
    """(encoding, text) from the bytes alone."""
    if data.isascii():
        return "ascii", data.decode("ascii")
    if _is_utf8(data):
        return "utf-8", data.decode("utf-8")
    utf8_text = data.decode("utf-8", errors="replace")
    bad = utf8_text.count("\ufffd")
    if bad <= max(2, len(data) // 5000):
        warnings.append(f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
        return "utf-8", utf8_text
    best, score = _best_single_byte(data, "cp1258")
    if score >= 0.6:
        return best, _decode(data, best)
    legacy = _legacy_font_encoding(data)
    if legacy:
        warnings.append(f"text in the {legacy} legacy font encoding: decoded as Windows-1252; "
                        "repair_text converts it to Unicode")
        return "cp1252", _decode(data, "cp1252")
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:_SAMPLE_BYTES]))
    encoding = None
    if matches:
        least_chaos = min(m.chaos for m in matches)
        tied = [canonical_encoding(m.encoding) for m in matches if m.chaos <= least_chaos + 0.01]
        # Equally clean Latin code pages tie often (cp1250 vs cp1252): the web's default wins.
        encoding = "cp1252" if "cp1252" in tied else next((e for e in tied if e), None)
    if not encoding:
        warnings.append("encoding could not be detected; decoded as Windows-1252")
        encoding = "cp1252"
    return encoding, _decode(data, encoding)


def _validate_declared(data: bytes, encoding: str, source: str,
                       warnings: list[str]) -> tuple[str, str] | None:
    """(encoding, text) when the declared encoding fits the bytes, else None (with a warning)."""
    if encoding.startswith("utf-16") or encoding.startswith("utf-32"):
        # WHATWG: a page cannot declare UTF-16 in ASCII-compatible bytes; without a BOM it means UTF-8.
        encoding = "utf-8"
    if encoding == "utf-8":
        if _is_utf8(data):
            return "utf-8", data.decode("utf-8")
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(2, len(data) // 5000):
            warnings.append(f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
            return "utf-8", text
        warnings.append(f"{source} does not fit the bytes ({bad} invalid sequences)")
        return None
    if not data.isascii() and _is_utf8(data):
        warnings.append(f"{source} does not fit the bytes: they are valid UTF-8")
        return "utf-8", data.decode("utf-8")
    try:
        codecs.lookup(encoding)
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "cp1252":
            warnings.append(f"{source} does not fit the bytes")
            return None
        text = _decode(data, encoding)
    if encoding in _SINGLE_BYTE_VIETNAMESE:
        best, score = _best_single_byte(data, encoding)
        if best != encoding:
            declared_score = vietnamese_score(_decode(data[:_SAMPLE_BYTES], encoding))[0]
            if score >= 0.6 and score > declared_score + 0.2:
                warnings.append(f"{source} does not fit the bytes: they read as {best}")
                return best, _decode(data, best)
    return encoding, text


def decode_bytes(data: bytes, declared: str | None = None, *, html: bool = False) -> DecodedText:
    """Decode ``data``; ``declared`` is the HTTP charset (or the whole Content-Type header).

    Raises ``InputError`` for binary input (images, PDFs, archives, NUL-filled
    files). Empty input gives empty text with method "empty".
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("decode_bytes wants bytes")
    data = bytes(data)
    warnings: list[str] = []
    if not data:
        return DecodedText("", "ascii", "empty", ["empty input"], declared)

    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            if "\ufffd" in text:
                warnings.append(f"invalid {encoding} bytes after the byte-order mark replaced")
            return DecodedText(text, encoding, "bom", warnings, declared)

    utf16 = _utf16_without_bom(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        return DecodedText(text, utf16, "detected", ["UTF-16 without a byte-order mark"], declared)
    _check_binary(data)
    if 0 in data[:65_536]:
        warnings.append("stray NUL bytes removed")
        data = data.replace(b"\x00", b"")

    meta = sniff_html_charset(data) if html else None
    claimed = declared or meta
    for method, label in (("declared", declared), ("meta", meta)):
        if not label:
            continue
        encoding = canonical_encoding(label)
        if encoding is None:
            warnings.append(f"{method} charset {label!r} is unknown; ignored")
            continue
        decided = _validate_declared(data, encoding, f"{method} charset {label!r}", warnings)
        if decided:
            used, text = decided
            kept = used == encoding or (used == "utf-8" and encoding.startswith("utf-"))
            return DecodedText(text, used, method if kept else "detected", warnings, claimed)
    encoding, text = _detect(data, warnings)
    return DecodedText(text, encoding, "detected", warnings, claimed)
