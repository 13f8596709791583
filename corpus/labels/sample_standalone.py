"""Propose standalone sentences for labelling (see README.md, "Sentence labels").

    python corpus/labels/sample_standalone.py --round 1 --out DIR   # theme-word sentences
    python corpus/labels/sample_standalone.py --round 2 --out DIR   # the gaps of round 2
    python corpus/labels/sample_standalone.py --round 3 --out DIR   # names in report register

Sentences come from shared-corpus articles that are not in the labelled set (nor a duplicate
of one) and share no sentence with a dev or test article, so a standalone label can never
carry a held-out article into training. Round 1 takes sentences naming a theme (taxonomy
lexicon), weighted towards the Party-report register; round 2 takes what the train and dev
errors showed missing: folk-belief rites (religion), named minority peoples (ethnicity), and
other senses of their words; round 3 takes sentences that use a theme's name (taxonomy
``names``) in the Party-report register, where a task on the theme's field (2) and the same
field as one item of a list (1) must be told apart (the seeds' misses). Writes
cand_<theme>.jsonl ({"sid", "id", "text"}) to DIR for the annotators (SENTENCE_GUIDE.md);
keywords only propose, the annotators decide every level.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from pipeline.normalize import normalize  # noqa: E402
from pipeline.themes.taxonomy import load_taxonomy  # noqa: E402

SHARED = REPO.parent / "shared" / "corpus"
FILES = ("party_legal_2025", "vietnews_pool", "dantri_unc")
REGISTER = ("tăng cường", "đẩy mạnh", "vận động", "tuyên truyền", "triển khai", "chỉ đạo",
            "công tác", "tiếp tục", "nâng cao", "phối hợp", "cấp ủy", "chính quyền", "mặt trận",
            "đoàn thể", "hệ thống chính trị", "nhiệm vụ", "quán triệt", "chú trọng", "quan tâm",
            "thực hiện tốt", "hiệu quả", "chính sách", "nghị quyết", "chỉ thị", "đồng thuận",
            "giải quyết")
PEOPLES = ("Mông|H'Mông|Dao|Tày|Nùng|Ê Đê|Gia Rai|Ba Na|Khmer|Chăm|Giẻ Triêng|Raglai|Xơ Đăng|"
           "Cơ Tu|Mường|Sán Chỉ|Sán Dìu|Hà Nhì|Lô Lô|Pà Thẻn|Vân Kiều|Pa Kô|Tà Ôi|M'Nông|"
           "Xtiêng|Chơ Ro|Mạ|Co|Hrê|Lự|Khơ Mú|Thái|Hoa|Si La|Cống|La Hủ|Chứt|Cờ Lao|Bố Y|"
           "Kháng|Xinh Mun|Sán Chay|Chu Ru|K'Ho|Cơ Ho")
ROUND2 = {  # bucket: (theme, pattern, how many)
    "folk_belief": ("religion", re.compile(
        r"\b(cúng|thầy cúng|thầy mo|thần linh|tà ma|ma quỷ|thờ cúng|lễ tế|tế lễ|cầu mưa|cầu mùa|"
        r"cầu an|lên đồng|hầu đồng|đạo Mẫu|thờ Mẫu|bà đồng|bói|vàng mã|miếu|đình làng|"
        r"thần hoàng|linh thiêng|tâm linh|phù hộ|cúng rừng|cúng bản|rước kiệu)\b", re.I), 110),
    "religion_senses": ("religion", re.compile(
        r"\b(tín đồ|đạo diễn|đạo đức|thánh địa|tâm linh)\b", re.I), 40),
    "peoples": ("ethnicity", re.compile(rf"\b(người|đồng bào|dân tộc|bà con) ({PEOPLES})\b"), 110),
    "ethnicity_senses": ("ethnicity", re.compile(
        r"\b(dân tộc|bản sắc|bản làng|vùng cao|già làng|người có uy tín)\b", re.I), 50),
}


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _sentences(text: str) -> list[str]:
    from underthesea import sent_tokenize
    return [s for p in text.split("\n") if p.strip() for s in sent_tokenize(normalize(p))]


def _excluded(labels_dir: Path):
    """Ids of the labelled set and the (long) sentences of its dev and test articles."""
    lines = [json.loads(l) for l in open(labels_dir / "themes.jsonl", encoding="utf-8")]
    ids = {l["id"] for l in lines} | {d for l in lines for d in l.get("duplicates", ())}
    held = {_norm(s) for l in lines if l["split"] in ("dev", "test")
            for p in l["text"].split("\n") for s in re.split(r"(?<=[.!?])\s+", p) if len(s) > 50}
    done = {_norm(json.loads(l)["text"]) for f in (labels_dir / "raw").glob("sentences_*.jsonl")
            for l in open(f, encoding="utf-8")}
    return ids, held, done


def _articles(ids, held, keep):
    """(id, sentences) of the unlabelled shared-corpus articles that ``keep`` accepts."""
    for name in FILES:
        with open(SHARED / f"{name}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                if doc["id"] in ids or not keep(doc["text"]):
                    continue
                sentences = _sentences(doc["text"])
                if not any(_norm(s) in held for s in sentences if len(s) > 50):
                    yield doc["id"], sentences


def _register(row) -> int:
    """How many Party-report words the sentence holds."""
    text = row["text"].lower()
    return sum(word in text for word in REGISTER)


def _take(rows, want, rng, per_article=2):
    """Up to ``want`` rows at random, at most ``per_article`` per article, one per text (the
    same boilerplate sentence recurs across articles)."""
    rng.shuffle(rows)
    count, texts, out = {}, set(), []
    for row in rows:
        if len(out) >= want:
            break
        key = _norm(row["text"])
        if count.get(row["id"], 0) < per_article and key not in texts:
            count[row["id"]] = count.get(row["id"], 0) + 1
            texts.add(key)
            out.append(row)
    return out


def round1(ids, held, done, rng) -> dict[str, list]:
    themes = load_taxonomy()
    found = {t.label: [] for t in themes}
    for article_id, sentences in _articles(ids, held, lambda text: any(
            t.lexicon_hits(text.lower()) for t in themes)):
        for n, s in enumerate(sentences):
            if 8 <= len(s.split()) <= 120 and _norm(s) not in done:
                for t in themes:
                    if t.lexicon_hits(s):
                        found[t.label].append({"id": article_id, "n": n, "text": s})
    out = {}
    for theme, rows in found.items():
        out[theme] = (_take([r for r in rows if _register(r) >= 3], 100, rng)
                      + _take([r for r in rows if 1 <= _register(r) < 3], 60, rng)
                      + _take([r for r in rows if _register(r) == 0], 90, rng))
    return out


def round2(ids, held, done, rng) -> dict[str, list]:
    found = {bucket: [] for bucket in ROUND2}
    for article_id, sentences in _articles(ids, held, lambda text: any(
            p.search(text) for _, p, _ in ROUND2.values())):
        for n, s in enumerate(sentences):
            if 6 <= len(s.split()) <= 110 and _norm(s) not in done:
                for bucket, (_, pattern, _) in ROUND2.items():
                    if pattern.search(s):
                        found[bucket].append({"id": article_id, "n": n, "text": s})
                        break
    out: dict[str, list] = {}
    for bucket, (theme, _, want) in ROUND2.items():
        out.setdefault(theme, []).extend(_take(found[bucket], want, rng))
    return out


ROUND3_WANT = 150  # per theme: sentences with two or more Party-report words first, then one


def round3(ids, held, done, rng) -> dict[str, list]:
    themes = load_taxonomy()
    names = {t.label: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in t.names)
                                 + r")(?!\w)") for t in themes if t.names}
    found = {label: [] for label in names}
    for article_id, sentences in _articles(ids, held, lambda text: any(
            p.search(text.lower()) for p in names.values())):
        for n, s in enumerate(sentences):
            if not 8 <= len(s.split()) <= 120 or _norm(s) in done:
                continue
            row = {"id": article_id, "n": n, "text": s}
            row["register"] = _register(row)
            if not row["register"]:
                continue
            for label, pattern in names.items():
                if pattern.search(s.lower()):
                    found[label].append(row)
    out = {}
    for label, rows in found.items():
        strong = _take([r for r in rows if r["register"] >= 2], ROUND3_WANT, rng)
        out[label] = strong + _take([r for r in rows if r["register"] == 1],
                                    ROUND3_WANT - len(strong), rng)
    return out


ROUNDS = {1: round1, 2: round2, 3: round3}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", type=int, choices=sorted(ROUNDS), required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    excluded = _excluded(Path(__file__).resolve().parent)
    chosen = ROUNDS[args.round](*excluded, rng)
    args.out.mkdir(parents=True, exist_ok=True)
    for theme, rows in chosen.items():
        rng.shuffle(rows)
        with open(args.out / f"cand_{theme}.jsonl", "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({"sid": f"{r['id']}#s{r['n']}", "id": r["id"],
                                     "text": r["text"]}, ensure_ascii=False) + "\n")
        print(f"{theme}: {len(rows)} sentences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
