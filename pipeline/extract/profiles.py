"""Site profiles: data files (``pipeline/data/extract/profiles/*.toml``) that tell the extractor
where a CMS family puts the title, date, author, body and captions, and what to drop.

A profile matches a page by its host (glob patterns), by ``<meta name="generator">``, or
by a DOM signature (CSS selectors, at least ``min_signatures`` of which must find something).
"""
from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

import soupsieve

from ..errors import DanvanError

PROFILE_DIR = Path(__file__).resolve().parents[1] / "data" / "extract" / "profiles"
_SELECTOR_FIELDS = ("title", "date", "author", "lead", "body", "captions", "drop")


@dataclass(frozen=True)
class Profile:
    name: str
    description: str = ""
    hosts: tuple[str, ...] = ()
    generator: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    min_signatures: int = 2
    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    path: str = field(default="", compare=False)

    def matches_host(self, host: Optional[str]) -> bool:
        host = (host or "").lower()
        return bool(host) and any(fnmatch.fnmatch(host, pattern.lower()) for pattern in self.hosts)

    def matches_generator(self, generator: str) -> bool:
        generator = generator.lower()
        return bool(generator) and any(g.lower() in generator for g in self.generator)

    def signature_hits(self, soup) -> int:
        return sum(1 for selector in self.signatures if soup.select_one(selector) is not None)


def parse_profile(data: dict, path: str = "<profile>") -> Profile:
    name = data.get("name") or Path(path).stem
    match = data.get("match", {})
    select = data.get("select", {})
    values: dict = {}
    for key in _SELECTOR_FIELDS:
        selectors = select.get(key, [])
        if isinstance(selectors, str):
            selectors = [selectors]
        for selector in selectors:
            try:
                soupsieve.compile(selector)
            except Exception as exc:  # soupsieve raises its own SelectorSyntaxError
                raise DanvanError(f"{path}: bad CSS selector {selector!r} in select.{key}: {exc}") from None
        values[key] = tuple(selectors)
    if not values["body"]:
        raise DanvanError(f"{path}: a profile needs select.body (CSS selectors of the article body)")
    for selector in match.get("signatures", []):
        try:
            soupsieve.compile(selector)
        except Exception as exc:
            raise DanvanError(f"{path}: bad CSS selector {selector!r} in match.signatures: {exc}") from None
    return Profile(name=name, description=data.get("description", ""),
                   hosts=tuple(match.get("hosts", [])), generator=tuple(match.get("generator", [])),
                   signatures=tuple(match.get("signatures", [])),
                   min_signatures=int(match.get("min_signatures", 2)), path=path, **values)


def _read(path: Path) -> Profile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DanvanError(f"{path}: not valid TOML: {exc}") from None
    return parse_profile(data, str(path))


@lru_cache(maxsize=1)
def all_profiles() -> tuple[Profile, ...]:
    """Every bundled profile, by file name."""
    return tuple(_read(path) for path in sorted(PROFILE_DIR.glob("*.toml")))


def load_profile(name_or_path: str | Path) -> Profile:
    """A bundled profile by name ("nukeviet") or a profile file by path."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        if not path.is_file():
            raise DanvanError(f"profile file not found: {path}")
        return _read(path)
    for profile in all_profiles():
        if profile.name == str(name_or_path):
            return profile
    names = ", ".join(p.name for p in all_profiles())
    raise DanvanError(f"unknown profile {str(name_or_path)!r} (bundled: {names})")


def match_profile(url: Optional[str], html, profiles: Optional[tuple[Profile, ...]] = None
                  ) -> Optional[Profile]:
    """The profile for a page: by host first, then generator, then the best DOM signature."""
    profiles = all_profiles() if profiles is None else profiles
    host = urlsplit(url).hostname if url else None
    for profile in profiles:
        if profile.matches_host(host):
            return profile
    soup = _soup(html)
    if soup is None:
        return None
    meta = soup.find("meta", attrs={"name": lambda v: v and v.lower() == "generator"})
    generator = (meta.get("content") or "") if meta else ""
    for profile in profiles:
        if profile.matches_generator(generator):
            return profile
    best, best_hits = None, 0
    for profile in profiles:
        hits = profile.signature_hits(soup)
        if hits >= profile.min_signatures and hits > best_hits:
            best, best_hits = profile, hits
    return best


def _soup(html):
    if html is None:
        return None
    if hasattr(html, "select_one"):
        return html
    from .html import parse_html
    return parse_html(html)
