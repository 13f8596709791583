"""Word segmentation with underthesea, paragraph by paragraph then sentence by sentence.

Segmenting is the slow stage (about 34k tokens/s on one core), so results are
cached by content hash: re-tagging or re-training reads them back instead.
"""
from .cache import SegmentCache, default_cache_dir
from .segment import SEGMENTER_VERSION, Sentence, segment_article, segment_many, segment_text

__all__ = ["SEGMENTER_VERSION", "SegmentCache", "Sentence", "default_cache_dir",
           "segment_article", "segment_many", "segment_text"]
