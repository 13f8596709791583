"""The province of an article whose date is unknown: as the text names it, the 2025 successor apart."""
import pytest

from pipeline.extract import clean_text

pytest.importorskip("pipeline.geo", reason="the gazetteer stage (pipeline.geo) is not in this checkout")

RAW = """Hội nghị đối thoại với Nhân dân ở huyện Phú Lộc
{date}Sáng 12/5, Ban Dân vận Tỉnh ủy Thừa Thiên Huế phối hợp với Huyện ủy Phú Lộc tổ chức hội nghị đối thoại với Nhân dân về công tác giải phóng mặt bằng.
Tại hội nghị, lãnh đạo tỉnh Thừa Thiên Huế đã trả lời 15 ý kiến của người dân liên quan đến giá đất và tái định cư.
"""


def test_unknown_date_keeps_the_name_the_text_gives():
    article = clean_text(RAW.format(date=""))
    assert article.published is None
    assert (article.province, article.province_2025) == ("Thừa Thiên Huế", "Huế")


def test_unknown_date_and_a_province_merged_in_2025():
    raw = RAW.format(date="").replace("Thừa Thiên Huế", "Bình Phước").replace("Phú Lộc", "Bù Đốp")
    article = clean_text(raw)
    assert (article.province, article.province_2025) == ("Bình Phước", "Đồng Nai")


def test_a_known_date_still_decides():
    article = clean_text(RAW.format(date="12/05/2019 09:00\n"))
    assert (article.published, article.province) == ("2019-05-12T09:00", "Thừa Thiên Huế")
    raw = RAW.format(date="12/05/2026 09:00\n").replace("Thừa Thiên Huế", "Bình Phước").replace("Phú Lộc", "Bù Đốp")
    assert clean_text(raw).province == "Đồng Nai"  # after the 2025 merger, as of its date
