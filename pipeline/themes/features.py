"""Features for the theme model: TF-IDF on underthesea words and on syllable n-grams.

A document reaches the model as one string of lower-cased underthesea words
whose syllables are joined by "_" ("công_tác dân_tộc"). The word vectorizer
reads each word as a token; the syllable vectorizer splits at "_" as well and
counts syllable n-grams, which keeps working when the segmenter cuts a rare
compound differently. Both are stock scikit-learn hashing vectorizers
configured by regular expressions, so a saved model holds no custom code.
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


def build_features(kind: str = "both", *, n_features: int = 2 ** 16, presence: bool = False):
    """A FeatureUnion of hashed TF-IDF features: 'words', 'syllables' or 'both'.

    Hashing rather than a vocabulary keeps the saved model small and quick to
    load (a vocabulary of 10^5 terms is slow to restore with skops), and lets
    every worker of a batch run load it cheaply.
    """
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.pipeline import FeatureUnion, Pipeline

    if kind not in FEATURE_KINDS:
        raise ValueError(f"feature kind must be one of {FEATURE_KINDS}, not {kind!r}")

    def tfidf(pattern, ngrams):
        return Pipeline([
            ("hash", HashingVectorizer(token_pattern=pattern, lowercase=False, ngram_range=ngrams,
                                       n_features=n_features, alternate_sign=False, norm=None,
                                       dtype=_float32())),
            ("tfidf", TfidfTransformer(sublinear_tf=True)),
        ])
    parts = []
    if kind in ("both", "words"):
        parts.append(("words", tfidf(WORD_PATTERN, (1, 2))))
    if kind in ("both", "syllables"):
        parts.append(("syllables", tfidf(SYLLABLE_PATTERN, (1, 3))))
    if presence:
        # Whether a term occurs at all, whatever the length of the article: a theme named
        # once in a long article (level 1) must not fade away as TF-IDF weights do.
        parts.append(("presence", HashingVectorizer(
            token_pattern=SYLLABLE_PATTERN if kind == "syllables" else WORD_PATTERN,
            lowercase=False, ngram_range=(1, 2), n_features=n_features, alternate_sign=False,
            binary=True, norm=None, dtype=_float32())))
    return FeatureUnion(parts)


def _float32():
    import numpy as np
    return np.float32
