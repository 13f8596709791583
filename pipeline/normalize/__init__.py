"""Unicode normalisation: every later stage reads text through this module.

- ``decode_bytes``: bytes -> text, checking declared charsets (decode.py);
- ``repair_text``: mojibake, Windows-1258 misread, TCVN3/VNI legacy fonts (repair.py);
  run it BEFORE normalize_text (or pass ``repair=True``): offsets then refer to the repaired text;
- ``normalize_text``: NFC, odd characters, tone placement, with offsets (text.py);
- ``fold``: lower case without diacritics, for search (fold.py).
"""
from .decode import DecodedText, decode_bytes
from .fold import fold
from .repair import legacy_to_unicode, repair_text, unicode_to_legacy
from .text import NormalizedText, normalize, normalize_text

__all__ = ["DecodedText", "NormalizedText", "decode_bytes", "fold", "legacy_to_unicode", "normalize",
           "normalize_text", "repair_text", "unicode_to_legacy"]
