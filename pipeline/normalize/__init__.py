"""Unicode normalisation: every later stage reads text through this module.

- ``decode_bytes``: bytes -> text, checking declared charsets (decode.py);
- ``normalize_text``: NFC, odd characters, tone placement, with offsets (text.py);
- ``fold``: lower case without diacritics, for search (fold.py).
"""
from .decode import DecodedText, decode_bytes
from .fold import fold
from .text import NormalizedText, normalize, normalize_text

__all__ = ["DecodedText", "NormalizedText", "decode_bytes", "fold", "normalize", "normalize_text"]
