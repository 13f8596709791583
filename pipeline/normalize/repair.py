"""Repair text that was decoded wrongly before it reached us.

Three families, found line by line (a page may mix a Unicode template with a
body pasted from an old document):

- mojibake: UTF-8 read as Windows-1252 or Latin-1, once or twice over
  ("CÃ´ng tÃ¡c" -> "Công tác"), undone by ftfy's ``fix_encoding``;
- Windows-1258 bytes read as Windows-1252 ("Viêòt" -> "Việt");
- the legacy font encodings of the 1990s-2000s, TCVN3 (ABC) and VNI-Windows,
  whose bytes read as Windows-1252 ("Céng hoµ", "Coäng hoøa"), converted with
  the tables in ``pipeline/data/normalize/legacy_encodings.tsv``.

A repair is kept only when the line reads as clearly more Vietnamese after it
than before (``vietnamese_score``), so correct Unicode Vietnamese, which
already scores near 1, is never touched. Run ``repair_text`` before
``normalize_text``: the offsets of ``normalize_text`` then refer to the
repaired text, not to the raw input (a repair changes lengths).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .vietnamese import vietnamese_score

LEGACY_TABLE = Path(__file__).resolve().parents[1] / "data" / "normalize" / "legacy_encodings.tsv"
LEGACY_ENCODINGS = ("tcvn3", "vni")
_NAMES = {
    "mojibake": "mojibake (UTF-8 read as Windows-1252/Latin-1)",
    "cp1258": "Windows-1258 text read as Windows-1252",
    "tcvn3": "TCVN3 (ABC) legacy font encoding",
    "vni": "VNI-Windows legacy font encoding",
}
# A line must score at least this after a repair, and this much more than before.
MIN_SCORE = 0.75
MIN_GAIN = 0.25
# Rimes that do not exist in Vietnamese but appear when TCVN3's "ư" (a soft
# hyphen, U+00AD) was dropped by a copy-paste: "Trêng" -> "Trờng" -> "Trường".
_LOST_U_HORN = re.compile(r"(?<=[bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX])([ơờớởỡợ])(?=ng\b|c\b|u\b)")
_LOST_U_HORN_UPPER = re.compile(r"(?<=[BCDĐGHKLMNPQRSTVX])([ƠỜỚỞỠỢ])(?=NG\b|C\b|U\b)")
_U_HORN = {"ơ": "ư", "ờ": "ư", "ớ": "ư", "ở": "ư", "ỡ": "ư", "ợ": "ư"}


def _unescape(cell: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), cell)


@lru_cache(maxsize=1)
def load_legacy_tables() -> dict[str, dict[str, str]]:
    """{encoding: {legacy sequence: unicode letter}} from the data file."""
    tables: dict[str, dict[str, str]] = {}
    header: list[str] | None = None
    for raw in LEGACY_TABLE.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = [_unescape(c) for c in raw.split("\t")]
        if header is None:
            header = cells
            tables = {name: {} for name in header[1:] if name != "notes"}
            continue
        letter = cells[0]
        for name, cell in zip(header[1:], cells[1:]):
            if name in tables and cell:
                tables[name].setdefault(cell, letter)
    # VNI: some converters write ỵ as y + the dot-below byte.
    if "vni" in tables:
        tables["vni"].setdefault("yï", "ỵ")
        tables["vni"].setdefault("YÏ", "Ỵ")
    return tables


@lru_cache(maxsize=8)
def _pattern(encoding: str) -> tuple[re.Pattern, dict[str, str]]:
    table = load_legacy_tables()[encoding]
    keys = sorted(table, key=len, reverse=True)  # "oá" (ố) before "á" alone
    return re.compile("|".join(re.escape(k) for k in keys)), table


def legacy_to_unicode(text: str, encoding: str) -> str:
    """Convert TCVN3 or VNI text (its bytes read as Windows-1252) to Unicode, unconditionally."""
    pattern, table = _pattern(encoding)
    converted = pattern.sub(lambda m: table[m.group(0)], text)
    if encoding == "tcvn3":
        converted = _LOST_U_HORN.sub(lambda m: "ư" + m.group(1), converted)
        converted = _LOST_U_HORN_UPPER.sub(lambda m: "Ư" + m.group(1), converted)
    return unicodedata.normalize("NFC", converted)


@lru_cache(maxsize=8)
def _inverse(encoding: str) -> dict[str, str]:
    inverse: dict[str, str] = {}
    for legacy, letter in load_legacy_tables()[encoding].items():
        inverse.setdefault(letter, legacy)
    return inverse


def unicode_to_legacy(text: str, encoding: str) -> str:
    """The inverse of ``legacy_to_unicode``: how a legacy document reads in Windows-1252.

    A capital with no code of its own (TCVN3 has none with tone marks) is
    written with the lower-case code, as users of the .VnTimeH fonts did.
    Used by the tests to make samples, and by anyone who needs legacy output.
    """
    inverse = _inverse(encoding)
    out = []
    for char in unicodedata.normalize("NFC", text):
        out.append(inverse.get(char) or inverse.get(char.lower()) or char)
    return "".join(out)


def _fix_mojibake(line: str) -> str:
    import ftfy

    return ftfy.fix_encoding(line)


def _fix_cp1258(line: str) -> str:
    try:
        raw = line.encode("cp1252")
    except UnicodeEncodeError:
        return line
    return unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))


_CANDIDATES = (
    ("mojibake", _fix_mojibake),
    ("tcvn3", lambda line: legacy_to_unicode(line, "tcvn3")),
    ("vni", lambda line: legacy_to_unicode(line, "vni")),
    ("cp1258", _fix_cp1258),
)
# Characters without which no candidate can apply: all are in U+0080..U+00FF.
_SUSPECT_RE = re.compile("[\u0080-\u00ff]")
# Among those, the ones that are not Vietnamese letters (µ, Ö, Ã, ®, soft hyphen ...):
# the evidence that a short line is really encoded wrongly ("Rue de Hué" is not).
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ\u00a0")
_FOREIGN_RE = re.compile("[" + "".join(
    chr(c) for c in range(0x80, 0x100) if chr(c) not in _VIETNAMESE_LATIN1) + "]")
# Letters that only Unicode Vietnamese has: text read through a single-byte code page
# never contains them, so a line with one of them is not legacy-encoded.
_UNICODE_ONLY_RE = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9\u0300-\u0323]")
# Without such a character a repair needs this many words to go by.
MIN_WORDS_WITHOUT_EVIDENCE = 3


def _repair_line(line: str) -> tuple[str, str | None]:
    if line.isascii() or not _SUSPECT_RE.search(line):
        return line, None
    before, words = vietnamese_score(line)
    if words and before >= 1.0 - 1e-9:
        return line, None
    best: tuple[float, int, str, str] | None = None
    unicode_letters = bool(_UNICODE_ONLY_RE.search(line))
    for name, convert in _CANDIDATES:
        if unicode_letters and name != "mojibake":
            continue
        fixed = convert(line)
        if fixed == line or "\ufffd" in fixed and "\ufffd" not in line:
            continue
        score, count = vietnamese_score(fixed)
        if best is None or (score, count) > (best[0], best[1]):
            best = (score, count, name, fixed)
    if best is None:
        return line, None
    score, count, name, fixed = best
    evidence = bool(_FOREIGN_RE.search(line)) or count >= MIN_WORDS_WITHOUT_EVIDENCE
    if count and evidence and score >= MIN_SCORE and score >= before + MIN_GAIN:
        return fixed, name
    if name == "mojibake" and not count and not words:
        return fixed, name  # no Vietnamese either side (quotes, dashes): trust ftfy
    return line, None


def repair_text(text: str) -> tuple[str, list[str]]:
    """Repair mojibake and legacy encodings; return (text, list of fixes made).

    Lines that need nothing come back unchanged, line endings included, so a
    correct text is returned as is with an empty list.
    """
    if text.isascii():
        return text, []
    counts: Counter[str] = Counter()
    out = []
    for line in text.splitlines(keepends=True):
        fixed, name = _repair_line(line)
        if name:
            counts[name] += 1
        out.append(fixed)
    fixes = [f"{_NAMES[name]} repaired on {n} line(s)" for name, n in counts.most_common()]
    return "".join(out), fixes
