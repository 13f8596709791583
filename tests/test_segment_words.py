"""danvan's decoder of underthesea's segmentation model gives word_tokenize's words."""
import json
import logging
from pathlib import Path

import pytest
from underthesea import sent_tokenize
from underthesea import word_tokenize as underthesea_word_tokenize

from pipeline.segment import crf, words

LABELS = Path(__file__).resolve().parents[1] / "corpus" / "labels" / "themes.jsonl"


@pytest.fixture
def fresh_decoder(monkeypatch):
    monkeypatch.delenv(words.ENV_SEGMENTER, raising=False)
    words.reset()
    yield
    words.reset()


def corpus_sentences(n_articles: int) -> list[str]:
    """Sentences of the first articles of the shipped labelled corpus (real news, all sources)."""
    sentences = []
    with open(LABELS, encoding="utf-8") as fh:
        for line, _ in zip(fh, range(n_articles)):
            record = json.loads(line)
            for para in [record.get("title") or ""] + record["text"].split("\n"):
                if para.strip():
                    sentences.extend(sent_tokenize(para))
    return sentences


def test_same_words_as_underthesea_on_real_sentences(fresh_decoder):
    assert words.active_segmenter() == "danvan-crf"
    sentences = corpus_sentences(60)
    assert len(sentences) > 800
    for sentence in sentences:
        assert words.word_tokenize(sentence) == underthesea_word_tokenize(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "", "   ", "A", "Hà Nội", "Ba từ thôi",  # shorter than the templates' window
    "+12 -7 2147483647 2147483648 -2147483648 007 1.5 ½ ² ١٢",  # underthesea's isdigit rule
    "ĐẢNG BỘ TỈNH LÀO CAI VỮNG MẠNH", "iPhone và eKYC: ǅ ß İstanbul ΣΟΦΊΑ",  # case rules
    "Xem https://dangcongsan.vn/a-b.html hoặc email ban@danvan.vn lúc 10:20:50 ngày 02/05/2014",
    "Theo Nghị định 43/2014/NĐ-CP... và Quyết định số 1600/QĐ-TTg ; “ngoặc” (ngoặc) - gạch",
])
def test_same_words_on_edge_cases(fresh_decoder, sentence):
    assert words.word_tokenize(sentence) == underthesea_word_tokenize(sentence)


def test_a_near_tie_goes_to_underthesea(fresh_decoder, monkeypatch):
    sentence = "Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận."
    words.word_tokenize("khởi động")
    monkeypatch.setattr(crf, "TIE_MARGIN", 1e9)  # every decision now counts as a near tie
    before = words._decoder.near_ties
    assert words.word_tokenize(sentence) == underthesea_word_tokenize(sentence)
    assert words._decoder.near_ties == before + 1


def test_the_environment_can_force_underthesea(fresh_decoder, monkeypatch):
    monkeypatch.setenv(words.ENV_SEGMENTER, "underthesea")
    words.reset()
    assert words.active_segmenter() == "underthesea"
    assert words.word_tokenize("Xây dựng nông thôn mới") == ["Xây dựng", "nông thôn", "mới"]


def test_a_decoder_that_disagrees_on_the_probes_is_not_used(fresh_decoder, monkeypatch, caplog):
    original = crf.CrfWordSegmenter.tag

    def wrong(self, tokens):  # every token its own word
        labels = original(self, tokens)
        return [0] * len(labels)
    monkeypatch.setattr(crf.CrfWordSegmenter, "tag", wrong)
    with caplog.at_level(logging.WARNING):
        assert words.active_segmenter() == "underthesea"
    assert "disagrees" in caplog.text
    assert words.word_tokenize("nông thôn mới") == underthesea_word_tokenize("nông thôn mới")


def test_unreadable_model_files_fall_back_to_underthesea(fresh_decoder, monkeypatch, tmp_path, caplog):
    (tmp_path / "features.bin").write_bytes(b"not a joblib file")
    monkeypatch.setattr(words, "_model_dir", lambda: tmp_path)
    with caplog.at_level(logging.WARNING):
        assert words.active_segmenter() == "underthesea"
    assert "unavailable" in caplog.text


def test_reading_the_crfsuite_model(tmp_path):
    labels, state, transitions = crf.read_crfsuite(words._model_dir() / "models.bin")
    assert labels == ["B-W", "I-W"]
    assert len(state) > 40_000 and len(transitions) == 2
    # A known attribute: a word at the sentence start leans to beginning a word.
    b_weight, i_weight = state["T[-1]=BOS"]
    assert b_weight > i_weight
    (tmp_path / "bad.bin").write_bytes(b"PK\x03\x04 not a crf model" * 4)
    with pytest.raises(crf.ModelFormatError):
        crf.read_crfsuite(tmp_path / "bad.bin")


def test_caches_stay_bounded_and_keep_answers_right(fresh_decoder):
    words.word_tokenize("khởi động")
    segmenter = words._decoder.segmenter
    limit = segmenter.cache_limit
    segmenter.cache_limit = 50
    try:
        for sentence in corpus_sentences(10):
            assert words.word_tokenize(sentence) == underthesea_word_tokenize(sentence)
        for size in segmenter.groups:
            assert len(segmenter._caches[size]) <= 50 and len(segmenter._previous[size]) <= 50
    finally:
        segmenter.cache_limit = limit
