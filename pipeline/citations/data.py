"""Load the citation data files (codes, lexicon, catalogue, named references) once.

Everything a user may change lives in ``pipeline/data/citations/*.toml``; this
module turns those tables into compiled regular expressions and lookups.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import DanvanError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "citations"

# Old and modern tone placement both occur in real text ("Tỉnh uỷ", "khoá"); a
# lexicon pattern written one way matches both.
_TONE_PAIRS = {
    "ủy": "uỷ", "ùy": "uỳ", "úy": "uý", "ũy": "uỹ", "ụy": "uỵ",
    "óa": "oá", "òa": "oà", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "óe": "oé", "òe": "oè", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
}
_TONE_RE = re.compile("|".join(_TONE_PAIRS), re.IGNORECASE)

# Vietnamese capital letters, for "a place name follows".
UPPER = "A-ZĐÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"


def tone_tolerant(pattern: str) -> str:
    """Rewrite a lexicon pattern so that both tone placements match, and spaces flex."""
    def alt(m: re.Match) -> str:
        word = m.group(0)
        other = _TONE_PAIRS[word.lower()]
        if word[0].isupper():
            other = other[0].upper() + other[1:]
        return f"(?:{word}|{other})"
    pattern = _TONE_RE.sub(alt, pattern)
    return pattern.replace(" ", r"[^\S\n]+")


def _load(name: str) -> dict:
    path = DATA_DIR / name
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DanvanError(f"cannot read citation data file {path}: {exc}") from exc


@dataclass
class Issuer:
    name: str
    regex: re.Pattern  # the body and a place name after it
    body: re.Pattern  # the body alone, to name it
    keep_match: bool = False


@dataclass
class CatalogueEntry:
    number: str
    kind: str
    issuer: str
    issued: str
    title: str
    term: str | None = None
    keywords: list[str] = field(default_factory=list)
    confidence: str = "high"
    note: str = ""

    @property
    def id(self) -> str:
        return f"{self.number}|{self.term or self.issued[:4]}"


@dataclass
class NamedRule:
    name: str
    kind: str
    regex: re.Pattern
    key: str | None = None
    number: str | None = None
    local: bool = False
    by_year: dict = field(default_factory=dict)
    by_date: list = field(default_factory=list)


@dataclass
class Tables:
    types: dict[str, str]
    party_type_kinds: dict[str, str]
    spellings: dict[str, str]
    central: frozenset
    local_party: frozenset
    kinds: list[str]
    kind_regex: re.Pattern
    issuers: list[Issuer]
    issuer_regex: re.Pattern  # any issuer, anchored use via .match
    catalogue: dict[str, list[CatalogueEntry]]  # by number without leading zeros
    named: list[NamedRule]


def number_id(number: str) -> str:
    """A number with leading zeros dropped, to look it up: '05-CT/TW' -> '5-CT/TW'."""
    return number.lstrip("0") or number


@lru_cache(maxsize=1)
def tables() -> Tables:
    codes = _load("codes.toml")
    lexicon = _load("lexicon.toml")
    catalogue_data = _load("catalogue.toml")
    named_data = _load("named.toml")

    kinds = sorted(lexicon["kinds"], key=len, reverse=True)
    kind_regex = re.compile(
        r"(?<!\w)(?:" + "|".join(tone_tolerant(re.escape(k).replace(r"\ ", " ")).replace(r"[^\S\n]+", r"\s+")
                                  for k in kinds)
        + r")(?!\w)", re.IGNORECASE)

    place = rf"(?-i:(?:[^\S\n]+[{UPPER}][\w]*(?:[^\S\n]+[{UPPER}][\w]*){{0,3}})?)"
    issuers = []
    for entry in lexicon["issuers"]:
        body = "|".join(tone_tolerant(p) for p in entry["patterns"])
        issuers.append(Issuer(entry["name"], re.compile(rf"(?:{body})(?!\w){place}", re.IGNORECASE),
                              re.compile(rf"(?:{body})(?!\w)", re.IGNORECASE), bool(entry.get("keep_match"))))
    issuer_regex = re.compile("|".join(f"(?:{i.regex.pattern})" for i in issuers), re.IGNORECASE)

    catalogue: dict[str, list[CatalogueEntry]] = {}
    for doc in catalogue_data.get("documents", []):
        entry = CatalogueEntry(**{k: v for k, v in doc.items()
                                  if k in CatalogueEntry.__dataclass_fields__})
        catalogue.setdefault(number_id(entry.number), []).append(entry)

    named = []
    for rule in named_data.get("named", []):
        named.append(NamedRule(
            name=rule["name"], kind=rule["kind"],
            regex=re.compile(tone_tolerant(rule["pattern"]) + r"(?!\w)", re.IGNORECASE),
            key=rule.get("key"), number=rule.get("number"), local=bool(rule.get("local")),
            by_year=dict(rule.get("by_year", {})), by_date=list(rule.get("by_date", []))))

    return Tables(
        types=dict(codes["types"]), party_type_kinds=dict(codes.get("party_type_kinds", {})),
        spellings=dict(codes.get("spellings", {})),
        central=frozenset(codes["scope"]["central"]), local_party=frozenset(codes["scope"]["local_party"]),
        kinds=kinds, kind_regex=kind_regex, issuers=issuers, issuer_regex=issuer_regex,
        catalogue=catalogue, named=named)


def canonical_code(code: str) -> str:
    """'qd' -> 'QĐ', 'ttg' -> 'TTg', 'bcsd' -> 'BCSĐ', 'UBND' -> 'UBND'."""
    upper = code.upper()
    return tables().spellings.get(upper, upper)


def case_variants(phrase: str) -> str:
    """A case-sensitive regex for a phrase as it is written in text: each word with
    its first letter in either case, or the whole phrase in capitals. Faster to
    scan with than re.IGNORECASE."""
    words = []
    for word in phrase.split():
        first = word[0]
        words.append(f"[{first.upper()}{first.lower()}]{re.escape(word[1:])}")
    return "(?:" + r"\s+".join(words) + "|" + r"\s+".join(re.escape(w.upper()) for w in phrase.split()) + ")"


@lru_cache(maxsize=4096)
def canonical_kind(kind: str) -> str:
    """A kind as written, with its first letter capitalised ('văn bản' -> 'Văn bản')."""
    kind = re.sub(r"\s+", " ", kind.strip())
    for known in tables().kinds:
        if known.lower() == kind.lower() or tone_equal(known, kind):
            return known
    return kind[:1].upper() + kind[1:].lower()


def tone_equal(a: str, b: str) -> bool:
    def modern(s: str) -> str:
        s = s.lower()
        for new, old in _TONE_PAIRS.items():
            s = s.replace(old, new)
        return s
    return modern(a) == modern(b)
