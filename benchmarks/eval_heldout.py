"""Held-out generality test: cleaning and extraction on CMS families, periods and sources not in the seeds.

Data: ``tests/heldout/text/*.txt`` (scraped text) and ``tests/heldout/html/*.html`` (pages), each
with ``gold.jsonl`` (see tests/heldout/README.md). Runs ``pipeline.extract.clean_text`` on the
text, ``pipeline.extract.extract_html`` on the pages (the bytes, as a crawler has them), and
trafilatura alone on the pages for comparison.

Measures, per sample: token-level F1 of the paragraphs (a bag of whitespace-split words of the
whole text after NFC, as for the seeds), and exact match of title, published, author and
province (spacing, NFC and tone placement ignored; author and province also ignore case and
the "tỉnh"/"TP." prefix). Target: mean F1 >= 0.95 and >= 90% of metadata right.

``python -m benchmarks.eval_heldout [--details]`` prints the table (and, with --details, what
was kept or lost per failing sample).
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "heldout"
FIELDS = ("title", "published", "author", "province")
F1_TARGET = 0.95
META_TARGET = 0.90

# Old-style tone placement -> modern, so "Tỉnh uỷ" and "Tỉnh ủy" compare equal in metadata.
_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe",
          "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy",
          "uỵ": "ụy"}
_TONE_RE = re.compile("|".join(_TONES) + "|" + "|".join(k.upper() for k in _TONES)
                      + "|" + "|".join(k[0].upper() + k[1] for k in _TONES))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def tokens(paragraphs: list[str]) -> Counter:
    return Counter(_nfc(" ".join(paragraphs)).split())


def token_f1(predicted: list[str], gold: list[str]) -> tuple[float, float, float]:
    """(F1, precision, recall) of the bags of words; two empty texts score 1."""
    pred, want = tokens(predicted), tokens(gold)
    if not pred and not want:
        return 1.0, 1.0, 1.0
    overlap = sum((pred & want).values())
    p = overlap / sum(pred.values()) if pred else 0.0
    r = overlap / sum(want.values()) if want else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def _modern(text: str) -> str:
    def swap(m: re.Match) -> str:
        s = m.group(0)
        low = _TONES[s.lower()]
        if s.isupper():
            return low.upper()
        return low[0].upper() + low[1] if s[0].isupper() else low

    return _TONE_RE.sub(swap, _nfc(text))


def _norm(value: Optional[str], field: str) -> Optional[str]:
    if value is None:
        return None
    text = " ".join(_modern(str(value)).split())
    if field in ("author", "province"):
        text = text.casefold()
    if field == "province":
        text = re.sub(r"^(tỉnh|thành phố|tp\.?)\s*", "", text)
        text = text.replace(" - ", "-").replace("–", "-")
    return text or None


def field_ok(field: str, predicted, gold) -> bool:
    return _norm(predicted, field) == _norm(gold, field)


def load(kind: str) -> list[dict]:
    path = DATA / kind / "gold.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _diff(predicted: list[str], gold: list[str]) -> tuple[list[str], list[str]]:
    """Predicted lines that are no gold text (kept boilerplate) and gold lines absent from the output."""
    pred_text = _nfc("\n".join(predicted))
    gold_text = _nfc("\n".join(gold))
    extra = [p for p in predicted if _nfc(p).strip() and _nfc(p).strip() not in gold_text]
    lost = [g for g in gold if _nfc(g).strip() not in pred_text]
    return extra, lost


def _run_one(kind: str, gold: dict, extract) -> dict:
    suffix = ".txt" if kind == "text" else ".html"
    path = DATA / kind / f"{gold['id']}{suffix}"
    row = {"id": gold["id"], "family": gold.get("family", ""), "error": None}
    try:
        if kind == "text":
            art = extract.clean_text(path.read_text(encoding="utf-8"), id=gold["id"], url=gold.get("url"))
        else:
            art = extract.extract_html(path.read_bytes(), url=gold.get("url"))
        pred = {f: getattr(art, f, None) for f in FIELDS}
        paragraphs = list(art.paragraphs)
        row["warnings"] = list(getattr(art, "warnings", []) or [])
    except Exception as exc:  # a failing sample is a finding, not a crash of the evaluation
        row["error"] = f"{type(exc).__name__}: {exc}"
        pred, paragraphs = {f: None for f in FIELDS}, []
    row["f1"], row["precision"], row["recall"] = token_f1(paragraphs, gold["paragraphs"])
    row["pred"] = pred
    row["ok"] = {}
    for f in FIELDS:
        if f == "province" and gold.get("province_ambiguous"):
            continue  # several provinces named: no single right answer
        row["ok"][f] = field_ok(f, pred[f], gold[f])
    row["extra"], row["lost"] = _diff(paragraphs, gold["paragraphs"])
    return row


def _trafilatura_rows(golds: list[dict]) -> list[dict]:
    try:
        import trafilatura
    except ImportError:
        return []
    rows = []
    for gold in golds:
        raw = (DATA / "html" / f"{gold['id']}.html").read_bytes()
        doc = trafilatura.bare_extraction(raw, url=gold.get("url"), include_comments=False,
                                          include_tables=True, with_metadata=True)
        text = getattr(doc, "text", None) if doc is not None and not isinstance(doc, dict) else (doc or {}).get("text")
        meta = doc if isinstance(doc, dict) else (doc.as_dict() if doc is not None else {})
        paragraphs = [p for p in (text or "").split("\n") if p.strip()]
        f1, p, r = token_f1(paragraphs, gold["paragraphs"])
        ok = {"title": field_ok("title", meta.get("title"), gold["title"]),
              "published": field_ok("published", meta.get("date"), gold["published"]),
              "author": field_ok("author", meta.get("author"), gold["author"])}
        rows.append({"id": gold["id"], "f1": f1, "precision": p, "recall": r, "ok": ok,
                     "pred": {"title": meta.get("title"), "published": meta.get("date"),
                              "author": meta.get("author")}})
    return rows


def _short(value, width: int = 38) -> str:
    text = "∅" if value is None else str(value).replace("|", "/").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(title: str, rows: list[dict], golds: dict) -> list[str]:
    out = [f"### {title}", "",
           "| sample | F1 | P | R | title | published | author | province | note |",
           "|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        cells = []
        for f in FIELDS:
            if f not in row["ok"]:
                cells.append("n/a")
            elif row["ok"][f]:
                cells.append("ok")
            else:
                cells.append(f"✗ `{_short(row['pred'].get(f), 24)}` (gold `{_short(golds[row['id']][f], 24)}`)")
        note = _short(row["error"], 60) if row.get("error") else ""
        out.append(f"| {row['id']} | {row['f1']:.3f} | {row['precision']:.3f} | {row['recall']:.3f} | "
                   + " | ".join(cells) + f" | {note} |")
    return out + [""]


def _summary(rows: list[dict]) -> tuple[float, int, int]:
    if not rows:
        return 0.0, 0, 0
    mean_f1 = sum(r["f1"] for r in rows) / len(rows)
    right = sum(sum(r["ok"].values()) for r in rows)
    scored = sum(len(r["ok"]) for r in rows)
    return mean_f1, right, scored


def details(rows: list[dict], golds: dict, limit: int = 6) -> list[str]:
    """What went wrong in each failing sample: boilerplate kept, text lost, metadata off."""
    out = []
    for row in rows:
        bad_meta = [f for f, ok in row["ok"].items() if not ok]
        if row["f1"] >= 0.99 and not bad_meta and not row.get("error"):
            continue
        out.append(f"#### {row['id']} ({row['family']}) F1 {row['f1']:.3f}")
        if row.get("error"):
            out.append(f"- error: {row['error']}")
        for f in bad_meta:
            out.append(f"- {f}: got `{row['pred'].get(f)}`, gold `{golds[row['id']][f]}`")
        for line in row["extra"][:limit]:
            out.append(f"- kept (not article text): `{_short(line, 110)}`")
        if len(row["extra"]) > limit:
            out.append(f"- ... and {len(row['extra']) - limit} more kept lines")
        for line in row["lost"][:limit]:
            out.append(f"- lost (article text): `{_short(line, 110)}`")
        if len(row["lost"]) > limit:
            out.append(f"- ... and {len(row['lost']) - limit} more lost lines")
        out.append("")
    return out


def evaluate() -> dict:
    try:
        from pipeline import extract
    except ImportError as exc:
        return {"error": f"pipeline.extract is not available ({exc})"}
    text_golds, html_golds = load("text"), load("html")
    golds = {g["id"]: g for g in text_golds + html_golds}
    text_rows = [_run_one("text", g, extract) for g in text_golds]
    html_rows = [_run_one("html", g, extract) for g in html_golds]
    return {"golds": golds, "text": text_rows, "html": html_rows,
            "trafilatura": _trafilatura_rows(html_golds)}


def run(with_details: bool = False) -> tuple[str, bool]:
    result = evaluate()
    if "error" in result:
        return f"## Held-out generality\n\n{result['error']}\n", False
    golds = result["golds"]
    lines = ["## Held-out generality (CMS families, periods and sources not in the seeds)", ""]
    lines += _table(f"Scraped text: clean_text ({len(result['text'])} samples)", result["text"], golds)
    lines += _table(f"HTML: extract_html ({len(result['html'])} pages)", result["html"], golds)
    if result["trafilatura"]:
        lines += ["### HTML: trafilatura alone (same pages; title/published/author only)", "",
                  "| page | F1 | P | R | title | published | author |", "|---|---|---|---|---|---|---|"]
        for row in result["trafilatura"]:
            marks = ["ok" if row["ok"][f] else f"✗ `{_short(row['pred'][f], 24)}`" for f in ("title", "published", "author")]
            lines.append(f"| {row['id']} | {row['f1']:.3f} | {row['precision']:.3f} | {row['recall']:.3f} | "
                         + " | ".join(marks) + " |")
        lines.append("")
    all_rows = result["text"] + result["html"]
    mean_f1, right, scored = _summary(all_rows)
    t_f1, t_right, t_scored = _summary(result["text"])
    h_f1, h_right, h_scored = _summary(result["html"])
    share = right / scored if scored else 0.0
    lines += ["### Totals", "",
              "| set | samples | mean F1 | samples F1 >= 0.95 | metadata right |", "|---|---|---|---|---|"]
    for name, rows, f1, r, s in (("text", result["text"], t_f1, t_right, t_scored),
                                 ("html", result["html"], h_f1, h_right, h_scored),
                                 ("all", all_rows, mean_f1, right, scored)):
        good = sum(1 for row in rows if row["f1"] >= 0.95)
        lines.append(f"| {name} | {len(rows)} | {f1:.3f} | {good}/{len(rows)} | {r}/{s} ({(r / s if s else 0):.0%}) |")
    if result["trafilatura"]:
        tf = sum(r["f1"] for r in result["trafilatura"]) / len(result["trafilatura"])
        lines.append(f"| html, trafilatura alone | {len(result['trafilatura'])} | {tf:.3f} | "
                     f"{sum(1 for r in result['trafilatura'] if r['f1'] >= 0.95)}/{len(result['trafilatura'])} | - |")
    per_field = {f: (sum(1 for r in all_rows if r["ok"].get(f)), sum(1 for r in all_rows if f in r["ok"]))
                 for f in FIELDS}
    lines += ["", "Metadata by field: " + ", ".join(f"{f} {a}/{b}" for f, (a, b) in per_field.items()), ""]
    met = mean_f1 >= F1_TARGET and share >= META_TARGET
    lines.append(f"Target (mean F1 >= {F1_TARGET}, metadata >= {META_TARGET:.0%}): "
                 f"{'met' if met else 'NOT met'} (F1 {mean_f1:.3f}, metadata {share:.0%})")
    if with_details:
        lines += ["", "### Details of failing samples", ""] + details(all_rows, golds)
    return "\n".join(lines) + "\n", met


if __name__ == "__main__":
    text, ok = run(with_details="--details" in sys.argv)
    print(text)
    sys.exit(0 if ok else 1)
