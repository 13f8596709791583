"""Repair of mojibake and legacy encodings, on samples the tests make from real sentences."""
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.normalize import legacy_to_unicode, normalize_text, repair_text, unicode_to_legacy
from pipeline.normalize.repair import load_legacy_tables


def _shared() -> Path:
    """<repo>/../shared (CI), or one level further up for a worktree under /work/wt."""
    root = Path(__file__).resolve().parents[1]
    for candidate in (root.parent / "shared", root.parent.parent / "shared"):
        if candidate.is_dir():
            return candidate
    return root.parent / "shared"


SHARED = _shared()

SENTENCES = [
    "Ban Dân vận Tỉnh ủy Bình Phước tổ chức hội nghị tổng kết công tác dân vận năm 2023.",
    "Phong trào thi đua “Dân vận khéo” được triển khai sâu rộng ở cơ sở, nhất là vùng đồng bào dân tộc thiểu số.",
    "Đồng chí Trưởng ban đề nghị các cấp ủy đảng tiếp tục quán triệt Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương.",
    "Người dân xã biên giới hiến đất làm đường, góp phần xây dựng nông thôn mới kiểu mẫu.",
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội phối hợp giải quyết khiếu nại, tố cáo ngay từ cơ sở.",
    "Huyện ủy Bù Đốp chỉ đạo rà soát hộ nghèo, hỗ trợ xóa nhà tạm, nhà dột nát cho các gia đình khó khăn.",
    "Công tác tôn giáo: chức sắc, chức việc và tín đồ các tôn giáo tích cực tham gia phong trào thi đua yêu nước.",
    "Kỷ niệm 94 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - 15/10/2024).",
]


def _gold_paragraphs(limit=40):
    path = SHARED / "seeds" / "gold_clean.jsonl"
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        out.extend(p for p in json.loads(line)["paragraphs"] if len(p) > 40)
    return out[:limit]


REAL = SENTENCES + _gold_paragraphs()


def mojibake(text, codec="cp1252"):
    return text.encode("utf-8").decode(codec, errors="danvan-latin1" if codec == "cp1252" else "strict")


def without_codeless_capitals(text):
    """TCVN3 has no capitals with tone marks: its writers used the lower-case code."""
    table = set(load_legacy_tables()["tcvn3"].values())
    return "".join(c if c in table or c.lower() not in table else c.lower() for c in text)


@pytest.mark.parametrize("legacy, unicode", [
    # Well-known strings from old government documents, as they read in Windows-1252.
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("C¨n cø NghÞ ®Þnh sè 15/CP", "Căn cứ Nghị định số 15/CP"),
    ("quyÕt ®Þnh cña Bé tr\u00adëng Bé Tµi chÝnh", "quyết định của Bộ trưởng Bộ Tài chính"),
])
def test_known_tcvn3_strings(legacy, unicode):
    assert repair_text(legacy) == (unicode, ["TCVN3 (ABC) legacy font encoding repaired on 1 line(s)"])


@pytest.mark.parametrize("legacy, unicode", [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
])
def test_known_vni_strings(legacy, unicode):
    text, fixes = repair_text(legacy)
    assert text == unicode and "VNI" in fixes[0]


@pytest.mark.parametrize("sentence", REAL)
def test_tcvn3_samples_round_trip(sentence):
    legacy = unicode_to_legacy(sentence, "tcvn3")
    assert legacy != sentence
    repaired, fixes = repair_text(legacy)
    assert repaired == without_codeless_capitals(sentence)
    assert fixes and "TCVN3" in fixes[0]


@pytest.mark.parametrize("sentence", REAL)
def test_vni_samples_round_trip(sentence):
    repaired, fixes = repair_text(unicode_to_legacy(sentence, "vni"))
    assert repaired == sentence
    assert fixes and "VNI" in fixes[0]


@pytest.mark.parametrize("sentence", REAL)
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_mojibake_samples_round_trip(sentence, codec):
    repaired, fixes = repair_text(mojibake(sentence, codec))
    assert repaired == sentence
    assert fixes and "mojibake" in fixes[0]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_double_mojibake_is_undone(sentence):
    assert repair_text(mojibake(mojibake(sentence)))[0] == sentence


def test_windows_1258_read_as_1252_is_repaired():
    from tests.test_decode import encode_cp1258

    sentence = SENTENCES[0]
    misread = encode_cp1258(sentence).decode("cp1252", errors="danvan-latin1")
    assert repair_text(misread)[0] == sentence


def test_tcvn3_lost_soft_hyphen_is_restored_where_the_rime_proves_it():
    # The soft hyphen that codes "ư" is often dropped: "trường" then reads "trờng".
    assert repair_text("Tr\u00eang tiÓu häc ®îc c«ng nhËn")[0] == "Trường tiểu học được công nhận"


def test_mixed_page_repairs_only_the_broken_lines():
    good = SENTENCES[0]
    page = "\n".join([good, unicode_to_legacy(SENTENCES[3], "tcvn3"), good, mojibake(SENTENCES[4]), ""])
    repaired, fixes = repair_text(page)
    assert repaired == "\n".join([good, SENTENCES[3], good, SENTENCES[4], ""])
    assert len(fixes) == 2


@pytest.mark.parametrize("text", REAL + [
    "Rue de Hué", "Mbappé ghi bàn cho Paris Saint-Germain", "Café Giảng ở phố Nguyễn Hữu Huân",
    "Đắk Lắk, Krông Búk, Ea H'leo", "Genève, Zürich và Malmö", "Giá 5.000 đ/kg", "© 2024 Báo Bình Phước",
    "Thứ Tư, 10/09/2014, 09:12 [GMT+7]", "HĐND, UBND, MTTQ và CSĐT", "“Dân vận khéo” – xem thêm »",
])
def test_correct_text_is_never_repaired(text):
    assert repair_text(text) == (text, [])


VOCABULARY = sorted({w.strip(".,;:“”()") for s in REAL for w in s.split()} - {""})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12),
       st.sampled_from([" ", ", ", "\n", " - "]))
def test_random_vietnamese_word_strings_are_never_repaired(words, separator):
    text = separator.join(words)
    assert repair_text(text) == (text, [])


def test_corpus_articles_are_left_alone():
    path = SHARED / "corpus" / "vietnews_pool.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpus is absent")
    with path.open(encoding="utf-8") as handle:
        for _, line in zip(range(150), handle):
            text = json.loads(line)["text"]
            assert repair_text(text)[0] == text


def test_legacy_tables_are_consistent():
    tables = load_legacy_tables()
    for name in ("tcvn3", "vni"):
        for legacy, letter in tables[name].items():
            assert unicodedata.is_normalized("NFC", letter)
            assert legacy_to_unicode(legacy, name) == letter
    assert len(set(tables["tcvn3"].values())) >= 67  # every lower-case letter at least


def test_normalize_text_with_repair_maps_offsets_into_the_repaired_text():
    raw = unicode_to_legacy("Tỉnh uỷ Bình Phước ban hành Chỉ thị 22-CT/TU", "vni")
    norm = normalize_text(raw, repair=True)
    assert norm.text == "Tỉnh ủy Bình Phước ban hành Chỉ thị 22-CT/TU"
    assert norm.repairs and norm.original != raw
    start = norm.text.index("22-CT/TU")
    o_start, o_end = norm.span_to_original(start, start + 8)
    assert norm.original[o_start:o_end] == "22-CT/TU"


def test_ascii_and_empty_text():
    assert repair_text("") == ("", [])
    assert repair_text("plain ASCII\r\nlines\n") == ("plain ASCII\r\nlines\n", [])
