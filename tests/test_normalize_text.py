import unicodedata

import pytest
from hypothesis import given, strategies as st

from pipeline.normalize import fold, normalize, normalize_text


@pytest.mark.parametrize("raw, expected", [
    ("Tỉnh uỷ", "Tỉnh ủy"),
    ("hoà bình", "hòa bình"),
    ("Thuý", "Thúy"),
    ("UỶ BAN", "ỦY BAN"),
    ("khoẻ mạnh", "khỏe mạnh"),
    ("hoàng hôn", "hoàng hôn"),  # a final consonant: tone stays where it is
    ("\u00d0ảng", "Đảng"),
    ("a\u00a0b\u200bc", "a bc"),
])
def test_normalize_fixes_tones_and_odd_characters(raw, expected):
    assert normalize(raw) == expected


def test_layout_is_kept():
    raw = "Dòng một  hoà\n\n  Dòng hai,\tuỷ ban .\n"
    assert normalize(raw) == "Dòng một  hòa\n\n  Dòng hai,\tủy ban .\n"


def test_decomposed_input_is_composed():
    raw = unicodedata.normalize("NFD", "Đảng ủy tỉnh")
    assert normalize(raw) == "Đảng ủy tỉnh"


def test_offsets_map_back_to_the_same_words():
    raw = "Ban\u200b Dân vận Tỉnh uỷ\u00a0ban hành " + unicodedata.normalize("NFD", "Chỉ thị") + " 22-CT/TU"
    norm = normalize_text(raw)
    start = norm.text.index("22-CT/TU")
    o_start, o_end = norm.span_to_original(start, start + len("22-CT/TU"))
    assert raw[o_start:o_end] == "22-CT/TU"
    start = norm.text.index("Chỉ thị")
    o_start, o_end = norm.span_to_original(start, start + len("Chỉ thị"))
    assert unicodedata.normalize("NFC", raw[o_start:o_end]) == "Chỉ thị"


@given(st.text(alphabet=st.sampled_from(list("aoueyàáảãạèẻỷýđĐÐ \n\u00a0\u200b\u0301\u0309.-/")), max_size=60))
def test_offset_map_is_monotonic_and_in_range(raw):
    norm = normalize_text(raw)
    previous = 0
    for pos in range(len(norm.text) + 1):
        mapped = norm.to_original(pos)
        assert 0 <= mapped <= len(raw)
        assert mapped >= previous
        previous = mapped


def test_fold_removes_tones_and_d_stroke():
    assert fold("Đảng ủy") == "dang uy"
    assert fold("TÔN GIÁO") == "ton giao"
