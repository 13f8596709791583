"""Split a sentence into underthesea words, as ``underthesea.word_tokenize`` does, faster.

The tokens come from underthesea's own tokenizer (``regex_tokenize.tokenize``, with
its token normalisation) and the labels from underthesea's own model, decoded by
``pipeline.segment.crf`` (3-4x faster than ``word_tokenize``). The decoder is used
only when it agrees with ``word_tokenize`` on probe sentences at load; otherwise,
or with ``DANVAN_SEGMENTER=underthesea``, every sentence goes to ``word_tokenize``.
Sentences whose decision is a near tie go to ``word_tokenize`` too.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from .crf import CrfWordSegmenter, NearTie

log = logging.getLogger(__name__)

ENV_SEGMENTER = "DANVAN_SEGMENTER"  # "underthesea": always call word_tokenize
_MODEL_NAME = "ws_crf_vlsp2013_20230727"  # the model underthesea 9's word_tokenize loads
# Probes for the load-time check: capitals, digits and signed numbers, dictionary words,
# abbreviations, punctuation, one-token and long sentences.
PROBES = (
    "Ban Dân vận Tỉnh ủy Hà Giang tổ chức hội nghị tổng kết công tác dân vận năm 2024.",
    "Thực hiện Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI).",
    "Đồng bào dân tộc thiểu số ở vùng sâu, vùng xa được hỗ trợ -15 triệu đồng, +20 con bò.",
    "Xin chào",
    "TP.HCM: UBND huyện giải phóng mặt bằng 12,5 ha; 2147483648 m2 và 007 hộ dân.",
    "Chùa Một Cột là điểm đến du lịch nổi tiếng của Thủ đô Hà Nội , Việt Nam !",
    "xây dựng nông thôn mới kiểu mẫu gắn với chuyển đổi số , theo Chỉ thị 33/CT-TTg",
    "Ông Nguyễn Văn A, Bí thư Huyện ủy, cho biết: “Người có uy tín là cầu nối”.",
)

_decoder = None  # the loaded decoder, False when it is not to be used


def _reference(sentence: str) -> list[str]:
    from underthesea import word_tokenize

    return word_tokenize(sentence)


def _model_dir() -> Path:
    import underthesea.pipeline.word_tokenize as package

    return Path(package.__file__).parent / "models" / _MODEL_NAME


class _FastWordTokenize:
    def __init__(self):
        import joblib
        from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

        folder = _model_dir()
        # underthesea's own files (it loads them the same way), not user input.
        templates = joblib.load(folder / "features.bin")
        dictionary = joblib.load(folder / "dictionary.bin")
        self.segmenter = CrfWordSegmenter(templates, dictionary, folder / "models.bin")
        self.inside = self.segmenter.labels.index("I-W")
        self.tokenize = tokenize
        self.near_ties = 0

    def __call__(self, sentence: str) -> list[str]:
        tokens = self.tokenize(sentence, use_token_normalize=True, fixed_words=[])
        try:
            labels = self.segmenter.tag(tokens)
        except NearTie:
            self.near_ties += 1
            return _reference(sentence)
        words: list[str] = []
        for label, token in zip(labels, tokens):
            if label == self.inside and words:
                words[-1] = words[-1] + " " + token
            else:
                words.append(token)
        return words


def _load_decoder():
    if os.environ.get(ENV_SEGMENTER, "").lower() == "underthesea":
        return False
    try:
        decoder = _FastWordTokenize()
        for probe in PROBES:
            if decoder(probe) != _reference(probe):
                log.warning("fast segmenter disagrees with underthesea on %r: using word_tokenize", probe)
                return False
        return decoder
    except Exception as exc:  # another underthesea version or model layout: stay correct
        log.warning("fast segmenter unavailable (%s): using underthesea's word_tokenize", exc)
        return False


def _loaded():
    """The decoder, loaded on first use, or False when word_tokenize is to be called."""
    global _decoder
    if _decoder is None:
        _decoder = _load_decoder()
    return _decoder


def word_tokenize(sentence: str) -> list[str]:
    """``underthesea.word_tokenize(sentence)``: the same words, computed faster when possible."""
    decoder = _loaded()
    return decoder(sentence) if decoder else _reference(sentence)


def active_segmenter() -> str:
    """"danvan-crf" or "underthesea": which path ``word_tokenize`` takes in this process."""
    return "danvan-crf" if _loaded() else "underthesea"


def reset() -> None:
    """Forget the loaded decoder (tests; after changing $DANVAN_SEGMENTER)."""
    global _decoder
    _decoder = None
