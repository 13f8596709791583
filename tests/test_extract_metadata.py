"""Dates, bylines, captions and titles as Vietnamese sites print them."""
import pytest

from pipeline.extract.dates import find_dates, parse_date, parse_date_line
from pipeline.extract.metadata import has_caption_mark, is_name, looks_like_caption, parse_byline


@pytest.mark.parametrize("line, iso, precision", [
    ("Chủ nhật - 02/06/2024 23:40 89 0", "2024-06-02T23:40", "minute"),
    ("Thứ Bảy 04/02/2023 13:10", "2023-02-04T13:10", "minute"),
    ("06/08/2020 - Lượt xem: 1901", "2020-08-06", "day"),
    ("Thứ Tư, 10/09/2014, 09:12 [GMT+7]", "2014-09-10T09:12", "minute"),
    ("ngày 12 tháng 10 năm 2023", "2023-10-12", "day"),
    ("Cập nhật: 14:05 - 21/11/2019 (GMT+7)", "2019-11-21T14:05", "minute"),
    ("Đăng lúc 08h15 ngày 5/3/2021", "2021-03-05T08:15", "minute"),
    ("2023-02-04T13:10:00+07:00", "2023-02-04T13:10", "minute"),
    ("Thứ Hai, 12/10/2023 | 1.234 lượt xem", "2023-10-12", "day"),
    ("tháng 10/2023", "2023-10", "month"),
    ("Thứ Sáu, 01.03.2024 - 7:05 PM", "2024-03-01T19:05", "minute"),
])
def test_date_lines(line, iso, precision):
    found = parse_date_line(line)
    assert found is not None
    assert (found.date.iso, found.date.precision) == (iso, precision)


def test_utc_meta_dates_become_vietnam_local_time():
    assert parse_date("2023-03-15T01:30:00+00:00").iso == "2023-03-15T08:30"
    assert parse_date("2023-02-04T06:10:00Z").iso == "2023-02-04T13:10"


@pytest.mark.parametrize("sentence", [
    "Ngày 02/02/2023, Ban Dân vận Tỉnh ủy tổ chức Hội nghị triển khai nhiệm vụ công tác năm 2023.",
    "Đẩy mạnh thực hiện Quy chế số 33-QC/TU ngày 06/6/2022 về phối hợp thực hiện công tác dân vận.",
])
def test_a_sentence_with_a_date_is_not_a_date_line(sentence):
    assert parse_date_line(sentence) is None
    assert find_dates(sentence)  # the date is still found in it


def test_impossible_dates_are_not_dates():
    assert parse_date("31/02/2023") is None
    assert parse_date("12/13/2023") is None
    assert parse_date("01/01/1850") is None


@pytest.mark.parametrize("line, author, affiliation", [
    ("Nguồn tin: Anh Đào - BDVTU", "Anh Đào", "BDVTU"),
    ("Nguyễn Thị Quyên - Ban Dân vận Tỉnh uỷ", "Nguyễn Thị Quyên", "Ban Dân vận Tỉnh uỷ"),
    ("Đàm Hoàng", "Đàm Hoàng", None),
    ("NGUYỄN HUẾ", "NGUYỄN HUẾ", None),
    ("Tin, ảnh: Minh Châu", "Minh Châu", None),
    ("Tác giả: Lê Văn Hùng", "Lê Văn Hùng", None),
    ("Theo báo Gia Lai", None, "Báo Gia Lai"),
    ("Thu Hà (tổng hợp)", "Thu Hà", None),
    ("Hồng Nhung (Ban Dân vận Huyện ủy)", "Hồng Nhung", "Ban Dân vận Huyện ủy"),
    ("Anh Đào - Minh Châu", "Anh Đào, Minh Châu", None),
    ("Nguồn: Báo Bình Phước", None, "Báo Bình Phước"),
])
def test_bylines(line, author, affiliation):
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.author, byline.affiliation) == (author, affiliation)


@pytest.mark.parametrize("line", [
    "Theo đồng chí Phó Ban Dân vận Tỉnh uỷ, Ban cũng đặc biệt coi trọng việc đánh giá chất lượng.",
    "Tin liên quan", "Liên kết website", "Xem với cỡ chữ", "Biển Hồ Biển Hồ Biển Hồ Biển Hồ Biển Hồ Biển Hồ Biển Hồ",
    "Ban Dân vận Tỉnh ủy", "Hội nghị giao ban công tác dân vận năm 2013. (Ảnh minh hoạ)",
])
def test_not_bylines(line):
    assert parse_byline(line) is None or parse_byline(line).author is None


def test_names():
    assert is_name("Nguyễn Văn")
    assert is_name("Ksor H'Bơi")
    assert not is_name("Đồng chí Nguyễn Văn Phú")
    assert not is_name("Tin liên quan")


@pytest.mark.parametrize("line", [
    "Hội nghị giao ban công tác dân vận năm 2013. (Ảnh minh hoạ)",
    "Bí thư Thị ủy Nguyễn Thị Thanh Lịch trực tiếp làm việc với cán bộ cơ sở. Ảnh: Nguyễn Đông",
    "Ảnh: Quang cảnh hội nghị",
    "Người dân hiến đất làm đường (Ảnh: Lê Hùng)",
])
def test_caption_marks(line):
    assert has_caption_mark(line)


def test_caption_shapes():
    assert looks_like_caption("Đồng chí Nguyễn Văn Phú, Ủy viên Ban Thường vụ Tỉnh ủy tặng Giấy khen cho các tập thể xuất sắc")
    assert not looks_like_caption("Hội nghị đã đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm của năm 2024.")
    assert not looks_like_caption("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023 VÀ NHỮNG HẠN CHẾ CẦN KHẮC PHỤC")
    assert not has_caption_mark("Công tác dân vận luôn được xem là khâu then chốt, ảnh hưởng đến mọi mặt.")


@pytest.mark.parametrize("text, language", [
    ("Công tác dân vận luôn được xem là khâu then chốt để tăng cường mối quan hệ giữa Đảng với Nhân dân.", "vi"),
    ("The provincial committee held a conference on Thursday to review mass mobilisation work.", "en"),
    ("Der Ausschuss hat am Donnerstag über die Arbeit der Bürger und Städte beraten.", "und"),
    ("省委民运部于周四召开会议，总结五年来的群众动员工作。各区县代表出席了会议。", "zh"),
    ("Областной комитет провёл конференцию по итогам работы с населением.", "ru"),
])
def test_language(text, language):
    from pipeline.extract.language import detect_language
    assert detect_language(text) == language
