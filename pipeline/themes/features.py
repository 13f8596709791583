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


def transform_articles_and_sentences(features, sentences: list[str], bounds, joined):
    """``(features.transform(articles), features.transform(sentences))``, the articles'
    features computed from their sentences'.

    ``sentences``: the model strings of all sentences (``document_string([s])``);
    article i's sentences are ``bounds[i]:bounds[i+1]``, and its string is the strings of
    those with ``joined[j]`` true (the sentences with tokens) joined by spaces. Hashed
    counts add up: an article's counts are its sentences' plus those of the n-grams that
    span two sentences, so each token is analysed once, not twice. The result is the
    same matrices (same integer counts, then the same TF-IDF); a FeatureUnion of any
    other shape takes the plain path.
    """
    parts = _hashed_tfidf_parts(features)
    if parts is None or not sentences:
        docs = [" ".join(s for s, keep in zip(sentences[bounds[i]:bounds[i + 1]],
                                              joined[bounds[i]:bounds[i + 1]]) if keep)
                for i in range(len(bounds) - 1)]
        return features.transform(docs), features.transform(sentences) if sentences else None
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction import FeatureHasher

    n_docs = len(bounds) - 1
    rows = np.repeat(np.arange(n_docs), np.diff(bounds))
    keep = np.asarray(joined, dtype=bool)
    doc_blocks, sentence_blocks = [], []
    for vectorizer, tfidf in parts:
        hasher = FeatureHasher(n_features=vectorizer.n_features, input_type="string",
                               dtype=vectorizer.dtype, alternate_sign=vectorizer.alternate_sign)
        # With no preprocessing, stop words or decoding to do, the analyzer is the
        # tokenizer then _word_ngrams: tokenise once, for the n-grams and the spans.
        tokenise = vectorizer.build_tokenizer()
        tokens = [tokenise(s) for s in sentences]
        sentence_counts = hasher.transform([vectorizer._word_ngrams(t) for t in tokens])
        tokens = [t if k else [] for t, k in zip(tokens, keep)]
        low, high = vectorizer.ngram_range
        spanning = hasher.transform([_spanning_ngrams(tokens[bounds[i]:bounds[i + 1]], low, high)
                                     for i in range(n_docs)])
        membership = sparse.csr_matrix((np.ones(keep.sum(), dtype=vectorizer.dtype),
                                        (rows[keep], np.flatnonzero(keep))),
                                       shape=(n_docs, len(sentences)))
        doc_counts = sparse.csr_matrix(membership @ sentence_counts + spanning)
        doc_counts.sum_duplicates()  # canonical form, as the hasher returns it
        doc_blocks.append(tfidf.transform(doc_counts))
        sentence_blocks.append(tfidf.transform(sentence_counts))
    return sparse.hstack(doc_blocks).tocsr(), sparse.hstack(sentence_blocks).tocsr()


def _spanning_ngrams(token_lists, low: int, high: int) -> list[str]:
    """The n-grams (n in low..high) of the concatenated tokens that span a sentence break,
    each once (at the first break it spans)."""
    tokens = [t for ts in token_lists for t in ts]
    breaks, position = [], 0
    for ts in token_lists:
        if 0 < position < len(tokens) and (not breaks or breaks[-1] != position):
            breaks.append(position)
        position += len(ts)
    out, previous = [], 0
    for b in breaks:
        for n in range(max(low, 2), high + 1):
            for i in range(max(previous, b - n + 1), min(b, len(tokens) - n + 1)):
                out.append(" ".join(tokens[i:i + n]))
        previous = b
    return out


def _hashed_tfidf_parts(features):
    """[(HashingVectorizer, TfidfTransformer)] when ``features`` is a FeatureUnion of such
    pipelines whose tokens never span a space (so that they add up over sentences)."""
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.pipeline import FeatureUnion, Pipeline

    if not isinstance(features, FeatureUnion) or features.transformer_weights:
        return None
    parts = []
    for _, part in features.transformer_list:
        if not (isinstance(part, Pipeline) and len(part.steps) == 2):
            return None
        (_, vectorizer), (_, tfidf) = part.steps
        if not (isinstance(vectorizer, HashingVectorizer) and isinstance(tfidf, TfidfTransformer)
                and vectorizer.analyzer == "word" and vectorizer.token_pattern in
                (WORD_PATTERN, SYLLABLE_PATTERN) and vectorizer.tokenizer is None
                and vectorizer.preprocessor is None and not vectorizer.lowercase
                and vectorizer.strip_accents is None and vectorizer.stop_words is None
                and vectorizer.input == "content" and not vectorizer.binary
                and vectorizer.norm is None):
            return None
        parts.append((vectorizer, tfidf))
    return parts or None
