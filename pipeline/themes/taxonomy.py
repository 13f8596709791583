"""The theme taxonomy, read from a data file (pipeline/data/themes/taxonomy.toml).

Adding a theme is an entry in that file, its labels, and ``danvan train``:
no code names a theme.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import DanvanError
from ..normalize import normalize

DEFAULT_TAXONOMY = Path(__file__).resolve().parents[1] / "data" / "themes" / "taxonomy.toml"
_LABEL_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Theme:
    label: str
    name_vi: str
    description: str
    lexicon: tuple[str, ...] = ()
    stop: tuple[str, ...] = ()  # stock phrases removed before the lexicon is matched
    # the phrases that name the theme itself (its field of work, its policy, its process),
    # not things that may or may not concern it ("tôn giáo", not "chùa" or "lễ hội")
    names: tuple[str, ...] = ()
    _patterns: tuple = field(default=(), compare=False, repr=False)

    def lexicon_hits(self, text: str) -> list[str]:
        """The lexicon entries found in ``text`` (case-insensitive, whole words), in order."""
        low = normalize(text).lower()
        for phrase in self.stop:
            low = low.replace(phrase, " ")
        hits = []
        for pattern in self._compiled():
            hits.extend(m.group(0) for m in pattern.finditer(low))
        return hits

    def _compiled(self) -> tuple:
        if not self._patterns:
            patterns = tuple(re.compile(r"(?<![^\W\d_])" + re.escape(p) + r"(?![^\W\d_])")
                             for p in self.lexicon)
            object.__setattr__(self, "_patterns", patterns)
        return self._patterns


def load_taxonomy(path: str | Path | None = None) -> list[Theme]:
    """The themes of a taxonomy file, in file order."""
    path = Path(path) if path is not None else DEFAULT_TAXONOMY
    return list(_load(str(path.resolve())))


@lru_cache(maxsize=8)
def _load(path: str) -> tuple[Theme, ...]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DanvanError(f"taxonomy file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DanvanError(f"taxonomy file {path} is not valid TOML: {exc}") from None
    entries = data.get("theme")
    if not isinstance(entries, list) or not entries:
        raise DanvanError(f"taxonomy file {path} defines no [[theme]]")
    themes, seen = [], set()
    for entry in entries:
        label = entry.get("label")
        if not isinstance(label, str) or not _LABEL_RE.match(label):
            raise DanvanError(f"taxonomy file {path}: bad theme label {label!r} "
                              "(lower-case letters, digits and _)")
        if label in seen:
            raise DanvanError(f"taxonomy file {path}: theme {label!r} defined twice")
        seen.add(label)
        lists = {key: _phrases(path, label, key, entry.get(key, []))
                 for key in ("lexicon", "stop", "names")}
        themes.append(Theme(
            label=label,
            name_vi=str(entry.get("name_vi", label)),
            description=" ".join(str(entry.get("description", "")).split()),
            **lists,
        ))
    return tuple(themes)


def _phrases(path: str, label: str, key: str, values) -> tuple[str, ...]:
    """One list of phrases, normalised; a phrase given twice is refused, since the keyword
    baseline counts hits per phrase and would count it twice."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise DanvanError(f"taxonomy file {path}: theme {label!r}: {key} must be a list of strings")
    phrases = tuple(normalize(v).lower() for v in values)
    repeated = sorted(p for p, n in Counter(phrases).items() if n > 1)
    if repeated:
        raise DanvanError(f"taxonomy file {path}: theme {label!r}: {key} lists "
                          f"{', '.join(repr(p) for p in repeated)} more than once")
    return phrases
