"""Read a number's fields from the words around it: kind, issue date, issuer, term.

The guideline's positions: the kind before the number ("Chỉ thị số 22-CT/TU");
the date, issuer and term after it in any order ("22-CT/TU, của Ban Thường vụ
Tỉnh ủy, ngày 12/10/2023"; "25-NQ/TW của Ban Chấp hành Trung ương (khóa XI)"),
or the date and issuer before the kind ("ngày 13/01/2023, UBND tỉnh đã ban
hành Văn bản số 276/UBND-NCPC").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .data import canonical_kind, tables, tone_tolerant

_H = r"[^\S\n]"  # a space that is not a line break
_DATE_BODY = (rf"(?:(?P<d>\d{{1,2}}){_H}*(?P<sep>[/.\-]){_H}*(?P<m>\d{{1,2}}){_H}*(?P=sep){_H}*(?P<y>(?:19|20)\d\d)"
              rf"|(?P<d2>\d{{1,2}}){_H}+tháng{_H}+(?P<m2>\d{{1,2}}){_H}*,?{_H}*năm{_H}+(?P<y2>(?:19|20)\d\d))(?!\d)")
DATE_RE = re.compile(rf"(?:(?:được{_H}+)?(?:ký{_H}+ban{_H}+hành|ban{_H}+hành|ký){_H}+)?(?:vào{_H}+)?ngày{_H}+{_DATE_BODY}",
                     re.IGNORECASE)
TERM_RE = re.compile(rf"kh(?:óa|oá){_H}+(?P<term>[XVIL]{{1,6}})(?![\w])", re.IGNORECASE)
_ROMAN_RE = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
_SEP_RE = re.compile(rf"{_H}*(?:[,;–]|-(?=\s))?{_H}*\(?{_H}*")
_CLOSE_RE = re.compile(rf"{_H}*\)")
_YEAR_RE = re.compile(rf"năm{_H}+(?P<year>(?:19|20)\d\d)(?![\d/])", re.IGNORECASE)
_OF_RE = re.compile(rf"(?:của|do){_H}+", re.IGNORECASE)
_PLENUM_RE = re.compile(rf"(?:tại{_H}+)?Hội{_H}+nghị(?:{_H}+lần{_H}+thứ{_H}+\w+|{_H}+Trung{_H}+ương{_H}+\d{{1,2}})?{_H}+",
                        re.IGNORECASE)
_GAP_STOP = frozenset("theo thực tại và với cho đã được là hoặc các những về nhằm để".split())
_SO_TAIL_RE = re.compile(rf"{_H}*(?:số|Số|SỐ)(?:{_H}*hiệu)?{_H}*:?{_H}*$")


@dataclass
class Context:
    kind: str | None = None
    kind_start: int | None = None  # where the span may start (the kind word)
    issued: str | None = None
    issuer: str | None = None
    term: str | None = None
    year: str | None = None  # "25-NQ/TW năm 2013": a year that is not a full date
    after_end: int = 0  # end of the fields read after the number


def iso_date(m: re.Match) -> str | None:
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def roman(term: str) -> str | None:
    term = term.upper()
    return term if term and _ROMAN_RE.match(term) else None


def issuer_at(text: str, pos: int) -> tuple[str, int] | None:
    """The issuing body named at ``pos``: (canonical name, end offset)."""
    m = tables().issuer_regex.match(text, pos)
    if m is None:
        return None
    for issuer in tables().issuers:
        b = issuer.body.match(text, pos)
        if b is not None:
            name = issuer.name
            if issuer.keep_match:
                name = re.sub(r"\s+", " ", b.group(0))
                name = name[0].upper() + name[1:]
            return name, issuer.regex.match(text, pos).end()
    return None


def read_after(text: str, pos: int, limit: int) -> Context:
    """Date, issuer and term written after a number, in any order, up to ``limit``."""
    ctx = Context(after_end=pos)
    for _ in range(5):
        sep = _SEP_RE.match(text, pos, limit)
        at = sep.end() if sep else pos
        advanced = False
        if ctx.issued is None:
            m = DATE_RE.match(text, at, limit)
            if m is not None:
                ctx.issued, pos, advanced = iso_date(m), m.end(), True
        if not advanced and ctx.issuer is None:
            of = _OF_RE.match(text, at, limit)
            plenum = _PLENUM_RE.match(text, of.end() if of else at, limit)
            start = plenum.end() if plenum else (of.end() if of else None)
            found = issuer_at(text, start) if start is not None and start < limit else None
            if found is not None and found[1] <= limit:
                ctx.issuer, pos, advanced = found[0], found[1], True
        if not advanced and ctx.year is None and ctx.issued is None:
            m = _YEAR_RE.match(text, at, limit)
            if m is not None:
                ctx.year, pos, advanced = m.group("year"), m.end(), True
        if not advanced and ctx.term is None:
            m = TERM_RE.match(text, at, limit)
            if m is not None and roman(m.group("term")):
                ctx.term, pos, advanced = roman(m.group("term")), m.end(), True
        if not advanced:
            break
        close = _CLOSE_RE.match(text, pos, limit)
        if close is not None:
            pos = close.end()
        ctx.after_end = pos
    return ctx


_PRE_RE_CACHE: list[re.Pattern] = []


def _pre_re() -> re.Pattern:
    if not _PRE_RE_CACHE:
        issuers = tables().issuer_regex.pattern
        _PRE_RE_CACHE.append(re.compile(
            rf"(?:(?:ngày|Ngày){_H}+(?P<date>{_DATE_BODY}){_H}*,?{_H}*)?"
            rf"(?:(?P<iss>{issuers}){_H}*,?{_H}+)?"
            rf"(?:(?:đã|vừa|mới|chính{_H}+thức|cũng|đã{_H}+chính{_H}+thức){_H}+)*"
            rf"(?:ký{_H}+ban{_H}+hành|ban{_H}+hành|ký|phát{_H}+hành|thông{_H}+qua|ra){_H}*$",
            re.IGNORECASE))
    return _PRE_RE_CACHE[0]


def read_before(text: str, pos: int, floor: int) -> Context:
    """Kind written before a number at ``pos`` (not looking before ``floor``),
    then a date or issuer before that kind ("ngày ..., UBND tỉnh ban hành Văn bản số")."""
    ctx = Context()
    lo = max(floor, pos - 110)
    window = text[lo:pos]
    kinds = list(tables().kind_regex.finditer(window))
    for m in reversed(kinds):
        gap = window[m.end():]
        if gap.count("\n") > 1 or gap.lstrip(" \t").startswith("\n"):
            continue
        bare = _SO_TAIL_RE.sub("", gap).strip()
        if bare:
            words = bare.split()
            if (len(words) > 12 or re.search(r"[,;:.!?“”\"()]", bare)
                    or any(w.lower() in _GAP_STOP for w in words)):
                break
            term = TERM_RE.search(bare)
            if term and roman(term.group("term")):
                ctx.term = roman(term.group("term"))
        ctx.kind = canonical_kind(m.group(0))
        ctx.kind_start = lo + m.start() if not bare else None
        kind_pos = lo + m.start()
        pre_lo = max(floor, kind_pos - 160)
        pre = _pre_re().search(text, pre_lo, kind_pos)
        if pre is not None and (pre.group("date") or pre.group("iss")):
            if pre.group("date"):
                ctx.issued = iso_date(DATE_RE.match("ngày " + pre.group("date")))
            if pre.group("iss"):
                found = issuer_at(text, pre.start("iss"))
                ctx.issuer = found[0] if found else None
        break
    return ctx
