"""Find document numbers in text: the tokenising step, as eyecite's ``find``.

One compiled alternation matches the three shapes of the guideline's table
(Party ``25-NQ/TW``, State administrative ``33/CT-TTg`` or ``276/UBND-NCPC``,
State legal ``04/2015/NĐ-CP`` or ``10/2022/QH15``) with the variations of real
text: stray spaces, a line break inside, lower case, D for Đ. Each match is then
checked against the code tables, which is what keeps dates, plates, phone
numbers, scores and "COVID-19" out: none of them has a known type code between
a number and a slash.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .data import canonical_code, tables

# A code: ASCII letters and Đ, then letters or digits; possessive so that a
# match never ends inside a word ("TWngày" is not "TW").
_CODE = r"[A-Za-zĐđ][A-Za-zĐđ0-9]{0,14}+"
_UCODE = r"[A-ZĐ][A-ZĐ0-9]{0,11}+(?:\.[A-ZĐ0-9]{1,4}+)?"  # a unit: NCPC, QLDN, V.I
_S = r"\s{0,3}"  # stray spaces, a line break included
_DASH = rf"{_S}[-–‐]{_S}"
_SLASH = rf"{_S}/{_S}"

# A number right after another standalone number and a space is not a citation's start
# ("Điều 5 25-NQ"), but one after a code ending in digits is ("Luật 10/2022/QH15 25-NQ/TW").
# The pattern opens with (?=\d) so that these look-behinds run at digits only.
_AFTER_NUMBER = "".join(rf"(?<!(?<!\w)\d{{{n}}}\s)" for n in range(1, 6))

NUMBER_RE = re.compile(
    rf"""(?=\d)(?<![\w/.\-–]){_AFTER_NUMBER}(?P<n>\d{{1,5}})(?:
        {_DASH}(?P<pt>{_CODE}){_SLASH}(?P<pi>{_CODE})                                  # party
      | {_SLASH}(?P<ly>(?:19|20)\d\d){_SLASH}(?P<lt>{_CODE})(?:(?:{_DASH}|{_SLASH})(?P<li>{_CODE}(?:{_DASH}{_UCODE})*+))?  # legal
      | {_SLASH}(?P<xt>{_CODE}){_SLASH}(?P<xi>{_CODE})                                  # 36/NQ/TW
      | {_SLASH}(?P<st>{_CODE}){_DASH}(?P<si>{_CODE}(?:\.[A-ZĐ0-9]{{1,4}}+)?(?:{_DASH}{_UCODE})*+)  # admin
      | /(?P<bare>CP|TTg|HĐBT)(?![-–])                                                   # old 64/CP
    )(?![\w/])""",
    re.VERBOSE,
)

# Bare numbers listed before a full number: "Nghị quyết số 18, 19-NQ/TW".
LIST_HEAD_RE = re.compile(r"(?:(?<!\w)số|[Ss]ố|[Cc]ác)[^\S\n]*:?[^\S\n]*((?:\d{1,4}[^\S\n]*(?:,|;|và|&)[^\S\n]*)+)$")
_LIST_ITEM_RE = re.compile(r"\d{1,4}")

# Form templates are numbered like documents but are not documents: "Mẫu số 02/ĐK-TCT".
_FORM_HEAD_RE = re.compile(r"(?:[Mm]ẫu|MẪU|[Bb]iểu(?: mẫu)?)(?:[^\S\n]+(?:số|Số))?[^\S\n]*:?[^\S\n]*$")
_LAW_TYPE_RE = re.compile(r"^(?:UBTV)?QH\d{1,2}$")
# Codes that look like an issuer but are abbreviations of places: "Quận 3/TP-HCM".
_NOT_ISSUERS = frozenset({"TP", "Q", "P", "KP", "F", "QL", "TL", "ĐT", "DT", "SĐT", "TX", "TT", "H", "X"})
_ORG_RE = re.compile(r"^(?:UBND|HĐND|VPCP|VP[A-ZĐ]{1,8}|UB[A-ZĐ]{1,8}|B[A-ZĐ]{1,9}|S[A-ZĐ]{1,9}|[A-ZĐ]{2,9})$")


@dataclass
class RawNumber:
    """A document number as found, before its context is read."""

    start: int
    end: int
    family: str  # party | state_admin | state_legal
    number: str  # canonical
    digits: str
    type_code: str | None  # NQ, CT, QĐ ... or None for "276/UBND-NCPC" and "10/2022/QH15"
    issuer_code: str
    year: str | None = None
    listed: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, digits) before it


def _is_upper(code: str) -> bool:
    return any(c.isupper() for c in code)


def _party_issuer_ok(raw: str, canon: str) -> bool:
    if not _is_upper(raw):  # all lower case: only known codes
        return canon in tables().local_party or canon.endswith("TW") or canon in tables().central
    return len(canon) <= 12 and canon not in _NOT_ISSUERS and not canon[0].isdigit()


# The words that must come right before an old issuer-only number ("Nghị định số 64/CP").
_BARE_HEAD_RE = re.compile(r"(?:số|Số|định|thị|quyết)[^\S\n]*$")


def _classify(m: re.Match) -> RawNumber | None:
    t = tables()
    digits = m.group("n")
    if m.group("bare") is not None:
        if not _BARE_HEAD_RE.search(m.string, max(0, m.start() - 12), m.start()):
            return None
        return RawNumber(m.start(), m.end(), "state_admin", f"{digits}/{m.group('bare')}", digits, None,
                         m.group("bare"))
    if m.group("pt") is not None or m.group("xt") is not None:
        raw_type, raw_issuer = (m.group("pt"), m.group("pi")) if m.group("pt") else (m.group("xt"), m.group("xi"))
        type_code, issuer = canonical_code(raw_type), canonical_code(raw_issuer)
        if type_code not in t.types or not _party_issuer_ok(raw_issuer, issuer):
            return None
        if issuer in t.state_only:  # "98 - NQ / CP", "1143 / QĐ / TTg": the State's numbers
            return RawNumber(m.start(), m.end(), "state_admin", f"{digits}/{type_code}-{issuer}", digits,
                             type_code, issuer)
        if m.group("xt") is not None and not (issuer.endswith("TW") or issuer in t.local_party):
            return None
        if not _is_upper(raw_type) and _is_upper(raw_issuer) and raw_type not in ("QĐi",):
            return None  # "3-kl/TW" mixes cases the way no document does
        return RawNumber(m.start(), m.end(), "party", f"{digits}-{type_code}/{issuer}", digits, type_code, issuer)
    if m.group("ly") is not None:
        year, raw_type, raw_issuer = m.group("ly"), m.group("lt"), m.group("li")
        type_code = canonical_code(raw_type)
        if raw_issuer is None:
            if not _LAW_TYPE_RE.match(type_code):
                return None
            return RawNumber(m.start(), m.end(), "state_legal", f"{digits}/{year}/{type_code}", digits,
                             None, type_code, year)
        issuer = "-".join(canonical_code(p) for p in re.split(r"\s*[-–‐]\s*", raw_issuer))
        if type_code not in t.types and not re.match(r"^[A-ZĐ]{2,6}$", type_code):
            return None
        return RawNumber(m.start(), m.end(), "state_legal", f"{digits}/{year}/{type_code}-{issuer}", digits,
                         type_code if type_code in t.types else None, issuer, year)
    raw_type, raw_issuer = m.group("st"), m.group("si")
    parts = [canonical_code(p) for p in re.split(r"\s*[-–‐]\s*", raw_issuer)]
    type_code = canonical_code(raw_type)
    if type_code in t.types:
        if parts[0] in t.local_party and parts[0] not in ("UBND", "HĐND", "BCĐ") or parts[0] == "TW":
            # "36/NQ-TW": a Party number written the State way
            return RawNumber(m.start(), m.end(), "party", f"{digits}-{type_code}/{parts[0]}", digits,
                             type_code, parts[0])
        if not _is_upper(raw_issuer) and not _is_upper(raw_type):
            if not (parts[0] in t.central or parts[0] in ("UBND", "HĐND", "CP") or parts[0].startswith("B")):
                return None
        if parts[0] in _NOT_ISSUERS or not re.match(r"^[A-ZĐ]", parts[0]):
            return None
        return RawNumber(m.start(), m.end(), "state_admin", f"{digits}/{type_code}-{'-'.join(parts)}", digits,
                         type_code, "-".join(parts))
    # "276/UBND-NCPC": an office code and a unit code, both written in capitals
    if not raw_type.isupper() or not all(p[:1].isupper() for p in re.split(r"\s*[-–‐]\s*", raw_issuer)):
        return None
    if type_code in _NOT_ISSUERS or not _ORG_RE.match(type_code) or len(parts) > 3:
        return None
    return RawNumber(m.start(), m.end(), "state_admin", f"{digits}/{type_code}-{'-'.join(parts)}", digits,
                     None, type_code)


def find_numbers(text: str) -> list[RawNumber]:
    """Every document number in ``text``, with bare numbers listed before it expanded."""
    if "/" not in text:
        return []
    found = []
    for m in NUMBER_RE.finditer(text):
        raw = _classify(m)
        if raw is None or _FORM_HEAD_RE.search(text, max(0, raw.start - 20), raw.start):
            continue
        head = LIST_HEAD_RE.search(text, max(0, raw.start - 60), raw.start)
        if head is not None:
            base = head.start(1)
            raw.listed = [(base + i.start(), base + i.end(), i.group())
                          for i in _LIST_ITEM_RE.finditer(head.group(1))]
        found.append(raw)
    return found


def expand_listed(raw: RawNumber) -> list[RawNumber]:
    """'18, 19-NQ/TW' -> [18-NQ/TW (span '18'), 19-NQ/TW]."""
    out = []
    for start, end, digits in raw.listed:
        number = digits + raw.number[len(raw.digits):]
        out.append(RawNumber(start, end, raw.family, number, digits, raw.type_code, raw.issuer_code, raw.year))
    return out + [raw]
