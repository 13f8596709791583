"""Agency tags at the lead, lone agency codes, widget-word lines, and the last sentence kept."""
import pytest

from pipeline.extract import clean_text

TITLE = "Hội Nông dân huyện Cư M'gar ra mắt tổ hợp tác trồng cà phê"
LEAD = "Sáng 14/8, Hội Nông dân huyện Cư M'gar ra mắt tổ hợp tác trồng cà phê bền vững với 25 thành viên."
MORE = ("Tổ hợp tác được hỗ trợ vốn vay ưu đãi, giống cây và tập huấn kỹ thuật canh tác theo hướng hữu cơ "
        "để nâng cao thu nhập cho các hộ thành viên.")


def _article(lead_line: str, extra: str = ""):
    return clean_text(f"{TITLE}\n14/08/2022 10:30\n{extra}{lead_line}\n{MORE}\n")


@pytest.mark.parametrize("tag", ["TTO - ", "TPO - ", "NLĐO – ", "(Dân trí) - ", "(ĐCSVN) - ",
                                 "(Chinhphu.vn) - ", "VOV.VN - ", "ANTĐ - ", "Baodaklak.vn - ",
                                 "(Báo Đắk Lắk) - ", "Dân Việt - "])
def test_agency_tag_is_cut_from_the_lead(tag):
    assert _article(tag + LEAD).paragraphs[0] == LEAD


@pytest.mark.parametrize("code", ["TPO", "NLĐO", "VOV.VN", "(ĐCSVN)"])
def test_a_lone_agency_code_line_goes(code):
    article = _article(LEAD, extra=code + "\n")
    assert article.paragraphs == [LEAD, MORE]


@pytest.mark.parametrize("lead", [
    "ĐẮK LẮK - " + LEAD,  # a place dateline is text
    "TP.HCM - " + LEAD,
    "Cư M'gar - vùng đất cà phê: " + LEAD,
])
def test_place_datelines_and_ordinary_leads_stay(lead):
    assert _article(lead).paragraphs[0] == lead


def test_an_agency_code_is_cut_only_at_the_start_of_the_lead():
    later = "TTO - Thông tin này được đăng lần đầu vào năm 2019 trên báo điện tử của địa phương."
    article = clean_text(f"{TITLE}\n14/08/2022 10:30\n{LEAD}\n{later}\n{MORE}\n")
    assert later in article.paragraphs


@pytest.mark.parametrize("widget", ["Chia sẻ: In trang", "Chia sẻ | Bản in | Gửi email",
                                    "[Quay lại] [In bài] [Gửi cho bạn bè]", "(3 lượt đánh giá)",
                                    "Facebook Zalo In bài", "Cỡ chữ A- A+ In"])
def test_widget_word_lines_go_wherever_they_stand(widget):
    article = _article(LEAD, extra=widget + "\n")
    assert article.paragraphs == [LEAD, MORE]


@pytest.mark.parametrize("line", ["Chia sẻ với phóng viên, ông Nguyễn Văn Bảy cho biết tổ đã có 25 hộ tham gia.",
                                  "In trang phục truyền thống, bà con Ê Đê tham gia ngày hội.",
                                  "Đánh giá cao kết quả đạt được, đồng chí Chủ tịch Hội đề nghị nhân rộng mô hình."])
def test_sentences_with_widget_words_stay(line):
    assert line in _article(LEAD, extra=line + "\n").paragraphs


def test_a_short_closing_sentence_before_the_comment_widget_is_text():
    article = clean_text(f"{TITLE}\n14/08/2022 10:30\n{LEAD}\n{MORE}\nBuổi lễ kết thúc lúc 11h.\n"
                         "Bình luận\nMới nhất\nCũ nhất\n")
    assert article.paragraphs[-1] == "Buổi lễ kết thúc lúc 11h."
