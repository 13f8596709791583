"""Segmentation: sentence spans, paragraph handling and the content-hash cache."""
import unicodedata

import pytest

from pipeline.models import Article
from pipeline.segment import SegmentCache, segment_article, segment_many, segment_text
from pipeline.segment import segment as segment_module


@pytest.fixture
def cache(tmp_path):
    return SegmentCache(tmp_path / "cache")


def test_sentences_never_cross_a_newline_and_spans_point_into_the_text(cache):
    text = ("Xã Tân Hòa đạt chuẩn nông thôn mới năm 2023. Người dân hiến đất làm đường\n"
            "Ban Dân vận huyện họp với chức sắc tôn giáo. Hội nghị kết thúc lúc 11 giờ.")
    sentences = segment_text(text, cache=cache)
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]
    assert sentences[1].text_in(text) == "Người dân hiến đất làm đường"
    assert sentences[2].text_in(text) == "Ban Dân vận huyện họp với chức sắc tôn giáo."
    for s in sentences:
        assert "\n" not in s.text_in(text)
    assert "nông thôn" in sentences[0].tokens  # a multi-syllable word stays whole


def test_spans_map_back_through_normalisation(cache):
    # Decomposed diacritics, an old-style tone mark and a no-break space change lengths.
    raw = unicodedata.normalize("NFD", "Hoà thượng\u00a0trụ trì chùa nói chuyện. Tín đồ lắng nghe.")
    sentences = segment_text(raw, cache=cache)
    assert len(sentences) == 2
    assert sentences[1].text_in(raw) == unicodedata.normalize("NFD", "Tín đồ lắng nghe.")
    assert sentences[0].tokens[0].startswith("Hòa")  # tokens are normalised (NFC, modern tone)
    assert all(unicodedata.is_normalized("NFC", t) for s in sentences for t in s.tokens)


def test_article_title_comes_first_as_paragraph_minus_one(cache):
    article = Article(id="a", title="Tuyên truyền về tín ngưỡng",
                      paragraphs=["Câu một. Câu hai.", "Đoạn hai."])
    sentences = segment_article(article, cache=cache)
    assert sentences[0].paragraph == -1
    assert sentences[0].text_in(article.title) == "Tuyên truyền về tín ngưỡng"
    assert [s.paragraph for s in sentences[1:]] == [0, 0, 1]
    assert sentences[-1].text_in(article.text) == "Đoạn hai."


def test_empty_input_gives_no_sentences(cache):
    assert segment_article(Article(id="e"), cache=cache) == []
    assert segment_text("\n \n", cache=cache) == []


def test_cache_serves_the_second_call_without_underthesea(cache, monkeypatch):
    articles = [Article(id=str(i), paragraphs=[f"Đồng bào dân tộc thiểu số số {i} đón Tết."])
                for i in range(3)]
    first = segment_many(articles, cache=cache)
    assert len(cache) >= 3

    def fail(block):
        raise AssertionError(f"segmented again: {block!r}")
    monkeypatch.setattr(segment_module, "_segment_block", fail)
    assert segment_many(articles, cache=cache) == first
    # A new cache object on the same directory (another process) reads the same entries.
    assert segment_many(articles, cache=SegmentCache(cache.directory)) == first


def test_changed_text_is_segmented_again(cache):
    segment_text("Câu thứ nhất.", cache=cache)
    before = len(cache)
    segment_text("Câu thứ hai.", cache=cache)
    assert len(cache) == before + 1


def test_default_cache_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DANVAN_CACHE", str(tmp_path / "envcache"))
    segment_text("Một câu ngắn.")
    assert (tmp_path / "envcache" / "segments.sqlite").exists()


def test_cache_can_be_disabled(tmp_path, monkeypatch):
    monkeypatch.setenv("DANVAN_CACHE", str(tmp_path / "never"))
    assert segment_text("Một câu ngắn.", cache=False)[0].tokens
    assert not (tmp_path / "never").exists()
