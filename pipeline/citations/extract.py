"""Put the verbs together: find numbers, read their fields, identify, resolve, add named references."""
from __future__ import annotations

import re
import unicodedata

from ..models import Article, Citation
from ..normalize import normalize_text
from .data import tables
from .find import expand_listed, find_numbers
from .named import _trigger_positions, find_named
from .parse import Context, read_after, read_before
from .resolve import identify, resolve_short_forms

# Characters that would break matching (NFC aside): invisible ones and look-alikes of Đ.
# Odd spaces need no normalising: every pattern here matches them as \s.
_ODD_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u00d0\u00f0\u0189]")
# What may stand between two numbers of one list: "05-CT/TW, 06-CT/TW", "... và số 06-CT/TW".
_LIST_GAP_RE = re.compile(r"^[^\S\n]*(?:,|;|và|hoặc|,[^\S\n]*và)?[^\S\n]*(?:số[^\S\n]*)?$", re.IGNORECASE)
_CONTEXT_CHARS = 250


def _infer_kind(family: str, type_code: str | None) -> str | None:
    t = tables()
    if type_code is None:
        return "Văn bản" if family == "state_admin" else None
    if family == "party" and type_code in t.party_type_kinds:
        return t.party_type_kinds[type_code]
    return t.types.get(type_code)


def _numbered(work: str, province: str | None, published: str | None) -> list[Citation]:
    raws = [item for raw in find_numbers(work) for item in expand_listed(raw)]
    out: list[Citation] = []
    floor = 0
    previous: Citation | None = None
    for i, raw in enumerate(raws):
        limit = raws[i + 1].start if i + 1 < len(raws) else len(work)
        limit = min(limit, raw.end + 200)
        before = read_before(work, raw.start, floor) if raw.start >= floor else Context()
        after = read_after(work, raw.end, limit) if raw.end <= limit else Context(after_end=raw.end)
        kind = before.kind
        if kind is None and previous is not None and _LIST_GAP_RE.match(work[floor:raw.start]):
            kind = previous.kind  # "các Chỉ thị số 05-CT/TW, 06-CT/TW"
        kind = kind or _infer_kind(raw.family, raw.type_code)
        start = before.kind_start if before.kind_start is not None else raw.start
        cite = Citation(
            start=start, end=raw.end, surface=work[start:raw.end], form="full", family=raw.family, kind=kind,
            number=raw.number, issued=after.issued or before.issued, issuer=after.issuer or before.issuer,
            term=after.term or before.term)
        context = work[raw.end:min(raw.end + _CONTEXT_CHARS, raws[i + 1].start if i + 1 < len(raws) else len(work))]
        identify(cite, province, published, context, after.year)
        out.append(cite)
        previous = cite
        floor = max(raw.end, after.after_end)
    return out


def find_citations(text: str, *, province: str | None = None, published: str | None = None,
                   named: bool = True) -> list[Citation]:
    """Every directive citation in ``text``: full numbers, resolved short forms and
    (unless ``named=False``) named references, in text order.

    Offsets and surfaces point into ``text`` as given; matching runs on its
    normalised form (NFC, odd spaces) when that differs.
    """
    if not isinstance(text, str):
        raise TypeError("find_citations expects a str")
    normalised = None
    work = text
    if not unicodedata.is_normalized("NFC", text) or _ODD_RE.search(text):
        # normalising with an offset map is costly: only when there may be something to find
        if "/" not in text and not _trigger_positions(unicodedata.normalize("NFC", text)):
            return []
        normalised = normalize_text(text)
        work = normalised.text
    full = _numbered(work, province, published)
    taken = [(c.start, c.end) for c in full]
    shorts = resolve_short_forms(work, full, taken)
    taken += [(c.start, c.end) for c in shorts]
    names = find_named(work, province=province, published=published, taken=taken) if named else []
    cites = sorted(full + shorts + names, key=lambda c: (c.start, c.end))
    index = {id(c): i for i, c in enumerate(cites)}
    for c in cites:
        if c.resolved_to is not None:
            c.resolved_to = index.get(c.resolved_to)
    if normalised is not None:
        for c in cites:
            c.start, c.end = normalised.to_original(c.start), normalised.to_original(c.end)
            c.surface = text[c.start:c.end]
    return cites


def cite_article(article: Article, original: str | None = None, *, named: bool = True) -> Article:
    """Fill ``article.citations``. With ``original`` (the text before normalisation,
    such that ``normalize_text(original).text == article.text``), also fill the
    ``orig_start``/``orig_end`` offsets into it."""
    text = article.text
    cites = find_citations(text, province=article.province, published=article.published, named=named)
    for c in cites:
        if c.key and c.key.endswith("@?"):
            c.key += article.id  # a local number of an unknown province: never merge across articles
    if original is not None:
        if original == text:
            for c in cites:
                c.orig_start, c.orig_end = c.start, c.end
        else:
            mapped = normalize_text(original)
            if mapped.text == text:
                for c in cites:
                    c.orig_start, c.orig_end = mapped.span_to_original(c.start, c.end)
    article.citations = cites
    return article
