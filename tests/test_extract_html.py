"""extract_html on the fixture pages of each CMS family (profile and generic paths) and on bad input."""
import json
from pathlib import Path

import pytest

from pipeline.errors import DanvanError, InputError
from pipeline.extract import all_profiles, extract_html, load_profile, match_profile
from pipeline.extract.score import token_f1

SITES = Path(__file__).resolve().parent / "fixtures" / "sites"
PAGES = sorted(p.name[:-len(".gold.json")] for p in SITES.glob("*.gold.json"))


def _gold(name):
    return json.loads((SITES / f"{name}.gold.json").read_text("utf-8"))


def _page(name) -> bytes:
    return (SITES / f"{name}.html").read_bytes()


def _check(article, gold, min_f1=0.99):
    f1, _, _ = token_f1(article.paragraphs, gold["paragraphs"])
    assert f1 >= min_f1
    assert article.title == gold["title"]
    assert article.published == gold["published"]
    assert article.author == gold["author"]
    assert article.captions == [c for c in gold["captions"]] or \
        [" ".join(c.split()) for c in article.captions] == [" ".join(c.split()) for c in gold["captions"]]


@pytest.mark.parametrize("name", PAGES)
def test_fixture_page_extracts_to_its_gold(name):
    gold = _gold(name)
    article = extract_html(_page(name), url=gold["url"])
    assert article.provenance["profile"] == gold["profile"]
    _check(article, gold)
    assert not article.best_effort


@pytest.mark.parametrize("name", PAGES)
def test_generic_path_also_does_well_on_every_fixture(name):
    gold = _gold(name)
    article = extract_html(_page(name), url=gold["url"], profile="generic")
    assert article.provenance["profile"] is None
    _check(article, gold, min_f1=0.97)


@pytest.mark.parametrize("name", [n for n in PAGES if not n.startswith("generic")])
def test_profiles_match_by_markup_without_the_url(name):
    assert match_profile(None, _page(name)).name == _gold(name)["profile"]


@pytest.mark.parametrize("name", [n for n in PAGES if n.startswith("generic")])
def test_no_profile_claims_an_unknown_cms(name):
    assert match_profile(_gold(name)["url"], _page(name)) is None


def test_profiles_load_by_name_and_path_and_bad_ones_are_refused(tmp_path):
    assert {p.name for p in all_profiles()} >= {"nukeviet", "wordpress", "party_portal", "newspaper"}
    assert load_profile("nukeviet").body
    assert load_profile(str(Path(load_profile("wordpress").path))).name == "wordpress"
    with pytest.raises(DanvanError, match="unknown profile"):
        load_profile("no-such-cms")
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\n[select]\nbody = ["div[[["]\n', encoding="utf-8")
    with pytest.raises(DanvanError, match="bad CSS selector"):
        load_profile(str(bad))


def test_a_user_profile_file_is_used(tmp_path):
    profile = tmp_path / "mycms.toml"
    profile.write_text("""name = "mycms"
[match]
hosts = ["tin.mycms.vn"]
[select]
title = ["h1.tieude"]
date = ["span.ngay"]
author = ["p.tacgia"]
body = ["div.noidung"]
drop = ["div.quangcao"]
""", encoding="utf-8")
    page = """<html><body><div class="menu">Trang chủ | Tin tức</div><h1 class="tieude">Xã Ia Pếch ra mắt mô hình dân vận khéo</h1>
<span class="ngay">15/03/2024 10:20</span><div class="noidung"><p>Sáng 15/3, Đảng ủy xã Ia Pếch tổ chức ra mắt mô hình “Dân vận khéo” trong xây dựng nông thôn mới với sự tham gia của đông đảo người dân.</p>
<div class="quangcao">Mời đặt quảng cáo: 0909 123 456</div><p>Mô hình huy động người dân hiến đất, góp ngày công làm đường bê tông nội thôn dài 2 km trong năm 2024.</p></div>
<p class="tacgia">Hoàng Ngọc</p></body></html>"""
    article = extract_html(page, url="https://tin.mycms.vn/a.html", profile=str(profile))
    assert article.provenance["profile"] == "mycms"
    assert article.title == "Xã Ia Pếch ra mắt mô hình dân vận khéo"
    assert article.published == "2024-03-15T10:20"
    assert article.author == "Hoàng Ngọc"
    assert len(article.paragraphs) == 2 and "quảng cáo" not in article.text


# --- bad input ----------------------------------------------------------------------------------

def test_empty_and_binary_pages_are_clear_errors():
    with pytest.raises(InputError, match="empty"):
        extract_html(b"")
    with pytest.raises(InputError, match="binary"):
        extract_html(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)


@pytest.mark.parametrize("page", [
    "<html><body><h1>Lỗi</h1><p>The request was aborted: Could not create SSL/TLS secure channel.</p></body></html>",
    """<html><head><title>Đăng nhập hệ thống</title></head><body><form><h2>Đăng nhập</h2><label>Tên đăng nhập</label>
<input name="u"/><label>Mật khẩu</label><input type="password"/><label>Ghi nhớ</label><a href="#">Quên mật khẩu?</a>
<button>Đăng nhập</button></form><div class="footer">Copyright © 2024 Sở Thông tin và Truyền thông</div></body></html>""",
    "<html><body><div>404 Not Found</div><hr><div>nginx</div></body></html>",
])
def test_error_and_login_pages_are_not_articles(page):
    with pytest.raises(InputError, match="no article text"):
        extract_html(page)


def test_broken_html_still_extracts():
    page = _page("partyportal_gialai").decode("utf-8")
    broken = page.replace("</p>", "").replace("</div>", "", 5).replace("<table", "<table <tr")
    broken = broken[: int(len(broken) * 0.8)]  # cut mid-page, mid-tag
    article = extract_html(broken, url=_gold("partyportal_gialai")["url"])
    assert article.title == _gold("partyportal_gialai")["title"]
    assert token_f1(article.paragraphs, _gold("partyportal_gialai")["paragraphs"])[1] >= 0.95


def test_wrong_declared_charset_is_caught():
    gold = _gold("newspaper_phuyen")
    article = extract_html(_page("newspaper_phuyen"), url=gold["url"], declared_charset="iso-8859-1")
    assert article.title == gold["title"]
    assert token_f1(article.paragraphs, gold["paragraphs"])[0] >= 0.99


def test_page_in_a_legacy_code_page_declared_as_utf8():
    gold = _gold("wordpress_backan")
    page = _page("wordpress_backan").decode("utf-8").replace('<meta charset="UTF-8">', "")
    data = page.encode("cp1258", errors="xmlcharrefreplace")
    article = extract_html(data, url=gold["url"], declared_charset="utf-8")
    f1, _, _ = token_f1(article.paragraphs, gold["paragraphs"])
    assert f1 >= 0.9 and article.best_effort and article.warnings


@pytest.mark.parametrize("lang, body", [
    ("en", "The provincial committee held a conference on Thursday to review five years of mass mobilisation "
           "work, with delegates from every district attending the meeting in the provincial capital. "
           "Delegates discussed land clearance, religious affairs and the role of the Fatherland Front."),
    ("zh", "省委民运部于周四召开会议，总结五年来的群众动员工作。各区县代表出席了在省会举行的会议，"
           "讨论了土地清理、宗教事务以及祖国阵线在农村地区的作用。会议强调要加强基层工作。"),
])
def test_other_language_pages_are_best_effort(lang, body):
    page = f"<html><body><h1>Conference on mass mobilisation work</h1><p>12/10/2023 08:00</p><p>{body}</p><p>{body}</p></body></html>"
    article = extract_html(page)
    assert article.best_effort and article.language == lang
    assert any("Vietnamese" in w for w in article.warnings)


def test_a_50_megabyte_page_is_cut_not_fatal():
    page = _page("nukeviet_binhphuoc")
    filler = b"<div class='item'><a href='/x'>Tin kh\xc3\xa1c s\xe1\xbb\x91 123</a></div>\n" * 800_000
    big = page.replace(b"</body>", filler + b"</body>")
    assert len(big) > 45_000_000
    article = extract_html(big, url=_gold("nukeviet_binhphuoc")["url"])
    assert article.title == _gold("nukeviet_binhphuoc")["title"]
    assert len(article.paragraphs) == len(_gold("nukeviet_binhphuoc")["paragraphs"])
    assert article.best_effort and any("cut" in w for w in article.warnings)


def test_huge_inline_script_is_dropped_without_cutting_the_article():
    page = _page("newspaper_phuyen").replace(b"<head>", b"<head><script>" + b"var a=1;" * 400_000 + b"</script>")
    article = extract_html(page)
    assert token_f1(article.paragraphs, _gold("newspaper_phuyen")["paragraphs"])[0] >= 0.99
    assert not any("cut" in w for w in article.warnings)


def test_plain_text_given_as_a_page_is_cleaned_as_text():
    raw = (SITES.parents[1].parent / "corpus" / "sample" / "seeds" / "003_d75d204a71cd5d84.txt").read_bytes()
    article = extract_html(raw)
    assert article.title.startswith("An Khê:") and article.best_effort
