"""Unicode normalisation: every later stage reads text through this module."""
from .fold import fold
from .text import NormalizedText, normalize, normalize_text

__all__ = ["NormalizedText", "fold", "normalize", "normalize_text"]
