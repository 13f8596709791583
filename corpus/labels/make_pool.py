"""Build the pool of real articles to label for themes, and reading views for annotators.

Keyword screens only PROPOSE candidates (so that rare themes get enough
examples and hard negatives are present); every label is decided by an
annotator reading the article against ../shared/ANNOTATION.md.

    python corpus/labels/make_pool.py            # writes corpus/labels/pool.jsonl
    python corpus/labels/make_pool.py --views DIR  # also writes reading batches
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / ".." / "shared" / "corpus"

# Broad screens: wide on purpose (they also catch hard negatives).
STRONG = {
    "new_rural": r"nông thôn mới|\bNTM\b|19 tiêu chí",
    "land_clearance": r"giải phóng mặt bằng|\bGPMB\b|thu hồi đất|tái định cư|cưỡng chế|bàn giao mặt bằng|hiến đất|giải tỏa",
    "religion": r"tôn giáo|tín ngưỡng|tín đồ|chức sắc|linh mục|giám mục|hòa thượng|thượng tọa|giáo xứ|giáo hội|phật giáo|công giáo|tin lành|cao đài|hòa hảo|tăng ni|phật tử|mục sư|thờ mẫu",
    "ethnicity": r"dân tộc thiểu số|đồng bào dân tộc|người có uy tín|già làng|ê đê|gia rai|jrai|ba na|bahnar|h'mông|người mông|người dao|người tày|người nùng|người thái|người mường|người chăm|khmer|xơ đăng|cơ tu|m'nông|dân tộc nội trú|công tác dân tộc|ủy ban dân tộc|vùng đồng bào",
}
WEAK = {  # words that often mean something else: the hard negatives
    "land_clearance": r"bồi thường|đền bù|mặt bằng",
    "religion": r"chùa|nhà thờ|đền |miếu|lễ hội|phật",
    "ethnicity": r"dân tộc",
    "new_rural": r"nông thôn|tiêu chí",
}
QUOTA_STRONG = {"new_rural": 10_000, "land_clearance": 450, "religion": 420, "ethnicity": 420}
QUOTA_WEAK = {"new_rural": 60, "land_clearance": 130, "religion": 150, "ethnicity": 150}
QUOTA_NONE = {"vietnews": 170, "dantri": 90}
SOURCES = {"vietnews": "vietnews_pool.jsonl", "dantri": "dantri_unc.jsonl", "party": "party_legal_2025.jsonl"}
MAX_CHARS = 12_000  # very long texts (laws, Wikipedia) are cut for labelling and training


def _rank(doc_id: str) -> str:
    return hashlib.sha1(doc_id.encode()).hexdigest()


def load_docs() -> list[dict]:
    docs = []
    for short, name in SOURCES.items():
        with open(SHARED / name, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if len(d["text"]) < 300:
                    continue
                d["_src"] = short
                docs.append(d)
    return docs


def select(docs: list[dict]) -> list[dict]:
    strong = {t: re.compile(p, re.I) for t, p in STRONG.items()}
    weak = {t: re.compile(p, re.I) for t, p in WEAK.items()}
    chosen: dict[str, dict] = {}
    docs = sorted(docs, key=lambda d: _rank(d["id"]))
    for theme in STRONG:
        hits = [d for d in docs if strong[theme].search(d["title"] + "\n" + d["text"][:MAX_CHARS])]
        # prefer articles with several strong hits: likely substantive
        hits.sort(key=lambda d: -min(3, len(strong[theme].findall(d["text"][:MAX_CHARS]))))
        for d in hits[:QUOTA_STRONG[theme]]:
            chosen.setdefault(d["id"], d)
        only_weak = [d for d in docs if weak[theme].search(d["text"][:MAX_CHARS])
                     and not strong[theme].search(d["title"] + "\n" + d["text"][:MAX_CHARS])]
        for d in only_weak[:QUOTA_WEAK[theme]]:
            chosen.setdefault(d["id"], d)
    for src, quota in QUOTA_NONE.items():
        none = [d for d in docs if d["_src"] == src and d["id"] not in chosen
                and not any(p.search(d["text"]) for p in list(strong.values()) + list(weak.values()))]
        for d in none[:quota]:
            chosen[d["id"]] = d
    return sorted(chosen.values(), key=lambda d: _rank(d["id"]))


def write_pool(pool: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for d in pool:
            text = d["text"][:MAX_CHARS]
            rec = {"id": d["id"], "source": d.get("source") or SOURCES[d["_src"]],
                   "url": d.get("url"), "title": d["title"], "text": text}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


ANY = re.compile("|".join(f"(?:{p})" for p in list(STRONG.values()) + list(WEAK.values())), re.I)
SENT = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ\"“])")


def reading_view(rec: dict, max_sents: int = 14, screen: re.Pattern = ANY) -> str:
    """Title, lead and every sentence that could carry a theme (that ``screen`` flags)."""
    paras = [p.strip() for p in rec["text"].split("\n") if p.strip()]
    out = [f"### {rec['id']}  ({len(paras)} paragraphs, {len(rec['text'])} chars)", f"TITLE: {rec['title']}"]
    if paras:
        out.append(f"LEAD: {paras[0][:500]}")
    shown = 0
    total = 0
    for i, para in enumerate(paras[1:], start=1):
        for sent in SENT.split(para):
            if screen.search(sent):
                total += 1
                if shown < max_sents:
                    out.append(f"[p{i}] {sent[:400]}")
                    shown += 1
    if total > shown:
        out.append(f"[... {total - shown} more sentences with theme words]")
    if total == 0:
        out.append("(no other sentence contains a theme word)")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--views", type=Path, help="write reading batches here")
    parser.add_argument("--batch", type=int, default=25)
    args = parser.parse_args()
    pool = select(load_docs())
    write_pool(pool, HERE / "pool.jsonl")
    print(f"{len(pool)} articles in pool")
    if args.views:
        args.views.mkdir(parents=True, exist_ok=True)
        for start in range(0, len(pool), args.batch):
            part = pool[start:start + args.batch]
            views = [reading_view({**d, "text": d["text"][:MAX_CHARS]}) for d in part]
            name = args.views / f"batch_{start // args.batch:03d}.txt"
            name.write_text("\n\n".join(views) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
