"""Which province an article is about, from the places it names and how it names them.

The signals, strongest first: a title that opens with a place ("Bình Phước: ...",
"An Khê: ..."); a place with its administrative word ("tỉnh Bình Phước",
"Tỉnh ủy Gia Lai", "Thị ủy An Khê", "huyện Bù Đốp", "TP. Pleiku"); a province
named bare ("... của Bình Phước"). A district counts for its province as of the
publication date. A district name shared by several provinces ("Châu Thành",
"Phú Tân") never decides alone: it only adds weight to a province that other
evidence already names. One province must dominate; an article that names no
place, or names several evenly, gives None.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..alternation import factored_alternation
from ..normalize import normalize
from .gazetteer import _key, load_gazetteer, parse_date, resolve_province, spelling_variants, to_2025

# Weights of the signals (see the module docstring).
W_TITLE_LEAD = 3.0  # the title opens with the place
W_TITLE = 2.0  # the title names the place with its type word
W_TYPED = 1.0  # the body names it with its type word
W_BARE_TITLE = 1.0  # the title names a province bare
W_BARE = 0.5  # the body names a province bare
W_SHARED = 0.5  # a typed district whose name several provinces share
MIN_SCORE = 1.0  # less than one typed mention is not enough
DOMINANCE = 1.5  # the winner needs this many times the runner-up's weight
MAX_BODY_CHARS = 200_000  # the body read at most
MIN_SHARE = 0.5  # ... and more than this share of all the place evidence

_TYPED_ALIAS_RE = re.compile(r"^(?:thành phố|tỉnh|tp\b|tp\.|t\.p)", re.I)


def _spaced(literal: str) -> str:
    """A regex for a name key: any whitespace for a space, spacing optional around "-" and "'"."""
    pattern = r"\s+".join(re.escape(part) for part in literal.split(" "))
    pattern = pattern.replace(r"\s+\-\s+", r"\s*[-–]\s*").replace("'", r"['’‘]\s?")
    return pattern


# Administrative words before a name, and which index they point to.
_TYPE_WORDS = {
    "tỉnh ủy": "province", "tỉnh đoàn": "province", "tỉnh": "province",
    "thành ủy": "city", "thành đoàn": "city", "thành phố": "city", "tp.": "city", "tp": "city", "t.p": "city",
    "huyện ủy": "huyện", "huyện đoàn": "huyện", "huyện": "huyện",
    "thị ủy": "thị xã", "thị đoàn": "thị xã", "thị xã": "thị xã", "tx.": "thị xã", "tx": "thị xã",
    "quận ủy": "quận", "quận đoàn": "quận", "quận": "quận",
}
_TYPE_BEFORE_RE = re.compile(
    r"(?<!\w)(" + "|".join(_spaced(w) for w in sorted(_TYPE_WORDS, key=len, reverse=True))
    + r")\s*$")
# Provinces whose bare name is mostly something else ("tư tưởng Hồ Chí Minh").
_NO_BARE = {"Hồ Chí Minh", "Huế"}
# Words that make a following capitalised name a person's name ("Lê Hà Nam").
_NAME_WORDS = set("""nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đinh lâm mai trịnh
tô hà lương cao văn thị hữu đức minh ngọc thanh quang xuân kim đình công bá""".split())
_LEAD_RE = re.compile(r"^\s*(.{2,40}?)\s*(?::|\s[-–—]\s)")


@dataclass
class ProvinceMatch:
    """The province an article is about."""

    province: str  # as of the publication date (one of the 34 from 2025-07-01)
    province_2025: str  # the same place among the 34 provinces of 2025
    evidence: list[str] = field(default_factory=list)  # the matched strings, as written
    score: float = 0.0  # the winner's share of all place evidence, in (0, 1]


@dataclass
class _Entry:
    provinces: list[tuple[str, str, str]]  # (province, valid_from, valid_to) for a province name
    districts: list  # District rows sharing the name


@lru_cache(maxsize=1)
def _index():
    """(name regex over lower-cased text, {key: _Entry})."""
    gazetteer = load_gazetteer()
    entries: dict[str, _Entry] = defaultdict(lambda: _Entry([], []))
    for province in gazetteer.provinces.values():
        for alias in (province.name, *province.aliases):
            for variant in spelling_variants(alias):
                entries[_key(variant)].provinces.append(province.name)
    for name, row in gazetteer.provinces_2025.items():
        for alias in (name, *[a.strip() for a in row["aliases"].split(";") if a.strip()]):
            entries[_key(alias)].provinces.append(name)
    for district in gazetteer.districts:
        if not re.search(r"[^\W\d_]", district.name) and "quận" not in district.types:
            continue
        for alias in (district.name, *district.aliases):
            for variant in spelling_variants(alias):
                entries[_key(variant)].districts.append(district)
    keys = sorted(entries, key=len, reverse=True)
    alternation = factored_alternation([_spaced(k) for k in keys])
    pattern = re.compile(rf"(?<![\w'])({alternation})(?![\w'])")
    return pattern, dict(entries)


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _capitalised(span: str) -> bool:
    span = _TYPED_ALIAS_RE.sub("", span)
    words = [w for w in re.split(r"[\s\-–]+", span) if w]
    return all(w[0].isupper() or w[0].isdigit() for w in words if w[0].isalpha() or w[0].isdigit())


def _word_before(text: str, start: int) -> str:
    match = re.search(r"(\w+)\W*$", text[max(0, start - 30):start])
    return match.group(1) if match else ""


def _word_after(text: str, end: int) -> str:
    match = re.match(r"[ \t]*(\w+)", text[end:end + 30])
    return match.group(1) if match else ""


def _district_candidates(districts, type_word: str | None, date: str):
    valid = [d for d in districts if d.valid_on(date)] or list(districts)
    if type_word in ("huyện", "thị xã", "quận", "city"):
        wanted = "thành phố" if type_word == "city" else type_word
        typed = [d for d in valid if wanted in d.types]
        if typed:
            valid = typed
    return valid


class _Tally:
    def __init__(self, date: str):
        self.date = date
        self.scores: dict[str, float] = defaultdict(float)
        self.evidence: dict[str, list[str]] = defaultdict(list)
        self.shared: list[tuple[set[str], float, str]] = []  # ambiguous districts, settled at the end

    def add(self, province: str, weight: float, evidence: str) -> None:
        resolved = resolve_province(province, self.date)
        self.scores[resolved] += weight
        self.evidence[resolved].append(evidence)

    def add_shared(self, provinces: set[str], weight: float, evidence: str) -> None:
        self.shared.append(({resolve_province(p, self.date) for p in provinces}, weight, evidence))

    def settle_shared(self) -> None:
        # Only a province that the text names firmly (one typed mention at least) takes support.
        named = {p for p, s in self.scores.items() if s >= MIN_SCORE}
        for provinces, weight, evidence in self.shared:
            for province in provinces & named:
                self.scores[province] += weight
                self.evidence[province].append(evidence)


def _scan(text: str, tally: _Tally, *, in_title: bool) -> None:
    if not text:
        return
    pattern, entries = _index()
    lowered = _lower(text)
    for match in pattern.finditer(lowered):
        start, end = match.span()
        surface = text[start:end]
        if not _capitalised(surface):
            continue
        entry = entries.get(_key(match.group(1)))
        if entry is None:
            continue
        before = _TYPE_BEFORE_RE.search(lowered[max(0, start - 16):start])
        type_word = _TYPE_WORDS[re.sub(r"\s+", " ", before.group(1))] if before else None
        shown = (text[start - len(before.group(0)):end] if before else surface).strip()
        if type_word is None:
            _bare(text, start, end, surface, entry, tally, in_title)
            continue
        weight = W_TITLE if in_title else W_TYPED
        if type_word == "province":
            if entry.provinces:
                tally.add(entry.provinces[0], weight, shown)
            continue
        if type_word == "city" and entry.provinces and not any(
                "thành phố" in d.types for d in entry.districts):
            tally.add(entry.provinces[0], weight, shown)  # a centrally-run city: "TP. Cần Thơ"
            continue
        candidates = _district_candidates(entry.districts, type_word, tally.date)
        provinces = {d.province for d in candidates}
        if len(provinces) == 1:
            tally.add(provinces.pop(), weight, shown)
        elif provinces:
            tally.add_shared(provinces, W_SHARED, shown)


def _bare(text, start, end, surface, entry, tally, in_title) -> None:
    """A name without its administrative word before it."""
    if entry.provinces:
        province = entry.provinces[0]
        if _TYPED_ALIAS_RE.match(surface):  # an alias with its type inside: "TP.HCM", "Thành phố Huế"
            tally.add(province, W_TITLE if in_title else W_TYPED, surface)
            return
        if province in _NO_BARE and _key(surface) == _key(province):
            return
        shared = False
    else:
        # A city of a province (Nha Trang, Pleiku) may support a province, never decide it:
        # "Điện Biên Phủ" is a battle as often as a city.
        cities = {d.province for d in _district_candidates(entry.districts, None, tally.date)
                  if d.types and d.types[0] == "thành phố"}
        if len(cities) != 1 or len({d.province for d in entry.districts}) != 1:
            return
        province, shared = cities.pop(), True
    after = _word_after(text, end)
    if after and after[0].isupper() and not text[start:end].isupper():
        return  # part of a longer name: "Điện Biên Phủ", "Hà Nam Ninh"
    if _word_before(text, start).lower() in _NAME_WORDS:
        return  # a person: "Lê Hà Nam"
    if shared:
        tally.add_shared({province}, W_BARE, surface)
    else:
        tally.add(province, W_BARE_TITLE if in_title else W_BARE, surface)


def _title_lead(title: str, tally: _Tally) -> None:
    """'Bình Phước: ...', 'An Khê - ...': a title that opens with a place."""
    match = _LEAD_RE.match(title)
    if not match:
        return
    _, entries = _index()
    lead = match.group(1)
    entry = entries.get(_key(lead))
    if entry is None:
        return
    if entry.provinces:
        if entry.provinces[0] not in _NO_BARE or lead.isupper():
            tally.add(entry.provinces[0], W_TITLE_LEAD, lead)
        return
    provinces = {d.province for d in _district_candidates(entry.districts, None, tally.date)}
    if len(provinces) == 1:
        tally.add(provinces.pop(), W_TITLE_LEAD, lead)


def find_province(title: str | None, paragraphs: list[str], published: str | None = None) -> ProvinceMatch | None:
    """The province the article is about (as of ``published``), or None if the text does not say.

    ``published`` is an ISO date or date-time (any precision); without it the
    provinces of early 2025 (the 63) are used.
    """
    date = parse_date(published)
    tally = _Tally(date)
    title = normalize(title or "")
    if title:
        _title_lead(title, tally)
        lead = _LEAD_RE.match(title)
        _scan(title[lead.end():] if lead and tally.scores else title, tally, in_title=True)
    budget = MAX_BODY_CHARS
    for paragraph in paragraphs or []:
        if budget <= 0:
            break  # a huge page: its place is plain long before this
        paragraph = paragraph[:budget]
        budget -= len(paragraph)
        _scan(normalize(paragraph), tally, in_title=False)
    tally.settle_shared()
    if not tally.scores:
        return None
    ranked = sorted(tally.scores.items(), key=lambda item: -item[1])
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    total = sum(tally.scores.values())
    if best_score < MIN_SCORE or best_score < DOMINANCE * runner_up or best_score <= MIN_SHARE * total:
        return None
    return ProvinceMatch(province=best, province_2025=to_2025(best), evidence=tally.evidence[best],
                         score=round(best_score / total, 3))
