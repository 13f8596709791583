"""Give each citation its identity: catalogue entry, scope, key; resolve short forms.

Identity rules (../shared/ANNOTATION.md): a local number (TU, HU, UBND ...)
names a document only within its province, so its key carries the province;
Party numbers restart with each term and State numbers with each year, so the
key carries the term or year where the text, the catalogue or the article's
date tells it. When two catalogued documents share a number and nothing tells
them apart, the citation is marked ``ambiguous`` and its key says ``?``.
"""
from __future__ import annotations

import re

from ..models import Citation
from .data import CatalogueEntry, case_variants, number_id, tables

# First day of each Party term (the opening of its National Congress).
TERMS = [("1996-06-28", "VIII"), ("2001-04-19", "IX"), ("2006-04-18", "X"), ("2011-01-12", "XI"),
         ("2016-01-21", "XII"), ("2021-01-25", "XIII"), ("2026-01-19", "XIV")]

_LAW_ISSUER_RE = re.compile(r"^(?:UBTV)?QH\d*$")


def term_for_date(iso: str | None) -> str | None:
    if not iso or len(iso) < 10:
        return None
    term = None
    for start, name in TERMS:
        if iso >= start:
            term = name
    return term


def term_for_year(year: str | None) -> str | None:
    """The term of a year, unless a congress opened that year (then it is either)."""
    if not year or any(start[:4] == year for start, _ in TERMS):
        return None
    return term_for_date(f"{year}-07-01")


def is_central(family: str, issuer_code: str) -> bool:
    t = tables()
    head = issuer_code.split("-")[0]
    if family == "party":
        return head.endswith("TW") or head in t.central
    if head in t.central or _LAW_ISSUER_RE.match(head):
        return True
    if head in t.local_party or head in ("UBND", "HĐND"):
        return False
    # Ministries are B...; provincial departments are S..., district offices P...
    return head.startswith("B") and len(head) >= 3


def _issuer_code(number: str, family: str) -> str:
    if family == "party":
        return number.split("/", 1)[1]
    if family == "state_legal":
        last = number.split("/")[-1]
        return last.split("-", 1)[1] if "-" in last else last
    rest = number.split("/", 1)[1]
    parts = rest.split("-")
    return parts[1] if parts[0] in tables().types and len(parts) > 1 else parts[0]


def candidates(cite: Citation, published: str | None, context: str, year: str | None = None) -> list[CatalogueEntry]:
    """The catalogue entries the citation may name, narrowed by what the text says."""
    found = tables().catalogue.get(number_id(cite.number or ""), [])
    if not found:
        return []
    term = cite.term or term_for_date(cite.issued)
    year = cite.issued[:4] if cite.issued else year
    if cite.family == "party" and term:
        found = [c for c in found if c.term == term]
    elif year:
        found = [c for c in found if c.issued[:4] == year]
    if published and len(found) > 1:
        found = [c for c in found if c.issued <= published[:10]] or found
    if len(found) > 1 and context:
        low = context.lower()
        by_words = [c for c in found if any(k.lower() in low for k in c.keywords)]
        if len(by_words) == 1:
            found = by_words
    return found


def identify(cite: Citation, province: str | None, published: str | None, context: str,
             year: str | None = None) -> None:
    """Fill scope, title, catalogue fields, key and ambiguity of a full citation in place."""
    code = _issuer_code(cite.number, cite.family)
    central = is_central(cite.family, code)
    cite.scope = None if central else province
    found = candidates(cite, published, context, year) if central else []
    year = cite.issued[:4] if cite.issued else year
    if cite.family == "party" and central:
        when = cite.term or term_for_date(cite.issued) or term_for_year(year)
    elif cite.family == "party":  # a local committee numbers by its own term: the year is safer
        when = year or (f"khóa {cite.term}" if cite.term else None)
    elif cite.family == "state_admin":
        when = year
    else:
        when = None  # the year is in the number
    if len(found) == 1:
        entry = found[0]
        cite.title = entry.title
        cite.catalogue_id = entry.id
        cite.catalogue_issued = entry.issued
        if cite.issued and cite.issued != entry.issued:
            cite.conflict = f"issued {cite.issued} in the text, {entry.issued} in the catalogue"
        if cite.family == "party":
            when = when or entry.term
        elif cite.family == "state_admin":
            when = when or entry.issued[:4]
    elif len(found) > 1:
        cite.ambiguous = True
        when = "?"
    key = re.sub(r"(?<![\d])0+(?=\d)", "", cite.number, count=1)
    if when and cite.family != "state_legal":
        key += f"|{when}"
    if not central:
        key += f"@{province or '?'}"
    cite.key = key


SHORT_RE_CACHE: list[re.Pattern] = []
_SHORT_KINDS = ("Nghị quyết", "Chỉ thị", "Kết luận", "Quyết định", "Quy định", "Quy chế", "Nghị định",
                "Thông tư", "Kế hoạch", "Hướng dẫn", "Thông tri", "Công văn", "Văn bản")


def short_re() -> re.Pattern:
    if not SHORT_RE_CACHE:
        kinds = "|".join(case_variants(k) for k in _SHORT_KINDS)
        SHORT_RE_CACHE.append(re.compile(
            rf"(?<!\w)(?P<kind>{kinds})[^\S\n]+(?:[Ss]ố[^\S\n]+)?(?P<n>\d{{1,4}})"
            r"(?![\w/]|[^\S\n]*[-–/][^\S\n]*\w|[.,]\d|[^\S\n]+(?:tháng|năm|ngày|[Đđ]iều|khoản|%))"))
    return SHORT_RE_CACHE[0]


def _kind_of(cite: Citation) -> str | None:
    return (cite.kind or "").lower()


def resolve_short_forms(text: str, full: list[Citation], taken: list[tuple[int, int]]) -> list[Citation]:
    """Short forms ("Nghị quyết 25") that follow a full citation of the same kind and number."""
    from .data import canonical_kind
    shorts = []
    if not full:
        return shorts
    for m in short_re().finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        digits = int(m.group("n"))
        kind = canonical_kind(m.group("kind"))
        target = None
        for cite in full:
            if cite.start >= m.start():
                break
            lead = re.match(r"\d+", cite.number or "")
            if lead and int(lead.group()) == digits and _kind_of(cite) == kind.lower():
                target = cite
        if target is None:
            continue
        shorts.append(Citation(
            start=m.start(), end=m.end(), surface=m.group(0), form="short", family=target.family, kind=kind,
            number=target.number, scope=target.scope, title=target.title, key=target.key,
            ambiguous=target.ambiguous, catalogue_id=target.catalogue_id,
            catalogue_issued=target.catalogue_issued, resolved_to=id(target)))
    return shorts
