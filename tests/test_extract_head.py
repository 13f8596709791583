"""The head of scraped articles: title, article date (never the site's date), bylines next to them.

Every layout here is written for this test (none is copied from the seeds or tests/heldout),
and each rule has counter-examples it must not fire on.
"""
import tomllib

import pytest

from pipeline.extract import clean_text
from pipeline.extract.dates import parse_date_line
from pipeline.extract.head import (HEAD_RULES, is_category_label, is_header_marked, is_site_name,
                                   load_head_rules)

BODY = ("Sáng 9/3, Ban Thường vụ Huyện ủy Krông Búk tổ chức hội nghị đối thoại giữa người đứng đầu "
        "cấp ủy với đoàn viên, hội viên về việc thực hiện Quy chế dân chủ ở cơ sở.\n"
        "Tại hội nghị, 23 ý kiến của người dân tập trung vào giá bồi thường đất, đường giao thông nông "
        "thôn và việc cấp giấy chứng nhận quyền sử dụng đất.\n")
TITLE = "Krông Búk đối thoại với Nhân dân về bồi thường đất đai"
RULES = tomllib.loads(HEAD_RULES.read_text("utf-8"))


def _clean(head: str, body: str = BODY):
    return clean_text(head + body)


@pytest.mark.parametrize("line, iso", [
    ("Đăng ngày Thứ Sáu, 15 Tháng 3 2024 09:30", "2024-03-15T09:30"),
    ("Thứ tư, 7 Tháng Mười Một, 2022", "2022-11-07"),
    ("Thứ năm, 12 Tháng 10 2023", "2023-10-12"),
    ("9 thg 3, 2024", "2024-03-09"),
    ("21:05, 30/04/2022", "2022-04-30T21:05"),
    ("30-04-2022 | 21:05", "2022-04-30T21:05"),
    ("Cập nhật: 07:45 | 01/09/2021", "2021-09-01T07:45"),
    ("Ngày đăng: 01/09/2021 (GMT+7)", "2021-09-01"),
    ("Posted on 01.09.2021 at 07:45", "2021-09-01T07:45"),
    ("Wednesday, September 1, 2021", "2021-09-01"),
])
def test_more_date_forms(line, iso):
    found = parse_date_line(line)
    assert found is not None and found.date.iso == iso


@pytest.mark.parametrize("sentence", [
    "Ngày 15 tháng 3 năm 2024, Huyện ủy tổ chức hội nghị sơ kết công tác dân vận quý I với 120 đại biểu.",
    "Trong 12 tháng 10 năm qua, xã đã vận động người dân hiến hơn 3.000 m2 đất để làm đường.",
])
def test_sentences_are_not_date_lines(sentence):
    assert parse_date_line(sentence) is None


def test_a_timed_date_above_the_title_is_the_article_date():
    head = ("BÁO BIÊN GIỚI\nThời sự\nKinh tế\nXã hội\nVăn hóa\nXã hội\n"
            "Thứ Sáu, 10-03-2023, 16:20\n" + TITLE + "\n")
    article = _clean(head)
    assert article.title == TITLE
    assert (article.published, article.published_precision) == ("2023-03-10T16:20", "minute")
    assert article.paragraphs[0].startswith("Sáng 9/3")


def test_the_site_date_of_the_day_loses_to_the_timed_article_date():
    head = ("Bỏ qua để đến nội dung chính\nThứ Năm, ngày 20/06/2024\n"
            "Cổng Thông tin điện tử huyện Krông Búk\nTin tức - Sự kiện\n" + TITLE + "\n10/03/2023 16:20\n")
    article = _clean(head)
    assert article.title == TITLE
    assert article.published == "2023-03-10T16:20"
    assert article.provenance["header_dates"] == ["2024-06-20"]
    assert not any("Cổng Thông tin" in p for p in article.paragraphs)


def test_a_site_date_at_the_top_is_not_the_article_date_when_the_article_has_its_own():
    article = _clean("Thứ Năm, ngày 20/06/2024\n" + TITLE + "\nNgày 10/03/2023\n")
    assert article.published == "2023-03-10"


def test_a_date_only_line_right_above_the_title_in_a_date_first_layout():
    article = _clean("Tin tức\nChính trị\nKinh tế\nXã hội\nThứ Sáu, 10/03/2023\n" + TITLE + "\n")
    assert (article.title, article.published) == (TITLE, "2023-03-10")


def test_a_line_marked_today_is_the_site_date_even_with_a_time():
    article = _clean("Hôm nay: Thứ Năm, 20/06/2024 08:00\n" + TITLE + "\nThứ Sáu, 10/03/2023\n")
    assert article.published == "2023-03-10"


def test_joomla_head_with_cms_account_and_category_label():
    head = ("Chi tiết\n" + TITLE + "\nChi tiết\nViết bởi Administrator\nDanh mục: Tin hoạt động\n"
            "Được đăng ngày Thứ Sáu, 10 Tháng 3 2023 16:20\nLượt xem: 77\n")
    article = _clean(head)
    assert (article.title, article.published, article.author) == (TITLE, "2023-03-10T16:20", None)
    assert article.paragraphs[0].startswith("Sáng 9/3")


def test_byline_above_the_date_and_capitals_byline_under_the_title():
    article = _clean("Thời sự > Địa phương\nMinh Khang\n10/03/2023 16:20 GMT+7\n" + TITLE + "\n")
    assert (article.title, article.author) == (TITLE, "Minh Khang")
    article = _clean("Xã hội\nChính trị\nPháp luật\n10/03/2023 16:20\n" + TITLE + "\nHOÀNG TÂM\n")
    assert (article.title, article.author) == (TITLE, "HOÀNG TÂM")
    assert "HOÀNG TÂM" not in article.paragraphs


@pytest.mark.parametrize("tag", ["PV", "Nhóm PV", "Nhóm phóng viên", "Tác giả: Lò Văn Sáng"])
def test_reporter_tags_under_the_title(tag):
    article = _clean(TITLE + "\n" + tag + "\nThứ Sáu, 10/03/2023 | 16:20\n")
    expected = tag.split(": ")[-1]
    assert article.author == expected and article.title == TITLE
    assert tag not in article.paragraphs


def test_a_headline_ending_with_a_question_mark_above_its_date():
    title = "Vì sao người dân xã Ea Tiêu chưa đồng thuận với phương án bồi thường?"
    article = _clean("Trang chủ\n" + title + "\n10/03/2023 16:20\n")
    assert article.title == title and article.published == "2023-03-10T16:20"


def test_a_sapo_between_the_title_and_the_date_stays_in_the_text():
    sapo = "Hơn 300 hộ dân đã đồng thuận giao đất sau ba buổi đối thoại trực tiếp với lãnh đạo huyện."
    article = _clean(TITLE + "\n" + sapo + "\nHà Vy\n10/03/2023 16:20\n")
    assert article.title == TITLE and article.paragraphs[0] == sapo
    assert article.author == "Hà Vy"


@pytest.mark.parametrize("line", RULES["site_name"]["examples"])
def test_site_names(line):
    assert is_site_name(line)


@pytest.mark.parametrize("line", RULES["site_name"]["counter_examples"] + [TITLE])
def test_headlines_are_not_site_names(line):
    assert not is_site_name(line)


@pytest.mark.parametrize("line", RULES["category"]["examples"])
def test_category_labels(line):
    assert is_category_label(line)


@pytest.mark.parametrize("line", RULES["category"]["counter_examples"] + [TITLE])
def test_headlines_are_not_category_labels(line):
    assert not is_category_label(line)


def test_header_markers():
    assert all(is_header_marked(x) for x in RULES["header_date"]["examples"])
    assert not is_header_marked("Thứ Sáu, 10/03/2023 16:20")
    assert load_head_rules().max_name_words >= 3


def test_a_short_title_is_found_when_nothing_longer_stands_above_the_body():
    article = _clean("Dân vận khéo ở Ea Tiêu\n10/03/2023\n")
    assert article.title == "Dân vận khéo ở Ea Tiêu"


def test_titles_with_a_media_tag_or_ending_with_an_initial():
    for title in ("Người dân hiến đất làm đường ở Ea Tiêu [VIDEO]",
                  "Khởi tố đối tượng lừa đảo chiếm đoạt tiền của bà Nguyễn Thị H."):
        article = _clean("Tin tức\nXã hội\nPháp luật\n10/03/2023 16:20\n" + title + "\n")
        assert (article.title, article.published) == (title, "2023-03-10T16:20")


def test_a_caption_credit_is_no_title_and_a_date_without_a_title_is_still_read():
    article = _clean("10/03/2023 16:20\nNgười dân thôn 3 họp bàn làm đường - Ảnh: Minh Khang\n")
    assert article.title != "Người dân thôn 3 họp bàn làm đường - Ảnh: Minh Khang"
    assert article.published == "2023-03-10T16:20"


def test_a_long_menu_does_not_push_the_head_out_of_reach():
    menu = "".join(f"Chuyên mục số {i}\n" for i in range(1, 70))
    article = _clean(menu + TITLE + "\n10/03/2023 16:20\n")
    assert (article.title, article.published) == (TITLE, "2023-03-10T16:20")
    assert article.paragraphs[0].startswith("Sáng 9/3")
