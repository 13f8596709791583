"""Rebuild corpus/sample/articles.jsonl from ../shared/corpus (deterministic).

Picks real articles rich in the four themes and in directive citations, plus
ordinary ones, so that the bundled demo corpus exercises every facet:

    python corpus/sample/make_sample.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

# Broad screens: they choose candidates; the pipeline's tagger decides the themes.
SCREENS = {
    "religion": ["tôn giáo", "tín đồ", "chức sắc", "phật giáo", "công giáo", "giáo xứ", "tín ngưỡng",
                 "nhà thờ", "linh mục", "hòa thượng", "đạo tin lành", "cao đài", "hòa hảo"],
    "ethnicity": ["dân tộc thiểu số", "đồng bào dân tộc", "người có uy tín", "vùng đồng bào",
                  "công tác dân tộc", "người ê đê", "người mông", "người khmer", "người gia rai",
                  "người ba na", "người thái", "người dao"],
    "land_clearance": ["giải phóng mặt bằng", "gpmb", "thu hồi đất", "tái định cư", "bàn giao mặt bằng",
                       "cưỡng chế", "bồi thường, hỗ trợ"],
    "new_rural": ["nông thôn mới", "19 tiêu chí", "đạt chuẩn ntm", "nông thôn mới nâng cao"],
    "dan_van": ["dân vận", "mặt trận tổ quốc", "dân chủ ở cơ sở", "dân vận khéo"],
}
DIRECTIVE = re.compile(r"\b\d{1,4}-(?:NQ|CT|KL|QĐ|QC|HD|TB|KH|QĐi)/[A-ZĐ]{2,6}\b"
                       r"|\b\d{1,5}/(?:\d{4}/)?(?:NQ|CT|QĐ|NĐ|TT|QH\d*|UBND)[-A-ZĐa-z0-9]*\b")
FILES = ["vietnews_pool.jsonl", "dantri_unc.jsonl", "party_legal_2025.jsonl"]
LICENCES = {
    "vietnews_pool.jsonl": "ThanhChinhBK/vietnews (VNDS); no licence file; research dataset; "
                           "texts belong to their newspapers",
    "dantri_unc.jsonl": "undertheseanlp/resources CP_Vietnamese-UNC; repository GPL-3.0; "
                        "texts belong to Dân trí",
    "party_legal_2025.jsonl": "tnt305/tai_lieu_noi_bo; no licence file; mixed (Wikipedia CC BY-SA, "
                              "others copyrighted)",
}
PER_THEME = 50
WITH_CITATIONS = 60
ORDINARY = 50
MAX_CHARS = 12000


def hits(text: str, words: list[str]) -> int:
    low = text.lower()
    return sum(low.count(w) for w in words)


def load(shared: Path) -> list[dict]:
    docs = []
    for name in FILES:
        for line in (shared / "corpus" / name).open(encoding="utf-8"):
            d = json.loads(line)
            text = d.get("text") or ""
            if not (400 <= len(text) <= MAX_CHARS):
                continue
            if name == "party_legal_2025.jsonl" and d.get("doc_type_guess") == "wikipedia":
                continue  # encyclopaedia pages are not news
            d["_file"] = name
            blob = (d.get("title") or "") + "\n" + text
            d["_hits"] = {theme: hits(blob, words) for theme, words in SCREENS.items()}
            d["_cites"] = len(set(DIRECTIVE.findall(blob)))
            docs.append(d)
    return docs


def choose(docs: list[dict]) -> list[tuple[dict, str]]:
    rng = random.Random(7)
    chosen: dict[str, tuple[dict, str]] = {}
    for theme in SCREENS:
        ranked = sorted((d for d in docs if d["_hits"][theme] >= 3),
                        key=lambda d: (-d["_hits"][theme], d["id"]))
        # the richest third, then a random draw from the rest of the rich ones
        top, rest = ranked[:PER_THEME // 3], ranked[PER_THEME // 3:]
        picks = top + rng.sample(rest, min(len(rest), PER_THEME - len(top)))
        for d in picks:
            chosen.setdefault(d["id"], (d, f"theme:{theme}"))
    cited = sorted((d for d in docs if d["_cites"] >= 2 and d["id"] not in chosen),
                   key=lambda d: (-d["_cites"], d["id"]))
    for d in cited[:WITH_CITATIONS // 2] + rng.sample(cited[WITH_CITATIONS // 2:],
                                                      min(len(cited) - WITH_CITATIONS // 2,
                                                          WITH_CITATIONS // 2)):
        chosen.setdefault(d["id"], (d, "citations"))
    plain = [d for d in docs if not any(d["_hits"].values()) and not d["_cites"]]
    for d in rng.sample(plain, ORDINARY):
        chosen.setdefault(d["id"], (d, "ordinary"))
    return sorted(chosen.values(), key=lambda pair: pair[0]["id"])


def to_line(d: dict, reason: str) -> str:
    record = {"id": d["id"], "title": d.get("title"), "url": d.get("url") or None,
              "text": d["text"]}
    if d.get("date") and re.fullmatch(r"\d{8}", d["date"]):
        record["published"] = f"{d['date'][:4]}-{d['date'][4:6]}-{d['date'][6:]}"
        record["published_precision"] = "day"
    record["provenance"] = {"source": d.get("source") or d["_file"].split("_")[0],
                            "source_file": f"../shared/corpus/{d['_file']}",
                            "licence": LICENCES[d["_file"]], "sample_reason": reason}
    return json.dumps(record, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    docs = load(args.shared)
    picked = choose(docs)
    out = HERE / "articles.jsonl"
    out.write_text("".join(to_line(d, r) + "\n" for d, r in picked), encoding="utf-8")
    from collections import Counter
    print(f"wrote {len(picked)} articles to {out}")
    print(Counter(r for _, r in picked))
    print(Counter(d["_file"] for d, _ in picked))


if __name__ == "__main__":
    main()
