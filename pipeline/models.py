"""The data model of danvan, defined once: every stage reads and writes these.

Data flows one way: an ``Article`` is built by the cleaner or the extractor,
then the theme tagger adds ``ThemeTag`` objects and the citation extractor
adds ``Citation`` objects. All three serialise to plain JSON dicts and back.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Optional

SCHEMA_VERSION = 1

# How precise ``Article.published`` is: a page may give a minute, only a day, ...
PRECISIONS = ("minute", "day", "month", "year")


@dataclass
class ThemeTag:
    """One theme's call for one article (see ../shared/ANNOTATION.md)."""

    theme: str  # label from the taxonomy file, e.g. "religion"
    score: float  # probability in [0, 1] that the theme is substantive (level 2)
    level: int  # 0 absent, 1 mentioned, 2 substantive
    score_mentioned: float = 0.0  # probability that level >= 1
    evidence: list[str] = field(default_factory=list)  # sentences carrying the call

    @classmethod
    def from_dict(cls, data: dict) -> "ThemeTag":
        return cls(**_known(cls, data))


@dataclass
class Citation:
    """A reference in an article to a numbered Party or State document."""

    start: int  # character offsets into Article.text (the cleaned text)
    end: int
    surface: str  # the exact span text
    form: str = "full"  # full | short | named
    family: Optional[str] = None  # party | state_admin | state_legal | None for named
    kind: Optional[str] = None  # document kind as written: Nghị quyết, Chỉ thị ...
    number: Optional[str] = None  # canonical number, e.g. "25-NQ/TW", "33/CT-TTg"
    issued: Optional[str] = None  # ISO date where known
    issuer: Optional[str] = None  # issuing body where named
    term: Optional[str] = None  # Party term (khóa) in Roman numerals, e.g. "XI"
    scope: Optional[str] = None  # province for a local document, None for central
    title: Optional[str] = None  # from the directive catalogue
    key: Optional[str] = None  # identity key that never merges different documents
    resolved_to: Optional[int] = None  # for short forms: index of the full citation
    orig_start: Optional[int] = None  # offsets in the original (un-normalised) text
    orig_end: Optional[int] = None
    ambiguous: bool = False  # the index cannot tell two documents apart
    catalogue_id: Optional[str] = None  # the directive catalogue entry it names, e.g. "25-NQ/TW|XI"
    catalogue_issued: Optional[str] = None  # the issue date the catalogue gives (``issued`` is the text's)
    conflict: Optional[str] = None  # where the text and the catalogue disagree (dates)

    @classmethod
    def from_dict(cls, data: dict) -> "Citation":
        return cls(**_known(cls, data))


@dataclass
class Article:
    """A cleaned article and, once tagged, its themes and citations."""

    id: str
    title: Optional[str] = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)  # the caption lines among paragraphs
    url: Optional[str] = None
    site: Optional[str] = None
    province: Optional[str] = None  # province as of the publication date
    province_2025: Optional[str] = None  # the same place among the provinces merged in 2025
    published: Optional[str] = None  # ISO 8601 local time, cut to its precision
    published_precision: Optional[str] = None  # one of PRECISIONS
    author: Optional[str] = None
    author_affiliation: Optional[str] = None
    language: Optional[str] = None
    best_effort: bool = False  # True when the input was doubtful (see warnings)
    warnings: list[str] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=dict)  # source, WARC record id, profile ...
    themes: list[ThemeTag] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The cleaned text: paragraphs joined by newlines. Citation offsets point here."""
        return "\n".join(self.paragraphs)

    def content_hash(self) -> str:
        """A hash of what the article says, to find the same article under two URLs."""
        payload = (self.title or "") + "\n" + self.text
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def theme(self, label: str) -> Optional[ThemeTag]:
        return next((t for t in self.themes if t.theme == label), None)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["schema_version"] = SCHEMA_VERSION
        return data

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        values = _known(cls, data)
        if "id" not in values:
            raise ValueError("an Article needs an 'id'")
        values["themes"] = [t if isinstance(t, ThemeTag) else ThemeTag.from_dict(t)
                            for t in values.get("themes") or []]
        values["citations"] = [c if isinstance(c, Citation) else Citation.from_dict(c)
                               for c in values.get("citations") or []]
        if values.get("paragraphs") is None and isinstance(data.get("text"), str):
            values["paragraphs"] = [p for p in data["text"].split("\n") if p.strip()]
        return cls(**values)

    @classmethod
    def from_json(cls, line: str) -> "Article":
        return cls.from_dict(json.loads(line))


def _known(cls, data: dict) -> dict:
    """Keep the keys the dataclass knows, so newer files load in older code."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}
