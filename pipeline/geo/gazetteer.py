"""Vietnam's provinces and district-level units, with dates, from the data files.

``pipeline/data/geo/provinces.csv``: the 63 provinces and cities of 2008-2025 (plus
Hà Tây, and Thừa Thiên Huế renamed Huế in 2025), each with its successor and its
unit among the 34 of Nghị quyết 202/2025/QH15. ``provinces_2025.csv``: the 34.
``districts.csv``: district-level units (huyện, thị xã, thành phố thuộc tỉnh,
quận) with the province they belonged to and, where known, from when to when.
An empty date means "as far as this file knows, always". Names are matched
case-insensitively after ``normalize`` (tone placement), never with tones
folded away: "Thanh Trì" (Hà Nội) and "Thạnh Trị" (Sóc Trăng) are different places.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import DanvanError
from ..normalize import normalize

DATA = Path(__file__).resolve().parents[1] / "data" / "geo"
# The day the 34 provinces of 2025 began to work; earlier dates use the 63.
MERGER_2025 = "2025-07-01"
# The date used when an article has none: the last day of the 63 provinces.
DEFAULT_DATE = "2025-06-30"


class UnknownPlaceError(DanvanError, KeyError):
    """A province name that the gazetteer does not know."""

    def __str__(self) -> str:  # KeyError would print the repr
        return str(self.args[0]) if self.args else "unknown place"


@dataclass(frozen=True)
class Province:
    name: str
    kind: str  # "tỉnh" | "thành phố"
    valid_from: str  # ISO date or ""
    valid_to: str  # ISO date (exclusive) or ""
    successor: str  # the province that took it over at valid_to
    province_2025: str
    aliases: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class District:
    province: str
    name: str
    types: tuple[str, ...]  # "huyện", "thị xã", "thành phố", "quận"; latest first
    valid_from: str = ""
    valid_to: str = ""
    aliases: tuple[str, ...] = ()
    notes: str = ""

    def valid_on(self, date: str) -> bool:
        return (not self.valid_from or self.valid_from <= date) and (not self.valid_to or date < self.valid_to)


@dataclass
class Gazetteer:
    provinces: dict[str, Province]
    provinces_2025: dict[str, dict]
    districts: list[District]
    _names: dict[str, str] = field(default_factory=dict)  # key -> canonical province name

    def key(self, name: str) -> str:
        return _key(name)


def _key(name: str) -> str:
    """Comparison key: tone placement normalised, lower case, one kind of apostrophe and space."""
    text = normalize(name).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s*'\s*", "'", text)
    text = re.sub(r"\s*-\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def _read(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if not (row.get(next(iter(row))) or "").startswith("#")]


def spelling_variants(name: str) -> set[str]:
    """Spellings a place name is also written in: Đắk/Đăk/Đak, apostrophes or none."""
    variants = {name}
    for word in ("Đắk", "Đăk", "Đak", "Đác", "Dak"):
        if word in name:
            variants |= {name.replace(word, other) for other in ("Đắk", "Đăk", "Đak")}
    for variant in list(variants):
        if "'" in variant:
            variants.add(variant.replace("'", ""))
            variants.add(variant.replace("'", "' "))
    return variants


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    provinces = {}
    for row in _read("provinces.csv"):
        provinces[row["name"]] = Province(
            name=row["name"], kind=row["kind"], valid_from=row["valid_from"], valid_to=row["valid_to"],
            successor=row["successor"] or row["name"], province_2025=row["province_2025"],
            aliases=_split(row["aliases"]), notes=row["notes"])
    provinces_2025 = {row["name"]: row for row in _read("provinces_2025.csv")}
    districts = [
        District(province=row["province"], name=row["name"], types=_split(row["types"]),
                 valid_from=row["valid_from"], valid_to=row["valid_to"],
                 aliases=_split(row.get("aliases", "")), notes=row["notes"])
        for row in _read("districts.csv")
    ]
    for district in districts:
        if district.province not in provinces:
            raise DanvanError(f"districts.csv: {district.name} names an unknown province {district.province!r}")
    gazetteer = Gazetteer(provinces, provinces_2025, districts)
    names: dict[str, str] = {}
    for new, row in provinces_2025.items():
        for alias in (new, *_split(row["aliases"])):
            names[_key(alias)] = new
    for province in provinces.values():
        for alias in (province.name, *province.aliases):
            for variant in spelling_variants(alias):
                names[_key(variant)] = province.name
    gazetteer._names = names
    return gazetteer


_PREFIX_RE = re.compile(r"^(?:tỉnh|thành phố|tp\.?|t\.p\.?)\s+", re.I)


def normalise_province_name(name: str | None) -> str | None:
    """The canonical name of a province ("TP.HCM" -> "Hồ Chí Minh"), or None if unknown.

    Accepts the 63 provinces of 2008-2025, Hà Tây, the 34 of 2025, their usual
    aliases and spellings, with or without "tỉnh" / "thành phố" / "TP.".
    """
    if not name or not name.strip():
        return None
    names = load_gazetteer()._names
    key = _key(name)
    if key in names:
        return names[key]
    bare = _PREFIX_RE.sub("", key)
    return names.get(bare)


def resolve_province(name: str, date: str | None = None) -> str:
    """The province ``name`` was part of on ``date`` (ISO), following renames and mergers.

    Before 2025-07-01 this is one of the 63 (or Hà Tây before 2008-08-01);
    from then on one of the 34.
    """
    gazetteer = load_gazetteer()
    canonical = normalise_province_name(name)
    if canonical is None:
        raise UnknownPlaceError(f"unknown province: {name!r}")
    date = date or DEFAULT_DATE
    if date >= MERGER_2025:
        return to_2025(canonical)
    seen = set()
    while canonical in gazetteer.provinces and canonical not in seen:
        seen.add(canonical)
        province = gazetteer.provinces[canonical]
        if province.valid_to and date >= province.valid_to and province.successor != canonical:
            canonical = province.successor
            continue
        if province.valid_from and date < province.valid_from:
            # A name younger than the date ("Huế" in 2020): the unit it succeeded.
            before = [p.name for p in gazetteer.provinces.values()
                      if p.successor == canonical and p.name != canonical and p.valid_to == province.valid_from]
            if before:
                canonical = before[0]
                continue
        break
    return canonical


def to_2025(province: str) -> str:
    """The province among the 34 of 2025 that ``province`` became part of ("Bình Phước" -> "Đồng Nai")."""
    gazetteer = load_gazetteer()
    canonical = normalise_province_name(province)
    if canonical is None:
        raise UnknownPlaceError(f"unknown province: {province!r}")
    if canonical in gazetteer.provinces:
        return gazetteer.provinces[canonical].province_2025
    return canonical  # already one of the 34


def parse_date(published: str | None) -> str:
    """An ISO date from a publication date ("2024-06-02T23:40", "2024-06", "2024"); default if none."""
    if not published:
        return DEFAULT_DATE
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published.strip())
    if not match:
        return DEFAULT_DATE
    year, month, day = match.group(1), match.group(2) or "07", match.group(3) or "01"
    return f"{year}-{month}-{day}"
