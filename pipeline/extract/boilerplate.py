"""The boilerplate rule engine: rules come from ``pipeline/data/extract/boilerplate.toml``.

A rule is a regular expression of one *kind*: ``line`` (the whole line is
boilerplate: drop it), ``strip`` (cut the match, or its ``junk`` group, out of
the line and keep the rest), ``stop`` (the article ends at this line) or ``lead``
(cut the match from the start of the first paragraph only: "TTO - ", "(Dân trí) - "). Rules
are grouped by family so that a user can see, and extend, what is removed.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..errors import DanvanError

DEFAULT_RULES = Path(__file__).resolve().parents[1] / "data" / "extract" / "boilerplate.toml"
KINDS = ("line", "strip", "stop", "lead")

_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def match_key(line: str) -> str:
    """The form of a line that rules see: NFC, no invisible characters, single spaces."""
    line = unicodedata.normalize("NFC", _INVISIBLE_RE.sub("", line))
    return " ".join(line.split())


@dataclass(frozen=True)
class Rule:
    family: str
    kind: str
    pattern: re.Pattern
    example: str
    result: Optional[str] = None  # strip rules: the example once stripped
    marks: Optional[str] = None  # "image": the line stands for a picture

    def fullmatch(self, key: str) -> bool:
        return self.pattern.fullmatch(key) is not None

    def strip(self, key: str) -> str:
        """The line with every match (or its ``junk`` group) removed."""
        def cut(m: re.Match) -> str:
            if "junk" in self.pattern.groupindex and m.group("junk") is not None:
                start, end = m.span("junk")
                return m.group(0)[: start - m.start()] + m.group(0)[end - m.start():]
            return ""
        return " ".join(self.pattern.sub(cut, key).split())


@dataclass
class RuleSet:
    """All rules, in file order (the first full match decides a line)."""

    rules: list[Rule]
    counter_examples: list[str] = field(default_factory=list)
    source: str = ""

    @property
    def families(self) -> list[str]:
        return list(dict.fromkeys(r.family for r in self.rules))

    def strip(self, key: str) -> tuple[str, list[Rule]]:
        fired = []
        for rule in self.rules:
            if rule.kind == "strip" and rule.pattern.search(key):
                stripped = rule.strip(key)
                if stripped != key:
                    fired.append(rule)
                    key = stripped
        return key, fired

    def strip_lead(self, key: str) -> tuple[str, list[Rule]]:
        """The first paragraph without an agency tag at its start ("TTO - ", "(ĐCSVN) - ")."""
        fired = []
        for rule in self.rules:
            if rule.kind == "lead":
                m = rule.pattern.match(key)
                if m and m.end() < len(key):
                    fired.append(rule)
                    key = key[m.end():].lstrip()
        return key, fired

    def classify(self, key: str) -> Optional[Rule]:
        """The first line or stop rule that matches the whole line, if any."""
        for rule in self.rules:
            if rule.kind in ("line", "stop") and rule.fullmatch(key):
                return rule
        return None


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DanvanError(f"{where}: bad regular expression: {exc}") from None


def parse_rules(data: dict, source: str = "<rules>") -> RuleSet:
    rules = []
    for family in data.get("families", []):
        name = family.get("name") or "unnamed"
        for i, spec in enumerate(family.get("rules", [])):
            where = f"{source}: family {name!r} rule {i + 1}"
            kind = spec.get("kind", "line")
            if kind not in KINDS:
                raise DanvanError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
            if "pattern" not in spec or "example" not in spec:
                raise DanvanError(f"{where}: a rule needs a pattern and an example")
            rules.append(Rule(name, kind, _compile(spec["pattern"], where), spec["example"],
                              spec.get("result"), spec.get("marks")))
    counter = [c["text"] for c in data.get("counter_examples", [])]
    return RuleSet(rules, counter, source)


@lru_cache(maxsize=8)
def load_rules(path: Optional[str] = None) -> RuleSet:
    """Load a rules file (TOML); the bundled one by default."""
    path = Path(path) if path else DEFAULT_RULES
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DanvanError(f"boilerplate rules not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DanvanError(f"{path}: not valid TOML: {exc}") from None
    return parse_rules(data, str(path))
