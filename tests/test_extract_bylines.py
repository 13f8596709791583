"""Bylines: names in capitals, reporter tags, CMS accounts, organisation words (bylines.toml)."""
import tomllib

import pytest

from pipeline.extract import clean_text
from pipeline.extract.metadata import BYLINE_RULES, is_cms_account, is_name, parse_byline

RULES = tomllib.loads(BYLINE_RULES.read_text("utf-8"))


@pytest.mark.parametrize("line", RULES["examples"])
def test_byline_examples_are_bylines(line):
    byline = parse_byline(line)
    assert byline is not None and byline.author == line


@pytest.mark.parametrize("line", RULES["counter_examples"])
def test_organisations_are_not_people(line):
    byline = parse_byline(line)
    assert byline is None or byline.author is None


@pytest.mark.parametrize("name", ["ĐOÀN MINH", "Đoàn Minh", "CÔNG THÀNH", "Trung Hiếu", "Liên Hương",
                                  "Thành Nam", "Quân Nguyễn"])
def test_names_whose_first_word_is_also_an_organisation_word(name):
    assert is_name(name)


@pytest.mark.parametrize("text", ["Công an tỉnh", "Đoàn Thanh niên", "Trung tâm Văn hóa", "Ban Dân vận",
                                  "Thành ủy Pleiku", "Văn phòng Tỉnh ủy"])
def test_organisation_names(text):
    assert not is_name(text)


@pytest.mark.parametrize("account", ["Super User", "admin", "Administrator", "bientap"])
def test_cms_accounts_are_no_authors(account):
    assert is_cms_account(account)
    assert parse_byline(account) is None or parse_byline(account).author is None


def test_capitals_byline_at_the_end_leaves_the_text():
    raw = ("Xã Ea Tiêu ra mắt tổ hòa giải ở cơ sở\n12/05/2022 09:10\n"
           "Sáng 11/5, Ủy ban Mặt trận Tổ quốc xã Ea Tiêu ra mắt 12 tổ hòa giải ở các thôn, buôn trên địa bàn xã.\n"
           "Các tổ hòa giải có nhiệm vụ nắm bắt tình hình, kịp thời hòa giải mâu thuẫn trong cộng đồng dân cư.\n"
           "ĐOÀN MINH\nTin cùng chuyên mục\nXã Ea Tiêu tổng kết phong trào thi đua năm 2021\n")
    article = clean_text(raw)
    assert article.author == "ĐOÀN MINH"
    assert "ĐOÀN MINH" not in article.paragraphs and len(article.paragraphs) == 2


def test_a_last_sentence_is_text_not_a_byline():
    raw = ("Xã Ea Tiêu ra mắt tổ hòa giải ở cơ sở\n12/05/2022 09:10\n"
           "Sáng 11/5, Ủy ban Mặt trận Tổ quốc xã Ea Tiêu ra mắt 12 tổ hòa giải ở các thôn, buôn trên địa bàn xã.\n"
           "Các tổ hòa giải có nhiệm vụ nắm bắt tình hình, kịp thời hòa giải mâu thuẫn trong cộng đồng dân cư.\n"
           "11h15, buổi lễ kết thúc.\nBình luận\nGửi bình luận\n")
    article = clean_text(raw)
    assert article.paragraphs[-1] == "11h15, buổi lễ kết thúc."
    assert article.author is None


def test_a_name_like_an_english_weekday_stays_a_name_beside_a_date():
    from pipeline.extract.dates import parse_date_line
    line = parse_date_line("THU TRANG - 02/08/2017")
    assert line is not None and line.rest == "THU TRANG" and not line.weekday
    assert parse_date_line("Thu, 12/10/2023 08:00").weekday


def test_a_photo_credit_is_no_author():
    assert parse_byline("Ảnh Reuters") is None or parse_byline("Ảnh Reuters").author is None
