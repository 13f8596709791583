"""``make eval`` section for normalisation and places.

- Province finder: the five seeds against gold; and, for generality, news articles of
  ../shared/corpus/vietnews_pool.jsonl whose title opens with a province ("Bình Dương: ...")
  used as silver labels, the finder reading the BODY only (title removed).
- Repair: gold paragraphs turned into TCVN3, VNI and mojibake must come back exactly; corpus
  articles (correct Unicode) must never be changed.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SILVER_LIMIT = 400  # articles with a province lead, out of the pool
CLEAN_LIMIT = 2000  # articles checked for false repairs


def _shared() -> Path | None:
    for candidate in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if candidate.is_dir():
            return candidate
    return None


def _seeds(shared: Path) -> list[dict]:
    return [json.loads(line) for line in (shared / "seeds" / "gold_clean.jsonl").read_text("utf-8").splitlines()]


def _silver(shared: Path):
    from pipeline.geo import normalise_province_name

    lead = re.compile(r"^\s*([^:–-]{2,30}?)\s*:")
    with (shared / "corpus" / "vietnews_pool.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            match = lead.match(article.get("title") or "")
            province = normalise_province_name(match.group(1)) if match else None
            if province:
                yield province, [p for p in article["text"].split("\n") if p.strip()]


def run() -> tuple[str, bool]:
    from pipeline.geo import find_province, to_2025
    from pipeline.normalize import repair_text, unicode_to_legacy

    shared = _shared()
    if shared is None:
        return "normgeo: ../shared is absent; nothing to evaluate", False
    lines = ["### Province finder", "", "| seed | gold | found | evidence |", "|---|---|---|---|"]
    seeds_ok = True
    for gold in _seeds(shared):
        match = find_province(gold["title"], gold["paragraphs"], gold["published"])
        found = match.province if match else None
        seeds_ok &= found == gold["province"]
        evidence = ", ".join(match.evidence[:4]) if match else ""
        lines.append(f"| {gold['id'][:3]} | {gold['province']} | {found} | {evidence} |")

    correct = wrong = none = 0
    started = time.perf_counter()
    for n, (province, paragraphs) in enumerate(_silver(shared)):
        if n >= SILVER_LIMIT:
            break
        match = find_province(None, paragraphs)
        if match is None:
            none += 1
        elif to_2025(match.province) == to_2025(province) and match.province == province:
            correct += 1
        else:
            wrong += 1
    total = correct + wrong + none
    elapsed = time.perf_counter() - started
    precision = correct / (correct + wrong) if correct + wrong else 0.0
    lines += ["", f"Silver set (vietnews_pool, title lead as label, body only): {total} articles; "
              f"correct {correct}, wrong {wrong}, none {none}; precision {precision:.3f}, "
              f"coverage {(correct + wrong) / max(total, 1):.3f}; {total / max(elapsed, 1e-9):.0f} articles/s."]

    paragraphs = [p for gold in _seeds(shared) for p in gold["paragraphs"] if len(p) > 30]
    def mojibake(text):
        return text.encode("utf-8").decode("cp1252", errors="danvan-latin1")
    round_trip = {
        "TCVN3": sum(repair_text(unicode_to_legacy(p, "tcvn3"))[0].lower() == p.lower() for p in paragraphs),
        "VNI": sum(repair_text(unicode_to_legacy(p, "vni"))[0] == p for p in paragraphs),
        "mojibake": sum(repair_text(mojibake(p))[0] == p for p in paragraphs),
    }
    changed = checked = 0
    with (shared / "corpus" / "vietnews_pool.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if checked >= CLEAN_LIMIT:
                break
            text = json.loads(line)["text"]
            checked += 1
            changed += repair_text(text)[0] != text
    lines += ["", "### Repair", "", "| family | restored exactly |", "|---|---|"]
    lines += [f"| {name} | {ok}/{len(paragraphs)} |" for name, ok in round_trip.items()]
    lines += ["", f"Correct Unicode articles changed by repair_text: {changed}/{checked}."]
    met = (seeds_ok and precision >= 0.95 and changed == 0
           and all(ok == len(paragraphs) for ok in round_trip.values()))
    return "\n".join(lines), met


if __name__ == "__main__":
    section, ok = run()
    print(section)
    print("target met" if ok else "target MISSED")
