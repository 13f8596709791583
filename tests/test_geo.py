"""Gazetteer and province finder, table-driven."""
import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.errors import DanvanError
from pipeline.geo import (UnknownPlaceError, find_province, load_gazetteer, normalise_province_name,
                          resolve_province, to_2025)


def _shared() -> Path:
    root = Path(__file__).resolve().parents[1]
    for candidate in (root.parent / "shared", root.parent.parent / "shared"):
        if candidate.is_dir():
            return candidate
    return root.parent / "shared"


SHARED = _shared()


@pytest.mark.parametrize("raw, canonical", [
    ("TP.HCM", "Hồ Chí Minh"), ("Tp. Hồ Chí Minh", "Hồ Chí Minh"), ("thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    ("TPHCM", "Hồ Chí Minh"), ("tỉnh Bình Phước", "Bình Phước"), ("BÌNH PHƯỚC", "Bình Phước"),
    ("Hoà Bình", "Hòa Bình"), ("Đăk Lăk", "Đắk Lắk"), ("Daklak", "Đắk Lắk"), ("Bắc Cạn", "Bắc Kạn"),
    ("Thừa Thiên - Huế", "Thừa Thiên Huế"), ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("Hà Tây", "Hà Tây"),
    ("  Gia Lai ", "Gia Lai"), ("Kontum", "Kon Tum"),
    ("Gotham", None), ("", None), (None, None),
])
def test_normalise_province_name(raw, canonical):
    assert normalise_province_name(raw) == canonical


@pytest.mark.parametrize("old, new", [
    ("Bình Phước", "Đồng Nai"), ("Bắc Kạn", "Thái Nguyên"), ("Gia Lai", "Gia Lai"), ("Bình Định", "Gia Lai"),
    ("Hà Giang", "Tuyên Quang"), ("Yên Bái", "Lào Cai"), ("Vĩnh Phúc", "Phú Thọ"), ("Hòa Bình", "Phú Thọ"),
    ("Bắc Giang", "Bắc Ninh"), ("Thái Bình", "Hưng Yên"), ("Hải Dương", "Hải Phòng"), ("Nam Định", "Ninh Bình"),
    ("Hà Nam", "Ninh Bình"), ("Quảng Bình", "Quảng Trị"), ("Quảng Nam", "Đà Nẵng"), ("Kon Tum", "Quảng Ngãi"),
    ("Ninh Thuận", "Khánh Hòa"), ("Đắk Nông", "Lâm Đồng"), ("Bình Thuận", "Lâm Đồng"), ("Phú Yên", "Đắk Lắk"),
    ("Bình Dương", "Hồ Chí Minh"), ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"), ("Long An", "Tây Ninh"),
    ("Sóc Trăng", "Cần Thơ"), ("Hậu Giang", "Cần Thơ"), ("Bến Tre", "Vĩnh Long"), ("Trà Vinh", "Vĩnh Long"),
    ("Tiền Giang", "Đồng Tháp"), ("Bạc Liêu", "Cà Mau"), ("Kiên Giang", "An Giang"),
    ("Thừa Thiên Huế", "Huế"), ("Hà Tây", "Hà Nội"), ("TP.HCM", "Hồ Chí Minh"), ("Cao Bằng", "Cao Bằng"),
])
def test_to_2025(old, new):
    assert to_2025(old) == new


def test_to_2025_unknown_raises_a_danvan_error():
    with pytest.raises(UnknownPlaceError) as info:
        to_2025("Atlantis")
    assert isinstance(info.value, DanvanError) and "Atlantis" in str(info.value)


@pytest.mark.parametrize("name, date, expected", [
    ("Hà Tây", "2006-05-01", "Hà Tây"), ("Hà Tây", "2009-01-01", "Hà Nội"),
    ("Thừa Thiên Huế", "2024-12-31", "Thừa Thiên Huế"), ("Thừa Thiên Huế", "2025-03-01", "Huế"),
    ("Huế", "2020-01-01", "Thừa Thiên Huế"), ("Bình Phước", "2025-06-30", "Bình Phước"),
    ("Bình Phước", "2025-07-01", "Đồng Nai"), ("Bình Phước", None, "Bình Phước"),
])
def test_resolve_province_by_date(name, date, expected):
    assert resolve_province(name, date) == expected


def test_the_data_files_hold_63_provinces_then_34():
    gazetteer = load_gazetteer()
    on_eve = [p for p in gazetteer.provinces.values()
              if (not p.valid_from or p.valid_from <= "2025-06-30") and "2025-06-30" < p.valid_to]
    assert len(on_eve) == 63
    in_2008 = [p for p in gazetteer.provinces.values() if "2008-07-31" < (p.valid_to or "9999")
               and (not p.valid_from or p.valid_from <= "2008-07-31")]
    assert len(in_2008) == 64  # with Hà Tây, before Huế was renamed
    assert len(gazetteer.provinces_2025) == 34
    assert {p.province_2025 for p in gazetteer.provinces.values()} == set(gazetteer.provinces_2025)
    for new, row in gazetteer.provinces_2025.items():
        for old in row["merged_from"].split(";"):
            assert gazetteer.provinces[old.strip()].province_2025 == new


def test_every_district_belongs_to_a_known_province_once_at_a_time():
    gazetteer = load_gazetteer()
    assert len(gazetteer.districts) >= 690
    for date in ("2006-01-01", "2015-01-01", "2022-01-01", "2025-06-30"):
        live = Counter((d.province, d.name) for d in gazetteer.districts if d.valid_on(date))
        assert not [key for key, n in live.items() if n > 1], date
    for district in gazetteer.districts:
        assert district.province in gazetteer.provinces
        assert set(district.types) <= {"huyện", "thị xã", "thành phố", "quận"}, district


@pytest.mark.parametrize("name, province", [
    ("An Khê", "Gia Lai"), ("Bù Đốp", "Bình Phước"), ("Pleiku", "Gia Lai"), ("Ba Bể", "Bắc Kạn"),
    ("Buôn Ma Thuột", "Đắk Lắk"), ("Cầu Giấy", "Hà Nội"), ("Thủ Đức", "Hồ Chí Minh"), ("Hội An", "Quảng Nam"),
])
def test_known_districts_are_in_the_gazetteer(name, province):
    assert province in {d.province for d in load_gazetteer().districts if d.name == name}


BODY = "Hội nghị đánh giá kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2023."

CASES = [
    # (title, paragraphs, published, province, province_2025)
    ("Bình Phước: Đổi mới công tác dân vận", [BODY], "2024-06-02", "Bình Phước", "Đồng Nai"),
    ("BÌNH PHƯỚC: ĐỔI MỚI CÔNG TÁC DÂN VẬN", [BODY], None, "Bình Phước", "Đồng Nai"),
    ("An Khê: Một số kinh nghiệm", ["Ban Thường vụ Thị ủy An Khê luôn quan tâm lãnh đạo."], "2020-08-06",
     "Gia Lai", "Gia Lai"),
    ("Kinh nghiệm ở cơ sở", ["Ban Thường vụ Thị ủy An Khê luôn quan tâm lãnh đạo.", BODY], None, "Gia Lai", "Gia Lai"),
    (None, ["Huyện ủy Bù Đốp tổ chức hội nghị.", "Tại huyện Bù Đốp, " + BODY], None, "Bình Phước", "Đồng Nai"),
    ("Hội nghị", ["UBND tỉnh Bắc Kạn ban hành văn bản.", "Các sở, ngành tỉnh Bắc Kạn thực hiện."], None,
     "Bắc Kạn", "Thái Nguyên"),
    ("Huyện Đăk Đoa tổ chức hội nghị", [BODY], None, "Gia Lai", "Gia Lai"),
    ("Huyện Đắk Đoa tổ chức hội nghị", [BODY], None, "Gia Lai", "Gia Lai"),
    ("Tuyên dương", ["Quận ủy Quận 1 khen thưởng.", "Tại quận 1, " + BODY], None, "Hồ Chí Minh", "Hồ Chí Minh"),
    ("Dân vận khéo", ["Huyện ủy Châu Thành phối hợp.", "Ban Dân vận Tỉnh ủy Tiền Giang chỉ đạo."], None,
     "Tiền Giang", "Đồng Tháp"),
    ("Thị xã Tân Châu ra quân", [BODY], None, "An Giang", "An Giang"),
    ("Huyện Tân Châu ra quân", [BODY], None, "Tây Ninh", "Tây Ninh"),
    ("Huyện Hòa Bình ra quân", [BODY], None, "Bạc Liêu", "Cà Mau"),
    ("Tỉnh Hòa Bình ra quân", [BODY], None, "Hòa Bình", "Phú Thọ"),
    # A place named in passing does not win.
    ("Gia Lai: Hội nghị giao ban", ["Đoàn công tác tỉnh Kon Tum đến thăm và làm việc.",
                                    "Tại thành phố Pleiku, Tỉnh ủy Gia Lai chủ trì hội nghị."], None, "Gia Lai", "Gia Lai"),
    # Dates: Hà Tây before 2008, the 34 provinces from July 2025, Huế.
    ("Huyện Ba Vì", ["Huyện ủy Ba Vì triển khai. " + BODY], "2006-04-01", "Hà Tây", "Hà Nội"),
    ("Huyện Ba Vì", ["Huyện ủy Ba Vì triển khai. " + BODY], "2015-04-01", "Hà Nội", "Hà Nội"),
    ("Hội nghị", ["Tỉnh ủy Bình Phước (cũ) tổng kết.", "tỉnh Bình Phước"], "2025-08-01", "Đồng Nai", "Đồng Nai"),
    ("Thành phố Huế ra quân", [BODY], "2020-01-01", "Thừa Thiên Huế", "Huế"),
    ("Tỉnh Thừa Thiên Huế", ["Tỉnh ủy Thừa Thiên Huế chỉ đạo."], "2025-03-01", "Huế", "Huế"),
    ("TP.HCM phát động", ["Thành ủy TP.HCM chỉ đạo.", BODY], None, "Hồ Chí Minh", "Hồ Chí Minh"),
]


@pytest.mark.parametrize("title, paragraphs, published, province, province_2025", CASES)
def test_find_province(title, paragraphs, published, province, province_2025):
    match = find_province(title, paragraphs, published)
    assert match is not None, (title, paragraphs)
    assert (match.province, match.province_2025) == (province, province_2025)
    assert match.evidence and 0 < match.score <= 1


NONE_CASES = [
    ("Ban Dân vận Tỉnh ủy: Triển khai nhiệm vụ năm 2023", ["Ban Dân vận Tỉnh ủy tổ chức hội nghị.", BODY]),
    ("Hội nghị", ["Đồng chí Nguyễn Văn Phú, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy chủ trì."]),
    ("Học tập tư tưởng Hồ Chí Minh", ["Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
                                      "Lời dạy của Chủ tịch Hồ Chí Minh về dân vận."]),
    ("Kỷ niệm chiến thắng Điện Biên Phủ", ["Chiến thắng Điện Biên Phủ lừng lẫy năm châu."]),
    ("Dân vận khéo", ["Huyện ủy Châu Thành phối hợp với các đoàn thể.", BODY]),  # shared name alone
    ("Hợp tác", ["Tỉnh ủy Gia Lai và Tỉnh ủy Kon Tum ký kết.", "Tỉnh Gia Lai và tỉnh Kon Tum cùng thực hiện."]),
    ("Hội nghị", ["Ông Lê Hà Nam phát biểu.", BODY]),
    (None, []),
]


@pytest.mark.parametrize("title, paragraphs", NONE_CASES)
def test_find_province_says_none_when_the_text_does_not_say(title, paragraphs):
    assert find_province(title, paragraphs) is None


def test_seeds_match_gold():
    path = SHARED / "seeds" / "gold_clean.jsonl"
    if not path.exists():
        pytest.skip("../shared/seeds is absent")
    for line in path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        match = find_province(gold["title"], gold["paragraphs"], gold["published"])
        assert (match.province if match else None) == gold["province"], gold["id"]
