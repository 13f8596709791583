"""Features for the theme model: TF-IDF on underthesea words and on syllable n-grams.

A document reaches the model as one string of lower-cased underthesea words
whose syllables are joined by "_" ("công_tác dân_tộc"). The word vectorizer
reads each word as a token; the syllable vectorizer splits at "_" as well and
counts syllable n-grams, which keeps working when the segmenter cuts a rare
compound differently. Both are stock scikit-learn vectorizers configured by
regular expressions, so a saved model holds no custom code.
"""
from __future__ import annotations

from typing import Iterable, Sequence

WORD_PATTERN = r"(?u)\b\w\w*\b"  # "_" is a word character: a segmented word stays whole
SYLLABLE_PATTERN = r"(?u)[^\W_]+"
FEATURE_KINDS = ("both", "words", "syllables")


def document_string(token_lists: Iterable[Sequence[str]]) -> str:
    """The model's view of some sentences: lower-cased words, syllables joined by "_"."""
    return " ".join("_".join(token.lower().split())
                    for tokens in token_lists for token in tokens)


def build_features(kind: str = "both", *, max_features: int = 30000, min_df: int = 2):
    """A FeatureUnion of TF-IDF vectorizers: 'words', 'syllables' or 'both'."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    if kind not in FEATURE_KINDS:
        raise ValueError(f"feature kind must be one of {FEATURE_KINDS}, not {kind!r}")
    parts = []
    if kind in ("both", "words"):
        parts.append(("words", TfidfVectorizer(
            token_pattern=WORD_PATTERN, lowercase=False, ngram_range=(1, 2),
            min_df=min_df, max_df=0.9, sublinear_tf=True, max_features=max_features,
            dtype=_float32())))
    if kind in ("both", "syllables"):
        parts.append(("syllables", TfidfVectorizer(
            token_pattern=SYLLABLE_PATTERN, lowercase=False, ngram_range=(1, 3),
            min_df=min_df, max_df=0.9, sublinear_tf=True, max_features=max_features,
            dtype=_float32())))
    return FeatureUnion(parts)


def _float32():
    import numpy as np
    return np.float32
