"""The batch path's speed-ups change nothing: chunk-level tagging, the factored place-name
regex, the lexicon alternation and normalize_text's skipped passes give what the plain
versions give."""
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.batch import BatchOptions, iter_items, process_chunk
from pipeline.batch.read import WorkItem
from pipeline.batch.work import apply_stages, to_article
from pipeline.models import Article

ARTICLES = [
    {"id": "a1", "title": "Tỉnh ủy Gia Lai: đồng bào dân tộc thiểu số giữ gìn bản sắc",
     "text": "Ban Dân vận Tỉnh ủy Gia Lai phối hợp với chức sắc tôn giáo tuyên truyền Nghị quyết "
             "số 25-NQ/TW.\nĐồng bào dân tộc thiểu số ở huyện Chư Păh hưởng ứng xây dựng nông thôn "
             "mới, hiến đất làm đường; công tác giải phóng mặt bằng hoàn thành sớm."},
    {"id": "a2", "title": "Hợp tác xã mở rộng diện tích rau an toàn",
     "text": "Mưa lớn khiến một số tuyến đường bị ngập cục bộ.\nXã đạt 19 tiêu chí nông thôn mới "
             "theo Quyết định 318/QĐ-TTg, người dân phấn khởi."},
    {"id": "a3", "title": "", "text": "Thu hồi đất để làm khu công nghiệp, hoà giải tranh chấp. "
                                      "Uỷ ban nhân dân tỉnh Bình Phước chỉ đạo."},
]


def _items(tmp_path, records):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return list(iter_items([str(path)]))


def _one_by_one(item: WorkItem, options: BatchOptions) -> dict:
    """The per-article path the batch used before it tagged whole chunks."""
    article = to_article(item, options)
    article.provenance.setdefault("input_hash", item.input_hash)
    article.provenance.setdefault("input", item.source)
    return apply_stages(article, options, locate=True).to_dict()


def _assert_same(chunked: dict, single: dict):
    chunked, single = dict(chunked), dict(single)
    for a, b in zip(chunked.pop("themes"), single.pop("themes")):
        assert a["level"] == b["level"] and a["evidence"] == b["evidence"]
        assert a["score"] == pytest.approx(b["score"], abs=1e-6)
        assert a["score_mentioned"] == pytest.approx(b["score_mentioned"], abs=1e-6)
    assert chunked == single


def test_chunk_gives_what_each_article_alone_gives(tmp_path, monkeypatch):
    monkeypatch.setenv("DANVAN_CACHE", str(tmp_path / "cache"))
    items = _items(tmp_path, ARTICLES + [{"id": "empty", "title": "x", "text": "   "}])
    results = process_chunk(items, BatchOptions())
    assert [kind for kind, _ in results] == ["article", "article", "article", "error"]
    assert results[3][1]["id"] == "empty"
    for (_, record), item in zip(results[:3], items):
        _assert_same(record, _one_by_one(item, BatchOptions()))
    assert any(t["level"] > 0 for t in results[0][1]["themes"])
    assert results[0][1]["citations"]


def test_one_article_failing_in_the_tagger_fails_alone(tmp_path, monkeypatch):
    from pipeline.batch import work

    monkeypatch.setenv("DANVAN_CACHE", str(tmp_path / "cache"))
    tagger = work._tagger(BatchOptions())
    original = type(tagger).tag_many

    def tag_many(self, articles, segments=None):
        if any(a.id == "a2" for a in articles):
            raise RuntimeError("broken article")
        return original(self, articles, segments)

    monkeypatch.setattr(type(tagger), "tag_many", tag_many)
    results = process_chunk(_items(tmp_path, ARTICLES), BatchOptions())
    assert [kind for kind, _ in results] == ["article", "error", "article"]
    assert results[1][1]["error"] == "internal" and "broken article" in results[1][1]["message"]
    assert results[0][1]["themes"] and results[2][1]["themes"]


def test_tag_many_equals_tag_per_article():
    from pipeline.themes import load_tagger

    tagger = load_tagger(cache=False)
    articles = [Article(id=r["id"], title=r["title"], paragraphs=r["text"].split("\n"))
                for r in ARTICLES]
    together = tagger.tag_many(articles)
    for article, tags in zip(articles, together):
        alone = tagger.tag(article)
        assert [t.level for t in tags] == [t.level for t in alone]
        assert [t.evidence for t in tags] == [t.evidence for t in alone]
        for a, b in zip(tags, alone):
            assert a.score == pytest.approx(b.score, abs=1e-6)


# --- lexicon: one alternation per theme matches where one of its terms does ---------------

_WORDS = st.sampled_from(["dân", "tộc", "dân tộc", "thiểu số", "gpmb", "ntm", "19", "tiêu chí",
                          "đồng bào", "a", "x-y", "_", "xntm", "dântộc", "ntmx"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), min_size=0, max_size=4),
       st.lists(st.lists(_WORDS, min_size=1, max_size=8), min_size=1, max_size=4))
def test_lexicon_alternation_matches_like_the_terms_one_by_one(terms, sentences):
    from pipeline.themes.model import _phrase_pattern, lexicon_flags, lexicon_matchers

    terms = [t for t in terms if t.strip()]
    matchers = lexicon_matchers([[terms, []]])
    per_term = [re.compile(_phrase_pattern(t)) for t in terms]
    flags, = lexicon_flags(matchers, [sentences])
    for j, tokens in enumerate(sentences):
        low = " ".join("_".join(t.lower().split()) for t in tokens)
        assert bool(flags[j, 0]) == any(p.search(low) for p in per_term)


# --- geo: the factored place-name regex finds the same matches as the flat one ------------

@settings(max_examples=400, deadline=None)
@given(st.data())
def test_factored_alternation_matches_like_the_flat_one(data):
    from pipeline.alternation import factored_alternation as _factored
    from pipeline.geo.find import _spaced

    # Keys built from a few syllables, so that they often extend one another ("a", "a à").
    syllable = st.sampled_from(["a", "à", "aa", "b"])
    key = st.builds(lambda first, rest: first + "".join(s + w for s, w in rest), syllable,
                    st.lists(st.tuples(st.sampled_from([" ", "-", " - ", "'", ""]), syllable),
                             max_size=2))
    keys = data.draw(st.lists(key, min_size=1, max_size=8, unique=True))
    # Texts made of the keys themselves, run together or apart, so that keys overlap.
    pieces = data.draw(st.lists(st.sampled_from(keys) | st.text("aà -'.,x", max_size=3),
                                max_size=8))
    text = "".join(p + data.draw(st.sampled_from(["", " ", "-", " - ", "'", ",", "x"])) for p in pieces)
    keys = sorted(keys, key=len, reverse=True)
    regexes = [_spaced(k) for k in keys]
    flat = re.compile(rf"(?<![\w'])({'|'.join(regexes)})(?![\w'])")
    factored = re.compile(rf"(?<![\w'])({_factored(regexes)})(?![\w'])")
    assert ([(m.span(), m.group(1)) for m in factored.finditer(text)]
            == [(m.span(), m.group(1)) for m in flat.finditer(text)])


def test_gazetteer_regex_matches_like_the_flat_one_on_real_names():
    from pipeline.geo.find import _index, _lower, _spaced

    pattern, entries = _index()
    keys = sorted(entries, key=len, reverse=True)
    flat = re.compile(r"(?<![\w'])(" + "|".join(_spaced(k) for k in keys) + r")(?![\w'])")
    texts = [_lower(" ".join(keys[i:i + 7])) + " tỉnh, huyện-x" for i in range(0, len(keys), 7)]
    texts += [_lower(a["title"] + " " + a["text"]) for a in ARTICLES]
    for text in texts:
        assert ([m.span() for m in pattern.finditer(text)] == [m.span() for m in flat.finditer(text)])


# --- normalize_text: skipping passes and words that need no fix changes nothing -----------

def _normalize_every_word(text):
    """The reference: the word pass visits every word (as normalize_text did before)."""
    from pipeline.normalize import text as T

    current, maps = text, []
    for pattern, replace in ((T._CHAR_RE, T._fix_char), (T._COMBINING_RE, T._compose),
                             (re.compile(r"[^\W\d_]+"), T._normalize_word)):
        current, edits = T._substitute(current, pattern, replace)
        if edits.edits:
            maps.append(edits.edits)
    return current, maps


@settings(max_examples=400, deadline=None)
@given(st.text("hoàáạuỳýỷHOÀUỶ Đđ\u0300\u0301\u00a0\u200b2_.-x", max_size=30))
def test_normalize_text_edits_like_the_every_word_pass(text):
    from pipeline.normalize import normalize_text

    fast = normalize_text(text)
    assert (fast.text, [m.edits for m in fast._maps]) == _normalize_every_word(text)


# --- features: an article's hashed TF-IDF computed from its sentences' is the same matrix --

def test_article_features_from_sentences_are_the_plain_transform():
    import numpy as np

    from pipeline.segment import segment_many
    from pipeline.themes import load_tagger
    from pipeline.themes.features import document_string, transform_articles_and_sentences

    articles = [Article(id=r["id"], title=r["title"], paragraphs=r["text"].split("\n"))
                for r in ARTICLES]
    tokens = [[s.tokens for s in sents] for sents in segment_many(articles, cache=False)]
    # Edge cases: no sentence; an empty sentence; one-token sentences between longer ones
    # (3-grams then span three sentences); punctuation that the token pattern drops.
    tokens += [[], [(), ("Hà Nội",), (",",), ("a b", "c")], [("x",)],
               [("một", "hai"), ("ba",), ("bốn",), ("năm", "sáu")]]
    features = load_tagger(cache=False).model.stage1.named_steps["features"]
    sentences = [document_string([s]) for sents in tokens for s in sents]
    bounds = np.cumsum([0] + [len(s) for s in tokens])
    joined = [len(s) > 0 for sents in tokens for s in sents]
    X_docs, X_sent = transform_articles_and_sentences(features, sentences, bounds, joined)
    for fast, plain in ((X_docs, features.transform([document_string(s) for s in tokens])),
                        (X_sent, features.transform(sentences))):
        assert fast.dtype == plain.dtype and fast.shape == plain.shape
        assert np.array_equal(fast.indptr, plain.indptr) and np.array_equal(fast.indices, plain.indices)
        assert np.array_equal(fast.data, plain.data)


def test_spanning_ngrams_are_those_of_the_whole_minus_those_of_the_parts():
    from collections import Counter

    from pipeline.themes.features import _spanning_ngrams

    def ngrams(tokens, low, high):
        return Counter(" ".join(tokens[i:i + n]) for n in range(low, high + 1)
                       for i in range(len(tokens) - n + 1))

    parts = [["a", "b"], [], ["c"], ["d"], ["e", "f", "g"], ["h"]]
    for low, high in ((1, 1), (1, 2), (1, 3), (2, 3)):
        whole = ngrams([t for p in parts for t in p], low, high)
        separate = sum((ngrams(p, low, high) for p in parts), Counter())
        assert Counter(_spanning_ngrams(parts, low, high)) == whole - separate


_PHRASES = st.sampled_from(["dân", "dân tộc", "tộc", "đồng bào", "bào", "a", "a b", "19", "ntm", ""])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PHRASES, min_size=1, max_size=5),
       st.lists(st.sampled_from(["dân", "tộc", "dân_tộc", "đồng_bào", "bào", "a", "b", "a_b", "19",
                                 "ntm", "xntm", ",", "_", "đồng"]), max_size=10))
def test_phrases_pattern_matches_and_replaces_like_the_plain_alternation(phrases, words):
    from pipeline.themes.model import _phrase_pattern, _phrases_pattern

    text = " ".join(words)
    plain = re.compile("|".join(_phrase_pattern(p) for p in phrases))
    fast = _phrases_pattern(phrases)
    assert fast.sub(" ", text) == plain.sub(" ", text)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
