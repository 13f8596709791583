"""clean_text on the bundled seeds (against their gold) and on other shapes of scraped text."""
import json
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.extract import clean_text
from pipeline.extract.score import token_f1

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "sample" / "seeds"
GOLD = [json.loads(line) for line in (SEEDS / "gold_clean.jsonl").read_text("utf-8").splitlines()]


def _clean(gold):
    path = SEEDS / f"{gold['id']}.txt"
    return clean_text(path.read_text("utf-8"), source=str(path))


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: g["id"][:3])
def test_seed_matches_gold(gold):
    article = _clean(gold)
    f1, _, _ = token_f1(article.paragraphs, gold["paragraphs"])
    assert f1 >= 0.99
    assert article.id == gold["id"]
    assert article.title == gold["title"]
    assert article.published == gold["published"]
    assert article.author == gold["author"]
    assert article.captions == gold["captions"]
    assert not article.best_effort and article.language == "vi"


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: g["id"][:3])
def test_seed_province(gold):
    pytest.importorskip("pipeline.geo", reason="the gazetteer stage (pipeline.geo) is not in this checkout")
    assert _clean(gold).province == gold["province"]


def test_header_date_is_never_the_published_date():
    gold = next(g for g in GOLD if g["id"].startswith("001"))
    article = _clean(gold)
    assert article.published == "2023-02-04T13:10"
    assert article.provenance["header_dates"] == ["2024-05-29"]


def test_precision_follows_what_the_page_prints():
    assert _clean(GOLD[0]).published_precision == "minute"
    assert _clean(GOLD[3]).published_precision == "day"
    assert _clean(GOLD[2]).published_precision is None


MENU_AND_FOOTER = """Trang chủ
Giới thiệu
Tin tức - Sự kiện
Trang chủ > Tin tức > Công tác dân vận
Huyện ủy Krông Pa sơ kết 5 năm thực hiện mô hình “Dân vận khéo”
Cập nhật lúc 08:15, 12/10/2023
Bản in Gửi email
Sáng 11/10, Ban Thường vụ Huyện ủy Krông Pa tổ chức hội nghị sơ kết 5 năm thực hiện phong trào thi đua “Dân vận khéo” giai đoạn 2018-2023.
Theo báo cáo, 5 năm qua toàn huyện đã xây dựng được 215 mô hình “Dân vận khéo”, trong đó có 38 mô hình tiêu biểu được nhân rộng; các mô hình đã huy động người dân hiến hơn 12.000 m2 đất làm đường.
[Ảnh]
Đồng chí Bí thư Huyện ủy trao giấy khen cho các tập thể có thành tích xuất sắc
Phát biểu tại hội nghị, đồng chí Bí thư Huyện ủy đề nghị các cấp ủy tiếp tục xem công tác dân vận là nhiệm vụ thường xuyên, chia sẻ kinh nghiệm hay giữa các xã.
Tin, ảnh: Minh Châu
Từ khóa: dân vận khéo, Krông Pa
Tin cùng chuyên mục
Hội nghị giao ban công tác dân vận quý III năm 2023
Ia Rsai ra mắt mô hình “Camera an ninh”
Copyright © 2023 Huyện ủy Krông Pa. Ghi rõ nguồn khi phát hành lại thông tin từ website này.
"""


def test_menu_above_title_and_related_list_below():
    article = clean_text(MENU_AND_FOOTER)
    assert article.title == "Huyện ủy Krông Pa sơ kết 5 năm thực hiện mô hình “Dân vận khéo”"
    assert (article.published, article.published_precision) == ("2023-10-12T08:15", "minute")
    assert article.author == "Minh Châu"
    assert len(article.paragraphs) == 4
    assert article.captions == ["Đồng chí Bí thư Huyện ủy trao giấy khen cho các tập thể có thành tích xuất sắc"]
    assert article.paragraphs[-1].startswith("Phát biểu tại hội nghị")  # "xem", "chia sẻ" kept


def test_all_caps_title_after_header_date_written_date_and_source_byline():
    raw = """Thứ hai, ngày 16/10/2023
ĐẢNG ỦY XÃ IA BANG TỔ CHỨC HỘI NGHỊ ĐỐI THOẠI VỚI NHÂN DÂN
ngày 12 tháng 10 năm 2023
Ngày 12/10/2023, Đảng ủy xã Ia Bang, huyện Đak Đoa tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân năm 2023.
Tại hội nghị, người dân đã nêu 14 ý kiến, kiến nghị liên quan đến đất đai, chính sách an sinh xã hội và xây dựng đường giao thông nông thôn.
Theo báo Gia Lai
Ý kiến bạn đọc
Họ và tên
Email
Gửi
"""
    article = clean_text(raw)
    assert article.title == "ĐẢNG ỦY XÃ IA BANG TỔ CHỨC HỘI NGHỊ ĐỐI THOẠI VỚI NHÂN DÂN"
    assert (article.published, article.published_precision) == ("2023-10-12", "day")
    assert (article.author, article.author_affiliation) == (None, "Báo Gia Lai")
    assert len(article.paragraphs) == 2


def test_author_under_the_date_counters_and_share_line():
    raw = """Mặt trận xã Phú Lộc vận động Nhân dân hiến đất mở rộng đường
2023-02-04 13:10
Tác giả: Lê Văn Hùng
Thời gian qua, Ủy ban Mặt trận Tổ quốc xã Phú Lộc đã phối hợp với các đoàn thể vận động 86 hộ dân hiến hơn 3.500 m2 đất để mở rộng các tuyến đường liên thôn.
Video clip ghi lại cảnh người dân tự nguyện tháo dỡ tường rào được chia sẻ rộng rãi trên mạng xã hội với hơn 20.000 lượt xem.
Người dân thôn 2 cùng nhau tháo dỡ tường rào để mở rộng đường. Ảnh: Lê Hùng
Ông Nguyễn Văn Tám, một hộ dân hiến đất, chia sẻ: “Đường rộng thì con cháu đi học an toàn hơn”.
Lượt xem: 356
Facebook Twitter Zalo
Tin mới
Xã Phú Lộc ra quân làm đường giao thông nông thôn
"""
    article = clean_text(raw)
    assert article.author == "Lê Văn Hùng"
    assert article.published == "2023-02-04T13:10"
    assert [p[:20] for p in article.paragraphs] == ["Thời gian qua, Ủy ba", "Video clip ghi lại c",
                                                     "Người dân thôn 2 cùn", "Ông Nguyễn Văn Tám, "]
    assert article.captions == ["Người dân thôn 2 cùng nhau tháo dỡ tường rào để mở rộng đường. Ảnh: Lê Hùng"]


def test_caption_printed_twice_is_kept_once():
    raw = ("Tiêu đề bài viết về công tác dân vận ở cơ sở\n06/08/2020\n"
           "Đoạn mở đầu của bài viết nói về kết quả công tác dân vận ở cơ sở trong năm qua, với nhiều mô hình hay.\n"
           "Quang cảnh hội nghị (Ảnh minh họa)\nQuang cảnh hội nghị (Ảnh minh họa)\n"
           "Đoạn cuối của bài viết nêu nhiệm vụ trọng tâm trong thời gian tới của các cấp ủy, chính quyền địa phương.\n")
    article = clean_text(raw)
    assert article.paragraphs.count("Quang cảnh hội nghị (Ảnh minh họa)") == 1
    assert article.captions == ["Quang cảnh hội nghị (Ảnh minh họa)"]


@pytest.mark.parametrize("raw", [
    "", "   \n\n  ",
    "The request was aborted: Could not create SSL/TLS secure channel.",
    "Đăng nhập\nTên đăng nhập\nMật khẩu\nGhi nhớ\nQuên mật khẩu?\nĐăng ký tài khoản",
    "Trang chủ\nGiới thiệu\nLiên hệ\nThống kê truy cập\nĐang truy cập36\nHôm nay3,305",
])
def test_no_article_is_an_error(raw):
    with pytest.raises(InputError):
        clean_text(raw)


def test_english_text_is_marked_best_effort():
    raw = ("Provincial committee reviews mass mobilisation work\n12/10/2023 08:00\n"
           "The provincial committee held a conference on Thursday to review five years of mass mobilisation work, "
           "with delegates from every district attending the meeting in the provincial capital.\n"
           "Delegates discussed land clearance, religious affairs and the role of the Fatherland Front in rural areas.\n")
    article = clean_text(raw)
    assert article.best_effort and article.language == "en"
    assert any("Vietnamese" in w for w in article.warnings)


def test_mojibake_and_legacy_font_text_is_repaired_and_marked():
    gold = GOLD[3]
    raw = (SEEDS / f"{gold['id']}.txt").read_text("utf-8")
    import pipeline.normalize.decode  # noqa: F401  registers "danvan-latin1" (undefined cp1252 bytes as C1, as browsers do)
    mojibake = raw.encode("utf-8").decode("cp1252", errors="danvan-latin1")
    article = clean_text(mojibake)
    assert article.title == gold["title"]
    assert token_f1(article.paragraphs, gold["paragraphs"])[0] >= 0.97
    assert article.best_effort and article.warnings
