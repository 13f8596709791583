"""Named references: well-known documents cited without a number.

"Nghị quyết Trung ương 4 khóa XII", "Luật Thực hiện dân chủ ở cơ sở", "Quy chế
công tác dân vận của hệ thống chính trị". The rules live in
``pipeline/data/citations/named.toml``. Where a name points at one catalogued
document, the citation takes that document's key, so that the index counts
"Luật Thực hiện dân chủ ở cơ sở" and "10/2022/QH15" as the same document.
"""
from __future__ import annotations

from ..models import Citation
from .data import NamedRule, number_id, tables
from .resolve import term_for_date

# The first words of every named rule, as written: the text is searched for these
# with str.find (C speed) and the rules are tried only where one occurs.
TRIGGERS = ("Nghị quyết", "nghị quyết", "NGHỊ QUYẾT", "Luật", "LUẬT", "Pháp lệnh", "pháp lệnh",
            "Hiến pháp", "hiến pháp", "Quy chế", "quy chế", "QUY CHẾ")


def _trigger_positions(text: str) -> list[int]:
    positions = []
    for word in TRIGGERS:
        at = text.find(word)
        while at >= 0:
            if at == 0 or not text[at - 1].isalnum():
                positions.append(at)
            at = text.find(word, at + len(word))
    return sorted(positions)


def _catalogue_entry(number: str, term: str | None = None):
    found = tables().catalogue.get(number_id(number), [])
    if term:
        found = [c for c in found if c.term == term]
    return found[0] if len(found) == 1 else None


def _cite(rule: NamedRule, m, term: str | None, province: str | None, published: str | None) -> Citation:
    groups = m.groupdict()
    year = groups.get("year")
    number = rule.number
    if rule.by_year and year:
        number = rule.by_year.get(year)
    if rule.by_date and published:
        for since, candidate in rule.by_date:
            if published[:10] >= since:
                number = candidate
    cite = Citation(start=m.start(), end=m.end(), surface=m.group(0), form="named", kind=rule.kind, term=term)
    entry = _catalogue_entry(number) if number else None
    if entry is not None:
        cite.title, cite.catalogue_id, cite.catalogue_issued = entry.title, entry.id, entry.issued
        cite.family = "party" if "/TW" in entry.number else ("state_legal" if entry.number.count("/") == 2
                                                             else "state_admin")
        cite.key = f"{entry.number}|{entry.term}" if entry.term else entry.number
        if cite.family == "state_admin":
            cite.key = f"{entry.number}|{entry.issued[:4]}"
    else:
        fields = {k: (v or "?") for k, v in groups.items()}
        fields["term"] = term or "?"
        template = rule.key or rule.name
        cite.key = "named:" + template.format_map(_Default(fields))
        cite.title = rule.name
        cite.ambiguous = "?" in cite.key or (rule.by_date and not published) or False
        if rule.local:
            cite.scope = province
            cite.key += f"@{province or '?'}"
    return cite


class _Default(dict):
    def __missing__(self, key):
        return "?"


# Plenum -> the one resolution that names it, where a plenum issued only one.
_ONE_RESOLUTION_PLENUMS = {("4", "XII"): "04-NQ/TW", ("4", "XI"): "12-NQ/TW"}


def find_named(text: str, *, province: str | None = None, published: str | None = None,
               taken: list[tuple[int, int]] = ()) -> list[Citation]:
    """Named references in ``text`` that do not overlap a numbered citation (``taken``)."""
    out: list[Citation] = []
    rules = tables().named
    for position in _trigger_positions(text):
        for rule in rules:
            m = rule.regex.match(text, position)
            if m is None:
                continue
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            # a name followed by its number is part of a full citation ("Luật ... số 10/2022/QH15")
            tail = text[m.end():m.end() + 12].lstrip()
            if tail[:3].lower() == "số " and any(ch.isdigit() for ch in tail[3:8]):
                continue
            groups = m.groupdict()
            terms = [t.upper() for t in (groups.get("term"), groups.get("term2")) if t]
            for term in terms or [None]:
                cite = _cite(rule, m, term, province, published)
                plenum = groups.get("plenum")
                if plenum and term and (plenum, term) in _ONE_RESOLUTION_PLENUMS:
                    entry = _catalogue_entry(_ONE_RESOLUTION_PLENUMS[(plenum, term)], term)
                    if entry is not None:
                        cite.title, cite.catalogue_id, cite.catalogue_issued = entry.title, entry.id, entry.issued
                        cite.family, cite.key, cite.ambiguous = "party", f"{entry.number}|{entry.term}", False
                out.append(cite)
    out.sort(key=lambda c: (c.start, c.end))
    # keep the longest of overlapping matches of different rules (same span twice for two terms is fine)
    kept: list[Citation] = []
    for cite in out:
        if kept and cite.start < kept[-1].end and (cite.start, cite.end) != (kept[-1].start, kept[-1].end):
            if cite.end - cite.start > kept[-1].end - kept[-1].start:
                kept[-1] = cite
            continue
        kept.append(cite)
    return kept


__all__ = ["find_named", "term_for_date"]
