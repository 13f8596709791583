"""A tiny synthetic labelled set with toy themes, for fast tests of training and tagging.

Not real data: it proves the machinery (a theme added by data alone is learnt and
tagged), not the model's quality.
"""
import json
import random
import tomllib

TOY_TAXONOMY = '''
[[theme]]
label = "fishing"
name_vi = "nghề cá"
description = "Toy theme: fishing boats, catches, fishermen."
lexicon = ["ngư dân", "tàu cá", "đánh bắt"]

[[theme]]
label = "football"
name_vi = "bóng đá"
description = "Toy theme: football matches and clubs."
lexicon = ["bóng đá", "cầu thủ", "trận đấu"]
'''

SUBSTANTIVE = {
    "fishing": ["Ngư dân xã {p} ra khơi đánh bắt hải sản trong chuyến biển đầu năm.",
                "Mỗi tàu cá của ngư dân thu được {n} tấn cá ngừ sau chuyến đi.",
                "Hội nghề cá hướng dẫn ngư dân lắp thiết bị giám sát hành trình tàu cá.",
                "Giá cá ngừ tăng nên ngư dân phấn khởi vươn khơi bám biển."],
    "football": ["Đội bóng đá của huyện {p} thắng {n}-0 trong trận đấu chiều qua.",
                 "Các cầu thủ trẻ tập luyện bóng đá trên sân vận động mới.",
                 "Huấn luyện viên khen cầu thủ ghi bàn ở phút cuối trận đấu.",
                 "Giải bóng đá thiếu niên thu hút {n} đội tham dự."],
}
ENUMERATION = {
    "fishing": "Tỉnh phát triển nông nghiệp, lâm nghiệp, đánh bắt hải sản, du lịch và dịch vụ.",
    "football": "Xã tổ chức văn nghệ, bóng đá, bóng chuyền, kéo co trong dịp lễ.",
}
FILLER = ["Ủy ban nhân dân xã {p} họp bàn kế hoạch năm {n}.",
          "Người dân phấn khởi khi con đường mới được khánh thành.",
          "Trường học được sửa chữa trước năm học mới.",
          "Trạm y tế tiếp nhận thêm trang thiết bị khám bệnh.",
          "Hội Phụ nữ tổ chức lớp tập huấn kỹ năng cho hội viên.",
          "Mưa lớn khiến một số tuyến đường bị ngập cục bộ.",
          "Cán bộ xã đến từng nhà tuyên truyền về phòng cháy chữa cháy.",
          "Hợp tác xã mở rộng diện tích trồng rau an toàn."]
PLACES = ["An Bình", "Tân Lập", "Hòa Phú", "Phước Sơn", "Vĩnh Lộc", "Thạnh Mỹ"]


def make_article(i: int, levels: dict, rng: random.Random) -> dict:
    sentences = [rng.choice(FILLER) for _ in range(rng.randint(3, 6))]
    for theme, level in levels.items():
        if level == 2:
            sentences += rng.sample(SUBSTANTIVE[theme], 2)
        elif level == 1:
            sentences.append(ENUMERATION[theme])
    rng.shuffle(sentences)
    fill = {"p": rng.choice(PLACES), "n": rng.randint(2, 9)}
    text = "\n".join(s.format(**fill) for s in sentences)
    return {"id": f"toy/{i:04d}", "source": "synthetic", "title": f"Tin xã {fill['p']}",
            "text": text, "levels": levels}


def write_toy_set(directory, n: int = 150, seed: int = 7):
    """Writes taxonomy.toml and themes.jsonl into ``directory``; returns their paths."""
    from pipeline.themes.labels import split_of

    rng = random.Random(seed)
    taxonomy = directory / "taxonomy.toml"
    taxonomy.write_text(TOY_TAXONOMY, encoding="utf-8")
    labels = directory / "themes.jsonl"
    with open(labels, "w", encoding="utf-8") as fh:
        for i in range(n):
            levels = {"fishing": i % 3, "football": (i // 3) % 3}
            row = make_article(i, levels, rng)
            row["split"] = split_of(row["id"])
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return taxonomy, labels


def write_toy_sentence_labels(labels_path):
    """Sentence labels for the toy set's training articles, in raw/sentences_<theme>.jsonl
    beside ``labels_path``: each theme sentence at its article's level, a filler at 0."""
    raw = labels_path.parent / "raw"
    raw.mkdir(exist_ok=True)
    rows = [json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines()]
    lexicons = {t["label"]: t["lexicon"] for t in tomllib.loads(TOY_TAXONOMY)["theme"]}
    for theme in SUBSTANTIVE:
        with open(raw / f"sentences_{theme}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                if row["split"] != "train":
                    continue
                for sentence in row["text"].split("\n"):
                    named = any(w in sentence.lower() for w in lexicons[theme])
                    level = row["levels"][theme] if named else 0
                    fh.write(json.dumps({"id": row["id"], "index": -1, "text": sentence,
                                         "level": level}, ensure_ascii=False) + "\n")
    return raw
