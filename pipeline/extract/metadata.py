"""Metadata rules shared by the text cleaner and the HTML extractor.

Bylines ("Nguồn tin: Anh Đào - BDVTU", "Nguyễn Thị Quyên - Ban Dân vận Tỉnh uỷ",
"Theo báo Gia Lai", "Tin, ảnh: Minh Châu"), captions ("(Ảnh minh hoạ)", "... Ảnh: X"),
titles, the shape of prose lines, and the province (through ``pipeline.geo``).
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

_TERMINAL = ".!?…:;\"”»)’'"
# Byline prefixes: "Nguồn tin:", "Tác giả:", "Tin, ảnh:", "Bài và ảnh:" ...
_BYLINE_PREFIX_RE = re.compile(
    r"(?i)^(?:nguồn\s+tin|nguồn|tác\s+giả(?:\s+bài\s+viết)?|người\s+viết|người\s+đăng|thực\s+hiện|"
    r"phóng\s+viên|pv|ctv|nhóm\s+pv|bài(?:\s*(?:,|và|/|-)\s*ảnh)?|"
    r"tin(?:\s*(?:,|và|/|-)\s*ảnh)?|bài\s+viết|author|by)\s*:\s*")
_THEO_RE = re.compile(r"(?i)^theo\s+(.{2,80})$")
_SUFFIX_RE = re.compile(r"(?i)\s*[\(\[]?\s*(?:tổng hợp|t\.?h|st|sưu tầm|lược dịch|dịch|biên dịch|"
                        r"ctv|cộng tác viên|pv|phóng viên)\s*[\)\]]?\s*\.?$")
BYLINE_RULES = Path(__file__).resolve().parents[1] / "data" / "extract" / "bylines.toml"


@lru_cache(maxsize=1)
def byline_rules() -> dict:
    """Reporter tags, CMS accounts and organisation words (pipeline/data/extract/bylines.toml)."""
    data = tomllib.loads(BYLINE_RULES.read_text(encoding="utf-8"))
    return {"reporter_tags": frozenset(data["reporter_tags"]),
            "cms_accounts": frozenset(data["cms_accounts"]),
            "org_first_words": frozenset(data["org_first_words"]),
            "org_prefixes": tuple(data["org_prefixes"])}


def is_reporter_tag(text: str) -> bool:
    return " ".join(text.lower().split()).rstrip(".") in byline_rules()["reporter_tags"]


def is_cms_account(text: str) -> bool:
    return " ".join(text.lower().split()) in byline_rules()["cms_accounts"]


_NAME_WORD_RE = re.compile(r"^[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*\.?$")


@dataclass(frozen=True)
class Byline:
    author: Optional[str]
    affiliation: Optional[str] = None
    explicit: bool = False  # written with a prefix ("Tác giả:", "Nguồn tin:", "Theo ...")


def word_count(text: str) -> int:
    return len(text.split())


def is_prose(text: str, min_words: int = 8) -> bool:
    """A sentence-like paragraph: ends with sentence punctuation, or is long."""
    words = word_count(text)
    return words >= 40 or (words >= min_words and text.rstrip()[-1:] in _TERMINAL)


def is_heading(text: str) -> bool:
    """An intertitle: numbered ("I.", "1.", "a)"), a bullet, or written in capitals."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) > 3:
        return True
    return bool(re.match(r"^(?:[IVXLC]+|\d{1,2}|[a-zđ])[.)/]\s|^[-+•*–]\s", text))


def is_name(text: str, max_words: int = 6) -> bool:
    """A person's name as bylines print it: 2-6 capitalised words ("Nguyễn Thị Quyên", "NGUYỄN HUẾ")."""
    words = text.split()
    if not 2 <= len(words) <= max_words:
        return False
    for word in words:
        if not _NAME_WORD_RE.match(word) or not word[0].isupper():
            return False
    return not _is_org(text)


def _is_org(text: str) -> bool:
    words = text.split()
    rules = byline_rules()
    first = words[0].lower().strip(".,")
    if first in rules["org_first_words"]:
        return True
    lowered = " ".join(w.lower() for w in words)
    if any(lowered == p or lowered.startswith(p + " ") for p in rules["org_prefixes"]):
        return True
    letters = "".join(c for c in text if c.isalpha())
    # an acronym: BDVTU, TTXVN
    return len(words) == 1 and len(letters) >= 2 and letters.isupper()


def _split_name_affiliation(text: str) -> Optional[Byline]:
    text = text.strip().rstrip(".").strip()
    if is_reporter_tag(text):  # "PV", "Nhóm PV": the byline as printed
        return Byline(text)
    if is_cms_account(text):
        return None
    text = _SUFFIX_RE.sub("", text).strip()
    if not text:
        return None
    # "Name (Affiliation)"
    m = re.match(r"^(.+?)\s*\((.+)\)$", text)
    if m and is_name(m.group(1)):
        return Byline(m.group(1), m.group(2).strip())
    parts = re.split(r"\s+[-–—]\s+|\s*[-–—]\s+|\s+[-–—]\s*|\s*[,/|]\s*", text, maxsplit=1)
    head = parts[0].strip()
    if not is_name(head):
        return None
    if len(parts) == 1:
        return Byline(head)
    tail = parts[1].strip()
    if not tail:
        return Byline(head)
    if is_name(tail) and not _is_org(tail):
        return Byline(f"{head}, {tail}")  # two authors: "Anh Đào - Minh Châu"
    if word_count(tail) <= 12 and tail[-1:] not in ".!?":
        return Byline(head, tail)
    return None


def parse_byline(line: str) -> Optional[Byline]:
    """Read ``line`` as a byline, or None when it is not one."""
    text = unicodedata.normalize("NFC", " ".join(line.split()).strip())  # old pages: combining tones
    if not text or word_count(text) > 16:
        return None
    m = _BYLINE_PREFIX_RE.match(text)
    if m:
        rest = text[m.end():].strip()
        if not rest:
            return None
        found = _split_name_affiliation(rest)
        if found:
            return Byline(found.author, found.affiliation, explicit=True)
        if word_count(rest) <= 10 and rest[-1:] not in ".!?":  # "Nguồn: Báo Gia Lai"
            return Byline(None, rest.rstrip("."), explicit=True)
        return None
    m = _THEO_RE.match(text)
    if m:
        source = m.group(1).strip().rstrip(".")
        if word_count(source) > 10 or re.search(r"[,;:]\s", source):
            return None  # "Theo đồng chí Phó Ban ..., Ban cũng ..." is a sentence
        inner = re.match(r"^(.+?)\s*\((.+)\)$", source)
        if inner and is_name(inner.group(1)):
            return Byline(inner.group(1), inner.group(2), explicit=True)
        if _is_org(source) or re.search(r"\.(?:vn|com|net|org)\b", source, re.I):
            return Byline(None, source[0].upper() + source[1:], explicit=True)
        return None
    return _split_name_affiliation(text)


# --- captions ---------------------------------------------------------------------------------

_CAPTION_MARK_RE = re.compile(
    r"(?i)(?:[\(\[]\s*(?:ảnh|hình|nguồn ảnh|ảnh minh họa|ảnh minh hoạ|ảnh tư liệu|ảnh internet|ảnh tl|"
    r"ảnh chụp màn hình|photo|video)(?:\s*:[^)\]]{0,80})?\s*[\)\]]\s*\.?\s*$"
    r"|(?:^|[\s.,;–—-])(?:ảnh|hình|nguồn ảnh|ảnh minh họa|ảnh minh hoạ|photo)\s*:\s*[^.;:]{1,60}\.?\s*$"
    r"|^(?:ảnh|hình|hình ảnh|ảnh minh họa|ảnh minh hoạ)\s*(?:\d{1,2})?\s*:\s*\S)")


def has_caption_mark(text: str) -> bool:
    """Written as a caption: "(Ảnh minh hoạ)", "... Ảnh: Nguyễn Đông", "Ảnh: ..."."""
    return bool(_CAPTION_MARK_RE.search(text))


def looks_like_caption(text: str) -> bool:
    """A photo description without a mark: a sentence-long line with no final punctuation."""
    words = word_count(text)
    return (8 <= words <= 80 and text.rstrip()[-1:] not in _TERMINAL
            and not is_heading(text))


# --- titles -----------------------------------------------------------------------------------

_INITIAL_END_RE = re.compile(r"\s[A-ZĐ]\.$")  # "... bắt giữ Cao Mỹ D.": an initial, not a full stop


def is_title_like(text: str, min_words: int = 3) -> bool:
    words = word_count(text)
    if not min_words <= words <= 60 or len(text) > 400:
        return False
    if (text.rstrip().endswith(".") and not text.rstrip().endswith("...")
            and not _INITIAL_END_RE.search(text.rstrip())):
        return words <= 25 and not is_prose(text, 12)  # titles rarely end with a period
    return True


# --- province ---------------------------------------------------------------------------------

def find_province(title: Optional[str], paragraphs: list[str], published: Optional[str]):
    """The province of the article through ``pipeline.geo`` (None if it cannot tell).

    Without a date, the province is given as the text names it ("Thừa Thiên Huế"), never
    as its later successor; the 2025 successor is only in ``province_2025``.
    """
    try:
        from ..geo import find_province as geo_find_province
        from ..geo.gazetteer import normalise_province_name
    except ImportError:  # the gazetteer stage is not in this checkout
        return None
    match = geo_find_province(title or "", paragraphs, published)
    if published or match is None:
        return match
    named = {normalise_province_name(e) for e in match.evidence} - {None}
    if named and match.province not in named:
        before = geo_find_province(title or "", paragraphs, LAST_DAY_OF_63_PROVINCES)
        if before is not None and before.province in named:
            return before
    return match


LAST_DAY_OF_63_PROVINCES = "2024-12-31"  # before Huế (2025-01-01) and the mergers (2025-07-01)
